"""The thread around a comment, for the case page: its parent, its siblings (same parent) and its replies.

Each list is capped (a thread of 2,000 comments must not make a 2,000-row case page) and carries how many there
are in all; each lookup is one query on ``ix_items_parent``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..models import Item, ItemKind

SHOWN = 8


@dataclass
class Thread:
    parent: Item | None = None
    siblings: list[Item] = field(default_factory=list)
    sibling_count: int = 0
    replies: list[Item] = field(default_factory=list)
    reply_count: int = 0

    @property
    def empty(self) -> bool:
        return self.parent is None and not self.sibling_count and not self.reply_count


def _around(where, exclude_id: int, shown: int) -> tuple[list[Item], int]:
    """Up to ``shown`` items matching ``where`` (oldest first, as a thread reads), and how many there are."""
    query = select(Item).where(where, Item.id != exclude_id)
    rows = db.session.execute(
        query.options(joinedload(Item.author), joinedload(Item.case)).order_by(Item.created_at, Item.id).limit(shown)
    )
    items = list(rows.unique().scalars())
    total = len(items)
    if total == shown:
        total = db.session.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    return items, total


def thread_of(item: Item, shown: int = SHOWN) -> Thread:
    """The comment's parent, siblings and replies; an empty thread for a review."""
    if item.kind != ItemKind.COMMENT.value:
        return Thread()
    thread = Thread(parent=item.parent)
    if item.parent_id is not None:
        thread.siblings, thread.sibling_count = _around(Item.parent_id == item.parent_id, item.id, shown)
    thread.replies, thread.reply_count = _around(Item.parent_id == item.id, item.id, shown)
    return thread
