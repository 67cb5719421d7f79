"""A worker process outlives a Redis restart that lands while it finishes a job.

rq's work loop retries a lost connection only while it waits for a job; a Redis error while a job is being
finalized makes it quit. ``moderation worker`` must wait for Redis and go on with the classifier it holds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from rq.exceptions import StopRequested
from sqlalchemy import select

from moderation import worker as worker_module
from moderation.embedded import start_redis, stop
from moderation.extensions import db
from moderation.models import Item
from moderation.services.accounts import create_site, create_token
from tests.conftest import auth, free_port, review, submit
from tests.stubs import make_stub

ROOT = Path(__file__).resolve().parents[2]


def wait_until(predicate, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def scored(app, item_id: int) -> bool:
    with app.app_context():
        done = db.session.execute(select(Item.scored_at).where(Item.id == item_id)).scalar_one() is not None
        db.session.rollback()
    return done


def test_worker_survives_redis_restart_during_a_job(make_app, tmp_path):
    port = free_port()
    redis_proc = start_redis(port=port, directory=str(tmp_path / "redis"))
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{port}/0")
    with app.app_context():
        token = create_token("t", site=create_site("shop"))[1]
        db.session.commit()
    client = app.test_client()
    env = {
        **{k: v for k, v in os.environ.items() if k != "PROMETHEUS_MULTIPROC_DIR"},
        "PYTHONPATH": str(ROOT),
        "MODERATION_DATABASE_URL": app.config["DATABASE_URL"],
        "MODERATION_REDIS_URL": app.config["REDIS_URL"],
        "MODERATION_DATA_DIR": str(tmp_path / "data"),
        "MODERATION_SWEEP_AFTER_S": "1",
        "MODERATION_TEST_STUB_LOG_DIR": str(tmp_path),
        "MODERATION_TEST_STUB_DELAY_S": "3",  # a long forward pass: Redis goes away in the middle of it
    }
    log_path = tmp_path / "worker.log"
    command = [sys.executable, "-m", "moderation", "worker", "--classifier", "tests.stubs:make_stub"]
    command += ["--maintenance-interval", "1", "--name", "resilient"]
    with open(log_path, "wb") as log:
        worker = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=log)
    try:
        first = submit(client, review(1, "Nul"), headers=auth(token)).get_json()["id"]
        predicted = lambda: sum(len(p.read_text().splitlines()) for p in tmp_path.glob("scored-*.txt"))  # noqa: E731
        wait_until(lambda: predicted() >= 1, 60, "the worker to start scoring")

        stop(redis_proc)  # down until after the job has committed and rq tries to record its result
        time.sleep(4.0)
        redis_proc = start_redis(port=port, directory=str(tmp_path / "redis"))

        wait_until(lambda: b"starting again once Redis answers" in log_path.read_bytes(), 30, "the worker to restart")
        assert worker.poll() is None, log_path.read_text()
        assert scored(app, first), "the job committed its batch before Redis went away"

        second = submit(client, review(5, "Super"), headers=auth(token)).get_json()["id"]
        wait_until(lambda: scored(app, second), 60, "an item submitted after the restart to be scored")
        assert worker.poll() is None
    finally:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
        returncode = worker.wait(60)
        stop(redis_proc)
    assert returncode == 0, log_path.read_text()


def test_heartbeat_swallows_redis_errors_but_not_a_stop_request(app, monkeypatch):
    """rq's SIGTERM handler raises StopRequested wherever the worker is; a heartbeat that swallowed it left the
    worker running after `docker stop` (seen in this suite before the fix)."""
    rq_worker = worker_module.build_worker(app, make_stub)

    def redis_down(*args):
        raise redis.ConnectionError("down")

    monkeypatch.setattr(worker_module, "send_heartbeat", redis_down)
    rq_worker.heartbeat()  # logged, not raised

    def stop_requested(*args):
        raise StopRequested()

    monkeypatch.setattr(worker_module, "send_heartbeat", stop_requested)
    with pytest.raises(StopRequested):
        rq_worker.heartbeat()
