"""Admin pages: sites (origins, policy thresholds, word list, reply templates, SLA) and moderators."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..services import accounts
from ..services import admin as admin_service
from ..services.errors import ServiceError
from ..services.policy import DEFAULT_POLICY
from ..services.site_rules import logged_hits, rule_lines, stored_rules
from ..services.subjects import declare_subject, set_subject_mode, subject_count
from .auth import admin_required, me
from .blueprint import bp
from .forms import ModeratorForm, NewModeratorForm, NewSiteForm, SiteForm


def lines(text: str | None) -> list[str]:
    return [line for line in (text or "").splitlines() if line.strip()]


def refuse(exc: ServiceError, form=None) -> None:
    db.session.rollback()
    flash(exc.message, "error")
    if form is not None and exc.field and exc.field in form:
        form[exc.field].errors = [*form[exc.field].errors, exc.message]


@bp.route("/admin/sites", methods=["GET", "POST"])
@admin_required
def admin_sites():
    """All sites, and a form to add one."""
    form = NewSiteForm()
    if form.validate_on_submit():
        try:
            site = accounts.create_site(form.slug.data, form.name.data or "", lines(form.origins.data), actor=me())
            db.session.commit()
            flash(_("Site %(slug)s created.", slug=site.slug), "ok")
            return redirect(url_for("console.admin_site", slug=site.slug))
        except ServiceError as exc:
            refuse(exc, form)
    return render_template("console/admin_sites.html", sites=admin_service.all_sites(), form=form)


@bp.route("/admin/sites/<slug>", methods=["GET", "POST"])
@admin_required
def admin_site(slug: str):
    """A site's settings."""
    site = accounts.get_site(slug)
    form = SiteForm(
        data=None
        if request.method == "POST"
        else {
            "name": site.name,
            "origins": "\n".join(site.allowed_origins or []),
            "words": rule_lines(site.word_list),
            "sla_low_rating_hours": site.sla_low_rating_hours,
            "sla_default_hours": site.sla_default_hours,
            "rewards_reviews": site.rewards_reviews,
            "subjects": site.subjects,
        }
    )
    policy_values = {k: str((site.policy or {}).get(k, "")) for k in DEFAULT_POLICY}
    templates = list(site.reply_templates or [])
    if form.validate_on_submit():
        policy_values = {k: request.form.get(f"policy-{k}", "") for k in DEFAULT_POLICY}
        templates = [
            {"name": n, "lang": lang, "body": b}
            for n, lang, b in zip(
                request.form.getlist("template-name"),
                request.form.getlist("template-lang"),
                request.form.getlist("template-body"),
                strict=False,
            )
        ]
        try:
            admin_service.update_site(
                me(),
                site,
                name=form.name.data,
                origins=lines(form.origins.data),
                words=lines(form.words.data),
                policy_values=policy_values,
                templates=[admin_service.TemplateInput(t["name"], t["lang"], t["body"]) for t in templates],
                sla_low_rating_hours=form.sla_low_rating_hours.data,
                sla_default_hours=form.sla_default_hours.data,
                rewards_reviews=form.rewards_reviews.data,
            )
            set_subject_mode(site, form.subjects.data or site.subjects, actor=me())
            for external_id in lines(form.new_subjects.data):
                declare_subject(site, external_id.strip(), actor=me())
            db.session.commit()
            flash(_("Settings of %(slug)s saved.", slug=site.slug), "ok")
            return redirect(url_for("console.admin_site", slug=site.slug))
        except ServiceError as exc:
            refuse(exc, form)
    elif request.method == "POST":
        flash(_("Some fields need fixing."), "error")
    hits = logged_hits(site.id)
    shadow = [(r["pattern"], hits.get(r["pattern"], 0)) for r in stored_rules(site.word_list) if r["action"] == "log"]
    return render_template(
        "console/admin_site.html",
        site=site,
        form=form,
        policy_values=policy_values,
        defaults=DEFAULT_POLICY,
        templates=[*templates, {"name": "", "lang": "", "body": ""}],
        shadow_rules=shadow,
        subject_count=subject_count(site),
    )


@bp.route("/admin/moderators", methods=["GET", "POST"])
@admin_required
def admin_moderators():
    """All moderators, and a form to add one."""
    sites = admin_service.all_sites()
    form = NewModeratorForm()
    form.sites.choices = [(s.slug, s.name) for s in sites]
    if form.validate_on_submit():
        try:
            moderator = accounts.create_moderator(
                form.email.data, form.name.data, form.password.data, form.role.data, form.sites.data, actor=me()
            )
            db.session.commit()
            flash(_("Moderator %(email)s created.", email=moderator.email), "ok")
            return redirect(url_for("console.admin_moderators"))
        except ServiceError as exc:
            refuse(exc, form)
    moderators = admin_service.all_moderators()
    return render_template("console/admin_moderators.html", moderators=moderators, form=form)


@bp.route("/admin/moderators/<int:moderator_id>", methods=["GET", "POST"])
@admin_required
def admin_moderator(moderator_id: int):
    """One moderator's role, sites and password."""
    moderator = admin_service.get_moderator(moderator_id)
    form = ModeratorForm(
        data=None
        if request.method == "POST"
        else {
            "name": moderator.name,
            "role": moderator.role,
            "active": moderator.active,
            "sites": [s.slug for s in moderator.sites],
        }
    )
    form.sites.choices = [(s.slug, s.name) for s in admin_service.all_sites()]
    if form.validate_on_submit():
        try:
            admin_service.update_moderator(
                me(),
                moderator,
                name=form.name.data,
                role=form.role.data,
                active=form.active.data,
                site_slugs=form.sites.data,
                password=form.password.data or None,
            )
            db.session.commit()
            flash(_("Moderator %(email)s saved.", email=moderator.email), "ok")
            return redirect(url_for("console.admin_moderators"))
        except ServiceError as exc:
            refuse(exc, form)
    return render_template("console/admin_moderator.html", moderator=moderator, form=form)
