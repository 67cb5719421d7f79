"""Topics as an rq job: stored per subject, run by a real SimpleWorker, scheduled by the debounced sweep."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
import redis as redis_lib

from moderation import cpu_priority
from moderation.extensions import db
from moderation.models import Subject, SubjectInsights, utcnow
from moderation.services import insights
from moderation.worker import build_worker
from tests.conftest import review, submit
from tests.stubs import make_stub

from .helpers import BATTERY_COMPLAINTS, PRAISE, STRAP_COMPLAINTS, STUB_TOPIC_SETTINGS

SETTINGS = {
    "INSIGHTS_EMBEDDER_FACTORY": "tests.insights.helpers:make_stub_embedder",
    "INSIGHTS_TOPIC_SETTINGS": STUB_TOPIC_SETTINGS,
    "INSIGHTS_DEBOUNCE_S": 600,
}


@pytest.fixture
def app(make_app):
    return make_app(**SETTINGS)


def post_reviews(client, subject="sku-1"):
    for body in BATTERY_COMPLAINTS:
        assert submit(client, review(rating=2, body=body), subject=subject).status_code == 202
    for body in STRAP_COMPLAINTS:
        assert submit(client, review(rating=1, body=body), subject=subject).status_code == 202
    for body in PRAISE:
        assert submit(client, review(rating=5, body=body), subject=subject).status_code == 202


def subject_id(app, external_id="sku-1") -> int:
    with app.app_context():
        return db.session.execute(db.select(Subject.id).where(Subject.external_id == external_id)).scalar_one()


def work_insights(app) -> None:
    build_worker(app, make_stub, queues=[app.config["INSIGHTS_QUEUE"]]).work(burst=True)


def test_job_stores_the_subjects_topics_through_a_real_worker(app, client, world):
    post_reviews(client)
    sid = subject_id(app)
    with app.app_context():
        assert insights.request_insights(sid)
        assert insights.request_insights(sid)  # one job waits per subject at most
        assert app.extensions["moderation.redis"].llen("rq:queue:insights") == 1
    work_insights(app)
    with app.app_context():
        stored = db.session.get(SubjectInsights, sid)
        assert stored.model_version == "stub-keyword-1"
        assert stored.embedder == "stub-embedder"
        assert stored.review_count == 12
        assert stored.negative_reviews == 9
        by_size = {t["reviews"]: t for t in stored.topics}
        assert sorted(by_size) == [4, 5]
        battery = by_size[5]
        assert "batterie" in battery["label"] or "battery" in battery["label"]
        assert battery["negative_share"] == round(5 / 9, 4)
        assert battery["trend"]["direction"] == "new"  # all five in the last 30 days, none before
        assert len(battery["examples"]) == 3
        assert {e["item_id"] for e in battery["examples"]} <= set(battery["item_ids"])
        assert stored.health["reviews_12m"] == 12
        # The job cleared its marker: the next change may enqueue again.
        assert not app.extensions["moderation.redis"].exists(insights.QUEUED_MARKER.format(subject_id=sid))


def test_sweep_waits_for_quiet_reviews_then_recomputes_once(app, client, world):
    post_reviews(client)
    sid = subject_id(app)
    with app.app_context():
        now = utcnow()
        assert insights.due_subjects(now, 10) == [sid]  # never computed: at once
        insights.compute_subject_insights(sid, make_stub(app), insights.embedder_for(app), now=now)
        db.session.commit()
        assert insights.due_subjects(now, 10) == []  # unchanged

    assert submit(client, review(rating=1, body="Battery awful again."), subject="sku-1").status_code == 202
    with app.app_context():
        now = utcnow()
        assert insights.due_subjects(now, 10) == []  # changed, but reviews still arriving: debounced
        assert insights.due_subjects(now + timedelta(seconds=601), 10) == [sid]  # quiet for the debounce
        # A product whose reviews never stop is still recomputed once its topics are MAX_STALE old.
        stored = db.session.get(SubjectInsights, sid)
        stored.computed_at = now - timedelta(seconds=app.config["INSIGHTS_MAX_STALE_S"] + 1)
        db.session.commit()
        assert insights.due_subjects(now, 10) == [sid]

        assert insights.sweep_insights(now=now + timedelta(seconds=601)) == 1
        assert insights.sweep_insights(now=now + timedelta(seconds=601)) == 0  # one sweep per interval
    work_insights(app)
    with app.app_context():
        stored = db.session.get(SubjectInsights, sid)
        assert stored.review_count == 13
        assert insights.due_subjects(utcnow() + timedelta(seconds=601), 10) == []


def test_nightly_refresh_recomputes_unchanged_products(app, client, world):
    post_reviews(client)
    sid = subject_id(app)
    with app.app_context():
        now = utcnow()
        insights.compute_subject_insights(sid, make_stub(app), insights.embedder_for(app), now=now)
        db.session.commit()
        assert insights.due_subjects(now + timedelta(hours=23), 10) == []
        assert insights.due_subjects(now + timedelta(hours=24, seconds=1), 10) == [sid]


def test_worker_of_the_insights_queue_sweeps_at_start(app, client, world):
    post_reviews(client)
    sid = subject_id(app)
    # The burst worker's first maintenance finds the never-computed product and works the job it enqueued.
    work_insights(app)
    with app.app_context():
        assert db.session.get(SubjectInsights, sid) is not None


def test_a_redis_outage_leaves_the_product_to_the_sweep(app, client, world, monkeypatch):
    post_reviews(client)
    sid = subject_id(app)

    def refuse(*args, **kwargs):
        raise redis_lib.ConnectionError("down")

    with app.app_context():
        monkeypatch.setattr(insights, "enqueue", refuse)
        assert insights.request_insights(sid) is False
        assert not app.extensions["moderation.redis"].exists(insights.QUEUED_MARKER.format(subject_id=sid))
        assert insights.due_subjects(utcnow(), 10) == [sid]


@pytest.mark.skipif(not cpu_priority.supported(), reason="SCHED_IDLE is a Linux policy")
def test_topics_forward_passes_run_at_idle_priority_where_the_app_asks(app, client, world):
    # Under `moderation serve` this job runs in the model worker beside the web, as the scoring passes do.
    app.config["INFERENCE_CPU_PRIORITY"] = "idle"
    post_reviews(client)
    sid = subject_id(app)
    classifier, embedder, policies = make_stub(app), insights.embedder_for(app), []

    def recorded(method):
        def call(texts, *args, **kwargs):
            policies.append((method.__name__, os.sched_getscheduler(0)))
            return method(texts, *args, **kwargs)

        return call

    classifier.predict, embedder.embed = recorded(classifier.predict), recorded(embedder.embed)
    with app.app_context():
        insights.compute_subject_insights(sid, classifier, embedder)
    assert {name for name, _ in policies} == {"predict", "embed"}
    assert {policy for _, policy in policies} == {os.SCHED_IDLE}
    assert os.sched_getscheduler(0) != os.SCHED_IDLE
