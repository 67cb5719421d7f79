"""Short names for complaint clusters: key phrases from ``yake``, kept when they set the cluster apart.

yake (multilingual, offline, statistical: no model) proposes candidate phrases from a cluster's central
clauses in the cluster's dominant language. Alone it would often pick what every complaint shares ("produit",
"after"). So each candidate is scored by how many of the cluster's clauses contain it (coverage) times how
specific it is to the cluster against the product's other negative clauses, and the label is the best phrase
of 2–4 words when it covers nearly as much as the best single word, else the two best words: in the order the
customers write them when they write them together, else as two keywords ("picture, photo").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from yake import KeywordExtractor

from .sentences import GENERIC_WORDS, stopwords, words

_CANDIDATES = 20
_CENTRAL_CLAUSES = 150


@dataclass(frozen=True)
class Name:
    label: str
    keywords: tuple[str, ...]


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


def name_cluster(clauses: Sequence[str], others: Sequence[str], language: str) -> Name:
    """A label (2–4 words where the text allows) and up to 5 keywords for a cluster.

    Args:
        clauses: the cluster's clauses in its dominant language, most central first.
        others: clauses of the product's other clusters (a sample is enough), to judge specificity.
        language: ``"fr"`` or ``"en"`` (yake's stop word list; other codes fall back to English).
    """
    language = language if language in ("fr", "en") else "en"
    central = list(dict.fromkeys(clauses))[:_CENTRAL_CLAUSES]
    if not central:
        return Name(label="", keywords=())
    text = ". ".join(c.rstrip(" .!?") for c in central) + "."
    raw = [kw for kw, _ in _extractor(language).extract_keywords(text)]
    inside = [words(c) for c in central]
    outside = [words(c) for c in others]
    common = stopwords(language)
    scored: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    for rank, keyword in enumerate(raw):
        tokens = words(keyword)
        # A name neither starts nor ends with a function word: "ai trouvé" (from "j'ai trouvé") is "trouvé".
        while tokens and tokens[0] in common:
            tokens.pop(0)
        while tokens and tokens[-1] in common:
            tokens.pop()
        if not tokens or all(t in common or t in GENERIC_WORDS or len(t) < 3 for t in tokens):
            continue
        phrase = " ".join(tokens)
        if phrase in seen:  # "l'écran" and "écran" are one word now
            continue
        seen.add(phrase)
        cover = _coverage(phrase, inside)
        if cover == 0.0:
            continue
        specificity = cover / (cover + _coverage(phrase, outside))
        scored.append((cover * specificity, rank, phrase))
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
        first = next((p for s, p in singles[1:] if best in p and s >= 0.5 * best_single), best)
        second = next(((s, p) for s, p in singles[1:] if best not in p and p not in best and p not in first), None)
        label = word_pair(first, second[1], inside) if second and second[0] >= 0.5 * best_single else first
    else:
        label = scored[0][2]
    return Name(label=label, keywords=keywords)


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
