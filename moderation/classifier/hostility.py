"""A learned second reader for hostile text: the texts a moderator should look at that no content rule caught.

The content rules (``moderation.content``) read shapes: a threat, a slur, a scam, a phone number said in a way
someone wrote down. Hostile text keeps finding words no rule has seen ("would be a real pity if someone was waiting
there one of these mornings", "t'as eu ton bac dans un paquet de bonux"). This head reads meaning instead: a
logistic regression over the e5 base's sentence vectors (``embedding.SentenceEmbedder``; the bundled head reads
the lower six of its twelve layers, which read as well as all twelve at half the cost), trained on texts labelled
hostile (abuse, threats, hate, harassment, scams, spam, unmasking) against clean ones, real customer reviews among
them so that an angry review is not read as hostile.

It never holds an item on its own: where its probability reaches the threshold, the worker opens a
``suspected_abuse`` case and the item stays published until a moderator rejects it (as a reader's report does).
A rule that matched still holds. The threshold is calibrated at training on real reviews that are not part of the
training rows: ``false_flag_rate`` of them reach it (``models/hostility/MODEL_CARD.md`` has the figures).

The head names the embedder its vectors must come from (``SentenceEmbedder.name``); vectors of another embedder
mean nothing to it, and ``matches`` says so.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

DEFAULT_HEAD = Path(__file__).resolve().parent.parent / "default_model" / "hostility.json"
# The head over the bundled classifier's own vectors (``tap_name``): read from the scoring forward pass, for free.
DEFAULT_TAP_HEAD = Path(__file__).resolve().parent.parent / "default_model" / "hostility-tap.json"


@dataclass(frozen=True)
class HostilityHead:
    """``p = sigmoid(v · weights + bias)`` over an L2-normalised sentence vector ``v``."""

    weights: np.ndarray
    bias: float
    threshold: float
    embedder: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> str:
        """A short content hash: evidence names the head that flagged, as a score names its model."""
        digest = hashlib.sha256(self.weights.astype(np.float32).tobytes())
        digest.update(f"{self.bias:.9g}/{self.threshold:.9g}/{self.embedder}".encode())
        return "hostility-" + digest.hexdigest()[:12]

    def matches(self, embedder_name: str | None) -> bool:
        return embedder_name == self.embedder

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        """One probability per row of ``vectors`` (shape ``(n, dim)``).

        Raises:
            ValueError: the vectors' width is not the head's.
        """
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.weights.shape[0]:
            raise ValueError(f"expected vectors of width {self.weights.shape[0]}, got shape {vectors.shape}")
        logits = vectors @ self.weights.astype(np.float32) + np.float32(self.bias)
        return 1.0 / (1.0 + np.exp(-logits.astype(np.float64)))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "logistic",
            "embedder": self.embedder,
            "threshold": self.threshold,
            "bias": self.bias,
            "weights": [float(w) for w in self.weights],
            "meta": self.meta,
        }


_EMBEDDER_SETTINGS = re.compile(r"-l(\d+)-t(\d+)$")
_TAP = re.compile(r"^tap:(?P<version>.+):l(?P<layers>\d+(?:\+\d+)*)$")


def tap_name(model_version: str, layers: tuple[int, ...]) -> str:
    """The embedder name of vectors tapped from ``layers`` of the classifier ``model_version``
    (``TransformerClassifier.tap_layers``): a head trained on them reads that model version's vectors only."""
    return f"tap:{model_version}:l{'+'.join(str(n) for n in layers)}"


def tap_of(name: str) -> tuple[str, tuple[int, ...]] | None:
    """The model version and layers of a ``tap_name``; None for a sentence embedder's name."""
    m = _TAP.match(name)
    return (m.group("version"), tuple(int(n) for n in m.group("layers").split("+"))) if m else None


def embedder_settings(name: str) -> tuple[int, int]:
    """The encoder layers and tokens a head's vectors were made with, from its embedder's name
    (``SentenceEmbedder.name``: "…-l6-t96"), so that a reader loads the embedder its head needs.

    Raises:
        ValueError: the name does not say.
    """
    m = _EMBEDDER_SETTINGS.search(name)
    if m is None:
        raise ValueError(f"cannot tell layers and tokens from the embedder name {name!r}")
    return int(m.group(1)), int(m.group(2))


def load_head(path: str | Path | None = None) -> HostilityHead:
    """Read a head written by ``save_head`` (default: the bundled one).

    Raises:
        OSError: the file cannot be read.
        ValueError: it is not a head.
    """
    where = path or DEFAULT_HEAD
    try:
        raw = json.loads(Path(where).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{where} is not a hostility head ({exc})") from None
    return head_from_json(raw, str(where))


def head_from_json(raw: Any, where: str = "the head") -> HostilityHead:
    """The head ``HostilityHead.to_json`` wrote (a file's content, or a site's ``hostility_head``).

    Raises:
        ValueError: it is not a head.
    """
    if not isinstance(raw, dict) or raw.get("kind") != "logistic":
        raise ValueError(f"{where} is not a hostility head")
    try:
        weights = np.asarray(raw["weights"], dtype=np.float32)
        threshold, bias, embedder = float(raw["threshold"]), float(raw["bias"]), str(raw["embedder"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where} is not a hostility head ({exc!r})") from None
    if weights.ndim != 1 or not weights.size or not 0.0 < threshold < 1.0:
        raise ValueError(f"{where}: weights must be a non-empty list and 0 < threshold < 1")
    return HostilityHead(weights, bias, threshold, embedder, dict(raw.get("meta") or {}))


def save_head(head: HostilityHead, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(head.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def train_head(
    vectors: np.ndarray,
    hostile: np.ndarray,
    calibration: np.ndarray,
    *,
    embedder: str,
    false_flag_rate: float = 0.003,
    c: float = 3.0,
    meta: dict[str, Any] | None = None,
) -> HostilityHead:
    """Fit the head on labelled vectors and set its threshold on ``calibration`` (vectors of clean texts).

    Classes are balanced by weight (hostile rows are few); the threshold is the ``1 - false_flag_rate`` quantile of
    the calibration texts' probabilities, so about that share of ordinary reviews opens a case.

    Raises:
        ValueError: one class is missing, the shapes disagree, no calibration text or the rate is outside (0, 0.5).
    """
    vectors, hostile = _labelled(vectors, hostile, false_flag_rate)
    if len(calibration) == 0:
        raise ValueError("calibration texts are needed to set the bar")
    model = _fit(vectors, hostile, c)
    info = {**(meta or {}), **_sizes(hostile), "false_flag_rate": false_flag_rate, "c": c}
    return _calibrated(model.coef_[0], float(model.intercept_[0]), embedder, calibration, false_flag_rate, 0.5, info)


def adapt_head(
    base: HostilityHead,
    vectors: np.ndarray,
    hostile: np.ndarray,
    calibration: np.ndarray,
    *,
    false_flag_rate: float = 0.003,
    c: float = 1.0,
    meta: dict[str, Any] | None = None,
) -> HostilityHead:
    """A site's own head from its moderators' decisions, keeping what ``base`` learned.

    The base head's logit is one more feature beside the vector; the fit weighs it against the site's examples,
    and the result folds back into one logistic over the vector (``w = w_site + a·w_base``, same for the bias), so
    the worker reads it like any head. The bar is set on ``calibration`` as in ``train_head``, or kept from
    ``base`` with fewer than 200 calibration texts.

    Raises:
        ValueError: one class is missing, the shapes disagree or the rate is outside (0, 0.5).
    """
    vectors, hostile = _labelled(vectors, hostile, false_flag_rate)
    if vectors.shape[1] != base.weights.shape[0]:
        raise ValueError(f"vectors must be of the base head's width, {base.weights.shape[0]}")
    prior = (vectors @ base.weights + np.float32(base.bias))[:, None]
    model = _fit(np.hstack([vectors, prior]), hostile, c)
    coef, a = model.coef_[0][:-1], float(model.coef_[0][-1])
    info = {
        **(meta or {}),
        **_sizes(hostile),
        "adapted_from": base.version,
        "base_weight": round(a, 4),
        "false_flag_rate": false_flag_rate,
    }
    bias = float(model.intercept_[0]) + a * base.bias
    few = len(calibration) < 200
    return _calibrated(coef + a * base.weights, bias, base.embedder, [] if few else calibration, false_flag_rate,
                       base.threshold, info)  # fmt: skip


def flag_counts(head: HostilityHead, vectors: np.ndarray, hostile: np.ndarray) -> tuple[int, int, int, int]:
    """(hostile flagged, hostile, clean flagged, clean) at the head's bar: how a head reads labelled vectors."""
    hostile = np.asarray(hostile, dtype=bool)
    flagged = head.probabilities(vectors) >= head.threshold
    return int((flagged & hostile).sum()), int(hostile.sum()), int((flagged & ~hostile).sum()), int((~hostile).sum())


def _labelled(vectors: np.ndarray, hostile: np.ndarray, false_flag_rate: float) -> tuple[np.ndarray, np.ndarray]:
    vectors = np.asarray(vectors, dtype=np.float32)
    hostile = np.asarray(hostile, dtype=bool)
    if vectors.ndim != 2 or len(vectors) != len(hostile):
        raise ValueError("vectors must be (n, dim) with one label per row")
    if hostile.all() or not hostile.any():
        raise ValueError("training needs both hostile and clean rows")
    if not 0.0 < false_flag_rate < 0.5:
        raise ValueError("false_flag_rate must be in (0, 0.5)")
    return vectors, hostile


def _sizes(hostile: np.ndarray) -> dict[str, int]:
    return {"rows": int(len(hostile)), "hostile_rows": int(hostile.sum())}


def _fit(x: np.ndarray, y: np.ndarray, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression  # only to train: a worker reading with a head never needs it

    return LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)


def _calibrated(
    weights: np.ndarray,
    bias: float,
    embedder: str,
    calibration: Any,
    false_flag_rate: float,
    fallback: float,
    meta: dict[str, Any],
) -> HostilityHead:
    """The head with its bar: the ``1 - false_flag_rate`` quantile of the calibration texts' probabilities (kept
    within 0.5–0.999), or ``fallback`` without calibration texts."""
    head = HostilityHead(np.asarray(weights, dtype=np.float32), bias, 0.5, embedder)
    threshold = fallback
    if len(calibration):
        threshold = float(np.quantile(head.probabilities(np.asarray(calibration)), 1.0 - false_flag_rate))
    return HostilityHead(head.weights, bias, min(max(threshold, 0.5), 0.999), embedder, meta)


__all__ = [
    "DEFAULT_HEAD",
    "DEFAULT_TAP_HEAD",
    "HostilityHead",
    "adapt_head",
    "embedder_settings",
    "flag_counts",
    "head_from_json",
    "load_head",
    "save_head",
    "tap_name",
    "tap_of",
    "train_head",
]
