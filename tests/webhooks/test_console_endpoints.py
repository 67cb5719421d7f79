"""The console's add-endpoint form, remove and "send a test event" (#17): the CLI's service with its SSRF check,
admin-only, CSRF-checked and audited; the test event reaches a real receiver, signed."""

from __future__ import annotations

import json
import re

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, WebhookDelivery, WebhookEndpoint
from tests.console.conftest import login, post
from tests.webhooks.helpers import SECRET, add_endpoint, work_webhooks

PAGE = "/console/admin/sites/shop/webhooks"


def admin_client(app):
    client = app.test_client()
    assert login(client, "root@shop.test", "password-root").status_code == 302
    return client


def endpoints(app) -> list[WebhookEndpoint]:
    with app.app_context():
        rows = list(db.session.execute(select(WebhookEndpoint).order_by(WebhookEndpoint.id)).scalars())
        db.session.expunge_all()
        return rows


def audit(app, action: str) -> list[AuditEvent]:
    with app.app_context():
        rows = list(db.session.execute(select(AuditEvent).where(AuditEvent.action == action)).scalars())
        db.session.expunge_all()
        return rows


def test_a_private_address_needs_the_admin_checkbox(app, world, receiver_factory):
    receiver = receiver_factory([200])
    admin = admin_client(app)
    refused = post(admin, PAGE, {"url": receiver.url(), "secret": SECRET})
    assert refused.status_code == 200
    assert "127.0.0.1 is a private address: allow it explicitly" in refused.get_data(as_text=True)
    assert endpoints(app) == [] and audit(app, "webhook.added") == []

    added = post(admin, PAGE, {"url": receiver.url(), "secret": SECRET, "allow_private": "y",
                               "events": ["item.created", "case.opened"]})  # fmt: skip
    assert added.status_code == 302
    (endpoint,) = endpoints(app)
    assert endpoint.allow_private and endpoint.events == ["item.created", "case.opened"]
    (event,) = audit(app, "webhook.added")
    assert event.moderator_id is not None and event.after["allow_private"] is True
    page = admin.get(PAGE).get_data(as_text=True)
    assert receiver.url() in page and SECRET not in page and "private addresses allowed" in page


def test_bad_input_is_refused_naming_the_field(app, world):
    admin = admin_client(app)
    page = post(admin, PAGE, {"url": "ftp://files.example/x"}).get_data(as_text=True)
    assert "the URL must be http:// or https:// with a host" in page
    page = post(admin, PAGE, {"url": "https://crm.example/h", "secret": "short"}).get_data(as_text=True)
    assert "the secret must be at least 16 characters" in page
    page = post(admin, PAGE, {"url": "https://crm.example/h", "events": ["item.exploded"]}).get_data(as_text=True)
    assert "Not a valid choice" in page or "not a valid choice" in page
    assert endpoints(app) == []


def test_a_generated_secret_is_shown_once(app, world):
    admin = admin_client(app)
    response = post(admin, PAGE, {"url": "https://crm.example/hooks"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    secret = re.search(r'id="new-secret">.*?<code>(whsec_[^<]+)</code>', response.get_data(as_text=True), re.S)[1]
    (endpoint,) = endpoints(app)
    assert endpoint.secret == secret and endpoint.events == [] and not endpoint.allow_private
    assert secret not in admin.get(PAGE).get_data(as_text=True)


def test_send_a_test_event_reaches_the_receiver_signed(app, world, receiver_factory):
    receiver = receiver_factory([200])
    endpoint_id = add_endpoint(app, receiver.url(), events=["reply.published"])
    admin = admin_client(app)
    path = f"{PAGE}/{endpoint_id}/test"
    assert admin.post(path).status_code == 400  # no CSRF token
    assert post(admin, path).status_code == 302
    work_webhooks(app)
    (received,) = receiver.received
    assert received["verified"] is True
    body = json.loads(received["body"])
    assert body["type"] == "webhook.test" and body["site"] == "shop" and body["data"] == {}
    with app.app_context():
        delivery = db.session.execute(select(WebhookDelivery)).scalar_one()
        assert delivery.event_type == "webhook.test" and delivery.delivered_at is not None
    page = admin.get(PAGE).get_data(as_text=True)
    assert f'id="delivery-{delivery.id}"' in page and "delivered (200)" in page
    (event,) = audit(app, "webhook.tested")
    assert event.target_id == endpoint_id and event.moderator_id is not None


def test_remove_deletes_the_endpoint_and_is_audited(app, world):
    mine = add_endpoint(app, "https://crm.example/a")
    theirs = add_endpoint(app, "https://crm.example/b", site="other")
    admin = admin_client(app)
    assert admin.post(f"{PAGE}/{mine}/remove").status_code == 400  # no CSRF token
    assert post(admin, f"{PAGE}/{theirs}/remove").status_code == 404  # another site's, named under shop
    assert post(admin, f"{PAGE}/{mine}/remove").status_code == 302
    assert [e.id for e in endpoints(app)] == [theirs]
    (event,) = audit(app, "webhook.removed")
    assert event.target_id == mine and event.before == {"url": "https://crm.example/a"}


def test_moderators_cannot_add_remove_or_test(app, world):
    as_ann = app.test_client()
    assert login(as_ann, "ann@shop.test", "password-ann").status_code == 302
    endpoint_id = add_endpoint(app, "https://crm.example/a")
    assert post(as_ann, PAGE, {"url": "https://evil.example/x"}).status_code == 403
    assert post(as_ann, f"{PAGE}/{endpoint_id}/remove").status_code == 403
    assert post(as_ann, f"{PAGE}/{endpoint_id}/test").status_code == 403
    assert [e.id for e in endpoints(app)] == [endpoint_id]
