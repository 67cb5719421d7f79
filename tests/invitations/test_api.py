"""POST /api/v1/sites/{site}/invitations (#17): the site's own token, 4xx naming the field, idempotent by order
and product, rate-limited, documented — and no way to choose customers by satisfaction."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Site
from moderation.services.accounts import create_site, create_token, get_site
from tests.invitations.helpers import invitations, invite, order, outbox


def test_the_site_token_invites_and_a_mail_is_queued(app, client, world):
    response = invite(client, world.site_token, order(subjects=["sku-1", "sku-2"], lang="fr"))
    assert response.status_code == 202, response.get_json()
    body = response.get_json()
    assert body["order_reference"] == "FR-1001" and body["send_after"].endswith("Z")
    assert [(i["subject"], i["created"], i["status"]) for i in body["invitations"]] == [
        ("sku-1", True, "mailed"),
        ("sku-2", True, "mailed"),
    ]
    (message,) = outbox(app)
    assert message.to_address == "lea@example.com" and message.lang == "fr"
    assert "FR-1001" in message.subject and message.body.count("/mail/review/") == 2
    assert "Léa" in message.body and message.unsubscribe_url


def test_the_same_order_and_product_again_changes_nothing(app, client, world):
    assert invite(client, world.site_token, order(subjects=["sku-1"])).status_code == 202
    again = invite(client, world.site_token, order(subjects=["sku-1", "sku-2"]))
    assert again.status_code == 202
    assert [(i["subject"], i["created"]) for i in again.get_json()["invitations"]] == [
        ("sku-1", False),
        ("sku-2", True),
    ]
    assert len(invitations(app)) == 2
    assert len(outbox(app)) == 2  # the first mail for sku-1, a second only for the new sku-2


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 401), ("moderator_token", 403), ("admin_token", 403), ("bad", 401)],
)
def test_only_the_sites_own_token(app, client, world, who, status):
    token = {"bad": "mod_not-a-token", None: None}.get(who) if who in (None, "bad") else getattr(world, who)
    response = invite(client, token, order())
    assert response.status_code == status
    assert response.get_json()["error"]["field"] in ("Authorization", None)
    assert invitations(app) == []


def test_another_sites_token_is_refused(app, client, world):
    with app.app_context():
        other = create_token("other", site=get_site("other"))[1]
        db.session.commit()
    assert invite(client, other, order()).status_code == 403
    assert invite(client, world.site_token, order(), site="other").status_code == 403


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (order(email="not-an-address"), "customer.email"),
        ({**order(), "customer": {"name": "Léa"}}, "customer.email"),
        (order(name="   "), "customer.name"),
        (order(name="\x1c\x1d\x1e\x1f"), "customer.name"),  # what str.strip removes: it would be stored empty
        (order(subjects=[]), "subjects"),
        (order(subjects=["a/b"]), "subjects"),
        (order(reference=""), "order_reference"),
        (order(reference="A\nB"), "order_reference"),
        (order(reference="   "), "order_reference"),
        (order(lang="de"), "lang"),
        (order(send_after="2026-12-24T09:00:00"), "send_after"),  # no time zone
        (order(send_after="tomorrow"), "send_after"),
        (order(send_after=1767225600), "send_after"),
        (order(only_happy_customers=True), "only_happy_customers"),
        (order(min_rating=4), "min_rating"),
        ({**order(), "subjects": "sku-1"}, "subjects"),
    ],
)
def test_bad_input_is_422_naming_the_field(app, client, world, payload, field):
    response = invite(client, world.site_token, payload)
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["error"]["field"] == field
    assert invitations(app) == []


def test_a_bad_address_is_named_as_the_customers(client, world):
    error = invite(client, world.site_token, order(email="lea@")).get_json()["error"]
    assert error["code"] == "invalid_email" and error["message"].startswith("customer.email is not a valid address")


def test_no_satisfaction_filter_exists(client, world):
    """Review gating is refused as an unknown field, and the document offers no such option."""
    refused = invite(client, world.site_token, order(only_happy_customers=True)).get_json()["error"]
    assert refused["code"] == "unknown_field"
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/sites/{site}/invitations"]["post"]
    shape = spec["components"]["schemas"]["InvitationRequest"]
    assert set(shape["properties"]) == {"order_reference", "subjects", "customer", "lang", "send_after"}
    assert shape["additionalProperties"] is False
    assert {"401", "403", "404", "422", "429"} <= set(operation["responses"])
    assert operation["security"] == [{"bearer": []}]
    assert "202" in operation["responses"]


def test_a_catalogue_site_refuses_undeclared_products(app, client, world):
    with app.app_context():
        db.session.query(Site).filter_by(slug="shop").one().subjects = "catalogue"
        db.session.commit()
    response = invite(client, world.site_token, order(subjects=["sku-unknown"]))
    assert response.status_code == 404 and response.get_json()["error"]["field"] == "subjects"


def test_rate_limited_per_site_with_retry_after(make_app):
    app = make_app(INVITATION_RATE_LIMIT="2 per minute")
    with app.app_context():
        token = create_token("site", site=create_site("shop", "Shop"))[1]
        db.session.commit()
    client = app.test_client()
    assert invite(client, token, order("A")).status_code == 202
    assert invite(client, token, order("B")).status_code == 202
    limited = invite(client, token, order("C"))
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    # Someone without the token spends their own budget, not the site's.
    assert invite(client, None, order("D")).status_code == 401


def test_send_after_is_kept_in_utc(app, client, world):
    body = invite(client, world.site_token, order(send_after="2030-01-01T10:00:00+02:00")).get_json()
    assert body["send_after"] == "2030-01-01T08:00:00Z"
    assert [i["status"] for i in body["invitations"]] == ["scheduled"]
    edge = invite(client, world.site_token, order("E-1", send_after="0001-01-01T00:00:00+01:00"))
    assert edge.status_code == 202 and edge.get_json()["invitations"][0]["status"] == "mailed"
