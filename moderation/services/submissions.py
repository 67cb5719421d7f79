"""Accepting reviews and comments: validation, content rules, and the committed-first insert."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from .. import metrics
from ..extensions import db
from ..models import Author, Case, CaseState, Item, ItemKind, ItemStatus, Site, Subject, utcnow
from . import policy
from .content_rules import check_content
from .errors import ServiceError
from .language import guess_language

LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")
MAX_ID = 2_147_483_647  # ids are 32-bit integers in the tables
SUBMIT_FIELDS = {"kind", "rating", "title", "body", "author", "parent_id", "lang"}


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


def _optional_str(payload: dict[str, Any], key: str, field: str, max_chars: int) -> str | None:
    value = payload.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise invalid(field, f"{field} must be a string")
    value = value.strip()
    if len(value) > max_chars:
        raise invalid(field, f"{field} must be at most {max_chars} characters", "too_long")
    return value or None


def parse_submission(payload: Any, limits: dict[str, int]) -> Submission:
    """Validate a submit payload; every refusal names its field.

    Raises:
        ServiceError: 422 naming the field at fault.
    """
    if not isinstance(payload, dict):
        raise ServiceError("invalid_json", "the request body must be a JSON object", status=400)
    unknown = sorted(set(payload) - SUBMIT_FIELDS)
    if unknown:
        raise invalid(unknown[0], f"unknown field {unknown[0]!r}", "unknown_field")

    kind = payload.get("kind")
    if kind not in (ItemKind.REVIEW.value, ItemKind.COMMENT.value):
        raise invalid("kind", "kind must be 'review' or 'comment'")

    rating = payload.get("rating")
    if kind == ItemKind.REVIEW.value:
        if rating is None:
            raise invalid("rating", "a review needs a rating from 1 to 5", "required")
        if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
            raise invalid("rating", "rating must be a whole number from 1 to 5", "invalid_rating")
    elif rating is not None:
        raise invalid("rating", "a comment has no rating", "rating_not_allowed")

    body = payload.get("body")
    if not isinstance(body, str) or not body.strip():
        raise invalid("body", "body must be a non-empty text", "required")
    if len(body) > limits["MAX_BODY_CHARS"]:
        raise invalid("body", f"body must be at most {limits['MAX_BODY_CHARS']} characters", "too_long")

    title = _optional_str(payload, "title", "title", limits["MAX_TITLE_CHARS"])

    author = payload.get("author")
    if not isinstance(author, dict):
        raise invalid("author", "author must be an object with a name", "required")
    extra = sorted(set(author) - {"name", "email"})
    if extra:
        raise invalid(f"author.{extra[0]}", f"unknown field 'author.{extra[0]}'", "unknown_field")
    name = _optional_str(author, "name", "author.name", limits["MAX_NAME_CHARS"])
    if not name:
        raise invalid("author.name", "author.name is required", "required")
    email = author.get("email")
    if email is not None and email != "":
        if not isinstance(email, str):
            raise invalid("author.email", "author.email must be a string")
        try:
            email = validate_email(email.strip(), check_deliverability=False).normalized.lower()
        except EmailNotValidError as exc:
            raise invalid("author.email", f"author.email is not a valid address: {exc}", "invalid_email") from exc
    else:
        email = None

    parent_id = payload.get("parent_id")
    if parent_id is not None:
        if kind != ItemKind.COMMENT.value:
            raise invalid("parent_id", "only comments can answer another item", "parent_not_allowed")
        if isinstance(parent_id, bool) or not isinstance(parent_id, int) or not 1 <= parent_id <= MAX_ID:
            raise invalid("parent_id", "parent_id must be a positive integer")

    lang = payload.get("lang")
    if lang is not None and (not isinstance(lang, str) or not LANG_RE.match(lang)):
        raise invalid("lang", "lang must be a language code such as 'fr' or 'en-GB'")

    return Submission(
        kind=kind,
        body=body,
        author_name=name,
        rating=rating,
        title=title,
        author_email=email,
        parent_id=parent_id,
        lang=lang.lower() if lang else None,
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
        ServiceError: 422 when the parent is unknown or belongs to another subject.
    """
    subject = get_or_create_subject(site, subject_external_id)
    if sub.parent_id is not None:
        parent = db.session.get(Item, sub.parent_id)
        if parent is None or parent.site_id != site.id:
            raise invalid("parent_id", "parent_id names no item of this site", "unknown_parent")
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
