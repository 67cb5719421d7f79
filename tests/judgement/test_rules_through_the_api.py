"""Each content rule through the API: held, flagged or logged, with the matched spans stored as evidence."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent
from moderation.services.site_rules import logged_hits
from tests.conftest import review, submit
from tests.judgement.helpers import item_and_case, set_rules


def spans_text(item, case, reason: str) -> list[str]:
    texts = {"body": item.body, "title": item.title or ""}
    return [texts[hit["field"]][hit["start"] : hit["end"]] for hit in case.evidence[reason]]


def test_an_insult_is_held_and_its_span_points_into_the_stored_text(app, client, world):
    body = "Service client de CONNARDS, jamais plus."
    response = submit(client, review(rating=1, body=body))
    assert response.get_json()["status"] == "held"
    item, case = item_and_case(app, response.get_json()["id"])
    assert item.hold_reasons == ["abusive"]
    assert case.reasons == ["abusive", "low_rating"] and case.state == "open"
    assert spans_text(item, case, "abusive") == ["CONNARDS"]
    assert case.evidence["abusive"][0]["field"] == "body" and case.evidence["low_rating"] == {"rating": 1}


def test_an_obfuscated_link_is_held_and_a_dotted_word_is_not(app, client, world):
    held = submit(client, review(rating=5, body="Moins cher sur cheapstuff(dot)com !")).get_json()
    clean = submit(client, review(rating=4, body="excellent appareil.de fitness, je recommande")).get_json()
    assert held["status"] == "held" and clean["status"] == "published"
    item, case = item_and_case(app, held["id"])
    assert case.reasons == ["links"] and "cheapstuff" in spans_text(item, case, "links")[0]
    assert item_and_case(app, clean["id"])[1] is None


def test_personal_data_is_held_without_copying_it_into_the_evidence(app, client, world):
    response = submit(client, review(rating=3, body="Appelez-moi au 06 12 34 56 78 pour en parler"))
    item, case = item_and_case(app, response.get_json()["id"])
    assert item.status == "held" and case.reasons == ["personal_data"]
    assert "12 34" not in str(case.evidence) and spans_text(item, case, "personal_data") == ["06 12 34 56 78"]


def test_a_site_rule_that_holds(app, client, world):
    response = submit(client, review(rating=4, body="Le vendeur est une CRAPULE"))  # the site's "crapule"
    item, case = item_and_case(app, response.get_json()["id"])
    assert item.status == "held" and case.reasons == ["site_word"]
    assert case.evidence["site_word"][0]["rule"] == "site:crapule"


def test_a_site_rule_that_flags_opens_a_case_and_keeps_the_item_public(app, client, world):
    set_rules(app, [{"pattern": "arnaque*", "action": "flag"}])
    response = submit(client, review(rating=4, body="Pas une arnaque, mais livraison lente"))
    assert response.get_json()["status"] == "published"
    item, case = item_and_case(app, response.get_json()["id"])
    assert item.hold_reasons == [] and case.reasons == ["site_word"] and case.state == "open"
    assert case.evidence["site_word"][0]["action"] == "flag"
    assert spans_text(item, case, "site_word") == ["arnaque"]
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()
    assert [i["id"] for i in listing["items"]] == [item.id]


def test_a_site_rule_that_logs_changes_nothing_and_is_counted(app, client, world):
    set_rules(app, [{"pattern": "bof", "action": "log"}])
    response = submit(client, review(rating=5, body="Bof au début, puis ravi"))
    assert response.get_json()["status"] == "published"
    item, case = item_and_case(app, response.get_json()["id"])
    assert case is None
    with app.app_context():
        logged = select(AuditEvent).where(AuditEvent.action == "content.rule_logged")
        event = db.session.execute(logged).scalar_one()
        assert event.target_id == item.id and event.after["matches"][0]["rule"] == "site:bof"
        assert logged_hits(item.site_id) == {"bof": 1}


def test_the_engine_language_is_stored_and_und_is_null(app, client, world):
    english = submit(client, review(body="The zip broke after two days, very poor stitching")).get_json()
    unknown = submit(client, review(body="ok")).get_json()
    assert item_and_case(app, english["id"])[0].lang == "en"
    assert item_and_case(app, unknown["id"])[0].lang is None
