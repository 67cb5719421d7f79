"""Decisions from the queue's rows (#20) without script: a plain POST, a redirect to the same filtered page,
the same rules, audit and undo as the case page."""

from __future__ import annotations

import re

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Item
from tests.conftest import review, submit
from tests.console.conftest import post
from tests.judgement.helpers import item_and_case

PHONE = "Appelez le vendeur au 06 12 34 56 78"  # personal data: held at submit, its case opens with it


def held_and_simple(client) -> tuple[int, int]:
    """A held review (personal data) and a published 1★ review waiting for an answer; their case ids."""
    held = submit(client, review(4, PHONE)).get_json()
    low = submit(client, review(1, "Arrivé en retard, décevant")).get_json()
    assert held["status"] == "held" and low["status"] == "published"
    ids = []
    for item_id in (held["id"], low["id"]):
        with client.application.app_context():
            ids.append(db.session.execute(select(Case.id).where(Case.item_id == item_id)).scalar_one())
    return ids[0], ids[1]


def row_of(html: str, case_id: int) -> str:
    match = re.search(rf'<tr data-nav-row data-case-id="{case_id}".*?</tr>', html, re.S)
    assert match, f"no row for case {case_id}"
    return match.group(0)


def test_rows_offer_the_decisions_the_case_allows(app, client, world, as_ann):
    held_id, low_id = held_and_simple(client)
    fire = submit(client, review(4, "FIRE HAZARD. The charger caught fire on my desk.")).get_json()
    fire_case = item_and_case(app, fire["id"])[1]
    html = as_ann.get("/console/").get_data(as_text=True)
    held_row, low_row, fire_row = row_of(html, held_id), row_of(html, low_id), row_of(html, fire_case.id)
    # A held item: approve or reject, never dismiss (its case closes only by a decision on the item).
    assert 'data-row-action="approve"' in held_row and 'data-row-action="reject"' in held_row
    assert 'data-row-action="dismiss"' not in held_row and 'name="reason"' in held_row
    assert 'data-row-action="dismiss"' in low_row and 'data-row-action="approve"' not in low_row
    assert "data-row-action" not in fire_row  # the safety lane is read on its page, never decided from a row
    assert held_row.count('name="csrf_token"') == 2 and low_row.count('name="csrf_token"') == 1


def test_approve_from_the_list_without_script_then_undo(app, client, world, as_ann):
    held_id, low_id = held_and_simple(client)
    response = post(as_ann, f"/console/queue/{held_id}/approve?reason=personal_data")
    # Back to the same filtered queue view, which no longer lists the decided case.
    assert response.status_code == 302 and response.location == "/console/?reason=personal_data"
    with app.app_context():
        case = db.session.get(Case, held_id)
        assert case.item.status == "published" and case.state == "resolved"
        event = db.session.execute(
            select(AuditEvent).where(AuditEvent.target_id == held_id, AuditEvent.action == "item.approved")
        ).scalar_one()
        assert event.before["item_status"] == "held" and event.after["item_status"] == "published"
    page = as_ann.get(response.location).get_data(as_text=True)
    assert f"Case #{held_id}: item published." in page and f'data-case-id="{held_id}"' not in page
    undo = re.search(r'<form method="post" action="([^"]+)" class="undo"', page).group(1).replace("&amp;", "&")
    assert "back=queue" in undo and "reason=personal_data" in undo
    response = post(as_ann, undo)
    assert response.status_code == 302 and response.location == "/console/?reason=personal_data"
    with app.app_context():
        case = db.session.get(Case, held_id)
        # as it was just before the approve: held, and claimed by Ann (the approve claimed it on the way)
        assert case.item.status == "held" and case.state == "claimed" and case.claimed_by.name == "Ann"
    assert f'data-case-id="{held_id}"' in as_ann.get(response.location).get_data(as_text=True)


def test_reject_and_dismiss_from_the_list_keep_the_page(app, client, world, as_ann):
    held_id, low_id = held_and_simple(client)
    response = post(as_ann, f"/console/queue/{held_id}/reject?site=shop", {"reason": "personal_data"})
    assert response.location == "/console/?site=shop"
    response = post(as_ann, f"/console/queue/{low_id}/dismiss?site=shop&after=abc")
    assert response.location == "/console/?site=shop&after=abc"  # the same page of the same view
    with app.app_context():
        rejected = db.session.get(Case, held_id)
        assert rejected.item.status == "removed" and rejected.item.rejection_reason == "personal_data"
        assert db.session.get(Case, low_id).state == "dismissed"
        actions = set(
            db.session.execute(select(AuditEvent.action).where(AuditEvent.target_id.in_([held_id, low_id]))).scalars()
        )
        assert {"item.rejected", "case.dismissed"} <= actions


def test_the_services_rules_hold_for_a_forged_row_post(app, client, world, as_ann):
    held_id, low_id = held_and_simple(client)
    # Dismissing a held item's case would bury it: refused, nothing changed, the reason said on the queue.
    response = post(as_ann, f"/console/queue/{held_id}/dismiss")
    assert response.status_code == 302
    assert "Only that decision closes its case" in as_ann.get("/console/").get_data(as_text=True)
    response = post(as_ann, f"/console/queue/{low_id}/approve")
    assert "the item is not held" in as_ann.get(response.location).get_data(as_text=True)
    # A reject needs a reason the author is shown.
    refused = post(as_ann, f"/console/queue/{held_id}/reject?site=shop", {"reason": "because"})
    assert refused.status_code == 422 and "Reject: choose a reason from the list." in refused.get_data(as_text=True)
    assert f'data-case-id="{held_id}"' in refused.get_data(as_text=True)  # the same queue view, case still there
    with app.app_context():
        assert db.session.get(Case, held_id).state == "open" and db.session.get(Case, low_id).state == "open"
        assert db.session.get(Item, db.session.get(Case, held_id).item_id).status == "held"
    # Another site's moderator cannot reach the case at all.
    assert post(as_ann, "/console/queue/999999/approve").status_code == 404


def test_a_row_decision_without_csrf_is_refused(app, client, world, as_ann):
    held_id, low_id = held_and_simple(client)
    for path, data in (
        (f"/console/queue/{held_id}/approve", {}),
        (f"/console/queue/{held_id}/reject", {"reason": "spam"}),
        (f"/console/queue/{low_id}/dismiss", {"csrf_token": "forged"}),
    ):
        response = as_ann.post(path, data=data)
        assert response.status_code == 400 and b"CSRF" in response.data
    with app.app_context():
        assert db.session.get(Case, held_id).state == "open" and db.session.get(Case, low_id).state == "open"
        assert db.session.execute(select(AuditEvent).where(AuditEvent.moderator_id.is_not(None))).first() is None


def test_with_htmx_the_redirect_answers_with_the_fragment_and_the_undo_out_of_band(app, client, world, as_ann):
    held_id, low_id = held_and_simple(client)
    post(as_ann, f"/console/queue/{low_id}/dismiss?site=shop")
    fragment = as_ann.get("/console/?site=shop", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment and f'data-case-id="{low_id}"' not in fragment
    flashes = re.search(r'<div class="flashes" id="flashes" role="status" hx-swap-oob="true">.*?</div>', fragment, re.S)
    assert (
        flashes and "dismissed as a false alarm" in flashes.group(0) and 'hx-post="/console/cases/' in flashes.group(0)
    )
    # The next refresh has nothing new to say: it leaves the flashes (and the undo button) alone.
    again = as_ann.get("/console/?site=shop", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert 'id="flashes"' not in again


def test_customer_names_and_texts_are_bidi_isolates_in_the_queue_and_on_the_case(app, client, world, as_ann):
    # A right-to-left override (U+202E) in a name must end with the name, not turn the rest of the row around.
    rlo = "\u202e"
    item = submit(client, review(1, f"Nul{rlo} vraiment", author={"name": f"Mallory{rlo}"})).get_json()
    case_id = item_and_case(app, item["id"])[1].id
    row = row_of(as_ann.get("/console/").get_data(as_text=True), case_id)
    assert f"<bdi>Mallory{rlo}</bdi>" in row and f"<bdi>Nul{rlo} vraiment</bdi>" in row
    page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert re.search(rf'<span class="author" dir="auto">\s*Mallory{rlo}', page)
    assert re.search(rf'<p class="item-body" dir="auto">\s*Nul{rlo} vraiment', page)
