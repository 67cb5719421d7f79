"""What a site has to train on, which items are held out, and the plan shown before a run starts.

Every item of a site whose id hashes into ``TRAINING_HELD_OUT_PERCENT`` is held out: no run of that site ever
trains on it, and each run scores it with both the candidate and the active model. The hash depends on the id
alone, so an item held out once stays held out as the site's data grows.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from ...classifier.recipe import CPU_SECONDS_PER_TEXT_PASS, RECIPES, passes_per_text
from ..model_versions import setting
from ..training_data import DECISION, NEGATIVE, POSITIVE, STARS, LabelledItem, labelled_items

# Seconds to rebuild the base and load it (measured ~17-20 s on 2 cores), and to score one held-out text with
# one model (~140 texts/s uncontended; contended half that).
LOAD_S = 30
SCORE_S_PER_TEXT = 0.015


def hash_bucket(item_id: int) -> int:
    """0-99 from the item's id: stable across runs, processes and Python versions (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(str(item_id).encode(), digest_size=8).digest(), "big") % 100


def is_held_out(item_id: int, percent: int | None = None) -> bool:
    return hash_bucket(item_id) < int(setting("TRAINING_HELD_OUT_PERCENT") if percent is None else percent)


@dataclass
class LabelCounts:
    """Labelled items by where the label comes from (stars, a moderator's decision) and by label."""

    stars_negative: int = 0
    stars_positive: int = 0
    decision_negative: int = 0
    decision_positive: int = 0

    def add(self, row: LabelledItem) -> None:
        key = f"{row.source}_{'negative' if row.label == NEGATIVE else 'positive'}"
        setattr(self, key, getattr(self, key) + 1)

    @property
    def negative(self) -> int:
        return self.stars_negative + self.decision_negative

    @property
    def positive(self) -> int:
        return self.stars_positive + self.decision_positive

    @property
    def stars(self) -> int:
        return self.stars_negative + self.stars_positive

    @property
    def decisions(self) -> int:
        return self.decision_negative + self.decision_positive

    @property
    def total(self) -> int:
        return self.negative + self.positive

    def as_dict(self) -> dict[str, int]:
        return {**asdict(self), "negative": self.negative, "positive": self.positive, "total": self.total}


def count(rows: list[LabelledItem]) -> LabelCounts:
    counts = LabelCounts()
    for row in rows:
        counts.add(row)
    return counts


@dataclass
class Split:
    """The examples a run trains on (capped) and the held-out items it compares the models on (capped)."""

    train: list[LabelledItem]
    held_out: list[LabelledItem]
    trainable: int  # items outside the held-out slice, before the cap


def cap_examples(rows: list[LabelledItem], limit: int) -> list[LabelledItem]:
    """At most ``limit`` examples, half of each label where both have enough (the other label fills the rest);
    within a label, moderators' decisions first, then the newest items. Returned in id order."""
    if len(rows) <= limit:
        return rows
    by_label = {
        label: sorted(
            (r for r in rows if r.label == label),
            key=lambda r: (r.source != DECISION, -r.created_at.timestamp(), -r.item_id),
        )
        for label in (NEGATIVE, POSITIVE)
    }
    small, large = sorted(by_label.values(), key=len)
    keep_small = small[: max(limit // 2, limit - len(large))]
    chosen = keep_small + large[: limit - len(keep_small)]
    return sorted(chosen, key=lambda r: r.item_id)


def split(rows: list[LabelledItem]) -> Split:
    held = [r for r in rows if is_held_out(r.item_id)]
    rest = [r for r in rows if not is_held_out(r.item_id)]
    # More held-out items than can be scored quickly: the lowest hashes, a random-like sample that stays the same.
    held = sorted(held, key=lambda r: (hash_bucket(r.item_id), r.item_id))[: int(setting("TRAINING_MAX_HELD_OUT"))]
    return Split(
        cap_examples(rest, int(setting("TRAINING_MAX_EXAMPLES"))), sorted(held, key=lambda r: r.item_id), len(rest)
    )


def refusal(labelled: LabelCounts, train: LabelCounts, held_out: LabelCounts) -> tuple[str, dict[str, int]] | None:
    """Why a run would be refused (a code and its figures), or None."""
    minimum, per_class = int(setting("TRAINING_MIN_LABELLED")), int(setting("TRAINING_MIN_PER_CLASS"))
    held_per_class = int(setting("TRAINING_MIN_HELD_OUT_PER_CLASS"))
    if labelled.total < minimum:
        return "too_few_labelled", {"have": labelled.total, "need": minimum}
    if min(labelled.negative, labelled.positive) < per_class:
        return "too_few_of_a_label", {"negative": labelled.negative, "positive": labelled.positive, "need": per_class}
    if min(held_out.negative, held_out.positive) < held_per_class:
        return "held_out_too_small", {
            "negative": held_out.negative,
            "positive": held_out.positive,
            "need": held_per_class,
        }
    return None


@dataclass
class TrainingPlan:
    """What "train a model on this site's data" would do now, shown before it starts."""

    labelled: LabelCounts
    train: LabelCounts
    held_out: LabelCounts
    trainable: int
    recipe: dict[str, Any]
    estimate_s: int
    timeout_s: int
    refusal: tuple[str, dict[str, int]] | None = None
    split: Split | None = field(default=None, repr=False)

    @property
    def allowed(self) -> bool:
        return self.refusal is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "labelled": self.labelled.as_dict(),
            "train": self.train.as_dict(),
            "held_out": self.held_out.as_dict(),
            "trainable": self.trainable,
            "recipe": self.recipe,
            "estimate_s": self.estimate_s,
            "timeout_s": self.timeout_s,
        }


def cpu_recipe() -> dict[str, Any]:
    """The recipe a 2-core CPU worker runs (a CUDA worker runs its own, every layer, in less time)."""
    recipe = dict(RECIPES["cpu"])
    if setting("TRAINING_EPOCHS"):
        recipe["epochs"] = int(setting("TRAINING_EPOCHS"))
    return recipe


def estimate_seconds(train_examples: int, held_out: int, recipe: dict[str, Any]) -> int:
    """Seconds a run takes on 2 CPU cores: load, training (see ``CPU_SECONDS_PER_TEXT_PASS``), both models
    scoring the held-out slice."""
    passes = passes_per_text(int(recipe["frozen_layers"]), int(recipe["epochs"]))
    return round(LOAD_S + train_examples * CPU_SECONDS_PER_TEXT_PASS * passes + 2 * held_out * SCORE_S_PER_TEXT)


def timeout_seconds(estimate_s: int) -> int:
    """The job's hard limit: three times the estimate (a busy machine), at least 10 minutes, at most the setting."""
    return min(int(setting("TRAINING_JOB_TIMEOUT")), max(600, 3 * estimate_s))


def make_plan(site_id: int, rows: list[LabelledItem] | None = None) -> TrainingPlan:
    """The plan for the site's items now (``rows``: its labelled items, when the caller read them already)."""
    rows = labelled_items(site_id) if rows is None else rows
    carved = split(rows)
    labelled, train, held_out = count(rows), count(carved.train), count(carved.held_out)
    recipe = cpu_recipe()
    estimate = estimate_seconds(train.total, held_out.total, recipe)
    return TrainingPlan(
        labelled=labelled,
        train=train,
        held_out=held_out,
        trainable=carved.trainable,
        recipe=recipe,
        estimate_s=estimate,
        timeout_s=timeout_seconds(estimate),
        refusal=refusal(labelled, train, held_out),
        split=carved,
    )


__all__ = ["DECISION", "STARS", "LabelCounts", "Split", "TrainingPlan", "is_held_out", "make_plan", "split"]
