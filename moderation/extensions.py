"""Extension singletons, initialised by ``create_app``."""

from __future__ import annotations

import sqlite3

from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(column_0_label)s",
            "uq": "uq_%(table_name)s_%(column_0_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


db = SQLAlchemy(model_class=Base)
# Batch mode lets later migrations ALTER tables on SQLite too (it rebuilds the table).
migrate = Migrate(render_as_batch=True, compare_type=True)
csrf = CSRFProtect()
login_manager = LoginManager()
babel = Babel()
# Storage is set in create_app from REDIS_URL; when Redis is unreachable the limiter falls back to
# per-process memory instead of failing the request (an outage must never turn a submission into a 500).
limiter = Limiter(
    key_func=get_remote_address,
    default_limits=[],
    in_memory_fallback_enabled=True,
    swallow_errors=True,
)


# -- SQLite: writers wait for each other -------------------------------------------------------------------
# Python's sqlite3 driver opens transactions lazily (at the first INSERT) and turns SAVEPOINT into a statement
# of its own, so ``begin_nested()`` committed on its own and a read-then-write transaction failed at once with
# "database is locked" when another writer came first (SQLite cannot wait for a lock it would deadlock on).
# The SQLAlchemy recipe for pysqlite: the driver leaves transactions alone (isolation_level=None) and we emit
# BEGIN ourselves: BEGIN IMMEDIATE takes the write lock at the start, waiting up to the busy timeout for it.
# Safe GET/HEAD requests only read: they start a deferred transaction and never wait for the writer (WAL).
SQLITE_BUSY_TIMEOUT_MS = 30_000


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, connection_record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
            # WAL: readers never block the writer nor wait for it. Not for in-memory databases.
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a commit no longer fsyncs twice
    finally:
        cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_on_begin(conn) -> None:
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("BEGIN" if _read_only_request() else "BEGIN IMMEDIATE")


def _read_only_request() -> bool:
    from flask import has_request_context, request

    return has_request_context() and request.method in ("GET", "HEAD", "OPTIONS")
