"""Admin changes to sites and moderators, audited like every other moderator action (creating them is in
``accounts``, shared with the command line)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..extensions import db
from ..models import Moderator, Role, Site
from . import audit
from .access import require_admin
from .accounts import moderator_settings, parse_origins, site_settings
from .errors import NotFound, ServiceError
from .policy import DEFAULT_POLICY
from .site_rules import parse_rule_lines

MAX_TEMPLATES = 50
MAX_TEMPLATE_CHARS = 5000


def all_sites() -> list[Site]:
    """Every site, by slug (the admin pages list them all, whoever the admin works on)."""
    return list(db.session.execute(select(Site).order_by(Site.slug)).scalars())


def all_moderators() -> list[Moderator]:
    return list(db.session.execute(select(Moderator).order_by(Moderator.email)).scalars())


def get_moderator(moderator_id: int) -> Moderator:
    """Raises:
    NotFound: no such moderator.
    """
    moderator = db.session.get(Moderator, moderator_id)
    if moderator is None:
        raise NotFound("moderator")
    return moderator


def parse_policy(values: dict[str, str]) -> dict[str, float]:
    """Thresholds left empty fall back to the defaults; others must be numbers in range."""
    policy: dict[str, float] = {}
    for key in DEFAULT_POLICY:
        raw = (values.get(key) or "").strip()
        if not raw:
            continue
        try:
            value = float(raw)
        except ValueError:
            raise ServiceError("invalid_number", f"{key} must be a number", key, 422) from None
        low, high = (1, 5) if key in ("low_rating_max", "mismatch_min_rating") else (0.0, 1.0)
        if not low <= value <= high:
            raise ServiceError("out_of_range", f"{key} must be between {low} and {high}", key, 422)
        policy[key] = value
    return policy


@dataclass
class TemplateInput:
    name: str
    lang: str
    body: str


def parse_templates(templates: list[TemplateInput]) -> list[dict[str, str]]:
    out = []
    for t in templates:
        if not (t.name.strip() or t.body.strip()):
            continue
        if not t.name.strip() or not t.body.strip():
            raise ServiceError(
                "incomplete_template", "a reply template needs a name and a text", "reply_templates", 422
            )
        if len(t.body) > MAX_TEMPLATE_CHARS:
            raise ServiceError("too_long", "a reply template is at most 5000 characters", "reply_templates", 422)
        out.append({"name": t.name.strip()[:100], "lang": t.lang.strip().lower()[:16], "body": t.body.strip()})
    if len(out) > MAX_TEMPLATES:
        raise ServiceError("too_many", f"at most {MAX_TEMPLATES} reply templates", "reply_templates", 422)
    return out


def update_site(
    actor: Moderator,
    site: Site,
    *,
    name: str,
    origins: list[str],
    words: list[str],
    policy_values: dict[str, str],
    templates: list[TemplateInput],
    sla_low_rating_hours: int,
    sla_default_hours: int,
    rewards_reviews: bool | None = None,
) -> Site:
    """Replace a site's settings (``rewards_reviews`` None: unchanged). The caller commits.

    Raises:
        Forbidden: the actor is not an admin. ServiceError: a value is invalid (names the field).
    """
    require_admin(actor)
    before = site_settings(site)
    site.name = name.strip() or site.slug
    site.allowed_origins = parse_origins(origins)
    site.word_list = parse_rule_lines(words)
    site.policy = parse_policy(policy_values)
    site.reply_templates = parse_templates(templates)
    for field, hours in (("sla_low_rating_hours", sla_low_rating_hours), ("sla_default_hours", sla_default_hours)):
        if not 1 <= hours <= 24 * 30:
            raise ServiceError("out_of_range", "an SLA is between 1 hour and 30 days", field, 422)
    site.sla_low_rating_hours = sla_low_rating_hours
    site.sla_default_hours = sla_default_hours
    if rewards_reviews is not None:
        site.rewards_reviews = rewards_reviews  # told on the public charter (/sites/<site>/charter)
    after = site_settings(site)
    audit.record("site.updated", "site", site.id, moderator_id=actor.id, site_id=site.id, before=before, after=after)
    return site


def update_moderator(
    actor: Moderator,
    moderator: Moderator,
    *,
    name: str,
    role: str,
    active: bool,
    site_slugs: list[str],
    password: str | None = None,
) -> Moderator:
    require_admin(actor)
    if role not in {r.value for r in Role}:
        raise ServiceError("invalid_role", "role must be moderator or admin", "role", 422)
    if moderator.id == actor.id and (role != Role.ADMIN.value or not active):
        raise ServiceError("self_lockout", "admins cannot demote or deactivate themselves", "role", 422)
    before = moderator_settings(moderator)
    moderator.name = name.strip() or moderator.name
    moderator.role = role
    moderator.active = active
    moderator.sites = list(db.session.execute(select(Site).where(Site.slug.in_(site_slugs))).scalars())
    if password:
        if len(password) < 8:
            raise ServiceError("weak_password", "password must be at least 8 characters", "password", 422)
        moderator.set_password(password)
    after = moderator_settings(moderator)
    if password:
        after["password"] = "changed"
    audit.record("moderator.updated", "moderator", moderator.id, moderator_id=actor.id, before=before, after=after)
    return moderator
