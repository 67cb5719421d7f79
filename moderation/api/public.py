"""Public endpoints used by the widget and by server integrations."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import current_app, request
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from .. import metrics
from ..extensions import db
from ..models import IdempotencyKey, Item, ItemStatus, Site, utcnow
from ..schemas.common import SubjectPath
from ..schemas.listing import SubjectListing, SubjectQuery
from ..schemas.submissions import Accepted, Submission
from ..services import listing, listing_cache
from ..services.accounts import public_site
from ..services.errors import ServiceError
from ..services.scheduling import request_scoring
from ..services.submissions import create_item, parse_submission, require_public_subject
from ..services.votes import client_key
from .auth import check_public_client
from .blueprint import bp
from .http import has_own_site_token, json_body, limited_per_client, preflight_response, respond, with_cors
from .openapi import operation

IDEMPOTENCY_KEY = re.compile(r"[\x21-\x7e]{1,200}")  # printable ASCII, as clients generate (UUIDs, hashes)
IDEMPOTENCY_WINDOW = timedelta(hours=24)


def submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


@bp.route("/sites/<site_slug>/subjects/<subject>/items", methods=["OPTIONS"])
@bp.route("/sites/<site_slug>/subjects/<subject>", methods=["OPTIONS"])
def preflight(site_slug: str, subject: str):
    """CORS preflight for the widget."""
    site = public_site(site_slug)
    check_public_client(site, writing=False)
    return preflight_response(site, "GET, POST, OPTIONS")


@bp.post("/sites/<site_slug>/subjects/<subject>/items")
@limited_per_client(submit_limit)
@operation(
    path=SubjectPath,
    body=Submission,
    responses={202: Accepted},
    errors=(400, 401, 403, 404, 409, 413, 415, 422, 429),
    security="public",
)
def submit_item(site_slug: str, subject: str):
    """Submit a review or a comment.

    A browser's Origin must be on the site's list; without Origin a site token is required. Content rules (links,
    word list, personal data) run before the answer: a matching item is held, never public. Rate-limited per client.
    A site with a subject catalogue answers 404 for a subject it has not declared; an open site creates it.
    A comment whose ``parent_id`` names a removed item or one under another subject is refused with 409 naming
    ``parent_id``: the request is well-formed, the thread it points into does not allow it.
    """
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    require_public_subject(site, subject)
    key = idempotency_key()
    submission = parse_submission(json_body(), current_app.config)
    if key is not None and (earlier := first_answer(site, key)) is not None:
        return accepted(site.allowed_origins or [], *earlier)
    # A browser's address ties two identical texts to one person (the duplicate rule); a server integration
    # posts every customer's reviews from one address, so its address says nothing.
    address = None
    if not has_own_site_token():
        address = client_key(current_app.config["SECRET_KEY"], site.id, request.remote_addr or "")
    item = create_item(site, subject, submission, client_key=address)
    # Read before commit: after it, the ORM would reload the rows (one SELECT each).
    item_id, status, origins = item.id, item.status, list(site.allowed_origins or [])
    if key is not None:
        # A key older than the window is free again; its row would trip the unique constraint.
        db.session.execute(delete(IdempotencyKey).where(IdempotencyKey.site_id == site.id, IdempotencyKey.key == key))
        # Committed with the item: a retry after a failed commit finds neither, one after a lost answer finds both.
        db.session.add(IdempotencyKey(site_id=site.id, key=key, item_id=item_id))
    # The listing's counters are bumped in the scoring request's round trip, after the commit: one Redis round trip.
    listing_changes = listing_cache.take_changes()
    try:
        db.session.commit()
    except IntegrityError:
        # The same key raced in from a concurrent retry, which won: answer with its item.
        db.session.rollback()
        earlier = first_answer(site, key) if key is not None else None
        if earlier is None:
            raise
        return accepted(site.allowed_origins or [], *earlier)
    metrics.submissions.labels(site=site_slug, kind=submission.kind, status=status).inc()
    request_scoring(item_id, listing_changes)
    return accepted(origins, item_id, status)


def accepted(origins: list[str], item_id: int, status: str):
    body = {"id": item_id, "status": status}
    if status == ItemStatus.HELD.value:
        body["message"] = "Thank you: your text will be published once a moderator has read it."
    return with_cors(respond(Accepted, body, 202), origins)


def idempotency_key() -> str | None:
    """The optional ``Idempotency-Key`` header: a client's retry of the same submission carries the same one."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not IDEMPOTENCY_KEY.fullmatch(key):
        raise ServiceError(
            "invalid", "Idempotency-Key must be 1-200 printable ASCII characters", "Idempotency-Key", 422
        )
    return key


def first_answer(site: Site, key: str) -> tuple[int, str] | None:
    """The item and status a submission with this key created on this site in the last 24 hours."""
    row = db.session.execute(
        select(Item.id, Item.status)
        .join(IdempotencyKey, IdempotencyKey.item_id == Item.id)
        .where(
            IdempotencyKey.site_id == site.id,
            IdempotencyKey.key == key,
            IdempotencyKey.created_at > utcnow() - IDEMPOTENCY_WINDOW,
        )
    ).first()
    return (row[0], row[1]) if row is not None else None


@bp.get("/sites/<site_slug>/subjects/<subject>")
@operation(path=SubjectPath, query=SubjectQuery, responses={200: SubjectListing}, errors=(403, 404, 422))
def read_subject(site_slug: str, subject: str, query: SubjectQuery):
    """A subject's aggregate rating and its published items with replies.

    Answered with an ``ETag`` and ``Cache-Control: public, no-cache``: a client or CDN may keep the answer and ask
    again with ``If-None-Match``, answered ``304 Not Modified`` while nothing it shows has changed. A new review, a
    reply, a vote or a moderation decision shows in the next answer at once.
    """
    site = public_site(site_slug)
    check_public_client(site, writing=False)
    require_public_subject(site, subject)
    found = listing.find_subject(site, subject)
    version = listing_cache.versions(site.id, found.id) if found is not None else None

    def compute() -> bytes:
        result = listing.subject_listing(
            site, subject, page=query.page, per_page=query.per_page, sort=query.sort, rating=query.rating
        )
        return respond(SubjectListing, result).get_data()

    key = (site.id, subject, query.page, query.per_page, query.sort, query.rating)
    answer = listing_cache.cached_answer(key, version, compute)
    response = current_app.response_class(answer.body, mimetype="application/json")
    response.set_etag(answer.etag)
    # Browsers and CDNs may keep it but must ask again each time (If-None-Match → 304 when unchanged): a new
    # review or reply shows at once. Vary: the CORS header depends on the Origin.
    response.headers["Cache-Control"] = "public, no-cache"
    response.vary.add("Origin")
    response.make_conditional(request)
    return with_cors(response, site.allowed_origins or [])
