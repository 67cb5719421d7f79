"""Review text → the units that topics are built from: sentences, cut again at contrastive conjunctions.

A review often praises and complains in one sentence ("Great screen but the battery dies by noon"); the
classifier would give that sentence one middling score. Cutting at "but", "mais", "par contre"... gives each
clause its own score, while the whole sentence is kept for quoting. Sentences come from ``sentencex``
(Wikimedia's segmenter: rule-based, no dependencies, ~0.02 ms per review, and it cuts after "!!!" and "..."
where pysbd 0.3.4 did not, at ~2.4 ms per review).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import sentencex
from yake import KeywordExtractor

SUPPORTED_LANGUAGES = ("en", "fr")
_CONTRAST = re.compile(
    r"\s*,?\s*\b(?:but|however|although|though|except that|whereas|mais|cependant|pourtant|par contre|"
    r"en revanche|sauf que|néanmoins|toutefois|alors que)\b\s*,?\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
# French elision: the article or pronoun before the apostrophe ("j'", "n'", "l'", "qu'", "lorsqu'") is a stop word
# glued to the next one. Kept glued, "j'ai", "n'ai" and "c'est" read as content words: they grouped clauses by
# "j'ai" and named topics "j'ai lecture".
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu|lorsqu|puisqu|jusqu|quoiqu)'(?=[^\W\d_])")
_MAX_SENTENCE_CHARS = 400

# Words that say a review is negative without saying what failed. A clause made only of these and stopwords
# ("Very disappointed, would not recommend", "Nul, à fuir !") is negative but names no topic. Sending the item back
# is what the customer did about it, not what failed ("I had to return it", "renvoyé"): on 700 real 1–3★ clothing
# reviews those clauses were the largest "topic".
GENERIC_WORDS = frozenset(
    """
    bad terrible awful horrible poor poorly worst disappointed disappointing disappointment waste wasted money
    recommend recommended buy bought buying purchase purchased product item thing stars star review avoid junk
    rubbish garbage crap useless unhappy sad sorry regret regrets ok okay meh expected expectations
    unfortunately sadly really totally completely simply honestly overall disappoint hate hated worth worthless
    nul nulle nuls décevant décevante déçu déçue déçus déception horrible horribles mauvais mauvaise mauvaises
    argent recommande recommander recommanderai conseille déconseille déconseiller acheter achat acheté achetée
    produit produits article articles étoile étoiles avis éviter évitez fuir fuyez bof dommage hélas
    malheureusement vraiment franchement totalement complètement nullité arnaque pire regrette regret attentes
    jeté jetés fenêtre fenêtres aime aimé aimée aimer
    return returned returning returns refund refunded exchange exchanged retourner retourné retournée renvoyer
    renvoyé renvoyée rembourser remboursé remboursée remboursement échanger échangé
    """.split()
)

# Function words that make the word after them a complaint: a negation or an excess ("too short", "not flattering",
# "no stretch", "trop petit", "pas terrible", "sans intérêt"). They are stop words, so a topic name would otherwise
# lose them and say "short" where customers wrote "too short"; a name may start with one of these.
COMPLAINT_MARKERS = frozenset(
    """
    too not no never nothing hardly barely don't doesn't didn't isn't wasn't won't can't couldn't
    trop pas jamais rien peu sans aucun aucune ni
    """.split()
)


# The customer as a grammatical subject, and what may stand between it and its verb ("I have ordered", "je l'ai
# trouvé", "I didn't like"). A form of "to be" or a reflexive pronoun between them makes the word a state the customer
# was in ("I was bored", "je me suis ennuyé"), which may well be the complaint, not an act.
_FIRST_PERSON = frozenset("i i've i'd i'll we we've we'd we'll je j' nous".split())
_STATE = frozenset("am was were be been being i'm we're suis sommes étais étions été me m' se s'".split())
_DETERMINERS = frozenset("a an the my this these those le la les un une des du mon ma mes ce cet cette ces".split())
_SUBJECT_REACH = 2


@dataclass(frozen=True)
class Unit:
    """A clause to score and embed, and the sentence it came from (what a topic quotes)."""

    clause: str
    sentence: str


def words(text: str) -> list[str]:
    """Lower-cased words; a French elision loses its elided word ("l’odeur" → "odeur", "n'ai" → "ai")."""
    return [_ELISION.sub("", w.lower().replace("’", "'")) for w in _WORD.findall(text)]


def words_with_subject(text: str, language: str) -> list[tuple[str, bool]]:
    """``words(text)``, each with whether the customer is its subject: it comes after "I", "we", "je" or "nous"
    with nothing but stop words between (at most two: no determiner, which starts the object, no form of "to be"
    and no reflexive pronoun)."""
    common = stopwords(language if language in SUPPORTED_LANGUAGES else "en")
    raw: list[tuple[str, bool]] = []  # (token, whether it is an elided article or pronoun: "j'", "l'")
    for token in _WORD.findall(text):
        token = token.lower().replace("’", "'")
        elided = _ELISION.match(token)
        if elided:
            raw.append((elided.group(0), True))
        raw.append((_ELISION.sub("", token), False))
    out: list[tuple[str, bool]] = []
    for index, (token, elided) in enumerate(raw):
        if elided:
            continue
        by_customer = False
        for before, _ in reversed(raw[max(index - 1 - _SUBJECT_REACH, 0) : index]):
            if before in _FIRST_PERSON:
                by_customer = True
                break
            if before in _STATE or before in _DETERMINERS or before not in common and not before.endswith("'"):
                break
        out.append((token, by_customer))
    return out


@cache
def stopwords(language: str) -> frozenset[str]:
    """yake's own stop word list for ``language`` (the extractor that names topics uses the same one)."""
    return frozenset(KeywordExtractor(lan=language).stopword_set)


def guess_language(text: str, default: str = "en") -> str:
    """``"fr"`` or ``"en"`` by counting the stop words only one of the two languages has."""
    fr, en = stopwords("fr"), stopwords("en")
    tokens = words(text)
    fr_hits = sum(1 for t in tokens if t in fr and t not in en)
    en_hits = sum(1 for t in tokens if t in en and t not in fr)
    if fr_hits == en_hits:
        return default
    return "fr" if fr_hits > en_hits else "en"


def is_generic(clause: str) -> bool:
    """True when the clause has no word beyond stop words and generic dissatisfaction."""
    common = stopwords("fr") | stopwords("en")
    return not any(len(w) >= 3 and w not in common and w not in GENERIC_WORDS for w in words(clause))


def split_units(text: str, language: str) -> list[Unit]:
    """Sentences (line breaks count as ends), each cut at contrastive conjunctions into clauses."""
    segmenter_language = language if language in SUPPORTED_LANGUAGES else "en"
    units: list[Unit] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        for raw in sentencex.segment(segmenter_language, line):
            sentence = " ".join(raw.split())[:_MAX_SENTENCE_CHARS]
            if not sentence:
                continue
            for clause in _CONTRAST.split(sentence):
                clause = clause.strip(" ,;:-")
                if any(ch.isalpha() for ch in clause):
                    units.append(Unit(clause=clause, sentence=sentence))
    return units
