"""Scheduling scoring on Redis: asking for a scoring job, and the sweep that makes sure every accepted item is
eventually scored. (The moderators' case queue is ``services.queue``; this module only schedules rq jobs.)"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

import redis
from flask import current_app
from sqlalchemy import func, select

from ..broker import SCORE_PENDING_MARKER, enqueue, get_redis
from ..extensions import db
from ..models import Item, utcnow
from ..vocabulary import GONE_STATUSES
from . import listing_cache

log = logging.getLogger(__name__)

# Enqueued by name: importing the job module here would make it and this service import each other.
SCORE_JOB = "moderation.jobs.score_pending_items"


def request_scoring(item_id: int, listing_changes: set | None = None) -> bool:
    """Make sure a scoring job is waiting; coalesce: one waiting job serves every item committed before it runs.

    Never raises on a Redis outage: the item is committed and waits as unscored for the sweep.

    Args:
        listing_changes: listings the caller's committed transaction changed (``listing_cache.take_changes``):
            their counters are bumped in the same round trip, before the scoring marker is set.

    Returns:
        True when a job is waiting, False when Redis was unreachable.
    """
    try:
        conn = get_redis()
        # The job deletes the marker before it claims items, so an item committed before this check is
        # seen either by the waiting job or by the new one. The expiry covers an enqueue lost half-way.
        if listing_changes:
            pipe = conn.pipeline(transaction=False)
            for key in listing_cache.counter_keys(listing_changes):
                pipe.incr(key)
            pipe.set(SCORE_PENDING_MARKER, item_id, nx=True, ex=60)
            marked = pipe.execute()[-1]
        else:
            marked = conn.set(SCORE_PENDING_MARKER, item_id, nx=True, ex=60)
        if marked:
            enqueue(
                current_app.config["SCORE_QUEUE"],
                SCORE_JOB,
                job_id=f"score-after-item-{item_id}",
                timeout=900,
            )
        return True
    except redis.RedisError as exc:
        if listing_changes:
            log.warning("Redis unreachable: listing versions not bumped (cached answers expire on their own): %s", exc)
        log.warning("Redis unreachable, item %s waits for the sweep: %s", item_id, exc)
        return False
    except Exception:
        # The item is committed: a client that fails otherwise (redis-py 8.2 raised AttributeError for a connection
        # closed under it) must not turn its 202 into a 500. The sweep scores it.
        if listing_changes:
            log.exception("listing versions not bumped (cached answers expire on their own)")
        log.exception("scoring not requested, item %s waits for the sweep", item_id)
        return False


def oldest_unscored_age_s() -> float | None:
    oldest = db.session.execute(
        select(Item.created_at)
        .where(Item.scored_at.is_(None), Item.status.not_in(GONE_STATUSES))
        .order_by(Item.id)
        .limit(1)
    ).scalar_one_or_none()
    return None if oldest is None else (utcnow() - oldest).total_seconds()


def scoring_started() -> None:
    """A scoring job calls this before it claims items: an item committed from now on makes its submitter
    enqueue a new job (``request_scoring`` coalesces on this marker)."""
    get_redis().delete(SCORE_PENDING_MARKER)


def count_unscored() -> int:
    return db.session.execute(
        select(func.count()).select_from(Item).where(Item.scored_at.is_(None), Item.status.not_in(GONE_STATUSES))
    ).scalar_one()


def sweep_unscored(min_age_s: float | None = None) -> bool:
    """Enqueue a scoring job when items have waited unscored longer than ``min_age_s``.

    Covers submissions accepted while Redis was down and jobs lost with a Redis restart.
    """
    min_age_s = current_app.config["SWEEP_AFTER_S"] if min_age_s is None else min_age_s
    cutoff = utcnow() - timedelta(seconds=min_age_s)
    waiting = db.session.execute(
        select(Item.id)
        .where(Item.scored_at.is_(None), Item.status.not_in(GONE_STATUSES), Item.created_at <= cutoff)
        .limit(1)
    ).scalar_one_or_none()
    db.session.rollback()
    if waiting is None:
        return False
    enqueue(
        current_app.config["SCORE_QUEUE"],
        SCORE_JOB,
        job_id=f"score-sweep-{int(time.time() // 10)}",
        timeout=900,
    )
    return True
