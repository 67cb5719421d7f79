"""Product health (bearer token): read a product's state, and move it through its action plan."""

from __future__ import annotations

from ..extensions import db
from ..schemas import health as shapes
from ..schemas.common import SubjectPath
from ..schemas.validation import validate
from ..services import access, health
from .auth import current_moderator, token_required
from .blueprint import bp
from .http import json_body, respond
from .openapi import operation


@bp.get("/sites/<site_slug>/subjects/<subject>/health")
@token_required
@operation(path=SubjectPath, responses={200: shapes.ProductHealth}, errors=(401, 403, 404, 422), security="token")
def read_health(site_slug: str, subject: str):
    """A product's health state, its plan and its figures under the site's rule."""
    site = access.site_for(current_moderator(), site_slug)
    return respond(shapes.ProductHealth, health.health_json(health.subject_by_external_id(site, subject)))


@bp.post("/sites/<site_slug>/subjects/<subject>/health")
@token_required
@operation(
    path=SubjectPath,
    body=shapes.HealthChange,
    responses={200: shapes.ProductHealth},
    errors=(400, 401, 403, 404, 409, 413, 415, 422),
    security="token",
)
def change_health(site_slug: str, subject: str):
    """Move a product through its action plan.

    The monthly check alone moves products between ok and watch. People move watch → action_plan (needs `owner`;
    due in 30 days; the owner is notified), action_plan → fixed or withdrawn, and fixed or withdrawn → relaunched
    (needs `relaunch_subject`). A move the product's state does not allow is refused with 409
    `invalid_transition` naming the field `state`. Every move is in the audit log.
    """
    moderator = current_moderator()
    site = access.site_for(moderator, site_slug)
    product = health.subject_by_external_id(site, subject)
    change = validate(shapes.HealthChange, json_body())
    health.change_state(
        moderator,
        product,
        change.state,
        owner_email=change.owner,
        notes=change.notes,
        relaunch_subject=change.relaunch_subject,
    )
    db.session.commit()
    return respond(shapes.ProductHealth, health.health_json(product))
