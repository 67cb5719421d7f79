"""The demo loader and the /demo pages."""

from __future__ import annotations

import json

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, Item, Reply, Site
from moderation.widget.demo import ARTICLE_SUBJECT, DATA_DIR, DEMO_CSP, load_demo

SEED = json.load(open(f"{DATA_DIR}/seed_article_comments.json", encoding="utf-8"))


def by_external(external_id: str) -> Item:
    return db.session.execute(select(Item).where(Item.external_id == external_id)).scalar_one()


def test_the_seed_article_is_imported_threaded_with_its_link_held(app):
    with app.app_context():
        report = load_demo(["http://127.0.0.1:8000"])
        assert report.errors == []
        assert report.created == 12 + len(SEED["comments"])
        for comment in SEED["comments"]:
            item = by_external(f"seed-article-{comment['n']}")
            assert item.subject.external_id == ARTICLE_SUBJECT
            assert item.body == comment["body"]
            parent = comment["reply_to"] and by_external(f"seed-article-{comment['reply_to']}").id
            assert item.parent_id == (parent or None)
        shortened = by_external("seed-article-2")
        assert "bit.ly" in shortened.body
        assert shortened.status == "held"
        assert "links" in db.session.execute(select(Case).where(Case.item_id == shortened.id)).scalar_one().reasons
        held = db.session.execute(select(Item).where(Item.status == "held")).scalars().all()
        assert [i.external_id for i in held] == ["seed-article-2"]


def test_loading_twice_changes_nothing_but_adds_origins(app):
    with app.app_context():
        load_demo(["http://127.0.0.1:8000"])
        again = load_demo(["http://localhost:8000/", "http://127.0.0.1:8000"])
        assert (again.created, again.errors) == (0, [])
        site = db.session.execute(select(Site).where(Site.slug == "demo")).scalar_one()
        assert site.allowed_origins == ["http://127.0.0.1:8000", "http://localhost:8000"]
        assert len(db.session.execute(select(Reply)).scalars().all()) == 1


def test_the_product_has_a_brand_reply_by_an_account_that_cannot_log_in(app):
    with app.app_context():
        load_demo(["http://127.0.0.1:8000"])
        reply = db.session.execute(select(Reply)).scalar_one()
        assert reply.item.external_id == "lumo-r06"
        assert not reply.moderator.is_active


def test_cli_demo_load(app):
    result = app.test_cli_runner().invoke(args=["demo", "load", "--origin", "http://127.0.0.1:9999"])
    assert result.exit_code == 0, result.output
    assert "created 34" in result.output


def test_demo_pages_carry_a_strict_csp_and_embed_the_widget(app, client):
    with app.app_context():
        load_demo(["http://localhost"])
    for path, kind in (("/demo/product", "reviews"), ("/demo/article", "comments")):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["Content-Security-Policy"] == DEMO_CSP
        html = response.get_data(as_text=True)
        assert f'data-kind="{kind}"' in html and 'src="/widget.js"' in html
        assert "<style" not in html and "style=" not in html and "<script>" not in html
        assert "not on the demo site" not in html
    assert client.get("/demo").status_code == 200
    assert '<html lang="en">' in client.get("/demo/product?lang=en").get_data(as_text=True)


def test_demo_page_says_when_its_origin_is_not_allowed(app, client):
    with app.app_context():
        load_demo(["http://127.0.0.1:8000"])
    html = client.get("/demo/product").get_data(as_text=True)
    assert "moderation demo load --origin http://localhost" in html
