"""PostgreSQL connections are pinged at checkout only after sitting idle (moderation.pool)."""

from __future__ import annotations

import time

from sqlalchemy import create_engine, text

from moderation.extensions import db
from tests.conftest import sqlalchemy_url


def count_pings(app) -> list[int]:
    """Counts the dialect's pings from now on (the real ping still runs)."""
    with app.app_context():
        dialect = db.engine.dialect
    calls = [0]
    real = dialect.do_ping

    def counted(dbapi_connection):
        calls[0] += 1
        return real(dbapi_connection)

    dialect.do_ping = counted
    return calls


def test_a_connection_back_from_a_request_a_moment_ago_is_not_pinged(make_app, world, require_postgres):
    app = make_app(DB_PING_AFTER_IDLE_S=60)
    client = app.test_client()
    client.get("/api/v1/sites/shop/subjects/sku-1")
    pings = count_pings(app)
    for _ in range(20):
        assert client.get("/api/v1/sites/shop/subjects/sku-1").status_code == 200
    assert pings[0] == 0


def test_an_idle_connection_killed_by_the_server_is_replaced_before_use(
    make_app, world, database_url, require_postgres
):
    app = make_app(DB_PING_AFTER_IDLE_S=0.2)
    client = app.test_client()
    assert client.get("/api/v1/sites/shop/subjects/sku-1").status_code == 200
    pings = count_pings(app)
    # What a database restart or a proxy's idle timeout does to the pooled connections.
    admin = create_engine(sqlalchemy_url(database_url), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        killed = conn.execute(
            text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                 "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        ).scalar_one()  # fmt: skip
    admin.dispose()
    assert killed >= 1
    time.sleep(0.3)
    assert client.get("/api/v1/sites/shop/subjects/sku-1").status_code == 200
    assert pings[0] >= 1
