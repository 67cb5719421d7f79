"""The transformer's verdict combined with the linear second opinion, calibrated per language (issue #13).

For a text in language g (``linear.guess_language``: ``fr``, ``en``; anything else keeps the transformer's own
probability), with the transformer's calibrated negative probability p and the linear model's logit z:

    logit P(negative) = w_e5[g] · logit(p) + w_linear[g] · z + bias[g]

and a text shorter than ``short_chars`` characters (after stripping) uses its own row of weights when the
artifact has one for g (``short``), since a one-line review gives the linear model few terms and the transformer
little context. The weights are a logistic regression fitted on the validation split with every source weighing
the same, so the output is itself a calibrated probability and the policy's bars keep their meaning.
``label_threshold[g]`` gives the label (``negative`` at or above it).

Everything here is numpy; the weights live in the linear model's ``.npz`` (``meta["combination"]``) so one file
versions both.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .linear import LinearModel, guess_language
from .settings import clip_characters

_EPS = 1e-6


def logit(p: float) -> float:
    p = min(max(p, _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


@dataclass
class Combination:
    """Per-language stacking weights; see the module docstring. ``weights[g]`` = [w_e5, w_linear, bias]."""

    weights: dict[str, list[float]]
    short_weights: dict[str, list[float]] = field(default_factory=dict)
    label_threshold: dict[str, float] = field(default_factory=dict)
    short_chars: int = 40

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Combination:
        return cls(
            weights={k: [float(x) for x in v] for k, v in raw["weights"].items()},
            short_weights={k: [float(x) for x in v] for k, v in raw.get("short_weights", {}).items()},
            label_threshold={k: float(v) for k, v in raw.get("label_threshold", {}).items()},
            short_chars=int(raw.get("short_chars", 40)),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "weights": self.weights,
            "short_weights": self.short_weights,
            "label_threshold": self.label_threshold,
            "short_chars": self.short_chars,
        }

    def row(self, lang: str, short: bool) -> list[float] | None:
        if short and lang in self.short_weights:
            return self.short_weights[lang]
        return self.weights.get(lang)

    def negative_probability(self, e5_probability: float, linear_logit: float, lang: str, short: bool) -> float:
        row = self.row(lang, short)
        if row is None:
            return e5_probability
        w_e5, w_linear, bias = row
        z = w_e5 * logit(e5_probability) + w_linear * linear_logit + bias
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def threshold(self, lang: str, default: float) -> float:
        return self.label_threshold.get(lang, default)


class SecondOpinion:
    """A linear model and the combination that merges it with the transformer's probabilities."""

    def __init__(self, linear: LinearModel, combination: Combination) -> None:
        self.linear = linear
        self.combination = combination

    @classmethod
    def load(cls, path: str | Path) -> SecondOpinion:
        """Raises: ValueError when the file has no ``combination`` (a linear model alone cannot be merged)."""
        linear = LinearModel.load(path)
        raw = linear.meta.get("combination")
        if not raw:
            raise ValueError(f"{path}: no combination weights in this linear model")
        return cls(linear, Combination.from_dict(raw))

    def combine(self, texts: Sequence[str], e5_probabilities: Sequence[float]) -> list[tuple[float, str]]:
        """(combined negative probability, language) per text, in input order.

        ``texts`` are the raw texts (no model prefix); a huge paste is cut to its head and tail first, as the
        transformer's own preprocessing does, so the linear model's cost stays bounded.
        """
        texts = [clip_characters(t) for t in texts]
        logits = self.linear.logits(texts)
        out = []
        for text, p, z in zip(texts, e5_probabilities, logits, strict=True):
            lang = guess_language(text)
            short = len(text.strip()) < self.combination.short_chars
            out.append((self.combination.negative_probability(float(p), float(z), lang, short), lang))
        return out

    def label(self, probability: float, lang: str, default_threshold: float) -> str:
        return "negative" if probability >= self.combination.threshold(lang, default_threshold) else "positive"


def stack_features(e5_probabilities: np.ndarray, linear_logits: np.ndarray) -> np.ndarray:
    """The [logit(p_e5), z_linear] matrix the combination's logistic regression is fitted on."""
    p = np.clip(np.asarray(e5_probabilities, dtype=np.float64), _EPS, 1 - _EPS)
    return np.column_stack([np.log(p / (1 - p)), np.asarray(linear_logits, dtype=np.float64)])
