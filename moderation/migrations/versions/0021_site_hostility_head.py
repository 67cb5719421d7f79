"""sites.hostility_head: a site's own hostility head (adapted to its moderators' decisions), read by every worker

``hostility_head`` holds the head as ``classifier.hostility.save_head`` writes it (768 weights and their bar);
``hostility_head_version`` its content hash, which a worker reads on every batch to know when to reload the head.

Revision ID: 0021_site_hostility_head
Revises: 0020_fold_lookalikes
Create Date: 2026-12-07 00:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0021_site_hostility_head"
down_revision = "0020_fold_lookalikes"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hostility_head", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("hostility_head_version", sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table("sites", schema=None) as batch_op:
        batch_op.drop_column("hostility_head_version")
        batch_op.drop_column("hostility_head")
