"""Earlier versions of what people wrote: an item before its author edited it, a reply before a moderator edited
or withdrew it. Rows are only added, never changed: the history is the record of what was public when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .core import utcnow


class ItemRevision(db.Model):
    """An item as it was before one edit by its author, with the scores that version had."""

    __tablename__ = "item_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    rating: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    # The verdicts on this version ({model_version, label, negative_probability, created_at}): the item's Score
    # rows make room for the verdicts on the new text (one score per item and model version).
    scores: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # When this version was written (the item's creation or the previous edit), and when it was replaced.
    written_at: Mapped[datetime] = mapped_column(DateTime)
    replaced_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReplyRevision(db.Model):
    """A brand reply's text before an edit or a withdrawal (``action``), and who had written it."""

    __tablename__ = "reply_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("replies.id", ondelete="CASCADE"), index=True)
    body: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))
    # The moderator who made the change that replaced this text.
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id"))
    replaced_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
