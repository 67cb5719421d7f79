"""One rq job per chunk: enqueued by name with a deterministic id, their states read back, abandoned ones reclaimed.

Re-running the command enqueues only what is not done and not waiting or running already, so it resumes a run.
"""

from __future__ import annotations

from rq import Retry
from rq.job import Job
from rq.registry import StartedJobRegistry
from sqlalchemy import select

from ...broker import enqueue, get_queue, get_redis
from ...extensions import db
from ...models import RescoreChunk, RescoreRun
from .settings import setting

TERMINAL_JOB_STATES = ("failed", "stopped", "canceled")


def chunk_job_id(run_id: int, position: int) -> str:
    """Deterministic per (run, chunk): a re-run finds the jobs it enqueued before."""
    return f"rescore-{run_id}-{position}"


def pending_chunks(run_id: int) -> list[RescoreChunk]:
    return list(
        db.session.execute(
            select(RescoreChunk)
            .where(RescoreChunk.run_id == run_id, RescoreChunk.done.is_(False))
            .order_by(RescoreChunk.position)
        ).scalars()
    )


def chunk_job_states(run_id: int) -> dict[int, str | None]:
    """rq status of each chunk not done yet (None: no such job), by chunk position."""
    chunks = pending_chunks(run_id)
    jobs = Job.fetch_many([chunk_job_id(run_id, c.position) for c in chunks], connection=get_redis())
    return {
        c.position: (None if job is None else str(job.get_status(refresh=False).value))
        for c, job in zip(chunks, jobs, strict=True)
    }


def enqueue_pending_chunks(run: RescoreRun, retry_failed: bool = True) -> int:
    """Enqueue a job for each chunk not done whose job is not waiting or running. Returns how many.

    Chunks already done are skipped. A job that is queued, scheduled or started is left to rq: a started job whose
    worker died is noticed by rq's abandoned-job handling once its lease lapses, and retried. A failed job (retries
    used up) is enqueued again only when ``retry_failed`` (an operator re-running the command).
    """
    states = chunk_job_states(run.id)
    retryable = {None, "finished", *(TERMINAL_JOB_STATES if retry_failed else ())}
    enqueued = 0
    for chunk in pending_chunks(run.id):
        if states.get(chunk.position) not in retryable:
            continue
        enqueue(
            setting("RESCORE_QUEUE"),
            "moderation.jobs.rescore_chunk",
            run.id,
            chunk.id,
            job_id=chunk_job_id(run.id, chunk.position),
            timeout=int(setting("RESCORE_JOB_TIMEOUT")),
            # No delay: a worker that vanished is no reason to wait, and rq only delays retries for workers
            # that run its scheduler.
            retry=Retry(max=3),
        )
        enqueued += 1
    return enqueued


def reclaim_abandoned() -> None:
    """Run rq's abandoned-job handling on the rescore queue now, as a worker's maintenance would.

    A started chunk whose lease lapsed (its worker was killed) is retried or, retries used up, failed. The
    maintenance lock keeps this from racing a worker's own cleanup.
    """
    queue = get_queue(setting("RESCORE_QUEUE"))
    if queue.acquire_maintenance_lock():
        try:
            StartedJobRegistry(queue=queue).cleanup()
        finally:
            queue.release_maintenance_lock()
