"""The page a verified-buyer invitation's link opens: the customer rates and reviews one product, once.

No login: the signed one-time link is the proof (``services.invitations``); the form still carries a CSRF token,
so another site cannot post through a link it saw. In the mail's language, every text escaped by Jinja.
"""

from __future__ import annotations

from flask import render_template, request

from ..extensions import db
from ..i18n import LANGUAGES
from ..services import invitations
from ..services.errors import ServiceError
from ..services.scheduling import request_scoring
from .blueprint import bp

WORDS = {
    "en": {
        "intro": "Your opinion of this product, good or bad, helps other customers. It is published whatever its "
        "rating, with the mention “verified purchase”.",
        "rating": "Your rating",
        "stars": "{n} out of 5",
        "title": "Title (optional)",
        "body": "Your review",
        "name": "Name shown with your review",
        "send": "Post my review",
        "thanks": "Thank you: your review is posted.",
        "held": "Thank you: your review will be published once a moderator has read it.",
        "invalid": "This link is not valid or has expired.",
        "used": "This link was used already: your review is posted.",
    },
    "fr": {
        "intro": "Votre avis sur ce produit, bon ou mauvais, aide les autres clients. Il est publié quelle que "
        "soit sa note, avec la mention « achat vérifié ».",
        "rating": "Votre note",
        "stars": "{n} sur 5",
        "title": "Titre (facultatif)",
        "body": "Votre avis",
        "name": "Nom affiché avec votre avis",
        "send": "Publier mon avis",
        "thanks": "Merci : votre avis est publié.",
        "held": "Merci : votre avis sera publié dès qu'un modérateur l'aura lu.",
        "invalid": "Ce lien n'est pas valide ou a expiré.",
        "used": "Ce lien a déjà servi : votre avis est publié.",
    },
}


def page_lang(default: str | None = None) -> str:
    lang = request.args.get("lang") or default or ""
    return lang if lang in LANGUAGES else (request.accept_languages.best_match(LANGUAGES) or "en")


def review_page(status: int = 200, lang: str | None = None, **context):
    lang = lang or page_lang()
    return render_template("mail/review.html", lang=lang, t=WORDS[lang], **context), status


def refused(exc: ServiceError):
    db.session.rollback()
    words = WORDS[page_lang()]
    message = {"invalid_link": words["invalid"], "link_used": words["used"]}.get(exc.code, exc.message)
    return review_page(exc.status if exc.status >= 400 else 400, message=message)


@bp.route("/mail/review/<token>", methods=["GET", "POST"])
def invitation_review(token: str):
    """Rate and review the product of an invitation (one-time link)."""
    try:
        invitation = invitations.open_invitation(token)
    except ServiceError as exc:
        return refused(exc)
    context = {"invitation": invitation, "site": invitation.site, "values": {"name": invitation.author.name}}
    lang = page_lang(invitation.lang)
    if request.method == "GET":
        return review_page(lang=lang, **context)
    fields = {key: request.form.get(key, "") for key in ("rating", "title", "body", "name")}
    # The form sends text; the submit shape wants a number where it is one, and refuses anything else.
    fields["rating"] = int(fields["rating"]) if fields["rating"].isdigit() else (fields["rating"] or None)
    try:
        item = invitations.post_review(token, fields)
        item_id, held = item.id, item.status == "held"
        db.session.commit()
    except ServiceError as exc:
        if exc.status != 422:
            return refused(exc)
        db.session.rollback()
        context["values"] = fields
        return review_page(422, lang=lang, error=exc.message, error_field=exc.field, **context)
    request_scoring(item_id)
    return review_page(lang=lang, message=WORDS[lang]["held" if held else "thanks"], site=context["site"])
