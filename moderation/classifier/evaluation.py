"""Measuring a classifier on a labelled CSV: the figures ``moderation model eval`` prints.

Two file shapes are read: ``text,label`` (``pos``/``neg``, also ``positive``/``negative``, ``1``/``-1``) and
``text,stars`` (0.5–5; ≤2★ counts as negative, ≥4★ as positive, the middle is scored for the policy only).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

from . import Classifier

# The default policy's bars (``services.policy.DEFAULT_POLICY``; a test keeps the two equal): a 3–5★ review is
# flagged at this negative probability, a ≤ 2★ one at the second, a text without stars at the third.
POLICY_THRESHOLD = 0.84
POLICY_THRESHOLD_LOW_RATING = 0.23
POLICY_THRESHOLD_UNRATED = 0.5

_NEGATIVE_NAMES = {"neg", "negative", "-1", "1.0_neg"}
_POSITIVE_NAMES = {"pos", "positive", "1"}


@dataclass
class EvalRows:
    texts: list[str]
    is_negative: list[bool | None]  # None: a middle rating (3★), no sentiment label
    stars: list[float] | None = None


@dataclass
class EvalReport:
    n: int
    accuracy: float
    macro_f1: float
    negative_recall: float
    negative_precision: float
    flagged_low_stars: float | None = None  # share of ≤2★ reviews the policy would flag
    flagged_high_stars: float | None = None  # share of ≥4★ reviews the policy would flag (false alarms)
    case_rate_mid_stars: float | None = None  # share of 3★ reviews the policy would open a case on
    n_low_stars: int = 0
    n_high_stars: int = 0
    n_mid_stars: int = 0
    extra: dict[str, float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [
            f"texts: {self.n}",
            f"accuracy: {self.accuracy:.4f}",
            f"macro-F1: {self.macro_f1:.4f}",
            f"negative recall: {self.negative_recall:.4f}",
            f"negative precision: {self.negative_precision:.4f}",
        ]
        if self.flagged_low_stars is not None:
            out.append(
                f"1-2 stars caught by text (bar {POLICY_THRESHOLD_LOW_RATING}): "
                f"{self.flagged_low_stars:.4f} of {self.n_low_stars}"
            )
        if self.flagged_high_stars is not None:
            out.append(
                f"4-5 stars flagged (bar {POLICY_THRESHOLD}): {self.flagged_high_stars:.4f} of {self.n_high_stars}"
            )
        if self.case_rate_mid_stars is not None:
            out.append(
                f"3 stars case rate (bar {POLICY_THRESHOLD}): {self.case_rate_mid_stars:.4f} of {self.n_mid_stars}"
            )
        return out


def read_eval_csv(path: str | Path) -> EvalRows:
    """Read ``text,label`` or ``text,stars``.

    Raises:
        ValueError: neither a ``label`` nor a ``stars`` column, or a label that is not pos/neg.
    """
    with Path(path).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or [])
        if "text" not in columns or not ({"label", "stars"} & columns):
            raise ValueError(f"{path}: expected columns text,label or text,stars; got {sorted(columns)}")
        texts, labels, stars = [], [], []
        for line, row in enumerate(reader, start=2):
            if not (row["text"] or "").strip():
                continue
            texts.append(row["text"])
            if "stars" in columns and row.get("stars") not in (None, ""):
                rating = float(row["stars"])
                stars.append(rating)
                labels.append(True if rating <= 2 else False if rating >= 4 else None)
            else:
                value = (row.get("label") or "").strip().lower()
                if value in _NEGATIVE_NAMES:
                    labels.append(True)
                elif value in _POSITIVE_NAMES:
                    labels.append(False)
                else:
                    raise ValueError(f"{path}:{line}: label {value!r} is not pos/neg")
    return EvalRows(texts, labels, stars if "stars" in columns else None)


def policy_flags(negative_probability: float, stars: float | None) -> bool:
    """Whether the default policy gives the text the ``negative_text`` reason (a 3★ review: opens a case)."""
    if stars is None:
        return negative_probability >= POLICY_THRESHOLD_UNRATED
    if stars <= 2:
        return negative_probability >= POLICY_THRESHOLD_LOW_RATING
    return negative_probability >= POLICY_THRESHOLD


def report(predicted_negative: list[bool], probabilities: list[float], rows: EvalRows) -> EvalReport:
    pairs = [(p, t) for p, t in zip(predicted_negative, rows.is_negative, strict=True) if t is not None]
    tp = sum(1 for p, t in pairs if p and t)
    fp = sum(1 for p, t in pairs if p and not t)
    fn = sum(1 for p, t in pairs if not p and t)
    tn = sum(1 for p, t in pairs if not p and not t)
    n = len(pairs)

    def f1(tp_: int, fp_: int, fn_: int) -> float:
        return 2 * tp_ / (2 * tp_ + fp_ + fn_) if tp_ else 0.0

    result = EvalReport(
        n=n,
        accuracy=(tp + tn) / n if n else 0.0,
        macro_f1=(f1(tp, fp, fn) + f1(tn, fn, fp)) / 2,
        negative_recall=tp / (tp + fn) if tp + fn else 0.0,
        negative_precision=tp / (tp + fp) if tp + fp else 0.0,
    )
    if rows.stars is not None:
        low = [policy_flags(p, s) for p, s in zip(probabilities, rows.stars, strict=True) if s <= 2]
        high = [policy_flags(p, s) for p, s in zip(probabilities, rows.stars, strict=True) if s >= 4]
        mid = [policy_flags(p, s) for p, s in zip(probabilities, rows.stars, strict=True) if 2 < s < 4]
        result.n_low_stars, result.n_high_stars, result.n_mid_stars = len(low), len(high), len(mid)
        result.flagged_low_stars = sum(low) / len(low) if low else 0.0
        result.flagged_high_stars = sum(high) / len(high) if high else 0.0
        result.case_rate_mid_stars = sum(mid) / len(mid) if mid else None
    return result


def sample_rows(rows: EvalRows, limit: int, seed: int = 13) -> EvalRows:
    """At most ``limit`` rows, a seeded random sample in file order (CPU time: a capped sample, said so)."""
    if limit <= 0 or len(rows.texts) <= limit:
        return rows
    keep = sorted(random.Random(seed).sample(range(len(rows.texts)), limit))
    return EvalRows(
        [rows.texts[i] for i in keep],
        [rows.is_negative[i] for i in keep],
        [rows.stars[i] for i in keep] if rows.stars is not None else None,
    )


def source_name(path: Path) -> str:
    """``test-clothing_en.csv`` → ``clothing_en``: the held-out files ``model prepare-data`` writes, by source."""
    return path.stem.removeprefix("test-")


def summary_header() -> str:
    return f"{'source':<16} {'n':>6} {'accuracy':>8} {'1-2★ caught':>11} {'4-5★ flagged':>12} {'3★ case rate':>12}"


def summary_line(source: str, result: EvalReport) -> str:
    """One row of the by-source table ``moderation model eval`` prints (``-`` where the file has no stars)."""

    def cell(value: float | None, n: int, width: int) -> str:
        return f"{value:.3f} ({n})".rjust(width) if value is not None else "-".rjust(width)

    return (
        f"{source:<16} {result.n:>6} {result.accuracy:>8.4f} {cell(result.flagged_low_stars, result.n_low_stars, 11)}"
        f" {cell(result.flagged_high_stars, result.n_high_stars, 12)}"
        f" {cell(result.case_rate_mid_stars, result.n_mid_stars, 12)}"
    )


def evaluate(classifier: Classifier, rows: EvalRows, batch_size: int = 32) -> EvalReport:
    predictions = classifier.predict(rows.texts, batch_size=batch_size)
    return report([p.label == "negative" for p in predictions], [p.negative_probability for p in predictions], rows)


def read_training_csv(path: Path) -> tuple[list[str], list[int], list[str]]:
    """Rows of ``text,label`` (pos/neg), ``text,label,source`` or ``text,stars`` (≤2★ neg, ≥4★ pos).

    Returns:
        texts, labels (1 negative, 0 positive) and sources (the ``source`` column, else the file's name); rows
        without a label (3★) are left out.
    """
    rows = read_eval_csv(path)
    sources: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        has_source = "source" in (reader.fieldnames or [])
        sources = [row["source"] if has_source else path.stem for row in reader if (row["text"] or "").strip()]
    texts, labels, kept_sources = [], [], []
    for text, negative, source in zip(rows.texts, rows.is_negative, sources, strict=True):
        if negative is None:
            continue
        texts.append(text)
        labels.append(1 if negative else 0)
        kept_sources.append(source)
    return texts, labels, kept_sources
