"""Consent: nothing without an address and a ticked box; double opt-in; the unsubscribe link in every mail."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Author, OutboxMessage, OutboxState
from moderation.services.mail import parse_smtp_url
from tests.conftest import review, submit
from tests.mail.conftest import act, body_of, link_in, open_case, reviewer, run_mail_worker


def test_notify_needs_an_email_and_a_boolean(client, world):
    no_email = submit(client, review(author={"name": "Lea", "notify": True}))
    assert no_email.status_code == 422
    assert no_email.get_json()["error"]["field"] == "author.notify"
    not_bool = submit(client, review(author={"name": "Lea", "email": "lea@example.com", "notify": "yes"}))
    assert not_bool.status_code == 422
    assert not_bool.get_json()["error"]["field"] == "author.notify"


def test_no_consent_no_mail(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    case_id = open_case(smtp_app, client, rating=1, body="Cassé", author=reviewer(notify=False))
    act(client, world.moderator_token, case_id, "reply", {"body": "Désolés, écrivez-nous."})
    run_mail_worker(smtp_app)
    with smtp_app.app_context():
        assert db.session.query(OutboxMessage).count() == 0
    assert smtp_server.messages() == []


def test_double_opt_in_then_the_reply_arrives_signed_by_the_brand(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    with smtp_app.app_context():
        from moderation.models import Site

        db.session.query(Site).filter_by(slug="shop").one().brand_name = "L'équipe Shop"
        db.session.commit()
    case_id = open_case(smtp_app, client, rating=1, body="Cassé en deux jours", lang="fr", author=reviewer())
    # Before confirmation only the confirmation mail goes out; the reply waits for it.
    act(client, world.moderator_token, case_id, "reply", {"body": "Nous sommes désolés, écrivez au SAV."})
    run_mail_worker(smtp_app)
    [confirmation] = smtp_server.messages()
    assert confirmation["To"] == "lea@example.com"
    assert "confirm" in confirmation["Subject"]
    with smtp_app.app_context():
        states = {m.kind: m.state for m in db.session.query(OutboxMessage)}
    assert states == {"confirm": OutboxState.SENT, "reply": OutboxState.AWAITING_CONFIRMATION}

    confirmed = client.get(link_in(body_of(confirmation), "/mail/confirm/"))
    assert confirmed.status_code == 200 and "confirmée" in confirmed.get_data(as_text=True)
    run_mail_worker(smtp_app)
    confirmation, reply = smtp_server.messages()
    text = body_of(reply)
    assert "L'équipe Shop a répondu à votre avis" in reply["Subject"]
    assert "Nous sommes désolés, écrivez au SAV." in text and "L'équipe Shop" in text and "Ann" not in text
    assert reply["List-Unsubscribe"].startswith("<http://shop.example/mail/unsubscribe/")
    # The link to the reply opens it, signed by the brand.
    page = client.get(link_in(text, "/sites/shop/items/"))
    assert page.status_code == 200 and "L&#39;équipe Shop" in page.get_data(as_text=True)


def test_unsubscribe_link_stops_every_mail(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    case_id = open_case(smtp_app, client, rating=2, body="Pas terrible", author=reviewer())
    run_mail_worker(smtp_app)
    [confirmation] = smtp_server.messages()
    unsubscribe = link_in(body_of(confirmation), "/mail/unsubscribe/")
    asked = client.get(unsubscribe)  # a link scanner's GET unsubscribes nobody
    assert asked.status_code == 200 and "<form" in asked.get_data(as_text=True)
    with smtp_app.app_context():
        assert db.session.query(Author).filter_by(email="lea@example.com").one().unsubscribed_at is None
    assert client.post(unsubscribe).status_code == 200
    act(client, world.moderator_token, case_id, "reply", {"body": "Merci pour votre retour."})
    run_mail_worker(smtp_app)
    assert len(smtp_server.messages()) == 1
    with smtp_app.app_context():
        assert db.session.query(Author).filter_by(email="lea@example.com").one().unsubscribed_at is not None
        assert db.session.query(OutboxMessage).filter_by(kind="reply").count() == 0
    assert client.post(unsubscribe.replace("/unsubscribe/", "/unsubscribe/x")).status_code == 400


def test_a_forged_confirmation_link_is_refused(client, world):
    assert client.get("/mail/confirm/not-a-token?lang=en").status_code == 400


def test_smtp_url_forms():
    plain = parse_smtp_url("smtp://mail.internal:2525")
    assert (plain.host, plain.port, plain.ssl, plain.starttls, plain.username) == (
        "mail.internal",
        2525,
        False,
        False,
        None,
    )
    secure = parse_smtp_url("smtps://shop%40example.com:p%40ss@smtp.example.com")
    assert (secure.port, secure.ssl, secure.username, secure.password) == (465, True, "shop@example.com", "p@ss")
    assert parse_smtp_url("smtp://relay:587?starttls=1").starttls
    with pytest.raises(ValueError):
        parse_smtp_url("http://relay")
