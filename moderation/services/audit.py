"""The audit log: who did what, when, with the state before and after; recorded with every change, and read back
with filters, keyset pages (newest first) and a CSV export."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, insert, or_, select
from sqlalchemy.orm import joinedload

from .. import csv_export
from ..extensions import db
from ..models import AuditEvent, Case, Moderator, utcnow
from . import access


def record(
    action: str,
    target_type: str,
    target_id: int,
    *,
    moderator_id: int | None = None,
    site_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an audit event to the session; the caller commits it with the change it describes."""
    event = AuditEvent(**event_values(action, target_type, target_id, moderator_id, site_id, before, after))
    db.session.add(event)
    return event


def insert_now(
    action: str,
    target_type: str,
    target_id: int,
    *,
    moderator_id: int | None = None,
    site_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """``record`` as one Core INSERT on the session's transaction, committed or rolled back with the change it
    describes, with no instance for the unit of work to flush: for the submission path, where that flush held 11 %
    of a web process's GIL samples under load (docs/benchmarks.md, sixth session)."""
    values = event_values(action, target_type, target_id, moderator_id, site_id, before, after)
    db.session.connection().execute(INSERT_EVENT, values)


def event_values(action, target_type, target_id, moderator_id, site_id, before, after) -> dict[str, Any]:
    return {"at": utcnow(), "action": action, "target_type": target_type, "target_id": target_id,
            "moderator_id": moderator_id, "site_id": site_id, "before": before, "after": after}  # fmt: skip


INSERT_EVENT = insert(AuditEvent.__table__)


# -- reading the log ----------------------------------------------------------------------------------------


def case_timeline(case: Case) -> list[AuditEvent]:
    """What happened to a case and to its item, oldest first (the case page's history)."""
    return list(
        db.session.execute(
            select(AuditEvent)
            .options(joinedload(AuditEvent.moderator))
            .where(
                or_(
                    (AuditEvent.target_type == "case") & (AuditEvent.target_id == case.id),
                    (AuditEvent.target_type == "item") & (AuditEvent.target_id == case.item_id),
                )
            )
            .order_by(AuditEvent.at, AuditEvent.id)
        ).scalars()
    )


PER_PAGE = 100
CSV_COLUMNS = ("id", "at", "moderator", "action", "target_type", "target_id", "site_id", "before", "after")


@dataclass
class AuditFilters:
    site_id: int | None = None
    moderator_id: int | None = None
    action: str | None = None
    target_type: str | None = None
    target_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def visible_events(viewer: Moderator, filters: AuditFilters) -> Select:
    """Events the viewer may read: an admin reads all; a moderator reads their sites' events and their own."""
    query = access.visible_audit_events(viewer)
    if filters.site_id is not None:
        query = query.where(AuditEvent.site_id == filters.site_id)
    if filters.moderator_id is not None:
        query = query.where(AuditEvent.moderator_id == filters.moderator_id)
    if filters.action:
        query = query.where(AuditEvent.action.startswith(filters.action, autoescape=True))
    if filters.target_type:
        query = query.where(AuditEvent.target_type == filters.target_type)
    if filters.target_id is not None:
        query = query.where(AuditEvent.target_id == filters.target_id)
    if filters.since is not None:
        query = query.where(AuditEvent.at >= filters.since)
    if filters.until is not None:
        query = query.where(AuditEvent.at < filters.until)
    return query.order_by(AuditEvent.id.desc())


def page(
    viewer: Moderator, filters: AuditFilters, before_id: int | None = None, per_page: int = PER_PAGE
) -> tuple[list[AuditEvent], int | None]:
    """One page, newest first, and the id to continue from (None on the last page)."""
    query = visible_events(viewer, filters).options(joinedload(AuditEvent.moderator))
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    rows = list(db.session.execute(query.limit(per_page + 1)).scalars())
    return rows[:per_page], (rows[per_page - 1].id if len(rows) > per_page else None)


def csv_lines(viewer: Moderator, filters: AuditFilters, chunk: int = 1000) -> Iterator[str]:
    """The filtered log as CSV, streamed in chunks so a long log never sits in memory."""
    buffer = io.StringIO()
    writer = csv_export.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    before_id = None
    while True:
        rows, before_id = page(viewer, filters, before_id, per_page=chunk)
        for e in rows:
            writer.writerow(
                (
                    e.id,
                    e.at.isoformat() + "Z",
                    e.moderator.email if e.moderator else "system",
                    e.action,
                    e.target_type,
                    e.target_id,
                    e.site_id,
                    json.dumps(e.before, ensure_ascii=False, sort_keys=True) if e.before is not None else "",
                    json.dumps(e.after, ensure_ascii=False, sort_keys=True) if e.after is not None else "",
                )
            )
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if before_id is None:
            return
