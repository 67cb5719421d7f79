"""Admin page per site: its webhook endpoints, their delivery log, and "retry now"; add an endpoint (the same
service as ``moderation webhook add``, with its SSRF check), remove one, send it a test event."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import Site, WebhookDelivery, WebhookEndpoint
from ..schemas.webhooks import WEBHOOK_EVENT_TYPES
from ..services import accounts, webhooks
from ..services.errors import ServiceError
from .admin import refuse
from .auth import admin_required, me
from .blueprint import bp
from .forms import ActionForm, WebhookForm


def endpoint_of(site: Site, endpoint_id: int) -> WebhookEndpoint:
    """An endpoint of this site; another site's is reported as missing."""
    endpoint = db.get_or_404(WebhookEndpoint, endpoint_id)
    if endpoint.site_id != site.id:
        abort(404)
    return endpoint


@bp.route("/admin/sites/<slug>/webhooks", methods=["GET", "POST"])
@admin_required
def admin_webhooks(slug: str):
    """A site's webhook endpoints and their recent deliveries, and a form to add one."""
    site = accounts.get_site(slug)
    form = WebhookForm()
    form.events.choices = [(e, e) for e in WEBHOOK_EVENT_TYPES]
    if form.validate_on_submit():
        try:
            endpoint = webhooks.add_endpoint(
                site,
                form.url.data,
                form.secret.data or None,
                list(form.events.data or ()),
                bool(form.allow_private.data),
                moderator_id=me().id,
            )
            db.session.commit()
            flash(_("Endpoint %(url)s added.", url=endpoint.url), "ok")
            if not form.secret.data:
                # Generated: shown on this answer only, like a token's secret.
                return page(site, WebhookForm(formdata=None), new_secret=endpoint.secret)
            return redirect(url_for("console.admin_webhooks", slug=slug))
        except ServiceError as exc:
            refuse(exc, form)
    return page(site, form)


def page(site: Site, form: WebhookForm, new_secret: str | None = None):
    form.events.choices = [(e, e) for e in WEBHOOK_EVENT_TYPES]
    endpoints = [(e, webhooks.recent_deliveries(e)) for e in webhooks.list_endpoints(site)]
    html = render_template(
        "console/admin_webhooks.html",
        site=site,
        endpoints=endpoints,
        hint=webhooks.secret_hint,
        form=form,
        action=ActionForm(),
        new_secret=new_secret,
    )
    return html, 200, {"Cache-Control": "no-store"}


@bp.post("/admin/sites/<slug>/webhooks/<int:endpoint_id>/<any(remove, test):change>")
@admin_required
def admin_webhook_change(slug: str, endpoint_id: int, change: str):
    """Remove an endpoint (and its delivery log), or send it a signed test event now."""
    site = accounts.get_site(slug)
    endpoint = endpoint_of(site, endpoint_id)
    if not ActionForm().validate_on_submit():
        flash(_("The form expired; try again."), "error")
    elif change == "remove":
        url = endpoint.url
        webhooks.remove_endpoint(endpoint, moderator_id=me().id)
        db.session.commit()
        flash(_("Endpoint %(url)s removed.", url=url), "ok")
    else:
        delivery = webhooks.send_test(endpoint, moderator_id=me().id)
        db.session.commit()
        flash(_("Test event sent: delivery %(id)s below.", id=delivery.id), "ok")
    return redirect(url_for("console.admin_webhooks", slug=slug))


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
