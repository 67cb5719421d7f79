"""The author panel's actions: block, always hold, trust, or back to normal."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..services import authors as author_service
from ..services.access import case_for
from ..services.errors import ServiceError
from ..vocabulary import AuthorStanding
from .auth import me
from .blueprint import bp
from .cases import back_to
from .forms import AuthorStandingForm

DONE = {
    AuthorStanding.NORMAL: _l("%(name)s is back to normal: the rules decide on their new posts."),
    AuthorStanding.TRUSTED: _l("%(name)s is trusted: their new posts skip the rules that hold (not the safety lane)."),
    AuthorStanding.ALWAYS_HOLD: _l("%(name)s is always held: each new post waits for a moderator."),
    AuthorStanding.BLOCKED: _l("%(name)s is blocked: each new post is held."),
}


@bp.post("/cases/<int:case_id>/author")
def author_standing(case_id: int):
    """Set the standing of the case's author (audited; "normal" takes it back)."""
    case = case_for(me(), case_id)
    author = case.item.author
    form = AuthorStandingForm()
    if not form.validate_on_submit():
        flash(
            _("Choose a standing; the note is at most %(n)s characters.", n=author_service.MAX_STANDING_NOTE), "error"
        )
        return back_to(case, "#author-history")
    try:
        changed = author_service.set_standing(me(), author, form.standing.data, form.note.data)
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        flash(_("Not changed: %(why)s.", why=exc.message), "error")
        return back_to(case, "#author-history")
    if changed:
        flash(str(DONE[AuthorStanding(author.standing)]) % {"name": author.name}, "ok")
    return back_to(case, "#author-history")
