"""Delivery to a real receiver on loopback: signature, retry with backoff, SSRF refusal, no redirects, never
blocking a submission."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from moderation.extensions import db
from moderation.models import WebhookDelivery, utcnow
from moderation.services import outbound, webhooks
from moderation.services.errors import ServiceError
from tests.conftest import auth, free_port, review, submit
from tests.webhooks.helpers import SECRET, add_endpoint, work_webhooks


def deliveries(app) -> list[WebhookDelivery]:
    with app.app_context():
        rows = list(db.session.execute(select(WebhookDelivery).order_by(WebhookDelivery.id)).scalars())
        db.session.expunge_all()
        return rows


def make_due(app) -> None:
    """What the clock would do: the retry's wait is over."""
    with app.app_context():
        db.session.execute(
            update(WebhookDelivery).where(WebhookDelivery.delivered_at.is_(None)).values(next_attempt_at=utcnow())
        )
        db.session.commit()


def test_a_failed_delivery_is_retried_and_arrives_once(app, client, world, receiver_factory):
    receiver = receiver_factory([500, 200])
    add_endpoint(app, receiver.url(), events=["item.created"])
    assert submit(client, review(5, "Super produit")).status_code == 202

    work_webhooks(app)
    (first,) = deliveries(app)
    assert [r["status"] for r in receiver.received] == [500]
    assert first.attempts == 1 and first.last_status == 500 and first.delivered_at is None
    assert first.last_error == "HTTP 500" and first.latency_ms is not None
    wait = (first.next_attempt_at - utcnow()).total_seconds()
    assert 50 < wait <= 60  # attempt 1 waits 2^1 x 30 s

    work_webhooks(app)  # not due yet: nothing is sent
    assert len(receiver.received) == 1

    make_due(app)
    work_webhooks(app)  # the worker's sweep finds the due retry
    work_webhooks(app)  # and nothing is sent twice
    (done,) = deliveries(app)
    assert [r["status"] for r in receiver.received] == [500, 200]
    assert done.attempts == 2 and done.last_status == 200 and done.delivered_at and done.next_attempt_at is None
    assert all(r["verified"] for r in receiver.received)
    bodies = [json.loads(r["body"]) for r in receiver.received]
    assert bodies[0] == bodies[1]  # the same event, with the same id, on the retry
    event = bodies[1]
    assert set(event) == {"id", "type", "created_at", "site", "data"}
    assert event["type"] == "item.created" and event["site"] == "shop"
    assert event["data"]["item"]["subject"] == "sku-1" and event["data"]["item"]["rating"] == 5
    assert receiver.received[1]["signature"].startswith("t=")


def test_backoff_doubles_up_to_an_hour_and_gives_up_after_a_day(app, world, receiver_factory):
    with app.app_context():
        assert [webhooks.backoff_s(n) for n in range(1, 9)] == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    receiver = receiver_factory([503])
    add_endpoint(app, receiver.url())
    with app.app_context():
        from moderation.services.accounts import get_site

        (delivery,) = webhooks.emit(get_site("shop").id, "product.at_risk", {"health": {"score": 0.2}})
        delivery.created_at = utcnow() - timedelta(hours=23, minutes=59)
        db.session.commit()
    work_webhooks(app)
    (gave_up,) = deliveries(app)
    assert gave_up.attempts == 1 and gave_up.last_status == 503
    assert gave_up.next_attempt_at is None and gave_up.delivered_at is None  # the next wait would pass 24 h


def test_private_targets_are_refused_without_allow_private(app, client, world, receiver_factory):
    receiver = receiver_factory([200])
    with app.app_context():
        from moderation.services.accounts import get_site

        with pytest.raises(ServiceError) as refused:
            webhooks.add_endpoint(get_site("shop"), receiver.url(), SECRET)
        assert refused.value.code == "private_url"
    # A name is checked where it matters, at delivery: every address it resolves to must be public.
    add_endpoint(app, receiver.url(host="localhost"), allow_private=False)
    assert submit(client, review(5, "Super produit")).status_code == 202
    work_webhooks(app)
    (refused_delivery,) = deliveries(app)
    assert receiver.received == []
    assert refused_delivery.last_error.startswith("refused: localhost resolves to a private address")
    assert refused_delivery.next_attempt_at is None  # refused by configuration: no retry until an admin acts


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "::1", "fd00::1", "fe80::1",
     "::ffff:127.0.0.1", "0.0.0.0", "100.64.0.1"],
)  # fmt: skip
def test_non_public_addresses(address):
    assert not outbound.is_public(address)


def test_public_addresses():
    assert outbound.is_public("93.184.215.14") and outbound.is_public("2606:2800:21f:cb07:6820:80da:af6b:8b2c")


def test_redirects_are_not_followed(app, client, world, receiver_factory):
    receiver = receiver_factory([302], headers={"Location": "http://169.254.169.254/latest/meta-data/"})
    add_endpoint(app, receiver.url())
    submit(client, review(5, "Super produit"))
    work_webhooks(app)
    (delivery,) = deliveries(app)
    assert len(receiver.received) == 1
    assert delivery.last_status == 302 and delivery.delivered_at is None and delivery.next_attempt_at is not None


def test_a_down_receiver_never_slows_a_submission(app, client, world):
    add_endpoint(app, f"http://127.0.0.1:{free_port()}/hooks")  # nothing listens there
    response = submit(client, review(1, "Nul, cassé au bout de deux jours"))
    assert response.status_code == 202
    pending = deliveries(app)  # committed with the item, and not tried by the request (no timing: CI is loaded)
    assert {d.event_type for d in pending} == {"item.created", "case.opened"}
    assert all(d.attempts == 0 and d.last_error is None for d in pending)
    work_webhooks(app)
    for delivery in deliveries(app):
        assert delivery.attempts == 1 and delivery.last_status is None
        assert delivery.last_error.startswith("ConnectionRefusedError") and delivery.next_attempt_at is not None


def test_an_event_rolled_back_with_its_change_is_never_sent(app, world, receiver_factory):
    receiver = receiver_factory([200])
    add_endpoint(app, receiver.url())
    with app.app_context():
        from moderation.services.accounts import get_site

        webhooks.emit(get_site("shop").id, "item.created", {})
        db.session.rollback()
    work_webhooks(app)
    assert deliveries(app) == [] and receiver.received == []


def case_of(client, world, item_id: int) -> int:
    return client.get(f"/api/v1/items/{item_id}", headers=auth(world.moderator_token)).get_json()["case"]["id"]


def test_events_of_moderator_actions(app, client, world, receiver_factory):
    receiver = receiver_factory([])
    add_endpoint(app, receiver.url(), events=["reply.published", "case.closed"])
    item = submit(client, review(1, "Nul")).get_json()
    case_id = case_of(client, world, item["id"])
    answered = client.post(
        f"/api/v1/cases/{case_id}/reply", json={"body": "Désolés, on vous écrit."}, headers=auth(world.moderator_token)
    )
    assert answered.status_code == 200
    work_webhooks(app)
    events = sorted(json.loads(r["body"])["type"] for r in receiver.received)
    assert events == ["case.closed", "reply.published"]
    reply_event = next(json.loads(r["body"]) for r in receiver.received if b"reply.published" in r["body"])
    assert reply_event["data"]["reply"]["body"] == "Désolés, on vous écrit."
    assert reply_event["data"]["item"]["id"] == item["id"]


def test_an_undone_rejection_sends_case_restored(app, client, world, receiver_factory):
    """A receiver told item.rejected hears when the moderator takes it back, with the item as it is again."""
    from moderation.models import Case, Moderator
    from moderation.services import case_undo

    receiver = receiver_factory([])
    add_endpoint(app, receiver.url(), events=["item.rejected", "case.restored"])
    item = submit(client, review(1, "Nul, cassé")).get_json()
    case_id = case_of(client, world, item["id"])
    rejected = client.post(
        f"/api/v1/cases/{case_id}/reject", json={"reason": "spam"}, headers=auth(world.moderator_token)
    )
    assert rejected.status_code == 200
    with app.app_context():
        moderator = db.session.execute(select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        case = db.session.get(Case, case_id)
        case_undo.undo(moderator, case, case_undo.undoable_event(moderator, case).id)
        db.session.commit()
    work_webhooks(app)
    events = [json.loads(r["body"]) for r in receiver.received]
    assert [e["type"] for e in events] == ["item.rejected", "case.restored"]
    assert events[1]["data"]["item"]["status"] == "published"
    assert events[1]["data"]["case"]["state"] not in ("resolved", "dismissed")
