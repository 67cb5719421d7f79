"""Undo of one moderator's last action on one case, for a short while after it (the single-case twin of bulk undo).

Every case action is audited with the case as it was (``services.cases.snapshot``, plus ``item_status`` when the
item changed); undo puts that back when the action is still the case's latest event, and records
``case.restored`` naming the event it undid. A public reply is not undoable: the customer may have read it.

What the action told people is taken back too: its decision mails wait ``DECISION_MAIL_DELAY_S`` (at least this
window) before they go out, and undo cancels them; reports it concluded wait for a decision again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, Case, Moderator, utcnow
from ..vocabulary import ACTIVE_CASE_STATES
from . import cases as case_service
from . import mail, reports, webhooks
from .errors import Conflict, NotFound

UNDOABLE = frozenset(
    {
        "case.claimed",
        "case.released",
        "case.resolved",
        "case.dismissed",
        "case.escalated",
        "item.approved",
        "item.rejected",
    }
)
# The console offers undo for 10 s; the server allows a little more for a slow network, never open-ended.
UNDO_SECONDS = 10
UNDO_GRACE_SECONDS = 20
# The audit event's time is set when it is flushed, with the mails and report outcomes of the same action: what
# they wrote is found from a little before it.
SAME_ACTION_SECONDS = 2


def take_back_notices(item_id: int, action_at: datetime) -> tuple[int, int]:
    """What an undone action at ``action_at`` told people about ``item_id``: its decision mails not yet sent are
    cancelled and the reports it concluded wait again. Returns (mails withdrawn, reports waiting again)."""
    since = action_at - timedelta(seconds=SAME_ACTION_SECONDS)
    return mail.withdraw_decision_mails(item_id, since), reports.reopen(item_id, since)


def latest_event(case: Case) -> AuditEvent | None:
    return db.session.execute(
        select(AuditEvent)
        .where(AuditEvent.target_type == "case", AuditEvent.target_id == case.id)
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).scalar()


def undoable_event(moderator: Moderator, case: Case) -> AuditEvent | None:
    """The moderator's action just taken on ``case``, if it can be undone (for the console's undo offer)."""
    event = latest_event(case)
    if event is None or event.action not in UNDOABLE or event.moderator_id != moderator.id:
        return None
    return event


def parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.removesuffix("Z")) if value else None


def undo(moderator: Moderator, case: Case, event_id: int) -> Case:
    """Put ``case`` (and its item) back as they were before the audited action ``event_id``. The caller commits.

    Raises:
        NotFound: no such undoable action of this moderator on this case; Conflict: ``undo_expired`` past the
            window, ``changed_since`` when another action followed it (undo never overwrites someone's work).
    """
    event = db.session.get(AuditEvent, event_id)
    if (
        event is None
        or event.target_type != "case"
        or event.target_id != case.id
        or event.moderator_id != moderator.id
        or event.action not in UNDOABLE
    ):
        raise NotFound("action")
    if event.at < utcnow() - timedelta(seconds=UNDO_SECONDS + UNDO_GRACE_SECONDS):
        raise Conflict("undo_expired", "this action can no longer be undone")
    latest = latest_event(case)
    if latest is None or latest.id != event.id:
        raise Conflict("changed_since", f"the case changed since (now {case.state})")
    was = event.before or {}
    before = {**case_service.snapshot(case), "item_status": case.item.status}
    case.state = was["state"]
    case.claimed_by_id = was.get("claimed_by_id")
    case.claim_expires_at = parse_dt(was.get("claim_expires_at"))
    if "reasons" in was:
        case.reasons = was["reasons"]
    if case.state in ACTIVE_CASE_STATES:
        case.closed_at = None
    if "item_status" in was:
        case.item.status = was["item_status"]
        if event.action == "item.rejected":
            case.item.rejection_reason = None
    withdrawn, reopened = take_back_notices(case.item_id, event.at)
    after = {**case_service.snapshot(case), "item_status": case.item.status, "undid": event.id}
    if withdrawn or reopened:
        after.update(mails_withdrawn=withdrawn, reports_waiting_again=reopened)
    case_service.record_case("case.restored", case, moderator, before, after)
    webhooks.emit(case.site_id, "case.restored", webhooks.case_data(case))
    db.session.flush()
    return case
