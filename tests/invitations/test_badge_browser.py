"""A review posted through an invitation shows a "Verified purchase" badge in the widget, in real headless Chromium;
the charter says how purchases are verified (#17). The invitation flow itself is tested in test_mail_and_link.py:
here the item is marked as that flow marks it."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Item
from tests.widget.conftest import wait_rendered

pytestmark = pytest.mark.browser

PRODUCT = "lumo-desk-lamp"


def post(live, body: str, lang: str = "en") -> int:
    response = live.app.test_client().post(
        f"/api/v1/sites/demo/subjects/{PRODUCT}/items",
        json={"kind": "review", "rating": 5, "body": body, "lang": lang, "author": {"name": "Zoé"}},
        headers={"Origin": live.url},
    )  # fmt: skip
    assert response.status_code == 202 and response.get_json()["status"] == "published"
    return response.get_json()["id"]


def test_a_verified_purchase_carries_its_badge_and_others_do_not(live, page):
    verified = post(live, "Bought it in March: bright and steady light for my desk.")
    post(live, "A friend lent me hers: the light is bright and steady.")
    with live.app.app_context():
        db.session.get(Item, verified).verified_purchase = True  # what services.invitations does on that post
        db.session.commit()

    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    mine = widget.locator("#list > li", has_text="Bought it in March")
    assert mine.locator(".bd").inner_text() == "Achat vérifié"  # the demo page is in French
    other = widget.locator("#list > li", has_text="A friend lent me hers")
    assert other.locator(".bd").count() == 0
    assert page.errors == []

    charter = live.app.test_client().get("/sites/demo/charter?lang=fr").get_data(as_text=True)
    assert "Achats vérifiés" in charter and "« Achat vérifié »" in charter
