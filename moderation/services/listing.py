"""What the public sees of a subject: its aggregate and its published items with the brand's replies, and (a site
option) how the brand answers negative reviews."""

from __future__ import annotations

import json
import logging
import statistics
from datetime import timedelta

import redis
from flask import current_app
from sqlalchemy import Row, bindparam, case, func, select

from ..broker import get_redis
from ..extensions import db
from ..models import Author, Case, Item, ItemKind, ItemStatus, Moderator, Reply, Site, Subject, utcnow
from . import dashboard
from .local_cache import cached_row, restore

log = logging.getLogger(__name__)
RESPONSIVENESS_KEY = "moderation:responsiveness:{site_id}:{subject_id}"

SORTS = {
    "newest": (Item.created_at.desc(), Item.id.desc()),
    "oldest": (Item.created_at.asc(), Item.id.asc()),
    "lowest": (Item.rating.asc(), Item.created_at.desc(), Item.id.desc()),
    "highest": (Item.rating.desc(), Item.created_at.desc(), Item.id.desc()),
    "helpful": (Item.helpful_count.desc(), Item.created_at.desc(), Item.id.desc()),
}


# What the public sees of an item, and of a reply: only these columns are read (no e-mail, no scores).
ITEM_COLUMNS = (
    Item.id,
    Item.kind,
    Item.rating,
    Item.title,
    Item.body,
    Item.lang,
    Item.created_at,
    Item.edited_at,
    Item.helpful_count,
    Item.parent_id,
    Item.verified_purchase,
    Author.name.label("author_name"),
)
REPLY_COLUMNS = (
    Reply.id,
    Reply.item_id,
    Reply.body,
    Reply.created_at,
    Reply.edited_at,
    Moderator.name.label("moderator_name"),
)


def find_subject(site: Site, external_id: str) -> Subject | None:
    """The site's subject ``external_id``; a subject found is kept a few seconds in this process's cache (subjects
    are never deleted but with their site), so a submission to a known product costs no SELECT for it."""
    return cached_row("subjects", (site.id, external_id), Subject, lambda: load_subject(site.id, external_id))


def load_subject(site_id: int, external_id: str) -> Subject | None:
    """The subject's row read with Core, then the session's instance of it (``local_cache.restore``): the same SELECT
    as the ORM's, without its statement dispatch and row loading, which cost as much again as the query (a shop with
    many products misses the cache on most submissions). Flushed first, as the ORM's autoflush would."""
    db.session.flush()
    row = db.session.connection().execute(SUBJECT_ROW, {"site_id": site_id, "external_id": external_id}).first()
    return restore(Subject, row._asdict()) if row is not None else None


_SUBJECTS = Subject.__table__.c
SUBJECT_ROW = select(*_SUBJECTS).where(
    _SUBJECTS.site_id == bindparam("site_id"), _SUBJECTS.external_id == bindparam("external_id")
)


def empty_aggregate() -> dict:
    return {"count": 0, "average": None, "histogram": {str(s): 0 for s in range(1, 6)}}


def counts(subject_id: int, rating: int | None) -> tuple[dict, int]:
    """The subject's aggregate (published reviews by stars) and how many published top-level items the listing
    pages through (with ``rating``, only those), in one grouped query."""
    rows = db.session.execute(
        select(Item.kind, Item.rating, Item.parent_id.is_(None).label("top"), func.count())
        .where(
            Item.subject_id == subject_id,
            Item.status == ItemStatus.PUBLISHED.value,
            Item.kind != ItemKind.EXTERNAL.value,
        )
        .group_by(Item.kind, Item.rating, Item.parent_id.is_(None))
    ).all()
    aggregate = empty_aggregate()
    histogram = aggregate["histogram"]
    total = 0
    for kind, stars, top, count in rows:
        if kind == ItemKind.REVIEW.value and stars is not None:
            histogram[str(stars)] += count
        if top and (rating is None or stars == rating):
            total += count
    reviews = sum(histogram.values())
    aggregate["count"] = reviews
    aggregate["average"] = round(sum(int(k) * v for k, v in histogram.items()) / reviews, 2) if reviews else None
    return aggregate, total


def subject_listing(site: Site, external_id: str, *, page: int, per_page: int, sort: str, rating: int | None) -> dict:
    """Published top-level items of a subject, paginated, each with replies and (for comments) its thread.

    Four statements whatever the page holds: the counts, the page (authors joined), each level of comment
    threads, the replies (their moderators joined); the subject itself comes from the per-process cache.
    """
    subject = find_subject(site, external_id)
    if subject is None:
        return {
            "subject": external_id,
            "aggregate": empty_aggregate(),
            "items": [],
            "page": page,
            "per_page": per_page,
            "total": 0,
            "pages": 0,
        }
    subject_id = subject.id
    aggregate, total = counts(subject_id, rating)
    # Never an external post: it was written elsewhere, and is here only for the moderators (services.external).
    page_query = (
        select(*ITEM_COLUMNS)
        .join(Author, Author.id == Item.author_id)
        .where(
            Item.subject_id == subject_id,
            Item.status == ItemStatus.PUBLISHED.value,
            Item.parent_id.is_(None),
            Item.kind != ItemKind.EXTERNAL.value,
        )
    )
    if rating is not None:
        page_query = page_query.where(Item.rating == rating)
    items = db.session.execute(page_query.order_by(*SORTS[sort]).offset((page - 1) * per_page).limit(per_page)).all()
    children = thread_children(subject_id, [i.id for i in items])
    replies = replies_for([i.id for i in items] + [c.id for group in children.values() for c in group])
    listing = {
        "subject": external_id,
        "aggregate": aggregate,
        "items": [public_item(site, i, replies, children) for i in items],
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": (total + per_page - 1) // per_page,
    }
    if site.public_responsiveness:
        listing["responsiveness"] = {"site": responsiveness(site.id), "product": responsiveness(site.id, subject_id)}
    return listing


def responsiveness(site_id: int, subject_id: int | None = None) -> dict:
    """Negative reviews of the last year answered, and the median hours to the first answer, of a site or one
    of its products (``services.dashboard``'s definitions). Cached a few minutes: the widget reads it on every
    product page. ``answered_share`` is None below ``RESPONSIVENESS_MIN_NEGATIVE`` negative reviews."""
    key = RESPONSIVENESS_KEY.format(site_id=site_id, subject_id=subject_id or "all")
    try:
        cached = get_redis().get(key)
        if cached is not None:
            return json.loads(cached)
    except redis.RedisError:
        log.warning("Redis unreachable: responsiveness computed without the cache")
    figures = responsiveness_figures(site_id, subject_id)
    try:
        get_redis().set(key, json.dumps(figures), ex=max(1, current_app.config["RESPONSIVENESS_CACHE_S"]))
    except redis.RedisError:
        pass
    return figures


def responsiveness_figures(site_id: int, subject_id: int | None = None) -> dict:
    since = utcnow() - timedelta(days=dashboard.WINDOW_DAYS)
    scope = [Item.site_id == site_id, dashboard.counted_reviews(), Item.created_at >= since]
    if subject_id is not None:
        scope.append(Item.subject_id == subject_id)
    negative_reviews = (
        select().select_from(Item).join(Case, Case.item_id == Item.id).where(*scope, dashboard.negative_clause())
    )
    negative, answered = db.session.execute(
        negative_reviews.with_only_columns(
            func.count(), func.sum(case((Case.first_answered_at.is_not(None), 1), else_=0))
        )
    ).one()
    waits = [
        max(0.0, (answered_at - created_at).total_seconds() / 3600)
        for created_at, answered_at in db.session.execute(
            negative_reviews.with_only_columns(Item.created_at, Case.first_answered_at).where(
                Case.first_answered_at.is_not(None)
            )
        )
    ]
    negative, answered = int(negative or 0), int(answered or 0)
    enough = negative >= current_app.config["RESPONSIVENESS_MIN_NEGATIVE"]
    return {
        "negative_reviews": negative,
        "answered_share": round(answered / negative, 4) if enough else None,
        "median_hours_to_first_answer": round(statistics.median(waits), 1) if enough and waits else None,
    }


def thread_children(subject_id: int, root_ids: list[int]) -> dict[int, list[Row]]:
    """Published descendants of the given roots, grouped by parent (comment threads): one query per level."""
    children: dict[int, list[Row]] = {}
    frontier = root_ids
    while frontier:
        rows = db.session.execute(
            select(*ITEM_COLUMNS)
            .join(Author, Author.id == Item.author_id)
            .where(
                Item.subject_id == subject_id,
                Item.parent_id.in_(frontier),
                Item.status == ItemStatus.PUBLISHED.value,
            )
            .order_by(Item.created_at, Item.id)
        ).all()
        for row in rows:
            children.setdefault(row.parent_id, []).append(row)
        frontier = [r.id for r in rows]
    return children


def replies_for(item_ids: list[int]) -> dict[int, list[Row]]:
    grouped: dict[int, list[Row]] = {}
    if not item_ids:
        return grouped
    # A withdrawn reply is kept (with its earlier texts) for the record, never shown.
    rows = db.session.execute(
        select(*REPLY_COLUMNS)
        .outerjoin(Moderator, Moderator.id == Reply.moderator_id)
        .where(Reply.item_id.in_(item_ids), Reply.withdrawn_at.is_(None))
        .order_by(Reply.id)
    )
    for r in rows:
        grouped.setdefault(r.item_id, []).append(r)
    return grouped


def reply_signature(site: Site, moderator: Moderator | None) -> str:
    """The brand's voice: the site's brand or team name ("L'équipe Décathlon"), never a moderator's account name;
    followed by the moderator's first name when the site asks for it."""
    return signature(site, moderator.name if moderator is not None else None)


def signature(site: Site, moderator_name: str | None) -> str:
    brand = site.brand_name or site.name
    first_name = (moderator_name.split() or [""])[0] if moderator_name else ""
    return f"{brand} · {first_name}" if site.sign_with_first_name and first_name else brand


def iso(dt) -> str | None:
    return dt.isoformat() + "Z" if dt else None


def public_item(site: Site, item: Row, replies: dict[int, list[Row]], children: dict[int, list[Row]]) -> dict:
    """The public shape of an item: no email, no scores, no moderation details."""
    out = {
        "id": item.id,
        "kind": item.kind,
        "rating": item.rating,
        "title": item.title,
        "body": item.body,
        "author": {"name": item.author_name},
        "lang": item.lang,
        "created_at": iso(item.created_at),
        # Shown as "edited": the author changed the text after posting it (services.authoring).
        "edited_at": iso(item.edited_at),
        "helpful_count": item.helpful_count,
        "parent_id": item.parent_id,
        "verified_purchase": bool(item.verified_purchase),
        "replies": [
            {
                "id": r.id,
                "body": r.body,
                "created_at": iso(r.created_at),
                "edited_at": iso(r.edited_at),
                # The brand's voice, never the moderator's account name.
                "author": {"name": signature(site, r.moderator_name)},
            }
            for r in replies.get(item.id, [])
        ],
    }
    if item.kind == ItemKind.COMMENT.value:
        out["children"] = [public_item(site, c, replies, children) for c in children.get(item.id, [])]
    return out
