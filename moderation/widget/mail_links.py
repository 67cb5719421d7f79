"""The pages an author reaches from a mail: confirm the address, unsubscribe, contest a rejection, read a reply.

No login: the signed token in the link is the author's proof (``services.mail``). Plain server-rendered pages,
in the mail's language (``?lang=``), every customer text escaped by Jinja.
"""

from __future__ import annotations

from flask import abort, render_template, request
from sqlalchemy import select

from ..extensions import csrf, db
from ..i18n import LANGUAGES
from ..models import Item, ItemKind, ItemStatus
from ..services import mail
from ..services.accounts import get_site
from ..services.errors import ServiceError
from ..services.listing import reply_signature
from .blueprint import bp

WORDS = {
    "en": {
        "confirmed": "Thank you: your address is confirmed. We will let you know when your review is answered.",
        "unsubscribe": "Stop all e-mails about your reviews on this site?",
        "unsubscribe_button": "Unsubscribe",
        "unsubscribed": "You are unsubscribed: you will receive no more e-mails from us.",
        "contest": "Tell us why you think this decision is wrong (optional). A moderator will look at your text again.",
        "contest_button": "Contest the decision",
        "contested": "Your appeal is registered: a moderator will look at your text again and let you know.",
        "invalid": "This link is not valid or has expired.",
        "reply_from": "Answer from",
        "your_text": "Your text",
        "edited": "edited",
    },
    "fr": {
        "confirmed": "Merci : votre adresse est confirmée. "
        "Nous vous préviendrons quand votre avis recevra une réponse.",
        "unsubscribe": "Ne plus recevoir d'e-mails au sujet de vos avis sur ce site ?",
        "unsubscribe_button": "Me désinscrire",
        "unsubscribed": "Vous êtes désinscrit(e) : vous ne recevrez plus d'e-mails de notre part.",
        "contest": "Expliquez-nous pourquoi cette décision vous semble erronée (facultatif). "
        "Un modérateur examinera à nouveau votre texte.",
        "contest_button": "Contester la décision",
        "contested": "Votre contestation est enregistrée : un modérateur examinera à nouveau votre texte "
        "et vous tiendra informé(e).",
        "invalid": "Ce lien n'est pas valide ou a expiré.",
        "reply_from": "Réponse de",
        "your_text": "Votre texte",
        "edited": "modifié",
    },
}


def page_lang() -> str:
    lang = request.args.get("lang", "")
    return lang if lang in LANGUAGES else (request.accept_languages.best_match(LANGUAGES) or "en")


def page(status: int = 200, **context):
    lang = page_lang()
    return render_template("mail/page.html", lang=lang, t=WORDS[lang], **context), status


def refused(exc: ServiceError):
    db.session.rollback()
    lang = page_lang()
    message = WORDS[lang]["invalid"] if exc.code == "invalid_link" else exc.message
    return page(exc.status if exc.status >= 400 else 400, message=message)


@bp.get("/mail/confirm/<token>")
def mail_confirm(token: str):
    """Double opt-in: the link of the confirmation mail."""
    try:
        mail.confirm(token)
    except ServiceError as exc:
        return refused(exc)
    db.session.commit()
    return page(message=WORDS[page_lang()]["confirmed"])


@bp.route("/mail/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the proof; mail clients' one-click unsubscribe (RFC 8058) posts without a form
def mail_unsubscribe(token: str):
    """Stop every mail to this address on this site (GET asks first: link scanners must not unsubscribe anyone)."""
    try:
        mail.unsign("unsubscribe", token)
        if request.method == "GET":
            return page(form="unsubscribe", message=WORDS[page_lang()]["unsubscribe"])
        mail.unsubscribe(token)
    except ServiceError as exc:
        return refused(exc)
    db.session.commit()
    return page(message=WORDS[page_lang()]["unsubscribed"])


@bp.route("/mail/contest/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token is the proof
def mail_contest(token: str):
    """Contest a rejection: the item's case reopens with reason ``appeal``."""
    try:
        item = db.session.get(Item, mail.unsign("contest", token, mail.CONTEST_MAX_AGE_S))
        if item is None:
            abort(404)
        if request.method == "GET":
            return page(form="contest", item=item, message=WORDS[page_lang()]["contest"])
        mail.contest(token, request.form.get("statement", ""))
    except ServiceError as exc:
        return refused(exc)
    db.session.commit()
    return page(message=WORDS[page_lang()]["contested"])


@bp.get("/sites/<site_slug>/items/<int:item_id>")
def public_item_page(site_slug: str, item_id: int):
    """One published review or comment with the brand's replies: where a reply mail links to."""
    site = get_site(site_slug)
    item = db.session.execute(
        select(Item).where(
            Item.id == item_id,
            Item.site_id == site.id,
            Item.status == ItemStatus.PUBLISHED.value,
            # An external post was written elsewhere: moderators see it, the public never does here.
            Item.kind != ItemKind.EXTERNAL.value,
        )
    ).scalar_one_or_none()
    if item is None:
        abort(404)
    replies = [(r, reply_signature(site, r.moderator)) for r in item.replies if r.withdrawn_at is None]
    return page(item=item, replies=replies, site=site)
