"""Sites, moderators and API tokens: created here, audited, by the console, the command line and tests alike."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import select

from ..extensions import db
from ..i18n import LANGUAGES
from ..models import ApiToken, Moderator, Role, Site, utcnow
from . import audit
from .access import require_admin
from .errors import Conflict, NotFound, ServiceError
from .local_cache import cached_row
from .site_rules import parse_rule_lines

TOKEN_PREFIX = "mod_"
LAST_USED_RESOLUTION = timedelta(minutes=1)


def site_settings(site: Site) -> dict[str, Any]:
    return {
        "name": site.name,
        "allowed_origins": list(site.allowed_origins or []),
        "word_list": list(site.word_list or []),
        "policy": dict(site.policy or {}),
        "reply_templates": list(site.reply_templates or []),
        "sla_low_rating_hours": site.sla_low_rating_hours,
        "sla_default_hours": site.sla_default_hours,
        "rewards_reviews": bool(site.rewards_reviews),
    }


def parse_origins(lines: list[str]) -> list[str]:
    origins = []
    for line in lines:
        origin = line.strip().rstrip("/")
        if not origin:
            continue
        parts = urlsplit(origin)
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.path or parts.query:
            raise ServiceError(
                "invalid_origin", f"{origin!r} is not an origin such as https://shop.example", "allowed_origins", 422
            )
        origins.append(origin)
    return list(dict.fromkeys(origins))


def moderator_settings(moderator: Moderator) -> dict[str, Any]:
    return {
        "email": moderator.email,
        "name": moderator.name,
        "role": moderator.role,
        "active": moderator.active,
        "sites": sorted(s.slug for s in moderator.sites),
    }


def create_site(
    slug: str,
    name: str | None = None,
    origins: list[str] | None = None,
    words: list[str] | None = None,
    *,
    actor: Moderator | None = None,
) -> Site:
    """Create a site, audited. The caller commits.

    Args:
        actor: the admin creating it in the console; None for the operator at the command line (the event is
            then the system's, like the worker's).

    Raises:
        Forbidden: ``actor`` is not an admin. ServiceError: the slug or an origin is invalid. Conflict: the slug
        is taken.
    """
    if actor is not None:
        require_admin(actor)
    slug = slug.strip()
    if not slug or len(slug) > 64 or not all(c.isalnum() or c in "-_" for c in slug):
        raise ServiceError("invalid_slug", "slug must be letters, digits, '-' or '_'", field="slug", status=422)
    if db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none():
        raise Conflict("site_exists", f"site {slug!r} already exists")
    site = Site(
        slug=slug,
        name=(name or "").strip() or slug,
        allowed_origins=parse_origins(origins or []),
        word_list=parse_rule_lines(words or []),
        policy={},
        reply_templates=[],
    )
    db.session.add(site)
    db.session.flush()
    audit.record(
        "site.created",
        "site",
        site.id,
        moderator_id=actor.id if actor else None,
        site_id=site.id,
        after=site_settings(site),
    )
    return site


def get_site(slug: str) -> Site:
    site = db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none()
    if site is None:
        raise NotFound(f"site {slug!r}", field="site")
    return site


def public_site(slug: str) -> Site:
    """``get_site`` for the public endpoints: from this process's cache when looked up in the last
    ``PUBLIC_CACHE_S`` seconds (``services.local_cache``), so a submission or a listing read costs no SELECT for it.

    Raises:
        NotFound: no site has this slug (never cached: a site created meanwhile is found at once).
    """
    site = cached_row("sites", slug, Site, lambda: find_site(slug))
    if site is None:
        raise NotFound(f"site {slug!r}", field="site")
    return site


def find_site(slug: str) -> Site | None:
    return db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none()


def create_moderator(
    email: str,
    name: str,
    password: str,
    role: str = Role.MODERATOR.value,
    site_slugs: list[str] | None = None,
    *,
    actor: Moderator | None = None,
) -> Moderator:
    """Create a moderator, audited. The caller commits.

    Args:
        actor: the admin creating them in the console; None for the operator at the command line.

    Raises:
        Forbidden: ``actor`` is not an admin. ServiceError: a field is invalid. Conflict: the e-mail is taken.
        NotFound: a site slug is unknown.
    """
    if actor is not None:
        require_admin(actor)
    if not email.strip() or "@" not in email or not name.strip():
        raise ServiceError("invalid", "a moderator needs an e-mail address and a name", "email", 422)
    if role not in {r.value for r in Role}:
        raise ServiceError("invalid_role", "role must be moderator or admin", field="role", status=422)
    if len(password) < 8:
        raise ServiceError("weak_password", "password must be at least 8 characters", field="password", status=422)
    email = email.strip().lower()
    if db.session.execute(select(Moderator).where(Moderator.email == email)).scalar_one_or_none():
        raise Conflict("moderator_exists", f"moderator {email} already exists")
    moderator = Moderator(email=email, name=name.strip(), role=role)
    moderator.set_password(password)
    moderator.sites = [get_site(s) for s in site_slugs or []]
    db.session.add(moderator)
    db.session.flush()
    audit.record(
        "moderator.created",
        "moderator",
        moderator.id,
        moderator_id=actor.id if actor else None,
        after=moderator_settings(moderator),
    )
    return moderator


def remember_language(moderator: Moderator, lang: str) -> None:
    """The console language ``moderator`` uses now (one of ``i18n.LANGUAGES``, else ignored): mail to them as the
    brand's staff speaks it (``health.notify_owner``). The caller commits."""
    if lang in LANGUAGES and moderator.lang != lang:
        moderator.lang = lang


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    name: str, *, moderator: Moderator | None = None, site: Site | None = None, actor: Moderator | None = None
) -> tuple[ApiToken, str]:
    """Create a token; returns the row and the secret, which is shown once and stored only as a hash.

    Args:
        actor: the admin creating it in the console (audited as theirs); None for the command line.

    Raises:
        Forbidden: ``actor`` is not an admin. ServiceError: 422 for a blank or over-long name.
    """
    if (moderator is None) == (site is None):
        raise ValueError("a token belongs to a moderator or to a site")
    if actor is not None:
        require_admin(actor)
    name = " ".join((name or "").split())
    if not name or len(name) > 200:
        raise ServiceError("invalid", "a token needs a name of at most 200 characters", field="name", status=422)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        name=name,
        token_hash=hash_token(secret),
        prefix=secret[:10],
        moderator=moderator,
        site=site,
        created_by_id=actor.id if actor else None,
    )
    db.session.add(token)
    db.session.flush()
    audit.record("token.created", "token", token.id, moderator_id=actor.id if actor else None,
                 site_id=token.site_id, after=token_settings(token))  # fmt: skip
    return token, secret


def find_token(secret: str) -> ApiToken | None:
    """The live token with this secret: None when unknown, revoked, disabled, or its moderator is deactivated.

    A site's token (what a server integration sends with every submission) is kept in this process's cache for
    ``PUBLIC_CACHE_S`` seconds: revoking or disabling it in another process takes effect here within that window
    (at once in the process that does it). A moderator's token is looked up every time: it carries a role and sites.
    """
    token_hash = hash_token(secret)
    token = cached_row(
        "tokens",
        token_hash,
        ApiToken,
        lambda: db.session.execute(select(ApiToken).where(ApiToken.token_hash == token_hash)).scalar_one_or_none(),
        keep=lambda row: (
            row.site_id is not None and row.moderator_id is None and row.revoked_at is None and row.disabled_at is None
        ),
    )
    if token is None or token.revoked_at is not None or token.disabled_at is not None:
        return None
    # A site's token has no moderator: asking the relationship would still run the lazy loader's machinery.
    if token.moderator_id is not None and not token.moderator.active:
        return None
    return token


def mark_token_used(token: ApiToken) -> bool:
    """Note that ``token`` was just used; True when the row changed (the caller commits).

    Written at most once per ``LAST_USED_RESOLUTION``: every submission of an integration carries the same token,
    and a write per request would serialise them all on this one row.
    """
    now = utcnow()
    if token.last_used_at is not None and now - token.last_used_at < LAST_USED_RESOLUTION:
        return False
    token.last_used_at = now
    return True


def list_tokens(site: Site | None = None) -> list[ApiToken]:
    """Every token, revoked ones included, oldest first; with ``site``, that site's own tokens only."""
    query = select(ApiToken).order_by(ApiToken.id)
    if site is not None:
        query = query.where(ApiToken.site_id == site.id)
    return list(db.session.execute(query).scalars())


def token_settings(token: ApiToken) -> dict[str, Any]:
    """What the audit log keeps of a token: never its secret, only the start of its hash."""
    return {
        "name": token.name,
        "hash_prefix": token.token_hash[:12],
        "moderator": token.moderator.email if token.moderator else None,
        "site": token.site.slug if token.site else None,
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
        "disabled_at": token.disabled_at.isoformat() if token.disabled_at else None,
    }


def revoke_token(token_id: int, *, actor: Moderator | None = None) -> tuple[ApiToken, bool]:
    """Revoke a token, audited; True when it was live until now (revoking twice changes nothing). The caller commits.

    Raises:
        Forbidden: ``actor`` is not an admin. NotFound: no token has this id.
    """
    if actor is not None:
        require_admin(actor)
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"token {token_id}", field="id")
    if token.revoked_at is not None:
        return token, False
    before = token_settings(token)
    token.revoked_at = utcnow()
    audit.record(
        "token.revoked",
        "token",
        token.id,
        moderator_id=actor.id if actor else None,
        site_id=token.site_id,
        before=before,
        after=token_settings(token),
    )
    return token, True


def set_token_disabled(token_id: int, disabled: bool, *, actor: Moderator | None = None) -> tuple[ApiToken, bool]:
    """Disable a token (refused like a revoked one) or enable it again, audited; True when it changed.

    A revoked token stays revoked: enabling it is refused, so a leaked secret cannot come back.

    Raises:
        Forbidden: ``actor`` is not an admin. NotFound: no token has this id. Conflict: ``revoked`` on enable.
    """
    if actor is not None:
        require_admin(actor)
    token = db.session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(f"token {token_id}", field="id")
    if not disabled and token.revoked_at is not None:
        raise Conflict("revoked", "a revoked token cannot be enabled again; create a new one")
    if (token.disabled_at is not None) == disabled:
        return token, False
    before = token_settings(token)
    token.disabled_at = utcnow() if disabled else None
    audit.record("token.disabled" if disabled else "token.enabled", "token", token.id,
                 moderator_id=actor.id if actor else None, site_id=token.site_id,
                 before=before, after=token_settings(token))  # fmt: skip
    return token, True


def list_moderators() -> list[Moderator]:
    """Every moderator, deactivated ones included, by e-mail."""
    return list(db.session.execute(select(Moderator).order_by(Moderator.email)).scalars())


def reset_password(email: str, password: str | None = None, *, actor: Moderator | None = None) -> tuple[Moderator, str]:
    """Give a moderator a new password (a random one when ``password`` is None), audited. The caller commits.

    Returns:
        The moderator and the new password (to show once; only its hash is stored).

    Raises:
        Forbidden: ``actor`` is not an admin. NotFound: no moderator has this e-mail. ServiceError: the password
        is too short.
    """
    if actor is not None:
        require_admin(actor)
    moderator = db.session.execute(
        select(Moderator).where(Moderator.email == email.strip().lower())
    ).scalar_one_or_none()
    if moderator is None:
        raise NotFound(f"moderator {email}", field="email")
    password = secrets.token_urlsafe(12) if password is None else password
    if len(password) < 8:
        raise ServiceError("weak_password", "password must be at least 8 characters", field="password", status=422)
    moderator.set_password(password)
    # The event says that it happened and who did it; neither password nor hash goes into the log.
    audit.record("moderator.password_reset", "moderator", moderator.id, moderator_id=actor.id if actor else None)
    return moderator, password
