"""Accepting reviews and comments: validation, content rules (``moderation.content``), and the committed-first
insert with every case the rating and the rules decide."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from .. import content, metrics
from ..extensions import db
from ..models import CaseState, Item, ItemStatus, Site, Subject, SubjectMode, utcnow
from ..schemas.common import subject_id_problem
from ..schemas.submissions import check_submission
from ..vocabulary import GONE_STATUSES, Reason
from . import audit, authors, campaigns, listing_cache, mail, policy, webhooks
from .errors import ServiceError
from .listing import find_subject
from .rows import insert_item_with_case, insert_row
from .site_rules import LOGGED_RULE_EVENT, site_rules
from .submitters import author_and_duplicate, duplicate_window_start, long_enough


@dataclass
class Submission:
    kind: str
    body: str
    author_name: str
    rating: int | None = None
    title: str | None = None
    author_email: str | None = None
    author_notify: bool = False
    parent_id: int | None = None
    lang: str | None = None


def invalid(field: str, message: str, code: str = "invalid") -> ServiceError:
    return ServiceError(code, message, field=field, status=422 if code != "invalid_json" else 400)


def parse_submission(payload: Any, limits: Mapping[str, Any] | None = None) -> Submission:
    """Validate a submit payload against the API's submit shape; every refusal names its field.

    ``limits`` (the app's config) may lower the body and title maxima below the documented ones.

    Raises:
        ServiceError: 400 when the payload is not an object; 422 naming the field at fault.
    """
    shape = check_submission(payload, limits)
    return Submission(
        kind=shape.kind,
        body=shape.body,
        author_name=shape.author.name,
        rating=shape.rating,
        title=shape.title,
        author_email=shape.author.email,
        author_notify=shape.author.notify,
        parent_id=shape.parent_id,
        lang=shape.lang,
    )


def check_subject_id(external_id: str) -> str:
    """``external_id`` if it can name a subject (``schemas.common.subject_id_problem``); else a 422 naming it."""
    problem = subject_id_problem(external_id)
    if problem is not None:
        raise invalid("subject", problem, "invalid_text")
    return external_id


def require_public_subject(site: Site, external_id: str) -> None:
    """On a site with a subject catalogue, the public API knows only declared subjects: 404 for any other.

    Open sites create a subject on its first post, as before.
    """
    if site.subjects == SubjectMode.CATALOGUE and find_subject(site, external_id) is None:
        raise ServiceError("not_found", "no such subject on this site", field="subject", status=404)


def get_or_create_subject(site: Site, external_id: str, title: str | None = None) -> Subject:
    """The site's subject ``external_id``, created when new (the caller decides who may create one)."""
    check_subject_id(external_id)
    subject = find_subject(site, external_id)
    if subject is None:
        try:
            with db.session.begin_nested():
                subject = Subject(site_id=site.id, external_id=external_id, title=title)
                db.session.add(subject)
        except IntegrityError:  # created by a concurrent request
            subject = find_subject(site, external_id)
            assert subject is not None
    elif title is not None:
        subject.title = title
    return subject


def create_item(
    site: Site,
    subject_external_id: str,
    sub: Submission,
    *,
    external_id: str | None = None,
    created_at: datetime | None = None,
    client_key: str | None = None,
) -> Item:
    """Insert an item (the caller commits), holding it at once when a content rule matches.

    Everything the rating and the rules decide is decided here, in the caller's transaction: a held item, a
    flagged one, a safety complaint and a 1–2★ review each have their case before the caller commits, so they are
    in the queue even while Redis and every worker are down. The model only adds to that case later.

    Args:
        client_key: a keyed hash of the submitting browser's address (``services.votes.client_key``), or None for
            server integrations and imports, whose address says nothing about the author.

    Raises:
        ServiceError: 404 when the parent is unknown; 409 when it belongs to another subject or was removed.
    """
    subject = get_or_create_subject(site, subject_external_id)
    if sub.parent_id is not None:
        parent = db.session.get(Item, sub.parent_id)
        if parent is None or parent.site_id != site.id:
            # 404, like an unknown site: the request is well-formed, what it points at does not exist.
            raise ServiceError("unknown_parent", "parent_id names no item of this site", "parent_id", 404)
        # 409, not 422: the body is valid (no schema can say which ids are in which thread), the stored items
        # conflict with it; a client that follows the document is not told its request is malformed.
        if parent.subject_id != subject.id:
            raise ServiceError("parent_other_subject", "parent_id belongs to another subject", "parent_id", 409)
        if parent.status in GONE_STATUSES:
            raise ServiceError("parent_removed", "parent_id names a removed item", "parent_id", 409)

    declared = sub.lang.split("-")[0] if sub.lang else None
    texts = {"title": sub.title or "", "body": sub.body, "author_name": sub.author_name}
    # The brand's name guards the signature of what is posted here; an imported or outside post (an external id)
    # keeps the name it had where it was written, where the brand's own account may well have written it.
    brand = site.name if external_id is None else None
    verdict = content.evaluate(
        texts, site_rules(site.word_list), language=declared, brand=brand, own_sites=site.allowed_origins or ()
    )
    now = utcnow()
    created_at = created_at or now
    # The fingerprint of f"{title}\n{body}", from the views the rules have just built (no second normalisation).
    text_fingerprint = verdict.fingerprint_of("title", "body")
    hold_reasons = list(verdict.hold_reasons)
    evidence = match_evidence(verdict.matches)
    # The author's upsert is the first write: on SQLite it takes the write lock, so the rules run before it.
    author, duplicate = author_and_duplicate(
        site,
        sub.author_name,
        sub.author_email,
        client_key,
        text_fingerprint,
        created_at,
        campaign=external_id is None and long_enough(sub),
    )
    if duplicate is not None:
        hold_reasons.append(Reason.DUPLICATE.value)
        evidence[Reason.DUPLICATE.value] = duplicate
    hold_reasons = authors.holds_for(author, hold_reasons, evidence)  # a moderator's block, hold or trust
    held = bool(hold_reasons)
    db.session.flush()  # the subject and author, when new, have their ids
    item_values = {
        "site_id": site.id,
        "subject_id": subject.id,
        "author_id": author.id,
        "parent_id": sub.parent_id,
        "kind": sub.kind,
        "rating": sub.rating,
        "title": sub.title,
        "body": sub.body,
        # "und" is stored as NULL: the console's language filter and reply templates treat NULL as "not known".
        "lang": sub.lang or (verdict.language if verdict.language != "und" else None),
        "status": ItemStatus.HELD.value if held else ItemStatus.PUBLISHED.value,
        "hold_reasons": hold_reasons,
        "rejection_reason": None,
        "external_id": external_id,
        "helpful_count": 0,
        "fingerprint": text_fingerprint,
        "client_key": client_key,
        "created_at": created_at,
        "scored_at": None,
    }
    # What the stars alone decide (a 1–2★ review needs an answer) is decided now; the model only adds.
    rating_reasons = policy.flag_reasons(sub.rating, None, policy.effective_policy(site.policy))
    if Reason.LOW_RATING in rating_reasons:
        evidence[Reason.LOW_RATING.value] = {"rating": sub.rating}
    reasons = list(dict.fromkeys([*hold_reasons, *verdict.flag_reasons, *verdict.lifts, *rating_reasons]))
    # Core INSERT … RETURNING rather than the unit of work: much less Python per submission. An item that opens its
    # case is written with it (and the case's audit event), on PostgreSQL in one statement.
    case = None
    if reasons:
        # Held: content moderation, the item waits hidden for approve or reject. Otherwise it stays public and the
        # case waits for an answer (flagged by a site rule, a safety complaint, a low rating).
        when = urgency_at(site, sub.rating, external_id, created_at, None, reasons)
        item, case = insert_item_with_case(
            item_values,
            {
                "site_id": site.id,
                "reasons": reasons,
                "evidence": evidence,
                "priority": when.priority,
                "due_at": when.due_at,
                "state": CaseState.OPEN.value,
                "claimed_by_id": None,
                "claim_expires_at": None,
                "model_version": None,
                "stale": False,
                "created_at": now,
                "updated_at": now,
                "first_answered_at": None,
                "closed_at": None,
            },
            "case.opened",
            site_id=site.id,
            after={"reasons": reasons},
        )
    else:
        item = insert_row(Item, item_values)
    # A new item has no case, replies or scores yet: said to the session, so that adding its case does not load them.
    for empty, value in (("case", case), ("replies", []), ("scores", [])):
        set_committed_value(item, empty, value)
    if not held:
        # The unit of work would have told the listing cache; a Core INSERT says it itself.
        listing_cache.changed(site.id, subject.id)
    if case is not None:
        set_committed_value(case, "item", item)
        trigger = "content_rules" if (held or verdict.flag_reasons or verdict.lifts) else "rating"
        metrics.count_case_opened(db.session, site.slug, trigger)
        webhooks.emit(site.id, "case.opened", lambda: webhooks.case_data(case))
    db.session.flush()
    if duplicate is not None and "authors" in duplicate and Reason.DUPLICATE.value in hold_reasons:
        # A campaign shows with this copy: the copies before it, published while each was alone, are held too.
        campaigns.hold_earlier_copies(item, duplicate, duplicate_window_start(created_at))
    webhooks.emit(site.id, "item.created", lambda: webhooks.item_data(item))
    if sub.author_notify:
        mail.request_consent(author, item)
    if verdict.log_matches:
        # Shadow-mode rules change nothing; admins see how often each would have fired (console site page).
        audit.record(
            LOGGED_RULE_EVENT,
            "item",
            item.id,
            site_id=site.id,
            after={"matches": match_evidence(verdict.log_matches).get(Reason.SITE_WORD.value, [])},
        )
    return item


# Enough spans to highlight a long text; a review with more matches than this is held for all of them anyway.
MAX_SPANS_PER_REASON = 20


def match_evidence(matches: list[content.Match]) -> dict[str, Any]:
    """Per reason, which rule fired on which field and where: spans into the stored text, never the text itself.

    The console highlights the spans in the item it shows; an excerpt here would copy personal data around.
    """
    evidence: dict[str, Any] = {}
    for match in matches:
        spans = evidence.setdefault(match.reason, [])
        if len(spans) < MAX_SPANS_PER_REASON:
            spans.append(
                {
                    # A safety "rule" is the phrase that fired, which is the customer's own words: kept short.
                    "rule": match.rule[:60],
                    "field": match.field,
                    "start": match.start,
                    "end": match.end,
                    "action": str(match.action),
                }
            )
    return evidence


def urgency_for(site: Site, item: Item, negative_probability: float | None, reasons: list[str]) -> policy.Urgency:
    """Priority and deadline of ``item``'s case; the SLA clock starts when this platform accepted the item.

    A live submission is accepted when it is created. An imported item (the only kind with an ``external_id``)
    keeps its original ``created_at`` for display, but its deadline runs from now (the import, or the first
    scoring after it): an 11-month-old review is never overdue on arrival.
    """
    return urgency_at(site, item.rating, item.external_id, item.created_at, negative_probability, reasons)


def urgency_at(
    site: Site,
    rating: int | None,
    external_id: str | None,
    created_at: datetime | None,
    negative_probability: float | None,
    reasons: list[str],
) -> policy.Urgency:
    """``urgency_for`` an item with this rating, external id and creation time (one not written yet)."""
    accepted_at = utcnow() if external_id is not None or created_at is None else created_at
    return policy.urgency(
        rating,
        negative_probability,
        reasons,
        accepted_at,
        site.sla_low_rating_hours,
        site.sla_default_hours,
        current_app.config.get("SLA_SAFETY_HOURS", 4),
    )
