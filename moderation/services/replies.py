"""A brand reply around its publication: previewed as the customer will see it, edited or withdrawn after.

Every earlier text is kept (``reply_revisions``) and every change is audited with the text before and after.
An edited reply shows publicly as edited; a withdrawn one is no longer shown, and a case answered only by it
opens again, since the customer is no longer answered. Shared by the console and the token API; the caller
commits.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import Case, Moderator, Reply, ReplyRevision, utcnow
from ..vocabulary import CaseState
from . import audit
from .cases import MAX_REPLY_CHARS, record_case, snapshot
from .errors import Conflict, NotFound, ServiceError
from .listing import iso, reply_signature


@dataclass(frozen=True)
class Preview:
    """A reply as the customer will see it: the text under the item, signed with the brand's voice."""

    body: str
    signature: str


def checked_body(body: object) -> str:
    """The reply text, trimmed.

    Raises:
        ServiceError: 422 naming ``body`` when it is empty or longer than ``MAX_REPLY_CHARS``.
    """
    if not isinstance(body, str) or not body.strip():
        raise ServiceError("required", "body must be a non-empty text", field="body", status=422)
    if len(body) > MAX_REPLY_CHARS:
        raise ServiceError("too_long", f"body must be at most {MAX_REPLY_CHARS} characters", field="body", status=422)
    return body.strip()


def preview(moderator: Moderator, case: Case, body: object) -> Preview:
    """What publishing ``body`` on ``case`` would show; nothing is written."""
    return Preview(checked_body(body), reply_signature(case.site, moderator))


def reply_on(case: Case, reply_id: int) -> Reply:
    """A reply under the case's item (the caller has checked the moderator may see the case).

    Raises:
        NotFound: no such reply under this item.
    """
    answer = db.session.get(Reply, reply_id)
    if answer is None or answer.item_id != case.item_id:
        raise NotFound("reply", field="reply_id")
    return answer


def ensure_live(answer: Reply) -> None:
    if answer.withdrawn_at is not None:
        raise Conflict("reply_withdrawn", "this reply was withdrawn")


def keep(answer: Reply, moderator: Moderator, action: str) -> ReplyRevision:
    revision = ReplyRevision(reply_id=answer.id, body=answer.body, action=action, moderator_id=moderator.id)
    db.session.add(revision)
    return revision


def edit(moderator: Moderator, answer: Reply, body: object) -> Reply:
    """Correct a published reply; it shows as edited. The earlier text is kept and audited.

    Raises:
        ServiceError: 422 naming ``body``; Conflict when the reply was withdrawn.
    """
    ensure_live(answer)
    text = checked_body(body)
    if text == answer.body:
        return answer
    keep(answer, moderator, "edited")
    before = {"body": answer.body, "edited_at": iso(answer.edited_at)}
    answer.body = text
    answer.edited_at = utcnow()
    audit.record("reply.edited", "reply", answer.id, moderator_id=moderator.id, site_id=answer.item.site_id,
                 before=before, after={"body": answer.body, "edited_at": iso(answer.edited_at)})  # fmt: skip
    return answer


def withdraw(moderator: Moderator, answer: Reply, note: str | None = None) -> Reply:
    """Take a published reply down. Its text is kept; a case it alone answered waits for an answer again.

    Raises:
        Conflict: the reply was already withdrawn.
    """
    ensure_live(answer)
    keep(answer, moderator, "withdrawn")
    answer.withdrawn_at = utcnow()
    after = {"withdrawn_at": iso(answer.withdrawn_at), **({"note": note} if note else {})}
    audit.record("reply.withdrawn", "reply", answer.id, moderator_id=moderator.id, site_id=answer.item.site_id,
                 before={"body": answer.body}, after=after)  # fmt: skip
    case = db.session.get(Case, answer.case_id) if answer.case_id else answer.item.case
    others = db.session.execute(
        select(Reply.id).where(Reply.item_id == answer.item_id, Reply.withdrawn_at.is_(None), Reply.id != answer.id)
    ).first()
    if case is not None and case.state == CaseState.ANSWERED.value and others is None:
        before = snapshot(case)
        case.state = CaseState.OPEN.value
        case.closed_at = None
        record_case("case.reopened", case, moderator, before, {**snapshot(case), "note": "its reply was withdrawn"})
    return answer


def revisions_of(reply_ids: list[int]) -> dict[int, list[ReplyRevision]]:
    """Earlier texts per reply, oldest first (the console shows them under each reply)."""
    grouped: dict[int, list[ReplyRevision]] = {}
    if reply_ids:
        rows = db.session.execute(
            select(ReplyRevision).where(ReplyRevision.reply_id.in_(reply_ids)).order_by(ReplyRevision.id)
        ).scalars()
        for row in rows:
            grouped.setdefault(row.reply_id, []).append(row)
    return grouped
