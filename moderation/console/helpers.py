"""Small lookups shared by the console views."""

from __future__ import annotations

from flask import abort, flash
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..models import Case, Moderator, Site
from ..services import cases as case_service
from ..services.errors import ServiceError


def visible_sites(moderator: Moderator) -> list[Site]:
    """The sites this moderator works on, by slug (all of them for an admin)."""
    query = select(Site).order_by(Site.slug)
    ids = moderator.visible_site_ids()
    if ids is not None:
        query = query.where(Site.id.in_(ids))
    return list(db.session.execute(query).scalars())


def site_for(moderator: Moderator, slug: str | None) -> Site:
    """A site by slug that the moderator may see; another site's slug is a 404, like a missing one."""
    sites = visible_sites(moderator)
    if not sites:
        abort(404)
    if not slug:
        return sites[0]
    for site in sites:
        if site.slug == slug:
            return site
    abort(404)


def case_for(moderator: Moderator, case_id: int) -> Case:
    return case_service.get_case_for(moderator, case_id)


def refusal_message(exc: ServiceError, case: Case | None = None) -> str:
    """A service refusal in the moderator's language."""
    if exc.code == "already_claimed" and case is not None:
        db.session.refresh(case)
        holder = case.claimed_by.name if case.claimed_by else _("another moderator")
        until = case.claim_expires_at.strftime("%H:%M UTC") if case.claim_expires_at else "?"
        return _("%(name)s holds this case until %(time)s.", name=holder, time=until)
    if exc.code == "case_closed" and case is not None:
        return _("This case is already closed (%(state)s).", state=case.state)
    return exc.message


def flash_refusal(exc: ServiceError, case: Case | None = None) -> None:
    db.session.rollback()
    flash(refusal_message(exc, case), "error")
