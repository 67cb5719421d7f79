"""Every rq entry point. Each takes ids (or nothing), runs inside the worker's app context, makes one service call
and lets errors raise.

Jobs are enqueued by name (``"moderation.jobs.score_pending_items"``): services and the broker never import this
module, and only a worker process does.
"""

from __future__ import annotations

import ctypes
import functools
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from flask import current_app

from .broker import ExecutionLease
from .classifier import Classifier
from .extensions import db
from .services import feeds, health, insights, mail, rescoring, retention, scoring, training, webhooks
from .worker import CLASSIFIER_FACTORY_KEY, load_worker_classifier

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


@functools.cache
def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:  # not glibc (macOS, musl): nothing to trim
        return None


def release_freed_memory() -> None:
    """Give the heap's free pages back to the system (glibc ``malloc_trim``).

    The model's activations are freed after each batch, but glibc keeps the pages for reuse. After scoring 2,000
    reviews in claims of 256, bench/model_memory.py printed 1,184 MiB resident, 1,121 MiB after the trim (1,580 and
    1,225 MiB with the weights loaded by copy, as before). On a small machine the web processes need that memory
    while the worker waits for work.
    """
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


def returns_memory(job: Callable[P, R]) -> Callable[P, R]:
    """A job that runs the model gives back the memory it freed when it ends, however it ends."""

    @functools.wraps(job)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return job(*args, **kwargs)
        finally:
            release_freed_memory()

    return run


def loaded_classifier(required: bool = True) -> Classifier | None:
    """The classifier this worker process loaded at start-up, or now, for a worker started with ``--lazy-model``.

    Raises:
        RuntimeError: this process has none and can load none (unless ``required`` is False: then None).
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    classifier = app.extensions.get("moderation.classifier")
    if classifier is None and app.extensions.get(CLASSIFIER_FACTORY_KEY) is not None:
        classifier = load_worker_classifier(app, app.extensions[CLASSIFIER_FACTORY_KEY])
    if classifier is None and required:
        raise RuntimeError("this process has no classifier loaded; scoring jobs run in `moderation worker`")
    return classifier


@returns_memory
def score_pending_items() -> int:
    """Score every unscored item, batch by batch. Returns how many items this job scored."""
    classifier = loaded_classifier()
    scored = scoring.score_pending_items(classifier, current_app.config["SCORE_BATCH_SIZE"])
    log.info("scored %d item(s) with %s", scored, classifier.model_version)
    return scored


@returns_memory
def rescore_chunk(run_id: int, chunk_id: int) -> int:
    """Score one chunk of a rescore run (see ``services.rescoring.rescore_chunk``). Returns the items scored here."""
    return rescoring.rescore_chunk(run_id, chunk_id, lease=ExecutionLease)


@returns_memory
def compute_subject_insights(subject_id: int) -> int:
    """Recompute one product's complaint topics (see ``services.insights``). Returns how many topics it has."""
    insights.insights_started(subject_id)
    stored = insights.compute_subject_insights(
        subject_id, loaded_classifier(), insights.embedder_for(current_app._get_current_object())
    )
    db.session.commit()
    return len(stored.topics)


def deliver_webhook(delivery_id: int) -> str:
    """Send one webhook delivery once (see ``services.webhooks.deliver``). Returns the attempt's outcome."""
    return webhooks.deliver(delivery_id)


def poll_feed(feed_id: int) -> str:
    """Poll one followed feed once (see ``services.feeds.poll``). Returns the poll's outcome."""
    return feeds.poll(feed_id)


def check_product_health(site_id: int) -> dict[str, int]:
    """The monthly product-health check of one site (see ``services.health.check_site``). Returns what moved."""
    result = health.check_site(site_id)
    db.session.commit()
    log.info("health check of site %s: %s", site_id, result)
    return result


def send_mail(message_id: int) -> str:
    """Send one outbox message (see ``services.mail.deliver``); a server that is down raises, and rq retries."""
    return mail.deliver(message_id)


def purge_expired() -> dict[str, dict[str, int]]:
    """Apply every site's retention windows (see ``services.retention``). Returns the counts per site."""
    counts = retention.purge_expired()
    db.session.commit()
    log.info("retention purge: %s", counts)
    return counts


def train_site_model(run_id: int) -> str:
    """Train a model on one site's labelled items and compare it with the active one (``services.training``).

    Returns the run's final state.
    """
    return training.train_site_model(run_id, loaded_classifier(required=False), lease=ExecutionLease)


def report_failure(job, connection, exc_type, exc_value, traceback) -> None:
    """rq failure callback: the job stays in rq's FailedJobRegistry; the sweep re-enqueues its items."""
    log.error("job %s failed: %s: %s", job.id, exc_type.__name__, exc_value)
