"""Public endpoints used by the widget and by server integrations."""

from __future__ import annotations

from flask import current_app, jsonify, make_response, request

from .. import metrics
from ..extensions import db, limiter
from ..models import ItemStatus
from ..services import listing
from ..services.errors import ServiceError
from ..services.queueing import request_scoring
from ..services.submissions import create_item, get_site, parse_submission
from . import bp
from .auth import bearer_token, check_public_client


def json_body() -> object:
    if not request.is_json:
        raise ServiceError("unsupported_media_type", "send the body as application/json", "Content-Type", 415)
    payload = request.get_json(silent=True)
    if payload is None:
        raise ServiceError("invalid_json", "the body is not valid JSON", status=400)
    return payload


def int_arg(name: str, default: int | None, low: int, high: int) -> int | None:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ServiceError("invalid", f"{name} must be a whole number", name, 422) from None
    if not low <= value <= high:
        raise ServiceError("invalid", f"{name} must be from {low} to {high}", name, 422)
    return value


def with_cors(response, site_origins: list[str]):
    origin = request.headers.get("Origin")
    if origin and origin.rstrip("/") in site_origins:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
    return response


def submit_limit() -> str:
    return current_app.config["SUBMIT_RATE_LIMIT"]


def has_token() -> bool:
    """Server integrations authenticate and forward many customers; they are not limited per address."""
    try:
        return bearer_token() is not None
    except ServiceError:
        return False


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
def submit_item(site_slug: str, subject: str):
    """Accept a review or comment: committed first, then queued for scoring."""
    site = get_site(site_slug)
    check_public_client(site, writing=True)
    submission = parse_submission(json_body(), current_app.config)
    item = create_item(site, subject, submission)
    db.session.commit()
    metrics.submissions.labels(site=site.slug, kind=item.kind, status=item.status).inc()
    request_scoring(item.id)
    body = {"id": item.id, "status": item.status}
    if item.status == ItemStatus.HELD.value:
        body["message"] = "Thank you: your text will be published once a moderator has read it."
    return with_cors(make_response(jsonify(body), 202), site.allowed_origins or [])


@bp.get("/sites/<site_slug>/subjects/<subject>")
def read_subject(site_slug: str, subject: str):
    """A subject's aggregate rating and its published items with the brand's replies."""
    site = get_site(site_slug)
    check_public_client(site, writing=False)
    sort = request.args.get("sort", "newest")
    if sort not in listing.SORTS:
        raise ServiceError("invalid", "sort must be one of " + ", ".join(listing.SORTS), "sort", 422)
    result = listing.subject_listing(
        site,
        subject,
        page=int_arg("page", 1, 1, 100_000),
        per_page=int_arg("per_page", 10, 1, 50),
        sort=sort,
        rating=int_arg("rating", None, 1, 5),
    )
    return with_cors(make_response(jsonify(result)), site.allowed_origins or [])
