"""The monthly check: enqueued by the insights workers' maintenance once per site per 30 days, run by a real rq
SimpleWorker; deadline reminders; the CLI."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, HealthState, Moderator, OutboxMessage, ProductHealth, Site, utcnow
from moderation.services import health
from moderation.worker import build_worker
from tests.stubs import make_stub

from .helpers import add_reviews, site_named, subject_named


@pytest.fixture
def app(make_app):
    # No topics work here: the stub embedder keeps the insights jobs the sweep enqueues cheap.
    return make_app(INSIGHTS_EMBEDDER_FACTORY="tests.insights.helpers:make_stub_embedder")


def work_insights_queue(app) -> None:
    build_worker(app, make_stub, queues=[app.config["INSIGHTS_QUEUE"]]).work(burst=True)


def state(app, external_id: str) -> str:
    with app.app_context():
        return health.state_of(db.session.get(ProductHealth, subject_named(external_id).id)).value


def test_worker_maintenance_runs_the_check_once_per_site_per_30_days(app, world):
    with app.app_context():
        add_reviews("sku-1", [1, 2] * 13)  # 26 reviews averaging 1.5
        add_reviews("sku-2", [2] * 24)  # under the minimum of reviews
        add_reviews("sku-3", [2] * 30, days_ago=400)  # outside the window
        db.session.commit()
    work_insights_queue(app)  # its first maintenance enqueues the check of every site, then works it
    assert state(app, "sku-1") == "watch"
    assert state(app, "sku-2") == state(app, "sku-3") == "ok"
    with app.app_context():
        checked = {s.slug: s.health_checked_at for s in db.session.execute(select(Site)).scalars()}
        assert all(checked.values())
        assert health.due_sites(utcnow()) == []
        assert health.due_sites(utcnow() + timedelta(days=30, seconds=1)) == sorted(
            s.id for s in db.session.execute(select(Site)).scalars()
        )
        assert health.sweep_health(force=True) == 0  # checked this month: nothing to enqueue
        # The product recovers: enough good reviews lift its average; next month's check moves it back.
        add_reviews("sku-1", [5] * 30)
        site = site_named()
        site.health_checked_at = utcnow() - timedelta(days=31)
        db.session.commit()
        assert health.sweep_health(force=True) == 1
        db.session.commit()
    build_worker(app, make_stub, queues=[app.config["INSIGHTS_QUEUE"]]).work(burst=True, max_jobs=50)
    assert state(app, "sku-1") == "ok"
    with app.app_context():
        moves = [
            (e.before["state"], e.after["state"])
            for e in db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "health.state_changed").order_by(AuditEvent.id)
            ).scalars()
        ]
        assert moves == [("ok", "watch"), ("watch", "ok")]


def test_site_rule_is_the_sites_own(app, world):
    with app.app_context():
        add_reviews("sku-1", [3] * 10)
        site = site_named()
        site.health_min_reviews, site.health_max_average = 10, 3.5
        health.check_site(site.id)
        db.session.commit()
    assert state(app, "sku-1") == "watch"


def test_owner_is_reminded_once_three_days_before_the_deadline(app, world):
    with app.app_context():
        subject = add_reviews("sku-1", [1] * 25)
        health.check_site(site_named().id)
        root = db.session.execute(select(Moderator).where(Moderator.email == "root@shop.test")).scalar_one()
        now = utcnow()
        health.change_state(root, subject, "action_plan", owner_email="ann@shop.test", now=now)
        db.session.commit()
        assert health.remind_owners(now=now + timedelta(days=26)) == 0
        assert health.remind_owners(now=now + timedelta(days=27, seconds=1)) == 1
        assert health.remind_owners(now=now + timedelta(days=28)) == 0  # once per plan
        db.session.commit()
        notes = [
            e.after
            for e in db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "health.owner_notified").order_by(AuditEvent.id)
            ).scalars()
        ]
        assert [(n["mail"]["kind"], n["mail"]["to"]) for n in notes] == [
            ("action_plan", "ann@shop.test"),
            ("deadline", "ann@shop.test"),
        ]
        # Real mail: outbox messages to the owner, pending for the mail queue, with a link to the product page.
        sent = [db.session.get(OutboxMessage, n["outbox_id"]) for n in notes]
        assert [(m.kind, m.to_address, m.state, m.author_id) for m in sent] == [
            ("health_action_plan", "ann@shop.test", "pending", None),
            ("health_deadline", "ann@shop.test", "pending", None),
        ]
        assert f"/console/products/{subject.id}" in sent[0].body and "sku-1" in sent[0].subject
        assert sent[0].unsubscribe_url is None
        row = db.session.get(ProductHealth, subject.id)
        assert row.state == HealthState.ACTION_PLAN.value
        assert health.is_overdue(row, now + timedelta(days=31))
        overview = health.site_overview(site_named().id, now + timedelta(days=31))
        assert [entry.subject.external_id for entry in overview["overdue"]] == ["sku-1"]


def test_cli_checks_a_site_now_or_enqueues_it(app, world):
    with app.app_context():
        add_reviews("sku-1", [2] * 25)
        db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["health", "check", "shop"])
    assert result.exit_code == 0, result.output
    assert "1 product(s) now on watch" in result.output
    assert state(app, "sku-1") == "watch"
    enqueued = runner.invoke(args=["health", "check", "shop", "--enqueue"])
    assert enqueued.exit_code == 0 and "enqueued" in enqueued.output
    assert app.extensions["moderation.redis"].llen("rq:queue:insights") == 1
    unknown = runner.invoke(args=["health", "check", "nope"])
    assert unknown.exit_code == 1 and "not found" in unknown.output


def test_a_product_entering_watch_emits_product_at_risk(app, world):
    from moderation.models import WebhookDelivery, WebhookEndpoint

    with app.app_context():
        site = site_named()
        db.session.add(WebhookEndpoint(site_id=site.id, url="https://shop.example/hooks", secret="s" * 32))
        add_reviews("sku-1", [1, 2] * 13)
        add_reviews("sku-2", [5] * 30)
        db.session.commit()
        assert health.apply_rule(site) == {"watch": 1, "ok": 0}
        db.session.commit()
        events = db.session.execute(select(WebhookDelivery)).scalars().all()
        assert [e.event_type for e in events] == ["product.at_risk"]
        assert events[0].payload["data"]["subject"]["external_id"] == "sku-1"
        assert events[0].payload["data"]["health"]["state"] == "watch"
