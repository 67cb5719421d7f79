"""A Redis outage never costs a submission: 202, the item waits unscored, and is scored once Redis returns."""

from __future__ import annotations

import pytest

from moderation.embedded import start_redis, stop
from moderation.extensions import db
from moderation.models import Case, Item
from tests.conftest import ORIGIN, free_port, review, run_worker, submit


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server owned by this test, on its own port, that the test really stops and restarts."""
    port = free_port()
    state = {"proc": start_redis(port=port, directory=str(tmp_path / "redis"))}

    def restart():
        state["proc"] = start_redis(port=port, directory=str(tmp_path / "redis"))

    state["restart"] = restart
    state["url"] = f"redis://127.0.0.1:{port}/0"
    yield state
    stop(state["proc"])


def test_submit_while_redis_is_down_then_scored_when_it_returns(make_app, own_redis):
    app = make_app(REDIS_URL=own_redis["url"], SUBMIT_RATE_LIMIT="100 per minute")
    _make_site(app)
    client = app.test_client()
    stop(own_redis["proc"])  # really stopped: connections are refused

    responses = [submit(client, review(rating=1, body=f"Nul, cassé, numéro {n}")) for n in range(3)]
    assert [r.status_code for r in responses] == [202, 202, 202]
    ids = [r.get_json()["id"] for r in responses]
    with app.app_context():
        assert db.session.query(Item).filter(Item.id.in_(ids), Item.scored_at.is_(None)).count() == 3

    own_redis["restart"]()
    run_worker(app)  # the worker's maintenance sweep finds the unscored items and enqueues their scoring

    with app.app_context():
        assert db.session.query(Item).filter(Item.scored_at.is_(None)).count() == 0
        assert db.session.query(Case).count() == 3


def test_readyz_reports_redis_down_without_failing(make_app, own_redis):
    app = make_app(REDIS_URL=own_redis["url"])
    stop(own_redis["proc"])
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["redis"].startswith("error")


def _make_site(app) -> None:
    from moderation.services.accounts import create_site

    with app.app_context():
        create_site("shop", "Shop", origins=[ORIGIN])
        db.session.commit()


class BrokenClient:
    """A Redis client whose every command fails the way redis-py 8.2 did when a connection was closed under it:
    AttributeError, not a RedisError."""

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise AttributeError("'NoneType' object has no attribute 'readline'")

        return fail


def test_a_redis_client_failing_after_commit_never_turns_the_accepted_submission_into_a_500(app, world, monkeypatch):
    from moderation.services import listing_cache, scheduling

    monkeypatch.setattr(listing_cache, "get_redis", BrokenClient)
    monkeypatch.setattr(scheduling, "get_redis", BrokenClient)
    client = app.test_client()
    headers = {"Authorization": f"Bearer {world.site_token}"}
    response = client.post("/api/v1/sites/shop/subjects/sku-1/items", json=review(body="Très bien"), headers=headers)
    assert response.status_code == 202
    with app.app_context():
        item = db.session.get(Item, response.get_json()["id"])
        assert item is not None and item.status == "published" and item.scored_at is None  # waits for the sweep


def test_a_redis_client_failing_on_a_read_answers_the_listing_without_the_cache(app, world, monkeypatch):
    """The read path, like the after-commit steps: a client that fails with something other than a RedisError
    (redis-py 8.2's AttributeError) answers the listing from the database, not a 500."""
    from moderation.services import listing_cache

    client = app.test_client()
    headers = {"Authorization": f"Bearer {world.site_token}"}
    posted = client.post("/api/v1/sites/shop/subjects/sku-1/items", json=review(body="Très bien"), headers=headers)
    assert posted.status_code == 202
    monkeypatch.setattr(listing_cache, "get_redis", BrokenClient)
    response = client.get("/api/v1/sites/shop/subjects/sku-1", headers={"Origin": ORIGIN})
    assert response.status_code == 200
    assert [i["id"] for i in response.get_json()["items"]] == [posted.get_json()["id"]]
