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
    assert first.get_json() == {"item_id": item_id, "helpful_count": 1, "counted": True, "voted": True}
    assert first.headers["Access-Control-Allow-Origin"] == ORIGIN
    again = vote(client, item_id)
    assert again.get_json() == {"item_id": item_id, "helpful_count": 1, "counted": False, "voted": True}
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


def withdraw(client, item_id, site="shop", origin=ORIGIN, addr="10.0.0.1", headers=None):
    hdrs = {"Origin": origin} if origin else {}
    hdrs.update(headers or {})
    return client.delete(
        f"/api/v1/sites/{site}/items/{item_id}/helpful", headers=hdrs, environ_base={"REMOTE_ADDR": addr}
    )


def comment(client, body: str, parent_id: int | None = None) -> int:
    payload = {"kind": "comment", "body": body, "author": {"name": "Noé"}}
    if parent_id is not None:
        payload["parent_id"] = parent_id
    response = submit(client, payload, subject="article-1")
    assert response.status_code == 202 and response.get_json()["status"] == "published", response.get_json()
    return response.get_json()["id"]


def test_a_vote_can_be_withdrawn_once_and_withdrawing_again_changes_nothing(app, client, world):
    item_id = posted(client)
    vote(client, item_id)
    vote(client, item_id, addr="10.0.0.2")
    taken = withdraw(client, item_id)
    assert taken.status_code == 200
    assert taken.get_json() == {"item_id": item_id, "helpful_count": 1, "counted": True, "voted": False}
    assert taken.headers["Access-Control-Allow-Origin"] == ORIGIN
    # Idempotent: a retried DELETE, or one never preceded by a vote, leaves the count alone.
    again = withdraw(client, item_id)
    assert again.get_json() == {"item_id": item_id, "helpful_count": 1, "counted": False, "voted": False}
    never = withdraw(client, item_id, addr="10.0.0.3")
    assert never.get_json()["helpful_count"] == 1 and never.get_json()["counted"] is False
    with app.app_context():
        assert db.session.get(Item, item_id).helpful_count == 1
        assert db.session.execute(db.select(db.func.count()).select_from(HelpfulVote)).scalar_one() == 1
    # Voting after withdrawing counts again.
    back = vote(client, item_id)
    assert back.get_json() == {"item_id": item_id, "helpful_count": 2, "counted": True, "voted": True}


def test_a_withdrawn_vote_shows_in_the_next_listing_at_once(client, world):
    item_id = posted(client)
    url = "/api/v1/sites/shop/subjects/sku-1?sort=helpful"
    assert client.get(url).get_json()["items"][0]["helpful_count"] == 0  # cached now
    vote(client, item_id)
    assert client.get(url).get_json()["items"][0]["helpful_count"] == 1
    withdraw(client, item_id)
    assert client.get(url).get_json()["items"][0]["helpful_count"] == 0


def test_withdrawing_follows_the_voting_rules(client, world):
    item_id = posted(client)
    held = posted(client, body="Voir bit.ly/promo")
    assert withdraw(client, held).status_code == 404
    assert withdraw(client, 999_999).get_json()["error"]["field"] == "item"
    # Beyond the ids' range or not a number: a 422 naming the id, never 405 or 500, for both methods.
    for bad in (2**31, 0, "abc"):
        for send in (vote, withdraw):
            response = send(client, bad)
            assert response.status_code == 422, (bad, send)
            assert response.get_json()["error"]["field"] == "item_id"
    assert withdraw(client, item_id, origin="http://evil.test").status_code == 403
    assert withdraw(client, item_id, origin=None).status_code == 401
    assert withdraw(client, item_id, origin=None, headers=auth(world.site_token)).status_code == 200
    preflight = client.options(f"/api/v1/sites/shop/items/{item_id}/helpful", headers={"Origin": ORIGIN})
    assert "DELETE" in preflight.headers["Access-Control-Allow-Methods"]


def test_voting_and_withdrawing_share_one_rate_limit(make_app, world):
    app = make_app(HELPFUL_RATE_LIMIT="3 per minute")
    client = app.test_client()
    item_id = posted(client)
    assert vote(client, item_id).status_code == 200
    assert withdraw(client, item_id).status_code == 200
    assert vote(client, item_id).status_code == 200
    limited = withdraw(client, item_id)
    assert limited.status_code == 429
    assert limited.get_json()["error"]["code"] == "rate_limited"
    assert limited.headers["Access-Control-Allow-Origin"] == ORIGIN
    with app.app_context():
        assert db.session.get(Item, item_id).helpful_count == 1


def test_comments_take_helpful_votes_and_sort_by_them(client, world):
    first, second, third = comment(client, "Premier !"), comment(client, "Deuxième avis"), comment(client, "Trois")
    answer = comment(client, "Une réponse", parent_id=first)
    assert vote(client, third).get_json()["helpful_count"] == 1
    vote(client, third, addr="10.0.0.2")
    vote(client, second)
    assert vote(client, answer).get_json()["counted"] is True  # answers in a thread too

    def order(sort: str) -> list[int]:
        listing = client.get(f"/api/v1/sites/shop/subjects/article-1?sort={sort}")
        assert listing.status_code == 200
        return [i["id"] for i in listing.get_json()["items"]]

    assert order("oldest") == [first, second, third]
    assert order("newest") == [third, second, first]
    assert order("helpful") == [third, second, first]
    # The sort is part of the listing cache's key: each order above was computed, then served from the cache.
    assert order("oldest") == [first, second, third]
    withdraw(client, third)
    withdraw(client, third, addr="10.0.0.2")
    assert order("helpful") == [second, third, first]


def test_a_bad_sort_is_a_422_naming_the_field(client, world):
    posted(client)
    for bad in ("best", "", "NEWEST", "newest;drop"):
        response = client.get("/api/v1/sites/shop/subjects/sku-1", query_string={"sort": bad})
        assert response.status_code == 422, bad
        assert response.get_json()["error"]["field"] == "sort"


def test_the_withdrawal_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/sites/{site}/items/{id}/helpful"]["delete"]
    assert operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/HelpfulVote")
    assert {"401", "403", "404", "429"} <= set(operation["responses"])
    assert "voted" in spec["components"]["schemas"]["HelpfulVote"]["required"]
    listing = spec["paths"]["/api/v1/sites/{site}/subjects/{subject}"]["get"]
    sort = next(p for p in listing["parameters"] if p["name"] == "sort")
    assert set(sort["schema"]["enum"]) >= {"oldest", "newest", "helpful"}
