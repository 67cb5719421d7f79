"""Decisions from the queue's rows (#20): approve or reject a held item, dismiss a simple reply case.

The same service calls as the case page (``services.cases``: audited, and refused for a held item's case unless
the decision is approve or reject), the same undo offer, then back to the same queue view and page. Without
script the row's form posts here and the redirect shows the queue again; with htmx the same redirect answers
with the queue's fragment, so the row changes in place and the selection stays.
"""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..services import cases as case_service
from ..services.access import case_for
from ..services.errors import ServiceError
from .auth import me
from .blueprint import bp
from .cases import offer_undo, refuse
from .forms import ActionForm, RejectForm
from .queue import render_queue, view_args


@bp.post("/queue/<int:case_id>/<any(approve, reject, dismiss):decision>")
def queue_decide(case_id: int, decision: str):
    """Approve, reject (with a reason) or dismiss one case from its queue row."""
    case = case_for(me(), case_id)
    form = RejectForm() if decision == "reject" else ActionForm()
    back = redirect(url_for("console.queue", **view_args()))
    if not form.validate_on_submit():
        # Only a missing or unknown reason gets here (the row's menu offers none): a missing CSRF token is
        # refused before the view (400). The same queue view, with the reason field named, as a 422.
        flash(_("Reject: choose a reason from the list."), "error")
        return render_queue(422)
    try:
        if decision == "approve":
            case_service.approve(me(), case)
            done = _("Case #%(id)s: item published.", id=case.id)
        elif decision == "reject":
            case_service.reject(me(), case, form.reason.data)
            done = _("Case #%(id)s: item removed (%(reason)s).", id=case.id, reason=form.reason.data)
        else:
            case_service.dismiss(me(), case)
            done = _("Case #%(id)s dismissed as a false alarm.", id=case.id)
        db.session.commit()
    except ServiceError as exc:
        refuse(exc, case)
        return back
    offer_undo(case, back="queue")
    flash(done, "ok")
    return back
