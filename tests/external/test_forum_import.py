"""``moderation import-forum``: Discourse, Disqus and WordPress exports become external items, once; XML that
declares entities (billion laughs, XXE) is refused before anything is parsed or written."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from moderation.extensions import db
from moderation.models import Case, ExternalPost, Item
from tests.conftest import run_worker
from tests.external.helpers import data_path, read_data


def import_forum(runner, *args):
    return runner.invoke(args=["import-forum", "shop", *args])


def external_posts(app) -> list[tuple[ExternalPost, Item]]:
    with app.app_context():
        rows = db.session.execute(
            select(ExternalPost, Item).join(Item, Item.id == ExternalPost.item_id).order_by(Item.id)
        ).all()
        db.session.expunge_all()
        return [tuple(r) for r in rows]


def count_items(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(Item)).scalar_one()


def test_disqus_import_is_idempotent_and_keeps_where_each_post_was(app, runner, world):
    first = import_forum(runner, data_path("disqus.xml"), "--format", "disqus")
    assert first.exit_code == 0, first.output
    assert "created 2, already there 0" in first.output  # the spam post stays out
    again = import_forum(runner, data_path("disqus.xml"), "--format", "disqus")
    assert "created 0, already there 2" in again.output, again.output
    rows = external_posts(app)
    assert len(rows) == 2 and count_items(app) == 2
    post, item = rows[0]
    assert item.kind == "external" and item.body == "The X200 is terrible in the rain, my feet were soaked."
    assert post.source == "disqus:shopblog" and post.source_name == "shopblog" and post.guid == "7001"
    assert post.url == "https://blog.example/x200-review#comment-7001" and post.author == "Camille"
    assert post.published_at == datetime(2026, 10, 1, 12, 0)
    with app.app_context():
        subjects = sorted(db.session.get(Item, i.id).subject.external_id for _, i in rows)
    # A thread identifier that cannot name a subject (it holds a "/") falls back to the export's numeric id.
    assert subjects == ["disqus-5002", "x200-review"]


def test_wxr_comments_and_a_single_subject(app, runner, world):
    result = import_forum(runner, data_path("wxr.xml"), "--format", "wxr", "--subject", "sku-boots")
    assert result.exit_code == 0 and "created 1, already there 0" in result.output, result.output
    assert "created 0, already there 1" in import_forum(runner, data_path("wxr.xml"), "--format", "wxr").output
    [(post, item)] = external_posts(app)
    assert post.url == "https://blog.example/winter-boots#comment-301" and post.author == "Hugo"
    assert post.source == "wxr:blog.example" and post.published_at == datetime(2026, 11, 1, 8, 15)
    with app.app_context():
        assert db.session.get(Item, item.id).subject.external_id == "sku-boots"
        # The commenter's address stays in the export: an external author is a name, never an e-mail.
        assert db.session.get(Item, item.id).author.email is None


def test_entity_attacks_are_refused_and_write_nothing(app, runner, world):
    laughs = import_forum(runner, data_path("billion_laughs.xml"), "--format", "disqus")
    assert laughs.exit_code != 0 and "refused" in laughs.output and "DTD" in laughs.output, laughs.output
    xxe = import_forum(runner, data_path("xxe_wxr.xml"), "--format", "wxr")
    assert xxe.exit_code != 0 and "refused" in xxe.output, xxe.output
    assert b"root:" not in read_data("xxe_wxr.xml")  # the fixture itself holds no secret
    assert count_items(app) == 0


def test_wrong_format_names_the_file(app, runner, world):
    result = import_forum(runner, data_path("wxr.xml"), "--format", "disqus")
    assert result.exit_code != 0 and "not a Disqus export" in result.output
    bad_json = import_forum(runner, data_path("wxr.xml"), "--format", "discourse")
    assert bad_json.exit_code != 0 and "not valid JSON" in bad_json.output


def test_discourse_export_over_http_is_scored_and_cased_like_a_comment(app, runner, world, feed_server):
    server = feed_server({"/t/42.json": ("application/json", read_data("discourse.json"))})
    url = server.url + "/t/42.json"
    refused = import_forum(runner, url, "--format", "discourse")
    assert refused.exit_code != 0 and "private address" in refused.output  # the SSRF guard of webhooks
    args = [url, "--format", "discourse", "--allow-private", "--base-url", "https://forum.example"]
    first = import_forum(runner, *args)
    assert first.exit_code == 0 and "created 2, already there 0" in first.output, first.output
    assert "created 0, already there 2" in import_forum(runner, *args).output
    assert [r[2] for r in server.requests] == [200, 200]
    rows = external_posts(app)
    post, item = rows[0]
    assert post.url == "https://forum.example/t/x200-after-500-km/42/1" and post.author == "Jo"
    assert (
        item.body == "After 500 km the X200 is broken at the heel. Disappointed." and item.title == "X200 after 500 km"
    )
    assert rows[1][0].author == "ann_b"  # no display name: the username

    run_worker(app)  # the real scoring pipeline, as after `moderation import`
    with app.app_context():
        scored = db.session.get(Item, item.id)
        assert scored.scored_at is not None and scored.scores[0].model_version == "stub-keyword-1"
        case = db.session.execute(select(Case).where(Case.item_id == item.id)).scalar_one()
        assert "negative_text" in case.reasons and case.state == "open"
