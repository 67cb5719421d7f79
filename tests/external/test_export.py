"""Data out: ``items.jsonl`` streamed to a moderator with its filters, and the public product feed with
schema.org AggregateRating."""

from __future__ import annotations

import http.client
import json

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Item
from moderation.services import export
from moderation.services.importing import import_rows
from tests.conftest import ORIGIN, LiveServer, auth
from tests.external.helpers import data_path

ROWS = [
    ("r1", "sku-a", 5, "Parfait, je recommande", "2026-01-10T10:00:00Z"),
    ("r2", "sku-a", 2, "Trop petit, dommage", "2026-02-10T10:00:00Z"),
    ("r3", "sku-b", 4, "Bien", "2026-03-10T10:00:00Z"),
    # Held by the content rules (a link): not public, so not in the product feed.
    ("r4", "sku-b", 5, "Achetez sur http://spam.example maintenant", "2026-03-11T10:00:00Z"),
]


@pytest.fixture
def stocked(app, world):
    with app.app_context():
        rows = [
            {"site": "shop", "subject": subject, "external_id": key, "kind": "review", "rating": stars, "body": body,
             "author": {"name": f"Author {key}", "email": f"{key}@example.com"}, "created_at": at}
            for key, subject, stars, body, at in ROWS
        ]  # fmt: skip
        rows.append({"site": "shop", "subject": "sku-a", "external_id": "c1", "kind": "comment", "body": "Question?",
                     "author": {"name": "Q"}, "created_at": "2026-02-11T10:00:00Z"})  # fmt: skip
        report = import_rows(rows, app.config)
        assert report.created == 5, report.errors
    result = app.test_cli_runner().invoke(
        args=["import-forum", "shop", data_path("wxr.xml"), "--format", "wxr", "--subject", "sku-a"]
    )
    assert result.exit_code == 0, result.output
    return world


def lines(response) -> list[dict]:
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


def test_jsonl_export_filters_and_names_bad_fields(app, client, stocked, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_BATCH", 2)  # several round trips of yield_per in one export
    url = "/api/v1/sites/shop/items.jsonl"
    assert client.get(url).status_code == 401
    assert client.get(url, headers=auth(stocked.other_site_moderator_token)).status_code == 404
    response = client.get(url, headers=auth(stocked.moderator_token))
    assert response.status_code == 200 and response.mimetype == "application/x-ndjson" and response.is_streamed
    everything = lines(response)
    assert [r["external_id"] for r in everything][:5] == ["r1", "r2", "r3", "r4", "c1"] and len(everything) == 6
    assert "@example.com" not in response.get_data(as_text=True)  # no e-mail address leaves in an export
    external = everything[5]
    assert external["kind"] == "external" and external["external"]["url"].endswith("#comment-301")
    held = everything[3]
    assert held["status"] == "held" and held["case"]["state"] == "open" and "links" in held["case"]["reasons"]

    def ids(query: str) -> list[str]:
        found = client.get(f"{url}?{query}", headers=auth(stocked.moderator_token))
        assert found.status_code == 200, found.get_json()
        return [r["external_id"] for r in lines(found)]

    assert ids("since=2026-02-10&until=2026-03-10") == ["r2", "r3", "c1"]  # both days included, by arrival
    assert ids("subject=sku-b") == ["r3", "r4"]
    assert ids("status=held") == ["r4"]
    assert ids("kind=comment") == ["c1"]
    assert ids("subject=sku-a&kind=review&until=2026-01-31") == ["r1"]
    assert ids("since=2026-03-01&until=2026-02-01") == []  # an empty range: nothing, not an error

    for query, field in [
        ("since=2026-13-01", "since"),
        ("until=2026-02-30", "until"),
        ("status=lost", "status"),
        ("kind=tweet", "kind"),
        ("sinse=2026-01-01", "sinse"),
    ]:
        refused = client.get(f"{url}?{query}", headers=auth(stocked.moderator_token))
        assert refused.status_code == 422 and refused.get_json()["error"]["field"] == field, (query, refused.json)


def test_jsonl_export_is_streamed_over_http(app, stocked):
    server = LiveServer(app)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        conn.request("GET", "/api/v1/sites/shop/items.jsonl", headers=auth(stocked.admin_token))
        response = conn.getresponse()
        assert response.status == 200
        # No Content-Length: the body is sent as it is produced, not built whole first.
        assert response.getheader("Content-Length") is None
        assert response.getheader("Transfer-Encoding") == "chunked"
        assert len([line for line in response.read().decode().splitlines() if line]) == 6
        conn.close()
    finally:
        server.stop()


def test_product_feed_has_aggregate_rating_of_published_reviews(app, client, stocked):
    response = client.get("/api/v1/sites/shop/feed/products.json")
    assert response.status_code == 200
    feed = response.get_json()
    assert feed["total"] == 2 and [p["sku"] for p in feed["products"]] == ["sku-a", "sku-b"]
    sku_a, sku_b = feed["products"]
    assert sku_a["@context"] == "https://schema.org" and sku_a["@type"] == "Product"
    assert sku_a["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 3.5,
        "reviewCount": 2,
        "bestRating": 5,
        "worstRating": 1,
    }
    # The 2-star review is there like the 5-star one; no comment, no external post.
    assert [r["reviewRating"]["ratingValue"] for r in sku_a["review"]] == [2, 5]
    assert sku_a["review"][0]["author"] == {"@type": "Person", "name": "Author r2"}
    assert sku_a["review"][0]["datePublished"] == "2026-02-10"
    # The held review counts nowhere.
    assert sku_b["aggregateRating"]["reviewCount"] == 1 and len(sku_b["review"]) == 1
    with app.app_context():
        assert db.session.execute(select(Item.status).where(Item.external_id == "r4")).scalar_one() == "held"

    assert client.get("/api/v1/sites/shop/feed/products.json?per_page=1&page=2").get_json()["products"][0]["sku"] == (
        "sku-b"
    )
    assert client.get("/api/v1/sites/shop/feed/products.json?per_page=0").get_json()["error"]["field"] == "per_page"
    other_token = client.get("/api/v1/sites/shop/feed/products.json", headers=auth(stocked.other_site_moderator_token))
    assert other_token.status_code == 403
    foreign = client.get("/api/v1/sites/shop/feed/products.json", headers={"Origin": "http://evil.test"})
    assert foreign.status_code == 403
    own = client.get("/api/v1/sites/shop/feed/products.json", headers={"Origin": ORIGIN})
    assert own.headers["Access-Control-Allow-Origin"] == ORIGIN


def test_both_are_in_the_openapi_document(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    export_op = paths["/api/v1/sites/{site}/items.jsonl"]["get"]
    assert (
        export_op["security"] == [{"bearer": []}] and "application/x-ndjson" in export_op["responses"]["200"]["content"]
    )
    assert {p["name"] for p in export_op["parameters"]} >= {"site", "since", "until", "subject", "status", "kind"}
    feed_op = paths["/api/v1/sites/{site}/feed/products.json"]["get"]
    schema = feed_op["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/ProductFeed"}
