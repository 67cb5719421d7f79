"""security: per-moderator session generation, idempotency keys for submissions

``moderators.session_generation`` is part of the console session's user id: bumping it ends every session of
that moderator (logout, password/role change, deactivation). ``idempotency_keys`` remembers the answer to a
submission sent with an ``Idempotency-Key`` header, committed with the item itself.

Revision ID: 0009_security
Revises: 0005_text_search
Create Date: 2026-12-01 10:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = "0009_security"
down_revision = "0007_reopen_held_cases"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("moderators") as batch:
        batch.add_column(sa.Column("session_generation", sa.Integer(), nullable=False, server_default="0"))
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["site_id"], ["sites.id"], name=op.f("fk_idempotency_keys_site_id_sites"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["item_id"], ["items.id"], name=op.f("fk_idempotency_keys_item_id_items"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("site_id", "key", name="uq_idempotency_keys_site_key"),
    )
    op.create_index("ix_idempotency_keys_created_at", "idempotency_keys", ["created_at"])


def downgrade():
    op.drop_index("ix_idempotency_keys_created_at", table_name="idempotency_keys")
    op.drop_table("idempotency_keys")
    with op.batch_alter_table("moderators") as batch:
        batch.drop_column("session_generation")
