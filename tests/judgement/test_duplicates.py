"""The same normalised text from the same author or address within the window is held as a duplicate."""

from __future__ import annotations

from datetime import timedelta

from moderation.extensions import db
from moderation.models import Item
from tests.conftest import auth, review
from tests.judgement.helpers import item_and_case, submit_from

TEXT = "Très bonne lampe, livrée vite. Je recommande !"


def test_the_same_text_from_the_same_address_is_held_with_the_first_as_evidence(app, client, world):
    first = submit_from(client, review(body=TEXT)).get_json()
    again = submit_from(client, review(body="tres BONNE lampe livree vite... je recommande")).get_json()
    assert first["status"] == "published" and again["status"] == "held"
    item, case = item_and_case(app, again["id"])
    assert item.hold_reasons == ["duplicate"] and case.evidence["duplicate"] == {"item_id": first["id"]}
    assert item.fingerprint == item_and_case(app, first["id"])[0].fingerprint


def test_the_same_text_from_another_address_and_no_e_mail_is_not_a_duplicate(app, client, world):
    submit_from(client, review(body=TEXT), address="198.51.100.1")
    assert submit_from(client, review(body=TEXT), address="198.51.100.2").get_json()["status"] == "published"


def test_a_server_integration_ties_duplicates_by_e_mail_not_by_its_own_address(app, client, world):
    headers = auth(world.site_token)
    lea = {"name": "Lea", "email": "lea@example.com"}
    assert submit_from(client, review(body=TEXT, author=lea), headers=headers).get_json()["status"] == "published"
    other = {"name": "Max", "email": "max@example.com"}
    assert submit_from(client, review(body=TEXT, author=other), headers=headers).get_json()["status"] == "published"
    assert submit_from(client, review(body=TEXT, author=lea), headers=headers).get_json()["status"] == "held"


def test_after_the_window_the_same_text_is_welcome_again(make_app, world):
    app = make_app(DUPLICATE_WINDOW_HOURS=2)
    client = app.test_client()
    first = submit_from(client, review(body=TEXT)).get_json()
    with app.app_context():
        item = db.session.get(Item, first["id"])
        item.created_at -= timedelta(hours=3)
        db.session.commit()
    assert submit_from(client, review(body=TEXT)).get_json()["status"] == "published"
    assert submit_from(client, review(body=TEXT)).get_json()["status"] == "held"
