"""Every rq entry point. Each takes ids (or nothing), runs inside the worker's app context, makes one service call
and lets errors raise.

Jobs are enqueued by name (``"moderation.jobs.score_pending_items"``): services and the broker never import this
module, and only a worker process does.
"""

from __future__ import annotations

import logging
import time

from flask import current_app

from .broker import SCORE_PENDING_MARKER, ExecutionLease, get_redis
from .services import rescoring

log = logging.getLogger(__name__)

# A job stops claiming new batches after this long and hands the rest to a follow-up job, so one job never
# runs into its timeout and a worker's other queues are not starved.
JOB_TIME_BUDGET_S = 120


def loaded_classifier():
    classifier = current_app.extensions.get("moderation.classifier")
    if classifier is None:
        raise RuntimeError("this process has no classifier loaded; scoring jobs run in `moderation worker`")
    return classifier


def score_pending_items() -> int:
    """Score every unscored item, batch by batch. Returns how many items this job scored."""
    from .services.queueing import request_scoring
    from .services.scoring import score_batch

    # Deleted before claiming: an item committed from now on makes its submitter enqueue a new job.
    get_redis().delete(SCORE_PENDING_MARKER)
    classifier = loaded_classifier()
    batch_size = current_app.config["SCORE_BATCH_SIZE"]
    started = time.monotonic()
    scored = 0
    while True:
        ids = score_batch(classifier, batch_size)
        scored += len(ids)
        if len(ids) < batch_size:
            break
        if time.monotonic() - started > JOB_TIME_BUDGET_S:
            request_scoring(ids[-1])  # a follow-up job, named after where this one stopped
            break
    log.info("scored %d item(s) with %s", scored, classifier.model_version)
    return scored


def rescore_chunk(run_id: int, chunk_id: int) -> int:
    """Score one chunk of a rescore run (see ``services.rescoring.rescore_chunk``). Returns the items scored here."""
    return rescoring.rescore_chunk(run_id, chunk_id, lease=ExecutionLease)


def report_failure(job, connection, exc_type, exc_value, traceback) -> None:
    """rq failure callback: the job stays in rq's FailedJobRegistry; the sweep re-enqueues its items."""
    log.error("job %s failed: %s: %s", job.id, exc_type.__name__, exc_value)
