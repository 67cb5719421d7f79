"""Authors: the history a moderator sees, and erasure on request."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Author, Item, ItemStatus
from . import audit
from .accounts import get_site
from .errors import NotFound

ERASED_NAME = "Anonymous"


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
