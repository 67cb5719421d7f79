"""A reader who reports with an e-mail hears through a real SMTP server on loopback: an acknowledgement in the
page's language, then the outcome once a moderator closes the case (removed, or kept)."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, OutboxMessage, Report
from tests.conftest import auth
from tests.feedback.helpers import posted, report
from tests.mail.conftest import body_of, link_in, run_mail_worker


def case_id_of(app, item_id: int) -> int:
    with app.app_context():
        return db.session.execute(select(Case.id).where(Case.item_id == item_id)).scalar_one()


def test_acknowledgement_then_removal_in_french(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    item_id = posted(client, rating=5, body="Achetez sur mon site, prix cassés", lang="en")
    response = report(client, item_id, {"reason": "spam", "email": "Zoe@Example.com", "lang": "fr-FR"})
    assert response.status_code == 202
    run_mail_worker(smtp_app)
    [ack] = smtp_server.messages()
    assert ack["To"] == "zoe@example.com"
    assert ack["Subject"] == "Shop : nous avons bien reçu votre signalement"
    text = body_of(ack)
    assert "Votre motif : publicité ou spam." in text and "Achetez sur mon site" in text
    assert link_in(text, "/sites/shop/charter") == "/sites/shop/charter?lang=fr"
    assert link_in(text, "/mail/unsubscribe/")  # every mail can be stopped

    removed = client.post(
        f"/api/v1/cases/{case_id_of(smtp_app, item_id)}/reject", json={"reason": "spam"},
        headers=auth(world.moderator_token),
    )  # fmt: skip
    assert removed.status_code == 200
    run_mail_worker(smtp_app)
    outcome = [m for m in smtp_server.messages() if "suite donnée" in m["Subject"]]
    assert len(outcome) == 1
    assert "le texte a été retiré du site" in body_of(outcome[0])
    with smtp_app.app_context():
        assert db.session.execute(select(Report.outcome)).scalar_one() == "removed"


def test_kept_outcome_in_english_and_no_mail_without_an_address(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    item_id = posted(client, rating=4, body="Good lamp, a bit loud")
    report(client, item_id, {"reason": "off_topic", "email": "sam@example.com", "lang": "en"})
    report(client, item_id, {"reason": "abuse"}, addr="10.0.0.2")  # no address: nobody to tell
    run_mail_worker(smtp_app)
    assert [m["Subject"] for m in smtp_server.messages()] == ["Shop: we received your report"]
    resolved = client.post(
        f"/api/v1/cases/{case_id_of(smtp_app, item_id)}/resolve", headers=auth(world.moderator_token)
    )
    assert resolved.status_code == 200
    run_mail_worker(smtp_app)
    [outcome] = [m for m in smtp_server.messages() if m["Subject"] == "Shop: the outcome of your report"]
    assert outcome["To"] == "sam@example.com"
    assert "Decision: it stays published" in body_of(outcome)
    with smtp_app.app_context():
        outcomes = db.session.execute(select(Report.outcome)).scalars().all()
        assert outcomes == ["kept", "kept"]
        assert db.session.execute(select(OutboxMessage.state)).scalars().all() == ["sent", "sent"]
