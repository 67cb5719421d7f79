"""A linear TF-IDF second opinion, scored with numpy only (no scikit-learn at run time).

The model is a vocabulary of word 1–2-grams and character 2–5-grams taken within words, an idf per term, and a
logistic-regression coefficient per term, stored as plain arrays in a compressed ``.npz`` (no pickle). Scoring a
text is: ``analyze`` it into terms, count them, weigh each by sublinear tf × idf, L2-normalise, dot with the
coefficients, add the intercept. ``analyze`` is the very function the training script hands to scikit-learn's
``TfidfVectorizer`` (``analyzer=analyze``), so training and inference tokenise identically by construction.

The same file carries the combination with the transformer (``Combiner``, see ``combine.py``) so one artifact
versions both. Labels follow the platform's convention: a positive logit means negative sentiment.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "moderation-linear-tfidf/1"
_WORD = re.compile(r"\w+|[!?]", re.UNICODE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00b4": "'", "`": "'"})


def normalise(text: str) -> str:
    """NFKC, lower case, typographic apostrophes to ``'``; accents are kept (French needs them)."""
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).lower()


def word_tokens(text: str) -> list[str]:
    """Runs of word characters, plus ``!`` and ``?`` as tokens of their own, on the normalised text."""
    return _WORD.findall(text)


def analyze(text: str, char_min: int = 2, char_max: int = 5) -> list[str]:
    """The terms of one text: ``w:`` word uni/bigrams and ``c:`` character n-grams within space-padded words.

    Character n-grams follow scikit-learn's ``char_wb``: every whitespace-separated token is padded with a space on
    each side and cut into n-grams of ``char_min``..``char_max`` characters; a token shorter than n yields itself
    once (padded).
    """
    text = normalise(text)
    words = word_tokens(text)
    terms = ["w:" + w for w in words]
    terms += ["w:" + a + " " + b for a, b in zip(words, words[1:], strict=False)]
    for token in text.split():
        padded = f" {token} "
        size = len(padded)
        for n in range(char_min, char_max + 1):
            if size <= n:
                terms.append("c:" + padded)
                break
            terms.extend("c:" + padded[i : i + n] for i in range(size - n + 1))
    return terms


@dataclass
class LinearModel:
    """Vocabulary, idf and coefficients of a TF-IDF logistic regression (sublinear tf, L2-normalised rows)."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    meta: dict[str, Any] = field(default_factory=dict)

    def logits(self, texts: list[str]) -> np.ndarray:
        """The negative-vs-positive logit of each text (positive means negative sentiment)."""
        out = np.empty(len(texts), dtype=np.float64)
        vocabulary, idf, coef = self.vocabulary, self.idf, self.coef
        for row, text in enumerate(texts):
            counts = Counter(i for t in analyze(text) if (i := vocabulary.get(t)) is not None)
            if not counts:
                out[row] = self.intercept
                continue
            index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            weights = (1.0 + np.log(tf)) * idf[index]
            norm = math.sqrt(float(weights @ weights))
            out[row] = float(weights @ coef[index]) / norm + self.intercept
        return out

    def negative_probability(self, texts: list[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(texts)))

    # ---- storage: plain arrays, no pickle
    def save(self, path: str | Path, extra: dict[str, Any] | None = None) -> None:
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        blob = "\n".join(terms).encode("utf-8")
        meta = {"format": FORMAT, "intercept": self.intercept, **self.meta, **(extra or {})}
        np.savez_compressed(
            path,
            terms=np.frombuffer(blob, dtype=np.uint8),
            idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float32),
            meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
        )

    @classmethod
    def load(cls, path: str | Path) -> LinearModel:
        """Raises: ValueError when the file is not a linear model of a known format."""
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(bytes(data["meta"]).decode("utf-8"))
            if meta.get("format") != FORMAT:
                raise ValueError(f"{path}: format {meta.get('format')!r}, expected {FORMAT!r}")
            terms = bytes(data["terms"]).decode("utf-8").split("\n")
            idf = data["idf"].astype(np.float64)
            coef = data["coef"].astype(np.float64)
        if not (len(terms) == len(idf) == len(coef)):
            raise ValueError(f"{path}: {len(terms)} terms, {len(idf)} idf values, {len(coef)} coefficients")
        intercept = float(meta.pop("intercept"))
        return cls({t: i for i, t in enumerate(terms)}, idf, coef, intercept, meta)


# ---- language: French or English by function words (the combination is calibrated per language)
_FR = frozenset(
    "le la les un une des du de et est pas ne je il elle nous vous ils on ce cette ces que qui dans pour sur avec "
    "mais ou très tout plus bien au aux son sa ses mon ma mes été être avoir fait c j l d n qu s m".split()
)
_EN = frozenset(
    "the a an and is are was were not no it this that i you he she we they of to in for on with but or very "
    "all more well my his her its be been have has had do does did just so too what would will can t s".split()
)


def guess_language(text: str) -> str:
    """``"fr"`` or ``"en"`` by counting function words; ``"other"`` when neither list is hit."""
    words = word_tokens(normalise(text))
    fr = sum(1 for w in words if w in _FR)
    en = sum(1 for w in words if w in _EN)
    if fr == en == 0:
        return "other"
    return "fr" if fr > en else "en"
