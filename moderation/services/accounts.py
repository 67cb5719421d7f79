"""Sites, moderators and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select

from ..extensions import db
from ..models import ApiToken, Moderator, Role, Site, utcnow
from .errors import Conflict, NotFound, ServiceError

TOKEN_PREFIX = "mod_"
LAST_USED_RESOLUTION = timedelta(minutes=5)


def create_site(
    slug: str, name: str | None = None, origins: list[str] | None = None, words: list[str] | None = None
) -> Site:
    if not slug or len(slug) > 64 or not all(c.isalnum() or c in "-_" for c in slug):
        raise ServiceError("invalid_slug", "slug must be letters, digits, '-' or '_'", field="slug", status=422)
    if db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none():
        raise Conflict("site_exists", f"site {slug!r} already exists")
    site = Site(
        slug=slug,
        name=name or slug,
        allowed_origins=[o.rstrip("/") for o in origins or []],
        word_list=list(words or []),
        policy={},
        reply_templates=[],
    )
    db.session.add(site)
    db.session.flush()
    return site


def get_site(slug: str) -> Site:
    site = db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none()
    if site is None:
        raise NotFound(f"site {slug!r}", field="site")
    return site


def create_moderator(
    email: str, name: str, password: str, role: str = Role.MODERATOR.value, site_slugs: list[str] | None = None
) -> Moderator:
    if role not in {r.value for r in Role}:
        raise ServiceError("invalid_role", "role must be moderator or admin", field="role", status=422)
    if len(password) < 8:
        raise ServiceError("weak_password", "password must be at least 8 characters", field="password", status=422)
    email = email.strip().lower()
    if db.session.execute(select(Moderator).where(Moderator.email == email)).scalar_one_or_none():
        raise Conflict("moderator_exists", f"moderator {email} already exists")
    moderator = Moderator(email=email, name=name, role=role)
    moderator.set_password(password)
    moderator.sites = [get_site(s) for s in site_slugs or []]
    db.session.add(moderator)
    db.session.flush()
    return moderator


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(name: str, *, moderator: Moderator | None = None, site: Site | None = None) -> tuple[ApiToken, str]:
    """Create a token; returns the row and the secret, which is shown once and stored only as a hash."""
    if (moderator is None) == (site is None):
        raise ValueError("a token belongs to a moderator or to a site")
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(name=name, token_hash=hash_token(secret), prefix=secret[:10], moderator=moderator, site=site)
    db.session.add(token)
    db.session.flush()
    return token, secret


def find_token(secret: str) -> ApiToken | None:
    token = db.session.execute(select(ApiToken).where(ApiToken.token_hash == hash_token(secret))).scalar_one_or_none()
    if token is None or token.revoked_at is not None:
        return None
    if token.moderator is not None and not token.moderator.active:
        return None
    # Written at most every few minutes: every submission of an integration carries the same token, and a
    # write per request would serialise them all on this one row.
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        token.last_used_at = now
    return token
