"""A moderator's context (#20) in headless Chromium: the author panel's actions, the queue that refreshes itself."""

from __future__ import annotations

import pytest

from tests.conftest import review, submit
from tests.console.conftest import browser_login
from tests.judgement.helpers import item_and_case

pytestmark = pytest.mark.browser

LEA = {"name": "Léa", "email": "lea@example.com"}


def test_block_an_author_from_the_case_page_then_take_it_back(app, client, browser, live_server, world):
    first = submit(client, review(1, "Arrivé en retard, décevant", author=LEA)).get_json()
    case_id = item_and_case(app, first["id"])[1].id
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    page.goto(f"{live_server.url}/console/cases/{case_id}")
    assert page.inner_text("#author-standing") == "normal"

    page.check("#author-actions input[value=blocked]")
    page.fill("#author-actions input[name=note]", "fake reviews")
    with page.expect_navigation():
        page.click("#author-standing-save")
    assert page.inner_text("#author-standing") == "blocked"
    assert "Léa is blocked" in page.inner_text("#flashes")
    assert page.is_checked("#author-actions input[value=blocked]")

    held = submit(client, review(5, "Parfait", author=LEA)).get_json()
    assert held["status"] == "held" and item_and_case(app, held["id"])[1].reasons == ["author_blocked"]

    page.check("#author-actions input[value=normal]")
    with page.expect_navigation():
        page.click("#author-standing-save")
    assert page.inner_text("#author-standing") == "normal"
    assert submit(client, review(5, "Encore parfait", author=LEA)).get_json()["status"] == "published"

    page.goto(f"{live_server.url}/console/audit?action=author.")
    log = page.inner_text("table.audit")
    assert log.count("author.standing") == 2 and "fake reviews" in log
    page.context.close()
