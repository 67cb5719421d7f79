"""The widget's responsiveness line in real headless Chromium (the demo product page, in French)."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from tests.widget.conftest import wait_rendered

from .helpers import add_negative_reviews, forget_cached_figures, site_named

pytestmark = pytest.mark.browser


def line(page) -> str:
    return page.locator("moderation-widget").evaluate("h => (h.shadowRoot.querySelector('#resp') || {}).textContent")


def test_the_widget_shows_how_the_brand_answers_when_the_site_shows_it(app, live, page):
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    assert line(page) is None  # the option is off by default
    with app.app_context():
        add_negative_reviews("elsewhere", [3, 3, 5, 7, 9, 30], slug="demo")
        site_named("demo").public_responsiveness = True
        db.session.commit()
    forget_cached_figures(app)
    page.reload()
    wait_rendered(page)
    text = line(page)
    assert text.startswith("La marque répond à ") and "des avis négatifs, généralement sous " in text
    assert page.errors == []
