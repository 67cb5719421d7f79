"""Extension singletons, initialised by ``create_app``."""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import threading
import time
from typing import Any

from flask import has_request_context
from flask_babel import Babel
from flask_limiter import Limiter as FlaskLimiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import Pool


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


def conflict_insert(table):
    """``insert(table)`` with ``ON CONFLICT … DO NOTHING / DO UPDATE`` for the app's database: PostgreSQL's or
    SQLite's construct (the two supported databases; both also speak ``RETURNING``)."""
    return (postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert)(table)


# Batch mode lets later migrations ALTER tables on SQLite too (it rebuilds the table).
migrate = Migrate(render_as_batch=True, compare_type=True)
csrf = CSRFProtect()
log = logging.getLogger(__name__)
login_manager = LoginManager()
babel = Babel()


class Limiter(FlaskLimiter):
    """Flask-Limiter, less its before-request check on the requests it would find nothing to check for.

    That check looks for limits that apply beyond the decorated routes (application-wide, default, blueprint and meta
    limits, and in-memory fallback limits): this app sets none, so on every request it resolved the route's limits
    and exemption scopes only to find an empty list (a tenth of a cached listing read's CPU). It runs as before as
    soon as any such limit is configured (``RATELIMIT_DEFAULT``, ``RATELIMIT_APPLICATION``, ``RATELIMIT_META``,
    ``RATELIMIT_IN_MEMORY_FALLBACK``, a blueprint limit). The decorated routes' own checks are untouched.
    """

    def _check_request_limit(self, *args: Any, **kwargs: Any) -> None:
        # Flask registers the check as a before-request function, called with no arguments; the decorated routes call
        # it with in_middleware=False. Whatever a later release passes is passed on as it came.
        if not args and not kwargs and not self.limits_beyond_routes():
            return
        super()._check_request_limit(*args, **kwargs)

    def limits_beyond_routes(self) -> bool:
        """Whether any limit applies outside the decorated routes; True (check as the library does) when this
        release keeps them elsewhere than the 3.x/4.x attributes read here."""
        try:
            manager = self.limit_manager
            return bool(
                manager._application_limits
                or manager._default_limits
                or manager._blueprint_limits
                or self._meta_limits
                or self._in_memory_fallback
            )
        except AttributeError:
            return True


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
# That is for the command line (an import batch holds the lock from its start). An HTTP request, whatever its
# method, and the worker (below) start a deferred (read) transaction instead: pages never queue for the write
# lock (WAL lets them read while a writer writes), and a write request holds the lock from its first write (or
# ``SELECT … FOR UPDATE``) to its commit, not while it validates, runs the content rules and reads. That first
# write ends the read snapshot and takes the write lock then, as PostgreSQL's READ COMMITTED would see it; a
# ``FOR UPDATE`` read, which SQLite cannot lock rows for, takes the whole write lock before it reads.
# (With the lock taken at BEGIN, POSTs slept in SQLite's busy handler while the holder validated and ran the
# content rules: docs/benchmarks.md, fifth session.)
#
# Writers of one database file also queue on a lock file beside it (``<database>-writers``), taken just before
# BEGIN IMMEDIATE and given back at commit or rollback: see ``_queue_for_write_lock``.
SQLITE_BUSY_TIMEOUT_MS = 30_000
_MODE = "moderation.sqlite_transaction"
_LOCK_FD = "moderation.sqlite_writers_fd"
_LOCKED = "moderation.sqlite_writers_locked"
_QUEUE = "moderation.sqlite_writers_queue"
_IN_QUEUE = "moderation.sqlite_writers_in_queue"

# The threads of one process queue on a lock of their own before the file: a waiting thread then sleeps until the
# holder lets go (a futex) instead of waking every 2 ms to try the file, which took the GIL from the holder each
# time. One lock per database file; new ones after a fork (a lock held by a thread of the parent stays held in the
# child, where that thread does not exist).
_PROCESS_QUEUES: dict[str, threading.Lock] = {}
_PROCESS_QUEUES_GUARD = threading.Lock()


def _process_queue(path: str) -> threading.Lock:
    with _PROCESS_QUEUES_GUARD:
        return _PROCESS_QUEUES.setdefault(path, threading.Lock())


def _new_process_queues() -> None:
    global _PROCESS_QUEUES_GUARD
    _PROCESS_QUEUES.clear()
    _PROCESS_QUEUES_GUARD = threading.Lock()


os.register_at_fork(after_in_child=_new_process_queues)


@event.listens_for(Engine, "connect")
def _sqlite_on_connect(dbapi_connection, connection_record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        path = cursor.execute("PRAGMA database_list").fetchone()[2]  # "" for an in-memory database
        if path:
            try:
                connection_record.info[_LOCK_FD] = os.open(path + "-writers", os.O_RDWR | os.O_CREAT, 0o600)
                connection_record.info[_QUEUE] = path
            except OSError:  # a read-only folder: SQLite's own wait alone, as before
                log.warning("cannot open %s-writers: writers wait in SQLite's busy handler", path)
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] not in ("wal", "memory"):
            # WAL: readers never block the writer nor wait for it. Not for in-memory databases.
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a commit no longer fsyncs twice
    finally:
        cursor.close()


@event.listens_for(Pool, "reset")
def _sqlite_on_reset(dbapi_connection, connection_record, reset_state=None) -> None:
    # Back in the pool, rolled back by the pool itself: a writer's lock file must not stay taken.
    _leave_write_queue(connection_record.info)


@event.listens_for(Pool, "close")
def _sqlite_on_close(dbapi_connection, connection_record) -> None:
    _leave_process_queue(connection_record.info)
    fd = connection_record.info.pop(_LOCK_FD, None)
    connection_record.info.pop(_LOCKED, None)
    if fd is not None:
        os.close(fd)  # releases the writers' lock if this connection still held it


def _queue_for_write_lock(conn) -> None:
    """Wait for this process's queue (``_process_queue``), then for the writers' lock file in steps of at most 2 ms,
    both within the busy timeout; the caller then runs BEGIN IMMEDIATE.

    SQLite's own busy handler sleeps 1, 2, 5 … then 100 ms at a time between tries, so a writer that just missed
    the lock could sleep long after it was free: 50 clients posting on the embedded default had a p99 2.7–4.3×
    their p50 (Isso's: 2.0–2.7×; docs/benchmarks.md, ninth session). Past the timeout the writer goes on without
    the file and SQLite's own wait decides, as before: a writer never waits here for good (one connection of a
    thread that holds the lock on another would otherwise hang instead of failing).
    """
    fd = conn.info.get(_LOCK_FD)
    if fd is None or conn.info.get(_LOCKED):
        return
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    path = conn.info.get(_QUEUE)
    if path is not None and not conn.info.get(_IN_QUEUE):
        # First in this process's queue; past the timeout, on to the file all the same (as below).
        queue = _process_queue(path)
        if queue.acquire(timeout=SQLITE_BUSY_TIMEOUT_MS / 1000):
            conn.info[_IN_QUEUE] = queue
    pause = 0.0001
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() > deadline:
                _leave_process_queue(conn.info)
                return
            time.sleep(pause)
            pause = min(pause * 2, 0.002)
        else:
            conn.info[_LOCKED] = fd
            return


def _leave_process_queue(info: dict) -> None:
    queue = info.pop(_IN_QUEUE, None)
    if queue is not None:
        queue.release()  # the lock this connection took (a fork's child holds its own copy, and lets it go)


def _leave_write_queue(info: dict) -> None:
    """Give the writers' lock file back, if the connection whose ``info`` this is holds it, then this process's
    queue."""
    fd = info.pop(_LOCKED, None)
    if fd is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    _leave_process_queue(info)


@event.listens_for(Engine, "begin")
def _sqlite_on_begin(conn) -> None:
    if conn.dialect.name != "sqlite":
        return
    mode = "deferred" if DEFER_WRITE_LOCK or has_request_context() else "immediate"
    conn.info[_MODE] = mode
    if mode == "immediate":
        _queue_for_write_lock(conn)
    conn.exec_driver_sql("BEGIN" if mode == "deferred" else "BEGIN IMMEDIATE")


# SQLAlchemy's commit and rollback events come before the driver's COMMIT or ROLLBACK. Given back there, the file let
# the next writer in while SQLite still held its lock: that writer's BEGIN IMMEDIATE then slept in SQLite's busy
# handler (1 ms, then 2, 5 …), which the file is there to spare it. Measured during bench/peer.py's posting, per web
# process (20 s): 1.9–3.0 s in BEGIN IMMEDIATE (p99 9.7–11.4 ms) before, 0.2–0.5 s (p99 1.0–5.3 ms) in three runs of
# four once the writer ends its transaction first (docs/benchmarks.md, twenty-third session). So the listener ends
# it, then gives the file back; the driver's own call that follows finds no transaction and does nothing.
@event.listens_for(Engine, "commit")
def _sqlite_on_commit(conn) -> None:
    _end_then_leave_write_queue(conn, "COMMIT")


@event.listens_for(Engine, "rollback")
def _sqlite_on_rollback(conn) -> None:
    _end_then_leave_write_queue(conn, "ROLLBACK")


def _end_then_leave_write_queue(conn, statement: str) -> None:
    conn.info.pop(_MODE, None)
    if conn.info.get(_LOCKED) is not None:
        dbapi_connection = conn.connection.dbapi_connection
        try:
            if dbapi_connection.in_transaction:
                dbapi_connection.execute(statement)
        except sqlite3.Error:
            # The driver's own COMMIT or ROLLBACK tries again and raises it as SQLAlchemy does any error. A failed
            # COMMIT keeps the file until the rollback that follows; a failed ROLLBACK gives it back all the same.
            if statement == "COMMIT":
                return
    _leave_write_queue(conn.info)


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "SAVEPOI")
# A process whose transactions read for long before they write (the worker: claim, forward pass, write) sets
# this: it takes the write lock at its first write, not for the whole forward pass. Its reads then see the
# database as PostgreSQL's READ COMMITTED does; its writes stay one atomic transaction.
DEFER_WRITE_LOCK = False


@event.listens_for(Engine, "before_cursor_execute")
def _sqlite_write_lock_before_write(conn, cursor, statement, parameters, context, executemany) -> None:
    """A deferred transaction about to write (or to read FOR UPDATE): take the write lock first, waiting for it."""
    if conn.info.get(_MODE) != "deferred" or conn.dialect.name != "sqlite":
        return
    # The first SAVEPOINT counts as a write: the upgrade happens before any savepoint is open, never inside one.
    if not statement.lstrip()[:7].upper().startswith(_WRITES) and not _for_update(context):
        return
    cursor.execute("COMMIT")  # nothing written yet: this only ends the read snapshot
    _queue_for_write_lock(conn)
    cursor.execute("BEGIN IMMEDIATE")
    conn.info[_MODE] = "immediate"


def _for_update(context) -> bool:
    """A ``SELECT … FOR UPDATE`` (SQLite's compiler leaves the clause out: the statement object still says so)."""
    compiled = getattr(context, "compiled", None)
    return getattr(getattr(compiled, "statement", None), "_for_update_arg", None) is not None
