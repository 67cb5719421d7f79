"""Public endpoints used by the widget and by server integrations."""

from __future__ import annotations

from flask import current_app, jsonify, make_response, request
from sqlalchemy import select

from .. import metrics
from ..extensions import db, limiter
from ..models import ItemStatus, Site
from ..services import listing
from ..services.accounts import get_site
from ..services.errors import ServiceError
from ..services.scheduling import request_scoring
from ..services.submissions import create_item, parse_submission
from . import bp
from .auth import bearer_token, check_public_client


def json_body() -> object:
    if not request.is_json:
        raise ServiceError("unsupported_media_type", "send the body as application/json", "Content-Type", 415)
    payload = request.get_json(silent=True)
    if payload is None:
        raise ServiceError("invalid_json", "the body is not valid JSON", status=400)
    reject_nul(payload)
    return payload


def reject_nul(value: object, field: str = "") -> None:
    """NUL characters are never text a customer meant, and PostgreSQL cannot store them: refuse, naming the field."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ServiceError("invalid", f"{field or 'the body'} contains a NUL character", field or None, 422)
    elif isinstance(value, dict):
        for key, inner in value.items():
            reject_nul(key, field)
            reject_nul(inner, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for inner in value:
            reject_nul(inner, field)


@bp.before_request
def refuse_nul_in_url() -> None:
    """The same for path segments and query parameters (``%00``)."""
    for name, value in (request.view_args or {}).items():
        reject_nul(value, name)
    for name, value in request.args.items(multi=True):
        reject_nul(value, name)


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


def allow_origin_on_errors(response):
    """Give refusals (422, 429, 404) the CORS header too, so a widget on an allowed origin can read them.

    The views add it on success only; without it a browser hides every error body from the widget,
    which then cannot show the server's message next to the field or a kind 429.
    """
    origin = request.headers.get("Origin")
    slug = (request.view_args or {}).get("site_slug")
    if response.status_code < 400 or not origin or not slug or "Access-Control-Allow-Origin" in response.headers:
        return response
    site = db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none()
    if site is not None and origin.rstrip("/") in (site.allowed_origins or []):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "Retry-After"
        response.headers["Vary"] = "Origin"
    return response


bp.after_request(allow_origin_on_errors)


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
    item_id, status = item.id, item.status  # read before commit: after it, the ORM would reload the row
    db.session.commit()
    metrics.submissions.labels(site=site_slug, kind=submission.kind, status=status).inc()
    request_scoring(item_id)
    body = {"id": item_id, "status": status}
    if status == ItemStatus.HELD.value:
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
