"""A worker process outlives a Redis restart that lands while it finishes a job.

rq's work loop retries a lost connection only while it waits for a job; a Redis error while a job is being
finalized makes it quit. ``moderation worker`` must wait for Redis and go on with the classifier it holds.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
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
        try:
            returncode = worker.wait(60)
        except subprocess.TimeoutExpired:
            worker.kill()  # not left running (and retrying a Redis that is gone) after the run
            raise
        finally:
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


@pytest.fixture
def own_signal_handlers():
    """rq installs its SIGTERM/SIGINT handlers in this (pytest's) process: put pytest's back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_a_stop_request_that_a_library_wraps_during_the_sweep_still_stops_the_worker(
    app, monkeypatch, caplog, own_signal_handlers
):
    """In CI a SIGTERM landed while the sweep ran a query: SQLAlchemy wrapped rq's StopRequested in a
    StatementError, the sweep logged it as a failed sweep, and the worker went on running for good."""
    rq_worker = worker_module.build_worker(app, make_stub)

    def signalled_mid_query():
        try:
            rq_worker.request_stop(signal.SIGTERM, None)  # what rq's handler does when SIGTERM arrives
        except StopRequested as exc:
            raise RuntimeError("a library wrapped it") from exc

    monkeypatch.setattr(worker_module, "sweep_unscored", signalled_mid_query)
    caplog.set_level(logging.INFO, logger="rq.worker")
    # max_idle_time only bounds this test if the stop is lost: the worker would then quit as idle instead.
    rq_worker.work(burst=False, max_idle_time=5)
    assert "stopping on request" in caplog.text
    assert "idle for" not in caplog.text


def test_the_command_listener_lets_the_worker_stop_at_once(app, monkeypatch):
    """rq's teardown waits for its pubsub thread without bound; with rq's sleep_time of 60 s a worker whose
    thread had seen the unsubscribe took a minute to stop after SIGTERM (seen in CI)."""
    rq_worker = worker_module.build_worker(app, make_stub)
    rq_worker.subscribe()
    rq_worker.pubsub.unsubscribe()
    # The thread reads the reply; from then on it sleeps until it is subscribed again or its sleep_time ends.
    wait_until(lambda: not rq_worker.pubsub.subscribed, 10, "the listener to read the unsubscribe")
    teardown = threading.Thread(target=rq_worker.unsubscribe, daemon=True)
    teardown.start()
    teardown.join(timeout=10)  # docker stop's grace period
    assert not teardown.is_alive(), "unsubscribe still waiting for the pubsub thread"
