"""Training runs: a model trained on one site's own labelled items, compared with its active model."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Moderator, Site, utcnow


class TrainingRunState(enum.StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


ACTIVE_TRAINING_STATES = (TrainingRunState.QUEUED.value, TrainingRunState.RUNNING.value)


class TrainingRun(db.Model):
    """One "train a model on this site's data" job: its plan, progress, and both models' held-out figures."""

    __tablename__ = "training_runs"
    __table_args__ = (Index("ix_training_runs_site_state", "site_id", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    state: Mapped[str] = mapped_column(String(16), default=TrainingRunState.QUEUED.value)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    # The last thing the job said (a stage, an epoch's figures, or why it failed).
    stage: Mapped[str | None] = mapped_column(String(300))
    error: Mapped[str | None] = mapped_column(Text)
    # The plan shown before it started: counts (labelled, train, held out, by label and source), the recipe and
    # the time estimate; the job adds what it really used (device, recipe, examples).
    plan: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # What the site's active model was when the run compared against it, and the trained candidate.
    active_version: Mapped[str | None] = mapped_column(String(200))
    candidate_version: Mapped[str | None] = mapped_column(String(200))
    candidate_dir: Mapped[str | None] = mapped_column(String(1000))
    # Held-out figures of both models (``services.training.compare.HeldOutFigures``) and the rule's verdict.
    active_metrics: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    candidate_metrics: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    better: Mapped[bool | None] = mapped_column(Boolean)
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    # "Rescore and activate": the rescore run it started, when and by whom.
    rescore_run_id: Mapped[int | None] = mapped_column(ForeignKey("rescore_runs.id", ondelete="SET NULL"))
    activation_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    activation_requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id", ondelete="SET NULL"))

    site: Mapped[Site] = relationship()
    started_by: Mapped[Moderator | None] = relationship(foreign_keys=[started_by_id])

    @property
    def active(self) -> bool:
        return self.state in ACTIVE_TRAINING_STATES
