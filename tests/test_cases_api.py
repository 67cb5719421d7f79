"""The moderator token API: claiming is exclusive, replies are public at once, sites are walled off."""

from __future__ import annotations

from datetime import timedelta

import pytest

from moderation.extensions import db
from moderation.models import AuditEvent, Case, utcnow
from tests.conftest import auth, review, run_worker, submit


@pytest.fixture
def angry_case(app, client, world) -> int:
    submit(client, review(rating=1, body="Horrible, cassé dès la première sortie"))
    run_worker(app)
    with app.app_context():
        return db.session.query(Case).one().id


def post(client, token, path, payload=None):
    return client.post(f"/api/v1/cases/{path}", json=payload, headers=auth(token))


def test_claim_is_exclusive_and_visible_to_others(client, world, angry_case):
    assert post(client, world.moderator_token, f"{angry_case}/claim").status_code == 200
    refused = post(client, world.other_moderator_token, f"{angry_case}/claim")
    assert refused.status_code == 409
    assert refused.get_json()["error"]["code"] == "already_claimed"
    assert "Ann" in refused.get_json()["error"]["message"]
    # Nor can the other moderator answer behind Ann's back.
    assert post(client, world.other_moderator_token, f"{angry_case}/reply", {"body": "Désolé"}).status_code == 409
    case = client.get(f"/api/v1/cases/{angry_case}", headers=auth(world.other_moderator_token)).get_json()
    assert case["claimed_by"] == "Ann"


def test_expired_claim_returns_to_the_queue(app, client, world, angry_case):
    post(client, world.moderator_token, f"{angry_case}/claim")
    with app.app_context():
        case = db.session.get(Case, angry_case)
        case.claim_expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    queue = client.get("/api/v1/cases?state=open", headers=auth(world.other_moderator_token)).get_json()
    assert [c["id"] for c in queue["cases"]] == [angry_case]
    assert post(client, world.other_moderator_token, f"{angry_case}/claim").status_code == 200


def test_reply_is_public_at_once_and_audited(app, client, world, angry_case):
    answer = "Bonjour, nous sommes désolés : notre service client vous contacte aujourd'hui."
    response = post(client, world.moderator_token, f"{angry_case}/reply", {"body": answer})
    assert response.status_code == 200
    assert response.get_json()["state"] == "answered"
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()
    assert listing["items"][0]["replies"][0]["body"] == answer
    with app.app_context():
        actions = [e.action for e in db.session.query(AuditEvent).filter_by(target_type="case").order_by(AuditEvent.id)]
        # The 1★ opens its case at submit; the model's verdict then adds its reasons to that same case.
        assert actions == ["case.opened", "case.reasons_added", "case.claimed", "case.answered"]
        answered = db.session.query(AuditEvent).filter_by(action="case.answered").one()
        assert answered.before["state"] == "claimed" and answered.after["state"] == "answered"
        assert answered.moderator.name == "Ann"
    again = post(client, world.moderator_token, f"{angry_case}/reply", {"body": "encore"})
    assert again.status_code == 409


def test_reply_needs_a_body(client, world, angry_case):
    response = post(client, world.moderator_token, f"{angry_case}/reply", {"body": "  "})
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "body"


def test_moderator_of_another_site_sees_nothing(client, world, angry_case):
    olga = world.other_site_moderator_token
    assert client.get(f"/api/v1/cases/{angry_case}", headers=auth(olga)).status_code == 404
    assert client.get("/api/v1/cases", headers=auth(olga)).get_json()["cases"] == []
    assert post(client, olga, f"{angry_case}/claim").status_code == 404
    admin = client.get("/api/v1/cases", headers=auth(world.admin_token)).get_json()
    assert [c["id"] for c in admin["cases"]] == [angry_case]


def test_tokens_are_required_and_site_tokens_cannot_moderate(client, world, angry_case):
    assert client.get("/api/v1/cases").status_code == 401
    assert client.get("/api/v1/cases", headers=auth(world.site_token)).status_code == 403
    assert client.get("/api/v1/items/1", headers=auth("mod_forged")).status_code == 401


def test_reject_held_item_with_a_reason_the_author_can_act_on(app, client, world):
    item = submit(client, review(rating=5, body="Commandez sur www.pas-cher.com")).get_json()
    with app.app_context():
        case_id = db.session.query(Case).filter_by(item_id=item["id"]).one().id
    bad = post(client, world.moderator_token, f"{case_id}/reject", {"reason": "because"})
    assert bad.status_code == 422 and bad.get_json()["error"]["field"] == "reason"
    assert post(client, world.moderator_token, f"{case_id}/reject", {"reason": "links"}).status_code == 200
    detail = client.get(f"/api/v1/items/{item['id']}", headers=auth(world.moderator_token)).get_json()
    assert detail["status"] == "removed" and detail["rejection_reason"] == "links"


def test_approve_publishes_and_keeps_reply_reasons_open(app, client, world):
    item = submit(client, review(rating=1, body="Nul. Voir mon blog www.monblog.fr")).get_json()
    run_worker(app)
    with app.app_context():
        case_id = db.session.query(Case).filter_by(item_id=item["id"]).one().id
    approved = post(client, world.moderator_token, f"{case_id}/approve").get_json()
    assert approved["state"] == "open"
    assert approved["reasons"] == ["low_rating", "negative_text"]
    assert client.get("/api/v1/sites/shop/subjects/sku-1").get_json()["items"][0]["id"] == item["id"]


def test_dismiss_and_escalate(client, world, angry_case):
    escalated = post(client, world.moderator_token, f"{angry_case}/escalate", {"note": "legal"}).get_json()
    assert escalated["state"] == "escalated"
    dismissed = post(client, world.admin_token, f"{angry_case}/dismiss").get_json()
    assert dismissed["state"] == "dismissed"
    assert post(client, world.moderator_token, f"{angry_case}/frobnicate").status_code == 404


def test_ids_beyond_the_column_range_are_404_everywhere(client, world):
    """A bounded <int:...> converter for every route: console, API, widget."""
    for path in ("/api/v1/items/2147483648", "/api/v1/cases/99999999999999999999", "/console/cases/2147483648"):
        assert client.get(path, headers=auth(world.admin_token)).status_code == 404, path


def test_claims_last_the_configured_time_through_the_api(make_app, world):
    app = make_app(CLAIM_MINUTES=40)
    client = app.test_client()
    submit(client, review(rating=1, body="Horrible, cassé"))
    run_worker(app)
    with app.app_context():
        case_id = db.session.query(Case).one().id
    post(client, world.moderator_token, f"{case_id}/claim")
    with app.app_context():
        left = db.session.get(Case, case_id).claim_expires_at - utcnow()
    assert timedelta(minutes=39) < left <= timedelta(minutes=40)
