"""Short names for complaint clusters: key phrases from ``yake``, kept when they set the cluster apart.

yake (multilingual, offline, statistical: no model) proposes candidate phrases from a cluster's central
clauses in the cluster's dominant language. Alone it would often pick what every complaint shares ("produit",
"after"). So each candidate is scored by how many of the cluster's clauses contain it (coverage) times how
specific it is to the cluster against the product's other negative clauses, and the label is the best phrase
of 2–4 words when it covers nearly as much as the best single word, else the two best words: in the order the
customers write them when they write them together, else as two keywords ("picture, photo").

Coverage and specificity alone name a cluster after what its clauses are about, and on real clothing reviews
that was the product ("dress", "top") or the shop ("retailer") as often as the complaint: every clause of a
dress's reviews says "dress". What makes a phrase a complaint is that customers write it when they complain and
not when they praise: "dress" is as frequent in the product's 4–5★ reviews as in its complaints, "cheap" and
"unflattering" ten times more in complaints. So each candidate is also weighed by its words' ``Polarity``: how
much more often they appear in the product's complaint clauses than in its other clauses, measured on the
product itself (no word list: it holds for "zipper" on a tent and "stale" on crisps alike).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from yake import KeywordExtractor

from .sentences import COMPLAINT_MARKERS, GENERIC_WORDS, stopwords, words, words_with_subject

_CANDIDATES = 20
_CENTRAL_CLAUSES = 150
_RECURRING = 0.03  # a recurring phrase is in at least this share of the cluster's central clauses (and 2)
_RECURRING_CANDIDATES = 60
_SMOOTHING = 5.0  # clauses' worth of evidence a phrase needs before its polarity moves away from 0.5


@dataclass(frozen=True)
class Name:
    label: str
    keywords: tuple[str, ...]
    # Polarity weight of the label (its most complaining part): 0.5 or less when customers write it as often in
    # praise, i.e. the name says what the product is, not what is wrong with it.
    complaint: float = 0.5


class Polarity:
    """How much more a phrase belongs to a product's complaints than to the rest of what its customers write.

    Each clause counts once per phrase of 1–4 words it holds. ``rate_in`` is the share of complaint clauses with the
    phrase, ``rate_out`` the share of the other clauses (praise, 4–5★ reviews) times ``baseline``: the median of
    that ratio over the product's frequent words, since complaint clauses are longer and denser than praise, which
    lifts every word a little, and the median word is neither praise nor complaint. ``weight`` is
    ``(rate_in + s) / (rate_in + rate_out + 2 s)`` with ``s`` five clauses' worth of the smaller pool: 0.5 for a phrase
    written as often in praise as in complaints (the product, the shop) or seen too rarely to tell, towards 1 for a
    complaint ("too small", "cheap"), towards 0 for praise.
    """

    def __init__(
        self, complaints: Iterable[str], background: Iterable[str], *, max_clauses: int = 6000, min_count: int = 5
    ) -> None:
        self.inside, self.size_in = _count_phrases(complaints, max_clauses)
        self.outside, self.size_out = _count_phrases(background, max_clauses)
        ratios = sorted(
            (n / self.size_in) / (self.outside[w] / self.size_out)
            for w, n in self.inside.items()
            if " " not in w and n >= min_count and self.outside[w] >= min_count
        )
        self.baseline = ratios[len(ratios) // 2] if ratios else 1.0
        self.smoothing = _SMOOTHING / max(min(self.size_in, self.size_out), 1)

    def weight(self, phrase: str) -> float:
        """0.5 for a phrase as frequent in praise as in complaints; towards 1 the more it belongs to complaints."""
        if not self.size_in or not self.size_out:
            return 0.5
        rate_in = self.inside[phrase] / self.size_in
        rate_out = self.baseline * self.outside[phrase] / self.size_out
        return (rate_in + self.smoothing) / (rate_in + rate_out + 2 * self.smoothing)


def _count_phrases(texts: Iterable[str], limit: int) -> tuple[Counter[str], int]:
    """Clauses holding each 1–4-word phrase, over at most ``limit`` clauses (an even sample of them)."""
    pool = list(texts)
    step = max(1, -(-len(pool) // limit))
    counts: Counter[str] = Counter()
    for text in pool[::step]:
        tokens = words(text)
        counts.update({" ".join(tokens[i : i + n]) for n in range(1, 5) for i in range(len(tokens) - n + 1)})
    return counts, len(pool[::step])


@cache
def _extractor(language: str) -> KeywordExtractor:
    return KeywordExtractor(lan=language, n=3, top=_CANDIDATES, dedup_lim=0.8)


def _contains(phrase: str, clause_words: list[str]) -> bool:
    target = phrase.split()
    width = len(target)
    return any(clause_words[i : i + width] == target for i in range(len(clause_words) - width + 1))


def _coverage(phrase: str, clauses: Sequence[list[str]]) -> float:
    if not clauses:
        return 0.0
    return sum(1 for c in clauses if _contains(phrase, c)) / len(clauses)


def name_cluster(
    clauses: Sequence[str], others: Sequence[str], language: str, polarity: Polarity | None = None
) -> Name:
    """A label (2–4 words where the text allows) and up to 5 keywords for a cluster.

    Args:
        clauses: the cluster's clauses in its dominant language, most central first.
        others: clauses of the product's other clusters (a sample is enough), to judge specificity.
        language: ``"fr"`` or ``"en"`` (yake's stop word list; other codes fall back to English).
        polarity: the product's complaint words against its other words; None weighs every word alike.
    """
    language = language if language in ("fr", "en") else "en"
    central = list(dict.fromkeys(clauses))[:_CENTRAL_CLAUSES]
    if not central:
        return Name(label="", keywords=())
    inside = [words(c) for c in central]
    outside = [words(c) for c in others]
    weight: Callable[[str], float] = polarity.weight if polarity else (lambda phrase: 0.5)
    acts = _customer_acts([words_with_subject(c, language) for c in central])
    scored: list[tuple[float, int, str]] = []
    for rank, phrase in enumerate(_candidates(central, inside, language)):
        cover = _coverage(phrase, inside)
        if cover == 0.0:
            continue
        specificity = cover / (cover + _coverage(phrase, outside))
        # Complaint lift (weight / (1 - weight)): 1 for a word of the product, ~5 for "too small", ~10 for "cheap".
        lean = weight(phrase)
        # What the customer did ("I ordered", "I thought", "j'ai trouvé") is not what is wrong with the product.
        own = acts.get(_head(phrase), 0.0)
        scored.append((cover * specificity * lean / (1.0 - lean) * (1.0 - own), rank, phrase))
    if not scored:
        return Name(label=_fallback(central), keywords=())
    scored.sort(key=lambda item: (-item[0], item[1]))
    keywords = tuple(phrase for _, _, phrase in scored[:5])
    singles = [(s, p) for s, _, p in scored if len(p.split()) == 1]
    phrases = [(s, p) for s, _, p in scored if 2 <= len(p.split()) <= 4]
    best_single = singles[0][0] if singles else 0.0
    if phrases and phrases[0][0] >= 0.5 * best_single:
        label = phrases[0][1]
    elif len(singles) >= 2:
        best = singles[0][1]
        # A longer form of the best word says more ("unflattering" where "not flattering" is written too), and the
        # second keyword must say something else: "flattering, unflattering" or "picture, pictures" is one word.
        # Nor may it be a word customers write more in praise than in complaints, or mostly as what they did
        # ("small, ordered").
        first = next((p for s, p in singles[1:] if best in p and s >= 0.5 * best_single), best)
        second = next(
            (
                (s, p)
                for s, p in singles[1:]
                if best not in p and p not in best and p not in first and weight(p) >= 0.5 and acts.get(p, 0.0) < 0.5
            ),
            None,
        )
        label = word_pair(first, second[1], inside) if second and second[0] >= 0.5 * best_single else first
    else:
        label = scored[0][2]
    # "too short" says what "short" does not; it is kept when a quarter as strong (the marker splits the mentions).
    marked = next(
        (p for sc, _, p in scored if p.split()[0] in COMPLAINT_MARKERS and label in p and sc >= 0.25 * scored[0][0]),
        None,
    )
    if " " not in label and marked:
        label = marked
    if polarity:
        label = _with_subject(label, scored, inside, outside, weight, acts)
    complaint = max(weight(w) for part in label.split(", ") for w in [part, *part.split()])
    return Name(label=label, keywords=keywords, complaint=complaint)


def _head(phrase: str) -> str:
    """The phrase's first word after a negation or an excess ("didn't work" → "work")."""
    tokens = phrase.split()
    return next((t for t in tokens if t not in COMPLAINT_MARKERS), tokens[0])


def _customer_acts(clauses: Sequence[list[tuple[str, bool]]]) -> dict[str, float]:
    """Per word, the share of its uses in ``clauses`` where the customer is the one acting (see
    ``sentences.words_with_subject``): "ordered" in "I ordered a small", "thought" in "I thought it would be
    thicker", "trouvé" in "j'ai trouvé le scénario faible". Such a word tells what the customer did; the complaint
    is in the rest of the clause. No list of verbs: the grammatical subject decides, so it holds for any product."""
    uses: Counter[str] = Counter()
    acted: Counter[str] = Counter()
    for clause in clauses:
        for word, by_customer in clause:
            uses[word] += 1
            acted[word] += by_customer
    return {word: acted[word] / n for word, n in uses.items() if acted[word]}


def _with_subject(
    label: str,
    scored: Sequence[tuple[float, int, str]],
    inside: Sequence[list[str]],
    outside: Sequence[list[str]],
    weight: Callable[[str], float],
    acts: dict[str, float],
) -> str:
    """The complaint, and what it is about when the cluster's clauses share that far more widely.

    Weighed by polarity, the name is the complaint ("too tight", "hours"); the phrase that most clauses share,
    unweighed, is what the topic is about ("waist", "battery"). When that covers at least twice the clauses the
    complaint does and is not part of it, both are shown, as customers write them ("battery, hours").
    """
    if ", " in label:
        return label
    # What the customer did ("I ordered a small") is not what a complaint is about, however many clauses say it.
    shared = [(_coverage(p, inside), p) for _, _, p in scored if acts.get(_head(p), 0.0) < 0.5]
    _, subject_cover, subject = max(
        ((c * c / (c + _coverage(p, outside)), c, p) for c, p in shared if c > 0), default=(0.0, 0.0, "")
    )
    if (
        not subject
        or set(subject.split()) & set(label.split())
        or subject_cover < 2 * _coverage(label, inside)
        or weight(subject) <= 0.5  # the product itself ("dress, too tight"): a product's topics all are about it
    ):
        return label
    return word_pair(subject, label, inside)


def _candidates(central: Sequence[str], inside: Sequence[list[str]], language: str) -> list[str]:
    """yake's key phrases, then the phrases of 1–4 words that recur in the cluster's clauses, in that order.

    yake never proposes a phrase that starts with a stop word, and so never "too short" or "pas terrible": the
    recurring phrases may start with a ``COMPLAINT_MARKERS`` word. No candidate starts or ends with another
    function word ("ai trouvé" from "j'ai trouvé" is "trouvé") or is only stop words and generic dissatisfaction.
    """
    common = stopwords(language)
    text = ". ".join(c.rstrip(" .!?") for c in central) + "."
    proposed = [words(kw) for kw, _ in _extractor(language).extract_keywords(text)]
    for tokens in proposed:
        while tokens and tokens[0] in common:
            tokens.pop(0)
    counts: Counter[tuple[str, ...]] = Counter()
    for tokens in inside:
        counts.update({tuple(tokens[i : i + n]) for n in range(1, 5) for i in range(len(tokens) - n + 1)})
    floor = max(2, math.ceil(_RECURRING * len(inside)))
    recurring = [list(p) for p, n in counts.most_common() if n >= floor]
    out: dict[str, None] = {}
    added = 0
    for source, tokens in [("yake", t) for t in proposed] + [("recurring", t) for t in recurring]:
        if tokens and tokens[0] in common and tokens[0] not in COMPLAINT_MARKERS:
            continue
        while tokens and tokens[-1] in common:
            tokens.pop()
        if not tokens or all(t in common or t in GENERIC_WORDS or len(t) < 3 for t in tokens):
            continue
        phrase = " ".join(tokens)
        if source == "recurring":
            if phrase in out or added == _RECURRING_CANDIDATES:
                continue
            added += 1
        out.setdefault(phrase)  # "l'écran" and "écran" are one word now
    return list(out)


def word_pair(first: str, second: str, clauses: Sequence[list[str]]) -> str:
    """Two words as the customers put them side by side ("runs large", not "large runs" in score order), or as two
    keywords ("picture, photo") when they never stand together: read as one phrase, they would say nothing."""
    forward, backward = _coverage(f"{first} {second}", clauses), _coverage(f"{second} {first}", clauses)
    if backward > forward:
        return f"{second} {first}"
    return f"{first} {second}" if forward > 0 else f"{first}, {second}"


def _fallback(clauses: Sequence[str]) -> str:
    """The first words of the most central clause, when yake found nothing usable."""
    return " ".join(re.sub(r"\s+", " ", clauses[0]).split()[:4])
