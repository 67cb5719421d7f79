"""moderators.lang: the console language a moderator last chose; staff mail (a product plan's owner) speaks it

Revision ID: 0019_moderator_lang
Revises: 0018_drop_raw_trigram
Create Date: 2026-12-03 09:15:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0019_moderator_lang"
down_revision = "0018_drop_raw_trigram"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("moderators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lang", sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table("moderators", schema=None) as batch_op:
        batch_op.drop_column("lang")
