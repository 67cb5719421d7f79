"""Reporting and rating a brand reply in the widget, in real Chromium, by keyboard, inside the shadow root: no
page error, no CSP violation, and what the server stored."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AnswerVote, Case, Item, Report
from tests.widget.conftest import wait_rendered
from tests.widget.test_browser import assert_clean, wait_text

pytestmark = pytest.mark.browser


def active_label(page) -> str:
    return page.locator("moderation-widget").evaluate(
        "h => { const a = h.shadowRoot.activeElement; return a && (a.labels && a.labels[0] ? a.labels[0].textContent"
        " : a.textContent); }"
    )


def test_reporting_a_review_by_keyboard(live, page):
    page.goto(f"{live.url}/demo/product?lang=fr")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    first = widget.locator("#list > li").first
    first.get_by_role("button", name="Signaler").focus()
    page.keyboard.press("Enter")
    form = widget.get_by_role("form", name="Signalement")
    form.wait_for()
    assert active_label(page) == "Insultes, harcèlement ou haine"  # focus moved into the form
    page.keyboard.press("Tab")  # past the radio group: the group is one tab stop
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "Envoyer le signalement" without a reason
    assert "Choisissez un motif." in form.inner_text()
    assert active_label(page) == "Insultes, harcèlement ou haine"  # back to the field at fault
    page.keyboard.press("ArrowDown")  # arrow keys choose within the group
    assert form.get_by_role("radio", name="Publicité ou spam").is_checked()
    page.keyboard.press("Tab")
    page.keyboard.type("Copie mot pour mot d'un autre site <script>alert(1)</script>")
    page.keyboard.press("Tab")
    page.keyboard.type("zoe@example.com")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_text(page, "Merci : un modérateur va l’examiner.")
    assert widget.evaluate("h => h.shadowRoot.activeElement.getAttribute('role')") == "status"
    with live.app.app_context():
        row = db.session.execute(select(Report)).scalar_one()
        assert (row.reason, row.lang, row.reply_id) == ("spam", "fr", None)
        assert row.text.startswith("Copie mot pour mot") and row.reporter.email == "zoe@example.com"
        case = db.session.execute(select(Case).where(Case.item_id == row.item_id)).scalar_one()
        assert "reported" in case.reasons
        assert db.session.get(Item, row.item_id).status == "published"
    assert_clean(page)


def test_rating_and_reporting_a_brand_reply(live, page):
    page.goto(f"{live.url}/demo/product?lang=en")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    widget.get_by_role("button", name="Next").click()
    wait_text(page, "Page 2 of 3")
    reply = widget.locator(".rp").first
    group = reply.get_by_role("group", name="Was this answer helpful?")
    yes, no = group.get_by_role("button", name="Yes"), group.get_by_role("button", name="No")
    assert yes.get_attribute("aria-pressed") == "false"
    yes.click()
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot.querySelector('.rp button[aria-pressed=true]')"
    )
    with live.app.app_context():
        assert db.session.execute(select(AnswerVote.helpful)).scalars().all() == [True]
    no.focus()
    page.keyboard.press("Enter")  # change of mind
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot"
        ".querySelector('.rp [role=group] button:nth-of-type(2)').getAttribute('aria-pressed') === 'true'"
    )
    assert yes.get_attribute("aria-pressed") == "false"
    with live.app.app_context():
        assert db.session.execute(select(AnswerVote.helpful)).scalars().all() == [False]

    page.reload()  # the widget remembers the vote
    wait_rendered(page)
    widget.get_by_role("button", name="Next").click()
    wait_text(page, "Page 2 of 3")
    no = widget.locator(".rp").first.get_by_role("button", name="No")
    assert no.get_attribute("aria-pressed") == "true"
    no.click()  # pressing the chosen answer again withdraws the vote
    page.wait_for_function(
        "() => !document.querySelector('moderation-widget').shadowRoot.querySelector('.rp button[aria-pressed=true]')"
    )
    with live.app.app_context():
        assert db.session.execute(select(AnswerVote)).scalars().all() == []

    reply = widget.locator(".rp").first
    reply.get_by_role("button", name="Report").click()
    form = widget.get_by_role("form", name="Report")
    form.get_by_role("radio", name="Personal data (address, phone…)").check()
    form.get_by_label("Details (optional)").fill("x" * 1000)
    form.get_by_role("button", name="Send the report").click()
    wait_text(page, "Thank you: a moderator will look at it.")
    with live.app.app_context():
        row = db.session.execute(select(Report)).scalar_one()
        assert row.reply_id is not None and row.reason == "personal_data" and row.reporter_id is None
    link = widget.get_by_role("link", name="Moderation charter")
    assert re.fullmatch(rf"{live.url}/sites/demo/charter\?lang=en", link.get_attribute("href"))
    assert_clean(page)
