"""An invitation's mail arrives through a real SMTP server on loopback; each product's link posts one review,
marked verified_purchase in the listing JSON, and a link used twice is refused (410)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from moderation.extensions import db
from moderation.models import AuditEvent, Author, Invitation, Item, utcnow
from tests.conftest import auth, review, submit
from tests.invitations.helpers import form_token, invitations, invite, order, outbox, post_review
from tests.mail.conftest import body_of, link_in, run_mail_worker


def listing(client, subject: str) -> list[dict]:
    return client.get(f"/api/v1/sites/shop/subjects/{subject}").get_json()["items"]


def test_mail_arrives_and_each_link_posts_one_verified_review(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    response = invite(client, world.site_token, order(subjects=["sku-1", "sku-2"], lang="fr"))
    assert response.status_code == 202
    run_mail_worker(smtp_app)
    (mail,) = smtp_server.messages()
    assert mail["To"] == "lea@example.com" and "FR-1001" in mail["Subject"]
    assert mail["List-Unsubscribe"].startswith("<http://shop.example/mail/unsubscribe/")
    text = body_of(mail)
    assert "publiés quelle que soit leur note" in text
    first = link_in(text, "/mail/review/")
    second = link_in(text.replace(first.split("?")[0], ""), "/mail/review/")
    assert first != second and first.endswith("?lang=fr")

    page = client.get(first).get_data(as_text=True)
    assert "Votre note" in page and "sku-1" in page and 'value="Léa"' in page
    assert client.post(first, data={"rating": "2", "body": "x", "name": "Léa"}).status_code == 400  # no CSRF token
    # A two-star review is as welcome as any: published at once, marked, and in the queue for an answer.
    posted = post_review(client, first, rating="2", title="Déçue", body="Taille trop petite, dommage")
    assert posted.status_code == 200 and "votre avis est publié" in posted.get_data(as_text=True)
    submit(client, review(5, "Acheté ailleurs, très bien"), subject="sku-1")

    items = listing(client, "sku-1")
    assert {(i["body"], i["verified_purchase"]) for i in items} == {
        ("Taille trop petite, dommage", True),
        ("Acheté ailleurs, très bien", False),
    }
    with smtp_app.app_context():
        item = db.session.query(Item).filter_by(verified_purchase=True).one()
        assert item.status == "published" and item.case is not None and item.author.email == "lea@example.com"
        used = db.session.query(Invitation).filter_by(item_id=item.id).one()
        assert used.used_at is not None
        assert db.session.query(AuditEvent).filter_by(action="invitation.used").count() == 1
        verified_id = item.id
    # Moderators see it too, through the item API.
    seen = client.get(f"/api/v1/items/{verified_id}", headers=auth(world.moderator_token)).get_json()
    assert seen["verified_purchase"] is True and seen["external"] is None

    # The same link again: refused, whether read or posted, and nothing more is stored.
    again = client.get(first)
    assert again.status_code == 410 and "déjà servi" in again.get_data(as_text=True)
    token = form_token(client, second)
    reposted = client.post(first, data={"csrf_token": token, "rating": "5", "body": "Encore", "name": "Léa"})
    assert reposted.status_code == 410
    assert len(listing(client, "sku-1")) == 2

    # The other product's link still works, once.
    assert post_review(client, second, rating="5", body="Parfait").status_code == 200
    assert [i["verified_purchase"] for i in listing(client, "sku-2")] == [True]
    assert client.get(second).status_code == 410


def test_a_refused_review_leaves_the_link_unused(smtp_app, world):
    client = smtp_app.test_client()
    invite(client, world.site_token, order(lang="en"))
    (message,) = outbox(smtp_app)
    path = link_in(message.body, "/mail/review/")
    blank = post_review(client, path, body="   ")
    assert blank.status_code == 422
    assert 'data-field="body"' in blank.get_data(as_text=True)
    no_stars = post_review(client, path, rating="")
    assert no_stars.status_code == 422 and 'data-field="rating"' in no_stars.get_data(as_text=True)
    assert invitations(smtp_app)[0].used_at is None
    assert post_review(client, path).status_code == 200


def test_forged_or_expired_links_are_refused(smtp_app, world):
    client = smtp_app.test_client()
    invite(client, world.site_token, order())
    path = link_in(outbox(smtp_app)[0].body, "/mail/review/")
    token = path.split("/mail/review/")[1].split("?")[0]
    assert client.get(f"/mail/review/{token[:-2]}xx").status_code == 400
    assert client.get("/mail/review/not-a-token").status_code == 400
    # Signed for another purpose (an unsubscribe link) with the same id: not a review link.
    with smtp_app.app_context():
        from moderation.services.mail.links import sign

        foreign = sign("unsubscribe", invitations(smtp_app)[0].id)
    assert client.get(f"/mail/review/{foreign}").status_code == 400
    expired = smtp_app.test_client()
    smtp_app.config["INVITATION_LINK_MAX_AGE_DAYS"] = -1
    assert expired.get(path).status_code == 400


def test_send_after_waits_for_its_time_then_the_sweep_mails_it(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    later = (utcnow() + timedelta(days=7)).isoformat() + "Z"
    body = invite(client, world.site_token, order(send_after=later)).get_json()
    assert [i["status"] for i in body["invitations"]] == ["scheduled"]
    run_mail_worker(smtp_app)
    assert smtp_server.messages() == [] and outbox(smtp_app) == []
    with smtp_app.app_context():  # a week passes
        db.session.execute(update(Invitation).values(send_after=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    run_mail_worker(smtp_app)
    (mail,) = smtp_server.messages()
    assert "/mail/review/" in body_of(mail)
    run_mail_worker(smtp_app)
    assert len(smtp_server.messages()) == 1  # mailed once


def test_an_address_that_unsubscribed_is_not_mailed(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    with smtp_app.app_context():
        site_id = db.session.execute(db.text("SELECT id FROM sites WHERE slug = 'shop'")).scalar_one()
        db.session.add(Author(site_id=site_id, name="Léa", email="lea@example.com", unsubscribed_at=utcnow()))
        db.session.commit()
    body = invite(client, world.site_token, order()).get_json()
    assert [i["status"] for i in body["invitations"]] == ["suppressed"]
    run_mail_worker(smtp_app)
    assert smtp_server.messages() == [] and outbox(smtp_app) == []
