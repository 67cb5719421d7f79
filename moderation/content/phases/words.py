"""Abuse aimed at people (built-in FR/EN lists) and the site's own word list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from moderation.content import lexicon
from moderation.content.normalise import Mapped, base_view, words_view
from moderation.content.phases.banter import a_boast, teasing_a_friend
from moderation.content.phases.shapes import NARRATIVE, PERSON_NOUN, SECOND_PERSON, STAFF, reported, sentence_around
from moderation.content.phases.word_exemptions import (
    a_fan,
    a_title_in_a_story,
    clowns_in_costume,
    not_at_anyone,
    said_of_a_character,
    said_of_pests,
    treated_as_a_fool,
)
from moderation.content.verdict import Action, Context, Match, Reason, SiteRule

_BOUNDARY_BEFORE = r"(?<![a-z0-9])"
_BOUNDARY_AFTER = r"(?![a-z0-9])"

# Up to two words between a cue and the insult, the end of what precedes it; "*" is a masked letter ("f*cking").
_FILLER = r"(?:[a-z'*-]+\s+){0,2}$"  # "brain-dead" is one word
# What links an insult to a person. Direct address ("you …", "t'es …", "espèce de …", "bande de …") always does;
# up to two words (adjectives, intensifiers) may stand between: "you stupid little …", "bande de gros cons".
_DIRECT_CUE = re.compile(
    r"\b(?:you|u|ur|your|you'?re|you are|u r|yourself|y'?all|you people|(?:you'?re|you are) such an?|t'?es|tu es"
    rf"|tu n'?es|vous etes|vous n'?etes|espece d[e']?|sale|bande d[e']?|pauvres?|sombres?|toi|vous)\s+{_FILLER}"
    rf"|\b(?:espece|bande) d'{_FILLER}"  # "espèce d'abruti", "bande d'abrutis": no space after the apostrophe
    # "you lot in returns are …"
    rf"|\byou (?:people|lot|guys|all) (?:in|at|from|on) (?:[a-z]+ ){{1,3}}(?:are|r)\s+{_FILLER}"
)
# Saying what someone is, with an article, leaves room for one more word: "t'es un p*tain de con", "you are a
# worthless little …" ("you are really into expensive clown wear" has no article).
_BEING_CUE = re.compile(
    r"\b(?:t'?es|tu es|vous etes|you'?re|you are)\s+(?:un|une|des|a|an|such an?|the)\s+(?:[a-z'*]+\s+){0,2}$"
    r"|\bt[1i]\s+(?:(?:vrai|vraie|gros|grosse|sale|pauvre|sacre|petit|petite)\s+)?$"  # SMS: "t1 vrai fdp"
)
# "X is a …", "des …", "what a …" link a noun insult (idiot, con) to whatever X is; for the adjectives marked @you
# ("stupid", "trash", "débile") X must be a person ("the seller is pathetic", not "the manual is stupid"). Reviews
# tell what happened, so the past links as the present does: "the cashier was so stupid", "le vendeur était con".
# Not "c'est" or "c'était" alone: "c'est sans doute idiot de…" says it of a thing ("c'est un con" links by "un").
_LINK_CUE = re.compile(
    r"\b(?:are|is an?|was an?|is|was|were|such an?|what an?|(?:bunch|pack|load|gang|band) of|quel(?:le)?s?|des|un|une"
    r"|ces|sont"
    r"|(?<!c')(?:est|etait)|etaient)"
    rf"\s+{_FILLER}"
    rf"|,\s*an?\s+{_FILLER}"  # in apposition: "the manager, Kevin, a lazy useless slob"
    # one more said after "and": "the owner is a crook and a pedophile", "the cashier was rude and a moron"
    r"|\b(?:is|was|are|were|(?<!c')(?:est|etait)|sont|etaient)\s+(?:(?:an?|un|une|des)\s+)?[a-z'-]+(?:\s*,|\s+and|"
    rf"\s+et)\s+(?:an?|un|une|des)\s+(?!(?:bit|little|peu|brin)\b){_FILLER}"
)
# Anyone "X is …" may be said of: those, and words too common to name a person beside an insult ("man", "type",
# "support", a driver that may be a printer's), and pronouns.
_PERSON = re.compile(
    rf"\b(?:{PERSON_NOUN}|drivers?|man|people|he|she|they|him|her|them|lads?|blokes?|girls?|chaps?|dudes?|fellas?|"
    r"lass|kid|gerante?s?|patron|employee?s?|mec|type|gars"
    r"|nana|il|elle|ils|elles|moderateurs?|modos?|mods?|support|sav|capitaines?|captains?|pilotes?|pilots?|pdg|ceo)\b"
)
# An insult right next to a person it names: "stupid seller", "idiot delivery driver", "ce livreur idiot". Not a
# compound ("stupid seller fees") or a device ("stupid printer driver").
_PERSON_AFTER = re.compile(
    rf"\s+(?:(?:[a-z]+\s+)?{PERSON_NOUN}|delivery (?:driver|guy|man))\b(?!\s+(?:fees?|apps?|polic(?:y|ies)|ratings?"
    r"|accounts?|pages?|portal|programs?|programmes?|tools?|settings?|support|centre|center|frais|compte)\b)"
)
_PERSON_BEFORE = re.compile(rf"\b(?:ce|cette|ces|le|la|les|du|au|aux) {PERSON_NOUN}\s+$")
_ALONE = re.compile(r"^[\W_]*$")
# "idiot-proof", "moron proof": a quality of a design, nobody is called the word.
_PROOF_AFTER = re.compile(r"[\s-]?proof\b")
# Addressed, between commas or at the end of a sentence: "nobody cares about your opinion, loser", "t'as rien
# compris, pauvre type, …". The nouns (@target) always; the words that may also describe a thing (@you) only in a
# sentence that speaks to someone ("go cry to your mommy, snowflake"), since "avoid, trash." is about the product.
_VOCATIVE_BEFORE = re.compile(r",\s*$")
_VOCATIVE_AFTER = re.compile(r"\s*(?:[.!?,]|$)")
# The speaker calling themselves a name: "I'm such an idiot, I ordered the wrong size", "quel con j'ai été",
# "quelle conne je suis". Only the mild insults that need a target (@target, @you) can be self-directed.
_SELF_BEFORE = re.compile(
    rf"\b(?:i'?m|i am|i was|i felt|i feel|je suis|j'?etais|j'?ai ete|je me sens|je me suis senti\w*)\s+{_FILLER}"
)
_SELF_AFTER = re.compile(r"\s+(?:que\s+)?(?:je suis|j'?ai ete|j'?etais|i was|i am|i'?m|i felt)\b")
# The reviewer's own people, teased: "I told my husband he was an idiot for not buying two", "mon fils, ce petit
# monstre…". Nobody on the page is called a name; the seller still is ("my husband says the seller is an idiot").
_OWN_PEOPLE = re.compile(
    r"\b(?:my|mon|ma|mes)\s+(?:husband|wife|son|daughter|kids?|children|boyfriend|girlfriend|partner|brother|sister|"
    r"dad|mum|mom|friend|mari|femme|fils|fille|enfants?|copain|copine|frere|soeur|pere|mere|ami|amie)\b"
)

# French puts the adjective after its noun: "un complot idiot", "une notice complètement crétine", "des questions
# connes" say what a thing is like; only a person noun makes the word abuse ("un vendeur crétin", "ce gamin débile").
# The word after the determiner is the noun unless it is one of the adjectives French puts before one ("un vrai
# crétin", "ce gros idiot"), which leave the insult a noun.
# Of those, the scornful ones: with a demonstrative they name a person by the insult ("ce gros idiot", "cette pauvre
# idiote").
_SCORNFUL = frozenset(
    "vrai vraie gros grosse petit petite pauvre vieux vieil vieille sombre sacre sacree parfait parfaite fichu foutu"
    " triple veritable".split()
)
_BEFORE_NOUN = _SCORNFUL | frozenset(
    "vrais vraies grosses petits petites pauvres sale sales grand grande grands grandes beau bel belle beaux jeune"
    " jeunes sombres pur pure bon bonne mauvais mauvaise joli jolie immense enorme fieffe fameux espece bande autre"
    " autres meme seul seule premier premiere dernier derniere drole".split()
)
_DETERMINER = frozenset(
    "un une des le la les ce cet cette ces du au aux quel quelle quels quelles son sa ses leur leurs mon ma mes ton"
    " ta tes notre votre nos vos chaque".split()
)
_INTENSIFIERS = frozenset(
    "tres si trop tellement completement vraiment totalement assez super hyper plutot bien aussi franchement"
    " parfaitement absolument carrement particulierement vachement peu".split()
)
# Nouns that name a person outright (some also in ``_PERSON``), and the endings of French agent nouns (vendeur,
# caissière, informaticien, journaliste), less the things that end alike.
_PEOPLE = frozenset(
    "gamin gamine gamins gosse gosses mome momes prof profs flic flics toubib homme hommes femme femmes fille filles"
    " garcon garcons enfant enfants ado ados gens personne personnes monsieur madame client cliente clients clientes"
    " chef chefs boss voisin voisine voisins ami amie amis copain copine mari pere mere fils frere soeur oncle tante"
    " cousin cousine personnage personnages heros heroine mec mecs meuf meufs nana nanas bonhomme beauf beaufs"
    " proprio proprios patronne patrons commercial commerciaux responsable responsables agent agents stagiaire"
    " gerant gerante gerants gerantes patron employe employee employes employees moderateur moderateurs moderatrice"
    " proprietaire fonctionnaire secretaire locataire prestataire libraire notaire veterinaire militaire medecin"
    " medecins docteur eleve eleves etudiant etudiante etudiants public jury capitaine pilote modo pdg".split()
)
_AGENT_ENDING = re.compile(r"(?:eur|euse|rice|iste|ier|iere|ien|ienne)s?$")
_THING_ALIKE = frozenset(
    "moteur chargeur ordinateur compteur capteur connecteur adaptateur aspirateur radiateur ventilateur interrupteur"
    " minuteur couleur odeur erreur valeur longueur largeur hauteur epaisseur douleur humeur bonheur malheur"
    " clavier papier panier fichier escalier tablier collier atelier cahier calendrier courrier sentier quartier"
    " systeme lien soutien entretien".split()
)
# "X est idiot", "c'est débile", "the manual is moronic": an adjective said of X, abuse only when X is a person.
_PREDICATE = frozenset("est sont etait etaient reste restent devient semble parait c'est c'etait".split())
_DEMONSTRATIVES = frozenset(("ce", "cet", "cette", "ces"))
# "ce gros idiot de GPS", "cette pauvre idiote de machine": the insult then says what the thing after "de" is like.
_DE_AFTER = re.compile(r"\s+d(?:e\s|')")
_OF_AFTER = re.compile(r"\s+(?:du|des|de la|au|aux)\s")


@dataclass(frozen=True)
class WordEntry:
    entry: str
    pattern: re.Pattern[str]
    targeted: bool
    person_only: bool
    language: str | None  # None: any language
    fan: bool = False  # also "a fan of" after a noun ("@fan": "a candy freak")


def _fold(entry: str) -> str:
    return words_view(base_view(entry)).text


def entry_regex(entry: str, plural: bool = True) -> str:
    """The regex for one list entry, matched against the ``words`` view.

    Double letters may be single (the view cuts runs of three or more to one, and people type "conard"), each
    letter but a word's first may be a ``*`` ("f*ck", "f**k", "p**e"), ``*`` in the entry stands for any letters at
    either end and at most two inside ("assh*le", not "asheville"), spaces for any spacing. A plural takes "s", "es"
    only after s, x, z, ch or sh ("bitches", not "spic" in "spices"), and "x" after eau, eu or au.
    """
    folded = _fold(entry.strip())
    stem = folded.endswith("*") and not folded.startswith("*")
    out: list[str] = []
    prev = " "
    for i, char in enumerate(folded):
        if char == "*":
            out.append(r"[a-z*]*" if i in (0, len(folded) - 1) else r"[a-z*]{0,2}")
        elif char == " ":
            out.append(r"\s*")
        elif char == prev and char.isalpha():
            out.append(re.escape(char) + "?")  # "nn" -> "nn?"
            char = ""
        elif char.isalpha() and prev != " ":  # masked: a word keeps its first letter, or no one could read it
            out.append(f"[{char}*]")
        else:
            out.append(re.escape(char))
        prev = char
    body = "".join(out)
    suffix = ""
    if plural and not stem and " " not in folded:
        suffix = (
            r"(?:es)?"
            if folded.endswith(("s", "x", "z", "ch", "sh"))
            else r"[sx]?"
            if folded.endswith(("eau", "eu", "au"))
            else "s?"
        )
    return _BOUNDARY_BEFORE + body + suffix + _BOUNDARY_AFTER


def _first_letter(entry: str) -> str:
    return _fold(entry.strip())[:1]


def parse_list(text: str, language: str) -> list[WordEntry]:
    entries = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        tags = set()
        while line.startswith("@"):
            tag, _, line = line.partition(" ")
            tags.add(tag)
        targeted = bool(tags & {"@target", "@you"})
        language_only = language if "@own" in tags else None
        entries.append(
            WordEntry(line, re.compile(entry_regex(line)), targeted, "@you" in tags, language_only, "@fan" in tags)
        )
    return entries


@cache
def builtin_entries() -> tuple[WordEntry, ...]:
    data = resources.files("moderation.content") / "data"
    entries: list[WordEntry] = []
    for language in ("fr", "en"):
        entries += parse_list((data / f"abuse_{language}.txt").read_text(encoding="utf-8"), language)
    return tuple(entries)


@cache
def _by_first_letter() -> dict[str, re.Pattern[str]]:
    # Python's re tries every branch of an alternation at every position; 150 branches with look-behinds cost
    # milliseconds a review. So: one regex per first letter, tried only where a word starts with that letter.
    groups: dict[str, list[str]] = {}
    for i, entry in enumerate(builtin_entries()):
        body = entry.pattern.pattern.removeprefix(_BOUNDARY_BEFORE)
        groups.setdefault(_first_letter(entry.entry), []).append(f"(?P<e{i}>{body})")
    return {letter: re.compile("|".join(branches)) for letter, branches in groups.items()}


_WORD_START = re.compile(r"(?<![a-z0-9])[a-z]")


@lru_cache(maxsize=4096)
def site_rule_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(entry_regex(pattern))


def _spoken_to(view: str, start: int, end: int) -> bool:
    """Whether the sentence around ``view[start:end]`` speaks to someone ("you", "tu", "ton")."""
    return SECOND_PERSON.search(sentence_around(view, start, end)) is not None


def _is_person_noun(word: str) -> bool:
    if word in _PEOPLE or _PERSON.fullmatch(word):
        return True
    return bool(_AGENT_ENDING.search(word)) and word.removesuffix("s") not in _THING_ALIKE


def _last_words(before: str) -> list[str]:
    """The last words of ``before`` without the intensifiers at its end ("un menu vraiment" → "un menu")."""
    words = before.split()[-6:]
    while words and words[-1] in _INTENSIFIERS:
        if words.pop() == "peu" and words and words[-1] == "un":  # "un peu": an intensifier, not an article
            words.pop()
    return words


def _described_noun(words: list[str]) -> str | None:
    """The noun a French insult word follows as its adjective ("un complot idiot": "complot"), or None."""
    last = words[-1] if words else ""
    if last.startswith("l'"):
        return last[2:] if last[2:].isalpha() else None
    if not last.isalpha() or last in _BEFORE_NOUN or last in _DETERMINER:
        return None
    rest = words[:-1]
    if rest and rest[-1] in _BEFORE_NOUN:
        rest = rest[:-1]
    return last if rest and rest[-1] in _DETERMINER else None


# "Un nez de clown", "des numéros de clown": after a thing and "de", the word says what kind of thing. Not after a face
# ("une tête de con"), a naming word ("espèce de", "une sorte de") or what a person does ("un comportement de crétin").
_OF_FACE_OR_NAMING = frozenset(
    "tete tronche gueule face bouille espece bande sale sales traite traitee traites traiter comportement attitude"
    " mentalite reflexe reponse reaction excuse discours raisonnement logique manieres sorte genre".split()
)


def _of_a_thing(words: list[str]) -> bool:
    if len(words) < 2 or words[-1] != "de":
        return False
    noun = words[-2]
    return noun.isalpha() and noun not in _OF_FACE_OR_NAMING and not _is_person_noun(noun)


# The one pointed at: "il m'a dit que j'étais con, et c'est lui le con".
_POINTED = re.compile(rf"\bc'(?:est|etait) (?:lui|elle|eux|toi|vous) (?:le|la|les)\s+{_FILLER}")
# A sentence that is only the name called, with an article: "Un vrai débile.", "What a moron."
_FRAGMENT = re.compile(r"(?:^|[.!?]\s+)(?:un|une|a|an|what an?|quel|quelle|such an?)\s+(?:[a-z]+\s+)?$")
# A person who says what the insult is said of: "the girl in the video said the charger is a waste of space".
_SAYS = re.compile(
    r"\b(?:said|says|told|tells|thinks|thought|reckons|explained|claims?|claimed|insisted|dit|disait|explique|"
    r"expliquait|pense|pensait|trouve|trouvait|affirme|pretend)\b"
)


def _subject_person(before: str) -> re.Match[str] | None:
    """The last person ``_PERSON`` finds in ``before``, unless a verb of saying follows it."""
    people = list(_PERSON.finditer(before))
    last = people[-1] if people else None
    return None if last is None or _SAYS.search(before, last.end()) else last


def _aimed_at_someone(view: str, start: int, end: int, person_only: bool, language: str = "und") -> bool:
    before = view[max(0, start - 60) : start]
    if _PROOF_AFTER.match(view, end):
        return False
    if clowns_in_costume(view, start, end):
        return False
    if _OWN_PEOPLE.search(before) and not STAFF.search(before) and not _DIRECT_CUE.search(before):
        return False
    if treated_as_a_fool(before):  # before direct address: "treating your buyers like idiots"
        return False
    if (
        _DIRECT_CUE.search(before)
        or _BEING_CUE.search(before)
        or _POINTED.search(before)
        or (_ALONE.match(view[:start]) and _ALONE.match(view[end:]))
    ):
        return True
    if (_PERSON_AFTER.match(view, end) or _PERSON_BEFORE.search(before)) and not _SELF_BEFORE.search(before):
        return True
    if _VOCATIVE_BEFORE.search(before) and _VOCATIVE_AFTER.match(view, end):
        if not person_only or _spoken_to(view, start, end):
            return True
    words = _last_words(before)
    french = language != "en"  # French word order: the adjective after its noun
    if french and _of_a_thing(words):
        return False
    noun = _described_noun(words) if french else None
    if noun is not None and noun in _PEOPLE:
        return True
    if noun is not None and not _is_person_noun(noun):
        return False
    scorned = len(words) >= 2 and words[-2] in _DEMONSTRATIVES and words[-1] in _SCORNFUL
    # A noun insult after "ce" names one: "qu'il se fasse virer ce bouffon" (not "ce bouffon du roi", a film's clown).
    pointed = (
        words[-1:] in (["ce"], ["cet"], ["cette"]) and not _OF_AFTER.match(view, end) and not NARRATIVE.search(view)
    )
    scorned = scorned or (pointed and not person_only)
    if scorned and not _DE_AFTER.match(view, end):
        return True
    # "c'est idiot", and one adjective after another: "le système est lent et idiot"
    coordinated = len(words) >= 3 and words[-1] in ("et", "ou") and words[-3] in _PREDICATE
    if (words and words[-1] in _PREDICATE) or coordinated or view[start:end].endswith(("ic", "ics", "ous")):
        person_only = True  # an adjective ("c'est idiot", "moronic"), said of whatever X is
    person = _subject_person(before)
    if not person and _FRAGMENT.search(before):  # "Le vendeur … est nul. Un vrai débile.": the one named before
        person = _subject_person(view[max(0, start - 160) : start])
    if not person and (_SELF_BEFORE.search(before) or _SELF_AFTER.match(view, end)):
        return False
    if not _LINK_CUE.search(before) or (not person and said_of_a_character(view, start, end)):
        return False
    return not person_only or bool(person)


# A dot put inside a word to hide it: "st.upid", "con.nard", "id.iot". Joined only when the whole is an entry of the
# lists that its first piece alone is not: "produit.Je" and "Scénario débile.Dialogues" (a missing space after a
# full stop, the second where "débile*" would take any ending) and "v2.0" stay as they are.
_DOTTED_WORD = re.compile(r"(?<![\w.@])[a-z]{1,12}(?:\.[a-z]{1,12}){1,3}(?![\w@]|\.[a-z])")


def _entry_at(text: str, pos: int) -> tuple[re.Match[str], WordEntry] | None:
    """The built-in entry that matches ``text`` at ``pos`` (a word's first letter), and its match."""
    group = _by_first_letter().get(text[pos : pos + 1])
    m = group.match(text, pos) if group else None
    if m is None or not m.lastgroup:
        return None
    return m, builtin_entries()[int(m.lastgroup[1:])]


def _joined(m: re.Match[str]) -> str:
    dotted = m.group(0)
    joined = dotted.replace(".", "")
    found = _entry_at(joined, 0)
    if found is None or found[0].end() != len(joined) or found[1].pattern.fullmatch(dotted.partition(".")[0]):
        return dotted
    return joined


def _undotted(view: Mapped) -> Mapped:
    return view.sub(_DOTTED_WORD, _joined) if "." in view.text else view


@cache
def _own_letters(entry: str) -> str:
    """An entry's letters as listed, up to its first ``*``, folded as the ``words`` view spells words."""
    return _fold(entry.strip()).split("*", 1)[0]


def _lookalike(entry: WordEntry, word: str) -> bool:
    """Whether ``word`` is another, ordinary word that an entry's allowances for typing reach: a single letter for a
    double ("crepe" for "creep", "Nigeria" for the slur, "fagots" for "faggots"), with or without a French ending. The
    entry's own forms and endings start with its letters as listed and are never a look-alike."""
    own = _own_letters(entry.entry)
    if " " in own or word.startswith(own):
        return False
    # The word, or the word without a French feminine or plural ending ("nigérianes" for "Nigerian").
    return any(lexicon.is_folded_word(word[: len(word) - cut]) for cut in (0, 1, 2, 3) if len(word) - cut >= 4)


_MASKED_TOKEN = re.compile(r"[a-z*]+")


def _fits_masked(token: str, entry: WordEntry) -> bool:
    """Whether a masked word ("f***", "b****s", "f***ing") has as many letters as ``entry``'s first word: the stars
    of "f***" fit "fag" and "fdp" as well as "fuck", but only "fuck" is four letters long."""
    own = _fold(entry.entry.strip()).split(" ", 1)[0]
    stem = own.endswith("*")
    own = own.rstrip("*")
    if not own or "*" in own:
        return True  # a wildcard inside the entry: its length says nothing
    if stem:
        return len(token) >= len(own) and token[len(own) : len(own) + 1] != "*"
    return token[len(own) :] in ("", "s", "es") and "*" not in token[len(own) :]


# Swearing people mask more than insults: "what the f***", "s*** service", "f***ing useless" are about things. A
# masked word that fits one of these is read as it, and holds only as part of a longer entry ("f*** you", "f*** off").
_PROFANE = ("fuck", "fucking", "fucked", "fucker", "shit", "shitty", "damn", "hell", "merde", "putain", "bordel")


def _reads_as(token: str, word: str) -> bool:
    return len(token) == len(word) and all(c in ("*", w) for c, w in zip(token, word, strict=True))


def _entries_at(text: str, pos: int) -> list[tuple[re.Match[str], WordEntry]]:
    """The entry ``_entry_at`` finds at ``pos``; for a masked word ("f*** you", "b****") the entries that match
    there and have its length (``_fits_masked``), in list order: the stars fit the letter's first entry ("fdp",
    "fags") as well as the one meant ("fuck you"). A masked swear word (``_PROFANE``) takes only the entries longer
    than itself."""
    found = _entry_at(text, pos)
    if found is None or "*" not in found[0].group(0):
        return [found] if found else []
    token = _MASKED_TOKEN.match(text, pos).group(0)  # type: ignore[union-attr]
    swearing = any(_reads_as(token, word) for word in _PROFANE)
    letter = text[pos : pos + 1]
    return [
        (m, entry)
        for entry in builtin_entries()
        if _first_letter(entry.entry) == letter
        and _fits_masked(token, entry)
        and (m := entry.pattern.match(text, pos)) is not None
        and (not swearing or m.end() > pos + len(token))
    ]


def _written_at_someone(ctx: Context, view: Mapped, m: re.Match[str], entry: WordEntry) -> bool:
    """Whether the entry ``m`` matched is abuse here (see the exemptions in ``abusive_words``)."""
    if entry.language and ctx.language not in (entry.language, "und"):
        return False
    if entry.targeted and not _aimed_at_someone(view.text, m.start(), m.end(), entry.person_only, ctx.language):
        return False
    if _lookalike(entry, m.group(0)) or (entry.fan and a_fan(view.text, m.start())):
        return False
    start, end = view.span(m.start(), m.end())
    if not_at_anyone(ctx, start, end) or a_title_in_a_story(ctx, start, end):
        return False
    if said_of_pests(ctx, start, end) or reported(ctx.text.original, start, end):
        return False
    return not (
        teasing_a_friend(ctx, entry.entry, start, end) or a_boast(m.group(0), view.text[m.end() : m.end() + 60])
    )


def abusive_words(ctx: Context) -> list[Match]:
    view = _undotted(ctx.text.words)
    found = []
    for start_letter in _WORD_START.finditer(view.text):
        for m, entry in _entries_at(view.text, start_letter.start()):
            if _written_at_someone(ctx, view, m, entry):
                start, end = view.span(m.start(), m.end())
                found.append(Match(Reason.ABUSIVE.value, entry.entry, start, end, ctx.text.original[start:end]))
                break
    return found


def site_words(ctx: Context) -> list[Match]:
    view = ctx.text.words
    found = []
    for rule in ctx.site_rules:
        for m in site_rule_regex(rule.pattern).finditer(view.text):
            start, end = view.span(m.start(), m.end())
            action = Action(rule.action)
            found.append(
                Match(Reason.SITE_WORD.value, f"site:{rule.pattern}", start, end, ctx.text.original[start:end], action)
            )
    return found


__all__ = ["SiteRule", "abusive_words", "site_words", "entry_regex", "builtin_entries"]
