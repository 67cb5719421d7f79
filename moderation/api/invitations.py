"""Verified-buyer invitations (site token): a shop's server asks for review-request mails after an order."""

from __future__ import annotations

import hashlib

from flask import current_app, request
from flask_limiter.util import get_remote_address

from ..extensions import db, limiter
from ..schemas.common import SitePath
from ..schemas.invitations import InvitationRequest, InvitationsAccepted, check_invitation
from ..services import invitations
from ..services.accounts import get_site
from ..services.errors import Forbidden, ServiceError
from ..services.listing import iso
from .auth import bearer_token, is_site_token_of
from .blueprint import bp
from .http import json_body, respond
from .openapi import operation


def invitation_limit() -> str:
    return current_app.config["INVITATION_RATE_LIMIT"]


def per_site_credential() -> str:
    """One budget per site and credential, whatever address the shop's servers call from; a caller without the
    token (or with a wrong one) spends its own address's budget, never the site's."""
    site = (request.view_args or {}).get("site_slug")
    credential = request.headers.get("Authorization", "")
    who = hashlib.sha256(credential.encode()).hexdigest()[:16] if credential else get_remote_address()
    return f"invitations:{site}:{who}"


@bp.post("/sites/<site_slug>/invitations")
@limiter.limit(invitation_limit, key_func=per_site_credential)
@operation(
    path=SitePath,
    body=InvitationRequest,
    responses={202: InvitationsAccepted},
    errors=(400, 401, 403, 404, 413, 415, 422, 429),
    security="token",
)
def create_invitations(site_slug: str):
    """Invite an order's customer to review the products they bought.

    Needs the site's own token. One review-request mail per order, in `lang` (else the site's default), with a
    signed one-time link per product; not before `send_after`. A review posted through a link is published with
    `verified_purchase: true` under the same rules as any other. Every buyer is invited: there is no option to
    choose customers by satisfaction. Sending the same order and product again changes nothing (`created:
    false`). Rate-limited per site.
    """
    site = get_site(site_slug)
    token = bearer_token()
    if token is None:
        raise ServiceError("token_required", "Authorization: Bearer <site token> is required", "Authorization", 401)
    if not is_site_token_of(token, site.slug):
        raise Forbidden(f"only the site token of {site.slug!r} may invite its customers")
    shape = check_invitation(json_body())
    results = invitations.invite(site, shape)
    body = {
        "order_reference": shape.order_reference,
        "send_after": iso(results[0][0].send_after),
        "invitations": [
            {"id": i.id, "subject": i.subject.external_id, "created": new, "status": invitations.status(i)}
            for i, new in results
        ],
    }
    db.session.commit()
    return respond(InvitationsAccepted, body, 202)
