"""The public "helpful" vote on a review or a comment, and its withdrawal: origin-checked like submissions,
rate-limited (voting and withdrawing share one budget), one vote per client per item."""

from __future__ import annotations

from flask import current_app, request

from ..api.auth import check_public_client
from ..api.http import allow_origin_on_errors, has_own_site_token, preflight_response, respond, with_cors
from ..api.openapi import operation
from ..extensions import csrf, db, limiter
from ..schemas.votes import HelpfulVote, ItemPath
from ..services.accounts import public_site
from ..services.votes import VoteResult, client_key, vote_helpful, withdraw_helpful
from .blueprint import bp

# ``item_id`` is checked by ItemPath (422 when out of range), not by the int converter: with POST and DELETE on one
# path, werkzeug answers an id beyond the converter's range with 405 "method not allowed" instead.
HELPFUL_PATH = "/api/v1/sites/<site_slug>/items/<item_id>/helpful"


def helpful_limit() -> str:
    # One budget for voting and withdrawing (a shared limit): flipping a vote back and forth is one activity.
    return current_app.config["HELPFUL_RATE_LIMIT"]


bp.after_request(allow_origin_on_errors)


@bp.route(HELPFUL_PATH, methods=["OPTIONS"])
def helpful_preflight(site_slug: str, item_id: str):
    """CORS preflight for the vote (the widget sends a simple POST, and DELETE to withdraw)."""
    site = public_site(site_slug)
    check_public_client(site, writing=False)
    return preflight_response(site, "POST, DELETE, OPTIONS")


def voter_key(site_id: int) -> str:
    # One vote per client address (keyed hash). A random id kept by the browser would be one request away from
    # a fresh vote; the address costs a stuffer real addresses, and the rate limit caps the rest.
    return client_key(current_app.config["SECRET_KEY"], site_id, request.remote_addr or "unknown")


def answer(result: VoteResult, origins: list[str]):
    body = {
        "item_id": result.item_id,
        "helpful_count": result.helpful_count,
        "counted": result.counted,
        "voted": result.voted,
    }
    return with_cors(respond(HelpfulVote, body, 200), origins)


@bp.post(HELPFUL_PATH)
@csrf.exempt
@limiter.shared_limit(helpful_limit, scope="helpful_vote", exempt_when=has_own_site_token)
@operation(path=ItemPath, responses={200: HelpfulVote}, errors=(401, 403, 404, 422, 429), security="public")
def helpful(site_slug: str, item_id: int):
    """Vote that a published review or comment is helpful (one vote per client per item).

    Used by the widget; no body. Voting again answers 200 with ``counted: false``, the count unchanged. Unknown,
    held or removed items are 404. A browser's Origin must be on the site's list; without Origin a site token is
    required. Rate-limited per client (one budget with withdrawing).
    """
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    result = vote_helpful(site, item_id, voter_key(site.id))
    origins = list(site.allowed_origins or [])  # read before commit: after it, the ORM would reload the site
    db.session.commit()
    return answer(result, origins)


@bp.delete(HELPFUL_PATH)
@csrf.exempt
@limiter.shared_limit(helpful_limit, scope="helpful_vote", exempt_when=has_own_site_token)
@operation(path=ItemPath, responses={200: HelpfulVote}, errors=(401, 403, 404, 422, 429), security="public")
def withdraw_helpful_vote(site_slug: str, item_id: int):
    """Take back this client's helpful vote on a published review or comment.

    Idempotent: withdrawing a vote never cast, or already withdrawn, answers 200 with ``counted: false`` and the
    count unchanged. Same checks as voting (Origin or site token, 404 for items not public) and the same rate
    limit, shared with voting.
    """
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    result = withdraw_helpful(site, item_id, voter_key(site.id))
    origins = list(site.allowed_origins or [])
    db.session.commit()
    return answer(result, origins)
