"""The widget's listing answers, cached per web process and invalidated through version counters in Redis.

Every product page reads its listing; most reads see the same answer as the one before. An answer is kept in
the process for ``LISTING_CACHE_S`` seconds under a key that holds, besides the request (site, subject, page,
per page, sort, stars), three counters read from Redis in one round trip: the subject's, the site's and a global
epoch. Any committed change that the listing shows bumps them, in whichever process made it (web, worker, CLI):

- an item of the subject published, held, removed, edited, voted on (``helpful_count``), or a new published one;
- a reply written, edited or removed on one of its items;
- a site's settings (brand name, signature) or an author's name (erasure): the site's counter;
- a moderator's name (the signature's first name), or a change this module cannot place: the global epoch.

The counters are bumped after the transaction commits and before the request that made the change answers, so the
next read anywhere misses the old answer: a new reply or review shows at once. A read takes the counters before
it reads the database, so an answer computed from an older snapshot is stored under older counters, which nobody
asks for any more. While Redis is unreachable nothing is cached; a bump lost to an outage leaves an older answer
readable for at most ``LISTING_CACHE_S``.

An answer computed in one web process is also put in Redis under the same key and counters (for
``LISTING_CACHE_S``), where the other processes find it: after a new review, each subject's listing is computed
once, not once per web process (the largest CPU cost of bench/serve.py's mix of reads and posts).

Changes made with a bulk SQL ``UPDATE`` (not through ORM instances) must call ``changed`` themselves.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import redis
from flask import has_app_context
from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from ..broker import get_redis
from ..extensions import db
from ..models import Author, HelpfulVote, Item, ItemStatus, Moderator, Reply, Site
from .local_cache import app_cache

log = logging.getLogger(__name__)

EPOCH_KEY = "moderation:listing:epoch"
SITE_KEY = "moderation:listing:site:{}"
SUBJECT_KEY = "moderation:listing:subject:{}"
ANSWER_KEY = "moderation:listing:answer:{}"
SCOPES_KEY = "moderation.listing_cache.scopes"
# What the listing shows of an item: a change to anything else (scored_at, fingerprint…) leaves it as it was.
SHOWN_ITEM_FIELDS = (
    "status",
    "title",
    "body",
    "rating",
    "lang",
    "kind",
    "helpful_count",
    "parent_id",
    "author_id",
    "subject_id",
    "created_at",
)
EVERYTHING = ("all",)


@dataclass(frozen=True)
class Answer:
    """A listing answer as sent: the JSON bytes and their entity tag."""

    body: bytes
    etag: str


def entity_tag(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()[:32]


def changed(site_id: int | None = None, subject_id: int | None = None, session: Session | None = None) -> None:
    """Note that the listing of ``subject_id`` (or every listing of ``site_id``, or of every site when neither is
    given) changes with this transaction; the counters are bumped when it commits."""
    scope = ("subject", subject_id) if subject_id is not None else ("site", site_id) if site_id else EVERYTHING
    (session or db.session()).info.setdefault(SCOPES_KEY, set()).add(scope)


def _item_scope(session: Session, item_id: int | None) -> tuple:
    """The subject of an item the session already holds; everything when it does not (no query in a flush)."""
    item = session.identity_map.get(session.identity_key(Item, item_id)) if item_id is not None else None
    if item is None or "subject_id" not in inspect(item).dict or item.subject_id is None:
        return EVERYTHING
    return ("subject", item.subject_id)


def _shown_fields_changed(instance: Item) -> bool:
    attrs = inspect(instance).attrs
    return any(attrs[name].history.has_changes() for name in SHOWN_ITEM_FIELDS)


@event.listens_for(Session, "after_flush")
def note_listing_changes(session: Session, flush_context) -> None:
    """Which listings this flush changes (the session still shows what it wrote, before and after)."""
    scopes: set = set()
    for instance in session.new:
        if isinstance(instance, Item) and instance.status == ItemStatus.PUBLISHED.value:
            scopes.add(("subject", instance.subject_id))
        elif isinstance(instance, (Reply, HelpfulVote)):
            scopes.add(_item_scope(session, instance.item_id))
    for instance in (*session.dirty, *session.deleted):
        deleted = instance in session.deleted
        if isinstance(instance, Item) and (deleted or _shown_fields_changed(instance)):
            subject_id = inspect(instance).dict.get("subject_id")
            scopes.add(("subject", subject_id) if subject_id is not None else EVERYTHING)
        elif isinstance(instance, (Reply, HelpfulVote)):
            scopes.add(_item_scope(session, inspect(instance).dict.get("item_id")))
        elif isinstance(instance, Author) and (deleted or inspect(instance).attrs["name"].history.has_changes()):
            scopes.add(("site", inspect(instance).dict.get("site_id")))
        elif isinstance(instance, Site):
            scopes.add(("site", inspect(instance).dict.get("id")))
        elif isinstance(instance, Moderator) and (deleted or inspect(instance).attrs["name"].history.has_changes()):
            scopes.add(EVERYTHING)
    if scopes:
        session.info.setdefault(SCOPES_KEY, set()).update(
            scope if scope == EVERYTHING or scope[1] is not None else EVERYTHING for scope in scopes
        )


@event.listens_for(Session, "after_commit")
def bump_committed(session: Session) -> None:
    scopes = session.info.pop(SCOPES_KEY, None)
    if scopes and has_app_context():
        bump(scopes)


@event.listens_for(Session, "after_rollback")
def forget_rolled_back(session: Session) -> None:
    session.info.pop(SCOPES_KEY, None)


def take_changes(session: Session | None = None) -> set:
    """The listings this transaction has changed so far, taken out of the session before its commit: the caller
    bumps their counters itself once it has committed (``counter_keys``), in the round trip of its own next Redis
    command (the submit view: its scoring request), instead of one round trip more. Whatever the commit's own flush
    changes is still bumped at commit, as usual; a rolled-back commit bumps nothing, as before."""
    return (session or db.session()).info.pop(SCOPES_KEY, None) or set()


def counter_keys(scopes: set) -> list[str]:
    """The Redis counters of ``scopes``, each once, in a fixed order."""
    keys = set()
    for scope in scopes:
        if scope == EVERYTHING:
            keys.add(EPOCH_KEY)
        elif scope[0] == "site":
            keys.add(SITE_KEY.format(scope[1]))
        else:
            keys.add(SUBJECT_KEY.format(scope[1]))
    return sorted(keys)


def bump(scopes: set) -> None:
    """Bump the counters of ``scopes``; never raises (an outage is logged: answers then expire on their own)."""
    try:
        pipe = get_redis().pipeline(transaction=False)
        for key in counter_keys(scopes):
            pipe.incr(key)
        pipe.execute()
    except redis.RedisError as exc:
        log.warning("Redis unreachable: listing versions not bumped (cached answers expire on their own): %s", exc)
    except Exception:
        # Called after a commit: whatever the client raises (redis-py 8.2 raised AttributeError for a connection
        # closed under it), what was committed stands and its request must not answer 500.
        log.exception("listing versions not bumped (cached answers expire on their own)")


def versions(site_id: int, subject_id: int) -> tuple | None:
    """The counters an answer of this subject is stored under; None while Redis is unreachable (no caching)."""
    try:
        conn = get_redis()
        epoch, site, subject = conn.mget(EPOCH_KEY, SITE_KEY.format(site_id), SUBJECT_KEY.format(subject_id))
        if epoch is None:
            # A Redis that lost its data (restart, flush) starts a new random epoch: counters that start again
            # from zero can never name an answer cached before.
            conn.set(EPOCH_KEY, secrets.randbits(48), nx=True)
            epoch = conn.get(EPOCH_KEY)
        return (epoch, site, subject)
    except Exception as exc:  # noqa: BLE001 - a client failing otherwise (redis-py 8.2's AttributeError) is no 500
        log.warning("Redis unreachable: listing answered without the cache: %s", exc)
        return None


_computing: dict[Hashable, threading.Lock] = {}
_computing_lock = threading.Lock()


def cached_answer(key: Hashable, version: tuple | None, compute: Callable[[], bytes]) -> Answer:
    """The answer for ``key`` at ``version``: from this process's cache, or computed once (concurrent requests
    of this process for the same key wait for the one computing it instead of all reading the database)."""
    if version is None:
        body = compute()
        return Answer(body, entity_tag(body))
    cache = app_cache("listings", ttl_key="LISTING_CACHE_S")
    full_key = (key, version)
    answer = cache.get(full_key)
    if answer is not None:
        return answer
    with _computing_lock:
        lock = _computing.setdefault(full_key, threading.Lock())
    try:
        with lock:
            answer = cache.get(full_key)
            if answer is None:
                body = shared_answer(full_key)
                if body is None:
                    body = compute()
                    share_answer(full_key, body, cache.ttl_s)
                answer = Answer(body, entity_tag(body))
                cache.put(full_key, answer)
            return answer
    finally:
        with _computing_lock:
            _computing.pop(full_key, None)


def _answer_key(full_key: Hashable) -> str:
    # The request and the counters, as every process spells them (ints, str, None and the counters' bytes).
    return ANSWER_KEY.format(hashlib.sha256(repr(full_key).encode()).hexdigest()[:40])


def shared_answer(full_key: Hashable) -> bytes | None:
    """The answer another process computed for this request at these counters, if it is still in Redis."""
    try:
        return get_redis().get(_answer_key(full_key))
    except Exception as exc:  # noqa: BLE001 - on the read path any client failure means "not shared", never a 500
        log.warning("Redis unreachable: listing answer not read from the other web processes: %s", exc)
        return None


def share_answer(full_key: Hashable, body: bytes, ttl_s: float) -> None:
    if ttl_s <= 0:
        return
    try:
        get_redis().set(_answer_key(full_key), body, px=int(ttl_s * 1000))
    except Exception as exc:  # noqa: BLE001 - on the read path any client failure means "not shared", never a 500
        log.warning("Redis unreachable: listing answer not shared with the other web processes: %s", exc)
