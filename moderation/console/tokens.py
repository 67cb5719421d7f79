"""Admin page: API tokens of every site and moderator — list, create (the secret shown once), revoke, disable.

Screens show a token's prefix and the start of its hash, never the secret: only its hash is stored. Tokens are
looked up in the database on every request (``services.accounts.find_token``, no cache), so a revoke or a
disable holds from the caller's next request.
"""

from __future__ import annotations

from flask import flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..services import accounts
from ..services import admin as admin_service
from ..services.errors import ServiceError
from .admin import refuse
from .auth import admin_required, me
from .blueprint import bp
from .forms import ActionForm, TokenForm


def owner_choices() -> list[tuple[str, str]]:
    sites = [(f"site:{s.slug}", _("Site %(slug)s", slug=s.slug)) for s in admin_service.all_sites()]
    people = [(f"moderator:{m.id}", m.email) for m in admin_service.all_moderators() if m.active]
    return sites + people


def owner_of(choice: str) -> dict:
    """``site:<slug>`` or ``moderator:<id>`` → the keyword create_token takes."""
    kind, _sep, key = choice.partition(":")
    if kind == "moderator" and key.isdigit():
        return {"moderator": admin_service.get_moderator(int(key))}
    return {"site": accounts.get_site(key)}


def listing_url():
    site = request.values.get("site") or None
    return url_for("console.admin_tokens", site=site) if site else url_for("console.admin_tokens")


@bp.route("/admin/tokens", methods=["GET", "POST"])
@admin_required
def admin_tokens():
    """Every API token (one site's with ?site=), and a form to create one."""
    site = accounts.get_site(request.values["site"]) if request.values.get("site") else None
    form = TokenForm()
    form.owner.choices = owner_choices()
    new_secret = None
    if form.validate_on_submit():
        try:
            token, new_secret = accounts.create_token(form.name.data, actor=me(), **owner_of(form.owner.data))
            db.session.commit()
            flash(_("Token %(name)s created. Copy its secret now: it is not shown again.", name=token.name), "ok")
        except ServiceError as exc:
            refuse(exc, form)
    elif site is not None and request.method == "GET":
        form.owner.data = f"site:{site.slug}"
    tokens = accounts.list_tokens(site)
    response = make_response(
        render_template(
            "console/admin_tokens.html",
            site=site,
            tokens=tokens,
            form=form,
            action=ActionForm(),
            new_secret=new_secret,
            moderator_tokens=[t for t in tokens if t.moderator is not None],
            site_tokens=[t for t in tokens if t.site is not None],
        )
    )
    # A page that may carry a secret is never stored by the browser or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/admin/tokens/<int:token_id>/<any(revoke, disable, enable):change>")
@admin_required
def admin_token_change(token_id: int, change: str):
    """Revoke a token for good, or disable / enable it."""
    if not ActionForm().validate_on_submit():
        flash(_("The form expired; try again."), "error")
        return redirect(listing_url())
    try:
        if change == "revoke":
            token, changed = accounts.revoke_token(token_id, actor=me())
        else:
            token, changed = accounts.set_token_disabled(token_id, change == "disable", actor=me())
        db.session.commit()
        messages = {
            "revoke": _("Token %(name)s revoked: it is refused from now on.", name=token.name),
            "disable": _("Token %(name)s disabled: it is refused until enabled again.", name=token.name),
            "enable": _("Token %(name)s enabled again.", name=token.name),
        }
        flash(messages[change] if changed else _("Nothing to change."), "ok")
    except ServiceError as exc:
        refuse(exc)
    return redirect(listing_url())
