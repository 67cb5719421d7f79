"""console context: an author's standing (blocked, always held, trusted)

Revision ID: 0015_console_context
Revises: 0011_mail
Create Date: 2026-12-02 03:30:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0015_console_context"
down_revision = "0011_mail"
branch_labels = None
depends_on = None


def upgrade():
    # Every existing author keeps today's behaviour: the content rules alone decide.
    with op.batch_alter_table("authors") as batch:
        batch.add_column(sa.Column("standing", sa.String(length=16), nullable=False, server_default="normal"))


def downgrade():
    with op.batch_alter_table("authors") as batch:
        batch.drop_column("standing")
