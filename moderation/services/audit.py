"""The audit log: who did what, when, with the state before and after."""

from __future__ import annotations

from typing import Any

from ..extensions import db
from ..models import AuditEvent


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
    event = AuditEvent(
        action=action,
        target_type=target_type,
        target_id=target_id,
        moderator_id=moderator_id,
        site_id=site_id,
        before=before,
        after=after,
    )
    db.session.add(event)
    return event
