"""Product health in the console: a product's transitions, the on-demand check, and the site's rule (admins)."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..services import access, accounts
from ..services import health as health_service
from ..services.errors import ServiceError
from .auth import admin_required, me
from .blueprint import bp
from .helpers import flash_refusal


@bp.post("/products/<int:subject_id>/health")
def change_health(subject_id: int):
    """Move a product through its action plan (the product page's health panel)."""
    subject = access.subject_for(me(), subject_id)
    try:
        health_service.change_state(
            me(),
            subject,
            request.form.get("state", ""),
            owner_email=request.form.get("owner") or None,
            notes=request.form.get("notes"),
            relaunch_subject=request.form.get("relaunch_subject") or None,
        )
        db.session.commit()
        flash(_("Health of %(name)s saved.", name=subject.title or subject.external_id), "ok")
    except ServiceError as exc:
        flash_refusal(exc)
    return redirect(url_for("console.product", subject_id=subject_id) + "#health")


@bp.post("/dashboard/health-check")
def request_health_check():
    """Run the site's product-health check now (in the background)."""
    site = access.site_for(me(), request.form.get("site"))
    if health_service.request_check(site.id):
        flash(_("Health check of %(site)s started: reload in a moment.", site=site.name), "ok")
    else:
        flash(_("The queue is unreachable: the check runs at the next sweep."), "error")
    return redirect(url_for("console.dashboard", site=site.slug) + "#health")


@bp.post("/admin/sites/<slug>/health")
@admin_required
def admin_site_health(slug: str):
    """A site's product-health rule and its public responsiveness line."""
    site = accounts.get_site(slug)
    try:
        health_service.update_settings(
            me(),
            site,
            window_days=int(request.form.get("window_days", "")),
            min_reviews=int(request.form.get("min_reviews", "")),
            max_average=float(request.form.get("max_average", "").replace(",", ".")),
            public_responsiveness=request.form.get("public_responsiveness") == "on",
        )
        db.session.commit()
        flash(_("Health rule of %(slug)s saved.", slug=site.slug), "ok")
    except ValueError:
        flash(_("The health rule needs numbers."), "error")
    except ServiceError as exc:
        flash_refusal(exc)
    return redirect(url_for("console.admin_site", slug=site.slug) + "#health-rule")
