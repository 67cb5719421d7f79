"""Bulk actions on a queue filter, with a count preview and undo.

A bulk run is itself an audit event (``bulk.<action>``, target type ``bulk``, target id = its own id). Its
``before`` holds, per case, the fields the run changed as they were; undo puts them back on every case
the run closed that nobody has touched since, and records what it restored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, Case, Item, Moderator
from ..vocabulary import ItemStatus
from . import access, audit, case_queue, webhooks
from . import cases as case_service
from .case_undo import take_back_notices
from .errors import Conflict, NotFound, ServiceError

BULK_ACTIONS: dict[str, Callable[[Moderator, Case, str | None], Case]] = {
    "dismiss": case_service.dismiss,
    "resolve": case_service.resolve,
    "escalate": case_service.escalate,
}
# One bulk run stays one reviewable transaction; a wider filter is applied in several runs.
BULK_MAX = 2000
SAMPLE_SIZE = 10


@dataclass
class BulkResult:
    bulk_id: int
    done: int
    skipped: list[tuple[int, str]] = field(default_factory=list)
    # Of the skipped, the cases left alone because their item is held.
    held: int = 0


@dataclass
class Preview:
    count: int
    sample: list[Case]
    # How many matched cases have a held item: resolve and dismiss skip them.
    held: int = 0


@dataclass
class UndoResult:
    restored: int
    skipped: list[tuple[int, str]] = field(default_factory=list)


def preview(moderator: Moderator, filters: case_queue.QueueFilters) -> Preview:
    """How many cases the filter matches (counting stops past ``BULK_MAX``), how many of them have a held item,
    and the first few in queue order."""
    query = case_queue.filtered_query(moderator, filters)
    held = case_queue.count(query.where(Item.status == ItemStatus.HELD.value), BULK_MAX)
    sample = list(db.session.execute(query.limit(SAMPLE_SIZE)).scalars())
    return Preview(count=case_queue.count(query, BULK_MAX), sample=sample, held=held)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def restorable(case: Case) -> dict[str, Any]:
    """Everything a bulk action may change on a case, as it is now."""
    return {
        "state": case.state,
        "claimed_by_id": case.claimed_by_id,
        "claim_expires_at": iso(case.claim_expires_at),
        "closed_at": iso(case.closed_at),
    }


def apply(
    moderator: Moderator,
    filters: case_queue.QueueFilters,
    action: str,
    *,
    note: str | None = None,
    filter_args: dict[str, str] | None = None,
    expected: int | None = None,
) -> BulkResult:
    """Apply ``action`` to every case the filter matches (at most ``BULK_MAX``), through the case services.

    Cases another moderator holds, or already closed, are skipped and listed; so are, for resolve and dismiss,
    cases whose item is held (counted apart in ``held``). The caller commits.

    Raises:
        ServiceError: unknown action, or more cases than ``BULK_MAX``; Conflict when the count moved since
            the preview (``expected``), so nobody applies an action to cases they have not seen counted.
    """
    if action not in BULK_ACTIONS:
        raise ServiceError("invalid_action", "action must be one of " + ", ".join(BULK_ACTIONS), "action", 422)
    query = case_queue.filtered_query(moderator, filters)
    targets = list(db.session.execute(query.limit(BULK_MAX + 1)).scalars())
    if len(targets) > BULK_MAX:
        raise ServiceError("too_many", f"a bulk action covers at most {BULK_MAX} cases; narrow the filter", None, 422)
    if expected is not None and expected != len(targets):
        raise Conflict("count_changed", f"the filter now matches {len(targets)} cases, not {expected}")
    event = audit.record(
        f"bulk.{action}",
        "bulk",
        0,
        moderator_id=moderator.id,
        site_id=filters.site_id,
        after={"action": action, "filters": filter_args or {}, "note": note},
    )
    db.session.flush()
    event.target_id = event.id
    perform = BULK_ACTIONS[action]
    previous: dict[str, dict[str, Any]] = {}
    skipped: list[tuple[int, str]] = []
    held = 0
    for case in targets:
        snapshot = restorable(case)
        try:
            perform(moderator, case, note)
        except Conflict as refusal:
            skipped.append((case.id, refusal.message))
            if refusal.code == "held_item":
                held += 1
            continue
        previous[str(case.id)] = {**snapshot, "left_state": case.state}
    event.before = {"cases": previous}
    event.after = {**event.after, "count": len(previous), "skipped": len(skipped), "skipped_held": held}
    db.session.flush()
    return BulkResult(bulk_id=event.id, done=len(previous), skipped=skipped, held=held)


def get_bulk(moderator: Moderator, bulk_id: int) -> AuditEvent:
    event = db.session.get(AuditEvent, bulk_id)
    if event is None or event.target_type != "bulk" or not event.action.startswith("bulk."):
        raise NotFound("bulk action")
    if not access.can_see_bulk_run(moderator, event):
        raise NotFound("bulk action")
    return event


def was_undone(bulk_id: int) -> bool:
    return (
        db.session.execute(
            select(AuditEvent.id).where(
                AuditEvent.action == "bulk.undone", AuditEvent.target_type == "bulk", AuditEvent.target_id == bulk_id
            )
        ).first()
        is not None
    )


def parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def undo(moderator: Moderator, bulk_id: int) -> UndoResult:
    """Put back the cases a bulk run changed, unless someone changed them since. The caller commits.

    Raises:
        NotFound: no such bulk run of this moderator; Conflict: it was already undone.
    """
    event = get_bulk(moderator, bulk_id)
    if was_undone(bulk_id):
        raise Conflict("already_undone", "this bulk action was already undone")
    previous: dict[str, dict[str, Any]] = (event.before or {}).get("cases", {})
    restored = 0
    skipped: list[tuple[int, str]] = []
    for case_id, was in previous.items():
        case = db.session.get(Case, int(case_id))
        if case is None or not access.can_see_site(moderator, case.site_id):
            skipped.append((int(case_id), "gone"))
            continue
        if case.state != was["left_state"] or case_service.claim_is_live(case):
            skipped.append((case.id, f"changed since (now {case.state})"))
            continue
        before = restorable(case)
        case.state = was["state"]
        case.claimed_by_id = was["claimed_by_id"]
        case.claim_expires_at = parse_dt(was["claim_expires_at"])
        case.closed_at = parse_dt(was["closed_at"])
        # Reports the run concluded wait again; their outcome mails are withdrawn while they have not gone out.
        take_back_notices(case.item_id, event.at)
        case_service.record_case("case.restored", case, moderator, before, {**restorable(case), "bulk_id": bulk_id})
        webhooks.emit(case.site_id, "case.restored", webhooks.case_data(case))
        restored += 1
    audit.record(
        "bulk.undone",
        "bulk",
        bulk_id,
        moderator_id=moderator.id,
        site_id=event.site_id,
        after={"restored": restored, "skipped": len(skipped)},
    )
    db.session.flush()
    return UndoResult(restored=restored, skipped=skipped)


def recent_runs(moderator: Moderator, limit: int = 20) -> list[tuple[AuditEvent, bool]]:
    """This moderator's latest bulk runs (all of them for an admin), each with whether it was undone."""
    query = select(AuditEvent).where(AuditEvent.target_type == "bulk", AuditEvent.action != "bulk.undone")
    if not moderator.is_admin:
        query = query.where(AuditEvent.moderator_id == moderator.id)
    runs = list(db.session.execute(query.order_by(AuditEvent.id.desc()).limit(limit)).scalars())
    undone = set(
        db.session.execute(
            select(AuditEvent.target_id).where(
                AuditEvent.action == "bulk.undone", AuditEvent.target_id.in_([r.id for r in runs])
            )
        ).scalars()
    )
    return [(run, run.id in undone) for run in runs]
