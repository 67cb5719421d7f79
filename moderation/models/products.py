"""What the platform learns per product: complaint topics and the product-health workflow."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Moderator, Subject, utcnow


class SubjectInsights(db.Model):
    """A product's latest complaint topics (``services.insights``), one row per subject, replaced on each run.

    ``review_count`` and ``last_item_id`` are the published reviews the run read: when either differs from the
    subject's now, its reviews changed and the insights sweep schedules a new run.
    """

    __tablename__ = "subject_insights"

    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    computed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    model_version: Mapped[str] = mapped_column(String(200))
    embedder: Mapped[str] = mapped_column(String(200))
    review_count: Mapped[int] = mapped_column(Integer, default=0)
    last_item_id: Mapped[int | None] = mapped_column(Integer)
    negative_reviews: Mapped[int] = mapped_column(Integer, default=0)
    topics: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    health: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    seconds: Mapped[float] = mapped_column(Float, default=0.0)

    subject: Mapped[Subject] = relationship()


class HealthState(enum.StrEnum):
    """Where a product stands under its site's rule (``services.health``)."""

    OK = "ok"
    WATCH = "watch"
    ACTION_PLAN = "action_plan"
    FIXED = "fixed"
    WITHDRAWN = "withdrawn"
    RELAUNCHED = "relaunched"


class ProductHealth(db.Model):
    """A product's health state; a product without a row is ``ok``. One row per subject, changed in place (the
    audit log keeps every transition with before and after)."""

    __tablename__ = "product_health"
    __table_args__ = (Index("ix_product_health_site_state", "site_id", "state"),)

    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"), primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16), default=HealthState.OK.value)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id", ondelete="SET NULL"))
    due_at: Mapped[datetime | None] = mapped_column(DateTime)
    notes: Mapped[str | None] = mapped_column(Text)
    # A relaunch names the new product (or new version); the old one keeps its reviews as history.
    relaunched_as_id: Mapped[int | None] = mapped_column(ForeignKey("subjects.id", ondelete="SET NULL"))
    # The plan's owner was reminded of its deadline (once per plan).
    reminded_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    subject: Mapped[Subject] = relationship(foreign_keys=[subject_id])
    owner: Mapped[Moderator | None] = relationship()
    relaunched_as: Mapped[Subject | None] = relationship(foreign_keys=[relaunched_as_id])
