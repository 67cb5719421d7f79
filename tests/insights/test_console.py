"""The console shows a product's complaint topics (escaped, linked to cases) and the site's fastest rising ones."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Case, SubjectInsights, utcnow
from tests.conftest import run_worker
from tests.console.conftest import login

from .test_jobs import SETTINGS, post_reviews, subject_id, work_insights


@pytest.fixture
def app(make_app):
    return make_app(**SETTINGS)


@pytest.fixture
def as_ann(app, world):
    client = app.test_client()
    assert login(client, "ann@shop.test", "password-ann").status_code == 302
    return client


def test_product_page_lists_topics_with_quotes_linked_to_cases(app, client, as_ann):
    post_reviews(client)
    sid = subject_id(app)
    page = as_ann.get(f"/console/products/{sid}").get_data(as_text=True)
    assert "Not computed yet" in page

    run_worker(app)  # scoring opens the reply cases the quotes link to
    work_insights(app)
    page = as_ann.get(f"/console/products/{sid}").get_data(as_text=True)
    with app.app_context():
        stored = db.session.get(SubjectInsights, sid)
        battery = max(stored.topics, key=lambda t: t["reviews"])
        quoted = battery["examples"][0]["item_id"]
        case_id = db.session.execute(db.select(Case.id).where(Case.item_id == quoted)).scalar_one()
    assert battery["label"] in page
    assert f"/console/cases/{case_id}" in page
    assert page.count("<q>") == sum(len(t["examples"]) for t in stored.topics)


def test_quotes_are_escaped_and_rising_topics_are_listed(app, client, as_ann):
    post_reviews(client)
    sid = subject_id(app)
    with app.app_context():
        topic = {
            "label": "<b>batterie</b>",
            "keywords": ["batterie"],
            "language": "fr",
            "reviews": 5,
            "authors": 5,
            "negative_share": 0.5,
            "trend": {"direction": "up", "ratio": 2.5, "recent": 4, "before": 5},
            "examples": [{"item_id": 1, "sentence": "<script>alert(1)</script> batterie nulle"}],
            "item_ids": [1],
        }
        flat = {**topic, "label": "livraison", "trend": {"direction": "flat", "ratio": 1.0, "recent": 1, "before": 3}}
        db.session.add(
            SubjectInsights(
                subject_id=sid,
                site_id=1,
                computed_at=utcnow(),
                model_version="m",
                embedder="e",
                review_count=12,
                last_item_id=12,
                negative_reviews=9,
                topics=[topic, flat],
                health={},
            )
        )
        db.session.commit()
    product = as_ann.get(f"/console/products/{sid}").get_data(as_text=True)
    assert "<script>alert(1)" not in product and "&lt;script&gt;alert(1)" in product
    assert "<b>batterie" not in product and "&lt;b&gt;batterie" in product
    assert "↑ 2.5×" in product

    dashboard = as_ann.get("/console/dashboard").get_data(as_text=True)
    rising = dashboard.split('id="rising-topics"')[1].split("</section>")[0]
    assert "&lt;b&gt;batterie&lt;/b&gt;" in rising and "livraison" not in rising
    assert f"/console/products/{sid}#topics" in rising


def test_french_console_translates_the_topics_section(app, client, as_ann):
    post_reviews(client)
    sid = subject_id(app)
    page = as_ann.get(f"/console/products/{sid}", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Ce dont les clients se plaignent" in page
