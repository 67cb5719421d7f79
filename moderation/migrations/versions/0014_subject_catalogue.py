"""subject catalogue: a site's subjects are open (created on first post) or a declared catalogue

Revision ID: 0014_subject_catalogue
Revises: 0010_insights
Create Date: 2026-12-10 10:00:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0014_subject_catalogue"
down_revision = "0013_product_health"
branch_labels = None
depends_on = None


def upgrade():
    # Every existing site keeps today's behaviour: open subjects.
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("subjects", sa.String(length=16), nullable=False, server_default="open"))


def downgrade():
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("subjects")
