"""Rescore runs: which items a run covers, its chunks planned by keyset paging, its end, and its progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update

from ...extensions import db
from ...models import Item, ItemStatus, ModelVersion, RescoreChunk, RescoreRun, RescoreRunState, Site, utcnow
from ..errors import ServiceError


def scope_filters(site_id: int | None, since: datetime | None) -> list:
    """Which items a run covers. Removed items are not shown anywhere, so they are not rescored."""
    filters = [Item.status != ItemStatus.REMOVED.value]
    if site_id is not None:
        filters.append(Item.site_id == site_id)
    if since is not None:
        filters.append(Item.created_at >= since)
    return filters


def plan_chunks(site_id: int | None, since: datetime | None, chunk_size: int) -> list[tuple[int, int, int]]:
    """Cut the matching items into ``(first_id, last_id, count)`` ranges by keyset paging over ``items.id``."""
    if chunk_size < 1:
        raise ServiceError("invalid", "chunk size must be at least 1", "chunk_size", 422)
    filters = scope_filters(site_id, since)
    chunks = []
    last = 0
    while True:
        ids = list(
            db.session.execute(
                select(Item.id).where(Item.id > last, *filters).order_by(Item.id).limit(chunk_size)
            ).scalars()
        )
        if not ids:
            return chunks
        chunks.append((ids[0], ids[-1], len(ids)))
        last = ids[-1]


def baseline_versions(site_id: int | None) -> dict[str, str | None]:
    query = select(Site.id, Site.active_model_version)
    if site_id is not None:
        query = query.where(Site.id == site_id)
    return {str(sid): version for sid, version in db.session.execute(query)}


def find_run(model_version: str, site_id: int | None, since: datetime | None) -> RescoreRun | None:
    """The latest run of ``model_version`` over exactly this scope: re-running the command resumes it."""
    query = select(RescoreRun).where(RescoreRun.model_version == model_version)
    query = query.where(RescoreRun.site_id.is_(None) if site_id is None else RescoreRun.site_id == site_id)
    query = query.where(RescoreRun.since.is_(None) if since is None else RescoreRun.since == since)
    return db.session.execute(query.order_by(RescoreRun.id.desc()).limit(1)).scalar_one_or_none()


def create_run(
    model: ModelVersion,
    site_id: int | None,
    since: datetime | None,
    chunk_size: int,
    activate: bool = False,
) -> RescoreRun:
    """Plan the chunks and store the run; the caller commits."""
    chunks = plan_chunks(site_id, since, chunk_size)
    run = RescoreRun(
        model_version_id=model.id,
        model_version=model.version,
        model_dir=model.model_dir or "",
        site_id=site_id,
        since=since,
        chunk_size=chunk_size,
        state=RescoreRunState.RUNNING.value,
        baseline_versions=baseline_versions(site_id),
        activate_requested=activate,
        total_items=sum(n for _, _, n in chunks),
        total_chunks=len(chunks),
    )
    db.session.add(run)
    db.session.flush()
    if chunks:
        db.session.execute(
            insert(RescoreChunk),
            [
                {"run_id": run.id, "position": k, "first_item_id": a, "last_item_id": b, "item_count": n, "done": False}
                for k, (a, b, n) in enumerate(chunks)
            ],
        )
    else:
        run.state = RescoreRunState.FINISHED.value
        run.finished_at = utcnow()
    return run


def finish_run_if_complete(run_id: int) -> bool:
    """Mark the run finished once no chunk is left; True when it is finished (now or before)."""
    left = db.session.execute(
        select(func.count()).where(RescoreChunk.run_id == run_id, RescoreChunk.done.is_(False))
    ).scalar_one()
    if left:
        db.session.rollback()
        return False
    db.session.execute(
        update(RescoreRun)
        .where(RescoreRun.id == run_id, RescoreRun.state == RescoreRunState.RUNNING.value)
        .values(state=RescoreRunState.FINISHED.value, finished_at=utcnow())
    )
    db.session.commit()
    return True


@dataclass
class Progress:
    run_id: int
    state: str
    total_items: int
    total_chunks: int
    chunks_done: int
    items_done: int
    scores_written: int
    items_per_s: float | None
    eta_s: float | None
    activated: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "total_items": self.total_items,
            "total_chunks": self.total_chunks,
            "chunks_done": self.chunks_done,
            "items_done": self.items_done,
            "scores_written": self.scores_written,
            "items_per_s": None if self.items_per_s is None else round(self.items_per_s, 1),
            "eta_s": None if self.eta_s is None else round(self.eta_s),
            "activated": self.activated,
        }


def run_progress(run: RescoreRun) -> Progress:
    """Done/total from the chunks; the rate over the chunks done so far (first to last completion)."""
    chunks_done, items_done, written, first_done, last_done, first_size = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(RescoreChunk.item_count), 0),
            func.coalesce(func.sum(RescoreChunk.scores_written), 0),
            func.min(RescoreChunk.done_at),
            func.max(RescoreChunk.done_at),
            func.min(RescoreChunk.item_count),
        ).where(RescoreChunk.run_id == run.id, RescoreChunk.done.is_(True))
    ).one()
    rate = None
    if chunks_done and last_done is not None:
        # Time starts at the run's creation on a first pass; for a run resumed long after, from the first
        # completion (one chunk's items are then left out of the count so the rate is not inflated).
        start = run.created_at if (first_done - run.created_at).total_seconds() < 3600 else first_done
        counted = items_done if start == run.created_at else items_done - (first_size or 0)
        elapsed = (last_done - start).total_seconds()
        rate = counted / elapsed if elapsed > 0 and counted > 0 else None
    remaining = run.total_items - items_done
    return Progress(
        run_id=run.id,
        state=run.state,
        total_items=run.total_items,
        total_chunks=run.total_chunks,
        chunks_done=chunks_done,
        items_done=int(items_done),
        scores_written=int(written),
        items_per_s=rate,
        eta_s=(remaining / rate) if rate and remaining > 0 else (0.0 if remaining <= 0 else None),
        activated=run.activated_at is not None,
    )
