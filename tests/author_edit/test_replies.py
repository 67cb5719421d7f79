"""A brand reply previewed before publishing, edited and withdrawn after, in the console and the token API (#14)."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Reply, ReplyRevision, Site
from tests.conftest import auth, review
from tests.console.conftest import flagged, post
from tests.mail.conftest import act


def one_case(app, client) -> int:
    [case_id] = flagged(app, client, [("sku-1", review(1, "Cassé, horrible", lang="fr"))])
    with app.app_context():
        site = db.session.query(Site).filter_by(slug="shop").one()
        site.brand_name = "Equipe Shop"
        site.sign_with_first_name = True
        db.session.commit()
    return case_id


def public_replies(client) -> list[dict]:
    listing = client.get("/api/v1/sites/shop/subjects/sku-1", headers={"Origin": "http://shop.test"}).get_json()
    return listing["items"][0]["replies"]


def test_preview_shows_the_reply_signed_by_the_brand_and_publishes_nothing(app, client, as_ann):
    case_id = one_case(app, client)
    page = post(as_ann, f"/console/cases/{case_id}/reply/preview", {"body": "Merci <b>Lea</b>, on s'en occupe."})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    preview = html.split('id="reply-preview"')[1].split("</div>\n    </div>")[0]
    assert "Equipe Shop · Ann" in preview
    assert "Merci &lt;b&gt;Lea&lt;/b&gt;" in preview and "<b>Lea" not in html
    # The text stays in the box, ready to publish.
    assert "Merci &lt;b&gt;Lea&lt;/b&gt;, on s&#39;en occupe.</textarea>" in html
    with app.app_context():
        assert db.session.query(Reply).count() == 0
        assert db.session.get(Case, case_id).state == "open"


def test_console_edit_and_withdraw_keep_and_audit_the_previous_text(app, client, world, as_ann):
    case_id = one_case(app, client)
    act(client, world.moderator_token, case_id, "reply", {"body": "Désolés, écrivez au SAV."})
    with app.app_context():
        reply_id = db.session.query(Reply.id).scalar()
    assert public_replies(client)[0]["edited_at"] is None

    done = post(
        as_ann, f"/console/cases/{case_id}/replies/{reply_id}/edit", {"body": "Désolés : le SAV vous rappelle."}
    )
    assert done.status_code == 302
    with app.app_context():
        answer = db.session.get(Reply, reply_id)
        assert answer.body == "Désolés : le SAV vous rappelle." and answer.edited_at is not None
        [revision] = db.session.query(ReplyRevision).all()
        assert (revision.body, revision.action) == ("Désolés, écrivez au SAV.", "edited")
        event = db.session.query(AuditEvent).filter_by(action="reply.edited").one()
        assert event.moderator.name == "Ann" and event.target_id == reply_id
        assert event.before["body"] == "Désolés, écrivez au SAV."
        assert event.after["body"] == "Désolés : le SAV vous rappelle."
    [shown] = public_replies(client)
    assert shown["body"] == "Désolés : le SAV vous rappelle." and shown["edited_at"]
    page = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    assert "Earlier texts (1)" in page and "Désolés, écrivez au SAV." in page

    done = post(as_ann, f"/console/cases/{case_id}/replies/{reply_id}/withdraw")
    assert done.status_code == 302
    with app.app_context():
        answer = db.session.get(Reply, reply_id)
        assert answer.withdrawn_at is not None
        assert [r.action for r in db.session.query(ReplyRevision).order_by(ReplyRevision.id)] == ["edited", "withdrawn"]
        event = db.session.query(AuditEvent).filter_by(action="reply.withdrawn").one()
        assert event.before == {"body": "Désolés : le SAV vous rappelle."}
        # The customer is no longer answered: the case waits for an answer again.
        case = db.session.get(Case, case_id)
        assert case.state == "open" and case.closed_at is None
        assert db.session.query(AuditEvent).filter_by(action="case.reopened", target_id=case_id).count() == 1
    assert public_replies(client) == []
    # Withdrawn once is withdrawn: a second try is refused, the first stays.
    again = post(as_ann, f"/console/cases/{case_id}/replies/{reply_id}/withdraw", follow_redirects=True)
    assert "this reply was withdrawn" in again.get_data(as_text=True)
    # Without the CSRF token the console refuses the POST.
    assert as_ann.post(f"/console/cases/{case_id}/replies/{reply_id}/edit", data={"body": "x"}).status_code == 400


def test_token_api_preview_edit_and_withdraw(app, client, world):
    case_id = one_case(app, client)
    headers = auth(world.moderator_token)
    preview = client.post(f"/api/v1/cases/{case_id}/reply/preview", json={"body": "Merci !"}, headers=headers)
    assert preview.status_code == 200
    assert preview.get_json() == {"body": "Merci !", "signature": "Equipe Shop · Ann"}
    empty = client.post(f"/api/v1/cases/{case_id}/reply/preview", json={"body": " "}, headers=headers)
    assert empty.status_code == 422 and empty.get_json()["error"]["field"] == "body"

    act(client, world.moderator_token, case_id, "reply", {"body": "Premier jet"})
    with app.app_context():
        reply_id = db.session.query(Reply.id).scalar()
    base = f"/api/v1/cases/{case_id}/replies/{reply_id}"
    bad = client.post(f"{base}/edit", json={"body": "x" * 6000}, headers=headers)
    assert bad.status_code == 422 and bad.get_json()["error"]["field"] == "body"
    edited = client.post(f"{base}/edit", json={"body": "Version corrigée"}, headers=headers)
    assert edited.status_code == 200
    [shown] = edited.get_json()["item"]["replies"]
    assert shown["body"] == "Version corrigée" and shown["edited_at"] and shown["withdrawn_at"] is None
    # Another site's moderator does not see the case; an unknown reply is a 404 naming it.
    assert (
        client.post(f"{base}/edit", json={"body": "?"}, headers=auth(world.other_site_moderator_token)).status_code
        == 404
    )
    unknown = client.post(f"/api/v1/cases/{case_id}/replies/999999/edit", json={"body": "?"}, headers=headers)
    assert unknown.status_code == 404 and unknown.get_json()["error"]["field"] == "reply_id"

    withdrawn = client.post(f"{base}/withdraw", json={"note": "mauvais ton"}, headers=headers)
    assert withdrawn.status_code == 200
    assert withdrawn.get_json()["item"]["replies"][0]["withdrawn_at"] and withdrawn.get_json()["state"] == "open"
    assert client.post(f"{base}/withdraw", headers=headers).status_code == 409
    with app.app_context():
        bodies = [r.body for r in db.session.query(ReplyRevision).order_by(ReplyRevision.id)]
        assert bodies == ["Premier jet", "Version corrigée"]
        event = db.session.query(AuditEvent).filter_by(action="reply.withdrawn").one()
        assert event.after["note"] == "mauvais ton"

    document = client.get("/api/v1/openapi.json").get_json()["paths"]
    assert "post" in document["/api/v1/cases/{id}/reply/preview"]
    assert {"/api/v1/cases/{id}/replies/{reply_id}/edit", "/api/v1/cases/{id}/replies/{reply_id}/withdraw"} <= set(
        document
    )
