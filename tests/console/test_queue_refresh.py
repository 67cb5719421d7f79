"""The queue reloads itself (#20): the same view and page, as a fragment, at the configured pace."""

from __future__ import annotations

import re

from moderation.extensions import db
from tests.console.conftest import login, seed_case


def test_the_queue_polls_its_own_view_and_page(app, world, as_ann):
    with app.app_context():
        for n in range(60):
            seed_case("shop", "sku-1", priority=n, body=f"Cas {n}")
        db.session.commit()
    html = as_ann.get("/console/?reason=low_rating&state=open").get_data(as_text=True)
    section = re.search(r'<section id="queue-results"[^>]*>', html).group(0)
    assert 'hx-trigger="every 30s"' in section and 'hx-swap="outerHTML"' in section
    assert 'hx-get="/console/?reason=low_rating"' in section  # the view's filters ride along ("open" is the default)
    cursor = re.search(r'after=([^&"]+)', html).group(1)
    second = as_ann.get(f"/console/?reason=low_rating&after={cursor}").get_data(as_text=True)
    assert f"after={cursor}" in re.search(r'<section id="queue-results"[^>]*>', second).group(0)  # stays on page 2

    fragment = as_ann.get("/console/?reason=low_rating", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "<html" not in fragment
    assert fragment.count("data-case-id=") == 50 and '<section id="queue-results"' in fragment


def test_polling_can_be_turned_off(make_app, world):
    client = make_app(QUEUE_REFRESH_SECONDS=0).test_client()
    assert login(client, "ann@shop.test", "password-ann").status_code == 302
    html = client.get("/console/").get_data(as_text=True)
    assert '<section id="queue-results" aria-live="off">' in html and 'hx-trigger="every' not in html
