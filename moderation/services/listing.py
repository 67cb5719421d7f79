"""What the public sees of a subject: its aggregate and its published items with the brand's replies, and (a site
option) how the brand answers negative reviews."""

from __future__ import annotations

import json
import logging
import statistics
from datetime import timedelta

import redis
from flask import current_app
from sqlalchemy import case, func, select

from ..broker import get_redis
from ..extensions import db
from ..models import Case, Item, ItemKind, ItemStatus, Moderator, Reply, Site, Subject, utcnow
from . import dashboard

log = logging.getLogger(__name__)
RESPONSIVENESS_KEY = "moderation:responsiveness:{site_id}:{subject_id}"

SORTS = {
    "newest": (Item.created_at.desc(), Item.id.desc()),
    "oldest": (Item.created_at.asc(), Item.id.asc()),
    "lowest": (Item.rating.asc(), Item.created_at.desc(), Item.id.desc()),
    "highest": (Item.rating.desc(), Item.created_at.desc(), Item.id.desc()),
    "helpful": (Item.helpful_count.desc(), Item.created_at.desc(), Item.id.desc()),
}


def aggregate(subject_id: int) -> dict:
    rows = db.session.execute(
        select(Item.rating, func.count())
        .where(
            Item.subject_id == subject_id,
            Item.status == ItemStatus.PUBLISHED.value,
            Item.kind == ItemKind.REVIEW.value,
        )
        .group_by(Item.rating)
    ).all()
    histogram = {str(stars): 0 for stars in range(1, 6)}
    for rating, count in rows:
        histogram[str(rating)] = count
    total = sum(histogram.values())
    average = round(sum(int(k) * v for k, v in histogram.items()) / total, 2) if total else None
    return {"count": total, "average": average, "histogram": histogram}


def subject_listing(site: Site, external_id: str, *, page: int, per_page: int, sort: str, rating: int | None) -> dict:
    """Published top-level items of a subject, paginated, each with replies and (for comments) its thread."""
    subject = db.session.execute(
        select(Subject).where(Subject.site_id == site.id, Subject.external_id == external_id)
    ).scalar_one_or_none()
    empty = {"count": 0, "average": None, "histogram": {str(s): 0 for s in range(1, 6)}}
    if subject is None:
        return {
            "subject": external_id,
            "aggregate": empty,
            "items": [],
            "page": page,
            "per_page": per_page,
            "total": 0,
            "pages": 0,
        }
    # Never an external post: it was written elsewhere, and is here only for the moderators (services.external).
    base = select(Item).where(
        Item.subject_id == subject.id,
        Item.status == ItemStatus.PUBLISHED.value,
        Item.parent_id.is_(None),
        Item.kind != ItemKind.EXTERNAL.value,
    )
    if rating is not None:
        base = base.where(Item.rating == rating)
    total = db.session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
    items = list(
        db.session.execute(base.order_by(*SORTS[sort]).offset((page - 1) * per_page).limit(per_page)).scalars()
    )
    children = thread_children(subject.id, [i.id for i in items])
    replies = replies_for([i.id for i in items] + [c.id for group in children.values() for c in group])
    listing = {
        "subject": external_id,
        "aggregate": aggregate(subject.id),
        "items": [public_item(i, replies, children) for i in items],
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": (total + per_page - 1) // per_page,
    }
    if site.public_responsiveness:
        listing["responsiveness"] = {"site": responsiveness(site.id), "product": responsiveness(site.id, subject.id)}
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


def thread_children(subject_id: int, root_ids: list[int]) -> dict[int, list[Item]]:
    """Published descendants of the given roots, grouped by parent (comment threads)."""
    children: dict[int, list[Item]] = {}
    frontier = root_ids
    while frontier:
        rows = list(
            db.session.execute(
                select(Item)
                .where(
                    Item.subject_id == subject_id,
                    Item.parent_id.in_(frontier),
                    Item.status == ItemStatus.PUBLISHED.value,
                )
                .order_by(Item.created_at, Item.id)
            ).scalars()
        )
        for row in rows:
            children.setdefault(row.parent_id, []).append(row)
        frontier = [r.id for r in rows]
    return children


def replies_for(item_ids: list[int]) -> dict[int, list[Reply]]:
    grouped: dict[int, list[Reply]] = {}
    if not item_ids:
        return grouped
    # A withdrawn reply is kept (with its earlier texts) for the record, never shown.
    visible = select(Reply).where(Reply.item_id.in_(item_ids), Reply.withdrawn_at.is_(None)).order_by(Reply.id)
    for r in db.session.execute(visible).scalars():
        grouped.setdefault(r.item_id, []).append(r)
    return grouped


def reply_signature(site: Site, moderator: Moderator | None) -> str:
    """The brand's voice: the site's brand or team name ("L'équipe Décathlon"), never a moderator's account name;
    followed by the moderator's first name when the site asks for it."""
    brand = site.brand_name or site.name
    first_name = (moderator.name.split() or [""])[0] if moderator is not None and moderator.name else ""
    return f"{brand} · {first_name}" if site.sign_with_first_name and first_name else brand


def iso(dt) -> str | None:
    return dt.isoformat() + "Z" if dt else None


def public_item(item: Item, replies: dict[int, list[Reply]], children: dict[int, list[Item]]) -> dict:
    """The public shape of an item: no email, no scores, no moderation details."""
    out = {
        "id": item.id,
        "kind": item.kind,
        "rating": item.rating,
        "title": item.title,
        "body": item.body,
        "author": {"name": item.author.name},
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
                "author": {"name": reply_signature(item.site, r.moderator)},
            }
            for r in replies.get(item.id, [])
        ],
    }
    if item.kind == ItemKind.COMMENT.value:
        out["children"] = [public_item(c, replies, children) for c in children.get(item.id, [])]
    return out
