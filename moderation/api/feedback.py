"""Public endpoints for readers: report an item or a brand reply, and say whether a brand reply helped.

Same rules as submitting (``public.py``): a browser's Origin must be on the site's list, a request without Origin
needs the site's token, and each endpoint is rate-limited per client. A reader is their address, stored only as a
keyed hash (``services.votes.client_key``), as for helpful votes.
"""

from __future__ import annotations

from flask import current_app, request
from pydantic import Field

from ..extensions import db, limiter
from ..schemas.common import MAX_ID, SitePath
from ..schemas.feedback import REPORT_MESSAGES, AnswerVoteBody, AnswerVotes, ReportBody, ReportReceived, page_lang
from ..schemas.validation import validate
from ..services import answers, reports
from ..services.accounts import public_site
from ..services.votes import client_key
from .auth import check_public_client
from .blueprint import bp
from .http import has_own_site_token, json_body, preflight_response, respond
from .openapi import operation

REPORT_PATH = "/sites/<site_slug>/items/<int:item_id>/reports"
# ``reply_id`` is checked by ReplyPath (422 when out of range), not by the int converter: with POST and DELETE on
# one path, werkzeug answers an out-of-range id on DELETE with 405 "use POST" instead of "not there".
ANSWER_VOTE_PATH = "/sites/<site_slug>/replies/<reply_id>/vote"


def report_limit() -> str:
    return current_app.config["REPORT_RATE_LIMIT"]


def answer_vote_limit() -> str:
    # One budget for voting and withdrawing (a shared limit): flipping a vote back and forth is one activity.
    return current_app.config["HELPFUL_RATE_LIMIT"]


def reader_key(site_id: int) -> str:
    return client_key(current_app.config["SECRET_KEY"], site_id, request.remote_addr or "unknown")


@bp.route(REPORT_PATH, methods=["OPTIONS"])
@bp.route(ANSWER_VOTE_PATH, methods=["OPTIONS"])
def feedback_preflight(site_slug: str, item_id: int | None = None, reply_id: str | None = None):
    """CORS preflight: the widget posts JSON, and withdraws a vote with DELETE."""
    site = public_site(site_slug)
    check_public_client(site, writing=False)
    return preflight_response(site, "POST, DELETE, OPTIONS")


class ReplyPath(SitePath):
    reply_id: int = Field(ge=1, le=MAX_ID, description="the brand reply's id")


@bp.post(REPORT_PATH)
@limiter.limit(report_limit, exempt_when=has_own_site_token)
@operation(
    path=SitePath,
    body=ReportBody,
    responses={202: ReportReceived},
    errors=(400, 401, 403, 404, 413, 415, 422, 429),
    security="public",
)
def report_item(site_slug: str, item_id: int):
    """Report a published review or comment, or the brand's reply under it (``reply_id``).

    Opens or updates the item's case with reason ``reported``; its priority rises with the number of distinct
    readers who reported it. Nothing is hidden on a report alone: a moderator decides. With ``email`` the reader
    is told that the report arrived, then its outcome. One report per reader and target: reporting again updates
    it (``counted: false``). Rate-limited per client.
    """
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    body = validate(ReportBody, json_body(), messages=REPORT_MESSAGES)
    result = reports.report(
        site,
        item_id,
        reader_key(site.id),
        reason=body.reason,
        text=(body.text or "").strip() or None,
        email=body.email,
        lang=page_lang(body.lang),
        reply_id=body.reply_id,
    )
    db.session.commit()
    out = {"item_id": result.item_id, "reply_id": result.reply_id, "counted": result.counted}
    return respond(ReportReceived, out, 202, site)


def votes_body(result: answers.AnswerVoteResult) -> dict:
    return {"reply_id": result.reply_id, "helpful": result.helpful, "not_helpful": result.not_helpful,
            "vote": result.vote}  # fmt: skip


@bp.post(ANSWER_VOTE_PATH)
@limiter.shared_limit(answer_vote_limit, scope="answer_vote", exempt_when=has_own_site_token)
@operation(
    path=ReplyPath,
    body=AnswerVoteBody,
    responses={200: AnswerVotes},
    errors=(400, 401, 403, 404, 413, 415, 422, 429),
    security="public",
)
def vote_answer(site_slug: str, reply_id: int):
    """Say whether a brand reply was helpful (one vote per reader; voting again changes the vote).

    Rate-limited per client like helpful votes (``HELPFUL_RATE_LIMIT``).
    """
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    body = validate(AnswerVoteBody, json_body())
    result = answers.vote(site, reply_id, reader_key(site.id), body.helpful)
    db.session.commit()
    return respond(AnswerVotes, votes_body(result), 200, site)


@bp.delete(ANSWER_VOTE_PATH)
@limiter.shared_limit(answer_vote_limit, scope="answer_vote", exempt_when=has_own_site_token)
@operation(path=ReplyPath, responses={200: AnswerVotes}, errors=(401, 403, 404, 422, 429), security="public")
def withdraw_answer_vote(site_slug: str, reply_id: int):
    """Withdraw this reader's vote on a brand reply (nothing to withdraw changes nothing)."""
    site = public_site(site_slug)
    check_public_client(site, writing=True)
    result = answers.withdraw(site, reply_id, reader_key(site.id))
    db.session.commit()
    return respond(AnswerVotes, votes_body(result), 200, site)
