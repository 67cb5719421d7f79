"""Admin page per site: its webhook endpoints, their delivery log, and "retry now"."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import WebhookDelivery
from ..services import accounts, webhooks
from ..services.errors import ServiceError
from .auth import admin_required, me
from .blueprint import bp


@bp.get("/admin/sites/<slug>/webhooks")
@admin_required
def admin_webhooks(slug: str):
    """A site's webhook endpoints and their recent deliveries."""
    site = accounts.get_site(slug)
    endpoints = [(e, webhooks.recent_deliveries(e)) for e in webhooks.list_endpoints(site)]
    return render_template("console/admin_webhooks.html", site=site, endpoints=endpoints, hint=webhooks.secret_hint)


@bp.post("/admin/sites/<slug>/webhooks/deliveries/<int:delivery_id>/retry")
@admin_required
def admin_webhook_retry(slug: str, delivery_id: int):
    """Send a delivery again now."""
    site = accounts.get_site(slug)
    delivery = db.get_or_404(WebhookDelivery, delivery_id)
    if delivery.endpoint.site_id != site.id:
        abort(404)
    try:
        webhooks.retry_now(delivery, moderator_id=me().id)
        db.session.commit()
        flash(_("Delivery %(id)s will be sent again now.", id=delivery_id), "ok")
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    return redirect(url_for("console.admin_webhooks", slug=slug))
