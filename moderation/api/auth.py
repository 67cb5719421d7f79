"""Who is calling: a bearer token (moderator or site) or a browser on one of the site's origins."""

from __future__ import annotations

from functools import wraps

from flask import g, request

from ..extensions import db
from ..models import ApiToken, Moderator, Site
from ..services import access
from ..services.accounts import find_token, mark_token_used
from ..services.errors import Forbidden, ServiceError


def bearer_token() -> ApiToken | None:
    """The request's valid token, looked up once per request."""
    if "api_token" not in g:
        header = request.headers.get("Authorization", "")
        scheme, _, secret = header.partition(" ")
        token = find_token(secret.strip()) if scheme.lower() == "bearer" and secret.strip() else None
        if header and token is None:
            # Unknown, revoked, or its moderator deactivated: one answer, so a caller cannot tell which.
            raise ServiceError("invalid_token", "the token is not valid", "Authorization", 401)
        if token is not None and mark_token_used(token):
            # Committed at once, alone: the token is looked up before the view writes anything (the rate
            # limiter's key asks first), and a read-only request would otherwise never record the use.
            db.session.commit()
        g.api_token = token
    return g.api_token


def token_serves_site(token: ApiToken, site: Site) -> bool:
    if token.site_id is not None:
        return token.site_id == site.id
    return token.moderator is not None and access.can_see_site(token.moderator, site.id)


def check_public_client(site: Site, writing: bool) -> None:
    """A browser must come from one of the site's origins; a server integration needs a token to write.

    Reading published items needs neither: they are public on the product page already, and browsers send no
    ``Origin`` on same-origin GETs.
    """
    origin = request.headers.get("Origin")
    if origin:
        if origin.rstrip("/") not in (site.allowed_origins or []):
            raise ServiceError(
                "origin_not_allowed", f"origin {origin!r} may not embed site {site.slug!r}", "Origin", 403
            )
        return
    if not writing:
        return
    token = bearer_token()
    if token is None:
        raise ServiceError("token_required", "a request without Origin needs a site token", "Authorization", 401)
    if not token_serves_site(token, site):
        raise Forbidden("this token may not submit to this site")


def current_moderator() -> Moderator:
    return g.moderator


def token_required(view):
    """Moderator endpoints: a moderator's token, carrying that moderator's role and sites."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        token = bearer_token()
        if token is None:
            raise ServiceError("token_required", "Authorization: Bearer <token> is required", "Authorization", 401)
        if token.moderator is None:
            raise Forbidden("a site token cannot act as a moderator")
        g.moderator = token.moderator
        return view(*args, **kwargs)

    return wrapped
