"""Decisions from the queue's rows (#20) in headless Chromium: htmx swaps the list in place, the filters and the
selection stay, the undo offer comes with it and works."""

from __future__ import annotations

import re

import pytest

from moderation.extensions import db
from moderation.models import Case
from tests.conftest import LiveServer, review, submit
from tests.console.conftest import browser_login
from tests.console.test_queue_decisions import PHONE, held_and_simple

pytestmark = pytest.mark.browser


def state_of(app, case_id: int) -> tuple[str, str]:
    with app.app_context():
        case = db.session.get(Case, case_id)
        return case.state, case.item.status


def test_approve_undo_and_dismiss_from_the_list(app, client, browser, live_server, world):
    held_id, low_id = held_and_simple(client)
    other_held = submit(client, review(5, PHONE + " ou le 07 98 76 54 32")).get_json()
    assert other_held["status"] == "held"
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    queue_url = f"{live_server.url}/console/?site=shop"
    page.goto(queue_url)
    held_row = page.locator(f'tr[data-case-id="{held_id}"]')
    rows_before = page.locator("tr[data-nav-row]").count()
    page.evaluate("window.sameDocument = true")  # gone if anything below reloaded the page

    # Approve the held item from its row: published, the row leaves the list, the page (and its filter) stays.
    held_row.locator('form[data-row-action="approve"] button').click()
    held_row.wait_for(state="detached")
    page.wait_for_selector(f"text=Case #{held_id}: item published.")
    assert page.url == queue_url and page.evaluate("window.sameDocument")  # swapped in place, filter kept
    assert state_of(app, held_id) == ("resolved", "published")
    assert page.locator("tr[data-nav-row]").count() == rows_before - 1

    # Undo within the 10 s the offer lasts: the item is held again and its row is back.
    page.locator("form.undo button").click()
    page.locator(f'tr[data-case-id="{held_id}"]').wait_for()
    page.wait_for_selector(f"text=Undone: case #{held_id} is back as it was.")
    assert state_of(app, held_id) == ("claimed", "held")
    assert page.url == queue_url and page.evaluate("window.sameDocument")

    # Dismiss a simple case by keyboard: select its row with j, press d.
    ids = [int(i) for i in page.locator("tr[data-nav-row]").evaluate_all("rows => rows.map(r => r.dataset.caseId)")]
    for _ in range(ids.index(low_id) + 1):
        page.keyboard.press("j")
    assert page.locator("tr.selected").get_attribute("data-case-id") == str(low_id)
    page.keyboard.press("d")
    page.locator(f'tr[data-case-id="{low_id}"]').wait_for(state="detached")
    page.wait_for_selector(f"text=Case #{low_id} dismissed as a false alarm.")
    assert state_of(app, low_id)[0] == "dismissed"
    # The selection moved to the row that took its place, so j/k carry on from there.
    following = ids[ids.index(low_id) + 1] if ids.index(low_id) + 1 < len(ids) else ids[-2]
    assert page.locator("tr.selected").get_attribute("data-case-id") == str(following)
    page.keyboard.press("u")  # and the same undo key as on the case page
    page.locator(f'tr[data-case-id="{low_id}"]').wait_for()
    assert state_of(app, low_id)[0] == "claimed"

    # On a held row, d decides nothing: it brings the approve button into focus (as the case page points at it).
    ids = [int(i) for i in page.locator("tr[data-nav-row]").evaluate_all("rows => rows.map(r => r.dataset.caseId)")]
    page.keyboard.press("k")
    for _ in range(len(ids)):
        page.keyboard.press("k")
    for _ in range(ids.index(held_id)):
        page.keyboard.press("j")
    assert page.locator("tr.selected").get_attribute("data-case-id") == str(held_id)
    page.keyboard.press("d")
    focused = page.evaluate(
        "document.activeElement.closest('form') && document.activeElement.closest('form').dataset.rowAction"
    )
    assert focused == "approve" and state_of(app, held_id) == ("claimed", "held")
    page.keyboard.press("Enter")  # now it is a decision, made on the focused button
    page.locator(f'tr[data-case-id="{held_id}"]').wait_for(state="detached")
    assert state_of(app, held_id) == ("resolved", "published")
    assert re.fullmatch(r".*/console/\?site=shop", page.url) and page.evaluate("window.sameDocument")
    page.context.close()


def test_without_the_self_refresh_a_decision_keeps_the_selection_too(make_app, client, browser, world):
    """htmx reports the swap on the list, not on the row's form: the selection must not hang on the polling."""
    app = make_app(QUEUE_REFRESH_SECONDS=0)
    ids = []
    for body in ("Arrivé en retard", "Couleur différente de la photo", "Trop petit pour moi"):
        item_id = submit(client, review(1, body)).get_json()["id"]
        with app.app_context():
            ids.append(db.session.execute(db.select(Case.id).where(Case.item_id == item_id)).scalar_one())
    server = LiveServer(app)
    try:
        page = browser.new_context().new_page()
        browser_login(page, server, "ann@shop.test", "password-ann")
        page.goto(f"{server.url}/console/?reason=low_rating")
        order = page.locator("tr[data-nav-row]").evaluate_all("rows => rows.map(r => Number(r.dataset.caseId))")
        assert sorted(order) == sorted(ids)
        page.keyboard.press("j")
        page.keyboard.press("d")
        page.locator(f'tr[data-case-id="{order[0]}"]').wait_for(state="detached")
        assert page.locator("tr.selected").get_attribute("data-case-id") == str(order[1])
        page.keyboard.press("d")  # and straight on: the next false alarm, one key
        page.locator(f'tr[data-case-id="{order[1]}"]').wait_for(state="detached")
        assert state_of(app, order[0])[0] == state_of(app, order[1])[0] == "dismissed"
        page.context.close()
    finally:
        server.stop()
