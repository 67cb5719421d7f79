"""Session login for the console: Flask-Login, hashed passwords, every page behind login, admin pages behind a role."""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db, limiter, login_manager
from ..i18n import LANGUAGES, select_locale
from ..models import Moderator
from ..services import login_lockout
from ..services.accounts import remember_language
from ..services.errors import ServiceError
from .blueprint import bp
from .forms import LoginForm

PUBLIC_ENDPOINTS = {"console.login", "console.language"}
# Checked when the e-mail is unknown, so a wrong address costs the same time as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-password")


def init_login(app: Flask) -> None:
    login_manager.login_view = "console.login"
    login_manager.session_protection = "strong"


@login_manager.user_loader
def load_moderator(session_id: str) -> Moderator | None:
    """``"<id>:<generation>"``: a session from before the moderator's last logout or credential change (an
    older generation, or the bare id older cookies carry) no longer signs anyone in."""
    moderator_id, _, generation = session_id.partition(":")
    if not (moderator_id.isdigit() and generation.isdigit()):
        return None
    moderator = db.session.get(Moderator, int(moderator_id))
    if moderator is None or not moderator.active or moderator.session_generation != int(generation):
        return None
    return moderator


def me() -> Moderator:
    """The signed-in moderator (every console view runs behind ``require_login``)."""
    return current_user._get_current_object()


@bp.before_request
def require_login():
    if request.endpoint in PUBLIC_ENDPOINTS or current_user.is_authenticated:
        return None
    if request.method != "GET":
        abort(403)
    if request.headers.get("HX-Request"):
        response = current_app.response_class(status=401)
        response.headers["HX-Redirect"] = url_for("console.login")
        return response
    return redirect(url_for("console.login", next=request.full_path.rstrip("?")))


@bp.after_request
def console_headers(response):
    # Scripts only from our own files (htmx is vendored), no inline script or style, no framing.
    response.headers.setdefault(
        "Content-Security-Policy",
        # Product pictures come from the shop's own servers (subjects.image_url, https only).
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if response.mimetype == "text/html":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.errorhandler(ServiceError)
def service_error(exc: ServiceError):
    db.session.rollback()
    return render_template("console/error.html", status=exc.status, message=exc.message), exc.status


def admin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not me().is_admin:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def safe_next(target: str | None) -> str:
    """Only a path inside the console: never an open redirect to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/console") and "\\" not in target:
            return target
    return url_for("console.queue")


def login_limit() -> str:
    return current_app.config["CONSOLE_LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(login_limit, methods=["POST"])
def login():
    """Sign in with e-mail and password."""
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        if login_lockout.is_locked(email):
            # The same answer for an address with no account: a lockout reveals nothing about who exists.
            flash(_("Too many failed sign-ins with this address. Try again in 15 minutes."), "error")
            return render_template("console/login.html", form=form), 429
        moderator = db.session.execute(select(Moderator).where(Moderator.email == email)).scalar_one_or_none()
        if moderator is None:
            check_password_hash(_DUMMY_HASH, form.password.data)
        elif moderator.active and moderator.check_password(form.password.data):
            login_lockout.clear(email)
            lang = session.get("lang")
            session.clear()  # a fresh session (and CSRF token) after sign-in
            if lang:
                session["lang"] = lang
            login_user(moderator)
            # The language the console now speaks (chosen, else the browser's) is the one staff mail speaks too.
            remember_language(moderator, select_locale().split("_")[0])
            db.session.commit()
            return redirect(safe_next(request.args.get("next")))
        login_lockout.record_failure(email)
        flash(_("Wrong e-mail or password."), "error")
    return render_template("console/login.html", form=form)


@bp.post("/logout")
def logout():
    """Sign out: this session, and any copy of its cookie, stops working."""
    end_all_sessions()
    return redirect(url_for("console.login"))


@bp.post("/logout-everywhere")
def logout_everywhere():
    """Sign out of every browser and device."""
    end_all_sessions()
    flash(_("You have been signed out on every device."), "info")
    return redirect(url_for("console.login"))


def end_all_sessions() -> None:
    # A signed cookie cannot be taken back: the server forgets the generation it names instead. One generation
    # per moderator means logout ends the other sessions too; the price of a cookie copied before logout not
    # still reading cases.
    if current_user.is_authenticated:
        me().end_sessions()
        db.session.commit()
    logout_user()
    session.clear()


@bp.post("/language")
def language():
    """Switch the console's language."""
    lang = request.form.get("lang")
    if lang in LANGUAGES:
        session["lang"] = lang
        if current_user.is_authenticated:
            remember_language(me(), lang)
            db.session.commit()
    return redirect(safe_next(request.form.get("next")))
