"""What an author does to their own item through the signed links of their mails: edit it, or withdraw it.

No login: the signed token is the author's proof (``mail.links``); each link serves one purpose (an edit link
cannot withdraw) and expires after ``AUTHOR_LINK_MAX_AGE_DAYS``. An edit goes through the content rules again
like a new submission, keeps the earlier version (``item_revisions``) and is rescored by the model (the caller
enqueues scoring after its commit). Every change is audited as the system acting for the author; the caller
commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import current_app
from sqlalchemy import delete, select

from .. import content
from ..extensions import db
from ..models import Item, ItemRevision, OutboxMessage, OutboxState, Score, utcnow
from ..schemas.submissions import check_submission
from ..vocabulary import ACTIVE_CASE_STATES, CaseState, ItemKind, ItemStatus
from . import audit, policy
from .cases import clear_claim, raise_case, record_case, snapshot
from .errors import Conflict, NotFound
from .mail.links import unsign
from .site_rules import site_rules
from .submissions import match_evidence

EDIT = "edit"
WITHDRAW = "withdraw"
EDITABLE = (ItemStatus.PUBLISHED.value, ItemStatus.HELD.value)


def link_max_age_s() -> int:
    return int(current_app.config["AUTHOR_LINK_MAX_AGE_DAYS"]) * 24 * 3600


def item_for_link(purpose: str, token: str) -> Item:
    """The item a mail's edit or withdraw link was signed for.

    Raises:
        ServiceError: 400 ``invalid_link`` (tampered, expired, or signed for the other purpose); NotFound.
    """
    item = db.session.get(Item, unsign(purpose, token, link_max_age_s()))
    if item is None:
        raise NotFound("item", field="token")
    return item


def ensure_editable(item: Item) -> None:
    if item.status == ItemStatus.WITHDRAWN.value:
        raise Conflict("withdrawn", "this text was withdrawn by its author")
    if item.status not in EDITABLE:
        raise Conflict("not_editable", "this text was not published; the mail about it says how to contest")


def edit_item(item: Item, *, rating: Any, title: str | None, body: str, limits: Mapping[str, Any]) -> bool:
    """Replace the item's text (and a review's rating) with the author's new version. Returns False when nothing
    changed.

    The new text is checked by the content rules as a new submission is: a rule that holds takes the item out of
    public view and (re)opens its case; a new rating reason (a 1–2★ rating) opens or reopens it too. The model's
    verdict follows when the caller's scoring job has run (``scheduling.request_scoring``).

    Raises:
        ServiceError: 422 naming the field at fault; Conflict when the item is withdrawn or rejected.
    """
    ensure_editable(item)
    payload: dict[str, Any] = {"kind": item.kind, "body": body, "author": {"name": item.author.name}}
    if item.kind == ItemKind.REVIEW.value:
        payload["rating"] = rating
    if title and title.strip():
        payload["title"] = title
    shape = check_submission(payload, limits)
    new_rating = shape.rating if item.kind == ItemKind.REVIEW.value else None
    if (new_rating, shape.title, shape.body) == (item.rating, item.title, item.body):
        return False
    now = utcnow()
    revision = ItemRevision(
        item_id=item.id,
        rating=item.rating,
        title=item.title,
        body=item.body,
        status=item.status,
        scores=[
            {
                "model_version": s.model_version,
                "label": s.label,
                "negative_probability": s.negative_probability,
                "created_at": s.created_at.isoformat() + "Z",
            }
            for s in item.scores
        ],  # fmt: skip
        written_at=item.edited_at or item.created_at,
        replaced_at=now,
    )
    db.session.add(revision)
    # One score per item and model version: the new text's verdict needs the room; the old one is in the revision.
    db.session.execute(delete(Score).where(Score.item_id == item.id))
    db.session.expire(item, ["scores"])
    before = {"rating": item.rating, "status": item.status, "hold_reasons": list(item.hold_reasons or [])}
    item.rating, item.title, item.body = new_rating, shape.title, shape.body
    item.edited_at = now
    item.scored_at = None
    item.fingerprint = content.fingerprint(f"{item.title or ''}\n{item.body}")
    recheck(item)
    db.session.flush()
    after = {"rating": item.rating, "status": item.status, "hold_reasons": list(item.hold_reasons or [])}
    before["revision_id"] = revision.id
    audit.record("item.edited", "item", item.id, site_id=item.site_id, before=before, after=after)
    return True


def recheck(item: Item) -> None:
    """The content rules and the rating on the new text; holds and (re)opens the case as a submission would."""
    site = item.site
    declared = item.lang.split("-")[0] if item.lang else None
    texts = {"title": item.title or "", "body": item.body, "author_name": item.author.name}
    brand = site.name if item.external_id is None else None  # as create_item: an imported name came from elsewhere
    verdict = content.evaluate(
        texts, site_rules(site.word_list), language=declared, brand=brand, own_sites=site.allowed_origins or ()
    )
    hold = list(verdict.hold_reasons)
    rating_reasons = policy.flag_reasons(item.rating, None, policy.effective_policy(site.policy))
    reasons = list(dict.fromkeys([*hold, *verdict.flag_reasons, *verdict.lifts, *rating_reasons]))
    evidence = match_evidence(verdict.matches)
    if item.rating is not None and rating_reasons:
        evidence["low_rating"] = {"rating": item.rating}
    if hold:
        kept = item.hold_reasons if item.status == ItemStatus.HELD.value else []
        item.hold_reasons = list(dict.fromkeys([*(kept or []), *hold]))
        item.status = ItemStatus.HELD.value
    if item.case is not None:
        # Spans of the rules index the text they matched: only the new text's spans may stay.
        kept = {k: v for k, v in (item.case.evidence or {}).items() if not isinstance(v, list)}
        item.case.evidence = {**kept, **evidence}
    if reasons:
        raise_case(item, reasons, evidence, note="edited by its author", held=bool(hold))


def revisions_of(item_id: int) -> list[ItemRevision]:
    """The item's earlier versions, oldest first (the console shows them on the case page)."""
    return list(
        db.session.execute(
            select(ItemRevision).where(ItemRevision.item_id == item_id).order_by(ItemRevision.id)
        ).scalars()
    )


def withdraw_item(item: Item) -> Item:
    """Take the item out of public view for good at its author's request; its open case closes, saying why.

    Raises:
        Conflict: ``not_editable`` when the item was rejected (it is not public anyway).
    """
    if item.status == ItemStatus.WITHDRAWN.value:
        return item  # the same link clicked twice
    if item.status not in EDITABLE:
        raise Conflict("not_editable", "this text was not published")
    before = item.status
    item.status = ItemStatus.WITHDRAWN.value
    audit.record("item.withdrawn", "item", item.id, site_id=item.site_id, before={"status": before},
                 after={"status": item.status, "by": "author"})  # fmt: skip
    case = item.case
    if case is not None and case.state in ACTIVE_CASE_STATES:
        case_before = snapshot(case)
        case.state = CaseState.RESOLVED.value
        clear_claim(case)
        case.closed_at = utcnow()
        record_case("case.closed", case, None, case_before, {**snapshot(case), "note": "withdrawn by its author"})
    # Mail about it that has not gone out yet would tell the author about a text they took down.
    unsent = (OutboxState.AWAITING_CONFIRMATION.value, OutboxState.PENDING.value)
    for message in db.session.execute(
        select(OutboxMessage).where(OutboxMessage.item_id == item.id, OutboxMessage.state.in_(unsent))
    ).scalars():
        message.state = OutboxState.CANCELLED.value
    return item
