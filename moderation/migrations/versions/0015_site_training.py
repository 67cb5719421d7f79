"""site training: a model trained on one site's labelled items from the console, compared before activation

Revision ID: 0015_site_training
Revises: 0011_mail
Create Date: 2026-12-02 03:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0015_site_training"
down_revision = "0015_console_context"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "training_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("stage", sa.String(length=300), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("plan", sa.JSON(), nullable=False),
        sa.Column("active_version", sa.String(length=200), nullable=True),
        sa.Column("candidate_version", sa.String(length=200), nullable=True),
        sa.Column("candidate_dir", sa.String(length=1000), nullable=True),
        sa.Column("active_metrics", sa.JSON(), nullable=True),
        sa.Column("candidate_metrics", sa.JSON(), nullable=True),
        sa.Column("better", sa.Boolean(), nullable=True),
        sa.Column("started_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.Column("rescore_run_id", sa.Integer(), nullable=True),
        sa.Column("activation_requested_at", sa.DateTime(), nullable=True),
        sa.Column("activation_requested_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_training_runs_site_id_sites"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["started_by_id"], ["moderators.id"], name=op.f("fk_training_runs_started_by_id_moderators"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["rescore_run_id"], ["rescore_runs.id"], name=op.f("fk_training_runs_rescore_run_id_rescore_runs"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["activation_requested_by_id"], ["moderators.id"], name=op.f("fk_training_runs_activation_requested_by_id_moderators"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_runs")),
    )
    op.create_index("ix_training_runs_site_state", "training_runs", ["site_id", "state"], unique=False)


def downgrade():
    op.drop_index("ix_training_runs_site_state", table_name="training_runs")
    op.drop_table("training_runs")
