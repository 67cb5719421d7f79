"""The same normalised text from the same author or address within the window is held as a duplicate, and so is a
long text that several authors post word for word (a copy-paste campaign)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Item, Site
from moderation.services.campaigns import HELD_EVENT
from moderation.services.submissions import Submission, create_item
from tests.conftest import ORIGIN, auth, review
from tests.console.conftest import login
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


# A copy-paste campaign: twelve words or more, word for word, from several people (astroturfing, a review bomb).
CAMPAIGN = "Ne perdez pas votre argent, cette marque vend des chaussures qui se décollent au bout d'une semaine."


def test_the_third_author_to_post_the_same_long_text_is_held_with_the_first_copy_as_evidence(app, client, world):
    ids = [
        submit_from(client, review(rating=1, body=CAMPAIGN), address=f"198.51.100.{n}").get_json()["id"]
        for n in range(1, 5)
    ]
    answers = [item_and_case(app, i) for i in ids]
    assert [item.status for item, _ in answers] == ["held"] * 4
    for n, item_id in ((3, ids[2]), (4, ids[3])):
        item, case = item_and_case(app, item_id)
        assert item.hold_reasons == ["duplicate"]
        assert case.evidence["duplicate"] == {"item_id": ids[0], "authors": n}
    # The copies published while each was alone are held when the third shows the campaign: the first points at the
    # copy that revealed it, the second at the first. Their 1★ cases keep waiting for an answer, now about both.
    first, second = answers[0], answers[1]
    assert first[0].hold_reasons == second[0].hold_reasons == ["duplicate"]
    assert first[1].reasons == second[1].reasons == ["low_rating", "duplicate"]
    assert first[1].evidence["duplicate"] == {"item_id": ids[2], "authors": 3}
    assert second[1].evidence["duplicate"] == {"item_id": ids[0], "authors": 3}
    assert client.get("/api/v1/sites/shop/subjects/sku-1", headers={"Origin": ORIGIN}).get_json()["items"] == []


def test_a_campaign_holds_earlier_copies_that_had_no_case_and_leaves_trusted_authors_and_other_texts(
    app, client, world
):
    headers = auth(world.site_token)

    def post(name: str, body: str = CAMPAIGN) -> int:
        payload = review(rating=5, body=body, author={"name": name, "email": f"{name}@example.com"})
        return submit_from(client, payload, headers=headers).get_json()["id"]

    trusted, other_text = post("tia"), post("ola", body=CAMPAIGN.replace("semaine", "saison"))
    with app.app_context():
        author = db.session.get(Item, trusted).author
        author.standing = "trusted"
        db.session.commit()
    first = post("ana")  # the second author of the text (the trusted one counts: they did post it)
    assert item_and_case(app, first)[0].status == "published" and item_and_case(app, first)[1] is None
    revealing = post("bob")  # the third: the campaign shows
    for item_id in (first, revealing):
        item, case = item_and_case(app, item_id)
        assert item.status == "held" and case.reasons == ["duplicate"] and case.state == "open"
    assert item_and_case(app, trusted)[0].status == "published"
    assert item_and_case(app, other_text)[0].status == "published"
    with app.app_context():
        events = db.session.execute(
            select(AuditEvent.target_id).where(AuditEvent.action == HELD_EVENT).order_by(AuditEvent.target_id)
        ).scalars()
        assert list(events) == [first]


def test_server_integrations_count_authors_by_e_mail(app, client, world):
    headers = auth(world.site_token)
    statuses = [
        submit_from(
            client, review(body=CAMPAIGN, author={"name": name, "email": f"{name}@example.com"}), headers=headers
        ).get_json()["status"]
        for name in ("ana", "bob", "cyd")
    ]
    assert statuses == ["published", "published", "held"]


def test_short_texts_that_many_customers_write_are_not_a_campaign(app, client, world):
    short = "Très bonne lampe, livrée vite. Je recommande !"
    statuses = [
        submit_from(client, review(body=short), address=f"198.51.100.{n}").get_json()["status"] for n in range(1, 6)
    ]
    assert statuses == ["published"] * 5


def test_the_campaign_rule_can_be_turned_off(make_app, world):
    client = make_app(CAMPAIGN_MIN_COPIES=0).test_client()
    statuses = [
        submit_from(client, review(body=CAMPAIGN), address=f"198.51.100.{n}").get_json()["status"] for n in range(1, 5)
    ]
    assert statuses == ["published"] * 4


def test_an_import_of_the_brands_history_is_never_a_campaign(app, world):
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        items = [
            create_item(
                site,
                "sku-1",
                Submission(kind="review", body=CAMPAIGN, author_name=f"Client {n}", rating=1),
                external_id=f"old-{n}",
            )
            for n in range(4)
        ]
        db.session.commit()
        assert [item.status for item in items] == ["published"] * 4


def test_a_campaign_leaves_an_imported_copy_public(app, client, world):
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        imported = create_item(
            site, "sku-1", Submission(kind="review", body=CAMPAIGN, author_name="Old", rating=1), external_id="old-1"
        ).id
        db.session.commit()
    for n in range(1, 4):
        submit_from(client, review(body=CAMPAIGN), address=f"198.51.100.{n}")
    assert item_and_case(app, imported)[0].status == "published"


def test_the_moderator_sees_how_many_authors_posted_the_campaign(app, client, world):
    ids = [submit_from(client, review(body=CAMPAIGN), address=f"198.51.100.{n}").get_json()["id"] for n in range(1, 4)]
    case_id = item_and_case(app, ids[2])[1].id
    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302
    page = moderator.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert f"the same text from 3 authors, another copy is item #{ids[0]}" in page
