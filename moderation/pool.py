"""Checking a pooled PostgreSQL connection before use, only when it has been idle.

SQLAlchemy's ``pool_pre_ping`` sends a round trip on every checkout: on a submission that is one of five, paid
while the connection was checked in a millisecond earlier by the previous request of the same thread. Here a
connection is pinged only when it has sat in the pool for ``DB_PING_AFTER_IDLE_S`` seconds (default 1) or more:
the case ``pool_pre_ping`` exists for (the server restarted, a proxy or firewall dropped an idle connection). The
recipe is SQLAlchemy's own "custom pessimistic ping" (a ``checkout`` listener raising ``DisconnectionError``,
after which the pool discards the connection and tries another).

What is given up: a connection checked in less than the window ago, and broken since, fails its request instead
of being replaced silently; SQLAlchemy then invalidates the whole pool, so the next request reconnects.
"""

from __future__ import annotations

import time

from sqlalchemy import event, exc
from sqlalchemy.engine import Engine

CHECKED_IN_AT = "moderation.checked_in_at"


def ping_after_idle(engine: Engine, idle_s: float) -> None:
    """Ping a connection at checkout when it has been idle in ``engine``'s pool for ``idle_s`` seconds or more."""

    @event.listens_for(engine, "checkin")
    def note_checkin(dbapi_connection, record) -> None:
        record.info[CHECKED_IN_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping_if_idle(dbapi_connection, record, proxy) -> None:
        since = record.info.get(CHECKED_IN_AT)
        if since is None or time.monotonic() - since < idle_s:
            return  # just connected, or back from a request a moment ago
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            if engine.dialect.is_disconnect(error, dbapi_connection, None):
                raise exc.DisconnectionError() from error
            raise
