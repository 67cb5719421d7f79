"""Data out: a site's items as JSON lines (moderators, streamed), and the product feed of published reviews with
schema.org ``AggregateRating`` for shopping feeds (public)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select

from ..extensions import db
from ..models import Author, Case, ExternalPost, Item, ItemKind, ItemStatus, Site, Subject
from .listing import iso

# Rows fetched from the database per round trip while streaming: memory stays flat whatever the site's size.
EXPORT_BATCH = 500
# Reviews written out per product in the feed (the newest); the rating counts them all.
FEED_REVIEWS_PER_PRODUCT = 10
SCHEMA_ORG = "https://schema.org"


def day_start(value: date) -> datetime:
    return datetime.combine(value, time.min)


def exported_items(
    site: Site,
    *,
    since: date | None = None,
    until: date | None = None,
    subject: str | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Every item of ``site`` matching the filters, by id (arrival), one dict per item, read in batches.

    ``since`` and ``until`` are days, both included (UTC). No e-mail address is written out: an export travels.
    """
    query = (
        select(Item, Subject.external_id, Author.name, Case.state, Case.reasons, ExternalPost)
        .join(Subject, Subject.id == Item.subject_id)
        .join(Author, Author.id == Item.author_id)
        .outerjoin(Case, Case.item_id == Item.id)
        .outerjoin(ExternalPost, ExternalPost.item_id == Item.id)
        .where(Item.site_id == site.id)
        .order_by(Item.id)
        .execution_options(yield_per=EXPORT_BATCH)
    )
    if since is not None:
        query = query.where(Item.created_at >= day_start(since))
    if until is not None:
        query = query.where(Item.created_at < day_start(until) + timedelta(days=1))
    if subject is not None:
        query = query.where(Subject.external_id == subject)
    if status is not None:
        query = query.where(Item.status == status)
    if kind is not None:
        query = query.where(Item.kind == kind)
    for item, subject_id, author_name, case_state, case_reasons, post in db.session.execute(query):
        row: dict[str, Any] = {
            "id": item.id,
            "subject": subject_id,
            "kind": item.kind,
            "rating": item.rating,
            "title": item.title,
            "body": item.body,
            "lang": item.lang,
            "status": item.status,
            "author": {"name": author_name},
            "parent_id": item.parent_id,
            "external_id": item.external_id,
            "helpful_count": item.helpful_count,
            "created_at": iso(item.created_at),
            "scored_at": iso(item.scored_at),
            "case": {"state": case_state, "reasons": list(case_reasons or [])} if case_state else None,
        }
        if post is not None:
            row["external"] = {
                "source": post.source,
                "source_name": post.source_name,
                "guid": post.guid,
                "url": post.url,
                "author": post.author,
                "published_at": iso(post.published_at),
                "answered_url": post.answered_url,
            }
        yield row


def rating(value: float | int, count: int | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "AggregateRating" if count is not None else "Rating"}
    out["ratingValue"] = round(float(value), 2) if count is not None else int(value)
    if count is not None:
        out["reviewCount"] = count
    return {**out, "bestRating": 5, "worstRating": 1}


def product_feed(site: Site, *, page: int, per_page: int) -> dict[str, Any]:
    """Products of ``site`` with at least one published review: each a schema.org ``Product`` (JSON-LD) with its
    ``AggregateRating`` over every published review, and its newest reviews, whatever their stars (a feed of
    chosen reviews would mislead buyers: FTC 16 CFR 465)."""
    published = (
        Item.site_id == site.id,
        Item.kind == ItemKind.REVIEW.value,
        Item.status == ItemStatus.PUBLISHED.value,
        Item.rating.is_not(None),
    )
    products = (
        select(Subject.id, Subject.external_id, Subject.title, func.count(Item.id), func.avg(Item.rating))
        .join(Item, Item.subject_id == Subject.id)
        .where(*published)
        .group_by(Subject.id, Subject.external_id, Subject.title)
    )
    total = db.session.execute(select(func.count()).select_from(products.subquery())).scalar_one()
    rows = db.session.execute(
        products.order_by(Subject.external_id).offset((page - 1) * per_page).limit(per_page)
    ).all()
    newest = newest_reviews([r[0] for r in rows], published)
    return {
        "site": site.slug,
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": (total + per_page - 1) // per_page,
        "products": [
            {
                "@context": SCHEMA_ORG,
                "@type": "Product",
                "sku": external_id,
                "name": title or external_id,
                "aggregateRating": rating(average, count),
                "review": [
                    {
                        "@type": "Review",
                        "name": review.title,
                        "reviewBody": review.body,
                        "datePublished": review.created_at.date().isoformat(),
                        "author": {"@type": "Person", "name": author_name},
                        "reviewRating": rating(review.rating),
                        "inLanguage": review.lang,
                    }
                    for review, author_name in newest.get(subject_id, [])
                ],
            }
            for subject_id, external_id, title, count, average in rows
        ],
    }


def newest_reviews(subject_ids: list[int], published: tuple) -> dict[int, list[tuple[Item, str]]]:
    """The newest published reviews of each subject, at most ``FEED_REVIEWS_PER_PRODUCT`` each, in one query."""
    if not subject_ids:
        return {}
    position = (
        func.row_number().over(partition_by=Item.subject_id, order_by=(Item.created_at.desc(), Item.id.desc()))
    ).label("position")
    ranked = select(Item.id, position).where(*published, Item.subject_id.in_(subject_ids)).subquery()
    query = (
        select(Item, Author.name)
        .join(ranked, ranked.c.id == Item.id)
        .join(Author, Author.id == Item.author_id)
        .where(ranked.c.position <= FEED_REVIEWS_PER_PRODUCT)
        .order_by(Item.subject_id, ranked.c.position)
    )
    grouped: dict[int, list[tuple[Item, str]]] = {}
    for item, author_name in db.session.execute(query):
        grouped.setdefault(item.subject_id, []).append((item, author_name))
    return grouped
