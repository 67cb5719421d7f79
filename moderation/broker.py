"""Redis and rq: connections, the one enqueue helper, worker heartbeats, and a running job's execution lease."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import redis
from flask import Flask, current_app
from rq import Callback, Queue, Retry, get_current_job
from rq.job import Job

from .request_context import current_request_id

HEARTBEAT_KEY = "moderation:workers"
SCORE_PENDING_MARKER = "moderation:score:queued"
# By name, like every job: the broker never imports the job module (which imports the services that import this).
FAILURE_CALLBACK = "moderation.jobs.report_failure"


def embedded_redis_url(data_dir: str) -> str:
    """Where the embedded Redis started by ``moderation serve`` listens."""
    return "unix://" + os.path.join(data_dir, "redis.sock")


def redis_from_url(url: str, timeout: float = 2.0) -> redis.Redis:
    return redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout * 5)


def get_redis(app: Flask | None = None) -> redis.Redis:
    """The app's Redis connection (one pool per app), built once whichever thread asks first.

    Built under a lock: two threads that both found none each built one, and the one replaced, no longer referenced,
    closed its pool when collected, under a pipeline another thread was connecting through (a 500 after a committed
    submission in tests/ops/test_scale_out.py: redis-py's "'NoneType' object has no attribute 'readline'").
    """
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    conn = app.extensions.get("moderation.redis")
    if conn is None:
        with _BUILDING:
            conn = app.extensions.get("moderation.redis")
            if conn is None:
                conn = redis_from_url(app.config["REDIS_URL"])
                app.extensions["moderation.redis"] = conn
    return conn


_BUILDING = threading.Lock()


def get_queue(name: str, app: Flask | None = None) -> Queue:
    return Queue(name, connection=get_redis(app))


def enqueue(
    queue_name: str,
    func: str | Callable[..., Any],
    *args: Any,
    job_id: str,
    timeout: int = 600,
    retry: Retry | None = None,
    **kwargs: Any,
) -> Job:
    """Every enqueue goes through here: timeout, retries with backoff, failure callback, stable id, and the
    request id of the HTTP request (if any) that caused it, for the worker's logs.

    Args:
        queue_name: the rq queue.
        func: the job by dotted name (``"moderation.jobs.score_pending_items"``), as rq allows.
        job_id: deterministic, so that a re-run finds the job it enqueued before.
    """
    meta = {"request_id": current_request_id(), **kwargs.pop("meta", {})}
    return get_queue(queue_name).enqueue(
        func,
        *args,
        job_id=job_id,
        job_timeout=timeout,
        retry=retry or Retry(max=3, interval=[5, 30, 120]),
        on_failure=Callback(FAILURE_CALLBACK),
        result_ttl=300,
        failure_ttl=7 * 24 * 3600,
        meta=meta,
        **kwargs,
    )


def send_heartbeat(conn: redis.Redis, worker_name: str, model_version: str | None) -> None:
    payload = json.dumps({"name": worker_name, "model_version": model_version, "at": time.time()})
    with conn.pipeline() as pipe:
        pipe.hset(HEARTBEAT_KEY, worker_name, payload)
        pipe.expire(HEARTBEAT_KEY, 24 * 3600)
        pipe.execute()


def drop_heartbeat(conn: redis.Redis, worker_name: str) -> None:
    conn.hdel(HEARTBEAT_KEY, worker_name)


def live_workers(conn: redis.Redis, max_age_s: float) -> list[dict[str, Any]]:
    """Workers with a loaded classifier that reported within ``max_age_s`` seconds."""
    now = time.time()
    workers = []
    for raw in conn.hvals(HEARTBEAT_KEY):
        beat = json.loads(raw)
        if now - beat["at"] <= max_age_s and beat.get("model_version"):
            workers.append(beat)
    return workers


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
