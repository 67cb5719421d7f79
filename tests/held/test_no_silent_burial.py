"""A held item leaves the queue only by approve or reject: resolve, dismiss and reply are refused on it, in the
services, the API, bulk actions and the console (DESIGN.md, "Invariants"; issue #12, "No silent burial")."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Item, Moderator, Reply
from moderation.services import bulk as bulk_service
from moderation.services import case_queue
from moderation.services import cases as case_service
from moderation.services.errors import Conflict
from tests.conftest import auth, review, run_worker, submit
from tests.console.conftest import login
from tests.console.conftest import post as console_post


def held_case(app, client, body: str = "Commandez sur http://pas-cher.example/promo", rating: int = 4) -> int:
    """A review a content rule holds at submit; its case opens in the same request, no worker needed."""
    item = submit(client, review(rating, body)).get_json()
    with app.app_context():
        assert db.session.get(Item, item["id"]).status == "held"
        return db.session.execute(db.select(Case.id).where(Case.item_id == item["id"])).scalar_one()


def state_and_status(app, case_id: int) -> tuple[str, str]:
    with app.app_context():
        case = db.session.get(Case, case_id)
        return case.state, case.item.status


def ann(app) -> Moderator:
    return db.session.execute(db.select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()


# -- services --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "close", [case_service.resolve, case_service.dismiss, lambda m, c: case_service.reply(m, c, "Merci !")]
)
def test_the_services_refuse_to_close_a_case_on_a_held_item(app, client, world, close):
    case_id = held_case(app, client)
    with app.app_context():
        case = db.session.get(Case, case_id)
        with pytest.raises(Conflict) as refused:
            close(ann(app), case)
        assert refused.value.code == "held_item"
        assert "approve" in refused.value.message and "reject" in refused.value.message
        db.session.rollback()
        # Refused before anything happened: no claim taken, no reply written.
        assert db.session.get(Case, case_id).claimed_by_id is None
        assert db.session.execute(db.select(Reply)).first() is None
    assert state_and_status(app, case_id) == ("open", "held")


def test_escalating_a_held_item_keeps_it_in_the_queue(app, client, world):
    case_id = held_case(app, client)
    with app.app_context():
        case_service.escalate(ann(app), db.session.get(Case, case_id), "légal ?")
        db.session.commit()
    assert state_and_status(app, case_id) == ("escalated", "held")


def test_after_approval_the_reply_reasons_are_answered_and_the_case_closes(app, client, world):
    case_id = held_case(app, client, body="Nul, cassé. Voir mon blog http://monblog.example", rating=1)
    run_worker(app)  # the low rating's reply reason joins the case when the item is scored
    with app.app_context():
        case = db.session.get(Case, case_id)
        case_service.approve(ann(app), case)
        assert case.state == "open" and case.item.status == "published"
        case_service.reply(ann(app), case, "Bonjour, nous vous contactons.")
        db.session.commit()
    assert state_and_status(app, case_id) == ("answered", "published")


# -- API ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "payload"), [("resolve", None), ("dismiss", {"note": "rien"}), ("reply", {"body": "Merci"})]
)
def test_the_api_answers_409_held_item_telling_to_approve_or_reject(app, client, world, action, payload):
    case_id = held_case(app, client)
    response = client.post(f"/api/v1/cases/{case_id}/{action}", json=payload, headers=auth(world.moderator_token))
    assert response.status_code == 409
    error = response.get_json()["error"]
    assert error["code"] == "held_item"
    assert "approve" in error["message"] and "reject" in error["message"]
    assert state_and_status(app, case_id) == ("open", "held")


def test_the_api_document_says_which_actions_a_held_item_refuses(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    for action in ("resolve", "dismiss", "reply"):
        operation = paths[f"/api/v1/cases/{{id}}/{action}"]["post"]
        assert "409" in operation["responses"] and "held_item" in operation["description"], action
    assert "held_item" not in (paths["/api/v1/cases/{id}/approve"]["post"].get("description") or "")


def test_the_api_still_approves_and_rejects_held_items(app, client, world):
    approved, rejected = held_case(app, client), held_case(app, client, body="Voir http://autre.example/x")
    token = auth(world.moderator_token)
    assert client.post(f"/api/v1/cases/{approved}/approve", headers=token).get_json()["state"] == "resolved"
    response = client.post(f"/api/v1/cases/{rejected}/reject", json={"reason": "links"}, headers=token)
    assert response.get_json()["state"] == "resolved"
    assert state_and_status(app, approved) == ("resolved", "published")
    assert state_and_status(app, rejected) == ("resolved", "removed")


# -- bulk ----------------------------------------------------------------------------------------------------------


@pytest.fixture
def published_and_held(app, client, world) -> tuple[list[int], list[int]]:
    """Two ordinary 5★ cases on sku-1 reported as negative, and two held ones on the same product."""
    from tests.console.conftest import seed_case

    held = [held_case(app, client, body=f"Commandez sur http://pas-cher.example/{n}") for n in range(2)]
    with app.app_context():
        published = [seed_case("shop", "sku-1", rating=5, reasons=["negative_text"]).id for _ in range(2)]
        db.session.commit()
    return published, held


@pytest.mark.parametrize("action", ["resolve", "dismiss"])
def test_bulk_close_skips_held_items_and_counts_them(app, published_and_held, action):
    published, held = published_and_held
    with app.app_context():
        moderator = ann(app)
        filters = case_queue.QueueFilters(subject="sku-1")
        shown = bulk_service.preview(moderator, filters)
        assert (shown.count, shown.held) == (4, 2)
        result = bulk_service.apply(moderator, filters, action, expected=4)
        db.session.commit()
        assert (result.done, len(result.skipped), result.held) == (2, 2, 2)
        assert sorted(case_id for case_id, _ in result.skipped) == sorted(held)
        run = db.session.get(AuditEvent, result.bulk_id)
        assert run.after["skipped_held"] == 2
    assert [state_and_status(app, i) for i in held] == [("open", "held")] * 2
    assert {state_and_status(app, i)[0] for i in published} == {"resolved" if action == "resolve" else "dismissed"}


def test_bulk_escalate_still_covers_held_items(app, published_and_held):
    _published, held = published_and_held
    with app.app_context():
        result = bulk_service.apply(ann(app), case_queue.QueueFilters(subject="sku-1"), "escalate", expected=4)
        db.session.commit()
        assert (result.done, result.held) == (4, 0)
    assert [state_and_status(app, i) for i in held] == [("escalated", "held")] * 2


def test_the_bulk_pages_say_how_many_held_items_are_skipped_and_why(app, published_and_held):
    client = app.test_client()
    login(client, "ann@shop.test", "password-ann")
    preview = client.get("/console/bulk", query_string={"subject": "sku-1", "preview": "1"}).get_data(as_text=True)
    assert 'data-count="4"' in preview and 'data-held="2"' in preview
    assert "2 of these cases are on held items: resolve and dismiss skip them" in preview
    response = console_post(client, "/console/bulk", {"subject": "sku-1", "action": "resolve", "expected": "4"})
    run = client.get(response.location).get_data(as_text=True)
    assert "2 cases changed, 2 skipped." in run
    assert "2 held items were left in the queue: only approving or rejecting a held item closes its case." in run


# -- console (server side; the browser test drives the page) ------------------------------------------------------


def test_the_console_case_page_of_a_held_item_offers_only_approve_and_reject(app, client, world):
    case_id = held_case(app, client)
    console = app.test_client()
    login(console, "ann@shop.test", "password-ann")
    page = console.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert f"/console/cases/{case_id}/approve" in page and f"/console/cases/{case_id}/reject" in page
    for gone in ("resolve", "dismiss", "reply"):
        assert f"/console/cases/{case_id}/{gone}" not in page, gone
    assert 'data-shortcut="e"' not in page and 'data-shortcut="d"' not in page
    assert "Only a decision on the item closes this case" in page


@pytest.mark.parametrize("action", ["resolve", "dismiss", "reply"])
def test_a_console_post_that_would_bury_a_held_item_is_refused_with_a_message(app, client, world, action):
    case_id = held_case(app, client)
    console = app.test_client()
    login(console, "ann@shop.test", "password-ann")
    response = console_post(console, f"/console/cases/{case_id}/{action}", {"body": "Merci", "note": ""})
    page = response.get_data(as_text=True) if response.status_code != 302 else console.get(response.location).text
    assert "approve it (then reply if needed) or reject it with a reason" in page
    assert state_and_status(app, case_id) == ("open", "held")
