"""Reporting an item or a brand reply through the public API: checks, rate limit, one report per reader, a case
whose priority rises with the number of distinct readers, and nothing hidden on a report alone."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Item, Report
from tests.conftest import ORIGIN, auth, run_worker
from tests.feedback.helpers import brand_reply, posted, report


def case_of(app, item_id):
    with app.app_context():
        return db.session.execute(select(Case).where(Case.item_id == item_id)).scalar_one_or_none()


def test_bad_input_is_a_422_naming_the_field(client, world):
    item_id = posted(client)
    bad_reason = report(client, item_id, {"reason": "ugly"})
    assert bad_reason.status_code == 422
    assert bad_reason.get_json()["error"]["field"] == "reason"
    assert bad_reason.get_json()["error"]["code"] == "invalid_reason"
    assert bad_reason.headers["Access-Control-Allow-Origin"] == ORIGIN  # the widget can read why
    missing = report(client, item_id, {"text": "bof"})
    assert missing.status_code == 422 and missing.get_json()["error"]["field"] == "reason"
    too_long = report(client, item_id, {"reason": "other", "text": "x" * 1001})
    assert too_long.status_code == 422
    assert too_long.get_json()["error"] == {
        "code": "too_long",
        "message": "text must be at most 1000 characters",
        "field": "text",
    }
    bad_email = report(client, item_id, {"reason": "spam", "email": "not-an-address"})
    assert bad_email.status_code == 422 and bad_email.get_json()["error"]["field"] == "email"
    unknown = report(client, item_id, {"reason": "spam", "why": "x"})
    assert unknown.status_code == 422 and unknown.get_json()["error"]["field"] == "why"
    assert report(client, item_id, {"reason": "spam", "reply_id": 0}).get_json()["error"]["field"] == "reply_id"
    assert case_of(client.application, item_id) is None  # nothing refused opened anything


def test_distinct_readers_raise_the_priority_and_the_same_reader_counts_once(app, client, world):
    item_id = posted(client, rating=5, body="Parfait, livré vite")
    first = report(client, item_id, {"reason": "spam", "text": "copie d'un autre site"})
    assert first.status_code == 202
    assert first.get_json() == {"item_id": item_id, "reply_id": None, "counted": True}
    case = case_of(app, item_id)
    assert case.reasons == ["reported"] and case.state == "open"
    priorities = [case.priority]

    again = report(client, item_id, {"reason": "abuse"})  # same address: updates, does not count
    assert again.get_json()["counted"] is False
    assert case_of(app, item_id).priority == priorities[0]
    for addr in ("10.0.0.2", "10.0.0.3"):
        assert report(client, item_id, addr=addr).get_json()["counted"] is True
        priorities.append(case_of(app, item_id).priority)
    assert priorities[0] < priorities[1] < priorities[2]
    with app.app_context():
        rows = list(db.session.execute(select(Report).order_by(Report.id)).scalars())
        assert len(rows) == 3 and rows[0].reason == "abuse"  # the reader's latest word
        assert not any("10.0.0" in r.reporter_key for r in rows)  # only a keyed hash of the address
        case = db.session.execute(select(Case).where(Case.item_id == item_id)).scalar_one()
        assert case.evidence["reported"]["reporters"] == 3
        assert case.evidence["reported"]["reasons"] == {"abuse": 1, "spam": 2}
        # Nothing is hidden on reports alone: a moderator decides.
        assert db.session.get(Item, item_id).status == "published"
        actions = [e.action for e in db.session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()]
        assert actions.count("case.opened") == 1 and actions.count("case.reported") == 2


def test_a_report_raises_an_existing_case_and_reopens_a_closed_one(app, client, world):
    item_id = posted(client, rating=1, body="Cassé au bout de deux jours")
    run_worker(app)
    base = case_of(app, item_id)
    assert "low_rating" in base.reasons
    report(client, item_id, {"reason": "personal_data"})
    raised = case_of(app, item_id)
    assert raised.reasons[-1] == "reported" and raised.priority > base.priority
    assert raised.due_at <= base.due_at

    resolved = client.post(f"/api/v1/cases/{base.id}/resolve", headers=auth(world.moderator_token))
    assert resolved.status_code == 200
    with app.app_context():
        assert db.session.execute(select(Report.outcome)).scalar_one() == "kept"
    reopened = report(client, item_id, {"reason": "abuse"}, addr="10.0.0.7")
    assert reopened.get_json()["counted"] is True
    case = case_of(app, item_id)
    assert case.state == "open" and case.closed_at is None
    assert case.evidence["reported"]["reporters"] == 1  # readers since the decision


def test_reporting_a_brand_reply(app, client, world):
    item_id = posted(client)
    reply_id = brand_reply(app, item_id)
    response = report(client, item_id, {"reason": "personal_data", "reply_id": reply_id})
    assert response.status_code == 202 and response.get_json()["reply_id"] == reply_id
    # The item and its reply are two targets: the same reader may report both.
    assert report(client, item_id).get_json()["counted"] is True
    assert case_of(app, item_id).evidence["reported"]["replies"] == [reply_id]
    other_item = posted(client, body="Autre avis")
    wrong = report(client, other_item, {"reason": "spam", "reply_id": reply_id})
    assert wrong.status_code == 404 and wrong.get_json()["error"]["field"] == "reply_id"


def test_only_published_items_of_the_site_can_be_reported(client, world):
    held = posted(client, body="Voir bit.ly/promo")
    assert report(client, held).status_code == 404
    assert report(client, 999_999).get_json()["error"]["field"] == "item"
    item_id = posted(client)
    assert report(client, item_id, site="other", origin="http://other.test").status_code == 404


def test_origin_and_token_rules_are_those_of_submissions(client, world):
    item_id = posted(client)
    foreign = report(client, item_id, origin="http://evil.test")
    assert foreign.status_code == 403 and foreign.get_json()["error"]["code"] == "origin_not_allowed"
    assert report(client, item_id, origin=None).status_code == 401
    assert report(client, item_id, origin=None, headers=auth(world.site_token)).status_code == 202
    assert report(client, item_id, origin=None, headers=auth(world.moderator_token)).status_code == 403
    preflight = client.options(f"/api/v1/sites/shop/items/{item_id}/reports", headers={"Origin": ORIGIN})
    assert preflight.status_code == 204 and preflight.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_reports_are_rate_limited_with_a_readable_429(make_app, world):
    app = make_app(REPORT_RATE_LIMIT="2 per minute")
    client = app.test_client()
    item_id = posted(client)
    assert report(client, item_id).status_code == 202
    assert report(client, item_id, {"reason": "abuse"}).status_code == 202
    limited = report(client, item_id, {"reason": "other"})
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert limited.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "Retry-After" in limited.headers


def test_the_report_endpoint_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/sites/{site}/items/{id}/reports"]["post"]
    assert operation["responses"]["202"]["content"]["application/json"]["schema"]["$ref"].endswith("/ReportReceived")
    assert {"403", "404", "422", "429"} <= set(operation["responses"])
    body = spec["components"]["schemas"]["ReportBody"]
    assert body["properties"]["reason"]["enum"] == ["abuse", "spam", "personal_data", "off_topic", "illegal", "other"]
    assert body["properties"]["text"]["anyOf"][0]["maxLength"] == 1000
