"""outbox: send_after — a moderator's decision mails wait out the undo window, so an undone action sends nothing

Revision ID: 0017_outbox_send_after
Revises: 0015_site_training
Create Date: 2026-12-02 07:20:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0017_outbox_send_after"
down_revision = "0015_site_training"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("send_after", sa.DateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("send_after")
