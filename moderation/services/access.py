"""Who may see what: a moderator sees the sites they work on; an admin sees every site.

Every lookup that a moderator names by id goes through here, so the console, the API and the services share one
rule. A record of another site is reported as missing (``NotFound``), never as forbidden: its existence is
itself another tenant's information.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import ColumnElement, Select, or_, select

from ..extensions import db
from ..models import AuditEvent, Case, Item, Moderator, RescoreRun, Site, Subject
from .errors import Forbidden, NotFound

SiteOwned = TypeVar("SiteOwned", Case, Item, Subject)

Query = TypeVar("Query", bound=Select)


def require_admin(actor: Moderator) -> None:
    """Refuse anyone but an admin.

    Raises:
        Forbidden: the actor is not an admin.
    """
    if not actor.is_admin:
        raise Forbidden("admins only")


def visible_site_ids(moderator: Moderator) -> list[int] | None:
    """Site ids this moderator may see; None means all (admins)."""
    return None if moderator.is_admin else [s.id for s in moderator.sites]


def can_see_site(moderator: Moderator, site_id: int | None) -> bool:
    """Whether the moderator may see a site's records. ``None`` is every site at once (a run over all sites,
    which shows other sites' counts): admins only."""
    if moderator.is_admin:
        return True
    return site_id is not None and any(s.id == site_id for s in moderator.sites)


def only_visible_sites(query: Query, moderator: Moderator, site_column: ColumnElement) -> Query:
    """``query`` limited to rows whose ``site_column`` is one of the moderator's sites (unchanged for admins)."""
    ids = visible_site_ids(moderator)
    return query if ids is None else query.where(site_column.in_(ids))


def visible_sites(moderator: Moderator) -> list[Site]:
    """The sites this moderator works on, by slug (all of them for an admin)."""
    query = only_visible_sites(select(Site).order_by(Site.slug), moderator, Site.id)
    return list(db.session.execute(query).scalars())


def site_for(moderator: Moderator, slug: str | None) -> Site:
    """A visible site by slug, or the first visible one when no slug is given.

    Raises:
        NotFound: the moderator sees no site, or not this one.
    """
    sites = visible_sites(moderator)
    if not slug and sites:
        return sites[0]
    for site in sites:
        if site.slug == slug:
            return site
    raise NotFound("site", field="site")


def _visible(model: type[SiteOwned], row_id: int, moderator: Moderator, name: str) -> SiteOwned:
    """The row of ``model`` with this id when it belongs to a site the moderator may see.

    Raises:
        NotFound: no such row, or one of another site (the same answer, so ids of other tenants stay secret).
    """
    row = db.session.get(model, row_id)
    if row is None or not can_see_site(moderator, row.site_id):
        raise NotFound(name)
    return row


def case_for(moderator: Moderator, case_id: int) -> Case:
    """A case the moderator may see (:func:`_visible`)."""
    return _visible(Case, case_id, moderator, "case")


def item_for(moderator: Moderator, item_id: int) -> Item:
    """An item the moderator may see (:func:`_visible`)."""
    return _visible(Item, item_id, moderator, "item")


def subject_for(moderator: Moderator, subject_id: int) -> Subject:
    """A subject (product, thread) the moderator may see (:func:`_visible`)."""
    return _visible(Subject, subject_id, moderator, "subject")


def rescore_run_for(moderator: Moderator, run_id: int) -> RescoreRun:
    """A run of one of the moderator's sites; a run over every site is for admins only.

    Raises:
        NotFound: no such run, or one the moderator may not see.
    """
    run = db.session.get(RescoreRun, run_id)
    if run is None or not can_see_site(moderator, run.site_id):
        raise NotFound("rescore run")
    return run


def visible_audit_events(moderator: Moderator) -> Select:
    """Audit events the moderator may read: an admin reads all; a moderator reads their sites' events and their
    own actions (an action of theirs on no site, such as a bulk run, included)."""
    query = select(AuditEvent)
    ids = visible_site_ids(moderator)
    if ids is not None:
        query = query.where(or_(AuditEvent.site_id.in_(ids), AuditEvent.moderator_id == moderator.id))
    return query


def can_see_bulk_run(moderator: Moderator, run: AuditEvent) -> bool:
    """A bulk run is its author's (to review or undo); admins see everyone's."""
    return moderator.is_admin or run.moderator_id == moderator.id
