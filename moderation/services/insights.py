"""Complaint topics per product, as the platform runs them: read a subject's published reviews, run the topic
engine (``moderation.insights``) with the worker's classifier and embedder, store the result, and schedule runs.

Scheduling, without rq's scheduler (a model-holding worker must not fork one, see ``worker.py``):
- the insights sweep (``sweep_insights``), run by the maintenance of workers of the insights queue, compares
  each product's published reviews (count and newest id) with those its stored topics were computed from. A
  product whose reviews changed is recomputed once they have been quiet for ``INSIGHTS_DEBOUNCE_S`` — or once
  its topics are ``INSIGHTS_MAX_STALE_S`` old while reviews keep arriving — and every product is recomputed
  when its topics are ``INSIGHTS_REFRESH_S`` (a day) old: the nightly pass, which also moves trends along.
  The database is the "dirty" marker, so a change made while Redis was down is not lost.
- ``request_insights`` enqueues at once (the API does when a product was never computed). A Redis marker per
  subject keeps one job waiting per product at most; the job clears it when it starts.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import redis
from flask import Flask, current_app
from sqlalchemy import and_, func, or_, select

from .. import cpu_priority
from ..broker import enqueue, get_redis
from ..classifier import Classifier
from ..extensions import db
from ..models import Item, Site, Subject, SubjectInsights, utcnow
from ..vocabulary import ItemKind, ItemStatus
from . import dashboard
from .errors import NotFound
from .listing import iso
from .scoring import default_forward_batch_size
from .submissions import find_subject

if TYPE_CHECKING:
    from ..insights import ReviewText, Topic

log = logging.getLogger(__name__)

# Enqueued by name: the job module imports this one.
INSIGHTS_JOB = "moderation.jobs.compute_subject_insights"
QUEUED_MARKER = "moderation:insights:queued:{subject_id}"
SWEEP_LOCK = "moderation:insights:sweep"
MAX_ITEM_IDS = 100  # per stored topic: enough to page through, small enough for a JSON column
RISING = ("new", "up")


class Embedder(Protocol):
    """What the topic engine needs from ``moderation.classifier.embedding.SentenceEmbedder``."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


def default_embedder(app: Flask) -> Embedder:
    """The e5 base as a sentence embedder, on the app's device, sharing the tensors it holds alike with the
    process's classifier (the frozen word embeddings: ``embedding.share_base_tensors``)."""
    # Imported here: it imports torch, which only a worker process may load.
    from ..classifier.embedding import load_embedder, share_base_tensors

    embedder = load_embedder(device=app.config.get("DEVICE", "auto"))
    classifier = app.extensions.get("moderation.classifier")
    if classifier is not None:
        freed = share_base_tensors(embedder, classifier)
        log.info("sentence embedder loaded; %.0f MB shared with the classifier", freed / 1e6)
    return embedder


def embedder_for(app: Flask) -> Embedder:
    """This process's embedder, loaded on first use and kept (``INSIGHTS_EMBEDDER_FACTORY``)."""
    embedder = app.extensions.get("moderation.embedder")
    if embedder is None:
        module_name, _, attr = app.config["INSIGHTS_EMBEDDER_FACTORY"].partition(":")
        embedder = getattr(importlib.import_module(module_name), attr)(app)
        app.extensions["moderation.embedder"] = embedder
    return embedder


# -- computing ----------------------------------------------------------------------------------------------


def published_reviews():
    return and_(Item.kind == ItemKind.REVIEW.value, Item.status == ItemStatus.PUBLISHED.value)


def review_texts(subject_id: int, limit: int) -> tuple[list[ReviewText], int, int | None]:
    """The subject's most recent published reviews as the engine reads them.

    Returns:
        The reviews (at most ``limit``), how many published reviews the subject has, and the newest one's id.
    """
    # The topic engine (scikit-learn, scipy, yake) loads only in the worker that computes topics, never in the web.
    from ..insights import ReviewText

    count, last_id = db.session.execute(
        select(func.count(), func.max(Item.id)).where(Item.subject_id == subject_id, published_reviews())
    ).one()
    rows = db.session.execute(
        select(Item.id, Item.author_id, Item.created_at, Item.title, Item.body, Item.rating, Item.lang)
        .where(Item.subject_id == subject_id, published_reviews())
        .order_by(Item.created_at.desc(), Item.id.desc())
        .limit(limit)
    ).all()
    reviews = [
        ReviewText(
            item_id=item_id,
            # Authors are per site and e-mail (anonymous ones per item): the row id is the distinct-author key.
            author_key=str(author_id),
            created_at=created_at,
            text=f"{title.strip()}. {body}" if title and title.strip() else body,
            rating=rating,
            language=lang,
        )
        for item_id, author_id, created_at, title, body, rating, lang in rows
    ]
    return reviews, int(count or 0), last_id


def topic_json(topic: Topic) -> dict[str, Any]:
    """A topic as stored and served (the API's ``Topic`` shape, plus what the console pages through)."""
    return {
        "label": topic.label,
        "keywords": list(topic.keywords),
        "language": topic.language,
        "reviews": topic.reviews,
        "authors": topic.authors,
        "negative_share": topic.negative_share,
        "trend": {
            "direction": topic.trend.direction,
            "ratio": topic.trend.ratio,
            "recent": topic.trend.recent,
            "before": topic.trend.before,
        },
        "examples": [{"item_id": e.item_id, "sentence": e.sentence} for e in topic.examples],
        "item_ids": list(topic.item_ids[:MAX_ITEM_IDS]),
    }


def health_json(stats: dashboard.ImageStats) -> dict[str, Any]:
    """The product's standing under the site's rule (``services.dashboard``'s figures, not recomputed)."""
    return {
        "reviews": stats.reviews,
        "average": stats.average,
        "reviews_12m": stats.reviews_12m,
        "average_12m": stats.average_12m,
        "at_risk": stats.at_risk,
        "rule": stats.rule.as_json(),  # the site's own rule (Site.health_*), the one services.health applies
    }


def responsiveness_json(stats: dashboard.ImageStats) -> dict[str, Any]:
    """How the brand answers the product's negative reviews (``services.dashboard``'s definitions)."""
    return {
        "negative_reviews": stats.negative,
        "answered": stats.answered,
        "answered_share": stats.answered_share,
        "median_hours_to_first_answer": stats.median_hours_to_answer,
    }


def compute_subject_insights(
    subject_id: int, classifier: Classifier, embedder: Embedder, now: datetime | None = None
) -> SubjectInsights:
    """Recompute one subject's topics and health snapshot and store them (the caller commits).

    Args:
        subject_id: the product.
        classifier: scores clauses (its probability of negative); the worker's loaded one.
        embedder: sentence vectors for the complaint clauses.
        now: end of the trend's recent window (default: now).

    Raises:
        LookupError: no such subject.
    """
    subject = db.session.get(Subject, subject_id)
    if subject is None:
        raise LookupError(f"subject {subject_id} does not exist")
    now = now or utcnow()
    started = time.perf_counter()
    reviews, count, last_id = review_texts(subject_id, current_app.config["INSIGHTS_MAX_REVIEWS"])
    # Texts per forward pass, as the scoring worker uses (SCORE_BATCH_SIZE is items per transaction there).
    batch_size = default_forward_batch_size(classifier)

    # Both forward passes on the idle-priority thread where the app asks for one, as the scoring worker's: under
    # `moderation serve` this job runs in the model worker beside the web.
    def score(texts: list[str]) -> Sequence[float]:
        return [p.negative_probability for p in cpu_priority.predict(classifier, texts, batch_size=batch_size)]

    def embed(texts: list[str]) -> Any:
        return cpu_priority.predict_with(embedder, embedder.embed, texts)

    # The topic engine loads only in the worker that computes topics, never in the web (see review_texts).
    from ..insights import TopicSettings, analyse_topics

    settings = TopicSettings(**current_app.config["INSIGHTS_TOPIC_SETTINGS"])
    analysis = analyse_topics(reviews, embed=embed, score=score, now=now, settings=settings)
    stats = dashboard.image_stats(subject.site_id, subject.id, now=now)

    row = db.session.get(SubjectInsights, subject_id) or SubjectInsights(subject_id=subject_id)
    row.site_id = subject.site_id
    row.computed_at = now
    row.model_version = classifier.model_version
    row.embedder = getattr(embedder, "name", type(embedder).__name__)
    row.review_count = count
    row.last_item_id = last_id
    row.negative_reviews = analysis.negative_reviews
    row.topics = [topic_json(t) for t in analysis.topics]
    row.health = health_json(stats)
    row.seconds = round(time.perf_counter() - started, 3)
    db.session.add(row)
    log.info(
        "insights for subject %s: %d topic(s) from %d review(s) in %.1f s",
        subject_id,
        len(analysis.topics),
        len(reviews),
        row.seconds,
    )
    return row


# -- scheduling ---------------------------------------------------------------------------------------------


def request_insights(subject_id: int) -> bool:
    """Make sure a job for this subject is waiting (one at most). Never raises on a Redis outage: the sweep
    schedules it later.

    Returns:
        True when a job is waiting, False when Redis was unreachable.
    """
    marker = QUEUED_MARKER.format(subject_id=subject_id)
    try:
        conn = get_redis()
        if conn.set(marker, 1, nx=True, ex=3600):
            try:
                enqueue(
                    current_app.config["INSIGHTS_QUEUE"],
                    INSIGHTS_JOB,
                    subject_id,
                    job_id=f"insights-subject-{subject_id}",
                    timeout=current_app.config["INSIGHTS_JOB_TIMEOUT"],
                )
            except redis.RedisError:
                conn.delete(marker)  # no job waits: the next request or sweep must be free to enqueue
                raise
        return True
    except redis.RedisError as exc:
        log.warning("Redis unreachable, insights for subject %s wait for the sweep: %s", subject_id, exc)
        return False


def insights_started(subject_id: int) -> None:
    """The job calls this before it reads reviews: a change from now on may enqueue the next run."""
    get_redis().delete(QUEUED_MARKER.format(subject_id=subject_id))


def due_subjects(now: datetime, limit: int) -> list[int]:
    """Subjects whose topics are missing, outdated by changed reviews (debounced), or a day old; oldest first."""
    config = current_app.config
    reviews = (
        select(
            Item.subject_id.label("subject_id"),
            func.count().label("n"),
            func.max(Item.id).label("last_id"),
            func.max(Item.created_at).label("last_at"),
        )
        .where(published_reviews())
        .group_by(Item.subject_id)
        .subquery()
    )
    computed = SubjectInsights.computed_at
    changed = or_(
        SubjectInsights.subject_id.is_(None),
        reviews.c.n != SubjectInsights.review_count,
        reviews.c.last_id != func.coalesce(SubjectInsights.last_item_id, 0),
    )
    quiet_or_stale = or_(
        SubjectInsights.subject_id.is_(None),
        reviews.c.last_at <= now - timedelta(seconds=config["INSIGHTS_DEBOUNCE_S"]),
        computed <= now - timedelta(seconds=config["INSIGHTS_MAX_STALE_S"]),
    )
    refresh = computed <= now - timedelta(seconds=config["INSIGHTS_REFRESH_S"])
    query = (
        select(reviews.c.subject_id)
        .outerjoin(SubjectInsights, SubjectInsights.subject_id == reviews.c.subject_id)
        .where(or_(and_(changed, quiet_or_stale), refresh))
        .order_by(computed.asc().nulls_first(), reviews.c.subject_id)
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def sweep_insights(now: datetime | None = None, force: bool = False) -> int:
    """Enqueue a job for every due subject (see the module docstring). Runs at most every
    ``INSIGHTS_SWEEP_EVERY_S`` across all workers unless ``force``. Returns how many subjects were requested."""
    config = current_app.config
    if not force and not get_redis().set(SWEEP_LOCK, 1, nx=True, ex=max(1, config["INSIGHTS_SWEEP_EVERY_S"])):
        return 0
    subject_ids = due_subjects(now or utcnow(), config["INSIGHTS_SWEEP_LIMIT"])
    db.session.rollback()  # a read only: end the transaction before the Redis round trips
    for subject_id in subject_ids:
        request_insights(subject_id)
    return len(subject_ids)


# -- reading ------------------------------------------------------------------------------------------------


def stored_insights(subject_id: int) -> SubjectInsights | None:
    return db.session.get(SubjectInsights, subject_id)


def subject_report(site: Site, external_id: str) -> dict[str, Any]:
    """A product's insights as the API serves them: its stored topics, with health and responsiveness as of now.

    A product never computed is ``pending`` (and a job is requested).

    Raises:
        NotFound: the site has no such subject.
    """
    subject = find_subject(site, external_id)
    if subject is None:
        raise NotFound("subject", field="subject")
    stored = stored_insights(subject.id)
    if stored is None:
        request_insights(subject.id)
    stats = dashboard.image_stats(site.id, subject.id)
    return {
        "subject": subject.external_id,
        "status": "pending" if stored is None else "ready",
        "computed_at": iso(stored.computed_at) if stored else None,
        "model_version": stored.model_version if stored else None,
        "embedder": stored.embedder if stored else None,
        "negative_reviews": stored.negative_reviews if stored else None,
        "topics": stored.topics if stored else [],
        "health": health_json(stats),
        "responsiveness": responsiveness_json(stats),
    }


def rising_topics(site_id: int, limit: int = 20) -> list[tuple[Subject, dict[str, Any]]]:
    """The site's topics whose trend is ``new`` or ``up``, fastest rising first (a new topic before any ratio,
    then by reviews in the recent window)."""
    rows = db.session.execute(
        select(SubjectInsights, Subject)
        .join(Subject, Subject.id == SubjectInsights.subject_id)
        .where(SubjectInsights.site_id == site_id)
    ).all()
    rising = [
        (subject, topic) for row, subject in rows for topic in row.topics if topic["trend"]["direction"] in RISING
    ]

    def speed(entry: tuple[Subject, dict[str, Any]]) -> tuple[float, int, str]:
        trend = entry[1]["trend"]
        ratio = float("inf") if trend["ratio"] is None else trend["ratio"]
        return (-ratio, -trend["recent"], entry[1]["label"])

    rising.sort(key=speed)
    return rising[:limit]
