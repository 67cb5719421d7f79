"""Accepting reviews and comments: validation, content rules, and the committed-first insert."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import metrics
from ..extensions import db
from ..models import Author, Case, CaseState, Item, ItemStatus, Site, Subject, utcnow
from ..schemas.submissions import check_submission
from . import policy
from .content_rules import check_content
from .errors import ServiceError
from .language import guess_language


@dataclass
class Submission:
    kind: str
    body: str
    author_name: str
    rating: int | None = None
    title: str | None = None
    author_email: str | None = None
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
        parent_id=shape.parent_id,
        lang=shape.lang,
    )


def get_or_create_subject(site: Site, external_id: str) -> Subject:
    if not external_id or len(external_id) > 200:
        raise invalid("subject", "subject must be 1 to 200 characters")
    query = select(Subject).where(Subject.site_id == site.id, Subject.external_id == external_id)
    subject = db.session.execute(query).scalar_one_or_none()
    if subject is None:
        try:
            with db.session.begin_nested():
                subject = Subject(site_id=site.id, external_id=external_id)
                db.session.add(subject)
        except IntegrityError:  # created by a concurrent request
            subject = db.session.execute(query).scalar_one()
    return subject


def get_or_create_author(site: Site, name: str, email: str | None) -> Author:
    if email is None:
        author = Author(site_id=site.id, name=name)
        db.session.add(author)
        return author
    query = select(Author).where(Author.site_id == site.id, Author.email == email)
    author = db.session.execute(query).scalar_one_or_none()
    if author is None:
        try:
            with db.session.begin_nested():
                author = Author(site_id=site.id, name=name, email=email)
                db.session.add(author)
        except IntegrityError:
            author = db.session.execute(query).scalar_one()
    elif author.name != name:
        author.name = name
    return author


def create_item(
    site: Site,
    subject_external_id: str,
    sub: Submission,
    *,
    external_id: str | None = None,
    created_at: datetime | None = None,
) -> Item:
    """Insert an item (the caller commits), holding it at once when a content rule matches.

    Raises:
        ServiceError: 404 when the parent is unknown; 422 when it belongs to another subject or was removed.
    """
    subject = get_or_create_subject(site, subject_external_id)
    if sub.parent_id is not None:
        parent = db.session.get(Item, sub.parent_id)
        if parent is None or parent.site_id != site.id:
            # 404, like an unknown site: the request is well-formed, what it points at does not exist.
            raise ServiceError("unknown_parent", "parent_id names no item of this site", "parent_id", 404)
        if parent.subject_id != subject.id:
            raise invalid("parent_id", "parent_id belongs to another subject", "parent_other_subject")
        if parent.status == ItemStatus.REMOVED.value:
            raise invalid("parent_id", "parent_id names a removed item", "parent_removed")

    author = get_or_create_author(site, sub.author_name, sub.author_email)
    rules = check_content([sub.title or "", sub.body, sub.author_name], site.word_list or [])
    now = utcnow()
    item = Item(
        site_id=site.id,
        subject=subject,
        author=author,
        parent_id=sub.parent_id,
        kind=sub.kind,
        rating=sub.rating,
        title=sub.title,
        body=sub.body,
        lang=sub.lang or guess_language(f"{sub.title or ''} {sub.body}"),
        status=ItemStatus.HELD.value if rules.hold else ItemStatus.PUBLISHED.value,
        hold_reasons=rules.reasons,
        external_id=external_id,
        created_at=created_at or now,
    )
    db.session.add(item)
    if rules.hold:
        # Content moderation: the item waits, hidden, for a moderator to approve or reject it.
        when = urgency_for(site, item, None, rules.reasons)
        db.session.add(
            Case(
                site_id=site.id,
                item=item,
                reasons=list(rules.reasons),
                evidence={k: v for k, v in rules.evidence.items()},
                priority=when.priority,
                due_at=when.due_at,
                state=CaseState.OPEN.value,
            )
        )
        metrics.count_case_opened(db.session, site.slug, "content_rules")
    db.session.flush()
    return item


def urgency_for(site: Site, item: Item, negative_probability: float | None, reasons: list[str]) -> policy.Urgency:
    return policy.urgency(
        item.rating,
        negative_probability,
        reasons,
        item.created_at or utcnow(),
        site.sla_low_rating_hours,
        site.sla_default_hours,
    )
