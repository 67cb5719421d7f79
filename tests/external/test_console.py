"""The console: an external post's case with its link out (escaped, rel=noopener noreferrer nofollow), marked
"answered elsewhere" (CSRF, URL checked, audited); the token API's action; the admin's feeds page."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Case, ExternalPost, Feed
from tests.conftest import auth, review, run_worker, submit
from tests.console.conftest import login, post

HOSTILE_DISQUS = """<?xml version="1.0" encoding="utf-8"?>
<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
  <thread dsq:id="1"><id>x200</id><forum>shopblog</forum><link>https://blog.example/a"onmouseover="alert(1)</link></thread>
  <post dsq:id="9"><message><![CDATA[<img src=x onerror=alert(1)>This X200 is terrible, broken after a day.]]></message>
    <createdAt>2026-10-01T12:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam>
    <author><name>&lt;script&gt;alert("x")&lt;/script&gt;</name></author><thread dsq:id="1"/></post>
</disqus>
"""


def external_case(app, tmp_path) -> int:
    path = tmp_path / "hostile.xml"
    path.write_text(HOSTILE_DISQUS, encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["import-forum", "shop", str(path), "--format", "disqus"])
    assert "created 1" in result.output, result.output
    run_worker(app)
    with app.app_context():
        return db.session.execute(select(Case.id)).scalar_one()


def test_case_page_links_out_escaped_and_marks_answered_elsewhere(app, world, tmp_path):
    case_id = external_case(app, tmp_path)
    ann = app.test_client()
    assert login(ann, "ann@shop.test", "password-ann").status_code == 302
    page = ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert 'rel="noopener noreferrer nofollow"' in page and 'id="external"' in page
    assert "https://blog.example/a&#34;onmouseover=&#34;alert(1)#comment-9" in page  # escaped inside the attribute
    assert '"onmouseover="' not in page and "<script>alert" not in page and "onerror" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page  # the author's name, as text
    assert 'id="reply"' not in page  # no public reply under a post that is not ours

    path = f"/console/cases/{case_id}/answered-elsewhere"
    assert ann.post(path, data={"url": "https://blog.example/a#reply-1"}).status_code == 400  # no CSRF token
    refused = post(ann, path, {"url": "javascript:alert(1)"}, follow_redirects=True)
    assert "http:// or https://" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Case, case_id).state == "open"
    done = post(ann, path, {"url": "https://blog.example/a#reply-1"})
    assert done.status_code == 302
    with app.app_context():
        case = db.session.get(Case, case_id)
        assert case.state == "resolved" and case.closed_at is not None
        assert db.session.get(ExternalPost, case.item_id).answered_url == "https://blog.example/a#reply-1"
        event = db.session.execute(
            select(AuditEvent).where(AuditEvent.action == "case.answered_elsewhere")
        ).scalar_one()
        assert event.moderator.email == "ann@shop.test" and event.after["url"] == "https://blog.example/a#reply-1"
        assert event.before["state"] == "open" and event.after["state"] == "resolved"
    page = ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "Answered elsewhere" in page and 'href="https://blog.example/a#reply-1"' in page


def test_token_api_action(app, client, world, tmp_path):
    case_id = external_case(app, tmp_path)
    url = f"/api/v1/cases/{case_id}/answered_elsewhere"
    headers = auth(world.moderator_token)
    bad = client.post(url, json={"url": "ftp://blog.example/x"}, headers=headers)
    assert bad.status_code == 422 and bad.get_json()["error"]["field"] == "url"
    reply = client.post(f"/api/v1/cases/{case_id}/reply", json={"body": "Hello"}, headers=headers)
    assert reply.status_code == 409 and reply.get_json()["error"]["code"] == "external_item"
    done = client.post(url, json={"url": "https://blog.example/a#reply-2"}, headers=headers)
    assert done.status_code == 200 and done.get_json()["state"] == "resolved"
    # The item API says where the post was found and where it was answered.
    item = client.get(f"/api/v1/items/{done.get_json()['item_id']}", headers=headers).get_json()
    assert item["kind"] == "external" and item["verified_purchase"] is False
    assert item["external"]["source"] == "disqus:shopblog"
    assert item["external"]["url"] == 'https://blog.example/a"onmouseover="alert(1)#comment-9'  # data, not markup
    assert item["external"]["answered_url"] == "https://blog.example/a#reply-2"
    again = client.post(url, json={"url": "https://blog.example/a#reply-3"}, headers=headers)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "case_closed"

    submit(client, review(1, "Nul"))
    run_worker(app)
    with app.app_context():
        review_case = db.session.execute(select(Case.id).where(Case.id != case_id)).scalar_one()
    other = client.post(
        f"/api/v1/cases/{review_case}/answered_elsewhere", json={"url": "https://x.example/"}, headers=headers
    )
    assert other.status_code == 409 and other.get_json()["error"]["code"] == "not_external"
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["paths"]["/api/v1/cases/{id}/answered_elsewhere"]["post"]["requestBody"]["required"] is True


def test_admin_feeds_page(app, world):
    root = app.test_client()
    assert login(root, "root@shop.test", "password-root").status_code == 302
    page = "/console/admin/sites/shop/feeds"
    assert "No feed yet" in root.get(page).get_data(as_text=True)
    assert root.post(page, data={"url": "https://forum.example/feed", "subject": "sku-1"}).status_code == 400
    private = post(root, page, {"url": "http://10.0.0.8/feed", "subject": "sku-1"}, follow_redirects=True)
    assert "private address" in private.get_data(as_text=True)
    assert post(root, page, {"url": "https://forum.example/feed", "subject": "sku-1"}).status_code == 302
    listed = root.get(page).get_data(as_text=True)
    assert "https://forum.example/feed" in listed and "never" in listed
    with app.app_context():
        feed_id = db.session.execute(select(Feed.id)).scalar_one()
        added = db.session.execute(select(AuditEvent).where(AuditEvent.action == "feed.added")).scalar_one()
        assert added.moderator.email == "root@shop.test"
    assert post(root, f"{page}/{feed_id}/remove").status_code == 302
    with app.app_context():
        assert db.session.execute(select(Feed.id)).first() is None
        assert db.session.execute(select(AuditEvent.id).where(AuditEvent.action == "feed.removed")).first()

    ann = app.test_client()
    assert login(ann, "ann@shop.test", "password-ann").status_code == 302
    assert ann.get(page).status_code == 403
