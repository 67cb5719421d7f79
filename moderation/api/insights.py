"""Product insights (bearer token): complaint topics, health and responsiveness of one product."""

from __future__ import annotations

from ..schemas import insights as shapes
from ..schemas.common import SubjectPath
from ..services import access, insights
from .auth import current_moderator, token_required
from .blueprint import bp
from .http import respond
from .openapi import operation


@bp.get("/sites/<site_slug>/subjects/<subject>/insights")
@token_required
@operation(
    path=SubjectPath,
    responses={200: shapes.SubjectInsights, 202: shapes.SubjectInsights},
    errors=(401, 403, 404, 422),
    security="token",
)
def read_insights(site_slug: str, subject: str):
    """A product's complaint topics, health and responsiveness.

    Topics are computed in the background when the product's reviews change (debounced) and nightly;
    `computed_at` says when. A product never computed answers 202 with status `pending` and no topics, and a
    job is enqueued. Each topic's `trend` is an object: `direction` (up, down, flat, new), `ratio` (reviews
    per day in the last 30 days over the 90 before, null when none before), `recent` and `before` (counts).
    Health and responsiveness are as of the request.
    """
    site = access.site_for(current_moderator(), site_slug)
    report = insights.subject_report(site, subject)
    return respond(shapes.SubjectInsights, report, 202 if report["status"] == "pending" else 200)
