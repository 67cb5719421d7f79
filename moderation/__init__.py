"""Moderation of product reviews and forum comments."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from werkzeug.routing import IntegerConverter

from .config import DefaultConfig, check_inference_cpu_priority, check_production, check_secret_key, sqlite_url


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the web application. Side-effect free: no tables created, no process started."""
    app = Flask(__name__)
    app.config.from_object(DefaultConfig)
    app.config.from_prefixed_env("MODERATION")
    if test_config:
        app.config.update(test_config)
    check_production(app.config)  # before the embedded defaults fill in the URLs it asks for
    configure_urls(app)
    check_secret_key(app.config)
    check_inference_cpu_priority(app.config)
    configure_cookies(app)
    app.session_interface = CookieSessionInterface()
    trust_proxies(app)
    app.json.sort_keys = False  # keep the documented field order in responses

    register_extensions(app)
    # Every <int:...> in a URL is an id of a 32-bit column: a larger number is a 404, never a database error.
    app.url_map.converters["int"] = IdConverter
    register_blueprints(app)
    register_errorhandlers(app)
    register_commands(app)
    register_observability(app)
    return app


def configure_cookies(app: Flask) -> None:
    """Production serves HTTPS: the session cookie never travels over plain HTTP there."""
    production = app.config["ENV"] == "production"
    if app.config.get("SESSION_COOKIE_SECURE") is None:
        app.config["SESSION_COOKIE_SECURE"] = production
    app.config.setdefault("REMEMBER_COOKIE_SECURE", app.config["SESSION_COOKIE_SECURE"])
    app.config.setdefault("REMEMBER_COOKIE_HTTPONLY", True)
    app.config.setdefault("REMEMBER_COOKIE_SAMESITE", "Lax")


class CookieSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, less the signing serializer built for a request that sends no session cookie.

    Flask builds the serializer (and its signer) before it looks for the cookie; the API's requests carry none (only
    the console's do), so each paid for a serializer it never used. With a cookie, or without a secret key (no
    session at all), Flask's own code runs unchanged.
    """

    def open_session(self, app: Flask, request: Any) -> SecureCookieSession | None:
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            return self.session_class()
        return super().open_session(app, request)


def trust_proxies(app: Flask) -> None:
    """Behind N proxies, read the client's address and scheme from the headers they append.

    Without it every customer shares the proxy's address, hence one rate-limit bucket for the whole widget
    traffic of a site, and helpful votes from different people look like one person's.
    """
    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies < 0:
        raise ValueError("MODERATION_TRUSTED_PROXIES must be 0 or more")
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]


class IdConverter(IntegerConverter):
    def __init__(self, map, *args, **kwargs):  # noqa: A002 - werkzeug's signature
        # 0 stays routable (a lookup that finds nothing): rq-dashboard's routes count Redis instances from 0.
        kwargs.setdefault("min", 0)
        kwargs.setdefault("max", 2_147_483_647)
        super().__init__(map, *args, **kwargs)


def configure_urls(app: Flask) -> None:
    """Turn MODERATION_* URLs (or their embedded defaults) into what the extensions read."""
    from .broker import embedded_redis_url

    data_dir = app.config["DATA_DIR"]
    database_url = app.config.get("DATABASE_URL") or sqlite_url(data_dir)
    # psycopg 3 is the driver we ship; accept the plain scheme users copy from their provider.
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://") :]
    if database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    if database_url.startswith("sqlite"):
        # Web threads and the worker share one file: wait for the writer instead of failing at once.
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"connect_args": {"timeout": 30}})
    else:
        # A pooled connection is checked before use when it sat idle (moderation.pool), not on every checkout.
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {})
    # Bound parameters are review texts and e-mail addresses: never in a logged SQL error.
    app.config["SQLALCHEMY_ENGINE_OPTIONS"].setdefault("hide_parameters", True)

    redis_url = app.config.get("REDIS_URL") or embedded_redis_url(data_dir)
    app.config["REDIS_URL"] = redis_url
    storage = "redis+unix://" + redis_url[len("unix://") :] if redis_url.startswith("unix://") else redis_url
    app.config.setdefault("RATELIMIT_STORAGE_URI", storage)
    # Short timeouts: a dead Redis must degrade the limiter to memory quickly, not hang a submission.
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", {"socket_connect_timeout": 0.5, "socket_timeout": 0.5})
    os.makedirs(data_dir, exist_ok=True)


def register_extensions(app: Flask) -> None:
    from .extensions import babel, csrf, db, limiter, login_manager, migrate
    from .i18n import select_locale, select_timezone

    db.init_app(app)
    options = app.config["SQLALCHEMY_ENGINE_OPTIONS"]
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql") and "pool_pre_ping" not in options:
        from .pool import ping_after_idle

        with app.app_context():
            ping_after_idle(db.engine, float(app.config.get("DB_PING_AFTER_IDLE_S", 1)))
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(__file__), "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)


def register_blueprints(app: Flask) -> None:
    from .api import bp as api_bp
    from .api.ops import bp as ops_bp
    from .console import init_console
    from .extensions import csrf
    from .widget import bp as widget_bp

    # The API authenticates by bearer token or by the site's allowed origins, not by session cookie.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(ops_bp)
    app.register_blueprint(widget_bp)
    init_console(app)  # session login; every POST keeps Flask-WTF's CSRF check


def register_errorhandlers(app: Flask) -> None:
    from .api.errors import register_api_errors

    register_api_errors(app)


def register_observability(app: Flask) -> None:
    from .observability import register_observability as register

    register(app)


def register_commands(app: Flask) -> None:
    from .cli import register_cli

    register_cli(app)
