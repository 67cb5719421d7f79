"""Each health transition, allowed and refused, through the token API; every one audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Moderator, OutboxMessage, ProductHealth, Subject, utcnow
from moderation.services import health
from tests.conftest import auth
from tests.console.conftest import login
from tests.console.conftest import post as console_post

from .helpers import add_reviews, site_named

URL = "/api/v1/sites/shop/subjects/{subject}/health"


@pytest.fixture
def flagged(app, world):
    """sku-1: 25 two-star reviews this year; the monthly check put it on watch."""
    with app.app_context():
        add_reviews("sku-1", [2] * 25)
        add_reviews("sku-2", [5] * 30)
        health.check_site(site_named().id)
        db.session.commit()
    return "sku-1"


def post(client, token, state, subject="sku-1", **fields):
    return client.post(URL.format(subject=subject), json={"state": state, **fields}, headers=auth(token))


def events(app, action_prefix="health."):
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent).where(AuditEvent.action.startswith(action_prefix)).order_by(AuditEvent.id)
        ).scalars()
        return [(e.action, e.moderator_id, e.before, e.after) for e in rows]


def test_the_rule_puts_a_flagged_product_on_watch_and_people_cannot_set_ok_or_watch(app, client, world, flagged):
    body = client.get(URL.format(subject="sku-1"), headers=auth(world.moderator_token)).get_json()
    assert body["state"] == "watch"
    assert body["flagged_by_rule"] is True
    assert body["reviews_in_window"] == 25 and body["average_in_window"] == 2.0
    assert body["rule"] == {"window_days": 365, "min_reviews": 25, "max_average": 3.0}
    assert client.get(URL.format(subject="sku-2"), headers=auth(world.moderator_token)).get_json()["state"] == "ok"
    for state in ("ok", "watch"):
        refused = post(client, world.moderator_token, state)
        assert refused.status_code == 422
        assert refused.get_json()["error"]["field"] == "state"
    [(action, moderator, before, after)] = events(app)
    assert action == "health.state_changed" and moderator is None  # the system's
    assert before == {"state": "ok"} and after["state"] == "watch" and after["reviews_in_window"] == 25


def test_full_way_watch_plan_fixed_relaunched_with_audit_and_notifications(app, client, world, flagged):
    plan = post(client, world.moderator_token, "action_plan", owner="bob@shop.test", notes="Supplier change")
    assert plan.status_code == 200, plan.get_json()
    body = plan.get_json()
    assert body["state"] == "action_plan"
    assert body["owner"] == {"email": "bob@shop.test", "name": "Bob"}
    assert body["notes"] == "Supplier change" and body["overdue"] is False
    with app.app_context():
        row = db.session.get(
            ProductHealth, db.session.execute(select(Subject.id).where(Subject.external_id == "sku-1")).scalar_one()
        )
        assert abs((row.due_at - utcnow()) - timedelta(days=30)) < timedelta(minutes=1)

    # A plan posted again changes its notes; the due date stays.
    again = post(client, world.moderator_token, "action_plan", notes="Supplier changed, new batch in May")
    assert again.get_json()["due_at"] == body["due_at"]
    assert again.get_json()["owner"]["email"] == "bob@shop.test"

    assert post(client, world.moderator_token, "relaunched", relaunch_subject="sku-1b").status_code == 409
    fixed = post(client, world.moderator_token, "fixed")
    assert fixed.status_code == 200 and fixed.get_json()["state"] == "fixed"
    assert post(client, world.moderator_token, "withdrawn").status_code == 409

    missing = post(client, world.moderator_token, "relaunched")
    assert missing.status_code == 422 and missing.get_json()["error"]["field"] == "relaunch_subject"
    same = post(client, world.moderator_token, "relaunched", relaunch_subject="sku-1")
    assert same.status_code == 422 and same.get_json()["error"]["field"] == "relaunch_subject"
    relaunched = post(client, world.moderator_token, "relaunched", relaunch_subject="sku-1-v2")
    assert relaunched.status_code == 200
    assert relaunched.get_json()["relaunched_as"] == "sku-1-v2"
    new = client.get(URL.format(subject="sku-1-v2"), headers=auth(world.moderator_token)).get_json()
    assert new["state"] == "ok" and new["relaunch_of"] == "sku-1"
    # The old product's reviews are untouched: its public listing still shows them.
    assert client.get("/api/v1/sites/shop/subjects/sku-1").get_json()["aggregate"]["count"] == 25
    assert post(client, world.moderator_token, "action_plan", owner="ann@shop.test").status_code == 409

    log = events(app)
    transitions = [(b["state"], a["state"]) for action, _m, b, a in log if action.startswith("health.state_changed")]
    assert transitions == [("ok", "watch"), ("watch", "action_plan"), ("action_plan", "fixed"), ("fixed", "relaunched")]
    updated = [entry for entry in log if entry[0] == "health.plan_updated"]
    assert updated[0][2]["notes"] == "Supplier change" and updated[0][3]["notes"].startswith("Supplier changed")
    assert all(m is not None for action, m, _b, _a in log[1:] if action != "health.owner_notified")
    [notified] = [entry for entry in log if entry[0] == "health.owner_notified"]
    assert notified[3]["mail"]["to"] == "bob@shop.test" and notified[3]["mail"]["kind"] == "action_plan"
    assert notified[3]["outbox_id"]
    with app.app_context():
        message = db.session.get(OutboxMessage, notified[3]["outbox_id"])
        assert message.to_address == "bob@shop.test" and message.kind == "health_action_plan"
        assert "Supplier" in message.body  # the plan's notes travel with it


def test_plan_can_end_withdrawn_then_relaunched(app, client, world, flagged):
    assert post(client, world.moderator_token, "action_plan", owner="ann@shop.test").status_code == 200
    assert post(client, world.moderator_token, "withdrawn", notes="Stopped").get_json()["state"] == "withdrawn"
    assert post(client, world.moderator_token, "fixed").status_code == 409
    assert (
        post(client, world.moderator_token, "relaunched", relaunch_subject="sku-9").get_json()["state"] == "relaunched"
    )


@pytest.mark.parametrize(
    ("owner", "code"),
    [(None, "owner_required"), ("nobody@shop.test", "unknown_owner"), ("olga@other.test", "unknown_owner")],
)
def test_a_plan_needs_an_owner_of_the_site(app, client, world, flagged, owner, code):
    refused = post(client, world.moderator_token, "action_plan", **({"owner": owner} if owner else {}))
    assert refused.status_code == 422
    assert refused.get_json()["error"] == {
        "code": code,
        "message": refused.get_json()["error"]["message"],
        "field": "owner",
    }
    assert events(app, "health.state_changed")[-1][3]["state"] == "watch"  # nothing moved


def test_refusals_from_ok_and_unknown_products_and_other_sites(app, client, world, flagged):
    refused = post(client, world.moderator_token, "action_plan", subject="sku-2", owner="ann@shop.test")
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "invalid_transition"
    assert refused.get_json()["error"]["field"] == "state"
    for state in ("fixed", "withdrawn", "relaunched"):
        assert post(client, world.moderator_token, state, subject="sku-2", relaunch_subject="x").status_code == 409
    assert post(client, world.moderator_token, "fixed", subject="nope").status_code == 404
    assert post(client, world.other_site_moderator_token, "action_plan", owner="ann@shop.test").status_code == 404
    assert client.post(URL.format(subject="sku-1"), json={"state": "action_plan"}).status_code == 401
    bad = post(client, world.moderator_token, "action_plan", owner="ann@shop.test", extra=1)
    assert bad.status_code == 422 and bad.get_json()["error"]["field"] == "extra"


def test_the_owner_is_mailed_in_the_language_of_their_console(app, client, world, flagged):
    def plan_mail_lang(owner: str) -> str:
        assert post(client, world.moderator_token, "action_plan", owner=owner).status_code == 200
        notified = [after for action, _m, _b, after in events(app) if action == "health.owner_notified"][-1]
        with app.app_context():
            message = db.session.get(OutboxMessage, notified["outbox_id"])
            assert message.to_address == owner
            return message.lang

    with app.app_context():
        assert site_named().default_lang == "en"
    # Ann has never signed in: the site's language.
    assert plan_mail_lang("ann@shop.test") == "en"
    # Bob signs in with a browser that asks for nothing, then switches the console to French; the plan passes to
    # him, and his mail follows his console.
    bob = app.test_client()
    assert login(bob, "bob@shop.test", "password-bob").status_code == 302
    assert console_post(bob, "/console/language", {"lang": "fr", "next": "/console/"}).status_code == 302
    assert plan_mail_lang("bob@shop.test") == "fr"


def test_signing_in_with_a_french_browser_makes_french_the_owners_language(app, world):
    browser = app.test_client()
    browser.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr-FR,fr;q=0.9,en;q=0.5"
    assert login(browser, "bob@shop.test", "password-bob").status_code == 302
    with app.app_context():
        bob = db.session.execute(select(Moderator).where(Moderator.email == "bob@shop.test")).scalar_one()
        assert bob.lang == "fr"
