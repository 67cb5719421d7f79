"""The public "helpful" vote: origin-checked like submissions, rate-limited, one vote per client per item."""

from __future__ import annotations

from flask import current_app, request

from ..api.auth import check_public_client
from ..api.http import allow_origin_on_errors, has_own_site_token, preflight_response, respond, with_cors
from ..api.openapi import operation
from ..extensions import csrf, db, limiter
from ..schemas.common import SitePath
from ..schemas.votes import HelpfulVote
from ..services.accounts import public_site
from ..services.votes import client_key, vote_helpful
from .blueprint import bp

HELPFUL_PATH = "/api/v1/sites/<site_slug>/items/<int:item_id>/helpful"


def helpful_limit() -> str:
    return current_app.config["HELPFUL_RATE_LIMIT"]


bp.after_request(allow_origin_on_errors)


@bp.route(HELPFUL_PATH, methods=["OPTIONS"])
def helpful_preflight(site_slug: str, item_id: int):
    """CORS preflight for the vote (the widget sends a simple POST, integrations may not)."""
    site = public_site(site_slug)
    check_public_client(site, writing=False)
    return preflight_response(site, "POST, OPTIONS")


@bp.post(HELPFUL_PATH)
@csrf.exempt
@limiter.limit(helpful_limit, exempt_when=has_own_site_token)
@operation(path=SitePath, responses={200: HelpfulVote}, errors=(401, 403, 404, 429), security="public")
def helpful(site_slug: str, item_id: int):
    """Vote that a published review is helpful (one vote per client per item).

    Used by the widget; no body. Voting again answers 200 with ``counted: false``, the count unchanged. Unknown,
    held or removed items are 404. A browser's Origin must be on the site's list; without Origin a site token is
    required. Rate-limited per client.
    """
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    # One vote per client address (keyed hash). A random id kept by the browser would be one request away from
    # a fresh vote; the address costs a stuffer real addresses, and the rate limit caps the rest.
    client = request.remote_addr or "unknown"
    result = vote_helpful(site, item_id, client_key(current_app.config["SECRET_KEY"], site.id, client))
    origins = list(site.allowed_origins or [])  # read before commit: after it, the ORM would reload the site
    db.session.commit()
    body = {"item_id": result.item_id, "helpful_count": result.helpful_count, "counted": result.counted}
    return with_cors(respond(HelpfulVote, body, 200), origins)
