"""drop the trigram indexes on items.body and items.title (PostgreSQL): search reads items.search_text since 0015

The console's search matches the folded ``search_text`` column (migration 0015_console_context), which has its own
trigram index. Nothing queries ``body`` or ``title`` with LIKE any more, yet every submission paid to update both GIN
indexes (they are the largest indexes on the table).

Revision ID: 0018_drop_raw_trigram
Revises: 0017_outbox_send_after
Create Date: 2026-12-02 07:25:00

"""
import logging

from alembic import op
import sqlalchemy as sa


revision = "0018_drop_raw_trigram"
down_revision = "0017_outbox_send_after"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_items_body_trgm")
    op.execute("DROP INDEX IF EXISTS ix_items_title_trgm")


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    present = bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first()
    if present is None:
        log.warning("pg_trgm is not installed: the raw-text trigram indexes are not recreated")
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_items_body_trgm ON items USING gin (body gin_trgm_ops)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_items_title_trgm ON items USING gin (title gin_trgm_ops)")
