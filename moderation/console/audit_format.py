"""The audit log as people read it: actions and fields by name, moderators by name instead of id, values in the
moderator's language and time zone, never JSON with ``\\u00e9`` escapes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from flask_babel import format_datetime
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..extensions import db
from ..models import AuditEvent, Moderator
from .template_globals import item_status_label, reason_label, standing_label, state_label

ACTION_LABELS = {
    "case.opened": _l("Case opened"),
    "case.claimed": _l("Case claimed"),
    "case.released": _l("Case released"),
    "case.claim_expired": _l("Claim expired"),
    "case.answered": _l("Customer answered"),
    "case.resolved": _l("Case resolved"),
    "case.dismissed": _l("Dismissed as a false alarm"),
    "case.escalated": _l("Case escalated"),
    "case.restored": _l("Action undone"),
    "case.reopened": _l("Case reopened"),
    "case.reasons_added": _l("Reasons added"),
    "case.noted": _l("Note added"),
    "case.marked_stale": _l("Marked stale"),
    "case.stale_cleared": _l("No longer stale"),
    "case.appealed": _l("Author contested"),
    "item.approved": _l("Item approved"),
    "item.rejected": _l("Item rejected"),
    "author.standing": _l("Author's standing changed"),
    "author.trust_skipped": _l("Trusted author: holds skipped"),
    "author.erased": _l("Author erased"),
    "bulk.undone": _l("Bulk action undone"),
    "content.rule_logged": _l("Site rule fired (log only)"),
}
FIELD_LABELS = {
    "state": _l("State"),
    "claimed_by_id": _l("Claimed by"),
    "claim_expires_at": _l("Claim ends"),
    "reasons": _l("Reasons"),
    "note": _l("Note"),
    "item_status": _l("Item"),
    "reason": _l("Reason"),
    "priority": _l("Priority"),
    "standing": _l("Standing"),
    "owner_id": _l("Owner"),
    "moderator_id": _l("Moderator"),
    "items_removed": _l("Items removed"),
}
# Fields whose value is a moderator's id, shown as their name.
MODERATOR_FIELDS = frozenset({"claimed_by_id", "owner_id", "moderator_id"})
MAX_VALUE_CHARS = 300


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def moderator_names(events: Iterable[AuditEvent]) -> dict[int, str]:
    """Names of the moderators the events' before/after mention, in one query."""
    ids = {
        value
        for event in events
        for values in (event.before, event.after)
        if isinstance(values, dict)
        for key, value in values.items()
        if key in MODERATOR_FIELDS and isinstance(value, int)
    }
    if not ids:
        return {}
    return dict(db.session.execute(select(Moderator.id, Moderator.name).where(Moderator.id.in_(ids))).all())


def _moment(value: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(value.removesuffix("Z")), "short")
    except ValueError:
        return value


def _value(key: str, value: Any, names: dict[int, str]) -> str:
    if value is None:
        return "—"
    if key in MODERATOR_FIELDS and isinstance(value, int):
        return names.get(value, f"#{value}")
    if key == "state":
        return state_label(value)
    if key == "item_status":
        return item_status_label(value)
    if key == "standing":
        return standing_label(value)
    if key in ("reasons",) and isinstance(value, list):
        return ", ".join(reason_label(str(r)) for r in value) or "—"
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, str) and key.endswith("_at"):
        return _moment(value)
    if isinstance(value, list):
        return ", ".join(_value(key, v, names) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{label}: {text}" for label, text in describe(value, names))
    return str(value)


def describe(values: dict[str, Any] | None, names: dict[int, str]) -> list[tuple[str, str]]:
    """``before``/``after`` as (label, value) pairs, in their stored order; long values cut."""
    if not isinstance(values, dict):
        return []
    pairs = []
    for key, value in values.items():
        label = str(FIELD_LABELS.get(key, key.replace("_", " ")))
        text = _value(key, value, names)
        pairs.append((label, text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"))
    return pairs
