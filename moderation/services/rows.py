"""Writing rows with Core: ``INSERT … RETURNING`` without the unit of work, the row then known to the session as a
persistent instance (``local_cache.restore``); on PostgreSQL a case and its audit event in one statement. The submit
path writes its author, item and case this way: much less Python per submission than the ORM's flush."""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from sqlalchemy import bindparam, cast, insert, select

from ..extensions import db
from ..folding import fold_fields
from ..models import AuditEvent, Case
from ..models.search import SEARCHED
from . import audit
from .local_cache import restore

RowT = TypeVar("RowT")


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
