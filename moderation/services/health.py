"""Product health: the site's rule, and each product's way through ``ok → watch → action_plan → fixed | withdrawn
→ relaunched``.

- The rule (per site: a window, a minimum of reviews, an average) moves ``ok → watch`` and ``watch → ok``. It is
  applied by the monthly check (``check_site``, the rq job ``moderation.jobs.check_product_health`` on the insights
  queue), which the maintenance of insights workers enqueues for each site at most every ``HEALTH_CHECK_EVERY_DAYS``
  (``sweep_health``, recorded in ``Site.health_checked_at``), and on demand (console button, CLI).
- People move the rest (``change_state``): a plan has an owner moderator, a due date and notes; it ends fixed or
  withdrawn; either may be relaunched as a new subject (or version), and the old subject keeps its reviews.
- Owners are told when a plan starts and ``HEALTH_REMIND_DAYS_BEFORE`` days before its deadline: the mail
  goes through the platform's mail (an outbox message, sent by the ``mail`` queue) and is audited as
  ``health.owner_notified``.
Every transition is an audit event with the state before and after. The caller commits.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import redis
from babel.dates import format_date as babel_format_date
from flask import current_app
from sqlalchemy import func, or_, select

from ..broker import enqueue, get_redis
from ..extensions import db
from ..models import HealthState, Item, Moderator, ProductHealth, Site, Subject, utcnow
from . import audit, mail, webhooks
from .access import can_see_site, require_admin
from .dashboard import counted_reviews, rule_of
from .errors import NotFound, ServiceError
from .listing import iso
from .mail.links import public_url
from .submissions import find_subject

log = logging.getLogger(__name__)

# Enqueued by name: the job module imports this one.
CHECK_JOB = "moderation.jobs.check_product_health"
SWEEP_LOCK = "moderation:health:sweep"
MAX_NOTES_CHARS = 5000

# What people may do, from each state (the rule alone moves ok ↔ watch). A plan may be re-posted to change its
# owner or notes; its due date stays.
MANUAL_TRANSITIONS: dict[HealthState, frozenset[HealthState]] = {
    HealthState.OK: frozenset(),
    HealthState.WATCH: frozenset({HealthState.ACTION_PLAN}),
    HealthState.ACTION_PLAN: frozenset({HealthState.ACTION_PLAN, HealthState.FIXED, HealthState.WITHDRAWN}),
    HealthState.FIXED: frozenset({HealthState.RELAUNCHED}),
    HealthState.WITHDRAWN: frozenset({HealthState.RELAUNCHED}),
    HealthState.RELAUNCHED: frozenset(),
}
MANUAL_STATES = (HealthState.ACTION_PLAN, HealthState.FIXED, HealthState.WITHDRAWN, HealthState.RELAUNCHED)


# -- reading --------------------------------------------------------------------------------------------------


def health_row(subject: Subject) -> ProductHealth | None:
    return db.session.get(ProductHealth, subject.id)


def state_of(row: ProductHealth | None) -> HealthState:
    return HealthState(row.state) if row is not None else HealthState.OK


def snapshot(row: ProductHealth | None) -> dict[str, Any]:
    """What the audit log keeps before and after a transition."""
    if row is None:
        return {"state": HealthState.OK.value}
    return {
        "state": row.state,
        "owner": row.owner.email if row.owner else None,
        "due_at": iso(row.due_at),
        "notes": row.notes,
        "relaunched_as": row.relaunched_as.external_id if row.relaunched_as else None,
    }


def is_overdue(row: ProductHealth | None, now: datetime | None = None) -> bool:
    return (
        row is not None
        and row.state == HealthState.ACTION_PLAN.value
        and row.due_at is not None
        and row.due_at < (now or utcnow())
    )


def window_figures(site: Site, subject_ids: list[int] | None = None, now: datetime | None = None) -> dict:
    """Per subject of the site: reviews in the rule's window and their average (``services.dashboard``'s
    definition of a counted review)."""
    since = (now or utcnow()) - timedelta(days=site.health_window_days)
    query = (
        select(Item.subject_id, func.count(), func.avg(Item.rating))
        .where(Item.site_id == site.id, counted_reviews(), Item.created_at >= since)
        .group_by(Item.subject_id)
    )
    if subject_ids is not None:
        query = query.where(Item.subject_id.in_(subject_ids))
    return {sid: (n, float(avg) if avg is not None else None) for sid, n, avg in db.session.execute(query)}


def relaunch_of(subject: Subject) -> Subject | None:
    """The product this one relaunched, if any (its reviews are this one's history)."""
    return db.session.execute(
        select(Subject)
        .join(ProductHealth, ProductHealth.subject_id == Subject.id)
        .where(ProductHealth.relaunched_as_id == subject.id)
    ).scalar_one_or_none()


def health_json(subject: Subject, now: datetime | None = None) -> dict[str, Any]:
    """A product's health as the API and the console show it."""
    now = now or utcnow()
    row = health_row(subject)
    reviews, average = window_figures(subject.site, [subject.id], now).get(subject.id, (0, None))
    rule = rule_of(subject.site)
    previous = relaunch_of(subject)
    return {
        "subject": subject.external_id,
        "state": state_of(row).value,
        "owner": {"email": row.owner.email, "name": row.owner.name} if row is not None and row.owner else None,
        "due_at": iso(row.due_at) if row is not None else None,
        "overdue": is_overdue(row, now),
        "notes": row.notes if row is not None else None,
        "relaunched_as": row.relaunched_as.external_id if row is not None and row.relaunched_as else None,
        "relaunch_of": previous.external_id if previous is not None else None,
        "updated_at": iso(row.updated_at) if row is not None else None,
        "reviews_in_window": reviews,
        "average_in_window": round(average, 2) if average is not None else None,
        "flagged_by_rule": rule.flags(reviews, average),
        "rule": rule.as_json(),
    }


def subject_by_external_id(site: Site, external_id: str) -> Subject:
    """Raises:
    NotFound: the site has no such subject.
    """
    subject = find_subject(site, external_id)
    if subject is None:
        raise NotFound("subject", field="subject")
    return subject


@dataclass
class DashboardRow:
    subject: Subject
    row: ProductHealth
    overdue: bool


def site_overview(site_id: int, now: datetime | None = None) -> dict[str, list[DashboardRow]]:
    """Products not ``ok``, by state (plans soonest due first), and the overdue plans apart."""
    now = now or utcnow()
    rows = db.session.execute(
        select(ProductHealth, Subject)
        .join(Subject, Subject.id == ProductHealth.subject_id)
        .where(ProductHealth.site_id == site_id, ProductHealth.state != HealthState.OK.value)
        .order_by(ProductHealth.due_at.asc().nulls_last(), Subject.external_id)
    ).all()
    by_state: dict[str, list[DashboardRow]] = {s.value: [] for s in HealthState if s is not HealthState.OK}
    for row, subject in rows:
        by_state[row.state].append(DashboardRow(subject, row, is_overdue(row, now)))
    by_state["overdue"] = [entry for entry in by_state[HealthState.ACTION_PLAN.value] if entry.overdue]
    return by_state


# -- transitions ----------------------------------------------------------------------------------------------


def ensure_row(subject: Subject) -> ProductHealth:
    row = health_row(subject)
    if row is None:
        row = ProductHealth(subject_id=subject.id, site_id=subject.site_id, state=HealthState.OK.value)
        db.session.add(row)
    return row


def possible_owners(site: Site) -> list[Moderator]:
    """Active moderators who work on the site (admins work on all), by name."""
    moderators = db.session.execute(
        select(Moderator).where(Moderator.active.is_(True)).order_by(Moderator.name, Moderator.email)
    ).scalars()
    return [m for m in moderators if can_see_site(m, site.id)]


def next_states(subject: Subject) -> list[str]:
    """The states a person may move this product to now."""
    return [s.value for s in MANUAL_STATES if s in MANUAL_TRANSITIONS[state_of(health_row(subject))]]


def find_owner(site: Site, email: str | None) -> Moderator:
    """Raises:
    ServiceError: no address, or not an active moderator of the site (422, field ``owner``).
    """
    if not email or not email.strip():
        raise ServiceError("owner_required", "an action plan needs an owner (a moderator's e-mail)", "owner", 422)
    owner = db.session.execute(
        select(Moderator).where(func.lower(Moderator.email) == email.strip().lower())
    ).scalar_one_or_none()
    if owner is None or not owner.active or not can_see_site(owner, site.id):
        raise ServiceError("unknown_owner", "the owner must be an active moderator of this site", "owner", 422)
    return owner


def change_state(
    actor: Moderator,
    subject: Subject,
    state: str,
    *,
    owner_email: str | None = None,
    notes: str | None = None,
    relaunch_subject: str | None = None,
    now: datetime | None = None,
) -> ProductHealth:
    """A person's transition (see ``MANUAL_TRANSITIONS``), audited; entering a plan notifies its owner.

    Args:
        actor: the moderator (who may see the subject's site: the caller checked).
        state: action_plan (needs ``owner_email``), fixed, withdrawn or relaunched (needs ``relaunch_subject``,
            the new product's external id on the same site; created if it has no reviews yet).
        notes: kept on the plan; None leaves them as they are.

    Raises:
        ServiceError: 409 ``invalid_transition`` (field ``state``) when the product's state does not allow it;
            422 naming ``state``, ``owner``, ``notes`` or ``relaunch_subject`` when a value is wrong.
    """
    now = now or utcnow()
    try:
        target = HealthState(state)
    except ValueError:
        raise ServiceError("invalid_state", "unknown state", "state", 422) from None
    if target not in MANUAL_STATES:
        raise ServiceError(
            "invalid_transition", f"{target.value}: only the monthly check moves a product to ok or watch", "state", 409
        )
    row = health_row(subject)
    current = state_of(row)
    if target not in MANUAL_TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in MANUAL_TRANSITIONS[current])) or "none (the rule decides)"
        raise ServiceError(
            "invalid_transition", f"a product in {current.value} cannot move to {target.value}; allowed: {allowed}",
            "state", 409,
        )  # fmt: skip
    if notes is not None and len(notes) > MAX_NOTES_CHARS:
        raise ServiceError("too_long", f"notes are at most {MAX_NOTES_CHARS} characters", "notes", 422)
    before = snapshot(row)
    row = ensure_row(subject)
    site = subject.site
    starting = new_owner = False
    if target is HealthState.ACTION_PLAN:
        owner = find_owner(site, owner_email) if owner_email or current is not HealthState.ACTION_PLAN else row.owner
        starting = current is not HealthState.ACTION_PLAN
        new_owner = owner is not None and owner.id != row.owner_id
        row.owner = owner
        if starting:
            row.due_at = now + timedelta(days=current_app.config["HEALTH_PLAN_DAYS"])
            row.reminded_at = None
    elif target is HealthState.RELAUNCHED:
        row.relaunched_as = new_subject_for_relaunch(subject, relaunch_subject)
    if notes is not None:
        row.notes = notes.strip() or None
    row.state = target.value
    row.updated_at = now
    db.session.flush()
    after = snapshot(row)
    action = "health.plan_updated" if current is target else "health.state_changed"
    audit.record(action, "subject", subject.id, moderator_id=actor.id, site_id=site.id, before=before, after=after)
    if target is HealthState.ACTION_PLAN and (starting or new_owner):
        notify_owner(row, subject, "action_plan")
    return row


def new_subject_for_relaunch(subject: Subject, external_id: str | None) -> Subject:
    """The relaunched product: another subject of the same site, created when it has no reviews yet.

    Raises:
        ServiceError: 422 on ``relaunch_subject`` when missing, too long, or the product itself.
    """
    external_id = (external_id or "").strip()
    if not external_id or len(external_id) > 200 or "/" in external_id:
        raise ServiceError(
            "relaunch_subject_required", "a relaunch names the new product's id (1 to 200 characters, no '/')",
            "relaunch_subject", 422,
        )  # fmt: skip
    if external_id == subject.external_id:
        raise ServiceError("same_subject", "a relaunch names another product", "relaunch_subject", 422)
    new = db.session.execute(
        select(Subject).where(Subject.site_id == subject.site_id, Subject.external_id == external_id)
    ).scalar_one_or_none()
    if new is None:
        new = Subject(site_id=subject.site_id, external_id=external_id, title=subject.title)
        db.session.add(new)
        db.session.flush()
    return new


def apply_rule(site: Site, now: datetime | None = None) -> dict[str, int]:
    """Move ``ok → watch`` the products the rule flags and ``watch → ok`` those it no longer flags, audited as
    the system's. Other states are people's: the rule leaves them alone.

    Returns:
        How many products moved each way.
    """
    now = now or utcnow()
    rule = rule_of(site)
    figures = window_figures(site, now=now)
    rows = {
        row.subject_id: row
        for row in db.session.execute(select(ProductHealth).where(ProductHealth.site_id == site.id)).scalars()
    }
    moved = {"watch": 0, "ok": 0}
    for subject_id in sorted(set(figures) | set(rows)):
        row = rows.get(subject_id)
        current = state_of(row)
        reviews, average = figures.get(subject_id, (0, None))
        flagged = rule.flags(reviews, average)
        if current is HealthState.OK and flagged:
            target = HealthState.WATCH
        elif current is HealthState.WATCH and not flagged:
            target = HealthState.OK
        else:
            continue
        before = snapshot(row)
        if row is None:
            row = ProductHealth(subject_id=subject_id, site_id=site.id)
            db.session.add(row)
        row.state = target.value
        row.updated_at = now
        after = {**snapshot(row), "reviews_in_window": reviews, "average_in_window": average, "rule": rule.as_json()}
        audit.record("health.state_changed", "subject", subject_id, site_id=site.id, before=before, after=after)
        if target is HealthState.WATCH:
            # The shop and the product team hear it as it happens, not at the next dashboard visit.
            subject = db.session.get(Subject, subject_id)
            about = {"id": subject_id, "external_id": subject.external_id, "title": subject.title} if subject else None
            webhooks.emit(site.id, "product.at_risk", {"subject": about, "health": after})
        moved[target.value] += 1
    return moved


def remind_owners(site_id: int | None = None, now: datetime | None = None) -> int:
    """Notify each owner once when their plan is due within ``HEALTH_REMIND_DAYS_BEFORE`` days. Returns how many."""
    now = now or utcnow()
    soon = now + timedelta(days=current_app.config["HEALTH_REMIND_DAYS_BEFORE"])
    query = select(ProductHealth).where(
        ProductHealth.state == HealthState.ACTION_PLAN.value,
        ProductHealth.due_at <= soon,
        ProductHealth.reminded_at.is_(None),
    )
    if site_id is not None:
        query = query.where(ProductHealth.site_id == site_id)
    count = 0
    for row in db.session.execute(query.with_for_update(skip_locked=True)).scalars():
        notify_owner(row, row.subject, "deadline", now=now)
        row.reminded_at = now
        count += 1
    return count


def notify_owner(row: ProductHealth, subject: Subject, kind: str, now: datetime | None = None) -> None:
    """Mail the plan's owner through the platform's mail (outbox, ``mail`` queue, retries), in the owner's console
    language (the site's until they have signed in), and record it as ``health.owner_notified`` with the outbox
    message's id."""
    owner = row.owner
    if owner is None:
        return
    site = subject.site
    lang = owner.lang or site.default_lang or "en"
    due = format_date(row.due_at, lang) if row.due_at else "?"
    message = mail.write_staff_message(
        site, owner.email, f"health_{kind}", lang,
        owner_name=owner.name, product=subject.title or subject.external_id, due=due, notes=row.notes,
        product_url=public_url(f"/console/products/{subject.id}"),
    )  # fmt: skip
    audit.record(
        "health.owner_notified",
        "subject",
        subject.id,
        site_id=subject.site_id,
        after={"mail": {"to": owner.email, "kind": kind, "subject": message.subject}, "outbox_id": message.id},
    )
    log.info("health: %s mail %s for subject %s queued for %s", kind, message.id, subject.id, owner.email)


def format_date(value: datetime, lang: str) -> str:
    """A deadline as people write it: "14 January 2027" / "14 janvier 2027" (Babel, no request needed)."""
    return babel_format_date(value.date(), format="long", locale="fr" if lang == "fr" else "en_GB")


def check_site(site_id: int, now: datetime | None = None) -> dict[str, int]:
    """The monthly check of one site: apply the rule, remind owners of plans due soon, record when it ran.

    Raises:
        LookupError: no such site.
    """
    now = now or utcnow()
    site = db.session.get(Site, site_id)
    if site is None:
        raise LookupError(f"site {site_id} does not exist")
    moved = apply_rule(site, now)
    reminded = remind_owners(site.id, now)
    site.health_checked_at = now
    return {**moved, "reminded": reminded}


# -- scheduling -----------------------------------------------------------------------------------------------


def request_check(site_id: int) -> bool:
    """Enqueue the check of one site now. Returns False when Redis was unreachable (the sweep catches up)."""
    try:
        enqueue(
            current_app.config["INSIGHTS_QUEUE"],
            CHECK_JOB,
            site_id,
            job_id=f"health-check-site-{site_id}",
            timeout=current_app.config["HEALTH_JOB_TIMEOUT"],
        )
        return True
    except redis.RedisError as exc:
        log.warning("Redis unreachable, the health check of site %s waits for the sweep: %s", site_id, exc)
        return False


def due_sites(now: datetime) -> list[int]:
    cutoff = now - timedelta(days=current_app.config["HEALTH_CHECK_EVERY_DAYS"])
    query = select(Site.id).where(or_(Site.health_checked_at.is_(None), Site.health_checked_at <= cutoff))
    return list(db.session.execute(query.order_by(Site.id)).scalars())


def sweep_health(now: datetime | None = None, force: bool = False) -> int:
    """From the maintenance: enqueue the check of each site not checked for ``HEALTH_CHECK_EVERY_DAYS`` and remind
    owners of plans due soon (daily deadlines cannot wait for a monthly check). Runs at most every
    ``HEALTH_SWEEP_EVERY_S`` across workers unless ``force``; the caller commits. Returns the checks enqueued.

    A check that runs twice (a retry, a second sweep before the first ran) changes nothing the first did not.
    """
    config = current_app.config
    if not force and not get_redis().set(SWEEP_LOCK, 1, nx=True, ex=max(1, config["HEALTH_SWEEP_EVERY_S"])):
        return 0
    now = now or utcnow()
    remind_owners(now=now)
    site_ids = due_sites(now)
    return sum(request_check(site_id) for site_id in site_ids)


# -- the site's settings --------------------------------------------------------------------------------------


def update_settings(
    actor: Moderator, site: Site, *, window_days: int, min_reviews: int, max_average: float, public_responsiveness: bool
) -> Site:
    """Change the site's rule and its public responsiveness option, audited. The caller commits.

    Raises:
        Forbidden: not an admin. ServiceError: a value out of range (422, naming it).
    """
    require_admin(actor)
    if not 30 <= window_days <= 3 * 365:
        raise ServiceError("out_of_range", "the window is between 30 and 1095 days", "window_days", 422)
    if not 1 <= min_reviews <= 100_000:
        raise ServiceError("out_of_range", "the minimum of reviews is between 1 and 100000", "min_reviews", 422)
    if not 1.0 < max_average <= 5.0:
        raise ServiceError("out_of_range", "the average is above 1 and at most 5 stars", "max_average", 422)
    before = settings_json(site)
    site.health_window_days = window_days
    site.health_min_reviews = min_reviews
    site.health_max_average = max_average
    site.public_responsiveness = public_responsiveness
    audit.record(
        "health.rule_updated", "site", site.id, moderator_id=actor.id, site_id=site.id, before=before,
        after=settings_json(site),
    )  # fmt: skip
    return site


def settings_json(site: Site) -> dict[str, Any]:
    return {**rule_of(site).as_json(), "public_responsiveness": bool(site.public_responsiveness)}
