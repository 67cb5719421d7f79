"""Followed feeds: a real Atom feed on loopback, polled by a real rq worker through the scheduled sweep; the second
poll is a conditional GET answered 304, and every entry appears once."""

from __future__ import annotations

import time

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, ExternalPost, Feed, Item
from moderation.worker import build_worker
from tests.conftest import ORIGIN
from tests.external.helpers import read_data
from tests.stubs import make_stub

ATOM = "application/atom+xml"


def work_feeds(app) -> None:
    """A real worker of the feeds and scoring queues, to the end: its maintenance sweep schedules the polls."""
    build_worker(app, make_stub, queues=["feeds", "scoring"]).work(burst=True)


def feed_row(app) -> Feed:
    with app.app_context():
        feed = db.session.execute(select(Feed)).scalar_one()
        db.session.expunge(feed)
        return feed


def posts(app) -> list[tuple[ExternalPost, Item]]:
    with app.app_context():
        rows = db.session.execute(select(ExternalPost, Item).join(Item).order_by(ExternalPost.guid)).all()
        db.session.expunge_all()
        return [tuple(r) for r in rows]


def test_feed_polled_twice_by_the_worker_adds_each_entry_once(make_app, world, feed_server):
    app = make_app(FEED_POLL_EVERY_S=1)
    runner = app.test_cli_runner()
    server = feed_server({"/feed.atom": (ATOM, read_data("atom.xml"))})
    url = server.url + "/feed.atom"
    refused = runner.invoke(args=["feed", "add", "shop", url])
    assert refused.exit_code != 0 and "private address" in refused.output  # loopback needs an admin's yes
    added = runner.invoke(args=["feed", "add", "shop", url, "--subject", "sku-x200", "--allow-private"])
    assert added.exit_code == 0, added.output

    work_feeds(app)
    time.sleep(1.2)  # past FEED_POLL_EVERY_S: the next maintenance sweep schedules the feed again
    work_feeds(app)

    assert [(path, status) for path, _, status in server.requests] == [("/feed.atom", 200), ("/feed.atom", 304)]
    etag = server.requests[0][1], server.requests[1][1]
    assert etag[0] is None and etag[1] and etag[1] == feed_row(app).etag  # the stored ETag went back
    feed = feed_row(app)
    assert feed.items_found == 2 and feed.last_status == 304 and feed.last_error is None
    assert feed.title == "Trail runners forum"
    rows = posts(app)
    assert [p.guid for p, _ in rows] == ["tag:forum.example,2026:post-12", "tag:forum.example,2026:post-13"]
    first, item = rows[0]
    assert first.url == "https://forum.example/t/x200-soles/12" and first.source == f"feed:{url}"
    assert first.author == "Marie <b>" and first.source_name == "Trail runners forum"
    # Markup is dropped (the script with its content); the text is kept as text, escaped where it is shown.
    assert item.body == "The sole came off after a week, horrible quality." and item.kind == "external"
    assert rows[1][0].url is None  # a javascript: link is never kept
    with app.app_context():
        # Scored by the same worker, like a comment: the negative one has its case.
        assert all(db.session.get(Item, i.id).scored_at is not None for _, i in rows)
        case = db.session.execute(select(Case).where(Case.item_id == item.id)).scalar_one()
        assert "negative_text" in case.reasons

    # A new entry appears: the feed changed, so its ETag did; only the new entry is added.
    body = read_data("atom.xml").replace(
        b"</feed>",
        b"<entry><title>Third</title><id>tag:forum.example,2026:post-14</id><updated>2026-11-30T09:00:00Z</updated>"
        b"<summary>Broken again.</summary></entry></feed>",
    )
    server.routes["/feed.atom"] = (ATOM, body)
    time.sleep(1.2)
    work_feeds(app)
    assert server.requests[-1][2] == 200 and feed_row(app).items_found == 3 and len(posts(app)) == 3


def test_external_posts_never_reach_the_public(make_app, world, feed_server):
    app = make_app()
    server = feed_server({"/feed.atom": (ATOM, read_data("atom.xml"))})
    runner = app.test_cli_runner()
    runner.invoke(args=["feed", "add", "shop", server.url + "/feed.atom", "--subject", "sku-x200", "--allow-private"])
    with app.app_context():
        feed_id = db.session.execute(select(Feed.id)).scalar_one()
    assert "polled" in runner.invoke(args=["feed", "poll", str(feed_id)]).output
    rows = posts(app)
    assert len(rows) == 2 and all(i.status == "published" for _, i in rows)  # published, and still not public
    client = app.test_client()
    client.post(
        "/api/v1/sites/shop/subjects/sku-x200/items",
        json={"kind": "review", "rating": 4, "body": "Bonne chaussure", "author": {"name": "Lea"}},
        headers={"Origin": ORIGIN},
    )
    listing = client.get("/api/v1/sites/shop/subjects/sku-x200", headers={"Origin": ORIGIN}).get_json()
    assert [i["kind"] for i in listing["items"]] == ["review"] and listing["total"] == 1
    assert "sole came off" not in str(listing)
    item_id = rows[0][1].id
    assert client.get(f"/sites/shop/items/{item_id}").status_code == 404
    vote = client.post(f"/api/v1/sites/shop/items/{item_id}/helpful", headers={"Origin": ORIGIN})
    assert vote.status_code == 404


def test_entities_size_and_private_redirects_are_refused(make_app, world, feed_server):
    app = make_app(FEED_MAX_BYTES=2000)
    server = feed_server(
        {
            "/evil.atom": (ATOM, read_data("xxe_atom.xml")),
            "/big.atom": (ATOM, read_data("atom.xml") + b" " * 3000),
            "/moved.atom": ("redirect", b"file:///etc/passwd"),
        }
    )
    runner = app.test_cli_runner()
    for path in ("/evil.atom", "/big.atom", "/moved.atom"):
        assert runner.invoke(args=["feed", "add", "shop", server.url + path, "--allow-private"]).exit_code == 0
    with app.app_context():
        ids = list(db.session.execute(select(Feed.id).order_by(Feed.id)).scalars())
    for feed_id in ids:
        runner.invoke(args=["feed", "poll", str(feed_id)])
    with app.app_context():
        evil, big, moved = (db.session.get(Feed, i) for i in ids)
        assert evil.last_error.startswith("refused: the feed declares entities")
        assert big.last_error.startswith("FeedTooLarge")
        # A redirect is checked like the feed's own URL: never to file://, never to a private address unless allowed.
        assert moved.last_error == "refused: only http:// and https:// URLs with a host"
        assert db.session.execute(select(Item.id)).first() is None
    # A name is checked where it resolves, at each poll: localhost is loopback, refused without an admin's yes.
    by_name = server.url.replace("127.0.0.1", "localhost") + "/big.atom"
    assert runner.invoke(args=["feed", "add", "shop", by_name]).exit_code == 0
    with app.app_context():
        named_id = db.session.execute(select(Feed.id).where(Feed.url == by_name)).scalar_one()
    runner.invoke(args=["feed", "poll", str(named_id)])
    with app.app_context():
        assert "resolves to a private address" in db.session.get(Feed, named_id).last_error
    assert [path for path, _, _ in server.requests].count("/big.atom") == 1  # only the allowed feed's request
    listed = runner.invoke(args=["feed", "list", "shop"]).output
    assert "FeedTooLarge" in listed and "/evil.atom" in listed
    assert runner.invoke(args=["feed", "remove", str(ids[0])]).exit_code == 0
    assert "/evil.atom" not in runner.invoke(args=["feed", "list"]).output
