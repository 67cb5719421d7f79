"""An author edits or withdraws their review through the signed links of their mails (issue #14)."""

from __future__ import annotations

import time
from unittest import mock

import pytest

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Item, ItemRevision, Score
from tests.author_edit.helpers import form_token, mail_link, posted_review
from tests.conftest import run_worker
from tests.mail.conftest import act


@pytest.fixture
def mail_app(make_app):
    # No SMTP: every mail lands in the outbox, where the test reads its links.
    return make_app(PUBLIC_URL="http://shop.example")


def listing(client, subject: str = "sku-1") -> dict:
    response = client.get(f"/api/v1/sites/shop/subjects/{subject}", headers={"Origin": "http://shop.test"})
    assert response.status_code == 200
    return response.get_json()


def test_an_edit_that_adds_a_link_is_held_and_the_old_version_kept(mail_app, world, as_ann):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=5, body="Super produit, je recommande")
    run_worker(mail_app)
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    assert "withdraw" not in edit and "lang=fr" in edit
    page = client.get(edit)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Super produit, je recommande" in html and 'name="csrf_token"' in html and 'id="rating"' in html

    # Without the form's CSRF token nothing changes.
    forged = client.post(edit, data={"rating": "5", "body": "Voir http://pas-cher.example/promo"})
    assert forged.status_code == 400
    with mail_app.app_context():
        assert db.session.get(Item, item_id).body == "Super produit, je recommande"

    token = form_token(client, edit)
    done = client.post(edit, data={"csrf_token": token, "rating": "4", "title": "Bien",
                                   "body": "Bien, mais moins cher sur http://pas-cher.example/promo"})  # fmt: skip
    assert done.status_code == 200, done.get_data(as_text=True)
    assert "après vérification par un modérateur" in done.get_data(as_text=True)
    with mail_app.app_context():
        item = db.session.get(Item, item_id)
        assert item.status == "held" and item.hold_reasons == ["links"]
        assert item.rating == 4 and item.title == "Bien" and item.edited_at is not None
        assert item.case is not None and item.case.state == "open" and "links" in item.case.reasons
        [revision] = db.session.query(ItemRevision).filter_by(item_id=item_id).all()
        assert (revision.rating, revision.title, revision.body, revision.status) == (
            5, None, "Super produit, je recommande", "published",
        )  # fmt: skip
        # The verdict on the old text went with it; the new text waits for the model.
        assert [s["negative_probability"] for s in revision.scores] == [0.05]
        assert item.scored_at is None and db.session.query(Score).filter_by(item_id=item_id).count() == 0
        edited = db.session.query(AuditEvent).filter_by(action="item.edited", target_id=item_id).one()
        assert edited.before["revision_id"] == revision.id and edited.after["status"] == "held"
    # Held: no longer public.
    assert listing(client)["items"] == []
    # The moderator sees that the author edited it, the earlier version, and the new text's rule spans.
    with mail_app.app_context():
        case_id = db.session.query(Case.id).filter_by(item_id=item_id).scalar()
    html = as_ann.get(f"/console/cases/{case_id}").get_data(as_text=True)
    history = html.split('id="item-history"')[1].split("</details>")[0]
    assert "edited by its author" in history and "Earlier versions (1)" in history
    assert "Super produit, je recommande" in history
    body_html = html.split('class="item-body"')[1].split("</p>")[0]
    assert 'class="rule-match reason-links"' in body_html and "pas-cher.example" in body_html.split("<mark")[1]


def test_an_edit_with_personal_data_is_held_too(mail_app, world):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=4, body="Produit correct, livraison rapide")
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    token = form_token(client, edit)
    body = "Produit correct, appelez-moi au 06 12 34 56 78 pour en parler"
    assert client.post(edit, data={"csrf_token": token, "rating": "4", "body": body}).status_code == 200
    with mail_app.app_context():
        item = db.session.get(Item, item_id)
        assert item.status == "held" and "personal_data" in item.hold_reasons
        assert "personal_data" in item.case.reasons


def test_an_edit_is_rescored_by_a_real_worker_and_shown_as_edited(mail_app, world):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=5, body="Super produit, je recommande")
    run_worker(mail_app)
    with mail_app.app_context():
        assert db.session.get(Item, item_id).case is None  # 5★ and positive: nothing to answer
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    token = form_token(client, edit)
    new_body = "Horrible, cassé au bout de deux jours"
    done = client.post(edit, data={"csrf_token": token, "rating": "5", "body": new_body})
    assert done.status_code == 200 and "modifié" in done.get_data(as_text=True)

    # The edit enqueued scoring like a new submission; the worker scores the new text and the policy applies.
    run_worker(mail_app)
    with mail_app.app_context():
        item = db.session.get(Item, item_id)
        assert item.status == "published" and item.scored_at is not None
        assert [s.negative_probability for s in item.scores] == [0.95]
        assert item.case is not None and item.case.state == "open"
        assert {"negative_text", "rating_text_mismatch"} <= set(item.case.reasons)
        [revision] = db.session.query(ItemRevision).filter_by(item_id=item_id).all()
        assert revision.body == "Super produit, je recommande"

    [shown] = listing(client)["items"]
    assert shown["body"] == new_body and shown["edited_at"] and shown["edited_at"].endswith("Z")
    page = client.get(f"/sites/shop/items/{item_id}?lang=fr")
    assert 'class="edited">modifié' in page.get_data(as_text=True)

    # A second edit keeps both earlier versions, oldest first.
    token = form_token(client, edit)
    client.post(edit, data={"csrf_token": token, "rating": "3", "body": "Moyen finalement"})
    with mail_app.app_context():
        bodies = [r.body for r in db.session.query(ItemRevision).filter_by(item_id=item_id).order_by(ItemRevision.id)]
        assert bodies == ["Super produit, je recommande", new_body]


def test_bad_input_is_refused_naming_the_field(mail_app, world):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=5, body="Super produit")
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    token = form_token(client, edit)
    empty = client.post(edit, data={"csrf_token": token, "rating": "5", "body": "   "})
    assert empty.status_code == 422 and 'data-field="body"' in empty.get_data(as_text=True)
    bad_rating = client.post(edit, data={"csrf_token": token, "rating": "9", "body": "Super <b>produit</b>"})
    assert bad_rating.status_code == 422 and 'data-field="rating"' in bad_rating.get_data(as_text=True)
    # What was typed comes back escaped, never as markup.
    assert "Super &lt;b&gt;produit&lt;/b&gt;" in bad_rating.get_data(as_text=True)
    unchanged = client.post(edit, data={"csrf_token": token, "rating": "5", "body": "Super produit"})
    assert unchanged.status_code == 200 and "Aucune modification" in unchanged.get_data(as_text=True)
    with mail_app.app_context():
        assert db.session.query(ItemRevision).count() == 0


def test_tampered_expired_and_other_purpose_links_are_refused(mail_app, world):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=5, body="Super produit")
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    withdraw = mail_link(mail_app, item_id, "/mail/withdraw/")
    path, _, query = edit.partition("?")
    tampered = client.get(path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB") + "?" + query)
    assert tampered.status_code == 400 and "pas valide ou a expiré" in tampered.get_data(as_text=True)
    # Single purpose: the withdraw link's token opens no edit form, and the other way round.
    withdraw_token = withdraw.split("/mail/withdraw/")[1].split("?")[0]
    edit_token = path.split("/mail/edit/")[1]
    assert client.get(f"/mail/edit/{withdraw_token}").status_code == 400
    assert client.get(f"/mail/withdraw/{edit_token}").status_code == 400

    # A link signed 31 days ago has expired (AUTHOR_LINK_MAX_AGE_DAYS is 30); one signed 29 days ago still works.
    from moderation.services.mail.links import sign

    def signed_days_ago(days: int) -> str:
        with mail_app.test_request_context(), mock.patch("time.time", return_value=time.time() - days * 86400):
            return sign("edit", item_id)

    old = client.get(f"/mail/edit/{signed_days_ago(31)}?lang=en")
    assert old.status_code == 400 and "not valid or has expired" in old.get_data(as_text=True)
    assert client.get(f"/mail/edit/{signed_days_ago(29)}").status_code == 200


def test_withdraw_takes_the_review_down_and_closes_its_case(mail_app, world):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=1, body="Pas terrible du tout")
    run_worker(mail_app)
    withdraw = mail_link(mail_app, item_id, "/mail/withdraw/")
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    assert listing(client)["aggregate"]["count"] == 1
    # GET only asks: a link scanner opening the mail withdraws nothing.
    token = form_token(client, withdraw)
    with mail_app.app_context():
        assert db.session.get(Item, item_id).status == "published"
    assert client.post(withdraw, data={}).status_code == 400  # no CSRF token
    done = client.post(withdraw, data={"csrf_token": token})
    assert done.status_code == 200 and "retiré" in done.get_data(as_text=True)
    with mail_app.app_context():
        item = db.session.get(Item, item_id)
        case = db.session.query(Case).filter_by(item_id=item_id).one()
        assert item.status == "withdrawn"
        assert case.state == "resolved" and case.closed_at is not None
        events = {e.action: e for e in db.session.query(AuditEvent).filter(AuditEvent.action.in_(
            ["item.withdrawn", "case.closed"]))}  # fmt: skip
        assert events["item.withdrawn"].moderator_id is None and events["item.withdrawn"].before == {
            "status": "published"
        }
        assert events["case.closed"].after["note"] == "withdrawn by its author"
    shown = listing(client)
    assert shown["items"] == [] and shown["aggregate"]["count"] == 0
    assert client.get(f"/sites/shop/items/{item_id}").status_code == 404
    # Clicking again says it is done; the edit link now explains it cannot change a withdrawn text.
    assert client.post(withdraw, data={"csrf_token": token}).status_code == 200
    refused = client.get(edit)
    assert refused.status_code == 409 and "retiré" in refused.get_data(as_text=True)


def test_a_rejected_item_cannot_be_edited(mail_app, world):
    client = mail_app.test_client()
    item_id = posted_review(client, rating=4, body="Bien, moins cher sur http://example.com/promo")
    edit = mail_link(mail_app, item_id, "/mail/edit/")
    with mail_app.app_context():
        case_id = db.session.query(Case).filter_by(item_id=item_id).one().id
    act(client, world.moderator_token, case_id, "reject", {"reason": "links"})
    refused = client.get(edit)
    assert refused.status_code == 409 and "contester" in refused.get_data(as_text=True)
