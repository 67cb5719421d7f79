"""Request ids: echoed, carried into the enqueued job, stamped on the worker's JSON log lines."""

from __future__ import annotations

import io
import json
import logging

from rq import Queue

from moderation.observability import JsonFormatter, configure_logging, log_handler
from tests.conftest import auth, review, run_worker, submit


def test_request_id_is_echoed_or_generated(client, world):
    given = submit(client, review(), headers={**auth(world.site_token), "X-Request-ID": "req-abc.123"})
    assert given.status_code == 202
    assert given.headers["X-Request-ID"] == "req-abc.123"

    generated = client.get("/healthz")
    assert len(generated.headers["X-Request-ID"]) == 32
    assert generated.headers["X-Request-ID"] != client.get("/healthz").headers["X-Request-ID"]

    # Not echoed back as given: header injection and log pollution stop here.
    for bad in ("has spaces", "x" * 129, 'quote"d', "<script>"):
        response = client.get("/healthz", headers={"X-Request-ID": bad})
        assert response.headers["X-Request-ID"] != bad
        assert len(response.headers["X-Request-ID"]) == 32


def test_request_id_travels_into_the_job_and_the_workers_log_lines(app, client, world):
    response = submit(client, review(1, "Nul, cassé"), headers={**auth(world.site_token), "X-Request-ID": "trace-42"})
    assert response.status_code == 202
    from moderation.broker import get_redis

    with app.app_context():
        queue = Queue(app.config["SCORE_QUEUE"], connection=get_redis())
        jobs = queue.get_jobs()
    assert [job.meta.get("request_id") for job in jobs] == ["trace-42"]

    stream = io.StringIO()
    handler = log_handler("json", stream)
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        run_worker(app)
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    scored = [line for line in lines if line["logger"] == "moderation.jobs" and "scored" in line["message"]]
    assert scored, lines
    assert scored[0]["request_id"] == "trace-42"
    assert scored[0]["job_id"] == jobs[0].id
    # Outside the job, the worker's own lines carry no request id.
    assert any(line.get("request_id") is None for line in lines if line["logger"] == "rq.worker"), lines


def test_json_formatter_writes_one_object_per_line_with_extras_and_exception():
    stream = io.StringIO()
    logger = logging.getLogger("moderation.test.json")
    handler = log_handler("json", stream)
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("queue %s is %d deep", "scoring", 12, extra={"queue": "scoring", "depth": 12})
        try:
            raise ValueError("boom\nsecond line")
        except ValueError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    first, second = (json.loads(line) for line in stream.getvalue().splitlines())
    assert first["message"] == "queue scoring is 12 deep"
    assert first["level"] == "warning" and first["logger"] == "moderation.test.json"
    assert first["queue"] == "scoring" and first["depth"] == 12
    assert first["time"].endswith("Z")
    assert "ValueError: boom" in second["exception"]


def test_configure_logging_replaces_its_own_handler_only():
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    try:
        configure_logging("warning", "json", io.StringIO())
        configure_logging("info", "text", io.StringIO())
        ours = [h for h in root.handlers if getattr(h, "_moderation", False)]
        assert len(ours) == 1
        assert not isinstance(ours[0].formatter, JsonFormatter)
        assert root.level == logging.INFO
        # Everyone else's handlers stay; ours from an earlier caller in this process (another test) is replaced.
        assert all(h in root.handlers for h in before if not getattr(h, "_moderation", False))
    finally:
        for handler in list(root.handlers):
            if handler not in before:
                root.removeHandler(handler)
        root.setLevel(level)
