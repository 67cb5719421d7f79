"""Prometheus metrics: event counters bumped where the events happen, and gauges read at scrape time.

Counters and histograms live in the process that sees the event: submissions in the web processes, scoring
and model-opened cases in the workers. The web's ``/metrics`` adds what no single process knows, read when
Prometheus scrapes: rq queue depth and oldest job age, live workers and their model, unscored items.

Under gunicorn every worker process writes its samples to ``PROMETHEUS_MULTIPROC_DIR`` (set by
``moderation/gunicorn_conf.py`` before prometheus-client is imported) and ``/metrics`` merges them with
``MultiProcessCollector``; without that variable the process's own registry is served.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time
from collections.abc import Callable, Iterator

from flask import Flask, Response, abort, current_app, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    start_http_server,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from rq import Queue
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import event, select
from sqlalchemy.orm import Session, scoped_session

from .broker import get_redis, live_workers
from .extensions import db
from .models import Site
from .services.scheduling import count_unscored, oldest_unscored_age_s

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
DELAY_BUCKETS = (0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 1800, 3600, 4 * 3600, 24 * 3600)
BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
HOUR = 3600.0
ANSWER_BUCKETS = (300, 900, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 48 * HOUR, 72 * HOUR, 7 * 24 * HOUR)

submissions = Counter(
    "moderation_submissions", "Items accepted by the submit API (committed)", ["site", "kind", "status"]
)
items_scored = Counter("moderation_items_scored", "Items scored and committed by this worker", ["model_version"])
scoring_batch_seconds = Histogram(
    "moderation_scoring_batch_seconds",
    "One scoring batch: claim, forward pass, policy, commit",
    buckets=LATENCY_BUCKETS,
)
scoring_batch_size = Histogram("moderation_scoring_batch_size", "Items per scoring batch", buckets=BATCH_BUCKETS)
scoring_delay_seconds = Histogram(
    "moderation_scoring_delay_seconds", "From an item's acceptance to its committed score", buckets=DELAY_BUCKETS
)
cases_opened = Counter("moderation_cases_opened", "Cases opened (committed)", ["site", "trigger"])
cases_answered = Counter("moderation_cases_answered", "Cases given their first public reply", ["site"])
time_to_first_answer = Histogram(
    "moderation_time_to_first_answer_seconds",
    "From a case's opening to its first public reply",
    ["site"],
    buckets=ANSWER_BUCKETS,
)
model_info = Gauge(
    "moderation_model_info",
    "The classifier loaded by this worker process (value 1)",
    ["model_version"],
    multiprocess_mode="livemax",
)

_PENDING_KEY = "moderation.metrics.on_commit"


def after_commit(session, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the session's transaction commits; drop it on rollback.

    A counter bumped before a rolled-back commit would count an event that never happened (and the retry
    would count it again); the metrics must match what SQL can count.
    """
    if isinstance(session, scoped_session):
        session = session()
    if not session.in_transaction():  # tie it to a transaction, so that a rollback drops it
        session.begin()
    session.info.setdefault(_PENDING_KEY, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run_pending(session: Session) -> None:
    for callback in session.info.pop(_PENDING_KEY, []):
        callback()


@event.listens_for(Session, "after_transaction_end")
def _drop_pending(session: Session, transaction) -> None:
    # Fires after ``after_commit`` on a commit (the list is empty by then) and alone on a rollback or close.
    if transaction.parent is None:
        session.info.pop(_PENDING_KEY, None)


def count_case_opened(session, site_slug: str, trigger: str) -> None:
    after_commit(session, lambda: cases_opened.labels(site=site_slug, trigger=trigger).inc())


def count_first_answer(session, site_slug: str, opened_at, answered_at) -> None:
    waited = max(0.0, (answered_at - opened_at).total_seconds())

    def record() -> None:
        cases_answered.labels(site=site_slug).inc()
        time_to_first_answer.labels(site=site_slug).observe(waited)

    after_commit(session, record)


def record_batch(accepted_at: list, model_version: str, started: float, scored_at) -> None:
    """A committed scoring batch: size, duration, items scored, and each item's wait for its score.

    Takes the items' creation times read before the commit: after it, reading them would reload every row.
    """
    scoring_batch_seconds.observe(time.monotonic() - started)
    scoring_batch_size.observe(len(accepted_at))
    items_scored.labels(model_version=model_version).inc(len(accepted_at))
    for created_at in accepted_at:
        scoring_delay_seconds.observe(max(0.0, (scored_at - created_at).total_seconds()))


# -- scrape time --------------------------------------------------------------------------------------


class _Forward:
    """Serves another registry's metrics from inside a fresh one."""

    def __init__(self, registry: CollectorRegistry):
        self.registry = registry

    def collect(self) -> Iterator[Metric]:
        yield from self.registry.collect()


class ScrapeTimeCollector:
    """Gauges read from rq, the heartbeats and the database when Prometheus scrapes the web process."""

    def __init__(self, app: Flask):
        self.app = app

    def collect(self) -> Iterator[Metric]:
        redis_up = GaugeMetricFamily("moderation_redis_up", "Redis answered this scrape (1) or not (0)")
        database_up = GaugeMetricFamily("moderation_database_up", "The database answered this scrape (1) or not (0)")
        families: list[Metric] = []
        try:
            families += self.queue_families()
            redis_up.add_metric([], 1)
        except Exception:  # an outage is what this scrape must report, not fail on
            self.app.logger.warning("metrics: Redis unreachable", exc_info=True)
            redis_up.add_metric([], 0)
        try:
            families += self.database_families()
            database_up.add_metric([], 1)
        except Exception:
            self.app.logger.warning("metrics: database unreachable", exc_info=True)
            database_up.add_metric([], 0)
        yield redis_up
        yield database_up
        yield from families

    def queue_families(self) -> list[Metric]:
        conn = get_redis(self.app)
        depth = GaugeMetricFamily("moderation_queue_depth", "Jobs waiting in an rq queue", labels=["queue"])
        oldest = GaugeMetricFamily(
            "moderation_queue_oldest_job_age_seconds",
            "Age of the oldest job waiting in an rq queue (0 when empty)",
            labels=["queue"],
        )
        registries = GaugeMetricFamily(
            "moderation_queue_jobs", "Jobs in an rq queue's registries", labels=["queue", "registry"]
        )
        names = {q.name for q in Queue.all(connection=conn)} | {self.app.config["SCORE_QUEUE"]}
        now = time.time()
        for name in sorted(names):
            queue = Queue(name, connection=conn)
            depth.add_metric([name], queue.count)
            age = 0.0
            first = queue.get_job_ids(0, 1)
            if first:
                try:
                    enqueued_at = Job.fetch(first[0], connection=conn).enqueued_at
                except NoSuchJobError:  # deleted between the two reads
                    enqueued_at = None
                if enqueued_at is not None:
                    age = max(0.0, now - enqueued_at.timestamp())
            oldest.add_metric([name], age)
            registries.add_metric([name, "started"], queue.started_job_registry.count)
            registries.add_metric([name, "failed"], queue.failed_job_registry.count)
            registries.add_metric([name, "scheduled"], queue.scheduled_job_registry.count)

        workers = GaugeMetricFamily(
            "moderation_workers_live",
            "Workers with a loaded classifier that sent a heartbeat recently",
            labels=["model_version"],
        )
        by_version: dict[str, int] = {}
        for beat in live_workers(conn, self.app.config["HEARTBEAT_MAX_AGE_S"]):
            by_version[beat["model_version"]] = by_version.get(beat["model_version"], 0) + 1
        for version, n in sorted(by_version.items()):
            workers.add_metric([version], n)
        return [depth, oldest, registries, workers]

    def database_families(self) -> list[Metric]:
        with self.app.app_context():
            try:
                unscored = count_unscored()
                oldest_age = oldest_unscored_age_s() or 0.0
                sites = db.session.execute(select(Site.slug, Site.active_model_version)).all()
            finally:
                db.session.rollback()
        waiting = GaugeMetricFamily("moderation_items_unscored", "Accepted items not scored yet")
        waiting.add_metric([], unscored)
        age = GaugeMetricFamily(
            "moderation_items_unscored_oldest_age_seconds", "Age of the oldest unscored item (0 when none)"
        )
        age.add_metric([], oldest_age)
        active = GaugeMetricFamily(
            "moderation_site_model_info",
            "The model version a site's policy uses (value 1)",
            labels=["site", "model_version"],
        )
        for slug, version in sites:
            if version:
                active.add_metric([slug, version], 1)
        return [waiting, age, active]


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR") or None


def process_registry() -> CollectorRegistry:
    """This process's metrics, or every gunicorn worker's when they share a multiprocess directory."""
    registry = CollectorRegistry(auto_describe=False)
    if multiprocess_dir():
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(_Forward(REGISTRY))
    return registry


def from_private_network(address: str | None) -> bool:
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return ip.is_loopback or ip.is_private


def metrics_view() -> Response:
    """Prometheus exposition: event counters of every web process plus the scrape-time gauges.

    With ``METRICS_TOKEN`` set, only a scrape carrying it as a bearer token. In production without one, nobody: a
    private address says nothing about who asks once the app sits behind a proxy on the operator's network (every
    request then comes from it). In development without one, only a scrape from a loopback or private address.
    """
    token = current_app.config.get("METRICS_TOKEN")
    if token:
        given = request.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
            response = Response("a bearer token is required\n", 401, mimetype="text/plain")
            response.headers["WWW-Authenticate"] = 'Bearer realm="metrics"'
            return response
    elif current_app.config.get("ENV") == "production" or not from_private_network(request.remote_addr):
        # Per-site volumes and queue depths are for the operator's scraper, not the internet.
        abort(404)
    registry = process_registry()
    registry.register(ScrapeTimeCollector(current_app._get_current_object()))  # type: ignore[attr-defined]
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def register_metrics(app: Flask) -> None:
    app.add_url_rule("/metrics", "metrics", metrics_view)


def serve_worker_metrics(port: int, addr: str = "127.0.0.1") -> None:
    """The worker's own ``/metrics`` on ``port`` (a thread; the rq loop keeps the main thread).

    Unauthenticated (prometheus-client's server has no token), so on the loopback interface unless the
    operator names another address (``moderation worker --metrics-host``), e.g. a container's own network.
    """
    start_http_server(port, addr=addr, registry=process_registry())
