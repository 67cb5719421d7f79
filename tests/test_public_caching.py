"""The public path's caches: statements per submission bounded, the listing answer cached and invalidated by every
change it shows (in this process and in another one), ETag and 304, and the cached lookups' window: a token
revoked or a webhook endpoint changed elsewhere takes effect within ``PUBLIC_CACHE_S``, at once where it changed.

Run on SQLite (no MODERATION_TEST_DATABASE_URL) and on PostgreSQL: the statement bounds hold on both.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event, func, select

from moderation.extensions import db
from moderation.models import ApiToken, Case, Item, WebhookDelivery
from moderation.services.local_cache import app_cache
from tests.conftest import ORIGIN, auth, review, submit

LISTING = "/api/v1/sites/shop/subjects/sku-1"


@contextmanager
def counted_statements(app):
    """The SQL statements the app's engine sends while the block runs (BEGIN/COMMIT of the driver not counted)."""
    seen: list[str] = []

    def note(conn, cursor, statement, *rest):
        seen.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", note)


def statements_of(app, call) -> list[str]:
    with counted_statements(app) as seen:
        response = call()
    assert response.status_code in (200, 202, 304), response.get_data(as_text=True)
    return seen


def writes(statements: list[str]) -> list[str]:
    """The tables inserted into, in order, counting those of a data-modifying CTE (on PostgreSQL an item, its case and
    the case's audit event are one ``WITH new_item AS (INSERT INTO items …), new_case AS (INSERT INTO cases …), …``)."""
    return [f"INSERT {table}" for s in statements for table in re.findall(r"\bINSERT INTO (\w+)", s, re.IGNORECASE)]


def test_a_submission_costs_a_bounded_number_of_statements(make_app, world):
    # A window no loaded test machine outlasts: the bounds are about a warm cache, not about its expiry.
    app = make_app(PUBLIC_CACHE_S=600)
    client = app.test_client()
    token = auth(world.site_token)
    # The first submissions fill the per-process caches (site, token, subject, webhook endpoints); the first
    # also records the token's use, which drops it from the cache once (at most once a minute).
    for body in ("Première", "Deuxième"):
        assert submit(client, review(4, body=body), headers=token).status_code == 202
    published = statements_of(app, lambda: submit(client, review(4, body="Bien, rien à redire"), headers=token))
    # The author and the item: no SELECT of the site, the token, the subject or the webhook endpoints.
    assert writes(published) == ["INSERT authors", "INSERT items"]
    assert len(published) <= 3, published  # SQLite adds its BEGIN IMMEDIATE
    low = statements_of(app, lambda: submit(client, review(1, body="Cassé au bout de deux jours"), headers=token))
    # The 1★ review's case (and its audit row) is in the same transaction: still no lookup. On PostgreSQL the item,
    # its case and the case's audit row are one statement.
    assert writes(low) == ["INSERT authors", "INSERT items", "INSERT cases", "INSERT audit_events"]
    postgres = app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
    assert len(low) <= (2 if postgres else 5), low
    # An author with an e-mail is upserted and the duplicate rule looks the text up for them: on PostgreSQL the
    # upsert and the lookup are one statement.
    lea = {"name": "Lea", "email": "lea@example.com"}
    known = statements_of(app, lambda: submit(client, review(4, body="Solide, bien fini", author=lea), headers=token))
    assert writes(known) == ["INSERT authors", "INSERT items"]
    assert len(known) <= (2 if postgres else 4), known
    # From a browser, the duplicate rule looks the address up: one SELECT more, still bounded.
    browser = statements_of(app, lambda: submit(client, review(5, body="Parfait pour lire le soir")))
    assert len(browser) <= 4, browser
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Case)).scalar_one() == 1


def test_a_cached_listing_shows_a_new_review_a_reply_and_a_vote_at_once(make_app, world):
    app = make_app(PUBLIC_CACHE_S=600, LISTING_CACHE_S=600)  # no expiry hides a missed invalidation
    client = app.test_client()
    first = submit(client, review(2, body="Décevant, la lampe clignote")).get_json()["id"]
    assert [i["id"] for i in client.get(LISTING).get_json()["items"]] == [first]
    # The same request again is answered from the cache: no statement at all.
    assert statements_of(app, lambda: client.get(LISTING)) == []

    second = submit(client, review(5, body="Très bonne lampe")).get_json()["id"]
    listing = client.get(LISTING).get_json()
    assert [i["id"] for i in listing["items"]] == [second, first]
    assert listing["aggregate"]["count"] == 2

    case_id = client.get(f"/api/v1/items/{first}", headers=auth(world.moderator_token)).get_json()["case"]["id"]
    answered = client.post(
        f"/api/v1/cases/{case_id}/reply", json={"body": "Nous vous envoyons une lampe neuve."},
        headers=auth(world.moderator_token),
    )  # fmt: skip
    assert answered.status_code == 200
    (item,) = [i for i in client.get(LISTING).get_json()["items"] if i["id"] == first]
    assert [r["body"] for r in item["replies"]] == ["Nous vous envoyons une lampe neuve."]

    voted = client.post(f"/api/v1/sites/shop/items/{second}/helpful", headers={"Origin": ORIGIN})
    assert voted.get_json()["counted"] is True
    (item,) = [i for i in client.get(LISTING).get_json()["items"] if i["id"] == second]
    assert item["helpful_count"] == 1


def test_a_held_item_published_or_a_removal_shows_at_once(make_app, world):
    app = make_app(PUBLIC_CACHE_S=600, LISTING_CACHE_S=600)
    client = app.test_client()
    held = submit(client, review(5, body="Promo sur bit.ly/lampe")).get_json()
    assert held["status"] == "held"
    assert client.get(LISTING).get_json()["items"] == []
    moderator = auth(world.moderator_token)
    case_id = client.get(f"/api/v1/items/{held['id']}", headers=moderator).get_json()["case"]["id"]
    assert client.post(f"/api/v1/cases/{case_id}/approve", headers=moderator).status_code == 200
    assert [i["id"] for i in client.get(LISTING).get_json()["items"]] == [held["id"]]

    # An erasure with removal, from the services as the command line does it: the item leaves the listing.
    submit(client, review(4, body="Bonne lampe", author={"name": "Zoé", "email": "zoe@example.com"}))
    assert len(client.get(LISTING).get_json()["items"]) == 2
    with app.app_context():
        # Function-level import: the service needs the app's extensions, initialised by the fixture.
        from moderation.services.authors import erase_author

        erase_author("shop", "zoe@example.com", remove_items=True)
        db.session.commit()
    assert [i["id"] for i in client.get(LISTING).get_json()["items"]] == [held["id"]]


def test_a_change_made_by_another_process_invalidates_this_one(make_app, world):
    # Two apps: two processes' caches, one database and Redis; long windows, so only invalidation can explain it.
    web, console = make_app(PUBLIC_CACHE_S=600, LISTING_CACHE_S=600), make_app()
    client = web.test_client()
    item_id = submit(client, review(1, body="Nul, cassé")).get_json()["id"]
    assert client.get(LISTING).get_json()["items"][0]["replies"] == []
    assert statements_of(web, lambda: client.get(LISTING)) == []  # cached
    with console.app_context():
        # Function-level import: the services need the app's extensions, initialised by make_app.
        from moderation.models import Moderator
        from moderation.services import cases

        ann = db.session.execute(select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        case = db.session.execute(select(Case).where(Case.item_id == item_id)).scalar_one()
        cases.reply(ann, case, "Désolés : un échange part aujourd'hui.")
        db.session.commit()
    (item,) = client.get(LISTING).get_json()["items"]
    assert [r["body"] for r in item["replies"]] == ["Désolés : un échange part aujourd'hui."]


def test_a_listing_computed_in_one_process_is_read_by_the_others_from_redis(make_app, world):
    """After a new review, one web process computes the listing; another one reads it from Redis, not from the
    database, and still shows the new review at once."""
    first, second = make_app(PUBLIC_CACHE_S=600, LISTING_CACHE_S=600), make_app(PUBLIC_CACHE_S=600, LISTING_CACHE_S=600)
    one, two = first.test_client(), second.test_client()
    submit(one, review(4, body="Bonne lampe de bureau"))
    two.get(LISTING)  # the second process's site and subject lookups are cached from here on

    new_id = submit(one, review(5, body="Excellente, lumière douce")).get_json()["id"]
    computed = statements_of(first, lambda: one.get(LISTING))
    assert any("items" in s for s in computed)  # the first process computes the new answer
    answers = []
    read = statements_of(second, lambda: answers.append(two.get(LISTING)) or answers[0])
    assert not any("items" in s for s in read), read  # the second one found it in Redis
    assert answers[0].get_json()["items"][0]["id"] == new_id
    assert answers[0].headers["ETag"] == one.get(LISTING).headers["ETag"]


def test_etag_answers_304_until_the_listing_changes(make_app, world):
    client = make_app(LISTING_CACHE_S=600).test_client()
    submit(client, review(5, body="Très bien"))
    first = client.get(LISTING)
    etag = first.headers["ETag"]
    assert first.status_code == 200 and etag
    assert "no-cache" in first.headers["Cache-Control"] and "public" in first.headers["Cache-Control"]
    assert "Origin" in first.headers["Vary"]
    again = client.get(LISTING, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag
    submit(client, review(4, body="Bien"))
    changed = client.get(LISTING, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert len(changed.get_json()["items"]) == 2


def test_a_token_revoked_elsewhere_is_refused_after_the_window(make_app, world):
    web, console = make_app(PUBLIC_CACHE_S=5), make_app()
    now = [0.0]
    app_cache("tokens", web).clock = lambda: now[0]  # the window, on a clock the test moves
    client = web.test_client()
    token = auth(world.site_token)
    # Twice: the first records the token's use, which drops it from the cache once; the second caches it.
    for body in ("Bien", "Très bien"):
        assert submit(client, review(body=body), headers=token).status_code == 202
    with console.app_context():
        # Function-level import: the service needs the app's extensions, initialised by make_app.
        from moderation.services.accounts import hash_token, revoke_token

        token_id = db.session.execute(
            select(ApiToken.id).where(ApiToken.token_hash == hash_token(world.site_token))
        ).scalar_one()
        revoke_token(token_id)
        db.session.commit()
    now[0] = 1.0  # within the window, the web process may still accept it (documented: PUBLIC_CACHE_S)
    assert submit(client, review(body="Encore bien"), headers=token).status_code == 202
    now[0] = 5.5  # past the window: refused
    refused = submit(client, review(body="Toujours bien"), headers=token)
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "invalid_token"


def test_a_token_revoked_in_this_process_is_refused_at_once(app, client, world):
    token = auth(world.site_token)
    assert submit(client, review(), headers=token).status_code == 202  # cached
    with app.app_context():
        # Function-level import: the service needs the app's extensions, initialised by the fixture.
        from moderation.services.accounts import hash_token, revoke_token

        token_id = db.session.execute(
            select(ApiToken.id).where(ApiToken.token_hash == hash_token(world.site_token))
        ).scalar_one()
        revoke_token(token_id)
        db.session.commit()
    assert submit(client, review(body="Encore"), headers=token).status_code == 401


def test_webhook_endpoints_removed_or_added_elsewhere(make_app, world):
    web, console = make_app(PUBLIC_CACHE_S=5), make_app()
    now = [0.0]
    app_cache("webhooks", web).clock = lambda: now[0]
    client = web.test_client()
    with console.app_context():
        # Function-level import: the services need the app's extensions, initialised by make_app.
        from moderation.services import webhooks
        from moderation.services.accounts import get_site

        endpoint = webhooks.add_endpoint(get_site("shop"), "https://hooks.example.com/in", "s" * 20)
        db.session.commit()
        endpoint_id = endpoint.id
    assert submit(client, review(body="Premier")).status_code == 202  # caches the endpoint

    def delivery_count() -> int:
        with console.app_context():
            return db.session.execute(select(func.count()).select_from(WebhookDelivery)).scalar_one()

    with console.app_context():
        webhooks.remove_endpoint(webhooks.get_endpoint(endpoint_id))
        db.session.commit()
    before = delivery_count()  # PostgreSQL deletes the endpoint's log with it; SQLite without FK checks keeps it
    # Still cached here, but removed: the submission is accepted and writes no delivery for it (no FK error).
    assert submit(client, review(body="Deuxième")).status_code == 202
    assert delivery_count() == before
    with console.app_context():
        new_id = webhooks.add_endpoint(get_site("shop"), "https://hooks.example.com/new", "t" * 20).id
        db.session.commit()

    def events_for_new() -> list[str]:
        with console.app_context():
            query = select(WebhookDelivery.event_type).where(WebhookDelivery.endpoint_id == new_id)
            return list(db.session.execute(query).scalars())

    # (SQLite may give the new endpoint the old one's id, and keeps the old log: compare with what is there.)
    earlier = events_for_new()
    now[0] = 5.5  # past the window the new endpoint is seen
    assert submit(client, review(body="Troisième")).status_code == 202
    assert events_for_new() == [*earlier, "item.created"]
    with console.app_context():
        assert db.session.execute(select(func.count()).select_from(Item)).scalar_one() == 3
