"""Authors: the history a moderator sees, the standing a moderator gives them, and erasure on request.

A standing (``vocabulary.AuthorStanding``) is a moderator's decision about an author, applied to each new item of
theirs where the content rules' hold decision is made (``holds_for``, called by ``submissions.create_item``):
``blocked`` and ``always_hold`` hold it for a decision, ``trusted`` skips the rules that would hold it. Items
already posted are left as they are. Every change is audited with before and after, and ``normal`` undoes it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import Author, Item, ItemStatus, Moderator
from ..vocabulary import AuthorStanding, Reason
from . import audit
from .access import can_see_site
from .accounts import get_site
from .errors import NotFound, ServiceError

ERASED_NAME = "Anonymous"
# Standings that hold every new item, and the reason the item (and its case) carries.
STANDING_HOLDS: dict[str, Reason] = {
    AuthorStanding.BLOCKED: Reason.AUTHOR_BLOCKED,
    AuthorStanding.ALWAYS_HOLD: Reason.AUTHOR_HELD,
}
# What trust never skips. Safety is a lane, not a hold (a case that goes up the queue), so it is never affected;
# personal data is someone else's (a customer's phone number posted by a trusted ambassador is still held).
TRUST_NEVER_SKIPS: frozenset[str] = frozenset({Reason.SAFETY, Reason.PERSONAL_DATA})
TRUST_SKIPPED_EVENT = "author.trust_skipped"
MAX_STANDING_NOTE = 500


def holds_for(author: Author, hold_reasons: list[str], evidence: dict[str, Any]) -> list[str]:
    """The hold reasons of a new item by ``author`` once their standing is applied (``evidence`` gains the why).

    Called with what the content rules decided, before the item is written: a blocked or always-held author's item
    is held whatever the rules said; a trusted author's item skips the rules' holds (each skip audited on the
    author), except ``TRUST_NEVER_SKIPS``. Reply reasons (stars, the model) and the safety lane are never touched.
    """
    standing = author.standing or AuthorStanding.NORMAL
    held_for = STANDING_HOLDS.get(standing)
    if held_for is not None:
        evidence[held_for.value] = {"author_id": author.id, "standing": standing}
        return list(dict.fromkeys([*hold_reasons, held_for.value]))
    if standing == AuthorStanding.TRUSTED:
        skipped = [r for r in hold_reasons if r not in TRUST_NEVER_SKIPS]
        if skipped:
            audit.record(TRUST_SKIPPED_EVENT, "author", author.id, site_id=author.site_id, after={"reasons": skipped})
        return [r for r in hold_reasons if r in TRUST_NEVER_SKIPS]
    return hold_reasons


def set_standing(moderator: Moderator, author: Author, standing: str, note: str | None = None) -> bool:
    """Give ``author`` a standing (``normal`` takes any back), audited; True when it changed. The caller commits.

    Raises:
        NotFound: the author belongs to a site the moderator does not see.
        ServiceError: 422 naming ``standing`` (unknown value, or an anonymous author: one item each, so no later
            item to apply it to) or ``note`` (too long).
    """
    if not can_see_site(moderator, author.site_id):
        raise NotFound("author")
    if standing not in tuple(AuthorStanding):
        choices = ", ".join(AuthorStanding)
        raise ServiceError("invalid_standing", f"standing must be one of {choices}", field="standing", status=422)
    if author.email is None:
        raise ServiceError(
            "anonymous_author",
            "an author without an e-mail is a different author on each item: nothing later to apply it to",
            field="standing",
            status=422,
        )
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_STANDING_NOTE:
        raise ServiceError("too_long", f"note must be at most {MAX_STANDING_NOTE} characters", "note", 422)
    current = author.standing or AuthorStanding.NORMAL.value
    if current == standing:
        return False
    author.standing = standing
    after: dict[str, Any] = {"standing": standing}
    if note:
        after["note"] = note
    audit.record("author.standing", "author", author.id, moderator_id=moderator.id, site_id=author.site_id,
                 before={"standing": current}, after=after)  # fmt: skip
    return True


def erase_author(site_slug: str, email: str, *, remove_items: bool = False, moderator_id: int | None = None) -> int:
    """Erase what identifies an author (email, name); optionally remove and blank their items too.

    Returns:
        How many items were removed (0 unless ``remove_items``).

    Raises:
        NotFound: no author with this email on this site.
    """
    site = get_site(site_slug)
    author = db.session.execute(
        select(Author).where(Author.site_id == site.id, Author.email == email.strip().lower())
    ).scalar_one_or_none()
    if author is None:
        raise NotFound("author", field="email")
    author.email = None
    author.name = ERASED_NAME
    removed = 0
    if remove_items:
        for item in db.session.execute(select(Item).where(Item.author_id == author.id)).scalars():
            item.status = ItemStatus.REMOVED.value
            item.title = None
            item.body = ""
            removed += 1
    # The audit trail records that an erasure happened, never what was erased.
    audit.record("author.erased", "author", author.id, moderator_id=moderator_id, site_id=site.id,
                 after={"items_removed": removed})  # fmt: skip
    return removed
