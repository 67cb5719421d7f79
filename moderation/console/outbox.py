"""The Outbox (every mail written to authors, and where it went) and a site's brand voice: admin pages."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import OutboxMessage
from ..services import accounts, mail
from ..services.errors import ServiceError
from .auth import admin_required, me
from .blueprint import bp


@bp.get("/outbox")
@admin_required
def outbox():
    """Mails to authors, newest first: without an SMTP server this is where they are delivered."""
    before = request.args.get("before", "")
    messages = mail.outbox_page(None, int(before) if before.isdigit() else None)
    return render_template(
        "console/outbox.html",
        messages=messages,
        next_before=messages[-1].id if len(messages) == 50 else None,
        smtp=bool(current_app.config.get("SMTP_URL")),
    )


@bp.get("/outbox/<int:message_id>")
@admin_required
def outbox_message(message_id: int):
    """One mail as written: headers and plain-text body (escaped)."""
    message = db.session.get(OutboxMessage, message_id) or abort(404)
    return render_template("console/outbox_message.html", message=message)


@bp.post("/admin/sites/<slug>/voice")
@admin_required
def admin_site_voice(slug: str):
    """The site's brand name on replies, the moderator's first name or not, the default mail language."""
    site = accounts.get_site(slug)
    try:
        mail.update_voice(
            site,
            brand_name=request.form.get("brand_name", ""),
            sign_with_first_name=request.form.get("sign_with_first_name") == "1",
            default_lang=request.form.get("default_lang", "en"),
            moderator_id=me().id,
        )
        db.session.commit()
        flash(_("Brand voice of %(slug)s saved.", slug=site.slug), "ok")
    except ServiceError as exc:
        db.session.rollback()
        flash(exc.message, "error")
    return redirect(url_for("console.admin_site", slug=site.slug) + "#voice")
