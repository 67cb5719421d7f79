"""The pages an author reaches from the edit and withdraw links of their mails (``services.authoring``).

Plain server-rendered forms, in the mail's language (``?lang=``), with Flask-WTF's CSRF token: the signed link
proves who may change the item, the token that the form was posted from this page.
"""

from __future__ import annotations

from flask import current_app, request

from ..extensions import db
from ..services import authoring, scheduling
from ..services.errors import ServiceError
from ..vocabulary import ItemStatus
from .blueprint import bp
from .mail_links import page, page_lang, refused

WORDS = {
    "en": {
        "edit": "Change your text below. It is checked again before it is shown, and marked as edited.",
        "edit_button": "Save my changes",
        "rating": "Rating",
        "title": "Title (optional)",
        "body": "Your text",
        "edited": "Thank you: your text is updated and marked as edited.",
        "edited_held": "Thank you: your text is updated. It will be shown once a moderator has checked it.",
        "unchanged": "Nothing changed.",
        "withdraw": "Withdraw this text? It will no longer be shown on the site.",
        "withdraw_button": "Withdraw it",
        "withdrawn": "Your text is withdrawn: it is no longer shown on the site.",
        "not_editable": "This text was not published, so it cannot be changed here; the mail about it says how "
        "to contest the decision.",
    },
    "fr": {
        "edit": "Modifiez votre texte ci-dessous. Il est vérifié à nouveau avant d'être affiché, "
        "avec la mention « modifié ».",
        "edit_button": "Enregistrer mes modifications",
        "rating": "Note",
        "title": "Titre (facultatif)",
        "body": "Votre texte",
        "edited": "Merci : votre texte est mis à jour, avec la mention « modifié ».",
        "edited_held": "Merci : votre texte est mis à jour. Il sera affiché après vérification par un modérateur.",
        "unchanged": "Aucune modification.",
        "withdraw": "Retirer ce texte ? Il ne sera plus affiché sur le site.",
        "withdraw_button": "Le retirer",
        "withdrawn": "Votre texte est retiré : il n'est plus affiché sur le site.",
        "not_editable": "Ce texte n'a pas été publié : il ne peut pas être modifié ici ; l'e-mail qui vous l'a "
        "annoncé explique comment contester la décision.",
    },
}


def words() -> dict[str, str]:
    return WORDS[page_lang()]


def refused_here(exc: ServiceError):
    """A withdrawn or rejected item is a 409 told in the page's language; anything else as the mail pages say."""
    if exc.code in ("withdrawn", "not_editable"):
        db.session.rollback()
        return page(409, message=words()[exc.code])
    return refused(exc)


def form_rating(raw: str | None):
    """The form's rating as the submit shape expects it: a number, or the text as sent so the refusal names it."""
    raw = (raw or "").strip()
    return int(raw) if raw.isdigit() else (raw or None)


@bp.route("/mail/edit/<token>", methods=["GET", "POST"])
def mail_edit(token: str):
    """The author changes their review or comment (text, title, rating); the edit is checked and scored again."""
    try:
        item = authoring.item_for_link(authoring.EDIT, token)
        authoring.ensure_editable(item)
    except ServiceError as exc:
        return refused_here(exc)
    values = {"rating": item.rating, "title": item.title or "", "body": item.body}
    if request.method == "GET":
        return page(form="edit", item=item, values=values, w=words(), message=words()["edit"])
    values = {k: request.form.get(k, "") for k in ("rating", "title", "body")}
    try:
        changed = authoring.edit_item(
            item,
            rating=form_rating(values["rating"]),
            title=values["title"],
            body=values["body"],
            limits=current_app.config,
        )
    except ServiceError as exc:
        db.session.rollback()
        status = exc.status if exc.status >= 400 else 422
        return page(status, form="edit", item=item, values=values, w=words(), message=exc.message, field=exc.field)
    db.session.commit()
    if not changed:
        return page(message=words()["unchanged"])
    # After the commit, like a new submission: the scoring job must find the edited text.
    scheduling.request_scoring(item.id)
    held = item.status == ItemStatus.HELD.value
    return page(message=words()["edited_held" if held else "edited"])


@bp.route("/mail/withdraw/<token>", methods=["GET", "POST"])
def mail_withdraw(token: str):
    """The author withdraws their review or comment (GET asks first: link scanners must not withdraw anything)."""
    try:
        item = authoring.item_for_link(authoring.WITHDRAW, token)
        if request.method == "GET":
            if item.status == ItemStatus.WITHDRAWN.value:
                return page(message=words()["withdrawn"])
            authoring.ensure_editable(item)
            return page(form="withdraw", item=item, w=words(), message=words()["withdraw"])
        authoring.withdraw_item(item)
    except ServiceError as exc:
        return refused_here(exc)
    db.session.commit()
    return page(message=words()["withdrawn"])
