"""The helpful vote: one per client per item, origin-checked, rate-limited, in the OpenAPI document."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import HelpfulVote, Item
from tests.conftest import ORIGIN, auth, review, submit


def vote(client, item_id, site="shop", origin=ORIGIN, addr="10.0.0.1", headers=None):
    hdrs = {"Origin": origin} if origin else {}
    hdrs.update(headers or {})
    return client.post(
        f"/api/v1/sites/{site}/items/{item_id}/helpful", headers=hdrs, environ_base={"REMOTE_ADDR": addr}
    )


def posted(client, **extra) -> int:
    response = submit(client, review(**extra))
    assert response.status_code == 202
    return response.get_json()["id"]


def test_a_vote_counts_once_per_client(app, client, world):
    item_id = posted(client)
    first = vote(client, item_id)
    assert first.status_code == 200
    assert first.get_json() == {"item_id": item_id, "helpful_count": 1, "counted": True}
    assert first.headers["Access-Control-Allow-Origin"] == ORIGIN
    again = vote(client, item_id)
    assert again.get_json() == {"item_id": item_id, "helpful_count": 1, "counted": False}
    other = vote(client, item_id, addr="10.0.0.2")
    assert other.get_json()["helpful_count"] == 2
    with app.app_context():
        assert db.session.get(Item, item_id).helpful_count == 2
        keys = [v.client_key for v in db.session.execute(db.select(HelpfulVote)).scalars()]
        assert len(keys) == 2 and not any("10.0.0" in k for k in keys)


def test_votes_order_the_helpful_sort(client, world):
    low, high = posted(client, body="Bien"), posted(client, body="Très bien")
    vote(client, high)
    vote(client, high, addr="10.0.0.9")
    vote(client, low)
    listing = client.get("/api/v1/sites/shop/subjects/sku-1?sort=helpful").get_json()
    assert [i["id"] for i in listing["items"]] == [high, low]
    assert [i["helpful_count"] for i in listing["items"]] == [2, 1]


def test_held_unknown_and_other_site_items_are_404(client, world):
    held = posted(client, body="Voir bit.ly/promo")
    assert vote(client, held).status_code == 404
    assert vote(client, 999_999).status_code == 404
    other_item = submit(client, review(), site="other", headers={"Origin": "http://other.test"}).get_json()["id"]
    response = vote(client, other_item)
    assert response.status_code == 404
    assert response.get_json()["error"]["field"] == "item"


def test_an_origin_not_on_the_list_is_refused(client, world):
    item_id = posted(client)
    response = vote(client, item_id, origin="http://evil.test")
    assert response.status_code == 403
    assert response.get_json()["error"]["code"] == "origin_not_allowed"
    assert "Access-Control-Allow-Origin" not in response.headers
    preflight = client.options(f"/api/v1/sites/shop/items/{item_id}/helpful", headers={"Origin": "http://evil.test"})
    assert preflight.status_code == 403


def test_without_origin_a_site_token_is_needed(client, world):
    item_id = posted(client)
    assert vote(client, item_id, origin=None).status_code == 401
    response = vote(client, item_id, origin=None, headers=auth(world.site_token))
    assert response.status_code == 200


def test_preflight_allows_the_site_origin(client, world):
    item_id = posted(client)
    response = client.options(f"/api/v1/sites/shop/items/{item_id}/helpful", headers={"Origin": ORIGIN})
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "POST" in response.headers["Access-Control-Allow-Methods"]


def test_votes_are_rate_limited_with_a_readable_429(make_app, world):
    app = make_app(HELPFUL_RATE_LIMIT="2 per minute")
    client = app.test_client()
    item_id = posted(client)
    assert vote(client, item_id).status_code == 200
    assert vote(client, item_id).status_code == 200
    limited = vote(client, item_id)
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    # The widget on an allowed origin can read the refusal (and when to retry).
    assert limited.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "Retry-After" in limited.headers["Access-Control-Expose-Headers"]


def test_submission_refusals_are_readable_by_an_allowed_origin_only(client, world):
    bad = submit(client, review(rating=9))
    assert bad.status_code == 422
    assert bad.headers["Access-Control-Allow-Origin"] == ORIGIN
    foreign = submit(client, review(rating=9), headers={"Origin": "http://evil.test"})
    assert foreign.status_code == 403
    assert "Access-Control-Allow-Origin" not in foreign.headers


def test_the_vote_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/sites/{site}/items/{id}/helpful"]["post"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/HelpfulVote")
    assert {"403", "404", "429"} <= set(operation["responses"])
    assert "HelpfulVote" in spec["components"]["schemas"]
