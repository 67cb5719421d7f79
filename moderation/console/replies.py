"""A reply around its publication, in the console: preview before publishing, edit or withdraw after."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _

from ..extensions import db
from ..services import replies as reply_service
from ..services.access import case_for
from ..services.errors import ServiceError
from .auth import me
from .blueprint import bp
from .cases import back_to, render_case
from .forms import ActionForm, ReplyForm
from .helpers import flash_refusal


@bp.post("/cases/<int:case_id>/reply/preview")
def reply_preview(case_id: int):
    """Show the reply as the customer will see it, signed with the brand's voice; nothing is published."""
    case = case_for(me(), case_id)
    form = ReplyForm()
    if not form.validate_on_submit():
        flash(_("A reply needs a text of at most 5000 characters."), "error")
        return render_case(case, form, 422)
    try:
        preview = reply_service.preview(me(), case, form.body.data)
    except ServiceError as exc:
        flash_refusal(exc, case)
        return render_case(case, form, 422)
    return render_case(case, form, preview=preview)


@bp.post("/cases/<int:case_id>/replies/<int:reply_id>/edit")
def reply_edit(case_id: int, reply_id: int):
    """Correct a published reply; it shows as edited, and the earlier text is kept."""
    case = case_for(me(), case_id)
    form = ReplyForm()
    if not form.validate_on_submit():
        flash(_("A reply needs a text of at most 5000 characters."), "error")
        return back_to(case, "#item")
    try:
        reply_service.edit(me(), reply_service.reply_on(case, reply_id), form.body.data)
        db.session.commit()
    except ServiceError as exc:
        flash_refusal(exc, case)
        return back_to(case, "#item")
    flash(_("Reply edited: it shows as edited."), "ok")
    return back_to(case, "#item")


@bp.post("/cases/<int:case_id>/replies/<int:reply_id>/withdraw")
def reply_withdraw(case_id: int, reply_id: int):
    """Take a published reply down; its text is kept in the history."""
    case = case_for(me(), case_id)
    if not ActionForm().validate_on_submit():
        flash(_("The form expired; please try again."), "error")
        return back_to(case, "#item")
    try:
        reply_service.withdraw(me(), reply_service.reply_on(case, reply_id))
        db.session.commit()
    except ServiceError as exc:
        flash_refusal(exc, case)
        return back_to(case, "#item")
    flash(_("Reply withdrawn: it is no longer shown."), "ok")
    return back_to(case, "#item")
