"""Both models on the site's held-out items: the figures the console shows, and the rule that says "better".

The bars are the site's own policy (``services.policy.flag_reasons``): what the queue would do with each verdict.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ... import cpu_priority
from ...classifier import Classifier
from ...vocabulary import MODEL_REASONS, Reason
from ..policy import flag_reasons
from ..training_data import NEGATIVE, LabelledItem


@dataclass
class HeldOutFigures:
    n: int
    negatives: int
    positives: int
    # At the model's own label: the mean of the recall of negatives and of positives.
    balanced_accuracy: float
    negative_recall: float
    positive_recall: float
    # Share of positive items that the policy would flag (a text reason), at the site's bars: false alarms.
    false_alarm_rate: float
    # 1-2★ items whose text the policy flags too (negative_text), and 4-5★ items it flags (false alarms by stars).
    low_stars_caught: float | None
    n_low_stars: int
    high_stars_flagged: float | None
    n_high_stars: int

    def as_dict(self) -> dict[str, Any]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def held_out_figures(
    classifier: Classifier, rows: list[LabelledItem], policy: dict[str, float], batch_size: int = 32
) -> HeldOutFigures:
    """Score ``rows`` with ``classifier`` and measure it against their labels and the policy's bars."""
    # On the idle-priority thread where the app asks for one (the scoring worker's forward passes go there too).
    predictions = cpu_priority.predict(classifier, [r.text for r in rows], batch_size=batch_size)
    said_negative = [p.label == "negative" for p in predictions]
    reasons = [flag_reasons(r.rating, p.negative_probability, policy) for r, p in zip(rows, predictions, strict=True)]
    text_flag = [bool(set(MODEL_REASONS) & set(found)) for found in reasons]
    negatives = [i for i, r in enumerate(rows) if r.label == NEGATIVE]
    positives = [i for i, r in enumerate(rows) if r.label != NEGATIVE]
    negative_recall = share([said_negative[i] for i in negatives]) or 0.0
    positive_recall = share([not said_negative[i] for i in positives]) or 0.0
    low = [Reason.NEGATIVE_TEXT in reasons[i] for i, r in enumerate(rows) if r.rating is not None and r.rating <= 2]
    high = [text_flag[i] for i, r in enumerate(rows) if r.rating is not None and r.rating >= 4]
    return HeldOutFigures(
        n=len(rows),
        negatives=len(negatives),
        positives=len(positives),
        balanced_accuracy=(negative_recall + positive_recall) / 2,
        negative_recall=negative_recall,
        positive_recall=positive_recall,
        false_alarm_rate=share([text_flag[i] for i in positives]) or 0.0,
        low_stars_caught=share(low),
        n_low_stars=len(low),
        high_stars_flagged=share(high),
        n_high_stars=len(high),
    )


def is_better(candidate: dict[str, Any], active: dict[str, Any]) -> bool:
    """The rule for offering "Rescore and activate": a higher balanced accuracy on the held-out items, and no
    more false alarms (positive items the policy would flag) than the active model."""
    return (
        candidate["balanced_accuracy"] > active["balanced_accuracy"]
        and candidate["false_alarm_rate"] <= active["false_alarm_rate"]
    )
