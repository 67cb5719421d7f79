"""What a run changes before it is activated: per item, the old and new verdicts and what would happen to its case.

Verdicts are the policy's reasons (``policy.flag_reasons``) under each site's own thresholds; "changed" compares
the new model's reasons with those of the site's active model when the run was created.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select

from ...extensions import db
from ...models import ACTIVE_CASE_STATES, Case, CaseState, Item, RescoreRun, Score, Site, Subject
from .. import policy
from .runs import scope_filters

MODEL_REASON_SET = frozenset(policy.MODEL_REASONS)
REPORTED_REASONS = ("low_rating", *policy.MODEL_REASONS)


class CaseAction:
    """What activating the run does to an item's case."""

    OPEN = "open"  # no case, and the new model's verdict needs one
    MARK_STALE = "mark_stale"  # an active case none of whose reasons the new verdict still supports
    UNMARK_STALE = "unmark_stale"  # a stale case the new verdict supports again
    ADD_REASONS = "add_reasons"  # an active case that gains reasons
    NONE = "none"  # includes every closed case: answered/resolved/dismissed are never reopened


def case_action(new_reasons: list[str], case_state: str | None, case_reasons: list[str], case_stale: bool) -> str:
    if case_state is None:
        return CaseAction.OPEN if new_reasons else CaseAction.NONE
    if case_state not in ACTIVE_CASE_STATES:
        return CaseAction.NONE
    # Content reasons (links, abuse…) and the star rating do not depend on the model: they keep a case supported.
    supported = [r for r in case_reasons if r not in MODEL_REASON_SET or r in new_reasons]
    if not supported:
        return CaseAction.NONE if case_stale else CaseAction.MARK_STALE
    if case_stale:
        return CaseAction.UNMARK_STALE
    if any(r not in case_reasons for r in new_reasons):
        return CaseAction.ADD_REASONS
    return CaseAction.NONE


@dataclass
class DiffRow:
    item_id: int
    site_id: int
    subject: str
    rating: int | None
    baseline_version: str | None
    old_label: str | None
    old_probability: float | None
    new_label: str
    new_probability: float
    old_reasons: list[str] | None  # None: the item has no score from the baseline version
    new_reasons: list[str]
    case_id: int | None
    case_state: str | None
    case_reasons: list[str]
    case_stale: bool
    action: str

    @property
    def verdict_changed(self) -> bool:
        return self.old_reasons is not None and self.old_reasons != self.new_reasons

    @property
    def label_changed(self) -> bool:
        return self.old_label is not None and self.old_label != self.new_label


def diff_rows(run: RescoreRun, page: int = 2000) -> Iterator[DiffRow]:
    """Every item of the run that has a score from the run's model, with its baseline score and case, by id."""
    sites = {
        s.id: s
        for s in db.session.execute(
            select(Site).where(Site.id.in_([int(k) for k in (run.baseline_versions or {})]))
        ).scalars()
    }
    for site_id in sorted(sites):
        site = sites[site_id]
        baseline = run.baseline_versions.get(str(site_id))
        rules = policy.effective_policy(site.policy)
        new = db.aliased(Score)
        old = db.aliased(Score)
        last = 0
        while True:
            query = (
                select(
                    Item.id,
                    Item.rating,
                    Subject.external_id,
                    new.label,
                    new.negative_probability,
                    old.label,
                    old.negative_probability,
                    Case.id,
                    Case.state,
                    Case.reasons,
                    Case.stale,
                )
                .join(new, and_(new.item_id == Item.id, new.model_version == run.model_version))
                .join(Subject, Subject.id == Item.subject_id)
                .outerjoin(old, and_(old.item_id == Item.id, old.model_version == (baseline or "")))
                .outerjoin(Case, Case.item_id == Item.id)
                .where(Item.site_id == site_id, Item.id > last, *scope_filters(None, run.since))
                .order_by(Item.id)
                .limit(page)
            )
            rows = db.session.execute(query).all()
            for item_id, rating, subject, n_label, n_p, o_label, o_p, case_id, state, reasons, stale in rows:
                new_reasons = policy.flag_reasons(rating, n_p, rules)
                case_reasons = list(reasons or [])
                yield DiffRow(
                    item_id=item_id,
                    site_id=site_id,
                    subject=subject,
                    rating=rating,
                    baseline_version=baseline,
                    old_label=o_label,
                    old_probability=o_p,
                    new_label=n_label,
                    new_probability=n_p,
                    old_reasons=None if o_p is None else policy.flag_reasons(rating, o_p, rules),
                    new_reasons=new_reasons,
                    case_id=case_id,
                    case_state=state,
                    case_reasons=case_reasons,
                    case_stale=bool(stale),
                    action=case_action(new_reasons, state, case_reasons, bool(stale)),
                )
            if len(rows) < page:
                break
            last = rows[-1][0]


@dataclass
class Agreement:
    """How often a model's own verdict matched what moderators did with the case.

    Answered: the flag was right, so the model agrees when it flags the text (negative or mismatched).
    Dismissed: a false alarm, so the model agrees when it does not. The star rating is left out: it flags an
    item whatever the model says.
    """

    answered: int = 0
    answered_flagged: int = 0
    dismissed: int = 0
    dismissed_not_flagged: int = 0

    def add(self, state: str, reasons: list[str]) -> None:
        flagged = bool(MODEL_REASON_SET.intersection(reasons))
        if state == CaseState.ANSWERED.value:
            self.answered += 1
            self.answered_flagged += flagged
        elif state == CaseState.DISMISSED.value:
            self.dismissed += 1
            self.dismissed_not_flagged += not flagged

    def as_dict(self) -> dict[str, Any]:
        decided = self.answered + self.dismissed
        agreed = self.answered_flagged + self.dismissed_not_flagged
        return {
            "answered": self.answered,
            "answered_flagged": self.answered_flagged,
            "dismissed": self.dismissed,
            "dismissed_not_flagged": self.dismissed_not_flagged,
            "agreement": round(agreed / decided, 4) if decided else None,
        }


@dataclass
class DiffReport:
    run_id: int
    model_version: str
    baseline_versions: dict[str, str | None]
    items: int = 0
    without_baseline: int = 0
    verdict_changed: int = 0
    label_changed: int = 0
    became_negative: int = 0
    became_positive: int = 0
    cases: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ACTIONS_REPORTED})
    reasons: dict[str, dict[str, int]] = field(
        default_factory=lambda: {r: {"before": 0, "after": 0, "gained": 0, "lost": 0} for r in REPORTED_REASONS}
    )
    subjects: dict[tuple[int, str], dict[str, int]] = field(default_factory=dict)
    agreement: dict[str, Agreement] = field(default_factory=dict)

    def as_dict(self, site_slugs: dict[int, str] | None = None, max_subjects: int | None = None) -> dict[str, Any]:
        slugs = site_slugs or {}
        ranked = sorted(
            self.subjects.items(),
            key=lambda kv: (-kv[1]["verdict_changed"], -kv[1]["label_changed"], kv[0][0], kv[0][1]),
        )
        return {
            "run_id": self.run_id,
            "model_version": self.model_version,
            "baseline_versions": {slugs.get(int(k), k): v for k, v in self.baseline_versions.items()},
            "items": self.items,
            "without_baseline": self.without_baseline,
            "verdict_changed": self.verdict_changed,
            "label_changed": self.label_changed,
            "became_negative": self.became_negative,
            "became_positive": self.became_positive,
            "cases": dict(self.cases),
            "reasons": self.reasons,
            "subjects_total": len(ranked),
            "subjects": [
                {"site": slugs.get(site_id, site_id), "subject": subject, **counts}
                for (site_id, subject), counts in ranked[:max_subjects]
            ],
            "agreement": {version: a.as_dict() for version, a in self.agreement.items()},
        }


ACTIONS_REPORTED = (CaseAction.OPEN, CaseAction.MARK_STALE, CaseAction.UNMARK_STALE, CaseAction.ADD_REASONS)


def diff_report(run: RescoreRun) -> DiffReport:
    """The numbers a moderator reads before activating: what changed, where, and what it does to the queue.

    Verdicts are the policy's reasons (``policy.flag_reasons``) under each site's own thresholds; "changed" compares
    the new model's reasons with those of the site's active model when the run was created. Case counts are what
    activating now would do (they follow the cases' current states).
    """
    report = DiffReport(run.id, run.model_version, dict(run.baseline_versions or {}))
    for row in diff_rows(run):
        report.items += 1
        if row.action in report.cases:
            report.cases[row.action] += 1
        per_subject = report.subjects.get((row.site_id, row.subject))
        if per_subject is None:
            per_subject = {"items": 0, "verdict_changed": 0, "label_changed": 0, "would_open": 0, "would_stale": 0}
            report.subjects[(row.site_id, row.subject)] = per_subject
        per_subject["items"] += 1
        per_subject["would_open"] += row.action == CaseAction.OPEN
        per_subject["would_stale"] += row.action == CaseAction.MARK_STALE
        if row.case_state in (CaseState.ANSWERED.value, CaseState.DISMISSED.value):
            report.agreement.setdefault(run.model_version, Agreement()).add(row.case_state, row.new_reasons)
            if row.old_reasons is not None and row.baseline_version:
                report.agreement.setdefault(row.baseline_version, Agreement()).add(row.case_state, row.old_reasons)
        if row.old_reasons is None:
            report.without_baseline += 1
            continue
        for reason in REPORTED_REASONS:
            before, after = reason in row.old_reasons, reason in row.new_reasons
            counts = report.reasons[reason]
            counts["before"] += before
            counts["after"] += after
            counts["gained"] += after and not before
            counts["lost"] += before and not after
        if row.verdict_changed:
            report.verdict_changed += 1
            per_subject["verdict_changed"] += 1
        if row.label_changed:
            report.label_changed += 1
            per_subject["label_changed"] += 1
            report.became_negative += row.new_label == "negative"
            report.became_positive += row.new_label == "positive"
    # Only subjects where something moves are worth a line.
    report.subjects = {
        key: counts
        for key, counts in report.subjects.items()
        if counts["verdict_changed"] or counts["label_changed"] or counts["would_open"] or counts["would_stale"]
    }
    return report


CSV_COLUMNS = (
    "item_id",
    "site_id",
    "subject",
    "rating",
    "baseline_version",
    "old_label",
    "old_probability",
    "new_label",
    "new_probability",
    "old_reasons",
    "new_reasons",
    "case_id",
    "case_state",
    "case_action",
)


def diff_csv_lines(run: RescoreRun) -> Iterator[list[Any]]:
    """The header, then one line per item whose verdict or label changed or whose case would change."""
    yield list(CSV_COLUMNS)
    for row in diff_rows(run):
        if not (row.verdict_changed or row.label_changed or row.action != CaseAction.NONE):
            continue
        yield [
            row.item_id,
            row.site_id,
            row.subject,
            "" if row.rating is None else row.rating,
            row.baseline_version or "",
            row.old_label or "",
            "" if row.old_probability is None else round(row.old_probability, 4),
            row.new_label,
            round(row.new_probability, 4),
            "" if row.old_reasons is None else " ".join(row.old_reasons),
            " ".join(row.new_reasons),
            row.case_id or "",
            row.case_state or "",
            row.action,
        ]
