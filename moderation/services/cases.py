"""What moderators do to cases: claim, reply, resolve, dismiss, escalate, approve and reject held items.

Shared by the token API and the console. Every action is audited; the caller commits.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from sqlalchemy import Select, and_, or_, select, update

from .. import metrics
from ..extensions import db
from ..models import Case, Item, Moderator, Reply, Subject, utcnow
from ..vocabulary import ACTIVE_CASE_STATES, CONTENT_REASONS, CaseState, ItemKind, ItemStatus, RejectionReason
from . import access, audit, mail, policy, reports, webhooks
from .errors import Conflict, ServiceError

# What the author of a rejected item is told, per code; each says what to change to be published.
REJECTION_REASONS: dict[str, str] = {
    RejectionReason.SPAM: "Advertising or spam is not allowed.",
    RejectionReason.LINKS: "Links are not allowed in reviews.",
    RejectionReason.ABUSIVE: "Insults and abusive language are not allowed.",
    RejectionReason.PERSONAL_DATA: "Personal data (emails, phone numbers, addresses) must not be published.",
    RejectionReason.OFF_TOPIC: "The text is not about this product or discussion.",
    RejectionReason.DUPLICATE: "The same text was already posted.",
    RejectionReason.OTHER: "The text does not follow the community guidelines.",
}
MAX_REPLY_CHARS = 5000


def snapshot(case: Case) -> dict[str, Any]:
    return {
        "state": case.state,
        "claimed_by_id": case.claimed_by_id,
        "claim_expires_at": case.claim_expires_at.isoformat() + "Z" if case.claim_expires_at else None,
        "reasons": list(case.reasons or []),
    }


def clear_claim(case: Case) -> None:
    case.claimed_by_id = None
    case.claim_expires_at = None


def record_case(action: str, case: Case, moderator: Moderator | None, before: dict, after: dict) -> None:
    """Audit one action on a case, with its state before and after."""
    audit.record(action, "case", case.id, moderator_id=moderator.id if moderator else None, site_id=case.site_id,
                 before=before, after=after)  # fmt: skip


def urgency_from_now(item: Item, reasons: list[str]) -> policy.Urgency:
    """Priority and deadline of a case opened or reopened after the item was written (an edit, a campaign found
    later): the SLA clock starts now."""
    site = item.site
    return policy.urgency(item.rating, None, reasons, utcnow(), site.sla_low_rating_hours, site.sla_default_hours,
                          current_app.config.get("SLA_SAFETY_HOURS", 4))  # fmt: skip


def raise_case(item: Item, reasons: list[str], evidence: dict[str, Any], *, note: str, held: bool) -> Case:
    """Bring ``reasons`` to a moderator after ``item`` was written (its author edited it, a campaign showed it to be a
    copy): a new case when it has none; else ``reasons`` and ``evidence`` join its case, which moves up (priority,
    deadline) while open, or reopens when closed if the item is ``held`` (it waits hidden for a decision) or a reason
    is new; its deadline runs from now (``urgency_from_now``). ``note`` says why in the audit log. The caller
    commits.
    """
    case = item.case
    if case is None:
        when = urgency_from_now(item, reasons)
        case = Case(site_id=item.site_id, item=item, reasons=reasons, evidence=evidence, priority=when.priority,
                    due_at=when.due_at, state=CaseState.OPEN.value)  # fmt: skip
        db.session.add(case)
        db.session.flush()
        audit.record("case.opened", "case", case.id, site_id=item.site_id, after={"reasons": reasons, "note": note})
        return case
    case.evidence = {**(case.evidence or {}), **evidence}
    new_reasons = [r for r in reasons if r not in (case.reasons or [])]
    if case.state not in ACTIVE_CASE_STATES and not (held or new_reasons):
        return case  # nothing the closed case was not already about
    before = snapshot(case)
    case.reasons = list(dict.fromkeys([*(case.reasons or []), *reasons]))
    when = urgency_from_now(item, case.reasons)
    if case.state in ACTIVE_CASE_STATES:
        case.priority = max(case.priority, when.priority)
        case.due_at = min(case.due_at, when.due_at)
        record_case("case.reasons_added", case, None, before, {**snapshot(case), "note": note})
        return case
    case.state = CaseState.OPEN.value
    case.closed_at = None
    case.priority = when.priority
    case.due_at = when.due_at
    record_case("case.reopened", case, None, before, {**snapshot(case), "note": note})
    return case


def claim_is_live(case: Case) -> bool:
    return (
        case.state == CaseState.CLAIMED.value and case.claim_expires_at is not None and case.claim_expires_at > utcnow()
    )


def claim(moderator: Moderator, case: Case, minutes: int | None = None) -> Case:
    """Claim atomically: one UPDATE that only succeeds when nobody else holds a live claim.

    The claim lasts ``minutes``, by default the app's ``CLAIM_MINUTES``, whether the console, the API or an
    action that claims on the way (``take``) asked for it.

    Raises:
        Conflict: ``already_claimed`` naming the holder, or ``case_closed``.
    """
    minutes = minutes or current_app.config["CLAIM_MINUTES"]
    now = utcnow()
    before = snapshot(case)
    claimable = or_(
        Case.state.in_([CaseState.OPEN.value, CaseState.ESCALATED.value]),
        and_(
            Case.state == CaseState.CLAIMED.value,
            or_(Case.claim_expires_at <= now, Case.claimed_by_id == moderator.id),
        ),
    )
    result = db.session.execute(
        update(Case)
        .where(Case.id == case.id, claimable)
        .values(
            state=CaseState.CLAIMED.value,
            claimed_by_id=moderator.id,
            claim_expires_at=now + timedelta(minutes=minutes),
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(case)
    if result.rowcount != 1:
        if case.state not in ACTIVE_CASE_STATES:
            raise Conflict("case_closed", f"case is {case.state}")
        holder = case.claimed_by.name if case.claimed_by else "another moderator"
        until = case.claim_expires_at.strftime("%H:%M UTC") if case.claim_expires_at else "?"
        raise Conflict("already_claimed", f"claimed by {holder} until {until}")
    record_case("case.claimed", case, moderator, before, snapshot(case))
    return case


def release(moderator: Moderator, case: Case) -> Case:
    ensure_not_held_by_other(moderator, case)
    before = snapshot(case)
    if case.state == CaseState.CLAIMED.value:
        case.state = CaseState.OPEN.value
        clear_claim(case)
        record_case("case.released", case, moderator, before, snapshot(case))
    return case


def ensure_not_held_by_other(moderator: Moderator, case: Case) -> None:
    if claim_is_live(case) and case.claimed_by_id != moderator.id:
        holder = case.claimed_by.name if case.claimed_by else "another moderator"
        raise Conflict("already_claimed", f"claimed by {holder}")


def ensure_active(case: Case) -> None:
    if case.state not in ACTIVE_CASE_STATES:
        raise Conflict("case_closed", f"case is {case.state}")


def take(moderator: Moderator, case: Case) -> None:
    """Hold the claim before acting: nobody answers a customer someone else is answering."""
    ensure_active(case)
    if not (claim_is_live(case) and case.claimed_by_id == moderator.id):
        claim(moderator, case)


HELD_ITEM_MESSAGE = (
    "the item is held (not public): approve or reject it; closing its case would leave it unpublished "
    "and its author never told"
)


def item_is_held(case: Case) -> bool:
    return case.item.status == ItemStatus.HELD.value


def refuse_if_held(case: Case, message: str = HELD_ITEM_MESSAGE) -> None:
    """A held item leaves the queue only by a decision on it (DESIGN.md, "Invariants"): approve or reject.

    Raises:
        Conflict: ``held_item`` while the case's item is held.
    """
    if item_is_held(case):
        raise Conflict("held_item", message)


def close(moderator: Moderator, case: Case, state: CaseState, action: str, note: str | None = None) -> Case:
    """Close a case without deciding on its item; refused while the item is held, before any claim is taken."""
    refuse_if_held(case)
    take(moderator, case)
    before = snapshot(case)
    now = utcnow()
    case.state = state.value
    clear_claim(case)
    case.closed_at = now
    after = snapshot(case)
    if note:
        after["note"] = note
    record_case(action, case, moderator, before, after)
    webhooks.emit(case.site_id, "case.closed", webhooks.case_data(case))
    reports.conclude(case)  # readers who reported the item hear that it stays
    return case


def reply(moderator: Moderator, case: Case, body: str) -> Reply:
    """Answer the customer publicly; the reply shows under the item at once.

    A held item is not public, so a reply under it would answer nobody and closing the case would bury the
    item: the moderator approves it first (the case stays open for the reply) or rejects it.

    Raises:
        ServiceError: 422 when the body is empty or too long; Conflict when someone else holds the case, or
            ``held_item`` while the item is held, ``external_item`` for a post written elsewhere.
    """
    if case.item.kind == ItemKind.EXTERNAL.value:
        # Never shown here, so a reply here would answer nobody (services.external.answer_elsewhere).
        raise Conflict("external_item", "an external post is answered where it was written: answered_elsewhere")
    refuse_if_held(case, "the item is held (not public): approve it first, then reply; or reject it")
    if not isinstance(body, str) or not body.strip():
        raise ServiceError("required", "body must be a non-empty text", field="body", status=422)
    if len(body) > MAX_REPLY_CHARS:
        raise ServiceError("too_long", f"body must be at most {MAX_REPLY_CHARS} characters", field="body", status=422)
    take(moderator, case)
    answer = Reply(item_id=case.item_id, case_id=case.id, moderator_id=moderator.id, body=body.strip())
    db.session.add(answer)
    if case.first_answered_at is None:
        case.first_answered_at = utcnow()
        metrics.count_first_answer(db.session, case.site.slug, case.created_at, case.first_answered_at)
    close(moderator, case, CaseState.ANSWERED, "case.answered")
    db.session.flush()
    webhooks.emit(case.site_id, "reply.published", webhooks.reply_data(answer))
    mail.notify_reply(answer)
    return answer


def resolve(moderator: Moderator, case: Case, note: str | None = None) -> Case:
    return close(moderator, case, CaseState.RESOLVED, "case.resolved", note)


def dismiss(moderator: Moderator, case: Case, note: str | None = None) -> Case:
    """A false alarm: kept as a labelled example (the text was not a problem) for retraining."""
    return close(moderator, case, CaseState.DISMISSED, "case.dismissed", note)


def escalate(moderator: Moderator, case: Case, note: str | None = None) -> Case:
    take(moderator, case)
    before = snapshot(case)
    case.state = CaseState.ESCALATED.value
    clear_claim(case)
    after = {**snapshot(case), "note": note} if note else snapshot(case)
    record_case("case.escalated", case, moderator, before, after)
    return case


def approve(moderator: Moderator, case: Case) -> Case:
    """Publish a held item. Reply reasons (low rating, negative text) keep the case open for an answer."""
    item = case.item
    if item.status != ItemStatus.HELD.value:
        raise Conflict("not_held", "the item is not held")
    take(moderator, case)
    before = {**snapshot(case), "item_status": item.status}
    item.status = ItemStatus.PUBLISHED.value
    remaining = [r for r in case.reasons if r not in CONTENT_REASONS]
    case.reasons = remaining
    clear_claim(case)
    if remaining:
        case.state = CaseState.OPEN.value
    else:
        case.state = CaseState.RESOLVED.value
        case.closed_at = utcnow()
    record_case("item.approved", case, moderator, before, {**snapshot(case), "item_status": item.status})
    webhooks.emit(case.site_id, "item.published", webhooks.case_data(case))
    mail.notify_published(case)
    if case.state == CaseState.RESOLVED.value:
        reports.conclude(case)
    return case


def reject(moderator: Moderator, case: Case, reason_code: str) -> Case:
    """Remove an item for a reason its author can act on."""
    if reason_code not in REJECTION_REASONS:
        raise ServiceError(
            "invalid_reason", "reason must be one of " + ", ".join(REJECTION_REASONS), field="reason", status=422
        )
    item = case.item
    if item.status == ItemStatus.REMOVED.value:
        raise Conflict("already_removed", "the item is already removed")
    take(moderator, case)
    before = {**snapshot(case), "item_status": item.status}
    item.status = ItemStatus.REMOVED.value
    item.rejection_reason = reason_code
    case.state = CaseState.RESOLVED.value
    clear_claim(case)
    case.closed_at = utcnow()
    record_case(
        "item.rejected", case, moderator, before, {**snapshot(case), "item_status": item.status, "reason": reason_code}
    )
    webhooks.emit(case.site_id, "item.rejected", webhooks.case_data(case))
    mail.notify_rejected(case)
    reports.conclude(case)  # readers who reported it hear that it was removed
    return case


def release_expired_claims() -> int:
    """Return cases whose claim expired to the queue (the queue also treats them as open meanwhile)."""
    now = utcnow()
    expired = list(
        db.session.execute(
            select(Case).where(Case.state == CaseState.CLAIMED.value, Case.claim_expires_at <= now)
        ).scalars()
    )
    for case in expired:
        before = snapshot(case)
        case.state = CaseState.OPEN.value
        clear_claim(case)
        record_case("case.claim_expired", case, None, before, snapshot(case))
    return len(expired)


def queue_query(
    moderator: Moderator,
    *,
    state: str | None = "open",
    site_id: int | None = None,
    reason: str | None = None,
    subject_external_id: str | None = None,
) -> Select:
    """Cases by priority then deadline, limited to the moderator's sites.

    ``state="open"`` means waiting for someone: open, escalated, or claimed with an expired claim.
    """
    now = utcnow()
    query = access.only_visible_sites(select(Case).join(Item, Case.item_id == Item.id), moderator, Case.site_id)
    if site_id is not None:
        query = query.where(Case.site_id == site_id)
    if state == "open":
        query = query.where(
            or_(
                Case.state.in_([CaseState.OPEN.value, CaseState.ESCALATED.value]),
                and_(Case.state == CaseState.CLAIMED.value, Case.claim_expires_at <= now),
            )
        )
    elif state == "active":
        query = query.where(Case.state.in_(ACTIVE_CASE_STATES))
    elif state:
        query = query.where(Case.state == state)
    if reason:
        # JSON arrays differ by database; the reason list is short, so a text match on the encoded list is
        # exact enough once quoted.
        query = query.where(db.cast(Case.reasons, db.String).contains(f'"{reason}"'))
    if subject_external_id:
        query = query.join(Subject, Item.subject_id == Subject.id).where(Subject.external_id == subject_external_id)
    return query.order_by(Case.priority.desc(), Case.due_at.asc(), Case.id.asc())
