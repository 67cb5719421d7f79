"""product health: each product's state under its site's rule, the rule per site, and the public
responsiveness option

Revision ID: 0013_product_health
Revises: 0010_insights
Create Date: 2026-12-02 12:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0013_product_health"
down_revision = "0012_webhooks"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sites", schema=None) as batch:
        batch.add_column(sa.Column("health_window_days", sa.Integer(), nullable=False, server_default="365"))
        batch.add_column(sa.Column("health_min_reviews", sa.Integer(), nullable=False, server_default="25"))
        batch.add_column(sa.Column("health_max_average", sa.Float(), nullable=False, server_default="3.0"))
        batch.add_column(sa.Column("health_checked_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("public_responsiveness", sa.Boolean(), nullable=False, server_default="false"))
    op.create_table(
        "product_health",
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("due_at", sa.DateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("relaunched_as_id", sa.Integer(), nullable=True),
        sa.Column("reminded_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["moderators.id"], name=op.f("fk_product_health_owner_id_moderators"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["relaunched_as_id"], ["subjects.id"], name=op.f("fk_product_health_relaunched_as_id_subjects"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_product_health_site_id_sites"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["subject_id"], ["subjects.id"], name=op.f("fk_product_health_subject_id_subjects"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("subject_id", name=op.f("pk_product_health")),
    )
    op.create_index("ix_product_health_site_state", "product_health", ["site_id", "state"], unique=False)


def downgrade():
    op.drop_index("ix_product_health_site_state", table_name="product_health")
    op.drop_table("product_health")
    with op.batch_alter_table("sites", schema=None) as batch:
        batch.drop_column("public_responsiveness")
        batch.drop_column("health_checked_at")
        batch.drop_column("health_max_average")
        batch.drop_column("health_min_reviews")
        batch.drop_column("health_window_days")
