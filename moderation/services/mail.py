"""Mail to authors: consent (double opt-in), the outbox, and delivery by the ``mail`` queue.

A message is rendered and written to the ``outbox`` table in the transaction of the decision that caused it, so a
committed decision always has its mail. After the commit it is enqueued (``moderation.jobs.send_mail``, by name);
Redis down leaves it pending and ``sweep_unsent`` enqueues it later; an SMTP server that is down makes the job
raise, and rq retries it with backoff. Without ``SMTP_URL`` the outbox itself is the mailbox: the job marks the
message delivered there and admins read it in the console (``console/mail.py``).

Links in mails are signed with the app's key (itsdangerous): confirm, unsubscribe, contest.
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
from flask import current_app, has_request_context, request
from itsdangerous import BadSignature, URLSafeTimedSerializer
from jinja2.sandbox import SandboxedEnvironment
from rq import Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from .. import broker
from ..extensions import db
from ..models import Author, Case, Item, ItemStatus, OutboxMessage, OutboxState, Reply, Site, utcnow
from ..vocabulary import ACTIVE_CASE_STATES, CaseState, Reason
from . import audit
from .errors import Conflict, NotFound, ServiceError
from .listing import reply_signature

log = logging.getLogger(__name__)

SEND_MAIL_JOB = "moderation.jobs.send_mail"
LANGS = ("fr", "en")
# Session.info key: outbox ids written in this transaction, enqueued once it commits.
PENDING_KEY = "moderation.outbox.enqueue"
CONTEST_MAX_AGE_S = 180 * 24 * 3600
CONFIRM_MAX_AGE_S = 30 * 24 * 3600
MAX_CONTEST_CHARS = 2000


class MailKind:
    CONFIRM = "confirm"
    REPLY = "reply"
    PUBLISHED = "published"
    REJECTED = "rejected"


# What the author of a rejected item is told, per reason code and language: what the rule is and what to change.
REASON_EXPLANATIONS: dict[str, dict[str, str]] = {
    "en": {
        "spam": "Advertising or spam is not allowed.",
        "links": "Links are not allowed in reviews.",
        "abusive": "Insults and abusive language are not allowed.",
        "personal_data": "Personal data (e-mails, phone numbers, addresses) must not be published.",
        "off_topic": "The text is not about this product or discussion.",
        "duplicate": "The same text was already posted.",
        "other": "The text does not follow the community guidelines.",
    },
    "fr": {
        "spam": "La publicité et le spam ne sont pas autorisés.",
        "links": "Les liens ne sont pas autorisés dans les avis.",
        "abusive": "Les insultes et les propos injurieux ne sont pas autorisés.",
        "personal_data": "Les données personnelles (e-mails, téléphones, adresses) ne doivent pas être publiées.",
        "off_topic": "Le texte ne porte pas sur ce produit ou cette discussion.",
        "duplicate": "Le même texte a déjà été publié.",
        "other": "Le texte ne respecte pas les règles de la communauté.",
    },
}


# -- signed links ---------------------------------------------------------------------------------------------


def serializer(purpose: str) -> URLSafeTimedSerializer:
    # itsdangerous signs with the last key and accepts all: the fallbacks (newest first) keep older links working.
    keys = [*reversed(current_app.config.get("SECRET_KEY_FALLBACKS") or []), current_app.config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt=f"moderation.mail.{purpose}")


def sign(purpose: str, value: int) -> str:
    return serializer(purpose).dumps(value)


def unsign(purpose: str, token: str, max_age: int | None = None) -> int:
    """The id a link was signed for.

    Raises:
        ServiceError: 400 ``invalid_link`` when the token was not signed here for this purpose, or expired.
    """
    try:
        value = serializer(purpose).loads(token, max_age=max_age)
    except BadSignature:
        raise ServiceError("invalid_link", "this link is not valid or has expired", field="token") from None
    if not isinstance(value, int):
        raise ServiceError("invalid_link", "this link is not valid", field="token")
    return value


def public_url(path: str) -> str:
    base = current_app.config.get("PUBLIC_URL") or (request.host_url if has_request_context() else None)
    return (base or "http://localhost:5000/").rstrip("/") + path


def link(purpose: str, value: int, lang: str) -> str:
    """A signed link in a mail; ``lang`` is the mail's, so the page it opens speaks the same language."""
    return public_url(f"/mail/{purpose}/{sign(purpose, value)}?lang={lang}")


# -- rendering ------------------------------------------------------------------------------------------------


def mail_lang(site: Site, item: Item | None) -> str:
    lang = ((item.lang if item is not None else None) or "").split("-")[0].lower()
    if lang in LANGS:
        return lang
    return site.default_lang if site.default_lang in LANGS else "en"


def render(site: Site, kind: str, lang: str, context: dict[str, Any]) -> tuple[str, str]:
    """Subject and plain-text body: the site's own template for ``kind.lang`` if it has one, else the default.

    A template file's first line is ``Subject: ...``. Site templates are written by admins and run sandboxed.
    """
    override = (site.mail_templates or {}).get(f"{kind}.{lang}")
    if override and override.get("body"):
        env = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True)
        subject = env.from_string(override.get("subject") or "").render(context)
        body = env.from_string(override["body"]).render(context)
    else:
        text = current_app.jinja_env.get_template(f"mail/{kind}.{lang}.txt").render(context)
        first, _, body = text.partition("\n")
        subject = first.removeprefix("Subject:").strip()
    return " ".join(subject.split())[:300], body.strip() + "\n"


def write_message(author: Author, item: Item | None, kind: str, state: OutboxState, **context: Any) -> OutboxMessage:
    """Render a mail to ``author`` and add it to the outbox (the caller commits); enqueued after the commit."""
    site = db.session.get(Site, author.site_id)
    lang = mail_lang(site, item)
    unsubscribe = link("unsubscribe", author.id, lang)
    context = {
        "site": site,
        "brand": site.brand_name or site.name,
        "author_name": author.name,
        "item": item,
        "unsubscribe_url": unsubscribe,
        **context,
    }
    subject, body = render(site, kind, lang, context)
    message = OutboxMessage(
        site_id=site.id,
        author_id=author.id,
        item_id=item.id if item is not None else None,
        kind=kind,
        lang=lang,
        to_address=author.email,
        subject=subject,
        body=body,
        unsubscribe_url=unsubscribe,
        state=state.value,
    )
    db.session.add(message)
    db.session.flush()
    if state == OutboxState.PENDING:
        db.session.info.setdefault(PENDING_KEY, []).append(message.id)
    return message


# -- consent --------------------------------------------------------------------------------------------------


def request_consent(author: Author, item: Item) -> OutboxMessage | None:
    """The author ticked "notify me": the first time, a confirmation mail with a signed link (double opt-in).

    Until the address is confirmed, only that mail is sent; notifications wait in the outbox for the confirmation.
    """
    if not author.email:
        return None
    now = utcnow()
    if author.unsubscribed_at is not None:
        # Ticking the box again after unsubscribing asks again: the address must confirm anew.
        author.unsubscribed_at = None
        author.notify_confirmed_at = None
    author.notify_requested_at = author.notify_requested_at or now
    if author.notify_confirmed_at is not None:
        return None
    db.session.flush()
    recent = db.session.execute(
        select(OutboxMessage.id).where(
            OutboxMessage.author_id == author.id,
            OutboxMessage.kind == MailKind.CONFIRM,
            OutboxMessage.created_at >= now - timedelta(days=1),
        )
    ).first()
    if recent is not None:  # one confirmation a day: the box ticked on every review must not flood the address
        return None
    lang = mail_lang(item.site, item)
    return write_message(
        author, item, MailKind.CONFIRM, OutboxState.PENDING, confirm_url=link("confirm", author.id, lang)
    )


def confirm(token: str) -> Author:
    """Confirm an address (the link of the confirmation mail) and release the notifications waiting for it.

    Raises:
        ServiceError: an invalid or expired link; NotFound when the author is gone.
    """
    author = db.session.get(Author, unsign("confirm", token, CONFIRM_MAX_AGE_S))
    if author is None or not author.email:
        raise NotFound("author", field="token")
    if author.unsubscribed_at is not None or author.notify_requested_at is None:
        raise Conflict("unsubscribed", "this address unsubscribed; tick the box again with your next review")
    if author.notify_confirmed_at is None:
        author.notify_confirmed_at = utcnow()
        audit.record("author.mail_confirmed", "author", author.id, site_id=author.site_id)
        waiting = db.session.execute(
            select(OutboxMessage).where(
                OutboxMessage.author_id == author.id, OutboxMessage.state == OutboxState.AWAITING_CONFIRMATION.value
            )
        ).scalars()
        for message in waiting:
            message.state = OutboxState.PENDING.value
            db.session.info.setdefault(PENDING_KEY, []).append(message.id)
    return author


def unsubscribe(token: str) -> Author:
    """Stop every mail to this address on this site; what was not sent yet is cancelled.

    Raises:
        ServiceError: an invalid link; NotFound when the author is gone.
    """
    author = db.session.get(Author, unsign("unsubscribe", token))
    if author is None:
        raise NotFound("author", field="token")
    if author.unsubscribed_at is None:
        author.unsubscribed_at = utcnow()
        author.notify_confirmed_at = None
        author.notify_requested_at = None
        cancel_unsent(author.id)
        audit.record("author.unsubscribed", "author", author.id, site_id=author.site_id)
    return author


def cancel_unsent(author_id: int) -> None:
    unsent = (OutboxState.AWAITING_CONFIRMATION.value, OutboxState.PENDING.value)
    for message in db.session.execute(
        select(OutboxMessage).where(OutboxMessage.author_id == author_id, OutboxMessage.state.in_(unsent))
    ).scalars():
        message.state = OutboxState.CANCELLED.value


# -- what the author is told ----------------------------------------------------------------------------------


def notify_author(item: Item, kind: str, **context: Any) -> OutboxMessage | None:
    """Tell an item's author about a decision, if they gave an address and asked to hear back (DSA Art. 17).

    Before the address is confirmed the message waits in the outbox; it goes out with the confirmation.
    """
    author = item.author
    if not author.email or author.notify_requested_at is None or author.unsubscribed_at is not None:
        return None
    state = OutboxState.PENDING if author.notify_confirmed_at else OutboxState.AWAITING_CONFIRMATION
    return write_message(author, item, kind, state, **context)


def notify_reply(answer: Reply) -> OutboxMessage | None:
    item = answer.item
    return notify_author(
        item,
        MailKind.REPLY,
        reply=answer,
        signature=reply_signature(item.site, answer.moderator),
        reply_url=public_url(f"/sites/{item.site.slug}/items/{item.id}#reply-{answer.id}"),
    )


def notify_published(case: Case) -> OutboxMessage | None:
    item = case.item
    return notify_author(item, MailKind.PUBLISHED, item_url=public_url(f"/sites/{item.site.slug}/items/{item.id}"))


def notify_rejected(case: Case) -> OutboxMessage | None:
    """The statement of reasons: decision, reason code and what it means, automated means, how to contest."""
    item = case.item
    lang = mail_lang(item.site, item)
    code = item.rejection_reason or "other"
    return notify_author(
        item,
        MailKind.REJECTED,
        reason_code=code,
        reason_text=REASON_EXPLANATIONS[lang].get(code, REASON_EXPLANATIONS[lang]["other"]),
        # The content rules that hold items are automated; the decision itself was a moderator's.
        automated_detection=bool(item.hold_reasons),
        contest_url=link("contest", item.id, lang),
    )


def contest(token: str, statement: str) -> Case:
    """The author contests a rejection: the item is held again and its case reopens with reason ``appeal``.

    Raises:
        ServiceError: an invalid or expired link, or a statement too long; Conflict when the item is not rejected.
    """
    item = db.session.get(Item, unsign("contest", token, CONTEST_MAX_AGE_S))
    if item is None or item.case is None:
        raise NotFound("item", field="token")
    statement = (statement or "").strip()
    if len(statement) > MAX_CONTEST_CHARS:
        raise ServiceError("too_long", f"at most {MAX_CONTEST_CHARS} characters", field="statement", status=422)
    case = item.case
    if item.status != ItemStatus.REMOVED.value:
        if Reason.APPEAL.value in (case.reasons or []) and case.state in ACTIVE_CASE_STATES:
            return case  # the same link clicked twice
        raise Conflict("not_rejected", "this item is not rejected")
    before = {"state": case.state, "reasons": list(case.reasons or []), "item_status": item.status}
    item.status = ItemStatus.HELD.value
    case.reasons = list(dict.fromkeys([*(case.reasons or []), Reason.APPEAL.value]))
    case.evidence = {**(case.evidence or {}), Reason.APPEAL.value: {"statement": statement, "at": utcnow().isoformat()}}
    case.state = CaseState.OPEN.value
    case.closed_at = None
    case.due_at = utcnow() + timedelta(hours=item.site.sla_default_hours)
    after = {"state": case.state, "reasons": list(case.reasons), "item_status": item.status}
    audit.record("case.appealed", "case", case.id, site_id=case.site_id, before=before, after=after)
    return case


# -- delivery -------------------------------------------------------------------------------------------------


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
    """Enqueue pending messages older than ``MAIL_SWEEP_AFTER_S`` that no job holds. Returns how many."""
    cutoff = utcnow() - timedelta(seconds=current_app.config["MAIL_SWEEP_AFTER_S"])
    ids = db.session.execute(
        select(OutboxMessage.id)
        .where(OutboxMessage.state == OutboxState.PENDING.value, OutboxMessage.created_at <= cutoff)
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


def update_voice(
    site: Site, *, brand_name: str, sign_with_first_name: bool, default_lang: str, moderator_id: int | None
) -> Site:
    """The site's brand voice and mail language, audited with the values before and after.

    Raises:
        ServiceError: 422 naming the field: a brand name over 200 characters, a language other than fr or en.
    """
    brand_name = " ".join((brand_name or "").split())
    if len(brand_name) > 200:
        raise ServiceError("too_long", "at most 200 characters", field="brand_name", status=422)
    if default_lang not in LANGS:
        raise ServiceError("invalid_lang", "default_lang must be fr or en", field="default_lang", status=422)
    before = {"brand_name": site.brand_name, "sign_with_first_name": site.sign_with_first_name,
              "default_lang": site.default_lang}  # fmt: skip
    site.brand_name = brand_name or None
    site.sign_with_first_name = bool(sign_with_first_name)
    site.default_lang = default_lang
    after = {"brand_name": site.brand_name, "sign_with_first_name": site.sign_with_first_name,
             "default_lang": site.default_lang}  # fmt: skip
    audit.record("site.voice_updated", "site", site.id, moderator_id=moderator_id, site_id=site.id,
                 before=before, after=after)  # fmt: skip
    return site
