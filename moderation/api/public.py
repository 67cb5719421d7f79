"""Public endpoints used by the widget and by server integrations."""

from __future__ import annotations

from flask import current_app, make_response, request

from .. import metrics
from ..extensions import db, limiter
from ..models import ItemStatus
from ..schemas.common import SubjectPath
from ..schemas.listing import SubjectListing, SubjectQuery
from ..schemas.submissions import Accepted, Submission
from ..services import listing
from ..services.accounts import get_site
from ..services.scheduling import request_scoring
from ..services.submissions import create_item, parse_submission
from ..services.votes import client_key
from . import bp
from .auth import check_public_client
from .http import has_token, json_body, respond, with_cors
from .openapi import operation


def submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


@bp.route("/sites/<site_slug>/subjects/<subject>/items", methods=["OPTIONS"])
@bp.route("/sites/<site_slug>/subjects/<subject>", methods=["OPTIONS"])
def preflight(site_slug: str, subject: str):
    """CORS preflight for the widget."""
    site = get_site(site_slug)
    check_public_client(site, writing=False)
    response = make_response("", 204)
    response.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
    response.headers["Access-Control-Max-Age"] = "600"
    return with_cors(response, site.allowed_origins or [])


@bp.post("/sites/<site_slug>/subjects/<subject>/items")
@limiter.limit(submit_limit, exempt_when=has_token)
@operation(
    path=SubjectPath,
    body=Submission,
    responses={202: Accepted},
    errors=(400, 401, 403, 404, 413, 415, 422, 429),
    security="public",
)
def submit_item(site_slug: str, subject: str):
    """Submit a review or a comment.

    A browser's Origin must be on the site's list; without Origin a site token is required. Content rules (links,
    word list, personal data) run before the answer: a matching item is held, never public. Rate-limited per client.
    """
    site = get_site(site_slug)
    check_public_client(site, writing=True)
    submission = parse_submission(json_body(), current_app.config)
    # A browser's address ties two identical texts to one person (the duplicate rule); a server integration
    # posts every customer's reviews from one address, so its address says nothing.
    key = None if has_token() else client_key(current_app.config["SECRET_KEY"], site.id, request.remote_addr or "")
    item = create_item(site, subject, submission, client_key=key)
    item_id, status = item.id, item.status  # read before commit: after it, the ORM would reload the row
    db.session.commit()
    metrics.submissions.labels(site=site_slug, kind=submission.kind, status=status).inc()
    request_scoring(item_id)
    body = {"id": item_id, "status": status}
    if status == ItemStatus.HELD.value:
        body["message"] = "Thank you: your text will be published once a moderator has read it."
    return respond(Accepted, body, 202, site)


@bp.get("/sites/<site_slug>/subjects/<subject>")
@operation(path=SubjectPath, query=SubjectQuery, responses={200: SubjectListing}, errors=(403, 404, 422))
def read_subject(site_slug: str, subject: str, query: SubjectQuery):
    """A subject's aggregate rating and its published items with replies."""
    site = get_site(site_slug)
    check_public_client(site, writing=False)
    result = listing.subject_listing(
        site, subject, page=query.page, per_page=query.per_page, sort=query.sort, rating=query.rating
    )
    return respond(SubjectListing, result, site=site)
