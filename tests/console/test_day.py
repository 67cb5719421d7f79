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
