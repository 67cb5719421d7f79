"""The audit log: filters, pages, CSV export."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import Response, render_template, request, stream_with_context
from sqlalchemy import select

from ..extensions import db
from ..models import Moderator
from ..services import access
from ..services import audit as audit_service
from . import audit_format
from .auth import me
from .blueprint import bp


def parse_date(value: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def parse_filters():
    sites = access.visible_sites(me())
    args = request.args
    site_ids = {s.slug: s.id for s in sites}
    moderator_id = None
    if args.get("moderator"):
        moderator_id = db.session.execute(
            select(Moderator.id).where(Moderator.email == args["moderator"].strip().lower())
        ).scalar()
        moderator_id = moderator_id or -1  # an unknown e-mail matches nothing, not everything
    until = parse_date(args.get("until"))
    filters = audit_service.AuditFilters(
        site_id=site_ids.get(args.get("site", "")),
        moderator_id=moderator_id,
        action=(args.get("action") or "").strip()[:64] or None,
        target_type=(args.get("target_type") or "").strip()[:32] or None,
        target_id=int(args["target_id"]) if (args.get("target_id") or "").isdigit() else None,
        since=parse_date(args.get("since")),
        until=until + timedelta(days=1) if until else None,
    )
    keep = {
        k: args[k] for k in ("site", "moderator", "action", "target_type", "target_id", "since", "until") if args.get(k)
    }
    return sites, filters, keep


@bp.get("/audit")
def audit():
    """Who did what, when, with the state before and after."""
    sites, filters, keep = parse_filters()
    before = request.args.get("before", "")
    events, next_before = audit_service.page(me(), filters, int(before) if before.isdigit() else None)
    return render_template(
        "console/audit.html",
        sites=sites,
        events=events,
        next_before=next_before,
        args=keep,
        names=audit_format.moderator_names(events),
        describe=audit_format.describe,
        action_label=audit_format.action_label,
    )


@bp.get("/audit.csv")
def audit_csv():
    """The filtered audit log as CSV."""
    _sites, filters, _keep = parse_filters()
    viewer = me()
    return Response(
        stream_with_context(audit_service.csv_lines(viewer, filters)),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=audit-log.csv"},
    )
