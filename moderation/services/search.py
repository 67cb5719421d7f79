"""The console's search: folded text (``moderation.folding``) matched with ``LIKE`` on the ``search_text`` columns.

Accents and case do not matter ("echange" finds "Échange"), on SQLite and PostgreSQL alike; on PostgreSQL each
column has a trigram index (migration 0015) that serves ``LIKE '%words%'``. Authors and subjects are looked up
first, in their own small tables, and the queue then filters items by id lists: two index lookups the planner can
combine, instead of a join it would have to run for every waiting case.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, or_, select

from ..extensions import db
from ..folding import fold
from ..models import Author, Item, Subject

# An author search matching more authors than this (a shared e-mail domain) keeps the first ones; the text match
# still finds every item.
AUTHOR_CAP = 500
SUBJECT_CAP = 200
PICKER_SIZE = 20


def folded_contains(column: ColumnElement, words: str) -> ColumnElement | None:
    """``column LIKE '%folded words%'`` (``%`` and ``_`` typed by the moderator are literal); None for no words."""
    folded = fold(words)
    return column.contains(folded, autoescape=True) if folded else None


def _in_sites(query, column, site_ids: Sequence[int] | None):
    return query if site_ids is None else query.where(column.in_(site_ids))


def author_ids(words: str, site_ids: Sequence[int] | None = None, cap: int = AUTHOR_CAP) -> list[int]:
    """Authors of these sites whose name or e-mail contains ``words`` (folded), at most ``cap``."""
    match = folded_contains(Author.search_text, words)
    if match is None:
        return []
    query = _in_sites(select(Author.id).where(match), Author.site_id, site_ids).order_by(Author.id).limit(cap)
    return list(db.session.execute(query).scalars())


def item_match(words: str, site_ids: Sequence[int] | None = None) -> ColumnElement | None:
    """Items whose title or text contains ``words``, or whose author's name or e-mail does (folded)."""
    text = folded_contains(Item.search_text, words)
    if text is None:
        return None
    authors = author_ids(words, site_ids)
    return or_(text, Item.author_id.in_(authors)) if authors else text


def subject_ids(value: str, site_ids: Sequence[int] | None = None, cap: int = SUBJECT_CAP) -> list[int]:
    """The subjects a product filter names: those whose id is exactly ``value`` (a SKU picked from the list), else
    those whose id or name contains it (folded). An empty list matches nothing."""
    exact = _in_sites(select(Subject.id).where(Subject.external_id == value), Subject.site_id, site_ids)
    found = list(db.session.execute(exact.limit(cap)).scalars())
    if found:
        return found
    match = folded_contains(Subject.search_text, value)
    if match is None:
        return []
    query = _in_sites(select(Subject.id).where(match), Subject.site_id, site_ids).order_by(Subject.id).limit(cap)
    return list(db.session.execute(query).scalars())


def subject_choices(words: str, site_ids: Sequence[int] | None = None, limit: int = PICKER_SIZE) -> list[Subject]:
    """The product picker's suggestions: subjects whose id or name contains ``words`` (folded), by id."""
    match = folded_contains(Subject.search_text, words)
    if match is None:
        return []
    query = _in_sites(select(Subject).where(match), Subject.site_id, site_ids)
    return list(db.session.execute(query.order_by(Subject.external_id).limit(limit)).scalars())
