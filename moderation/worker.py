"""The rq worker: the app created once, the classifier loaded once, jobs run without forking."""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask
from rq import SimpleWorker

from .broker import drop_heartbeat, get_queue, get_redis, send_heartbeat

log = logging.getLogger(__name__)


class ModerationWorker(SimpleWorker):
    """A ``SimpleWorker`` (no fork per job: torch is slow to fork and CUDA does not survive it).

    Each job runs inside the app context. Maintenance also sweeps unscored items and expired claims, and
    every heartbeat tells ``/readyz`` that a worker with a loaded classifier is alive.
    """

    def __init__(self, *args, app: Flask, **kwargs):
        super().__init__(*args, **kwargs)
        self.app = app

    @property
    def model_version(self) -> str | None:
        classifier = self.app.extensions.get("moderation.classifier")
        return getattr(classifier, "model_version", None)

    def perform_job(self, job, queue, execution) -> bool:
        with self.app.app_context():
            try:
                return super().perform_job(job, queue, execution)
            finally:
                from .extensions import db

                db.session.remove()

    def heartbeat(self, timeout=None, pipeline=None):
        super().heartbeat(timeout=timeout, pipeline=pipeline)
        try:
            send_heartbeat(self.connection, self.name, self.model_version)
        except Exception:  # a heartbeat must never kill the worker; rq reconnects on its own
            log.warning("could not send heartbeat", exc_info=True)

    def run_maintenance_tasks(self):
        super().run_maintenance_tasks()
        self.sweep()

    def sweep(self) -> None:
        from .extensions import db
        from .services.cases import release_expired_claims
        from .services.queueing import sweep_unscored

        with self.app.app_context():
            try:
                sweep_unscored()
                if release_expired_claims():
                    db.session.commit()
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


def build_worker(
    app: Flask,
    classifier_factory: Callable[[Flask], object],
    queues: list[str] | None = None,
    maintenance_interval: int = 30,
    worker_ttl: int = 35,
    name: str | None = None,
) -> ModerationWorker:
    """Load the classifier once and wire a worker on the app's Redis."""
    app.extensions["moderation.classifier"] = classifier_factory(app)
    queue_names = queues or [app.config["SCORE_QUEUE"]]
    return ModerationWorker(
        [get_queue(q, app) for q in queue_names],
        connection=get_redis(app),
        app=app,
        maintenance_interval=maintenance_interval,
        worker_ttl=worker_ttl,
        name=name,
    )


def default_classifier_factory(app: Flask):
    from .classifier import load_classifier

    return load_classifier(model_dir=app.config.get("MODEL_DIR"), device=app.config.get("DEVICE", "auto"))


def import_factory(spec: str) -> Callable[[Flask], object]:
    """Resolve ``module:callable`` (tests and custom deployments plug their own classifier here)."""
    import importlib

    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)
