"""reports and answer votes: readers report items and replies, and say whether a brand reply helped; the charter
tells whether reviews are rewarded

Revision ID: 0015_reports_answer_votes
Revises: 0011_mail
Create Date: 2026-12-02 03:30:00

"""

from alembic import op
import sqlalchemy as sa


revision = "0015_reports_answer_votes"
down_revision = "0015_outside_conversations"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("reply_id", sa.Integer(), nullable=True),
        sa.Column("reporter_key", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("lang", sa.String(length=8), nullable=False),
        sa.Column("reporter_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], name=op.f("fk_reports_item_id_items"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["reply_id"], ["replies.id"], name=op.f("fk_reports_reply_id_replies"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["reporter_id"], ["authors.id"], name=op.f("fk_reports_reporter_id_authors"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["site_id"], ["sites.id"], name=op.f("fk_reports_site_id_sites"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reports")),
    )
    op.create_index("ix_reports_item_outcome", "reports", ["item_id", "outcome"])
    op.create_index(op.f("ix_reports_site_id"), "reports", ["site_id"])
    op.create_index(op.f("ix_reports_reporter_id"), "reports", ["reporter_id"])
    op.create_index(
        "uq_reports_item_reader",
        "reports",
        ["item_id", "reporter_key"],
        unique=True,
        postgresql_where=sa.text("reply_id IS NULL"),
        sqlite_where=sa.text("reply_id IS NULL"),
    )
    op.create_index(
        "uq_reports_reply_reader",
        "reports",
        ["reply_id", "reporter_key"],
        unique=True,
        postgresql_where=sa.text("reply_id IS NOT NULL"),
        sqlite_where=sa.text("reply_id IS NOT NULL"),
    )
    op.create_table(
        "answer_votes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reply_id", sa.Integer(), nullable=False),
        sa.Column("client_key", sa.String(length=64), nullable=False),
        sa.Column("helpful", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reply_id"], ["replies.id"], name=op.f("fk_answer_votes_reply_id_replies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_votes")),
        sa.UniqueConstraint("reply_id", "client_key", name="uq_answer_votes_reply_client"),
    )
    op.create_index(op.f("ix_answer_votes_reply_id"), "answer_votes", ["reply_id"])
    # Every existing site rewards no review until an admin says otherwise.
    with op.batch_alter_table("sites") as batch:
        batch.add_column(sa.Column("rewards_reviews", sa.Boolean(), nullable=False, server_default="false"))


def downgrade():
    with op.batch_alter_table("sites") as batch:
        batch.drop_column("rewards_reviews")
    op.drop_index(op.f("ix_answer_votes_reply_id"), table_name="answer_votes")
    op.drop_table("answer_votes")
    op.drop_index("uq_reports_reply_reader", table_name="reports")
    op.drop_index("uq_reports_item_reader", table_name="reports")
    op.drop_index(op.f("ix_reports_reporter_id"), table_name="reports")
    op.drop_index(op.f("ix_reports_site_id"), table_name="reports")
    op.drop_index("ix_reports_item_outcome", table_name="reports")
    op.drop_table("reports")
