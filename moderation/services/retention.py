"""Retention: how long a site keeps reviews, authors' e-mail addresses and rejected items, and the purge.

Each window is a site setting in days (None keeps for ever). The purge deletes rejected items (and those their
authors withdrew) past their window, deletes items (reviews and comments) past theirs, and erases the addresses
of authors whose latest item is older than theirs, scrubbing the mails written to them. It runs as the rq job
``moderation.jobs.purge_expired``, which the maintenance of workers of the mail queue enqueues at most every
``RETENTION_EVERY_S`` (``sweep_retention``), and on demand (``moderation retention purge``). Each site's purge
is audited with its counts, which the admin site page shows. The caller commits.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

import redis
from flask import current_app
from sqlalchemy import Select, delete, exists, or_, select, update

from ..broker import enqueue, get_redis
from ..extensions import db
from ..models import (
    Author,
    Case,
    CaseNote,
    HelpfulVote,
    IdempotencyKey,
    Item,
    ItemRevision,
    Moderator,
    OutboxMessage,
    OutboxState,
    Reply,
    ReplyRevision,
    Score,
    Site,
    utcnow,
)
from ..vocabulary import GONE_STATUSES
from . import audit
from .access import require_admin
from .errors import ServiceError

log = logging.getLogger(__name__)

# Enqueued by name: the job module imports this one.
PURGE_JOB = "moderation.jobs.purge_expired"
SWEEP_LOCK = "moderation:retention:sweep"
SETTINGS = ("retain_reviews_days", "retain_emails_days", "retain_rejected_days")
MAX_DAYS = 100 * 365
# Rows per delete statement: bounded statements on a large backlog.
CHUNK = 500
ERASED = "[erased: retention]"
COUNTS = ("rejected_deleted", "items_deleted", "emails_erased", "mails_scrubbed")


def settings_of(site: Site) -> dict[str, int | None]:
    return {name: getattr(site, name) for name in SETTINGS}


def parse_days(raw: str | int | None, field: str) -> int | None:
    """A window from a form or an option: empty means for ever.

    Raises:
        ServiceError: 422 naming ``field`` unless a whole number of days from 1 to ``MAX_DAYS``.
    """
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise ServiceError("out_of_range", f"{field} is a number of days from 1 to {MAX_DAYS}, or empty", field, 422)
    return int(text)


def update_settings(actor: Moderator, site: Site, **days: str | int | None) -> Site:
    """Change a site's retention windows (``retain_reviews_days=…`` etc.), audited before and after.

    Raises:
        Forbidden: not an admin. ServiceError: 422 naming the window at fault.
    """
    require_admin(actor)
    values = {name: parse_days(days.get(name), name) for name in SETTINGS}
    before = settings_of(site)
    for name, value in values.items():
        setattr(site, name, value)
    audit.record("site.retention_updated", "site", site.id, moderator_id=actor.id, site_id=site.id, before=before,
                 after=settings_of(site))  # fmt: skip
    return site


# -- the purge ------------------------------------------------------------------------------------------------


def purge_site(site: Site, now: datetime | None = None) -> dict[str, int]:
    """Apply the site's retention windows now. Returns the counts, also kept on the site and in the audit log."""
    now = now or utcnow()
    counts = dict.fromkeys(COUNTS, 0)
    if site.retain_rejected_days:
        cutoff = now - timedelta(days=site.retain_rejected_days)
        counts["rejected_deleted"] = delete_items(
            select(Item.id).where(Item.site_id == site.id, Item.status.in_(GONE_STATUSES), Item.created_at < cutoff)
        )
    if site.retain_reviews_days:
        cutoff = now - timedelta(days=site.retain_reviews_days)
        counts["items_deleted"] = delete_items(select(Item.id).where(Item.site_id == site.id, Item.created_at < cutoff))
    if site.retain_emails_days:
        counts["emails_erased"], counts["mails_scrubbed"] = erase_addresses(
            site, now - timedelta(days=site.retain_emails_days)
        )
    site.retention_ran_at = now
    site.retention_counts = counts
    audit.record("retention.purged", "site", site.id, site_id=site.id, after={**counts, **settings_of(site)})
    return counts


def delete_items(ids_query: Select) -> int:
    """Delete the items ``ids_query`` selects, with what hangs on them. Returns how many were deleted.

    A comment that still has answers stays (deleting it would cut its thread); mail about a deleted item keeps
    its row, without the link to the item. Dependent rows are deleted here rather than by ``ON DELETE CASCADE``,
    which the embedded SQLite does not enforce.
    """
    child = Item.__table__.alias("child")
    ids_query = ids_query.where(~exists().where(child.c.parent_id == Item.id))
    deleted = 0
    while True:
        ids = list(db.session.execute(ids_query.order_by(Item.id).limit(CHUNK)).scalars())
        if not ids:
            return deleted
        replies = select(Reply.id).where(Reply.item_id.in_(ids))
        cases = select(Case.id).where(Case.item_id.in_(ids))
        db.session.execute(delete(ReplyRevision).where(ReplyRevision.reply_id.in_(replies)))
        db.session.execute(delete(Reply).where(Reply.item_id.in_(ids)))
        db.session.execute(delete(CaseNote).where(CaseNote.case_id.in_(cases)))
        for table in (Case, Score, HelpfulVote, IdempotencyKey, ItemRevision):
            db.session.execute(delete(table).where(table.item_id.in_(ids)))
        db.session.execute(update(OutboxMessage).where(OutboxMessage.item_id.in_(ids)).values(item_id=None))
        db.session.execute(delete(Item).where(Item.id.in_(ids)).execution_options(synchronize_session=False))
        deleted += len(ids)
        if len(ids) < CHUNK:
            return deleted


def erase_addresses(site: Site, cutoff: datetime) -> tuple[int, int]:
    """Erase the address of each author of ``site`` who has written nothing since ``cutoff``, and scrub the mails
    written to them (recipient, subject, body, links; unsent ones are cancelled). Returns (authors, mails)."""
    recent = exists().where(Item.author_id == Author.id, Item.created_at >= cutoff)
    authors = list(
        db.session.execute(
            select(Author).where(
                Author.site_id == site.id, Author.email.is_not(None), Author.created_at < cutoff, ~recent
            )
        ).scalars()
    )
    scrubbed = 0
    unsent = (OutboxState.AWAITING_CONFIRMATION.value, OutboxState.PENDING.value)
    for author in authors:
        author.email = None
        author.notify_requested_at = author.notify_confirmed_at = author.unsubscribed_at = None
        for message in db.session.execute(select(OutboxMessage).where(OutboxMessage.author_id == author.id)).scalars():
            message.to_address = ""
            message.subject = ERASED
            message.body = ERASED + "\n"
            message.unsubscribe_url = None
            if message.state in unsent:
                message.state = OutboxState.CANCELLED.value
            scrubbed += 1
    return len(authors), scrubbed


def sites_with_retention() -> list[Site]:
    return list(
        db.session.execute(
            select(Site).where(or_(*(getattr(Site, name).is_not(None) for name in SETTINGS))).order_by(Site.id)
        ).scalars()
    )


def purge_expired(now: datetime | None = None) -> dict[str, dict[str, int]]:
    """Every site's purge; counts per site slug. The caller commits."""
    return {site.slug: purge_site(site, now) for site in sites_with_retention()}


# -- scheduling -----------------------------------------------------------------------------------------------


def request_purge(force: bool = False) -> bool:
    """Enqueue the purge on the mail queue (one job per ``RETENTION_EVERY_S`` period unless ``force``).

    Returns False when Redis is unreachable.
    """
    config = current_app.config
    period = max(1, int(config["RETENTION_EVERY_S"]))
    job_id = f"retention-{time.time_ns()}" if force else f"retention-{int(time.time() // period)}"
    try:
        enqueue(config["MAIL_QUEUE"], PURGE_JOB, job_id=job_id, timeout=config["RETENTION_JOB_TIMEOUT"])
    except redis.RedisError as exc:
        log.warning("Redis unreachable, the retention purge waits for the next sweep: %s", exc)
        return False
    return True


def sweep_retention() -> bool:
    """From the maintenance of mail workers: enqueue the purge at most every ``RETENTION_EVERY_S`` across workers,
    when some site has a retention window. Returns whether a purge was enqueued."""
    if not sites_with_retention():
        return False
    every = max(1, int(current_app.config["RETENTION_EVERY_S"]))
    if not get_redis().set(SWEEP_LOCK, 1, nx=True, ex=every):
        return False
    return request_purge()
