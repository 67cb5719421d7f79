"""Bulk import of reviews and comments from CSV or JSONL. Not rate-limited; re-importing changes nothing."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import Item, Site
from .accounts import get_site
from .errors import ServiceError
from .subjects import MAX_TITLE, check_image_url
from .submissions import create_item, parse_submission


@dataclass
class ImportReport:
    created: int = 0
    skipped: int = 0
    last_item_id: int | None = None
    errors: list[tuple[int, str]] = field(default_factory=list)


def read_rows(path: str) -> Iterator[dict[str, Any]]:
    """Rows from a .jsonl/.json-lines or .csv file. CSV authors come as author_name / author_email columns."""
    if path.endswith((".jsonl", ".ndjson")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
        return
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {k: v for k, v in row.items() if v not in (None, "")}


def count_rows(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        lines = sum(1 for line in fh if line.strip())
    return lines if path.endswith((".jsonl", ".ndjson")) else max(0, lines - 1)


def normalise(row: dict[str, Any]) -> dict[str, Any]:
    """Bring a CSV or JSONL row to the submit payload shape (plus import-only fields)."""
    row = dict(row)
    if "author" not in row:
        author = {"name": row.pop("author_name", None) or "Anonymous"}
        if row.get("author_email"):
            author["email"] = row.pop("author_email")
        row["author"] = author
    row.pop("author_name", None)
    row.pop("author_email", None)
    for key in ("rating", "parent_id"):
        if isinstance(row.get(key), str):
            try:
                row[key] = int(row[key])
            except ValueError:
                raise ServiceError("invalid", f"{key} must be a whole number", key, 422) from None
    return row


def parse_created_at(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        raise ServiceError("invalid", "created_at must be an ISO 8601 date", "created_at", 422) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def import_rows(
    rows: Iterable[dict[str, Any]],
    limits: dict[str, int],
    commit_every: int = 500,
    on_row=None,
    max_batch_s: float | None = None,
) -> ImportReport:
    """Import rows; a bad row is reported with its line number and never stops the others.

    Atomic per batch: ``commit_every`` rows go in one transaction (on SQLite a ``BEGIN IMMEDIATE`` one, see
    ``extensions``), each row in a savepoint that a refused row rolls back alone. An unexpected error rolls
    back the batch under way and propagates; batches committed before stay, and re-running the import
    skips them by ``external_id``. ``parent_external_id`` lets a comment answer another row of the same import.

    On SQLite a batch holds the database's one write lock: it also ends after ``max_batch_s`` seconds (default
    0.5 s there, unbounded elsewhere), so that submissions and the worker wait for a short batch, not a long one.
    """
    if max_batch_s is None and db.engine.dialect.name == "sqlite":
        max_batch_s = 0.5
    try:
        return _import_rows(rows, limits, commit_every, on_row, max_batch_s)
    except BaseException:
        db.session.rollback()
        raise


def _import_rows(
    rows: Iterable[dict[str, Any]], limits: dict[str, int], commit_every: int, on_row, max_batch_s: float | None
) -> ImportReport:
    report = ImportReport()
    sites: dict[str, Site] = {}
    pending = 0
    batch_started = time.monotonic()
    for number, raw in enumerate(rows, start=1):
        try:
            row = normalise(raw)
            slug, subject, external_id = row.pop("site", None), row.pop("subject", None), row.pop("external_id", None)
            if not slug or not subject or not external_id:
                raise ServiceError("required", "site, subject and external_id are required", "external_id", 422)
            site = sites.get(slug) or sites.setdefault(slug, get_site(slug))
            created_at = parse_created_at(row.pop("created_at", None))
            parent_external = row.pop("parent_external_id", None)
            # The subject's metadata, when the shop's export carries it: its name and a picture for moderators.
            subject_name, subject_image = row.pop("subject_name", None), check_image_url(row.pop("subject_image", None))
            exists = db.session.execute(
                select(Item.id).where(Item.site_id == site.id, Item.external_id == str(external_id))
            ).scalar_one_or_none()
            if exists is not None:
                report.skipped += 1
                continue
            if parent_external:
                parent = db.session.execute(
                    select(Item.id).where(Item.site_id == site.id, Item.external_id == str(parent_external))
                ).scalar_one_or_none()
                if parent is None:
                    raise ServiceError("unknown_parent", "parent_external_id names no imported item", "parent_id")
                row["parent_id"] = parent
            submission = parse_submission(row, limits)
            with db.session.begin_nested():
                item = create_item(site, str(subject), submission, external_id=str(external_id), created_at=created_at)
                if subject_name:
                    item.subject.title = str(subject_name).strip()[:MAX_TITLE] or item.subject.title
                if subject_image:
                    item.subject.image_url = subject_image
            report.created += 1
            report.last_item_id = item.id
            pending += 1
        except ServiceError as exc:
            report.errors.append((number, f"{exc.field or ''}: {exc.message}".strip(": ")))
        finally:
            if on_row:
                on_row()
        if pending >= commit_every or (
            pending and max_batch_s is not None and time.monotonic() - batch_started >= max_batch_s
        ):
            db.session.commit()
            pending = 0
            if max_batch_s is not None:
                # SQLite's busy handler is not a queue: waiting writers poll (every 100 ms at worst), and an
                # importer that takes the lock again at once would starve them. Leave them a window.
                time.sleep(min(0.25, max_batch_s / 4))
            batch_started = time.monotonic()
    db.session.commit()
    return report
