"""reopen cases closed on an item still held

Before the held-item rule, "Resolve" or "Dismiss" (or a reply) on a case whose item was held closed the case and
left the item held for ever: never published, never rejected, out of the queue, its author never told. A held item
leaves the queue only by approve or reject (DESIGN.md, "Invariants"), so every such case goes back to the queue,
open and unclaimed, with a ``case.reopened`` audit event by the system (no moderator) saying why.

Data only: no schema change. Plain SQL through SQLAlchemy Core, so it runs the same on SQLite and PostgreSQL.

Revision ID: 0007_reopen_held_cases
Revises: 0005_text_search
Create Date: 2026-11-27 09:00:00

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op


revision = "0007_reopen_held_cases"
down_revision = "0006_content_rules"
branch_labels = None
depends_on = None

CLOSED_STATES = ("resolved", "dismissed", "answered")

# The columns this migration reads and writes, as they are at this revision (never the live models, which move on).
cases = sa.table(
    "cases",
    sa.column("id", sa.Integer),
    sa.column("site_id", sa.Integer),
    sa.column("item_id", sa.Integer),
    sa.column("state", sa.String),
    sa.column("claimed_by_id", sa.Integer),
    sa.column("claim_expires_at", sa.DateTime),
    sa.column("closed_at", sa.DateTime),
    sa.column("updated_at", sa.DateTime),
)
items = sa.table("items", sa.column("id", sa.Integer), sa.column("status", sa.String))
audit_events = sa.table(
    "audit_events",
    sa.column("at", sa.DateTime),
    sa.column("moderator_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("target_type", sa.String),
    sa.column("target_id", sa.Integer),
    sa.column("site_id", sa.Integer),
    sa.column("before", sa.JSON),
    sa.column("after", sa.JSON),
)


def upgrade():
    bind = op.get_bind()
    now = datetime.now(UTC).replace(tzinfo=None)  # naive UTC, as the models store it
    on_held_item = cases.c.item_id.in_(sa.select(items.c.id).where(items.c.status == "held"))
    closed_on_held = sa.and_(cases.c.state.in_(CLOSED_STATES), on_held_item)
    buried = bind.execute(
        sa.select(cases.c.id, cases.c.site_id, cases.c.state, cases.c.closed_at).where(closed_on_held)
    ).all()
    if not buried:
        return
    bind.execute(
        sa.update(cases)
        .where(closed_on_held)
        .values(state="open", claimed_by_id=None, claim_expires_at=None, closed_at=None, updated_at=now)
    )
    bind.execute(
        sa.insert(audit_events),
        [
            {
                "at": now,
                "moderator_id": None,  # the system
                "action": "case.reopened",
                "target_type": "case",
                "target_id": row.id,
                "site_id": row.site_id,
                "before": {
                    "state": row.state,
                    "closed_at": row.closed_at.isoformat() + "Z" if row.closed_at else None,
                },
                "after": {
                    "state": "open",
                    "why": "item still held: only approving or rejecting it closes its case",
                    "migration": revision,
                },
            }
            for row in buried
        ],
    )


def downgrade():
    # Nothing to undo: closing those cases again would bury their held items once more, and the audit events
    # stay as the record of what happened. The schema is unchanged, so the previous revision runs as it is.
    pass
