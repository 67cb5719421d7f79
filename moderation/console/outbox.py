"""The Outbox (every mail written to authors, and where it went), a site's brand voice and its own mail texts:
admin pages."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import OutboxMessage
from ..services import accounts, mail
from ..services.errors import ServiceError
from ..services.mail import templates as mail_templates
from .auth import admin_required, me
from .blueprint import bp
from .forms import ActionForm


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


@bp.route("/admin/sites/<slug>/mail-templates", methods=["GET", "POST"])
@admin_required
def admin_mail_templates(slug: str):
    """The site's own text for each kind of mail, French and English: edit, preview, back to the default."""
    site = accounts.get_site(slug)
    names = mail_templates.kinds()
    kind = request.values.get("kind") or names[0]
    lang = request.values.get("lang") or site.default_lang or "en"
    if kind not in names or lang not in mail_templates.LANGS:
        abort(404)
    own = mail_templates.site_text(site, kind, lang)
    if request.method == "GET":
        subject, body = own or mail_templates.default_text(kind, lang)
        preview = mail.render(site, kind, lang, mail_templates.sample_context(site))
        return templates_page(site, names, kind, lang, subject, body, own is not None, preview), 200
    if not ActionForm().validate_on_submit():
        abort(400)
    subject = request.form.get("subject", "")
    body = "" if request.form.get("reset") == "1" else request.form.get("body", "")
    try:
        saved = mail_templates.set_text(site, kind, lang, subject, body, me().id)
    except ServiceError as exc:
        db.session.rollback()
        flash(f"{exc.field}: {exc.message}", "error")
        # What the admin typed stays in the form, to be corrected; no preview of a text that does not render.
        return templates_page(site, names, kind, lang, subject, body, own is not None, None), 422
    db.session.commit()
    flash(_("Your text for this mail is saved.") if saved else _("This mail uses the default text again."), "ok")
    return redirect(url_for("console.admin_mail_templates", slug=site.slug, kind=kind, lang=lang))


def templates_page(site, kinds, kind, lang, subject, body, own: bool, preview) -> str:
    return render_template(
        "console/admin_mail_templates.html", site=site, kinds=kinds, kind=kind, lang=lang,
        langs=mail_templates.LANGS, subject=subject, body=body, own=own, preview=preview, action=ActionForm(),
    )  # fmt: skip
