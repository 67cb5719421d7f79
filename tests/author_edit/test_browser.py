"""The author's edit page and the widget's "edited" marker in real headless Chromium (#14)."""

from __future__ import annotations

import pytest

from tests.author_edit.helpers import mail_link
from tests.mail.conftest import reviewer
from tests.widget.conftest import wait_rendered

pytestmark = pytest.mark.browser

PRODUCT = "lumo-desk-lamp"


def test_an_author_edits_their_review_in_the_browser_and_the_widget_says_edited(live, page):
    client = live.app.test_client()
    response = client.post(
        f"/api/v1/sites/demo/subjects/{PRODUCT}/items",
        json={"kind": "review", "rating": 3, "title": "Correcte", "body": "Lampe correcte, lumière un peu froide",
              "lang": "fr", "author": reviewer("lea@example.com")},
        headers={"Origin": live.url},
    )  # fmt: skip
    assert response.status_code == 202 and response.get_json()["status"] == "published"
    item_id = response.get_json()["id"]

    page.goto(live.url + mail_link(live.app, item_id, "/mail/edit/"))
    assert page.locator("#body").input_value() == "Lampe correcte, lumière un peu froide"
    assert page.locator("#rating").input_value() == "3"
    page.select_option("#rating", "5")
    page.fill("#title", "Très bien finalement")
    page.fill("#body", "Avec une ampoule chaude, la lumière est douce : très bonne lampe")
    page.get_by_role("button", name="Enregistrer mes modifications").click()
    page.wait_for_selector("#message")
    assert "mis à jour" in page.locator("#message").inner_text()
    assert page.errors == []

    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    mine = widget.locator("#list > li", has_text="Très bien finalement")
    assert mine.count() == 1
    assert "la lumière est douce" in mine.inner_text()
    assert mine.locator(".ed").inner_text().strip() == "· modifié"
    # Reviews nobody edited carry no marker.
    assert widget.locator("#list > li .ed").count() == 1
    assert page.errors == []
