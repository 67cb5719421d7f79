"""In real headless Chromium: the case page of a held item offers approve and reject only; the resolve and dismiss
keys show the decision it needs instead of burying the item."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Case, Item
from tests.conftest import review, submit
from tests.console.conftest import browser_login

pytestmark = pytest.mark.browser


def test_held_item_page_offers_approve_and_reject_only_and_keys_bury_nothing(app, client, browser, live_server, world):
    item_id = submit(client, review(4, "Commandez sur http://pas-cher.example/promo")).get_json()["id"]
    with app.app_context():
        case_id = db.session.execute(db.select(Case.id).where(Case.item_id == item_id)).scalar_one()
    page = browser.new_context().new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    page.goto(f"{live_server.url}/console/cases/{case_id}")

    actions = page.locator("#claim-panel form[action*='/console/cases/'] button").all_inner_texts()
    decisions = [text for text in actions if text in ("Approve and publish", "Reject")]
    assert decisions == ["Approve and publish", "Reject"]
    assert not [text for text in actions if text.startswith(("Resolve", "Dismiss"))], actions
    assert page.locator("#reply-body").count() == 0
    assert page.locator("#reject-reason option").count() >= 5  # a reason the author is shown

    hint = page.locator("#held-only")
    assert "error" not in (hint.get_attribute("class") or "")
    for key in ("e", "d"):
        page.keyboard.press(key)
    assert "error" in hint.get_attribute("class")  # the keys point at the decision, they close nothing
    assert page.url.endswith(f"/console/cases/{case_id}")
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert (case.state, db.session.get(Item, item_id).status) == ("open", "held")

    page.select_option("#reject-reason", "links")
    page.click("#reject")
    page.wait_for_selector(".flash.ok")
    with app.app_context():
        case = db.session.get(Case, case_id)
        item = db.session.get(Item, item_id)
        assert (case.state, item.status, item.rejection_reason) == ("resolved", "removed", "links")
    page.context.close()
