"""From a model's own labels to one number: the probability that a text is negative.

The mapping is read from ``config.id2label`` (with overrides from ``moderation.json``), so a user's model
works whatever it predicts:

- two classes, negative/positive: P(negative); with ``calibration`` set,
  sigmoid(scale · (z_neg − z_pos) + bias).
- three classes, negative/neutral/positive: P(negative) + 0.5 · P(neutral).
- star ratings (``1 star`` … ``5 stars``, or ``1``…``5``): every star below the middle of the scale counts
  fully, the middle star counts half, stars above it not at all. For 1–5★: P(1★) + P(2★) + 0.5 · P(3★).
- other sentiment names are recognised too: ``very negative`` counts as negative, ``mixed`` as neutral.

A model whose labels cannot be read this way (``LABEL_0``/``LABEL_1``, say) is refused with an error that says
how to name them in ``moderation.json``'s ``label_map``: guessing which one is negative would be a coin toss.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

_NEGATIVE = {"negative", "neg", "very negative", "very_negative", "bad", "négatif", "negatif", "toxic"}
_POSITIVE = {"positive", "pos", "very positive", "very_positive", "good", "positif", "non-toxic"}
_NEUTRAL = {"neutral", "neu", "neutre", "mixed"}
_STARS = re.compile(r"^\s*([0-9]+)\s*(stars?|étoiles?|etoiles?|★)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class LabelMapping:
    """Weights per class index: the share of each class's probability that counts as negative."""

    negative_weights: tuple[float, ...]
    kind: str  # "binary", "three-way", "stars" or "weighted"
    negative_index: int | None = None  # for "binary": which logit is negative
    positive_index: int | None = None

    def negative_probability(self, logits: Any, calibration: dict[str, float] | None = None) -> Any:
        """``logits``: a float tensor [batch, classes]; returns a float tensor [batch]."""
        import torch

        if logits.shape[-1] != len(self.negative_weights):
            raise ValueError(f"model gives {logits.shape[-1]} logits, labels name {len(self.negative_weights)}")
        if self.kind == "binary" and calibration:
            margin = logits[:, self.negative_index] - logits[:, self.positive_index]
            return torch.sigmoid(calibration.get("scale", 1.0) * margin + calibration.get("bias", 0.0))
        weights = torch.tensor(self.negative_weights, dtype=logits.dtype, device=logits.device)
        return (torch.softmax(logits, dim=-1) * weights).sum(dim=-1).clamp(0.0, 1.0)


def _category(name: str) -> tuple[str, int | None]:
    key = name.strip().lower().replace("-", " ").replace("_", " ")
    if key in {n.replace("_", " ") for n in _NEGATIVE}:
        return "negative", None
    if key in {n.replace("_", " ") for n in _POSITIVE}:
        return "positive", None
    if key in _NEUTRAL:
        return "neutral", None
    match = _STARS.match(name)
    if match:
        return "stars", int(match.group(1))
    raise KeyError(name)


def label_mapping(id2label: dict[Any, str], overrides: dict[str, str] | None = None) -> LabelMapping:
    """Build the mapping for a model's ``id2label``.

    Args:
        id2label: the model config's class index → label name.
        overrides: label name → ``negative``/``neutral``/``positive`` or ``stars:N``
            (from ``moderation.json``).

    Raises:
        ValueError: a label cannot be recognised, or the labels mix stars with sentiment names.
    """
    overrides = overrides or {}
    labels = [id2label[k] for k in sorted(id2label, key=lambda k: int(k))]
    kinds: list[tuple[str, int | None]] = []
    for name in labels:
        target = overrides.get(name, name)
        if target.startswith("stars:"):
            kinds.append(("stars", int(target.split(":", 1)[1])))
            continue
        try:
            kinds.append(_category(target))
        except KeyError:
            raise ValueError(
                f"cannot tell what label {name!r} means (labels: {labels}); add "
                '"label_map": {"<label>": "negative|neutral|positive|stars:N"} '
                "to the model's moderation.json"
            ) from None
    categories = {kind for kind, _ in kinds}
    if "stars" in categories:
        if categories != {"stars"}:
            raise ValueError(f"labels {labels} mix star ratings with sentiment names")
        stars = [n for _, n in kinds]
        low, high = min(stars), max(stars)  # type: ignore[type-var]
        if low == high:
            raise ValueError(f"labels {labels} name a single star rating")
        middle = (low + high) / 2  # type: ignore[operator]
        weights = tuple(1.0 if s < middle else 0.5 if math.isclose(s, middle) else 0.0 for s in stars)
        return LabelMapping(weights, "stars")
    if "negative" not in categories or "positive" not in categories:
        raise ValueError(f"labels {labels} need at least one negative and one positive class")
    weights = tuple({"negative": 1.0, "neutral": 0.5, "positive": 0.0}[kind] for kind, _ in kinds)
    if len(kinds) == 2:
        return LabelMapping(weights, "binary", weights.index(1.0), weights.index(0.0))
    if categories == {"negative", "neutral", "positive"} and len(kinds) == 3:
        return LabelMapping(weights, "three-way")
    return LabelMapping(weights, "weighted")
