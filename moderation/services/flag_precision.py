"""How often moderators confirm each model version's flags (its precision), and a threshold the labels suggest.

Not to be confused with the rescoring diff report's agreement, which compares a new model's verdicts with
what moderators did.

A model flag is a case with a model reason (``negative_text``, ``rating_text_mismatch``). Moderators label it
when they close the case: *answered* (the customer needed an answer: the flag was right) or *dismissed*
(false alarm). Only flags that were raised can be labelled, so the labels can argue for a higher threshold
(fewer false alarms), never for a lower one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import String, and_, cast, or_, select

from ..extensions import db
from ..models import Case, Item, Score, Site
from ..vocabulary import ACTIVE_CASE_STATES, MODEL_REASONS, CaseState, ItemStatus, Reason

TARGET_PRECISION = 0.9
MIN_LABELS = 20


@dataclass
class FlagPrecision:
    """One model version's flags on a site and what moderators did with them."""

    model_version: str
    flags: int
    answered: int
    dismissed: int
    still_open: int
    other_closed: int
    suggested_threshold: float | None = None
    precision_now: float | None = None
    precision_at_suggestion: float | None = None
    answered_kept_at_suggestion: float | None = None
    note: str = ""
    curve: list[tuple[float, float, float]] = field(default_factory=list)

    @property
    def labelled(self) -> int:
        return self.answered + self.dismissed

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.labelled if self.labelled else None

    @property
    def dismissed_share(self) -> float | None:
        return self.dismissed / self.labelled if self.labelled else None


def model_flag_clause():
    encoded = cast(Case.reasons, String)
    return or_(*[encoded.contains(f'"{reason}"') for reason in MODEL_REASONS])


def suggest_threshold(
    labelled: list[tuple[float, bool]], target: float = TARGET_PRECISION
) -> tuple[float | None, float | None, float | None, list[tuple[float, float, float]]]:
    """The lowest threshold whose flags moderators answered at least ``target`` of the time.

    Args:
        labelled: (negative probability, answered?) for each labelled flag.
        target: the share of flags that should deserve an answer.

    Returns:
        (threshold, precision there, share of answered flags kept there, curve of (t, precision, kept)).
    """
    answered_total = sum(1 for _, ok in labelled if ok)
    curve = []
    suggestion = None
    for step in range(50, 100):
        t = step / 100
        kept = [ok for p, ok in labelled if p >= t]
        if not kept:
            break
        precision = sum(kept) / len(kept)
        kept_share = sum(kept) / answered_total if answered_total else 0.0
        curve.append((t, precision, kept_share))
        if suggestion is None and precision >= target:
            suggestion = (t, precision, kept_share)
    if suggestion is None:
        return None, None, None, curve
    return suggestion[0], suggestion[1], suggestion[2], curve


def flag_precision_by_model(site: Site) -> list[FlagPrecision]:
    """Per model version that raised flags on this site, the moderators' verdicts and a suggested threshold."""
    rows = db.session.execute(
        select(Case.model_version, Case.state, Score.negative_probability)
        .join(Item, Item.id == Case.item_id)
        .outerjoin(Score, and_(Score.item_id == Case.item_id, Score.model_version == Case.model_version))
        .where(Case.site_id == site.id, Case.model_version.is_not(None), model_flag_clause())
    ).all()
    by_version: dict[str, list[tuple[str, float | None]]] = {}
    for version, state, probability in rows:
        by_version.setdefault(version, []).append((state, probability))
    out = []
    for version, cases in sorted(by_version.items()):
        states = [s for s, _ in cases]
        result = FlagPrecision(
            model_version=version,
            flags=len(cases),
            answered=states.count(CaseState.ANSWERED.value),
            dismissed=states.count(CaseState.DISMISSED.value),
            still_open=sum(
                s in (CaseState.OPEN.value, CaseState.CLAIMED.value, CaseState.ESCALATED.value) for s in states
            ),
            other_closed=states.count(CaseState.RESOLVED.value),
        )
        labelled = [
            (p, s == CaseState.ANSWERED.value)
            for s, p in cases
            if p is not None and s in (CaseState.ANSWERED.value, CaseState.DISMISSED.value)
        ]
        if len(labelled) < MIN_LABELS:
            result.note = "not_enough_labels"
        else:
            t, precision, kept, curve = suggest_threshold(labelled)
            result.curve = curve
            result.precision_now = sum(ok for _, ok in labelled) / len(labelled)
            if t is None:
                result.note = "target_unreachable"
            else:
                result.suggested_threshold = t
                result.precision_at_suggestion = precision
                result.answered_kept_at_suggestion = kept
        out.append(result)
    return out


@dataclass
class ReaderFlags:
    """One hostility reader's ``suspected_abuse`` cases on a site, and what moderators did with the items."""

    reader: str
    flags: int = 0
    removed: int = 0
    let_stand: int = 0
    waiting: int = 0

    @property
    def removed_share(self) -> float | None:
        decided = self.removed + self.let_stand
        return self.removed / decided if decided else None


def reader_flags(site: Site) -> list[ReaderFlags]:
    """Per hostility head (``services.hostility``): its flags here, how many items moderators removed, let stand,
    or have still to look at. The removed share is the reader's precision on this site; a low one argues for a
    higher ``suspected_abuse_threshold`` or a site's own head (``moderation model train-hostility``)."""
    rows = db.session.execute(
        select(Case.state, Case.evidence, Item.status)
        .join(Item, Item.id == Case.item_id)
        .where(Case.site_id == site.id, cast(Case.reasons, String).contains(f'"{Reason.SUSPECTED_ABUSE.value}"'))
    ).all()
    out: dict[str, ReaderFlags] = {}
    for state, evidence, status in rows:
        reader = ((evidence or {}).get(Reason.SUSPECTED_ABUSE.value) or {}).get("reader") or "?"
        flags = out.setdefault(reader, ReaderFlags(reader))
        flags.flags += 1
        if status == ItemStatus.REMOVED.value:
            flags.removed += 1
        elif state in ACTIVE_CASE_STATES:
            flags.waiting += 1
        else:
            flags.let_stand += 1
    return sorted(out.values(), key=lambda f: -f.flags)
