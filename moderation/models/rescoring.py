"""Rescoring: model versions seen by this installation, runs and their chunks."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .core import Site, utcnow


class ModelVersion(db.Model):
    """A model version seen by this installation: the name the classifier reports and where its files were."""

    __tablename__ = "model_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(200), unique=True)
    model_dir: Mapped[str | None] = mapped_column(String(1000))
    registered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RescoreRunState(enum.StrEnum):
    RUNNING = "running"
    FINISHED = "finished"


class RescoreRun(db.Model):
    """Scoring every matching item again under one model version, split into chunks of consecutive ids."""

    __tablename__ = "rescore_runs"
    __table_args__ = (Index("ix_rescore_runs_scope", "model_version", "site_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    model_version_id: Mapped[int] = mapped_column(ForeignKey("model_versions.id"))
    # Denormalised from model_versions: the diff joins scores on it.
    model_version: Mapped[str] = mapped_column(String(200))
    model_dir: Mapped[str] = mapped_column(String(1000))
    # The scope: one site or all (None), items created since a date or all (None).
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    since: Mapped[datetime | None] = mapped_column(DateTime)
    chunk_size: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), default=RescoreRunState.RUNNING.value)
    # Each site's active model version when the run was created: what the diff compares against.
    baseline_versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    activate_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    total_items: Mapped[int] = mapped_column(Integer, default=0)
    total_chunks: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    activated_at: Mapped[datetime | None] = mapped_column(DateTime)

    site: Mapped[Site | None] = relationship()


class RescoreChunk(db.Model):
    """Items ``first_item_id..last_item_id`` of a run; ``done`` is set in the transaction that writes their scores."""

    __tablename__ = "rescore_chunks"
    __table_args__ = (
        UniqueConstraint("run_id", "position", name="uq_rescore_chunks_run_position"),
        Index("ix_rescore_chunks_run_done", "run_id", "done"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("rescore_runs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    first_item_id: Mapped[int] = mapped_column(Integer)
    last_item_id: Mapped[int] = mapped_column(Integer)
    item_count: Mapped[int] = mapped_column(Integer)
    done: Mapped[bool] = mapped_column(Boolean, default=False)
    # Items the job found in the range when it ran (some may have been removed since the plan) and score rows
    # it inserted (fewer when an item already had a score from this model version).
    items_scored: Mapped[int | None] = mapped_column(Integer)
    scores_written: Mapped[int | None] = mapped_column(Integer)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
