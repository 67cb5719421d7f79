"""The command line, the console page, and the documentation's verification function."""

from __future__ import annotations

import json
import time

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import WebhookDelivery, WebhookEndpoint
from tests.conftest import review, submit
from tests.console.conftest import login, post
from tests.webhooks.helpers import SECRET, add_endpoint, doc_verifier, work_webhooks


def test_cli_add_list_remove(app, runner, world):
    added = runner.invoke(
        args=["webhook", "add", "shop", "https://crm.example.com/hooks", "--event", "case.opened", "--secret", SECRET]
    )
    assert added.exit_code == 0, added.output
    generated = runner.invoke(args=["webhook", "add", "shop", "https://crm.example.com/all"])
    assert "secret (shown once): whsec_" in generated.output
    listed = runner.invoke(args=["webhook", "list", "shop"])
    assert "https://crm.example.com/hooks" in listed.output and "case.opened" in listed.output
    assert SECRET not in listed.output  # shown once, then only its first characters
    refused = runner.invoke(args=["webhook", "add", "shop", "http://10.0.0.5/hooks", "--secret", SECRET])
    assert refused.exit_code != 0 and "private address" in refused.output
    allowed = runner.invoke(
        args=["webhook", "add", "shop", "http://10.0.0.5/hooks", "--secret", SECRET, "--allow-private"]
    )
    assert allowed.exit_code == 0, allowed.output
    with app.app_context():
        first = db.session.execute(select(WebhookEndpoint).order_by(WebhookEndpoint.id)).scalars().first().id
    assert runner.invoke(args=["webhook", "remove", str(first)]).exit_code == 0
    assert "https://crm.example.com/hooks" not in runner.invoke(args=["webhook", "list"]).output


def test_console_shows_the_log_and_retries_now(app, client, world, receiver_factory):
    receiver = receiver_factory([500, 200])
    add_endpoint(app, receiver.url(), events=["item.created"])
    submit(client, review(5, "Super produit"))
    work_webhooks(app)
    with app.app_context():
        delivery_id = db.session.execute(select(WebhookDelivery.id)).scalar_one()

    admin = app.test_client()
    assert login(admin, "root@shop.test", "password-root").status_code == 302
    page = admin.get("/console/admin/sites/shop/webhooks").get_data(as_text=True)
    assert receiver.url() in page and f'id="delivery-{delivery_id}"' in page and "HTTP 500" in page
    assert SECRET not in page
    path = f"/console/admin/sites/shop/webhooks/deliveries/{delivery_id}/retry"
    assert admin.post(path).status_code == 400  # no CSRF token
    assert post(admin, path).status_code == 302
    work_webhooks(app)  # due now, not in a minute
    assert [r["status"] for r in receiver.received] == [500, 200]
    assert "delivered (200)" in admin.get("/console/admin/sites/shop/webhooks").get_data(as_text=True)

    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302
    assert moderator.get("/console/admin/sites/shop/webhooks").status_code == 403


def test_the_documented_verifier_accepts_a_real_delivery_and_refuses_replays(app, client, world, receiver_factory):
    receiver = receiver_factory([200])
    add_endpoint(app, receiver.url())
    submit(client, review(5, "Super produit"))
    work_webhooks(app)
    delivered = receiver.received[0]
    verify = doc_verifier()
    assert delivered["verified"]
    body, header = delivered["body"], delivered["signature"]
    sent_at = int(header.split(",")[0].removeprefix("t="))
    assert verify(SECRET, header, body, now=sent_at + 299)
    assert not verify(SECRET, header, body, now=sent_at + 301)  # a replay after 5 minutes
    assert not verify("another-secret-0123456789", header, body)
    assert not verify(SECRET, header, body.replace(b"Super", b"Nulle"))
    assert not verify(SECRET, "v1=abc", body) and not verify(SECRET, "", body)
    assert json.loads(body)["type"] == "item.created" and abs(sent_at - time.time()) < 60
