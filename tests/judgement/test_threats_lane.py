"""Threats are held for a moderator; self-harm stays public and goes to the top of the queue (phases.threats)."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import Item
from moderation.services import policy
from moderation.services.accounts import get_site
from moderation.services.importing import import_rows
from tests.conftest import submit
from tests.console.conftest import login
from tests.judgement.helpers import item_and_case


def comment(body: str) -> dict:
    return {"kind": "comment", "body": body, "author": {"name": "Max"}}


def test_a_threat_in_a_comment_is_held_and_the_case_shows_what_fired(app, client, world):
    answer = submit(client, comment("Livreur incompétent. Je sais où tu habites, je vais te retrouver.")).get_json()
    assert answer["status"] == "held"
    item, case = item_and_case(app, answer["id"])
    assert item.hold_reasons == ["abusive"] and case.reasons[0] == "abusive"
    spans = case.evidence["abusive"]
    assert all(span["rule"].startswith("threat: ") for span in spans)
    matched = [item.body[span["start"] : span["end"]] for span in spans]
    assert matched == ["Je sais où tu habites", "je vais te retrouver"]
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_data(as_text=True)
    assert "habites" not in listing

    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302
    html = moderator.get(f"/console/cases/{case.id}").get_data(as_text=True)
    assert '<mark class="rule-match reason-abusive"' in html and ">Je sais où tu habites</mark>" in html


def test_self_harm_stays_public_and_its_case_is_in_the_safety_lane(app, client, world):
    cry = submit(client, comment("Plus rien ne marche, je vais me suicider ce soir.")).get_json()
    assert cry["status"] == "published"
    item, case = item_and_case(app, cry["id"])
    assert item.hold_reasons == [] and case.reasons == ["safety"]
    assert case.evidence["safety"][0]["rule"].startswith("self-harm: ")
    assert case.priority >= policy.SAFETY_PRIORITY_FLOOR

    # The case page says how to answer someone at risk; a product hazard in the same lane does not get that note.
    fire = submit(client, comment("The charger caught fire on my desk")).get_json()
    _, fire_case = item_and_case(app, fire["id"])
    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302
    assert 'id="self-harm"' in moderator.get(f"/console/cases/{case.id}").get_data(as_text=True)
    assert 'id="self-harm"' not in moderator.get(f"/console/cases/{fire_case.id}").get_data(as_text=True)
    queue = moderator.get("/console/?reason=safety").get_data(as_text=True)
    assert queue.count('class="badge safety-lane self-harm"') == 1 and queue.count('class="badge safety-lane"') == 1


def test_a_name_posing_as_the_brand_is_held_until_a_moderator_decides(app, client, world):
    with app.app_context():
        brand = get_site("shop").name
    fake = {"kind": "comment", "body": "Écrivez-nous pour un remboursement", "author": {"name": f"Support {brand}"}}
    answer = submit(client, fake).get_json()
    assert answer["status"] == "held"
    item, case = item_and_case(app, answer["id"])
    assert item.hold_reasons == ["impersonation"] and case.reasons == ["impersonation"]
    assert submit(client, comment("Le support de la marque m'a rappelé")).get_json()["status"] == "published"


def test_an_imported_post_keeps_its_name_even_the_brands(app, world):
    """An import carries names from where they were written, where the brand's own account may have posted."""
    with app.app_context():
        brand = get_site("shop").name
        rows = [{"site": "shop", "subject": "sku-1", "external_id": "old-1", "kind": "comment", "body": "Merci !",
                 "author": {"name": f"{brand} Support"}, "created_at": "2026-01-10T10:00:00Z"}]  # fmt: skip
        assert import_rows(rows, app.config).created == 1
        item = db.session.query(Item).filter_by(external_id="old-1").one()
        assert item.status == "published" and item.hold_reasons == []


def test_a_moderator_can_start_from_an_answer_for_a_person_at_risk_in_the_customers_language(app, client, world):
    fr = submit(client, {**comment("Plus rien ne marche, je vais me suicider ce soir."), "lang": "fr"}).get_json()
    en = submit(client, comment("Nothing works anymore, I want to kill myself.")).get_json()
    fire = submit(client, comment("The charger caught fire on my desk")).get_json()
    (_, fr_case), (_, en_case), (_, fire_case) = (item_and_case(app, a["id"]) for a in (fr, en, fire))
    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302

    page = moderator.get(f"/console/cases/{fr_case.id}").get_data(as_text=True)
    assert 'id="at-risk-answer"' in page and "3114 (numéro national" not in page  # offered, not filled in
    filled = moderator.get(f"/console/cases/{fr_case.id}?template=at-risk").get_data(as_text=True)
    box = filled.split('id="reply-body"', 1)[1].split("</textarea>", 1)[0]
    assert box.count("Max, nous sommes vraiment désolés") == 1 and "3114" in box and "15 ou le 112" in box
    english = moderator.get(f"/console/cases/{en_case.id}?template=at-risk").get_data(as_text=True)
    box = english.split('id="reply-body"', 1)[1].split("</textarea>", 1)[0]
    assert "Max, we are truly sorry" in box and "988" in box and "116 123" in box

    # Only for a person at risk: a product hazard's page neither offers nor fills it.
    hazard = moderator.get(f"/console/cases/{fire_case.id}?template=at-risk").get_data(as_text=True)
    assert 'id="at-risk-answer"' not in hazard and "truly sorry" not in hazard
