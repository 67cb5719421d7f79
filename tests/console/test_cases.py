"""Working a case from the console: claim, reply, close, held items, notes; the queue's filters and pages."""

from __future__ import annotations

import re
from datetime import timedelta

from moderation.extensions import db
from moderation.models import AuditEvent, Case, CaseNote, Item, Moderator, Site, utcnow
from moderation.services import case_queue
from tests.conftest import review, submit
from tests.console.conftest import flagged, post, seed_case


def case_ids_in(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'class="case-link">(\d+)<', html)]


def test_queue_lists_waiting_cases_most_urgent_first(as_ann, shop_cases):
    html = as_ann.get("/console/").get_data(as_text=True)
    ids = case_ids_in(html)
    assert set(ids) == set(shop_cases["shop"])
    assert ids[0] == shop_cases["shop"][0]  # the 1-star negative review
    assert "3 cases" in html


def test_next_opens_the_top_case(as_ann, shop_cases):
    response = as_ann.get("/console/next")
    assert response.location == f"/console/cases/{shop_cases['shop'][0]}"


def test_claim_then_a_second_moderator_is_refused_and_sees_the_holder(app, as_ann, as_bob, shop_cases):
    case_id = shop_cases["shop"][0]
    assert post(as_ann, f"/console/cases/{case_id}/claim").status_code == 302
    page = as_bob.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "Ann holds this case until" in page
    refused = as_bob.get(post(as_bob, f"/console/cases/{case_id}/claim").location).get_data(as_text=True)
    assert "Ann holds this case until" in refused
    response = post(as_bob, f"/console/cases/{case_id}/reply", {"body": "Bob answers too"})
    assert response.status_code == 409
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.claimed_by.name == "Ann" and case.state == "claimed"
        assert not case.item.replies


def test_an_expired_claim_returns_to_the_queue(app, as_ann, as_bob, shop_cases):
    case_id = shop_cases["shop"][0]
    post(as_ann, f"/console/cases/{case_id}/claim")
    assert case_id not in case_ids_in(as_bob.get("/console/").get_data(as_text=True))
    with app.app_context():
        db.session.get(Case, case_id).claim_expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert case_id in case_ids_in(as_bob.get("/console/").get_data(as_text=True))
    post(as_bob, f"/console/cases/{case_id}/claim")
    with app.app_context():
        assert db.session.get(Case, case_id).claimed_by.name == "Bob"


def test_reply_is_public_at_once_and_audited(app, client, as_ann, shop_cases):
    case_id = shop_cases["shop"][0]
    post(as_ann, f"/console/cases/{case_id}/claim")
    response = post(as_ann, f"/console/cases/{case_id}/reply", {"body": "Nous sommes désolés, <b>Lea</b>."})
    assert response.status_code == 302
    assert response.location.startswith("/console/cases/")  # straight on to the next waiting case
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()
    replies = [r for item in listing["items"] for r in item["replies"]]
    assert [r["body"] for r in replies] == ["Nous sommes désolés, <b>Lea</b>."]
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.state == "answered" and case.first_answered_at is not None
        actions = db.session.execute(
            db.select(AuditEvent.action).where(AuditEvent.target_id == case_id, AuditEvent.target_type == "case")
        ).scalars()
        assert "case.answered" in list(actions)
    page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "Nous sommes désolés, &lt;b&gt;Lea&lt;/b&gt;." in page


def test_an_empty_reply_is_refused_with_a_message(app, as_ann, shop_cases):
    response = post(as_ann, f"/console/cases/{shop_cases['shop'][0]}/reply", {"body": "   "})
    assert response.status_code == 422
    assert "A reply needs a text" in response.get_data(as_text=True)


def test_reply_templates_in_the_customer_language_come_first_and_fill_the_name(app, as_ann, shop_cases):
    with app.app_context():
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        site.reply_templates = [
            {"name": "Sorry", "lang": "en", "body": "Dear {name}, we are sorry."},
            {"name": "Désolé", "lang": "fr", "body": "Bonjour {name}, nous sommes désolés."},
        ]
        db.session.commit()
    case_id = shop_cases["shop"][0]  # written in French
    page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    options = re.findall(r'<option value="(\d)" data-body="([^"]*)">', page)
    assert options == [("1", "Bonjour Lea, nous sommes désolés."), ("0", "Dear Lea, we are sorry.")]
    filled = as_ann.get(f"/console/cases/{case_id}?template=1").get_data(as_text=True)
    assert ">Bonjour Lea, nous sommes désolés.</textarea>" in filled


def test_resolve_dismiss_escalate_close_the_case_with_the_note(app, as_ann, shop_cases):
    first, second, third = shop_cases["shop"]
    post(as_ann, f"/console/cases/{first}/resolve", {"note": "handled by phone"})
    post(as_ann, f"/console/cases/{second}/dismiss")
    post(as_ann, f"/console/cases/{third}/escalate", {"note": "legal"})
    with app.app_context():
        assert [db.session.get(Case, i).state for i in (first, second, third)] == ["resolved", "dismissed", "escalated"]
        note = db.session.execute(
            db.select(AuditEvent.after).where(AuditEvent.action == "case.resolved", AuditEvent.target_id == first)
        ).scalar_one()
        assert note["note"] == "handled by phone"
    closed = as_ann.get(f"/console/cases/{first}").get_data(as_text=True)
    assert "This case is closed." in closed and "handled by phone" in closed


def test_held_items_are_approved_or_rejected_with_a_reason(app, client, as_ann, world):
    held = [submit(client, review(4, f"Voir http://spam.example/{n}")).get_json()["id"] for n in range(2)]
    with app.app_context():
        cases = [db.session.execute(db.select(Case.id).where(Case.item_id == i)).scalar_one() for i in held]
    page = as_ann.get(f"/console/cases/{cases[0]}").get_data(as_text=True)
    assert "This item is held" in page and "http://spam.example/0" in page
    post(as_ann, f"/console/cases/{cases[0]}/approve")
    post(as_ann, f"/console/cases/{cases[1]}/reject", {"reason": "links"})
    with app.app_context():
        assert db.session.get(Item, held[0]).status == "published"
        rejected = db.session.get(Item, held[1])
        assert rejected.status == "removed" and rejected.rejection_reason == "links"
    assert post(as_ann, f"/console/cases/{cases[0]}/reject", {"reason": "not-a-code"}).status_code == 302


def test_internal_notes_stay_internal(app, client, as_ann, shop_cases):
    case_id = shop_cases["shop"][0]
    post(as_ann, f"/console/cases/{case_id}/notes", {"body": "Customer called twice"})
    page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "Customer called twice" in page and "case.noted" in page
    assert "Customer called twice" not in client.get("/api/v1/sites/shop/subjects/sku-1").get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(CaseNote.body)).scalar_one() == "Customer called twice"


def test_case_page_shows_evidence_product_reviews_author_history_and_timeline(app, client, as_ann, world):
    author = {"name": "Marc", "email": "marc@example.com"}
    ids = flagged(
        app,
        client,
        [
            ("sku-5", review(1, "Arrivé cassé, horrible", author=author)),
            ("sku-6", review(2, "Décevant, terrible", author=author)),
            ("sku-5", review(5, "Super produit")),
        ],
    )
    page = as_ann.get(f"/console/cases/{ids[0]}").get_data(as_text=True)
    assert "model says negative, p(negative) = 0.95" in page and "stub-keyword-1" in page
    history = page.split('id="author-history"')[1].split("</section>")[0]
    assert "Décevant, terrible" in history and "Super produit" not in history
    product = page.split('id="product-reviews"')[1].split("</section>")[0]
    assert "Super produit" in product and "Décevant" not in product
    assert "case.opened" in page.split('id="timeline"')[1]


def test_queue_filters_and_search(app, as_ann, world):
    with app.app_context():
        a = seed_case("shop", "sku-a", rating=1, reasons=["low_rating"], lang="fr", body="Colis abîmé").id
        b = seed_case("shop", "sku-b", rating=5, reasons=["rating_text_mismatch"], lang="en", body="Great, 100%_off").id
        c = seed_case("shop", "sku-a", rating=2, reasons=["negative_text"], lang="fr-ca", title="Délai dépassé").id
        db.session.commit()

    def ids(query: str) -> set[int]:
        return set(case_ids_in(as_ann.get("/console/?" + query).get_data(as_text=True)))

    assert ids("") == {a, b, c}
    assert ids("reason=rating_text_mismatch") == {b}
    assert ids("rating=1") == {a}
    assert ids("lang=fr") == {a, c}
    assert ids("subject=sku-a") == {a, c}
    assert ids("q=ABÎMÉ") | ids("q=abîmé") == {a}
    assert ids("q=DÉLAI") | ids("q=délai") == {c}  # title too
    assert ids("q=100%25_") == {b}  # LIKE wildcards are matched literally
    assert ids("q=%25") == {b}
    assert ids("rating=9&reason=nonsense&state=bogus") == {a, b, c}  # bad values are ignored
    post(as_ann, f"/console/cases/{a}/claim")
    assert ids("state=mine") == {a}
    assert ids("state=active") == {a, b, c}


def test_keyset_pages_cover_every_waiting_case_once_in_order(app, world):
    with app.app_context():
        now = utcnow()
        for n in range(23):
            seed_case("shop", f"sku-{n % 4}", priority=n % 5 * 10, created_at=now - timedelta(minutes=n % 3))
        db.session.commit()
        ann = db.session.execute(db.select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        seen, cursor = [], None
        while True:
            page = case_queue.page(ann, case_queue.QueueFilters(), cursor, per_page=5)
            assert page.total == 23
            seen.extend(page.cases)
            cursor = page.next_cursor
            if cursor is None:
                break
        keys = [(-c.priority, c.due_at, c.id) for c in seen]
        assert len({c.id for c in seen}) == 23 and keys == sorted(keys)
        previous_id, next_id = case_queue.neighbours(ann, seen[7])
        assert (previous_id, next_id) == (seen[6].id, seen[8].id)


def test_the_queue_says_more_than_the_cap_instead_of_counting_everything(app, as_ann, world, monkeypatch):
    monkeypatch.setattr(case_queue, "COUNT_CAP", 3)
    with app.app_context():
        for _ in range(5):
            seed_case("shop", "sku-1")
        db.session.commit()
    html = as_ann.get("/console/").get_data(as_text=True)
    assert "more than 3 cases" in html and len(case_ids_in(html)) == 5


def test_htmx_filter_requests_get_only_the_results(as_ann, shop_cases):
    html = as_ann.get("/console/?rating=1", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert html.lstrip().startswith('<section id="queue-results"') and "<html" not in html
