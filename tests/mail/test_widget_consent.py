"""The widget's consent box, in real Chromium: unticked by default, needs an address, and asks for confirmation."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Author, OutboxMessage
from tests.widget.conftest import context, live, page, serve, wait_rendered  # noqa: F401 - pytest fixtures
from tests.widget.test_browser import assert_clean

pytestmark = pytest.mark.browser


def test_ticking_the_box_asks_for_an_address_then_sends_a_confirmation(live, page):  # noqa: F811
    page.goto(f"{live.url}/demo/product?lang=fr")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    widget.get_by_role("button", name="Donner mon avis").click()
    form = widget.get_by_role("form", name="Votre avis")
    consent = form.get_by_label("Me prévenir par e-mail", exact=False)
    assert not consent.is_checked()
    form.locator(".rate label").nth(3).click()
    form.get_by_label("Avis").fill("Lumière agréable, un peu chère.")
    form.get_by_label("Nom (affiché)").fill("Zoé")
    consent.check()  # keyboard users reach it too: a native checkbox with its label
    form.get_by_role("button", name="Publier").click()
    assert "Indiquez votre e-mail pour être prévenu(e)." in form.inner_text()
    form.get_by_label("E-mail (facultatif, jamais affiché)").fill("zoe@example.com")
    form.get_by_role("button", name="Publier").click()
    widget.locator("#notice").wait_for()
    with live.app.app_context():
        author = db.session.execute(select(Author).where(Author.email == "zoe@example.com")).scalar_one()
        assert author.notify_requested_at is not None and author.notify_confirmed_at is None
        [message] = db.session.execute(select(OutboxMessage)).scalars()
        assert message.kind == "confirm" and message.lang == "fr"
    assert_clean(page)
