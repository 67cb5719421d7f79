"""console: an index for the queue order over waiting cases, statistics for the reason filter

The queue filters reasons with a text match on the JSON list (``CAST(reasons AS VARCHAR) LIKE '%"x"%'``).
Without statistics on that expression PostgreSQL guesses it matches almost nothing, and then sorts every
waiting case instead of walking ix_cases_waiting_order; extended statistics (PostgreSQL 14+) give it the
real share. Alembic does not compare statistics objects, so ``flask db check`` stays clean.

Revision ID: 0002_console
Revises: 0001
Create Date: 2026-11-26 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = "0002_console"
down_revision = "0001"
branch_labels = None
depends_on = None

WAITING = "state IN ('open', 'claimed', 'escalated')"


def upgrade():
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(
            "ix_cases_waiting_order",
            [sa.text("priority DESC"), "due_at", "id"],
            unique=False,
            postgresql_where=sa.text(WAITING),
            sqlite_where=sa.text(WAITING),
        )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql" and bind.dialect.server_version_info >= (14,):
        op.execute("CREATE STATISTICS IF NOT EXISTS st_cases_reasons_text ON (CAST(reasons AS VARCHAR)) FROM cases")


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP STATISTICS IF EXISTS st_cases_reasons_text")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index("ix_cases_waiting_order", postgresql_where=sa.text(WAITING), sqlite_where=sa.text(WAITING))
