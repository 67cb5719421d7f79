"""Sending the outbox: SMTP from ``MODERATION_SMTP_URL`` (or the outbox itself), the ``mail`` queue, the sweep.

Messages written in a transaction are enqueued after its commit (a session hook, so views, jobs and CLI need no
enqueue of their own); Redis down leaves them pending for ``sweep_unsent``; an SMTP server that is down makes
``deliver`` raise, and rq retries with backoff.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import redis
from flask import current_app
from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import and_, event, or_, select
from sqlalchemy.orm import Session

from ... import broker
from ...extensions import db
from ...models import OutboxMessage, OutboxState, utcnow

log = logging.getLogger(__name__)

SEND_MAIL_JOB = "moderation.jobs.send_mail"
# Session.info key: outbox ids written in this transaction, enqueued once it commits.
PENDING_KEY = "moderation.outbox.enqueue"


@dataclass(frozen=True)
class SmtpTarget:
    host: str
    port: int
    ssl: bool
    starttls: bool
    username: str | None
    password: str | None


def parse_smtp_url(url: str) -> SmtpTarget:
    """``smtp://host:port``, ``smtps://user:pass@host:port``, ``?starttls=1``.

    Raises:
        ValueError: another scheme or no host.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError(f"MODERATION_SMTP_URL must be smtp://host:port or smtps://user:pass@host:port, not {url!r}")
    secure = parts.scheme == "smtps"
    query = parse_qs(parts.query)
    return SmtpTarget(
        host=parts.hostname,
        port=parts.port or (465 if secure else 25),
        ssl=secure,
        starttls=query.get("starttls", ["0"])[0].lower() in ("1", "true", "yes"),
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def build_email(message: OutboxMessage) -> EmailMessage:
    site = message.site
    email = EmailMessage()
    email["From"] = formataddr((site.brand_name or site.name, current_app.config["MAIL_FROM"]))
    email["To"] = message.to_address
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(idstring=f"outbox-{message.id}")
    email["Auto-Submitted"] = "auto-generated"
    if message.unsubscribe_url:
        email["List-Unsubscribe"] = f"<{message.unsubscribe_url}>"
        email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    email["Content-Language"] = message.lang
    email.set_content(message.body)
    return email


def smtp_send(url: str, email: EmailMessage, timeout: float) -> None:
    target = parse_smtp_url(url)
    context = ssl.create_default_context()
    if target.ssl:
        client: smtplib.SMTP = smtplib.SMTP_SSL(target.host, target.port, timeout=timeout, context=context)
    else:
        client = smtplib.SMTP(target.host, target.port, timeout=timeout)
    with client:
        if target.starttls:
            client.starttls(context=context)
        if target.username:
            client.login(target.username, target.password or "")
        client.send_message(email)


def deliver(message_id: int) -> str:
    """Send one outbox message (the ``send_mail`` job). Errors raise, so rq retries with backoff.

    Returns:
        ``"smtp"``, ``"outbox"`` (no SMTP configured: the outbox is the mailbox), or ``"skipped"`` (already sent,
        cancelled or waiting for confirmation).
    """
    message = db.session.execute(
        select(OutboxMessage).where(OutboxMessage.id == message_id).with_for_update()
    ).scalar_one_or_none()
    if message is None or message.state != OutboxState.PENDING.value:
        db.session.rollback()
        return "skipped"
    if message.send_after is not None and message.send_after > utcnow():
        db.session.rollback()  # not due yet (a decision that may still be undone): the sweep sends it when it is
        return "later"
    url = current_app.config.get("SMTP_URL")
    message.attempts += 1
    if url:
        try:
            smtp_send(url, build_email(message), current_app.config["SMTP_TIMEOUT_S"])
        except (OSError, smtplib.SMTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
            db.session.rollback()
            db.session.execute(
                db.update(OutboxMessage)
                .where(OutboxMessage.id == message_id)
                .values(attempts=OutboxMessage.attempts + 1, last_error=error)
            )
            db.session.commit()
            raise
    message.state = OutboxState.SENT.value
    message.transport = "smtp" if url else "outbox"
    message.sent_at = utcnow()
    message.last_error = None
    db.session.commit()
    return message.transport


def enqueue_send(message_id: int) -> None:
    intervals = list(current_app.config["MAIL_RETRY_INTERVALS"])
    broker.enqueue(
        current_app.config["MAIL_QUEUE"],
        SEND_MAIL_JOB,
        message_id,
        job_id=f"mail-{message_id}",
        timeout=120,
        retry=Retry(max=len(intervals), interval=intervals),
    )


def enqueue_committed(session: Session) -> None:
    """After a commit: enqueue the messages it wrote. Redis down is fine, the sweep sends them later."""
    ids = session.info.pop(PENDING_KEY, None)
    if not ids:
        return
    try:
        for message_id in ids:
            enqueue_send(message_id)
    except (redis.RedisError, OSError):
        log.warning("could not enqueue %d mail(s); the sweep sends them later", len(ids), exc_info=True)


def forget_rolled_back(session: Session, previous: Any) -> None:
    """A rolled-back transaction wrote no messages; a savepoint's rollback leaves the outer transaction's."""
    if not getattr(previous, "nested", False):
        session.info.pop(PENDING_KEY, None)


# The session is the one place every decision's commit passes: views, jobs and CLI need no enqueue of their own.
event.listen(Session, "after_commit", enqueue_committed)
event.listen(Session, "after_soft_rollback", forget_rolled_back)


def job_is_waiting(message_id: int) -> bool:
    try:
        job = Job.fetch(f"mail-{message_id}", connection=broker.get_redis())
    except NoSuchJobError:
        return False
    return job.get_status(refresh=False) in ("queued", "scheduled", "started", "deferred")


def sweep_unsent(limit: int = 500) -> int:
    """Enqueue pending messages that no job holds: those older than ``MAIL_SWEEP_AFTER_S``, and those whose
    ``send_after`` has come. Returns how many."""
    now = utcnow()
    cutoff = now - timedelta(seconds=current_app.config["MAIL_SWEEP_AFTER_S"])
    ids = db.session.execute(
        select(OutboxMessage.id)
        .where(
            OutboxMessage.state == OutboxState.PENDING.value,
            or_(
                and_(OutboxMessage.send_after.is_(None), OutboxMessage.created_at <= cutoff),
                OutboxMessage.send_after <= now,
            ),
        )
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).scalars()
    swept = 0
    for message_id in list(ids):
        if not job_is_waiting(message_id):
            enqueue_send(message_id)
            swept += 1
    return swept


def outbox_page(site_ids: list[int] | None, before: int | None = None, per_page: int = 50) -> list[OutboxMessage]:
    """The newest messages first, of the given sites (None: all)."""
    query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(per_page)
    if site_ids is not None:
        query = query.where(OutboxMessage.site_id.in_(site_ids))
    if before is not None:
        query = query.where(OutboxMessage.id < before)
    return list(db.session.execute(query).scalars())
