"""Outside conversations: posts written elsewhere (a followed feed, an imported forum) become items of kind
``external``, scored and cased like a comment, shown to moderators with a link out and never to the public.

A post is identified by its GUID within its source (``ExternalPost``): polling a feed again or importing the same
export again adds nothing. A moderator answers where the post was written and marks the case "answered elsewhere"
with the link (``answer_elsewhere``).
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import nh3
from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..models import Case, ExternalPost, Item, ItemKind, Moderator, Site, utcnow
from ..vocabulary import CaseState
from . import webhooks
from .cases import clear_claim, ensure_active, ensure_not_held_by_other, record_case, snapshot
from .errors import Conflict, ServiceError
from .submissions import Submission, create_item

MAX_GUID_CHARS = 500
MAX_URL_CHARS = 2000


@dataclass
class ExternalPostData:
    """One post as a parser found it (feed entry, Discourse post, Disqus post, WordPress comment)."""

    guid: str
    body: str
    author: str | None = None
    url: str | None = None
    title: str | None = None
    published_at: datetime | None = None


@dataclass
class ExternalReport:
    created: int = 0
    skipped: int = 0
    last_item_id: int | None = None
    errors: list[str] = field(default_factory=list)


def plain_text(markup: str | None) -> str:
    """Text of an HTML fragment: tags dropped (scripts and styles with their content), entities decoded.

    Stored as plain text like every item; templates escape it where it is shown.
    """
    if not markup:
        return ""
    text = html.unescape(nh3.clean(markup, tags=set()))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL of sensible length, else None (never a ``javascript:`` link)."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc and len(url) <= MAX_URL_CHARS:
        return url
    return None


def naive_utc(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value


def stored_guid(guid: str) -> str:
    guid = guid.strip()
    return guid if len(guid) <= MAX_GUID_CHARS else "sha256:" + hashlib.sha256(guid.encode()).hexdigest()


def add_posts(
    site: Site, subject: str, source: str, source_name: str | None, posts: Iterable[ExternalPostData]
) -> ExternalReport:
    """Add the posts not seen before as ``external`` items of ``subject`` (the caller commits, then asks for scoring).

    Each post goes in a savepoint: one that cannot be stored (an empty text, a bad subject id) is reported and
    skipped alone.
    """
    report = ExternalReport()
    config = current_app.config
    source = source[:500]
    for post in posts:
        guid = stored_guid(post.guid or post.url or "")
        if not guid:
            report.errors.append("a post without a GUID or link was skipped")
            continue
        known = db.session.execute(
            select(ExternalPost.item_id).where(
                ExternalPost.site_id == site.id, ExternalPost.source == source, ExternalPost.guid == guid
            )
        ).scalar_one_or_none()
        if known is not None:
            report.skipped += 1
            continue
        body = plain_text(post.body)[: config["MAX_BODY_CHARS"]] or plain_text(post.title)
        if not body:
            report.errors.append(f"{guid}: no text")
            continue
        title = plain_text(post.title)[: config["MAX_TITLE_CHARS"]] or None
        # A name is text, not markup: "Marie <b>" stays what it says (and is escaped where it is shown).
        author = (" ".join((post.author or "").split()) or "Anonymous")[:200]
        submission = Submission(kind=ItemKind.EXTERNAL.value, body=body, author_name=author, title=title)
        # Items' own external id keeps the import rule: an external post is never overdue on arrival.
        item_key = "ext:" + hashlib.sha256(f"{source}\n{guid}".encode()).hexdigest()[:40]
        try:
            with db.session.begin_nested():
                item = create_item(
                    site, subject, submission, external_id=item_key, created_at=naive_utc(post.published_at)
                )
                db.session.add(
                    ExternalPost(
                        item_id=item.id,
                        site_id=site.id,
                        source=source,
                        source_name=(source_name or "")[:300] or None,
                        guid=guid,
                        url=safe_link(post.url),
                        author=author,
                        published_at=naive_utc(post.published_at),
                    )
                )
                db.session.flush()
        except ServiceError as exc:
            report.errors.append(f"{guid}: {exc.field or ''} {exc.message}".strip())
            continue
        report.created += 1
        report.last_item_id = item.id
    return report


def post_for(item: Item) -> ExternalPost | None:
    return db.session.get(ExternalPost, item.id) if item.kind == ItemKind.EXTERNAL.value else None


def check_answer_url(url: str | None) -> str:
    link = safe_link(url)
    if link is None:
        raise ServiceError("invalid_url", "the link must be an http:// or https:// URL", field="url", status=422)
    return link


def answer_elsewhere(moderator: Moderator, case: Case, url: str) -> Case:
    """Close the case of an external post as answered where it was written, keeping the link (the caller commits).

    Unlike ``cases.close`` a held external item does not stop it: an external item is never public, so its hold
    hides nothing and waits for no decision.

    Raises:
        ServiceError: 422 naming ``url`` when it is not http(s).
        Conflict: ``not_external`` for a review or comment; ``case_closed``; ``already_claimed``.
    """
    post = post_for(case.item)
    if post is None:
        raise Conflict("not_external", "only an external post can be answered elsewhere")
    link = check_answer_url(url)
    ensure_active(case)
    ensure_not_held_by_other(moderator, case)
    before = snapshot(case)
    now = utcnow()
    case.state = CaseState.RESOLVED.value
    clear_claim(case)
    case.closed_at = now
    case.first_answered_at = case.first_answered_at or now
    post.answered_url, post.answered_at = link, now
    record_case("case.answered_elsewhere", case, moderator, before, {**snapshot(case), "url": link})
    webhooks.emit(case.site_id, "case.closed", webhooks.case_data(case))
    return case
