"""Outside conversations: posts found elsewhere (followed feeds, imported forums) and the feeds a site follows."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Item, utcnow


class ExternalPost(db.Model):
    """Where an item of kind ``external`` comes from. One row per item; a GUID is unique per site and source, so
    a feed polled twice or a forum export imported twice adds nothing."""

    __tablename__ = "external_posts"
    __table_args__ = (UniqueConstraint("site_id", "source", "guid", name="uq_external_posts_site_source_guid"),)

    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    # Where it was found, as a stable key: ``feed:<url>``, ``discourse:<forum>``, ``disqus:<forum>``, ``wxr:<blog>``.
    source: Mapped[str] = mapped_column(String(500))
    # What people call the place ("Example forum", the feed's title).
    source_name: Mapped[str | None] = mapped_column(String(300))
    guid: Mapped[str] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(String(2000))
    author: Mapped[str | None] = mapped_column(String(200))
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Set when a moderator marks the case "answered elsewhere": where the answer was posted.
    answered_url: Mapped[str | None] = mapped_column(String(2000))
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    item: Mapped[Item] = relationship()


class Feed(db.Model):
    """An RSS/Atom feed a site follows (``services.feeds``); validators of the last answer make the next poll a
    conditional GET."""

    __tablename__ = "feeds"
    __table_args__ = (UniqueConstraint("site_id", "url", name="uq_feeds_site_url"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(String(2000))
    # The subject its posts are filed under (a product SKU, a page id).
    subject: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(300))
    allow_private: Mapped[bool] = mapped_column(Boolean, default=False)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    last_polled_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_status: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(String(500))
    items_found: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    site = relationship("Site")
