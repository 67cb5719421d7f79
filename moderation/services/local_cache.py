"""Per-process caches of the rows every public request looks up (sites, site tokens, catalogue subjects, webhook
endpoints), held a few seconds so that a submission or a listing read does not pay one SELECT for each.

How long a change may take to reach the other processes: ``PUBLIC_CACHE_S`` (default 5 s). A site token revoked,
a site's allowed origins changed, a webhook endpoint added or removed in another process (the console, the CLI,
another web worker) takes effect there within that window; in the process that made the change it takes effect at
once, because every ORM change to one of these tables clears that process's cache of it when it commits.

The caches belong to the app (``app.extensions``), never to the module: two apps in one process (the tests) never
see each other's rows. A cached row is kept as its column values, never as an ORM instance shared between
threads: each request gets its own instance, merged into its own session without a query (``restore``).
"""

from __future__ import annotations

import copy
import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from flask import Flask, current_app, has_app_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, make_transient_to_detached
from sqlalchemy.orm.attributes import instance_state

from ..extensions import db
from ..models import ApiToken, Site, Subject, WebhookEndpoint

ModelT = TypeVar("ModelT")
MISSING = object()
# The tables whose rows are cached here, by the name of their cache: a change to one clears that cache.
CACHED_TABLES: dict[type, str] = {Site: "sites", ApiToken: "tokens", WebhookEndpoint: "webhooks", Subject: "subjects"}
CLEARED_KEY = "moderation.local_cache.cleared"


class TTLCache:
    """A thread-safe mapping whose entries expire ``ttl_s`` after they were put, at most ``max_entries`` kept
    (the least recently used go first)."""

    def __init__(self, ttl_s: float, max_entries: int = 1000, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self.clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, default: Any = None) -> Any:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            if entry[0] <= self.clock():
                del self._entries[key]
                return default
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: Hashable, value: Any) -> None:
        if self.ttl_s <= 0:
            return
        with self._lock:
            self._entries[key] = (self.clock() + self.ttl_s, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def discard(self, key: Hashable) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


def app_cache(name: str, app: Flask | None = None, ttl_key: str = "PUBLIC_CACHE_S") -> TTLCache:
    """The app's cache called ``name``, created on first use with the TTL in config ``ttl_key``."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    caches = app.extensions.setdefault("moderation.local_cache", {})
    cache = caches.get(name)
    if cache is None:
        cache = caches.setdefault(name, TTLCache(float(app.config.get(ttl_key, 5))))
    return cache


def snapshot(instance: Any) -> dict[str, Any]:
    """The loaded column values of an ORM instance (what ``restore`` needs)."""
    state = inspect(instance)
    loaded = state.dict
    return {attr.key: copy.deepcopy(loaded[attr.key]) for attr in state.mapper.column_attrs if attr.key in loaded}


def restore(model: type[ModelT], values: dict[str, Any], json_keys: tuple[str, ...] | None = None) -> ModelT:
    """A persistent instance of ``model`` in this request's session, built from a snapshot without a query.

    The session's own instance when it already holds that row (it may carry changes not yet flushed). Otherwise
    the values go straight into a new instance's state, as a load does: no attribute events, no ``merge`` copy,
    which together cost more than a submission's SQL. JSON lists and dicts are copied, so a request that changes
    one in place never changes the cached one. ``json_keys`` names the keys of ``values`` that hold lists or dicts
    (``json_keys_of``), when the caller knows them: a cached row's are found once, when it is cached, not at every
    restore.
    """
    session = db.session()
    mapper = inspect(model)
    key = mapper.identity_key_from_primary_key([values[name] for name in primary_key_names(mapper)])
    known = session.identity_map.get(key)
    if known is not None:
        return known
    instance = mapper.class_manager.new_instance()
    state = instance_state(instance)
    loaded = state.dict
    loaded.update(values)
    for name in json_keys_of(values) if json_keys is None else json_keys:
        loaded[name] = copy_json(values[name])
    make_transient_to_detached(instance)
    # What ``session.add`` does for a detached instance, less its save-update cascade: the instance holds column
    # values only, no related object for the cascade to find, and walking every relationship of the mapper to
    # find none cost a third of this function (a submission restores five or six rows).
    session._update_impl(state)
    return instance


def json_keys_of(values: dict[str, Any]) -> tuple[str, ...]:
    """The keys of ``values`` whose values are lists or dicts (JSON columns): what ``restore`` copies."""
    return tuple(name for name, value in values.items() if isinstance(value, (list, dict)))


@functools.cache
def primary_key_names(mapper: Any) -> tuple[str, ...]:
    return tuple(column.key for column in mapper.primary_key)


def copy_json(value: Any) -> Any:
    """A copy of the lists and dicts in a JSON value, down to its leaves: what ``copy.deepcopy`` makes of it, at a
    fraction of the cost (no memo, no dispatch per leaf). Anything else is copied with ``deepcopy``."""
    kind = type(value)
    if kind is list:
        return [item if type(item) in IMMUTABLE else copy_json(item) for item in value]
    if kind is dict:
        return {key: item if type(item) in IMMUTABLE else copy_json(item) for key, item in value.items()}
    if kind in IMMUTABLE:
        return value
    return copy.deepcopy(value)


IMMUTABLE = frozenset({str, int, float, bool, type(None)})


def cached_row(
    name: str,
    key: Hashable,
    model: type[ModelT],
    load: Callable[[], ModelT | None],
    keep: Callable[[ModelT], bool] = lambda row: True,
) -> ModelT | None:
    """The row ``load`` finds, from this process's cache ``name`` when it was looked up within the window.

    Only a row found, unchanged, and that ``keep`` accepts is cached: an unknown key is looked up every time.
    """
    cache = app_cache(name)
    cached = cache.get(key, MISSING)
    if cached is not MISSING:
        return restore(model, *cached)
    row = load()
    if row is not None and not inspect(row).modified and keep(row):
        values = snapshot(row)
        cache.put(key, (values, json_keys_of(values)))
    return row


@event.listens_for(Session, "after_flush")
def note_cached_changes(session: Session, flush_context) -> None:
    """Remember which cached tables this transaction wrote; their caches are cleared when it commits."""
    for instance in (*session.new, *session.dirty, *session.deleted):
        name = CACHED_TABLES.get(type(instance))
        if name is not None:
            session.info.setdefault(CLEARED_KEY, set()).add(name)


@event.listens_for(Session, "after_commit")
def clear_changed_caches(session: Session) -> None:
    names = session.info.pop(CLEARED_KEY, None)
    if names and has_app_context():
        for name in names:
            app_cache(name).clear()


@event.listens_for(Session, "after_rollback")
def forget_changes(session: Session) -> None:
    session.info.pop(CLEARED_KEY, None)
