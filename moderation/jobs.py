"""rq job functions. They take ids (or nothing), run inside the worker's app context, and let errors raise."""

from __future__ import annotations

import logging
import time

from flask import current_app

from .broker import SCORE_PENDING_MARKER, get_redis

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


def report_failure(job, connection, exc_type, exc_value, traceback) -> None:
    """rq failure callback: the job stays in rq's FailedJobRegistry; the sweep re-enqueues its items."""
    log.error("job %s failed: %s: %s", job.id, exc_type.__name__, exc_value)
