"""A moderator's day (#20): navigation that follows the queue view, undo for single actions, imports that are not
overdue on arrival, accent-insensitive search, and relative due dates."""

from __future__ import annotations

import re

import pytest

from moderation.extensions import db
from moderation.models import AuditEvent, Case
from tests.console.conftest import post, seed_case


def case_ids_in(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'class="case-link">(\d+)<', html)]


def link(html: str, rel: str) -> str | None:
    match = re.search(rf'<a href="([^"]+)" data-shortcut="[jk]" rel="{rel}"', html)
    return match.group(1).replace("&amp;", "&") if match else None


@pytest.fixture
def three(app, world):
    """Three waiting shop cases in queue order: a 1★ (60), a 5★ with a negative text (55), another 1★ (50)."""
    with app.app_context():
        first = seed_case("shop", "sku-1", rating=1, priority=60).id
        middle = seed_case("shop", "sku-2", rating=5, reasons=["negative_text"], priority=55).id
        last = seed_case("shop", "sku-3", rating=1, priority=50).id
        db.session.commit()
    return first, middle, last


def test_j_and_k_follow_the_filter_carried_in_the_url(as_ann, three):
    first, middle, last = three
    queue = as_ann.get("/console/?rating=1").get_data(as_text=True)
    assert case_ids_in(queue) == [first, last]
    assert f'/console/cases/{first}?rating=1"' in queue  # the row carries the view into the case page
    page = as_ann.get(f"/console/cases/{first}?rating=1").get_data(as_text=True)
    assert link(page, "next") == f"/console/cases/{last}?rating=1"  # not the 5★ case in between
    page = as_ann.get(f"/console/cases/{last}?rating=1").get_data(as_text=True)
    assert link(page, "prev") == f"/console/cases/{first}?rating=1"
    assert 'href="/console/?rating=1"' in page  # back to the same queue view
    # without a filter, j/k walk the whole queue
    assert link(as_ann.get(f"/console/cases/{first}").get_data(as_text=True), "next") == f"/console/cases/{middle}"


def test_next_case_after_a_close_stays_in_the_view(as_ann, three):
    first, _middle, last = three
    response = post(as_ann, f"/console/cases/{first}/dismiss?rating=1")
    assert response.location == f"/console/cases/{last}?rating=1"
    assert as_ann.get("/console/next?rating=1").location == f"/console/cases/{last}?rating=1"


def test_my_claims_stay_reachable_and_the_views_split_them(app, as_ann, as_bob, three):
    first, middle, last = three
    post(as_ann, f"/console/cases/{first}/claim")
    # Ann's default view keeps the case she holds, so k from the next case comes back to it
    assert case_ids_in(as_ann.get("/console/").get_data(as_text=True)) == [first, middle, last]
    assert link(as_ann.get(f"/console/cases/{middle}").get_data(as_text=True), "prev") == f"/console/cases/{first}"
    assert case_ids_in(as_ann.get("/console/?state=mine").get_data(as_text=True)) == [first]
    assert case_ids_in(as_ann.get("/console/?state=unassigned").get_data(as_text=True)) == [middle, last]
    # Bob does not see Ann's live claim as waiting
    assert case_ids_in(as_bob.get("/console/").get_data(as_text=True)) == [middle, last]
    html = as_ann.get("/console/").get_data(as_text=True)
    assert "My queue" in html and "Unassigned" in html


def undo_url(html: str) -> str:
    match = re.search(r'<form method="post" action="([^"]+)" class="undo"', html)
    assert match, "no undo offer"
    return match.group(1).replace("&amp;", "&")


@pytest.mark.parametrize("action", ["dismiss", "resolve", "escalate", "claim"])
def test_a_single_action_can_be_undone_and_is_audited(app, as_ann, three, action):
    first, _middle, _last = three
    landed = as_ann.get(post(as_ann, f"/console/cases/{first}/{action}?rating=1").location).get_data(as_text=True)
    url = undo_url(landed)
    assert url.endswith("?rating=1")
    assert 'class="undo"' not in as_ann.get("/console/").get_data(as_text=True)  # offered once
    back = post(as_ann, url)
    assert back.location == f"/console/cases/{first}?rating=1"
    with app.app_context():
        case = db.session.get(Case, first)
        # a close claims on the way, so undoing it leaves the case claimed by Ann; undoing the claim frees it
        assert case.state == ("open" if action == "claim" else "claimed") and case.closed_at is None
        actions = list(
            db.session.execute(
                db.select(AuditEvent.action).where(AuditEvent.target_id == first).order_by(AuditEvent.id)
            ).scalars()
        )
        assert actions[-1] == "case.restored"
    assert "Not undone" in as_ann.get(post(as_ann, url).location).get_data(as_text=True)  # only once


def test_undo_of_a_reject_puts_the_held_item_back(app, as_ann, world):
    with app.app_context():
        case = seed_case("shop", "sku-4", rating=5, reasons=["spam"])
        case.item.status = "held"
        case_id = case.id
        db.session.commit()
    landed = as_ann.get(post(as_ann, f"/console/cases/{case_id}/reject", {"reason": "spam"}).location)
    post(as_ann, undo_url(landed.get_data(as_text=True)))
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.item.status == "held" and case.item.rejection_reason is None and case.state == "claimed"


def test_undo_is_refused_once_someone_acted_since_or_too_late(app, as_ann, three):
    from datetime import timedelta

    first = three[0]
    url = undo_url(as_ann.get(post(as_ann, f"/console/cases/{first}/escalate").location).get_data(as_text=True))
    post(as_ann, f"/console/cases/{first}/claim")
    assert "Not undone" in as_ann.get(post(as_ann, url).location).get_data(as_text=True)
    url = undo_url(as_ann.get(post(as_ann, f"/console/cases/{first}/resolve").location).get_data(as_text=True))
    with app.app_context():
        event = db.session.execute(db.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).scalar()
        event.at -= timedelta(minutes=1)
        db.session.commit()
    assert "Not undone" in as_ann.get(post(as_ann, url).location).get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Case, first).state == "resolved"


def test_an_eleven_month_old_imported_one_star_review_is_not_overdue_on_arrival(app, as_ann, world):
    from datetime import timedelta

    from moderation.models import Item, utcnow
    from moderation.services.importing import import_rows

    written = (utcnow() - timedelta(days=335)).isoformat() + "Z"
    row = {"site": "shop", "subject": "sku-old", "external_id": "old-1", "kind": "review", "rating": 1,
           "body": "Cassé au bout d'une semaine", "author_name": "Paul", "created_at": written}  # fmt: skip
    with app.app_context():
        report = import_rows([row], {})
        assert report.created == 1
        item = db.session.execute(db.select(Item).where(Item.external_id == "old-1")).scalar_one()
        assert item.created_at < utcnow() - timedelta(days=300)  # the customer's date is kept
        assert item.case.due_at > utcnow()  # but the SLA runs from the import
        case_id = item.case.id
    html = as_ann.get("/console/").get_data(as_text=True)
    assert re.search(rf'class="[^"]*overdue[^"]*">\s*<td><a href="/console/cases/{case_id}"', html) is None
