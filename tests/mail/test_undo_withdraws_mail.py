"""An undone decision tells nobody: the author's and the reporters' decision mails wait out the undo window
(``DECISION_MAIL_DELAY_S``), an undo cancels them and puts the reports back to waiting; a decision that stands is
sent once the window has passed. Real SMTP server on loopback, real rq worker on the mail queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Moderator, OutboxMessage, Report, utcnow
from moderation.services import case_undo
from tests.conftest import auth
from tests.feedback.helpers import posted, report
from tests.mail.conftest import run_mail_worker
from tests.mail.test_decisions import held_case, reviewer
from tests.mail.test_report_mail import case_id_of


@pytest.fixture
def waiting_app(make_app, smtp_server):
    return make_app(
        SMTP_URL=smtp_server.url, MAIL_RETRY_INTERVALS=[1, 1, 1], MAIL_SWEEP_AFTER_S=0,
        PUBLIC_URL="http://shop.example", DECISION_MAIL_DELAY_S=30,
    )  # fmt: skip


def undo_last(app, case_id: int, email: str = "ann@shop.test") -> dict:
    with app.app_context():
        moderator = db.session.execute(select(Moderator).where(Moderator.email == email)).scalar_one()
        case = db.session.get(Case, case_id)
        event = case_undo.undoable_event(moderator, case)
        assert event is not None
        case_undo.undo(moderator, case, event.id)
        db.session.commit()
        restored = (
            db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "case.restored").order_by(AuditEvent.id.desc())
            )
            .scalars()
            .first()
        )
        return restored.after


def states(app) -> dict[str, str]:
    with app.app_context():
        return dict(db.session.execute(select(OutboxMessage.kind, OutboxMessage.state)).all())


def make_due(app) -> None:
    """As if the undo window had passed."""
    with app.app_context():
        db.session.execute(update(OutboxMessage).values(send_after=utcnow() - timedelta(seconds=1)))
        db.session.commit()


def test_the_default_wait_covers_the_whole_undo_window():
    from moderation.config import DefaultConfig

    assert DefaultConfig.DECISION_MAIL_DELAY_S >= case_undo.UNDO_SECONDS + case_undo.UNDO_GRACE_SECONDS


def test_an_undone_rejection_sends_the_author_nothing(waiting_app, smtp_server, world):
    client = waiting_app.test_client()
    case_id = held_case(waiting_app, client, lang="en", author=reviewer())
    rejected = client.post(
        f"/api/v1/cases/{case_id}/reject", json={"reason": "links"}, headers=auth(world.moderator_token)
    )
    assert rejected.status_code == 200
    run_mail_worker(waiting_app)
    assert [m for m in smtp_server.messages() if "was not published" in m["Subject"]] == []  # waits out the window
    assert states(waiting_app)["rejected"] == "pending"

    after = undo_last(waiting_app, case_id)
    assert after["mails_withdrawn"] == 1 and after["item_status"] == "held"
    assert states(waiting_app)["rejected"] == "cancelled"
    make_due(waiting_app)
    run_mail_worker(waiting_app)
    assert [m for m in smtp_server.messages() if "was not published" in m["Subject"]] == []


def test_a_decision_that_stands_goes_out_once_the_window_has_passed(waiting_app, smtp_server, world):
    client = waiting_app.test_client()
    case_id = held_case(waiting_app, client, lang="en", author=reviewer())
    client.post(f"/api/v1/cases/{case_id}/reject", json={"reason": "links"}, headers=auth(world.moderator_token))
    run_mail_worker(waiting_app)
    assert [m for m in smtp_server.messages() if "was not published" in m["Subject"]] == []
    make_due(waiting_app)
    run_mail_worker(waiting_app)  # the sweep finds it due and sends it
    assert len([m for m in smtp_server.messages() if "was not published" in m["Subject"]]) == 1
    assert states(waiting_app)["rejected"] == "sent"


def test_an_undone_dismissal_withdraws_the_reporters_outcome_and_the_reports_wait_again(
    waiting_app, smtp_server, world
):
    client = waiting_app.test_client()
    item_id = posted(client, rating=4, body="Good lamp, a bit loud")
    report(client, item_id, {"reason": "off_topic", "email": "sam@example.com", "lang": "en"})
    run_mail_worker(waiting_app)  # the acknowledgement is not a decision: it goes at once
    assert [m["Subject"] for m in smtp_server.messages()] == ["Shop: we received your report"]
    case_id = case_id_of(waiting_app, item_id)
    resolved = client.post(f"/api/v1/cases/{case_id}/resolve", headers=auth(world.moderator_token))
    assert resolved.status_code == 200
    with waiting_app.app_context():
        assert db.session.execute(select(Report.outcome)).scalar_one() == "kept"

    after = undo_last(waiting_app, case_id)
    assert after["mails_withdrawn"] == 1 and after["reports_waiting_again"] == 1
    with waiting_app.app_context():
        assert db.session.execute(select(Report.outcome)).scalar_one() is None
    make_due(waiting_app)
    run_mail_worker(waiting_app)
    assert [m["Subject"] for m in smtp_server.messages()] == ["Shop: we received your report"]

    # Decided again: the reader hears this decision, once.
    again = client.post(
        f"/api/v1/cases/{case_id}/reject", json={"reason": "off_topic"}, headers=auth(world.moderator_token)
    )
    assert again.status_code == 200
    make_due(waiting_app)
    run_mail_worker(waiting_app)
    outcomes = [m for m in smtp_server.messages() if m["Subject"] == "Shop: the outcome of your report"]
    assert len(outcomes) == 1 and "removed" in outcomes[0].get_content().lower()
