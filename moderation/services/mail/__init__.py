"""Mail to authors: consent (double opt-in), what they are told and in which language, and contesting a rejection.

A message is rendered and written to the ``outbox`` table in the transaction of the decision that caused it, so a
committed decision always has its mail; ``delivery`` sends it after the commit through the ``mail`` queue
(``moderation.jobs.send_mail``, by name). Without ``SMTP_URL`` the outbox itself is the mailbox, read by admins in
the console (``console/outbox.py``). Links in mails are signed (``links``).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from jinja2 import ChainableUndefined
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import select

from ...extensions import db
from ...models import Author, Case, Item, ItemStatus, OutboxMessage, OutboxState, Reply, Site, utcnow
from ...vocabulary import ACTIVE_CASE_STATES, CaseState, Reason
from .. import audit
from ..errors import Conflict, NotFound, ServiceError
from ..listing import reply_signature
from .delivery import PENDING_KEY, deliver, outbox_page, parse_smtp_url, sweep_unsent
from .links import CONFIRM_MAX_AGE_S, CONTEST_MAX_AGE_S, link, public_url, unsign

# Hold reasons that apply a moderator's earlier decision about the author, not a rule's reading of the text.
AUTHOR_STANDING_REASONS = {Reason.AUTHOR_BLOCKED.value, Reason.AUTHOR_HELD.value}

__all__ = ["deliver", "outbox_page", "parse_smtp_url", "sweep_unsent", "CONTEST_MAX_AGE_S", "unsign"]

LANGS = ("fr", "en")
MAX_CONTEST_CHARS = 2000


class MailKind:
    CONFIRM = "confirm"
    INVITE = "invite"
    REPLY = "reply"
    PUBLISHED = "published"
    REJECTED = "rejected"


# Mails that tell of a moderator's decision, which an undo withdraws while they wait (``report_outcome`` is
# services.reports' mail to the readers who reported the item).
DECISION_KINDS = (MailKind.PUBLISHED, MailKind.REJECTED, "report_outcome")


# What the author of a rejected item is told, per reason code and language: what the rule is and what to change.
REASON_EXPLANATIONS: dict[str, dict[str, str]] = {
    "en": {
        "spam": "Advertising or spam is not allowed.",
        "links": "Links are not allowed in reviews.",
        "abusive": "Insults, threats and abusive language are not allowed.",
        "personal_data": "Personal data (e-mails, phone numbers, addresses) must not be published.",
        "off_topic": "The text is not about this product or discussion.",
        "duplicate": "The same text was already posted.",
        "other": "The text does not follow the community guidelines.",
    },
    "fr": {
        "spam": "La publicité et le spam ne sont pas autorisés.",
        "links": "Les liens ne sont pas autorisés dans les avis.",
        "abusive": "Les insultes, les menaces et les propos injurieux ne sont pas autorisés.",
        "personal_data": "Les données personnelles (e-mails, téléphones, adresses) ne doivent pas être publiées.",
        "off_topic": "Le texte ne porte pas sur ce produit ou cette discussion.",
        "duplicate": "Le même texte a déjà été publié.",
        "other": "Le texte ne respecte pas les règles de la communauté.",
    },
}


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
        env = SandboxedEnvironment(autoescape=False, keep_trailing_newline=True, undefined=ChainableUndefined)
        subject = env.from_string(override.get("subject") or "").render(context)
        body = env.from_string(override["body"]).render(context)
    else:
        text = current_app.jinja_env.get_template(f"mail/{kind}.{lang}.txt").render(context)
        first, _, body = text.partition("\n")
        subject = first.removeprefix("Subject:").strip()
    return " ".join(subject.split())[:300], body.strip() + "\n"


def write_message(
    author: Author,
    item: Item | None,
    kind: str,
    state: OutboxState,
    lang: str | None = None,
    decision: bool = False,
    **context: Any,
) -> OutboxMessage:
    """Render a mail to ``author`` and add it to the outbox (the caller commits); enqueued after the commit.

    ``lang`` (fr or en) when the caller knows it (an invitation's; a reader who reported an item hears in the
    language of the page they reported from); otherwise the item's (an author hears in the language they wrote
    in), or the site's default. ``decision``: it tells of a moderator's action, which may still be undone: it waits
    ``DECISION_MAIL_DELAY_S`` (``withdraw_decision_mails`` cancels it meanwhile).
    """
    site = db.session.get(Site, author.site_id)
    lang = lang if lang in LANGS else mail_lang(site, item)
    unsubscribe = link("unsubscribe", author.id, lang)
    context = {
        "site": site,
        "brand": site.brand_name or site.name,
        "author_name": author.name,
        "item": item,
        "unsubscribe_url": unsubscribe,
        **author_links(item, lang),
        **context,
    }
    subject, body = render(site, kind, lang, context)
    delay = int(current_app.config["DECISION_MAIL_DELAY_S"]) if decision else 0
    return add_message(OutboxMessage(
        site_id=site.id, author_id=author.id, item_id=item.id if item is not None else None, kind=kind, lang=lang,
        to_address=author.email, subject=subject, body=body, unsubscribe_url=unsubscribe, state=state.value,
        send_after=utcnow() + timedelta(seconds=delay) if delay > 0 else None,
    ))  # fmt: skip


def add_message(message: OutboxMessage) -> OutboxMessage:
    """Into the outbox, in the caller's transaction; a pending one is enqueued once it commits, unless it must wait
    (``send_after``): the mail queue's sweep sends it once due."""
    db.session.add(message)
    db.session.flush()
    if message.state == OutboxState.PENDING.value and message.send_after is None:
        db.session.info.setdefault(PENDING_KEY, []).append(message.id)
    return message


def withdraw_decision_mails(item_id: int, since: datetime) -> int:
    """An action on ``item_id`` taken at ``since`` was undone: cancel the decision mails it wrote that have not gone
    out (the author's published or rejected, the reporters' outcome). The caller commits. Returns how many."""
    result = db.session.execute(
        db.update(OutboxMessage)
        .where(
            OutboxMessage.item_id == item_id,
            OutboxMessage.kind.in_(DECISION_KINDS),
            OutboxMessage.state.in_([OutboxState.PENDING.value, OutboxState.AWAITING_CONFIRMATION.value]),
            OutboxMessage.created_at >= since,
        )
        .values(state=OutboxState.CANCELLED.value, last_error="the decision was undone")
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def write_staff_message(site: Site, to_address: str, kind: str, lang: str, **context: Any) -> OutboxMessage:
    """A mail to one of the brand's own people (a product-health plan's owner, say): the same outbox, queue and
    retries as authors' mail, with no author, no consent step and no unsubscribe link (it is work, not marketing).
    The caller commits; the message is enqueued after the commit."""
    lang = lang if lang in LANGS else (site.default_lang if site.default_lang in LANGS else "en")
    subject, body = render(site, kind, lang, {"site": site, "brand": site.brand_name or site.name, **context})
    return add_message(OutboxMessage(
        site_id=site.id, author_id=None, item_id=None, kind=kind, lang=lang, to_address=to_address,
        subject=subject, body=body, unsubscribe_url=None, state=OutboxState.PENDING.value,
    ))  # fmt: skip


def author_links(item: Item | None, lang: str) -> dict[str, str]:
    """The signed links to edit or withdraw the item a mail is about, while it can still be edited."""
    if item is None or item.id is None or item.status not in (ItemStatus.PUBLISHED.value, ItemStatus.HELD.value):
        return {}
    return {"edit_url": link("edit", item.id, lang), "withdraw_url": link("withdraw", item.id, lang)}


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
    url = public_url(f"/sites/{item.site.slug}/items/{item.id}")
    return notify_author(item, MailKind.PUBLISHED, decision=True, item_url=url)


def notify_rejected(case: Case) -> OutboxMessage | None:
    """The statement of reasons: decision, reason code and what it means, automated means, how to contest."""
    item = case.item
    lang = mail_lang(item.site, item)
    code = item.rejection_reason or "other"
    return notify_author(
        item,
        MailKind.REJECTED,
        decision=True,
        reason_code=code,
        reason_text=REASON_EXPLANATIONS[lang].get(code, REASON_EXPLANATIONS[lang]["other"]),
        # The content rules that hold items are automated; the decision itself was a moderator's. A hold that only
        # applied a moderator's earlier choice about the author (blocked, always held) is not automated detection.
        automated_detection=bool(set(item.hold_reasons or ()) - AUTHOR_STANDING_REASONS),
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
