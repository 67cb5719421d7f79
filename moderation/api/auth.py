"""Who is calling: a bearer token (moderator or site) or a browser on one of the site's origins."""

from __future__ import annotations

from functools import wraps

from flask import g, request

from ..extensions import db
from ..models import ApiToken, Moderator, Site
from ..services.accounts import find_token, mark_token_used, public_site
from ..services.errors import Forbidden, NotFound, ServiceError


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


def is_site_token_of(token: ApiToken | None, site_slug: str | None) -> bool:
    """``is_token_of_site`` for the site named ``site_slug`` (through the cached site: the rate limiter asks this
    before the view, on every submission)."""
    if token is None or site_slug is None:
        return False
    try:
        return is_token_of_site(token, public_site(site_slug))
    except NotFound:
        return False


def is_token_of_site(token: ApiToken | None, site: Site) -> bool:
    """A site's own token: the one credential its public endpoints accept (a moderator's token acts on cases,
    not as a customer-facing integration, and another site's token never speaks for this one)."""
    return token is not None and token.site_id is not None and token.site_id == site.id


def check_public_client(site: Site, writing: bool) -> None:
    """A browser must come from one of the site's origins; a server integration needs the site's token to write.

    A token that is sent must be this site's own, with or without ``Origin``: otherwise any tenant's token (or a
    moderator's) would pass for this site. Reading published items needs neither: they are public on the product
    page already, and browsers send no ``Origin`` on same-origin GETs.
    """
    origin = request.headers.get("Origin")
    if origin and origin.rstrip("/") not in (site.allowed_origins or []):
        raise ServiceError("origin_not_allowed", f"origin {origin!r} may not embed site {site.slug!r}", "Origin", 403)
    token = bearer_token() if request.headers.get("Authorization") else None
    if token is not None and not is_token_of_site(token, site):
        raise Forbidden(f"only the site token of {site.slug!r} is accepted here")
    if origin or not writing:
        return
    if token is None:
        raise ServiceError("token_required", "a request without Origin needs a site token", "Authorization", 401)


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
