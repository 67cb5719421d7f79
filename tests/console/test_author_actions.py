"""The author panel's actions (#20): block, always hold, trust — applied to the author's next real submission,
audited, and taken back with "normal"."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Author
from tests.conftest import review, submit
from tests.console.conftest import post
from tests.judgement.helpers import item_and_case

LEA = {"name": "Léa", "email": "lea@example.com"}
FIRE = "FIRE HAZARD. The charger caught fire on my desk. Recall this product!"


def lea_review(rating: int = 5, body: str = "Très bon produit, je recommande", **extra) -> dict:
    return review(rating, body, author=LEA, **extra)


def first_case(app, client) -> int:
    """Lea's first review opens a case (1★ at submit): the page that carries her author panel."""
    item_id = submit(client, lea_review(1, "Arrivé en retard, décevant")).get_json()["id"]
    case = item_and_case(app, item_id)[1]
    assert case is not None
    return case.id


def set_standing(as_client, case_id: int, standing: str, note: str = ""):
    return post(as_client, f"/console/cases/{case_id}/author", {"standing": standing, "note": note})


def standing_events(app) -> list[tuple[str, dict | None, dict | None, int | None]]:
    with app.app_context():
        rows = db.session.execute(
            select(AuditEvent).where(AuditEvent.action == "author.standing").order_by(AuditEvent.id)
        ).scalars()
        return [(e.action, e.before, e.after, e.moderator_id) for e in rows]


def public_bodies(client, subject: str = "sku-1") -> list[str]:
    listing = client.get(f"/api/v1/sites/shop/subjects/{subject}", headers={"Origin": "http://shop.test"})
    return [i["body"] for i in listing.get_json()["items"]]


def test_block_holds_the_next_post_audited_and_normal_takes_it_back(app, client, world, as_ann):
    case_id = first_case(app, client)
    page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert 'id="author-actions"' in page and 'id="author-standing">normal<' in page

    response = set_standing(as_ann, case_id, "blocked", "spams coupon codes")
    assert response.status_code == 302
    assert "Léa is blocked" in as_ann.get(response.headers["Location"]).get_data(as_text=True)
    [(_, before, after, moderator)] = standing_events(app)
    assert before == {"standing": "normal"} and after == {"standing": "blocked", "note": "spams coupon codes"}
    assert moderator is not None

    # A glowing 5★ review with nothing any rule would hold: held all the same, with its own reason.
    held = submit(client, lea_review(5, "Parfait, livraison rapide")).get_json()
    assert held["status"] == "held"
    item, case = item_and_case(app, held["id"])
    assert item.hold_reasons == ["author_blocked"] and case.reasons == ["author_blocked"] and case.state == "open"
    assert case.evidence["author_blocked"]["standing"] == "blocked"
    assert "Parfait, livraison rapide" not in public_bodies(client)
    html = as_ann.get(f"/console/cases/{case.id}").get_data(as_text=True)
    assert "Blocked author" in html and 'id="approve"' in html

    # Reversible: back to normal, audited, and the next post is published again.
    set_standing(as_ann, case_id, "normal")
    assert [e[2]["standing"] for e in standing_events(app)] == ["blocked", "normal"]
    again = submit(client, lea_review(5, "Deuxième commande, toujours parfait")).get_json()
    assert again["status"] == "published" and item_and_case(app, again["id"])[1] is None


def test_approving_a_blocked_authors_post_publishes_it_and_closes_the_case(app, client, world, as_ann):
    case_id = first_case(app, client)
    set_standing(as_ann, case_id, "blocked")
    held = submit(client, lea_review(4, "Correct pour le prix")).get_json()
    held_case = item_and_case(app, held["id"])[1]
    assert post(as_ann, f"/console/cases/{held_case.id}/approve").status_code == 302
    item, case = item_and_case(app, held["id"])
    assert item.status == "published" and case.state == "resolved" and case.reasons == []
    assert "Correct pour le prix" in public_bodies(client)


def test_always_hold_holds_with_its_own_reason_and_keeps_the_rules_reasons(app, client, world, as_ann):
    case_id = first_case(app, client)
    set_standing(as_ann, case_id, "always_hold")
    clean = submit(client, lea_review(5, "Très bien")).get_json()
    linked = submit(client, lea_review(2, "Moins cher sur cheapstuff(dot)com !")).get_json()
    assert clean["status"] == linked["status"] == "held"
    assert item_and_case(app, clean["id"])[1].reasons == ["author_held"]
    item, case = item_and_case(app, linked["id"])
    assert item.hold_reasons == ["links", "author_held"] and case.reasons == ["links", "author_held", "low_rating"]


def test_trusted_skips_the_holding_rules_but_never_the_safety_lane(app, client, world, as_ann):
    case_id = first_case(app, client)
    # Before: a link holds Lea's review like anyone's.
    assert submit(client, lea_review(5, "Le mode d'emploi est sur cheapstuff(dot)com")).get_json()["status"] == "held"

    set_standing(as_ann, case_id, "trusted", "brand ambassador")
    linked = submit(client, lea_review(5, "Le guide est sur cheapstuff(dot)com, très utile")).get_json()
    assert linked["status"] == "published" and item_and_case(app, linked["id"])[1] is None
    with app.app_context():
        author_id = db.session.execute(select(Author.id).where(Author.email == LEA["email"])).scalar_one()
        skipped = (
            db.session.execute(
                select(AuditEvent.after).where(
                    AuditEvent.action == "author.trust_skipped", AuditEvent.target_id == author_id
                )
            )
            .scalars()
            .all()
        )
    assert skipped == [{"reasons": ["links"]}]

    # The safety lane is not a hold: it still opens its case, at the top of the queue, item public.
    fire = submit(client, lea_review(4, FIRE)).get_json()
    item, case = item_and_case(app, fire["id"])
    assert fire["status"] == "published" and case.reasons[0] == "safety" and case.priority >= 90
    # Stars still ask for an answer: trust is about holds, never about reply moderation.
    low = submit(client, lea_review(1, "Déçue cette fois")).get_json()
    assert item_and_case(app, low["id"])[1].reasons == ["low_rating"]
    # Someone's phone number is still held (personal data is not the author's to publish).
    phone = submit(client, lea_review(3, "Appelez le vendeur au 06 12 34 56 78")).get_json()
    assert phone["status"] == "held" and item_and_case(app, phone["id"])[0].hold_reasons == ["personal_data"]


def test_refusals_name_the_problem_and_other_sites_see_nothing(app, client, world, as_ann, as_olga):
    case_id = first_case(app, client)
    bad = as_ann.get(set_standing(as_ann, case_id, "banished").headers["Location"]).get_data(as_text=True)
    assert "Choose a standing" in bad
    assert as_olga.post(f"/console/cases/{case_id}/author", data={"standing": "blocked"}).status_code == 400  # no CSRF
    assert set_standing(as_olga, case_id, "blocked").status_code == 404
    anonymous = submit(client, review(1, "Nul, vraiment nul")).get_json()
    anonymous_case = item_and_case(app, anonymous["id"])[1]
    html = as_ann.get(f"/console/cases/{anonymous_case.id}").get_data(as_text=True)
    assert 'id="author-actions"' not in html  # nothing to apply it to: each anonymous item is its own author
    refused = set_standing(as_ann, anonymous_case.id, "blocked")
    assert "an author without an e-mail" in as_ann.get(refused.headers["Location"]).get_data(as_text=True)
    assert standing_events(app) == []
