"""Rescore runs as the token API shows them: progress while a run works, then its diff report."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from ..models import RescoreRunState
from .common import Query, Shape, Timestamp, whole_number


class RunsQuery(Query):
    limit: whole_number(1, 100) = 20


class DiffQuery(Query):
    subjects: whole_number(0, 1000, "how many subjects to list, most changed first") = 50


class Progress(Shape):
    state: RescoreRunState
    total_items: int
    total_chunks: int
    chunks_done: int
    items_done: int
    scores_written: int
    items_per_s: float | None
    eta_s: float | None
    activated: bool


class RescoreRun(Shape):
    id: int
    model_version: str
    site: str | None = Field(description="null: a run over every site (admins only)")
    since: Timestamp | None
    chunk_size: int
    baseline_versions: dict[str, str | None] = Field(description="per site: its active model when the run began")
    activate_requested: bool
    created_at: Timestamp
    finished_at: Timestamp | None
    activated_at: Timestamp | None
    progress: Progress


class RescoreRuns(Shape):
    runs: list[RescoreRun]


class RescoreDiff(Shape):
    """What changed under the new model, and what activating it now would do to the queue."""

    run: RescoreRun
    run_id: int
    model_version: str
    baseline_versions: dict[str, str | None]
    items: int
    without_baseline: int
    verdict_changed: int
    label_changed: int
    became_negative: int
    became_positive: int
    cases: dict[str, int] = Field(description="open, mark_stale, unmark_stale, add_reasons")
    reasons: dict[str, dict[str, int]] = Field(description="per reason: before, after, gained, lost")
    subjects_total: int
    subjects: list[dict[str, Any]] = Field(description="site, subject and its counts, most changed first")
    agreement: dict[str, dict[str, Any]] = Field(description="per model version, against answered/dismissed cases")
