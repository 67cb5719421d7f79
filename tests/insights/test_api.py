"""GET /api/v1/sites/{site}/subjects/{subject}/insights: pending, then the computed topics; site visibility."""

from __future__ import annotations

import pytest

from tests.conftest import auth

from .test_jobs import SETTINGS, post_reviews, work_insights

URL = "/api/v1/sites/{site}/subjects/{subject}/insights"


@pytest.fixture
def app(make_app):
    return make_app(**SETTINGS)


def test_pending_then_ready_with_topics_health_and_responsiveness(app, client, world):
    post_reviews(client)
    url = URL.format(site="shop", subject="sku-1")

    pending = client.get(url, headers=auth(world.moderator_token))
    assert pending.status_code == 202
    body = pending.get_json()
    assert body["status"] == "pending"
    assert body["computed_at"] is None and body["topics"] == []
    assert body["health"]["reviews"] == 12 and body["health"]["at_risk"] is False
    assert body["responsiveness"]["answered"] == 0
    assert app.extensions["moderation.redis"].llen("rq:queue:insights") == 1  # the GET enqueued it

    work_insights(app)
    ready = client.get(url, headers=auth(world.moderator_token))
    assert ready.status_code == 200
    body = ready.get_json()
    assert body["status"] == "ready" and body["computed_at"].endswith("Z")
    assert body["model_version"] == "stub-keyword-1"
    topic = max(body["topics"], key=lambda t: t["reviews"])
    assert set(topic) == {
        "label", "keywords", "language", "reviews", "authors", "negative_share", "trend", "examples",
    }  # fmt: skip
    assert topic["reviews"] == 5 and topic["authors"] == 5
    assert set(topic["trend"]) == {"direction", "ratio", "recent", "before"}
    assert all(set(e) == {"item_id", "sentence"} for e in topic["examples"])
    assert body["health"]["rule"] == {"window_days": 365, "min_reviews": 25, "max_average": 3.0}
    assert set(body["responsiveness"]) == {
        "negative_reviews", "answered", "answered_share", "median_hours_to_first_answer",
    }  # fmt: skip


def test_other_sites_and_unknown_products_are_not_found(app, client, world):
    post_reviews(client)
    url = URL.format(site="shop", subject="sku-1")
    assert client.get(url).status_code == 401
    assert client.get(url, headers=auth(world.site_token)).status_code == 403
    refused = client.get(url, headers=auth(world.other_site_moderator_token))
    assert refused.status_code == 404 and refused.get_json()["error"]["field"] == "site"
    unknown = client.get(URL.format(site="shop", subject="nope"), headers=auth(world.moderator_token))
    assert unknown.status_code == 404 and unknown.get_json()["error"]["field"] == "subject"


def test_document_describes_the_operation(client):
    operation = client.get("/api/v1/openapi.json").get_json()["paths"][
        "/api/v1/sites/{site}/subjects/{subject}/insights"
    ]
    get = operation["get"]
    assert set(get["responses"]) >= {"200", "202", "401", "403", "404", "422"}
    assert "trend" in get["description"] and "pending" in get["description"]
