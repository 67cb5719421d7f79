"""rq job functions for rescoring. They take ids, run inside the worker's app context, and let errors raise."""

from __future__ import annotations

import logging
import time

from rq import get_current_job

from .extensions import db
from .models import RescoreChunk, RescoreRun
from .services import rescoring

log = logging.getLogger(__name__)


class ExecutionLease:
    """Keeps this job's entry in rq's StartedJobRegistry alive for ``seconds`` past each renewal.

    A ``SimpleWorker`` runs the job in its own thread and sends no heartbeat while it does, so rq registers the
    execution until job timeout + 60 s: a worker killed mid-chunk would hold its chunk that long. Renewing a
    short lease between forward passes lets rq's registry cleanup (every maintenance interval, on any worker of
    the queue) see the chunk abandoned within ``seconds`` of the kill, and retry it.
    """

    def __init__(self, seconds: int):
        self.seconds = max(2, int(seconds))
        self.job = get_current_job()
        self.renewed_at = float("-inf")

    def renew(self, _scored: int = 0) -> None:
        now = time.monotonic()
        if self.job is None or now - self.renewed_at < self.seconds / 4:
            return
        registry = self.job.started_job_registry
        conn = self.job.connection
        # Entries are "job_id:execution_id"; a killed earlier execution of this job may linger with a lower score,
        # so this execution is the latest one. Only the registry score moves: rq's execution hashes keep their TTL.
        mine = [
            (score, key)
            for key, score in conn.zrange(registry.key, 0, -1, withscores=True)
            if key.decode().startswith(self.job.id + ":")
        ]
        if mine:
            conn.zadd(registry.key, {max(mine)[1]: time.time() + self.seconds}, xx=True)
        self.renewed_at = now


def rescore_chunk(run_id: int, chunk_id: int) -> int:
    """Score one chunk with the run's model and write it with its done mark. Returns the items scored here.

    A chunk already done (an earlier execution committed it) is skipped. The last chunk finishes the run and,
    when activation was asked for, activates it.
    """
    run = db.session.get(RescoreRun, run_id)
    chunk = db.session.get(RescoreChunk, chunk_id)
    if run is None or chunk is None or chunk.run_id != run_id:
        log.warning("rescore run %s chunk %s no longer exists; nothing to do", run_id, chunk_id)
        return 0
    scored = 0
    if not chunk.done:
        lease = ExecutionLease(rescoring.setting("RESCORE_LEASE_S"))
        lease.renew()
        classifier = rescoring.classifier_for_run(run)
        item_ids, texts = rescoring.read_chunk(run, chunk)
        # End the read transaction: the model pass may take minutes and must not hold a snapshot open.
        db.session.rollback()
        started = time.monotonic()
        predictions = rescoring.score_texts(
            classifier, texts, rescoring.default_batch_size(classifier), on_batch=lease.renew
        )
        if rescoring.apply_chunk(chunk_id, item_ids, predictions):
            scored = len(item_ids)
            log.info(
                "run %d chunk %d: %d item(s) in %.1fs with %s",
                run_id,
                chunk_id,
                scored,
                time.monotonic() - started,
                classifier.model_version,
            )
    if rescoring.finish_run_if_complete(run_id):
        run = db.session.get(RescoreRun, run_id)
        if run is not None and run.activate_requested and run.activated_at is None:
            rescoring.activate_run(run_id)
    return scored
