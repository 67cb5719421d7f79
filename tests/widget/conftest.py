"""Widget fixtures: the app served on a free port (werkzeug, in a thread) and a headless Chromium.

Chromium is Debian's (/usr/bin/chromium, or MODERATION_TEST_CHROMIUM); Playwright never downloads a browser here.
"""

from __future__ import annotations

import pytest

from moderation.extensions import db
from tests.conftest import LiveServer


@pytest.fixture
def serve():
    """Start a live server for an app; with the demo site allowing the server's own origin."""
    servers = []

    def start(app, demo: bool = True) -> LiveServer:
        server = LiveServer(app)
        servers.append(server)
        if demo:
            from moderation.widget.demo import load_demo

            with app.app_context():
                load_demo([server.url])
                db.session.remove()
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def live(app, serve) -> LiveServer:
    return serve(app)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1000, "height": 800})
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A page that records dialogs, page errors and CSP violations: tests assert they stay empty."""
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda exc: pg.errors.append(str(exc)))
    pg.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    return pg


def wait_rendered(page) -> None:
    """Wait until the widget has rendered its data (or its error)."""
    page.wait_for_selector("moderation-widget .w[aria-busy=false]")
