"""Writing rows with Core: ``INSERT … RETURNING`` without the unit of work, the row then known to the session as a
persistent instance (``local_cache.restore``); on PostgreSQL an item, its case and the case's audit event in one
statement. The submit path writes its author, item and case this way: much less Python per submission than the ORM's
flush."""

from __future__ import annotations

import functools
from typing import Any, TypeVar

from sqlalchemy import bindparam, cast, insert, select, true

from ..extensions import db
from ..folding import fold_fields
from ..models import AuditEvent, Case, Item
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


def insert_item_with_case(
    item_values: dict[str, Any], case_values: dict[str, Any], action: str, *, site_id: int, after: dict[str, Any]
) -> tuple[Item, Case]:
    """``insert_row(Item, item_values)``, then its case (``case_values``; its ``item_id`` is the new item's) and the
    case's audit event (``audit.insert_now(action, "case", <the case's id>, …)``).

    On PostgreSQL one statement: the item's and the case's INSERTs are data-modifying CTEs whose ids the next INSERT
    takes, one round trip and two statement executions fewer for every item that opens its case at submit. SQLite
    has no data-modifying CTE: three statements there, as before.
    """
    item_values = complete_row(Item, item_values)
    case_values = complete_row(Case, {**case_values, "item_id": None})
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        event = audit.event_values(action, "case", None, None, site_id, None, after)
        parameters = {f"item_{key}": value for key, value in item_values.items()}
        parameters.update({f"case_{key}": value for key, value in case_values.items() if key != "item_id"})
        parameters.update({f"event_{key}": event[key] for key in CASE_EVENT_COLUMNS})
        item_values["id"], case_values["id"] = connection.execute(item_case_and_event_insert(), parameters).one()
        case_values["item_id"] = item_values["id"]
    else:
        item_values["id"] = connection.execute(insert_returning_id(Item.__table__), item_values).scalar_one()
        case_values["item_id"] = item_values["id"]
        case_values["id"] = connection.execute(insert_returning_id(Case.__table__), case_values).scalar_one()
        audit.insert_now(action, "case", case_values["id"], site_id=site_id, after=after)
    return restore(Item, item_values), restore(Case, case_values)


# The event's columns given as parameters; ``target_id`` comes from the case's INSERT.
CASE_EVENT_COLUMNS = ("at", "moderator_id", "action", "target_type", "site_id", "before", "after")


@functools.cache
def item_case_and_event_insert() -> Any:
    """``WITH new_item AS (INSERT INTO items … RETURNING id), new_case AS (INSERT INTO cases … SELECT …, new_item.id
    FROM new_item RETURNING id), new_event AS (INSERT INTO audit_events … SELECT …, new_case.id FROM new_case
    RETURNING target_id) SELECT new_item.id, new_event.target_id …``, built once; parameters ``item_<column>``,
    ``case_<column>`` and ``event_<column>``. Values in a SELECT list are cast to their columns' types: a parameter
    there has no column to take its type from."""
    items, cases, events = Item.__table__, Case.__table__, AuditEvent.__table__
    new_item = (
        insert(items)
        .values(
            {column.key: bindparam(f"item_{column.key}", type_=column.type) for column in items.c if column.key != "id"}
        )
        .returning(items.c.id)
        .cte("new_item")
    )
    case_columns = [column.key for column in cases.c if column.key not in ("id", "item_id")]
    new_case = _insert_after(cases, "case", case_columns, "item_id", new_item.c.id, cases.c.id, "new_case")
    new_event = _insert_after(
        events, "event", CASE_EVENT_COLUMNS, "target_id", new_case.c.id, events.c.target_id, "new_event"
    )
    # Joined on true, not listed side by side: one row each, and SQLAlchemy's linter sees no cartesian product.
    return select(new_item.c.id, new_event.c.target_id).select_from(new_item.join(new_event, true()))


def _insert_after(table: Any, prefix: str, columns: Any, link: str, parent_id: Any, returning: Any, name: str) -> Any:
    """``name AS (INSERT INTO table (columns…, link) SELECT :prefix_<column>…, parent_id FROM parent RETURNING …)``:
    a row whose ``link`` column takes the id the CTE before it returned."""
    parameters = (typed_parameter(f"{prefix}_{key}", table.c[key]) for key in columns)
    return insert(table).from_select([*columns, link], select(*parameters, parent_id)).returning(returning).cte(name)


def typed_parameter(name: str, column: Any) -> Any:
    return cast(bindparam(name, type_=column.type), column.type)


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
