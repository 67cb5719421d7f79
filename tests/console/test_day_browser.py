"""A moderator's day (#20) in headless Chromium: long words wrap, drafts survive, templates never replace a draft,
single actions offer undo."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Case
from tests.console.conftest import browser_login, seed_case

pytestmark = pytest.mark.browser

LONG_WORD = "Épouvantable" * 25  # 300 characters, no break opportunity


@pytest.mark.parametrize("width", [1366, 375])
def test_one_long_word_keeps_the_queue_and_case_within_the_viewport(app, browser, live_server, world, width):
    with app.app_context():
        case_id = seed_case("shop", "sku-" + "X" * 60, body=LONG_WORD, title=LONG_WORD[:120], name=LONG_WORD[:200]).id
        seed_case("shop", "sku-2")
        db.session.commit()
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    for path in ("/console/", f"/console/cases/{case_id}"):
        page.goto(live_server.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        wide = page.evaluate(
            "(w) => Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w)"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))",
            width,
        )
        assert scroll_width <= width, f"{path} is {scroll_width}px wide at {width}px: {wide}"
    page.goto(live_server.url + "/console/")
    table = page.locator("table.queue").bounding_box()
    assert table["x"] + table["width"] <= width
    due = page.locator("table.queue tbody tr").first.locator("td").nth(7).bounding_box()
    assert due["x"] + due["width"] <= width  # Due (and State after it) stay on screen
    context.close()


def test_draft_survives_navigation_and_a_template_goes_in_at_the_cursor(app, browser, live_server, world):
    with app.app_context():
        from moderation.services.accounts import get_site

        get_site("shop").reply_templates = [{"name": "Sorry", "lang": "fr", "body": "Désolés {name}."}]
        case_id = seed_case("shop", "sku-1", name="Lea").id
        seed_case("shop", "sku-2", priority=10)
        db.session.commit()
    page = browser.new_context().new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    page.goto(f"{live_server.url}/console/cases/{case_id}")
    page.fill("#reply-body", "Bonjour. Merci.")
    page.keyboard.press("Escape")
    with page.expect_navigation():
        page.keyboard.press("j")  # off to the next case and back: the draft is still there
    assert not page.url.endswith(f"/cases/{case_id}")
    page.goto(f"{live_server.url}/console/cases/{case_id}")
    assert page.input_value("#reply-body") == "Bonjour. Merci."
    page.evaluate("() => { const b = document.getElementById('reply-body'); b.setSelectionRange(9, 9); }")
    page.select_option("#reply-template", index=1)
    assert page.input_value("#reply-body") == "Bonjour. Désolés Lea.Merci."  # at the cursor, nothing replaced
    page.click("text=Publish reply")
    page.wait_for_selector(".flash.ok")
    page.goto(f"{live_server.url}/console/cases/{case_id}")
    assert page.evaluate("localStorage.length") == 0  # sent: the draft is gone
    page.context.close()


def test_dismiss_by_key_then_undo_by_key(app, browser, live_server, world):
    with app.app_context():
        case_id = seed_case("shop", "sku-1").id
        db.session.commit()
    page = browser.new_context().new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    page.goto(f"{live_server.url}/console/cases/{case_id}")
    page.keyboard.press("d")
    page.wait_for_selector("form.undo button")
    page.keyboard.press("u")
    page.wait_for_selector("text=Undone: case #")
    with app.app_context():
        assert db.session.get(Case, case_id).state == "claimed"
    page.context.close()
