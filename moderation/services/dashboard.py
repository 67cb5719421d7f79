"""Each product's image: rating average and histogram, negative share, answered share, time to first answer.

Definitions (the same on every page):
- a *review* counts when it is a published or held review (removed ones are not part of the image);
- a review is *negative* when it has a reply case (low rating, negative text, rating/text mismatch) that was
  not dismissed as a false alarm;
- it is *answered* when that case got a public reply; the time to first answer runs from the review's
  creation to the case's first reply.
- *At risk*: a product averaging under 3 stars over the last 12 months with at least 25 reviews in them.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, case, cast, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from ..extensions import db
from ..models import Case, Item, Site, Subject, utcnow
from ..vocabulary import REPLY_REASONS, CaseState, ItemKind, ItemStatus

# The seed brand's rule, and every new site's default (Site.health_*): a product with at least 25 reviews over
# the last 365 days averaging under 3 stars is at risk. Each site may set its own (services.health applies it).
AT_RISK_MAX_AVERAGE = 3.0
AT_RISK_MIN_REVIEWS = 25
WINDOW_DAYS = 365
MONTHS = 12


@dataclass(frozen=True)
class Rule:
    """A site's product-health rule: reviews in the last ``window_days``, at least ``min_reviews`` of them,
    averaging under ``max_average`` stars."""

    window_days: int = WINDOW_DAYS
    min_reviews: int = AT_RISK_MIN_REVIEWS
    max_average: float = AT_RISK_MAX_AVERAGE

    def flags(self, reviews: int, average: float | None) -> bool:
        return reviews >= self.min_reviews and average is not None and average < self.max_average

    def as_json(self) -> dict[str, Any]:
        return {"window_days": self.window_days, "min_reviews": self.min_reviews, "max_average": self.max_average}


def rule_of(site: Site | None) -> Rule:
    if site is None:
        return Rule()
    return Rule(site.health_window_days, site.health_min_reviews, float(site.health_max_average))


@dataclass
class MonthPoint:
    month: str
    reviews: int
    average: float | None
    negative_share: float | None
    answered_share: float | None
    median_hours_to_answer: float | None


@dataclass
class ImageStats:
    """The figures of one product, or of a whole site when ``subject`` is None."""

    reviews: int
    average: float | None
    histogram: dict[int, int]
    negative: int
    answered: int
    median_hours_to_answer: float | None
    reviews_12m: int  # in the site rule's window (365 days unless the site sets another)
    average_12m: float | None
    months: list[MonthPoint] = field(default_factory=list)
    rule: Rule = field(default_factory=Rule)

    @property
    def negative_share(self) -> float | None:
        return self.negative / self.reviews if self.reviews else None

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.negative if self.negative else None

    @property
    def at_risk(self) -> bool:
        return self.rule.flags(self.reviews_12m, self.average_12m)


@dataclass
class ProductRow:
    subject_id: int
    external_id: str
    title: str | None
    reviews: int
    average: float | None
    negative: int
    answered: int
    reviews_12m: int  # in the site rule's window
    average_12m: float | None
    rule: Rule = field(default_factory=Rule)

    @property
    def negative_share(self) -> float | None:
        return self.negative / self.reviews if self.reviews else None

    @property
    def answered_share(self) -> float | None:
        return self.answered / self.negative if self.negative else None

    @property
    def at_risk(self) -> bool:
        return self.rule.flags(self.reviews_12m, self.average_12m)


def reply_case_clause() -> ColumnElement[bool]:
    # Reasons are a short JSON list; matching the quoted name in its text form works on both databases.
    encoded = cast(Case.reasons, String)
    return or_(*[encoded.contains(f'"{reason}"') for reason in REPLY_REASONS])


def negative_clause() -> ColumnElement[bool]:
    return and_(Case.id.is_not(None), Case.state != CaseState.DISMISSED.value, reply_case_clause())


def answered_clause() -> ColumnElement[bool]:
    return and_(negative_clause(), Case.first_answered_at.is_not(None))


def counted_reviews():
    return and_(
        Item.kind == ItemKind.REVIEW.value,
        Item.status.in_([ItemStatus.PUBLISHED.value, ItemStatus.HELD.value]),
    )


def month_key(column) -> ColumnElement[str]:
    if db.engine.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


def last_months(now: datetime, months: int = MONTHS) -> list[str]:
    keys = []
    year, month = now.year, now.month
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(keys))


def month_start(key: str) -> datetime:
    return datetime(int(key[:4]), int(key[5:7]), 1)


def ratio(part: int | None, whole: int | None) -> float | None:
    return (part or 0) / whole if whole else None


def image_stats(site_id: int, subject_id: int | None = None, now: datetime | None = None) -> ImageStats:
    """All figures for a product (``subject_id``) or a whole site, with a point per month for a year."""
    now = now or utcnow()
    rule = rule_of(db.session.get(Site, site_id))
    since = now - timedelta(days=rule.window_days)
    scope = [Item.site_id == site_id, counted_reviews()]
    if subject_id is not None:
        scope.append(Item.subject_id == subject_id)
    joined = select().select_from(Item).outerjoin(Case, Case.item_id == Item.id).where(*scope)

    histogram = {stars: 0 for stars in range(1, 6)}
    for rating, n in db.session.execute(joined.with_only_columns(Item.rating, func.count()).group_by(Item.rating)):
        if rating in histogram:
            histogram[rating] = n
    reviews = sum(histogram.values())
    average = sum(k * v for k, v in histogram.items()) / reviews if reviews else None

    negative, answered = db.session.execute(
        joined.with_only_columns(
            func.sum(case((negative_clause(), 1), else_=0)), func.sum(case((answered_clause(), 1), else_=0))
        )
    ).one()
    reviews_12m, average_12m = db.session.execute(
        joined.with_only_columns(func.count(), func.avg(Item.rating)).where(Item.created_at >= since)
    ).one()

    keys = last_months(now)
    month = month_key(Item.created_at)
    per_month = {
        key: (n, avg, neg, ans)
        for key, n, avg, neg, ans in db.session.execute(
            joined.with_only_columns(
                month,
                func.count(),
                func.avg(Item.rating),
                func.sum(case((negative_clause(), 1), else_=0)),
                func.sum(case((answered_clause(), 1), else_=0)),
            )
            .where(Item.created_at >= month_start(keys[0]))
            .group_by(month)
        )
    }
    waits: dict[str, list[float]] = {}
    all_waits: list[float] = []
    for created_at, first_answered_at in db.session.execute(
        joined.with_only_columns(Item.created_at, Case.first_answered_at).where(answered_clause())
    ):
        hours = max(0.0, (first_answered_at - created_at).total_seconds() / 3600)
        all_waits.append(hours)
        waits.setdefault(f"{created_at.year:04d}-{created_at.month:02d}", []).append(hours)

    months = []
    for key in keys:
        n, avg, neg, ans = per_month.get(key, (0, None, 0, 0))
        months.append(
            MonthPoint(
                month=key,
                reviews=n,
                average=float(avg) if avg is not None else None,
                negative_share=ratio(neg, n),
                answered_share=ratio(ans, neg),
                median_hours_to_answer=statistics.median(waits[key]) if waits.get(key) else None,
            )
        )
    return ImageStats(
        reviews=reviews,
        average=average,
        histogram=histogram,
        negative=int(negative or 0),
        answered=int(answered or 0),
        median_hours_to_answer=statistics.median(all_waits) if all_waits else None,
        reviews_12m=int(reviews_12m or 0),
        average_12m=float(average_12m) if average_12m is not None else None,
        months=months,
        rule=rule,
    )


def product_rows(site_id: int, now: datetime | None = None) -> list[ProductRow]:
    """Every product of a site with reviews, at-risk products first, then by most reviews."""
    now = now or utcnow()
    rule = rule_of(db.session.get(Site, site_id))
    since = now - timedelta(days=rule.window_days)
    recent = Item.created_at >= since
    rows = db.session.execute(
        select(
            Subject.id,
            Subject.external_id,
            Subject.title,
            func.count(Item.id),
            func.avg(Item.rating),
            func.sum(case((negative_clause(), 1), else_=0)),
            func.sum(case((answered_clause(), 1), else_=0)),
            func.sum(case((recent, 1), else_=0)),
            func.avg(case((recent, Item.rating), else_=None)),
        )
        .select_from(Item)
        .join(Subject, Subject.id == Item.subject_id)
        .outerjoin(Case, Case.item_id == Item.id)
        .where(Item.site_id == site_id, counted_reviews())
        .group_by(Subject.id, Subject.external_id, Subject.title)
    ).all()
    products = [
        ProductRow(
            subject_id=r[0],
            external_id=r[1],
            title=r[2],
            reviews=r[3],
            average=float(r[4]) if r[4] is not None else None,
            negative=int(r[5] or 0),
            answered=int(r[6] or 0),
            reviews_12m=int(r[7] or 0),
            average_12m=float(r[8]) if r[8] is not None else None,
            rule=rule,
        )
        for r in rows
    ]
    products.sort(key=lambda p: (not p.at_risk, -p.reviews, p.external_id))
    return products


def recent_reviews(subject_id: int, exclude_item_id: int | None = None, limit: int = 8) -> list[Item]:
    query = select(Item).where(Item.subject_id == subject_id, Item.status != ItemStatus.REMOVED.value)
    if exclude_item_id is not None:
        query = query.where(Item.id != exclude_item_id)
    return list(db.session.execute(query.order_by(Item.created_at.desc(), Item.id.desc()).limit(limit)).scalars())


def author_history(author_id: int, exclude_item_id: int | None = None, limit: int = 20) -> list[Item]:
    """Other items by the same author row (same site, same e-mail); anonymous authors have none."""
    query = select(Item).where(Item.author_id == author_id)
    if exclude_item_id is not None:
        query = query.where(Item.id != exclude_item_id)
    return list(db.session.execute(query.order_by(Item.created_at.desc(), Item.id.desc()).limit(limit)).scalars())
