"""The moderator console: server-rendered pages (Jinja + htmx) over the same services as the token API."""

from __future__ import annotations

from flask import Flask

from . import (  # noqa: F401  (routes register on import)
    admin,
    audit,
    auth,
    authors,
    bulk,
    cases,
    dashboard,
    external,
    health,
    outbox,
    queue,
    queue_actions,
    replies,
    retention,
    template_globals,
    tokens,
    training,
    webhooks,
)
from .blueprint import bp


def init_console(app: Flask) -> None:
    """Register the console blueprint and its session login."""
    auth.init_login(app)
    app.jinja_env.globals.update(template_globals.template_globals())
    app.register_blueprint(bp)
