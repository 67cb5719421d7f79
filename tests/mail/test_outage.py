"""A mail server that is down delays mail, never loses it: the job retries with backoff, the sweep re-enqueues."""

from __future__ import annotations

import time

from moderation.broker import get_queue
from moderation.extensions import db
from moderation.models import Author, OutboxMessage, utcnow
from tests.mail.conftest import act, open_case, reviewer, run_mail_worker


def confirmed_author_case(app, client) -> int:
    case_id = open_case(app, client, rating=1, body="Cassé", author=reviewer())
    with app.app_context():
        db.session.query(Author).one().notify_confirmed_at = utcnow()
        db.session.query(OutboxMessage).delete()  # the confirmation mail is not what this test is about
        db.session.commit()
        # Nor its job: SQLite gives the next message the deleted one's id, so "mail-1" would be queued twice.
        get_queue(app.config["MAIL_QUEUE"]).empty()
    return case_id


def test_server_down_then_up_loses_nothing(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    case_id = confirmed_author_case(smtp_app, client)
    smtp_server.stop()
    act(client, world.moderator_token, case_id, "reply", {"body": "Nous vous rappelons."})
    with smtp_app.app_context():
        # A mail server that is down must not slow the request: the request only queues the mail, never sends it.
        queued = db.session.query(OutboxMessage).one()
        assert queued.state == "pending" and queued.attempts == 0 and queued.last_error is None
    run_mail_worker(smtp_app)
    with smtp_app.app_context():
        message = db.session.query(OutboxMessage).one()
        assert message.state == "pending" and message.attempts == 1 and message.last_error
    smtp_server.start()
    time.sleep(1.2)  # the retry interval of this app
    run_mail_worker(smtp_app)  # its maintenance moves the due retry back to the queue
    [received] = smtp_server.messages()
    assert "Nous vous rappelons." in received.get_content()
    with smtp_app.app_context():
        assert db.session.query(OutboxMessage).one().state == "sent"


def test_a_lost_job_is_re_enqueued_by_the_sweep(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    case_id = confirmed_author_case(smtp_app, client)
    act(client, world.moderator_token, case_id, "reply", {"body": "Merci."})
    with smtp_app.app_context():
        get_queue("mail").empty()  # as if Redis had been down at the commit
    run_mail_worker(smtp_app)
    assert len(smtp_server.messages()) == 1
