"""Test data builders for product health: reviews written straight to the tables (the rule only reads them)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from moderation.broker import get_redis
from moderation.extensions import db
from moderation.models import Author, Case, Item, Site, Subject, utcnow
from moderation.services.listing_cache import EPOCH_KEY
from moderation.vocabulary import CaseState, ItemKind, ItemStatus


def site_named(slug: str = "shop") -> Site:
    return db.session.execute(select(Site).where(Site.slug == slug)).scalar_one()


def subject_named(external_id: str, slug: str = "shop") -> Subject:
    site = site_named(slug)
    subject = db.session.execute(
        select(Subject).where(Subject.site_id == site.id, Subject.external_id == external_id)
    ).scalar_one_or_none()
    if subject is None:
        subject = Subject(site_id=site.id, external_id=external_id, title=f"Product {external_id}")
        db.session.add(subject)
        db.session.flush()
    return subject


def add_reviews(external_id: str, ratings: list[int], days_ago: float = 10, slug: str = "shop") -> Subject:
    """Published reviews of a product (created if new), ``days_ago`` days old. The caller commits."""
    subject = subject_named(external_id, slug)
    at = utcnow() - timedelta(days=days_ago)
    for rating in ratings:
        author = Author(site_id=subject.site_id, name="Lea")
        db.session.add(author)
        db.session.flush()
        db.session.add(
            Item(
                site_id=subject.site_id,
                subject_id=subject.id,
                author_id=author.id,
                kind=ItemKind.REVIEW.value,
                rating=rating,
                body="Pas terrible" if rating <= 2 else "Très bien",
                status=ItemStatus.PUBLISHED.value,
                created_at=at,
                scored_at=at,
            )
        )
    db.session.flush()
    return subject


def add_negative_reviews(external_id: str, answered_after_hours: list[float | None], slug: str = "shop") -> Subject:
    """1-star reviews with their reply case, answered after the given hours (None: not answered)."""
    subject = subject_named(external_id, slug)
    created = utcnow() - timedelta(days=5)
    for hours in answered_after_hours:
        author = Author(site_id=subject.site_id, name="Max")
        db.session.add(author)
        db.session.flush()
        item = Item(
            site_id=subject.site_id,
            subject_id=subject.id,
            author_id=author.id,
            kind=ItemKind.REVIEW.value,
            rating=1,
            body="Nul",
            status=ItemStatus.PUBLISHED.value,
            created_at=created,
            scored_at=created,
        )
        db.session.add(item)
        db.session.flush()
        answered = created + timedelta(hours=hours) if hours is not None else None
        db.session.add(
            Case(
                site_id=subject.site_id,
                item_id=item.id,
                reasons=["low_rating"],
                due_at=created + timedelta(days=1),
                state=CaseState.ANSWERED.value if answered else CaseState.OPEN.value,
                first_answered_at=answered,
            )
        )
    db.session.flush()
    return subject


def forget_cached_figures(app) -> None:
    """Drop the cached responsiveness figures, and the listing answers that carry them (the test changed the
    database behind the app's back; never flush the db: it holds this run's claim on the index)."""
    conn = get_redis(app)
    for key in conn.scan_iter("moderation:responsiveness:*"):
        conn.delete(key)
    conn.incr(EPOCH_KEY)  # what any change the listing cannot place does: every cached listing is stale
