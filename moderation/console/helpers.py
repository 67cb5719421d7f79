"""Small lookups shared by the console views."""

from __future__ import annotations

from flask import flash
from flask_babel import format_time
from flask_babel import gettext as _

from ..extensions import db
from ..models import Case
from ..services.errors import ServiceError


def refusal_message(exc: ServiceError, case: Case | None = None) -> str:
    """A service refusal in the moderator's language."""
    if exc.code == "already_claimed" and case is not None:
        db.session.refresh(case)
        holder = case.claimed_by.name if case.claimed_by else _("another moderator")
        until = format_time(case.claim_expires_at, "short") if case.claim_expires_at else "?"
        return _("%(name)s holds this case until %(time)s.", name=holder, time=until)
    if exc.code == "case_closed" and case is not None:
        return _("This case is already closed (%(state)s).", state=case.state)
    return exc.message


def flash_refusal(exc: ServiceError, case: Case | None = None) -> None:
    db.session.rollback()
    flash(refusal_message(exc, case), "error")
