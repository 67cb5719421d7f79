"""A moderator's context (#20) in headless Chromium: the author panel's actions, the queue that refreshes itself."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from tests.conftest import LiveServer, review, submit
from tests.console.conftest import browser_login, seed_case
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


@pytest.fixture
def refreshing_server(make_app, world):
    """A live console whose queue reloads every second (the default is 30 s)."""
    server = LiveServer(make_app(QUEUE_REFRESH_SECONDS=1))
    yield server
    server.stop()


def new_case(app, priority: int, body: str) -> int:
    with app.app_context():
        case_id = seed_case("shop", "sku-1", priority=priority, body=body).id
        db.session.commit()
        return case_id


def selected_case(page) -> str | None:
    return page.evaluate("() => { const r = document.querySelector('tr.selected'); return r && r.dataset.caseId; }")


def test_the_queue_refreshes_itself_keeping_selection_focus_and_typing(app, browser, refreshing_server):
    first, second, third = (new_case(app, p, f"Cas {p}") for p in (80, 60, 40))
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    browser_login(page, refreshing_server, "ann@shop.test", "password-ann")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert selected_case(page) == str(second)

    # A more urgent case arrives: it shows up without a reload and the selection stays on the same case,
    # now one row lower.
    urgent = new_case(app, 95, "Urgent, arrivé pendant la lecture")
    page.wait_for_selector(f'tr[data-case-id="{urgent}"]', timeout=10_000)
    rows = page.eval_on_selector_all("tr[data-nav-row]", "rows => rows.map(r => r.dataset.caseId)")
    assert rows == [str(urgent), str(first), str(second), str(third)]
    assert selected_case(page) == str(second)
    assert page.url.endswith("/console/")  # no navigation happened

    # Focus on a case link survives a refresh too.
    page.focus(f'tr[data-case-id="{third}"] a')
    later = new_case(app, 10, "Encore un")
    page.wait_for_selector(f'tr[data-case-id="{later}"]', timeout=10_000)
    assert page.evaluate("() => document.activeElement.closest('tr').dataset.caseId") == str(third)

    # Typing in the search box is never disturbed: the filters are outside what reloads.
    page.click("input[name=q]")
    page.keyboard.type("colis ab")
    last = new_case(app, 5, "Et un autre")
    page.wait_for_selector(f'tr[data-case-id="{last}"]', timeout=10_000)
    assert page.input_value("input[name=q]") == "colis ab"
    assert page.evaluate("() => document.activeElement.name") == "q"

    # And the keyboard still works on the refreshed rows: Escape leaves the (emptied) box, j/Enter opens the next case.
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    assert selected_case(page) == str(third)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert f"/console/cases/{third}" in page.url
    page.context.close()
