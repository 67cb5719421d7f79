"""The public listing's responsiveness object (a site option), and the widget that shows it as one line."""

from __future__ import annotations

import os

from moderation.extensions import db
from moderation.widget.assets import DIST
from tests.conftest import ORIGIN

from .helpers import add_negative_reviews, add_reviews, forget_cached_figures, site_named

LISTING = "/api/v1/sites/shop/subjects/{subject}"


def test_listing_has_no_responsiveness_unless_the_site_shows_it(app, client, world):
    with app.app_context():
        add_negative_reviews("sku-1", [2, 4, 6, 30, None])
        db.session.commit()
    body = client.get(LISTING.format(subject="sku-1"), headers={"Origin": ORIGIN}).get_json()
    assert "responsiveness" not in body


def test_listing_shows_the_sites_and_the_products_figures(app, client, world):
    with app.app_context():
        add_negative_reviews("sku-1", [2, 4, 6, 30, None])  # 4 of 5 answered, median 5 h
        add_negative_reviews("sku-2", [1, 1, 1, 1, 1])
        add_reviews("sku-3", [5, 5])  # no negative review
        site_named().public_responsiveness = True
        db.session.commit()
    body = client.get(LISTING.format(subject="sku-1"), headers={"Origin": ORIGIN}).get_json()
    assert body["responsiveness"] == {
        "site": {"negative_reviews": 10, "answered_share": 0.9, "median_hours_to_first_answer": 1.0},
        "product": {"negative_reviews": 5, "answered_share": 0.8, "median_hours_to_first_answer": 5.0},
    }
    # Under RESPONSIVENESS_MIN_NEGATIVE negative reviews a share would say little: null, and no line.
    few = client.get(LISTING.format(subject="sku-3")).get_json()["responsiveness"]
    assert few["product"] == {"negative_reviews": 0, "answered_share": None, "median_hours_to_first_answer": None}
    # Another site's figures are its own (and it does not show them).
    assert "responsiveness" not in client.get("/api/v1/sites/other/subjects/sku-1").get_json()


def test_figures_are_cached_for_the_widget(app, client, world):
    with app.app_context():
        add_negative_reviews("sku-1", [2] * 5)
        site_named().public_responsiveness = True
        db.session.commit()
    first = client.get(LISTING.format(subject="sku-1")).get_json()["responsiveness"]
    with app.app_context():
        add_negative_reviews("sku-1", [None] * 5)
        db.session.commit()
    assert client.get(LISTING.format(subject="sku-1")).get_json()["responsiveness"] == first
    forget_cached_figures(app)
    again = client.get(LISTING.format(subject="sku-1")).get_json()["responsiveness"]
    assert again["product"]["answered_share"] == 0.5


def test_the_widget_renders_the_line_in_both_languages():
    with open(os.path.join(DIST, "widget.js"), encoding="utf-8") as fh:
        built = fh.read()
    assert "of negative reviews" in built and "La marque r\\xE9pond" in built  # esbuild escapes non-ASCII
    assert "responsiveness" in built
