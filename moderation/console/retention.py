"""A site's retention settings and what the last purge removed: part of the admin site page."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..services import accounts, retention
from ..services.errors import ServiceError
from .auth import admin_required, me
from .blueprint import bp


@bp.post("/admin/sites/<slug>/retention")
@admin_required
def admin_site_retention(slug: str):
    """How many days reviews, authors' e-mails and rejected items are kept (empty: for ever)."""
    site = accounts.get_site(slug)
    try:
        retention.update_settings(me(), site, **{name: request.form.get(name, "") for name in retention.SETTINGS})
        db.session.commit()
        flash(_("Retention of %(slug)s saved.", slug=site.slug), "ok")
    except ServiceError as exc:
        db.session.rollback()
        flash(f"{exc.field}: {exc.message}" if exc.field else exc.message, "error")
    return redirect(url_for("console.admin_site", slug=site.slug) + "#retention")
