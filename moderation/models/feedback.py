"""What readers tell the brand about what they read: reports of a review, comment or reply (notice and action),
and whether a brand reply answered the question ("Was this answer helpful?")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Author, Item, Reply, utcnow


class Report(db.Model):
    """One reader's report of an item (or of a brand reply under it); one per reader and target.

    The reader is a keyed hash of their address, as for helpful votes (``services.votes.client_key``); the
    address itself is never stored. An e-mail given for the acknowledgement and the outcome is kept on an
    ``authors`` row of the site, so unsubscribing and erasure work as they do for authors.
    """

    __tablename__ = "reports"
    __table_args__ = (
        # One report per reader and target: the item itself, or one reply under it. NULL reply ids never
        # collide in a unique key, so each target has its own partial unique index.
        Index(
            "uq_reports_item_reader",
            "item_id",
            "reporter_key",
            unique=True,
            postgresql_where=text("reply_id IS NULL"),
            sqlite_where=text("reply_id IS NULL"),
        ),
        Index(
            "uq_reports_reply_reader",
            "reply_id",
            "reporter_key",
            unique=True,
            postgresql_where=text("reply_id IS NOT NULL"),
            sqlite_where=text("reply_id IS NOT NULL"),
        ),
        Index("ix_reports_item_outcome", "item_id", "outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("replies.id", ondelete="CASCADE"))
    reporter_key: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    text: Mapped[str | None] = mapped_column(Text)
    lang: Mapped[str] = mapped_column(String(8), default="en")
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("authors.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # ``removed`` or ``kept`` once a moderator closed the case; NULL while it waits.
    outcome: Mapped[str | None] = mapped_column(String(16))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    item: Mapped[Item] = relationship()
    reply: Mapped[Reply | None] = relationship()
    reporter: Mapped[Author | None] = relationship()


class AnswerVote(db.Model):
    """One reader's "was this answer helpful?" on a brand reply: yes or no, changed or withdrawn at will."""

    __tablename__ = "answer_votes"
    __table_args__ = (UniqueConstraint("reply_id", "client_key", name="uq_answer_votes_reply_client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("replies.id", ondelete="CASCADE"), index=True)
    client_key: Mapped[str] = mapped_column(String(64))
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
