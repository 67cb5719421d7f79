"""Accepting reviews and comments: validation, content rules (``moderation.content``), and the committed-first
insert with every case the rating and the rules decide."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from flask import current_app
from sqlalchemy import bindparam, cast, distinct, func, insert, or_, select, true
from sqlalchemy import case as sql_case
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from .. import content, metrics
from ..extensions import conflict_insert, db
from ..folding import fold_fields
from ..models import AuditEvent, Author, Case, CaseState, Item, ItemStatus, Site, Subject, SubjectMode, utcnow
from ..models.search import SEARCHED
from ..schemas.common import subject_id_problem
from ..schemas.submissions import check_submission
from ..vocabulary import GONE_STATUSES, Reason
from . import audit, authors, campaigns, listing_cache, mail, policy, webhooks
from .errors import ServiceError
from .listing import find_subject
from .local_cache import restore
from .site_rules import LOGGED_RULE_EVENT, site_rules

RowT = TypeVar("RowT")


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


def insert_row(model: type[RowT], values: dict[str, Any]) -> RowT:
    """``INSERT … RETURNING id`` with Core (no unit of work), then the row as a persistent instance of this session,
    known without a query. ``values`` must name every column but the id: the instance is built from them."""
    table = model.__table__  # type: ignore[attr-defined]
    values = complete_row(model, values)
    # On the session's connection, as ``Session.execute`` does for a Core statement after its ORM dispatch.
    values["id"] = db.session.connection().execute(insert_returning_id(table), values).scalar_one()
    return restore(model, values)


def insert_case_and_event(values: dict[str, Any], action: str, *, site_id: int, after: dict[str, Any]) -> Case:
    """``insert_row(Case, values)`` and its audit event (``audit.insert_now(action, "case", <the case's id>, …)``).

    On PostgreSQL one statement: the case's INSERT is a data-modifying CTE whose id the event's INSERT … SELECT
    takes, one round trip and one statement execution fewer for every case opened at submit. SQLite has no
    data-modifying CTE: two statements there, as before.
    """
    values = complete_row(Case, values)
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        event = audit.event_values(action, "case", None, None, site_id, None, after)
        parameters = {f"case_{key}": value for key, value in values.items()}
        parameters.update({f"event_{key}": event[key] for key in CASE_EVENT_COLUMNS})
        values["id"] = connection.execute(case_and_event_insert(), parameters).scalar_one()
    else:
        values["id"] = connection.execute(insert_returning_id(Case.__table__), values).scalar_one()
        audit.insert_now(action, "case", values["id"], site_id=site_id, after=after)
    return restore(Case, values)


# The event's columns given as parameters; ``target_id`` comes from the case's INSERT.
CASE_EVENT_COLUMNS = ("at", "moderator_id", "action", "target_type", "site_id", "before", "after")


@functools.cache
def case_and_event_insert() -> Any:
    """``WITH new_case AS (INSERT INTO cases … RETURNING id) INSERT INTO audit_events … SELECT …, new_case.id FROM
    new_case RETURNING target_id``, built once; parameters ``case_<column>`` and ``event_<column>``. The event's
    values are cast to their columns' types: a parameter in a SELECT list has no column to take its type from."""
    cases, events = Case.__table__, AuditEvent.__table__
    new_case = (
        insert(cases)
        .values(
            {column.key: bindparam(f"case_{column.key}", type_=column.type) for column in cases.c if column.key != "id"}
        )
        .returning(cases.c.id)
        .cte("new_case")
    )
    chosen = select(
        *(cast(bindparam(f"event_{key}", type_=events.c[key].type), events.c[key].type) for key in CASE_EVENT_COLUMNS),
        new_case.c.id,
    )
    return insert(events).from_select([*CASE_EVENT_COLUMNS, "target_id"], chosen).returning(events.c.target_id)


@functools.cache
def insert_returning_id(table: Any) -> Any:
    """One statement object per table, values as parameters: compiled once, not rebuilt and re-keyed per request."""
    return insert(table).returning(table.c.id)


def complete_row(model: type[RowT], values: dict[str, Any]) -> dict[str, Any]:
    """What the unit of work would have added: each column's Python default where ``values`` leaves it out, and
    the folded ``search_text`` the mapper's insert listener keeps (models.search), which a Core INSERT bypasses.
    A column added later is covered without touching the callers."""
    defaults, computed = column_defaults(model)
    for key in computed:
        if key not in values:
            raise ValueError(f"{model.__name__}.{key} has a computed default: give it a value")
    values = {**defaults, **values}
    if model in SEARCHED:
        values["search_text"] = fold_fields(*(values.get(name) for name in SEARCHED[model]))
    return values


@functools.cache
def column_defaults(model: type) -> tuple[dict[str, Any], tuple[str, ...]]:
    """Each column's scalar Python default (None without one), and the columns whose default is computed, which
    ``complete_row`` cannot supply; the id left out. Read once per model, not per row."""
    defaults: dict[str, Any] = {}
    computed: list[str] = []
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        if column.key == "id":
            continue
        default = column.default
        if default is not None and not default.is_scalar:
            computed.append(column.key)
        else:
            defaults[column.key] = default.arg if default is not None else None
    return defaults, tuple(computed)


def get_or_create_author(site: Site, name: str, email: str | None) -> Author:
    if email is None:
        # Anonymous: one author per item, nothing to look up; a plain INSERT.
        return insert_row(
            Author,
            {
                "site_id": site.id,
                "email": None,
                "name": name,
                "created_at": utcnow(),
                "notify_requested_at": None,
                "notify_confirmed_at": None,
                "unsubscribed_at": None,
            },
        )
    # Known or new, one statement: INSERT … ON CONFLICT (site, e-mail) DO UPDATE the name … RETURNING the row. A
    # SELECT and then a savepoint around the INSERT cost four round trips for a new author, and raced.
    db.session.flush()  # a change to this author still pending in the session reaches the row before it is read
    values = known_author_values(site, name, email)
    row = db.session.connection().execute(author_upsert(db.engine.dialect.name), values).mappings().one()
    return upserted_author(row)


def known_author_values(site: Site, name: str, email: str) -> dict[str, Any]:
    """The row the upsert of an author with an e-mail writes when the author is new."""
    return complete_row(
        Author,
        {
            "site_id": site.id,
            "email": email,
            "name": name,
            "created_at": utcnow(),
            "notify_requested_at": None,
            "notify_confirmed_at": None,
            "unsubscribed_at": None,
        },
    )


def upserted_author(row: Mapping[str, Any]) -> Author:
    """The author the upsert returned as ``row``: the session's instance brought up to date, or a new one."""
    known = db.session.identity_map.get(db.session.identity_key(Author, row["id"]))
    if known is None:
        return restore(Author, dict(row))
    for key, value in row.items():  # the session's instance was flushed above: the row is what it says now
        set_committed_value(known, key, value)
    return known


@functools.cache
def author_upsert(dialect: str) -> Any:
    """The author upsert, built once per dialect (``dialect`` is the cache key; ``conflict_insert`` reads it)."""
    table = Author.__table__
    new = conflict_insert(table)
    return new.on_conflict_do_update(
        index_elements=[table.c.site_id, table.c.email],
        set_={"name": new.excluded.name, "search_text": new.excluded.search_text},
    ).returning(*table.c)


def author_and_duplicate(
    site: Site,
    name: str,
    email: str | None,
    client_key: str | None,
    text_fingerprint: str,
    at: datetime,
    campaign: bool,
) -> tuple[Author, dict[str, int] | None]:
    """``get_or_create_author``, then ``find_duplicate`` of the text for that author.

    On PostgreSQL, for an author with an e-mail, one statement: the upsert is a data-modifying CTE whose id the
    duplicate lookup reads (``author_upsert_with_duplicates``), one round trip and one statement execution fewer.
    Anywhere else, and when the duplicate rule has nothing to look up, the two steps as they are.
    """
    since = duplicate_window_start(at)
    if (
        email is None
        or since is None
        or text_fingerprint == EMPTY_FINGERPRINT
        or db.engine.dialect.name != "postgresql"
    ):
        author = get_or_create_author(site, name, email)
        return author, find_duplicate(site, author, client_key, text_fingerprint, at, campaign=campaign)
    db.session.flush()  # as get_or_create_author: a pending change to this author reaches the row first
    parameters = {f"author_{key}": value for key, value in known_author_values(site, name, email).items()}
    parameters.update(
        {
            "site_id": site.id,
            "fingerprint": text_fingerprint,
            "since": since,
            "until": at,
            "client_key": client_key or None,
        }
    )
    row = dict(db.session.connection().execute(author_upsert_with_duplicates(), parameters).mappings().one())
    same, first, authors = (row.pop(f"duplicate_{key}") for key in ("same", "first", "authors"))
    copies = current_app.config["CAMPAIGN_MIN_COPIES"] if campaign else 0
    return upserted_author(row), duplicate_evidence(same, first, authors, copies)


@functools.cache
def author_upsert_with_duplicates() -> Any:
    """PostgreSQL: ``WITH upserted AS (<the author upsert> RETURNING *) SELECT upserted.*, duplicate.* FROM
    upserted JOIN (<DUPLICATE_QUERY with author_id = the upserted id>) AS duplicate ON true``, built once. The
    author's values are parameters ``author_<column>``; the lookup's are DUPLICATE_QUERY's but ``author_id``."""
    table = Author.__table__
    new = postgresql.insert(table)
    upserted = (
        new.values({c.key: bindparam(f"author_{c.key}", type_=c.type) for c in table.c if c.key != "id"})
        .on_conflict_do_update(
            index_elements=[table.c.site_id, table.c.email],
            set_={"name": new.excluded.name, "search_text": new.excluded.search_text},
        )
        .returning(*table.c)
        .cte("upserted")
    )
    same_source = or_(
        _ITEMS.author_id == select(upserted.c.id).scalar_subquery(), _ITEMS.client_key == bindparam("client_key")
    )
    duplicate = (
        select(
            func.min(sql_case((same_source, _ITEMS.id))).label("duplicate_same"),
            func.min(_ITEMS.id).label("duplicate_first"),
            func.count(distinct(_ITEMS.author_id)).label("duplicate_authors"),
        )
        .where(*_DUPLICATE_WINDOW)
        .subquery("duplicate")
    )
    # Joined on true, not listed side by side: one row each, and SQLAlchemy's linter sees no cartesian product.
    return select(*upserted.c, *duplicate.c).select_from(upserted.join(duplicate, true()))


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
    text_fingerprint = content.fingerprint(f"{sub.title or ''}\n{sub.body}")
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
    # Core INSERT … RETURNING rather than the unit of work: one statement and much less Python per submission.
    item = insert_row(
        Item,
        {
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
        },
    )
    # A new item has no case, replies or scores yet: said to the session, so that adding its case does not load them.
    for empty, value in (("case", None), ("replies", []), ("scores", [])):
        set_committed_value(item, empty, value)
    if not held:
        # The unit of work would have told the listing cache; a Core INSERT says it itself.
        listing_cache.changed(site.id, subject.id)
    # What the stars alone decide (a 1–2★ review needs an answer) is decided now; the model only adds.
    rating_reasons = policy.flag_reasons(sub.rating, None, policy.effective_policy(site.policy))
    if Reason.LOW_RATING in rating_reasons:
        evidence[Reason.LOW_RATING.value] = {"rating": sub.rating}
    reasons = list(dict.fromkeys([*hold_reasons, *verdict.flag_reasons, *verdict.lifts, *rating_reasons]))
    if reasons:
        # Held: content moderation, the item waits hidden for approve or reject. Otherwise it stays public and the
        # case waits for an answer (flagged by a site rule, a safety complaint, a low rating).
        when = urgency_for(site, item, None, reasons)
        # Core INSERT too: the unit of work (relationship bookkeeping, flush ordering) cost more than the INSERT.
        case = insert_case_and_event(
            {
                "site_id": site.id,
                "item_id": item.id,
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
        set_committed_value(item, "case", case)
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
EMPTY_FINGERPRINT = content.fingerprint("")


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


def long_enough(sub: Submission) -> bool:
    """Whether ``sub``'s text says enough that several people writing it word for word is a campaign, not chance:
    "Très bon produit, je recommande" is written by many customers; twelve words the same are copied."""
    words = len(f"{sub.title or ''} {sub.body}".split())
    return words >= current_app.config["CAMPAIGN_MIN_WORDS"]


def find_duplicate(
    site: Site, author: Author, client_key: str | None, text_fingerprint: str, at: datetime, campaign: bool = False
) -> dict[str, int] | None:
    """The ``duplicate`` evidence for a text of ``site`` posted before within the window, or None.

    - The same author (e-mail) or address: ``{"item_id": the earliest copy}``. Anonymous authors are one per item,
      so without an e-mail only the address can tie two items together.
    - With ``campaign``, a text that ``CAMPAIGN_MIN_COPIES - 1`` other authors posted already: a copy-paste campaign
      (astroturfing, a review bomb), ``{"item_id": the earliest copy, "authors": how many posted it, this one
      included}``. The caller holds the earlier copies (``campaigns.hold_earlier_copies``).

    One statement on ``ix_items_site_fingerprint``.
    """
    since = duplicate_window_start(at)
    copies = current_app.config["CAMPAIGN_MIN_COPIES"] if campaign else 0
    author_id = author.id if author.email is not None else None
    if since is None or text_fingerprint == EMPTY_FINGERPRINT or (author_id is None and not client_key and not copies):
        return None
    # One statement built once (an absent source compares with NULL, which matches nothing): building the query
    # per submission cost more than running it.
    parameters = {
        "site_id": site.id,
        "fingerprint": text_fingerprint,
        "since": since,
        "until": at,
        "author_id": author_id,
        "client_key": client_key or None,
    }
    # Core on the session's connection (the query names no entity): an ORM select would first flush the session,
    # which this does itself, and then go through the ORM's statement dispatch, for three plain values.
    db.session.flush()
    same, first, authors = db.session.connection().execute(DUPLICATE_QUERY, parameters).one()
    return duplicate_evidence(same, first, authors, copies)


def duplicate_evidence(same: int | None, first: int | None, authors: int, copies: int) -> dict[str, int] | None:
    """What DUPLICATE_QUERY's three values say (``find_duplicate``): the earliest copy by the same source, else a
    campaign's earliest copy when ``copies`` (0: not looked for) authors have now posted the text, else None."""
    if same is not None:
        return {"item_id": same}
    if copies and authors + 1 >= copies:
        return {"item_id": first, "authors": authors + 1}
    return None


def duplicate_window_start(at: datetime) -> datetime | None:
    """Where the duplicate window ending at ``at`` starts; None when ``DUPLICATE_WINDOW_HOURS`` turns the rule off."""
    hours = current_app.config.get("DUPLICATE_WINDOW_HOURS", 24)
    return at - timedelta(hours=hours) if hours else None


_ITEMS = Item.__table__.c
_DUPLICATE_WINDOW = (
    _ITEMS.site_id == bindparam("site_id"),
    _ITEMS.fingerprint == bindparam("fingerprint"),
    _ITEMS.created_at >= bindparam("since"),
    _ITEMS.created_at <= bindparam("until"),
)
_SAME_SOURCE = or_(_ITEMS.author_id == bindparam("author_id"), _ITEMS.client_key == bindparam("client_key"))
DUPLICATE_QUERY = select(
    func.min(sql_case((_SAME_SOURCE, _ITEMS.id))), func.min(_ITEMS.id), func.count(distinct(_ITEMS.author_id))
).where(*_DUPLICATE_WINDOW)


def urgency_for(site: Site, item: Item, negative_probability: float | None, reasons: list[str]) -> policy.Urgency:
    """Priority and deadline of ``item``'s case; the SLA clock starts when this platform accepted the item.

    A live submission is accepted when it is created. An imported item (the only kind with an ``external_id``)
    keeps its original ``created_at`` for display, but its deadline runs from now (the import, or the first
    scoring after it): an 11-month-old review is never overdue on arrival.
    """
    accepted_at = utcnow() if item.external_id is not None or item.created_at is None else item.created_at
    return policy.urgency(
        item.rating,
        negative_probability,
        reasons,
        accepted_at,
        site.sla_low_rating_hours,
        site.sla_default_hours,
        current_app.config.get("SLA_SAFETY_HOURS", 4),
    )
