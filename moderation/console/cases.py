"""A case: the item as written, its context, its evidence and history; and what a moderator does to it."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import format_time
from flask_babel import gettext as _

from ..extensions import db
from ..models import Case
from ..services import audit as audit_service
from ..services import authoring, case_queue, case_undo, threads
from ..services import cases as case_service
from ..services import dashboard as dashboard_service
from ..services import external as external_service
from ..services import notes as note_service
from ..services import replies as reply_service
from ..services.access import case_for
from ..services.errors import ServiceError
from ..vocabulary import ACTIVE_CASE_STATES, ItemStatus
from . import audit_format
from .auth import me
from .blueprint import bp
from .forms import ActionForm, AuthorStandingForm, CloseForm, NoteForm, RejectForm, ReplyForm
from .helpers import flash_refusal
from .queue import parse_filters, view_args
from .template_globals import self_harm


def customer_language(case: Case) -> str:
    """The item's language without its region ("fr-CA" → "fr"); "" when not known."""
    return (case.item.lang or "").split("-")[0]


def templates_for(case: Case) -> list[tuple[int, dict]]:
    """The site's reply templates, those in the customer's language first."""
    lang = customer_language(case)
    indexed = list(enumerate(case.site.reply_templates or []))
    return sorted(indexed, key=lambda pair: (pair[1].get("lang", "").split("-")[0] != lang, pair[0]))


def fill_template(template: dict, case: Case) -> str:
    # Plain replacement, not str.format: a template is admin text and must never reach attributes.
    return template.get("body", "").replace("{name}", case.item.author.name)


# The public answer a moderator may start from when the author says they may harm themselves (``self_harm``), in
# the customer's language, whatever the moderator's: warm, short, a free help line open day and night, and the
# emergency number. The moderator edits it before it is published; nothing is sent on its own.
AT_RISK_ANSWERS = {
    "fr": (
        "{name}, nous sommes vraiment désolés de lire que vous traversez un moment aussi difficile. Vous n'êtes pas "
        "seul·e : en France, le 3114 (numéro national de prévention du suicide) vous répond gratuitement, 24 h/24 "
        "et 7 j/7. En cas de danger immédiat, appelez le 15 ou le 112. Notre équipe est là aussi si vous souhaitez "
        "nous écrire."
    ),
    "en": (
        "{name}, we are truly sorry to read that you are going through such a hard time. You are not alone: in the "
        "United States and Canada, call or text 988; in the United Kingdom and Ireland, call Samaritans on 116 123 — "
        "free, day and night. If you are in immediate danger, call your local emergency number. Our team is here too "
        "if you would like to write to us."
    ),
}
AT_RISK = "at-risk"  # the ``template`` argument that asks for it


def at_risk_answer(case: Case) -> str:
    return fill_template({"body": AT_RISK_ANSWERS.get(customer_language(case), AT_RISK_ANSWERS["en"])}, case)


def refuse(exc: ServiceError, case: Case) -> None:
    """Say why the service refused, in the moderator's language."""
    if exc.code == "held_item":
        db.session.rollback()
        flash(
            _(
                "This item is held (not public): approve it (then reply if needed) or reject it with a reason. "
                "Only that decision closes its case."
            ),
            "error",
        )
        return
    flash_refusal(exc, case)


def render_case(case: Case, reply_form: ReplyForm | None = None, status: int = 200, preview=None):
    moderator = me()
    item = case.item
    reply_form = reply_form or ReplyForm()
    templates = templates_for(case)
    chosen = request.args.get("template", "")
    if not reply_form.body.data and chosen.isdigit() and int(chosen) < len(case.site.reply_templates or []):
        reply_form.body.data = fill_template(case.site.reply_templates[int(chosen)], case)
    at_risk = self_harm(case.evidence)
    if not reply_form.body.data and chosen == AT_RISK and at_risk:
        reply_form.body.data = at_risk_answer(case)
    _sites, filters, args = parse_filters()
    previous_id, next_id = case_queue.neighbours(moderator, case, filters)
    return (
        render_template(
            "console/case.html",
            case=case,
            item=item,
            live_claim=case_service.claim_is_live(case),
            mine=case_service.claim_is_live(case) and case.claimed_by_id == moderator.id,
            active=case.state in ACTIVE_CASE_STATES,
            held=item.status == ItemStatus.HELD.value,
            external=external_service.post_for(item),
            thread=threads.thread_of(item),
            recent=dashboard_service.recent_reviews(item.subject_id, exclude_item_id=item.id),
            history=dashboard_service.author_history(item.author_id, exclude_item_id=item.id)
            if item.author.email
            else [],
            events=audit_service.case_timeline(case),
            action_label=audit_format.action_label,
            notes=note_service.notes_for(case),
            templates=templates,
            at_risk=at_risk,
            at_risk_template=AT_RISK,
            filled=[fill_template(t, case) for _, t in templates],
            rejection_reasons=case_service.REJECTION_REASONS,
            reply_form=reply_form,
            preview=preview,
            reply_revisions=reply_service.revisions_of([r.id for r in item.replies]),
            item_revisions=authoring.revisions_of(item.id) if item.edited_at else [],
            note_form=NoteForm(),
            close_form=CloseForm(),
            reject_form=RejectForm(),
            action_form=ActionForm(),
            standing_form=AuthorStandingForm(standing=item.author.standing, formdata=None),
            previous_id=previous_id,
            next_id=next_id,
            args=args,
        ),
        status,
    )


@bp.get("/cases/<int:case_id>")
def case(case_id: int):
    """One case with everything needed to answer it."""
    return render_case(case_for(me(), case_id))


def offer_undo(case: Case, back: str | None = None) -> None:
    """Offer, on the next page, to undo the action just committed on ``case`` (for ``UNDO_SECONDS``).

    ``back="queue"`` when the action came from a queue row: the undo then returns to that queue view and page.
    """
    event = case_undo.undoable_event(me(), case)
    if event is not None:
        args = view_args() if back == "queue" else parse_filters()[2]
        session["undo"] = {
            "url": url_for("console.undo", case_id=case.id, event_id=event.id, back=back, **args),
            "case_id": case.id,
            "queue": back == "queue",
        }


@bp.context_processor
def undo_offer() -> dict:
    """The undo offer for the page shown right after an action; shown once."""
    return {"undo_offer": session.pop("undo", None), "undo_seconds": case_undo.UNDO_SECONDS}


@bp.post("/cases/<int:case_id>/undo/<int:event_id>")
def undo(case_id: int, event_id: int):
    """Take back one's own last action on a case, within seconds of it."""
    case = case_for(me(), case_id)
    try:
        case_undo.undo(me(), case, event_id)
        db.session.commit()
        flash(_("Undone: case #%(id)s is back as it was.", id=case.id), "ok")
    except ServiceError as exc:
        db.session.rollback()
        flash(_("Not undone: %(why)s.", why=exc.message), "error")
    if request.args.get("back") == "queue":
        return redirect(url_for("console.queue", **view_args()))
    return back_to(case)


def back_to(case: Case, anchor: str = ""):
    """Back to the case page, in the same queue view (its filters ride along in the query string)."""
    return redirect(url_for("console.case", case_id=case.id, **parse_filters()[2]) + anchor)


def onward(case: Case):
    """After closing a case, go straight to the one after it in the moderator's queue view (else its top)."""
    _sites, filters, args = parse_filters()
    next_id = case_queue.neighbours(me(), case, filters)[1] or case_queue.top_case_id(me(), filters)
    return redirect(url_for("console.case", case_id=next_id, **args) if next_id else url_for("console.queue", **args))


@bp.post("/cases/<int:case_id>/claim")
def claim(case_id: int):
    """Take the case for a while so nobody else answers the same customer."""
    case = case_for(me(), case_id)
    try:
        case_service.claim(me(), case)
        db.session.commit()
        offer_undo(case)
        flash(_("You hold this case until %(time)s.", time=format_time(case.claim_expires_at, "short")), "ok")
    except ServiceError as exc:
        flash_refusal(exc, case)
    return back_to(case)


@bp.post("/cases/<int:case_id>/release")
def release(case_id: int):
    """Give the case back to the queue."""
    case = case_for(me(), case_id)
    try:
        case_service.release(me(), case)
        db.session.commit()
        offer_undo(case)
        flash(_("Case released."), "ok")
    except ServiceError as exc:
        flash_refusal(exc, case)
    return back_to(case)


@bp.post("/cases/<int:case_id>/reply")
def reply(case_id: int):
    """Answer the customer publicly; the reply shows under the review at once."""
    case = case_for(me(), case_id)
    form = ReplyForm()
    if not form.validate_on_submit():
        flash(_("A reply needs a text of at most 5000 characters."), "error")
        return render_case(case, form, 422)
    try:
        case_service.reply(me(), case, form.body.data)
        db.session.commit()
    except ServiceError as exc:
        refuse(exc, case)
        return render_case(case, form, 409 if exc.status == 409 else 422)
    flash(_("Reply published on case #%(id)s.", id=case.id), "ok")
    return onward(case)


def close_with(case_id: int, action, done_message: str):
    case = case_for(me(), case_id)
    form = CloseForm()
    if not form.validate_on_submit():
        flash(_("A note is at most 2000 characters."), "error")
        return back_to(case)
    try:
        action(me(), case, form.note.data or None)
        db.session.commit()
        offer_undo(case)
    except ServiceError as exc:
        refuse(exc, case)
        return back_to(case)
    flash(done_message % {"id": case.id}, "ok")
    return onward(case)


@bp.post("/cases/<int:case_id>/resolve")
def resolve(case_id: int):
    """Close without a public reply (handled elsewhere)."""
    return close_with(case_id, case_service.resolve, _("Case #%(id)s resolved."))


@bp.post("/cases/<int:case_id>/dismiss")
def dismiss(case_id: int):
    """A false alarm: kept as a labelled example for retraining."""
    return close_with(case_id, case_service.dismiss, _("Case #%(id)s dismissed as a false alarm."))


@bp.post("/cases/<int:case_id>/escalate")
def escalate(case_id: int):
    """Hand the case to a senior moderator."""
    return close_with(case_id, case_service.escalate, _("Case #%(id)s escalated."))


@bp.post("/cases/<int:case_id>/approve")
def approve(case_id: int):
    """Publish a held item."""
    case = case_for(me(), case_id)
    try:
        case_service.approve(me(), case)
        db.session.commit()
        offer_undo(case)
        flash(_("Item published."), "ok")
    except ServiceError as exc:
        flash_refusal(exc, case)
    return back_to(case)


@bp.post("/cases/<int:case_id>/reject")
def reject(case_id: int):
    """Remove an item with a reason code its author is shown."""
    case = case_for(me(), case_id)
    form = RejectForm()
    if not form.validate_on_submit():
        flash(_("Choose a reason."), "error")
        return back_to(case)
    try:
        case_service.reject(me(), case, form.reason.data)
        db.session.commit()
        offer_undo(case)
    except ServiceError as exc:
        flash_refusal(exc, case)
        return back_to(case)
    flash(_("Item removed (%(reason)s).", reason=form.reason.data), "ok")
    return onward(case)


@bp.post("/cases/<int:case_id>/notes")
def add_note(case_id: int):
    """Add an internal note (never public)."""
    case = case_for(me(), case_id)
    form = NoteForm()
    if form.validate_on_submit():
        note_service.add_note(me(), case, form.body.data)
        db.session.commit()
        flash(_("Note added."), "ok")
    else:
        flash(_("A note needs a text of at most 2000 characters."), "error")
    return back_to(case, "#notes")
