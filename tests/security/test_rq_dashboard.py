"""The rq dashboard is read-only: no requeue, delete or empty through a request a cross-site page can send."""

from __future__ import annotations

import pytest
from redis import Redis
from rq import Queue
from rq.registry import FailedJobRegistry

from tests.console.conftest import login

STATE_CHANGING = (
    ("GET", "/admin/rq/requeue/scoring"),  # a plain link: SameSite=Lax carries the admin's cookie on it
    ("POST", "/admin/rq/requeue/scoring"),
    ("POST", "/admin/rq/job/some-job/requeue"),
    ("POST", "/admin/rq/job/some-job/delete"),
    ("POST", "/admin/rq/queue/scoring/queued/empty"),
    ("POST", "/admin/rq/queue/scoring/compact"),
)


@pytest.fixture
def admin(app, world):
    client = app.test_client()
    assert login(client, "root@shop.test", "password-root").status_code == 302
    return client


@pytest.mark.parametrize(("method", "path"), STATE_CHANGING)
def test_state_changing_routes_are_refused_even_to_an_admin(admin, method, path):
    response = admin.open(path, method=method, headers={"Origin": "http://evil.test"})
    assert response.status_code == 403
    assert b"rq requeue" in response.data  # points to the command line


def test_a_read_view_answers_only_get(admin):
    assert admin.get("/admin/rq/0/data/queues.json").status_code == 200
    assert admin.post("/admin/rq/0/data/queues.json").status_code in (403, 405)


def test_a_requeue_through_a_link_leaves_the_failed_job_failed(app, admin):
    conn = Redis.from_url(app.config["REDIS_URL"])
    queue = Queue("scoring", connection=conn)
    job = queue.enqueue("os.getcwd")
    queue.remove(job)
    job.set_status("failed")
    FailedJobRegistry(queue=queue).add(job, ttl=600)
    assert admin.get("/admin/rq/requeue/scoring").status_code == 403
    assert job.id in FailedJobRegistry(queue=queue).get_job_ids()
