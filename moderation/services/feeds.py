"""Followed RSS/Atom feeds: each new entry becomes an external post (``services.external``).

Polled by a job on the ``feeds`` queue, scheduled by the maintenance of the workers of that queue
(``sweep_feeds``), at most every ``FEED_POLL_EVERY_S`` per feed. A poll is a conditional GET (the last answer's
ETag and Last-Modified), bounded by connect and read timeouts and a size cap, and goes only where a webhook may
go: the same SSRF guard (``outbound.resolve``: public addresses only unless an admin allows private ones per feed,
the connection pinned to the checked address, no proxy from the environment). Redirects are followed (at most
``MAX_REDIRECTS``), each target checked again.

Feeds are XML from anywhere: before feedparser reads one, defusedxml refuses any entity declaration (billion
laughs, XXE); a feed that is not well-formed goes to feedparser's loose parser, which expands no declared entity.
"""

from __future__ import annotations

import http.client
import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urljoin, urlsplit
from xml.etree.ElementTree import ParseError

import feedparser
import redis
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as check_xml
from flask import current_app
from sqlalchemy import or_, select

from ..broker import enqueue, get_redis
from ..extensions import db
from ..models import Feed, Site, utcnow
from . import audit
from .errors import NotFound, ServiceError
from .external import ExternalPostData, add_posts
from .outbound import PinnedConnection, PinnedTLSConnection, RefusedTarget, check_url, resolve
from .scheduling import request_scoring
from .submissions import check_subject_id

log = logging.getLogger(__name__)

# Enqueued by name: the job module imports the services, never the other way round.
POLL_JOB = "moderation.jobs.poll_feed"
QUEUED_KEY = "moderation:feeds:queued:{feed_id}"
MAX_REDIRECTS = 3
MAX_ERROR_CHARS = 500
USER_AGENT = "moderation-feeds/1"


class FeedTooLarge(Exception):
    """The answer is larger than ``FEED_MAX_BYTES``."""


@dataclass
class Fetched:
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None


# -- following feeds: the CLI and the console ---------------------------------------------------------------------


def add_feed(site: Site, url: str, subject: str, allow_private: bool = False, moderator_id: int | None = None) -> Feed:
    """Follow a feed, filing its posts under ``subject`` (the caller commits).

    Raises:
        ServiceError: 422 for a bad or private URL or subject id; 409 when the site follows it already.
    """
    url = check_url(url, allow_private)
    check_subject_id(subject)
    if db.session.execute(select(Feed.id).where(Feed.site_id == site.id, Feed.url == url)).first():
        raise ServiceError("exists", "this site follows this feed already", field="url", status=409)
    feed = Feed(site_id=site.id, url=url, subject=subject, allow_private=allow_private, items_found=0)
    db.session.add(feed)
    db.session.flush()
    audit.record("feed.added", "feed", feed.id, moderator_id=moderator_id, site_id=site.id,
                 after={"url": url, "subject": subject, "allow_private": allow_private})  # fmt: skip
    return feed


def get_feed(feed_id: int) -> Feed:
    feed = db.session.get(Feed, feed_id)
    if feed is None:
        raise NotFound(f"feed {feed_id}", field="id")
    return feed


def list_feeds(site: Site | None = None) -> list[Feed]:
    query = select(Feed).order_by(Feed.site_id, Feed.id)
    if site is not None:
        query = query.where(Feed.site_id == site.id)
    return list(db.session.execute(query).scalars())


def remove_feed(feed: Feed, moderator_id: int | None = None) -> None:
    """Stop following a feed; the posts already found stay (the caller commits)."""
    audit.record("feed.removed", "feed", feed.id, moderator_id=moderator_id, site_id=feed.site_id,
                 before={"url": feed.url, "subject": feed.subject})  # fmt: skip
    db.session.delete(feed)


# -- scheduling ---------------------------------------------------------------------------------------------------


def request_poll(feed_id: int) -> None:
    config = current_app.config
    timeout = int(config["FEED_CONNECT_TIMEOUT_S"] + config["FEED_READ_TIMEOUT_S"]) * (MAX_REDIRECTS + 1) + 60
    enqueue(config["FEED_QUEUE"], POLL_JOB, feed_id, job_id=f"feed-{feed_id}-{int(time.time())}", timeout=timeout)


def sweep_feeds(now: datetime | None = None) -> int:
    """Enqueue a poll of every feed not polled for ``FEED_POLL_EVERY_S``; once per feed and period, whatever the
    number of workers sweeping (a Redis key per feed). Returns how many polls were enqueued."""
    config = current_app.config
    every = max(1, int(config["FEED_POLL_EVERY_S"]))
    cutoff = (now or utcnow()) - timedelta(seconds=every)
    due = list(
        db.session.execute(
            select(Feed.id)
            .where(or_(Feed.last_polled_at.is_(None), Feed.last_polled_at <= cutoff))
            .order_by(Feed.last_polled_at.is_not(None), Feed.last_polled_at, Feed.id)
            .limit(config["FEED_SWEEP_LIMIT"])
        ).scalars()
    )
    db.session.rollback()
    enqueued = 0
    try:
        conn = get_redis()
        for feed_id in due:
            if conn.set(QUEUED_KEY.format(feed_id=feed_id), 1, nx=True, ex=every):
                request_poll(feed_id)
                enqueued += 1
    except redis.RedisError as exc:
        log.warning("Redis unreachable, feed polls wait for the next sweep: %s", exc)
    return enqueued


# -- polling ------------------------------------------------------------------------------------------------------


def fetch(
    url: str, etag: str | None, last_modified: str | None, allow_private: bool, max_bytes: int | None = None
) -> Fetched:
    """GET ``url`` conditionally, through the SSRF guard, following a few redirects, reading at most ``max_bytes``
    (default ``FEED_MAX_BYTES``).

    Raises:
        RefusedTarget: a URL (or redirect) that may not be fetched.
        FeedTooLarge: more than ``FEED_MAX_BYTES``.
        OSError, http.client.HTTPException: the network failed.
    """
    config = current_app.config
    cap = int(max_bytes or config["FEED_MAX_BYTES"])
    headers = {"User-Agent": USER_AGENT, "Accept": "application/atom+xml, application/rss+xml, application/xml;q=0.9"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port, addresses = resolve(url, allow_private)
        parts = urlsplit(url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        kind = PinnedTLSConnection if scheme == "https" else PinnedConnection
        conn = kind(host, port, addresses[0], config["FEED_CONNECT_TIMEOUT_S"], config["FEED_READ_TIMEOUT_S"])
        try:
            conn.request("GET", target, headers=headers)
            response = conn.getresponse()
            if response.status in (301, 302, 303, 307, 308) and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            declared = response.getheader("Content-Length")
            if declared and declared.isdigit() and int(declared) > cap:
                raise FeedTooLarge(f"Content-Length {declared} is over {cap} bytes")
            body = response.read(cap + 1)
            if len(body) > cap:
                raise FeedTooLarge(f"more than {cap} bytes")
            return Fetched(response.status, body, response.getheader("ETag"), response.getheader("Last-Modified"))
        finally:
            conn.close()
    raise RefusedTarget(f"more than {MAX_REDIRECTS} redirects")


def check_entities(body: bytes) -> None:
    """Refuse a feed declaring entities (billion laughs, XXE) before any parser expands them.

    Raises:
        DefusedXmlException: the document declares an entity or an external reference.
    """
    try:
        check_xml(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except ParseError:
        pass  # not well-formed: feedparser's loose parser reads it and expands no declared entity


def entry_time(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=UTC) if parsed else None


def entry_post(entry) -> ExternalPostData:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary")
    return ExternalPostData(
        guid=entry.get("id") or entry.get("link") or "",
        body=body or "",
        author=entry.get("author"),
        url=entry.get("link"),
        title=entry.get("title"),
        published_at=entry_time(entry),
    )


def poll(feed_id: int) -> str:
    """Poll one feed once and file its new entries; errors are written on the feed, not raised.

    Returns:
        ``not_modified``, ``polled`` (with the count in the log), ``failed``, or ``gone`` (feed removed).
    """
    feed = db.session.get(Feed, feed_id)
    if feed is None:
        return "gone"
    outcome, created, error, last_item_id = "failed", 0, None, None
    try:
        fetched = fetch(feed.url, feed.etag, feed.last_modified, feed.allow_private)
        feed.last_status = fetched.status
        if fetched.status == 304:
            outcome = "not_modified"
        elif fetched.status != 200:
            error = f"HTTP {fetched.status}"
        else:
            check_entities(fetched.body)
            parsed = feedparser.parse(fetched.body, sanitize_html=True, resolve_relative_uris=False)
            if parsed.bozo and not parsed.entries:
                raise ValueError(f"not a feed: {parsed.get('bozo_exception')}")
            feed.title = (parsed.feed.get("title") or feed.title or "")[:300] or None
            posts = [entry_post(e) for e in parsed.entries]
            report = add_posts(feed.site, feed.subject, f"feed:{feed.url}", feed.title or feed.url, posts)
            created = report.created
            feed.items_found += created
            feed.etag, feed.last_modified = fetched.etag, fetched.last_modified
            outcome = "polled"
            last_item_id = report.last_item_id
    except RefusedTarget as exc:
        error = f"refused: {exc}"
    except DefusedXmlException as exc:
        error = f"refused: the feed declares entities ({type(exc).__name__})"
    except (FeedTooLarge, ValueError, OSError, http.client.HTTPException) as exc:
        error = f"{type(exc).__name__}: {exc}"
    feed.last_polled_at = utcnow()
    feed.last_error = error[:MAX_ERROR_CHARS] if error else None
    db.session.commit()
    if last_item_id:
        request_scoring(last_item_id)
    log.info("feed %s polled: %s, %d new (%s)", feed_id, outcome, created, error or feed.last_status)
    return outcome
