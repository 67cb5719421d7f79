"""Verified-buyer invitations: one row per order and product, mailed once its ``send_after`` has come."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Author, Item, Site, Subject, utcnow
from .mail import OutboxMessage


class Invitation(db.Model):
    """A customer of an order asked to review one product (``services.invitations``).

    The customer is an ``Author`` of the site (their address, erased with them); the mail goes out once, with a
    signed one-time link per product; the review posted through that link is ``item`` (``verified_purchase``).
    """

    __tablename__ = "invitations"
    __table_args__ = (
        # Inviting the same order's product again changes nothing (API retries, a CSV imported twice).
        UniqueConstraint("site_id", "order_reference", "subject_id", name="uq_invitations_site_order_subject"),
        # The sweep: invitations not mailed yet, by when they may be.
        Index("ix_invitations_unmailed", "mailed_at", "send_after"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id", ondelete="CASCADE"), index=True)
    order_reference: Mapped[str] = mapped_column(String(200))
    lang: Mapped[str] = mapped_column(String(8))
    send_after: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Set when the sweep handled it: with ``outbox_id`` when a mail was written, without when the address
    # had unsubscribed (nothing is sent to it).
    mailed_at: Mapped[datetime | None] = mapped_column(DateTime)
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id", ondelete="SET NULL"))
    # The link is one-time: set in the transaction that posts the review.
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="SET NULL"))

    site: Mapped[Site] = relationship()
    subject: Mapped[Subject] = relationship()
    author: Mapped[Author] = relationship()
    item: Mapped[Item | None] = relationship()
    outbox: Mapped[OutboxMessage | None] = relationship()
