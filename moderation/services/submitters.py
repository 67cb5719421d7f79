"""Who posted a submission, and whether the same text was posted before: the author's row (one per item when
anonymous, upserted by e-mail otherwise) and the duplicate lookup on the text's fingerprint, which on PostgreSQL
are one statement for an author with an e-mail."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import bindparam, distinct, func, or_, select, true
from sqlalchemy import case as sql_case
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm.attributes import set_committed_value

from .. import content
from ..extensions import conflict_insert, db
from ..models import Author, Item, Site, utcnow
from .local_cache import restore
from .rows import complete_row, insert_row

EMPTY_FINGERPRINT = content.fingerprint("")


def get_or_create_author(site: Site, name: str, email: str | None) -> Author:
    if email is None:
        # Anonymous: one author per item, nothing to look up; a plain INSERT.
        return insert_row(Author, new_author_values(site, name, None))
    # Known or new, one statement: INSERT … ON CONFLICT (site, e-mail) DO UPDATE the name … RETURNING the row. A
    # SELECT and then a savepoint around the INSERT cost four round trips for a new author, and raced.
    db.session.flush()  # a change to this author still pending in the session reaches the row before it is read
    values = complete_row(Author, new_author_values(site, name, email))
    row = db.session.connection().execute(author_upsert(db.engine.dialect.name), values).mappings().one()
    return upserted_author(row)


def new_author_values(site: Site, name: str, email: str | None) -> dict[str, Any]:
    """The row of an author written for the first time (an upsert of a known e-mail keeps the rest of its row)."""
    return {
        "site_id": site.id,
        "email": email,
        "name": name,
        "created_at": utcnow(),
        "notify_requested_at": None,
        "notify_confirmed_at": None,
        "unsubscribed_at": None,
    }


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
    return on_known_email(conflict_insert(Author.__table__))


def on_known_email(new: Any) -> Any:
    """``new`` (an INSERT into authors) as the upsert: an e-mail the site knows keeps its row and takes the new name;
    the row is returned either way."""
    table = Author.__table__
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
    values = complete_row(Author, new_author_values(site, name, email))
    parameters = {f"author_{key}": value for key, value in values.items()}
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
    new = postgresql.insert(table).values(
        {c.key: bindparam(f"author_{c.key}", type_=c.type) for c in table.c if c.key != "id"}
    )
    upserted = on_known_email(new).cte("upserted")
    same, first, authors = duplicate_columns(select(upserted.c.id).scalar_subquery())
    duplicate = (
        select(same.label("duplicate_same"), first.label("duplicate_first"), authors.label("duplicate_authors"))
        .where(*_DUPLICATE_WINDOW)
        .subquery("duplicate")
    )
    # Joined on true, not listed side by side: one row each, and SQLAlchemy's linter sees no cartesian product.
    return select(*upserted.c, *duplicate.c).select_from(upserted.join(duplicate, true()))


def long_enough(sub: Any) -> bool:
    """Whether ``sub``'s text (a ``submissions.Submission``) says enough that several people writing it word for word
    is a campaign, not chance: "Très bon produit, je recommande" is written by many customers; twelve words the same
    are copied."""
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


def duplicate_columns(author_id: Any) -> tuple[Any, Any, Any]:
    """DUPLICATE_QUERY's three values over the window's copies: the earliest by the same source (``author_id``, or
    the address), the earliest of all, and how many authors posted them."""
    same_source = or_(_ITEMS.author_id == author_id, _ITEMS.client_key == bindparam("client_key"))
    return func.min(sql_case((same_source, _ITEMS.id))), func.min(_ITEMS.id), func.count(distinct(_ITEMS.author_id))


DUPLICATE_QUERY = select(*duplicate_columns(bindparam("author_id"))).where(*_DUPLICATE_WINDOW)
