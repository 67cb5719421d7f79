"""console text search: trigram indexes on items.body and items.title (PostgreSQL)

The console's search is ``ILIKE '%words%'``, which no B-tree index can serve: a search that matches little
walked every waiting case (706 ms at 100,000). pg_trgm's GIN indexes serve ILIKE with any pattern.
pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it. Where that is refused
(an older server, a locked-down role), the migration leaves search as it was and says so in the log.

Revision ID: 0005_text_search
Revises: 0004_rescore
Create Date: 2026-11-26 10:55:00

"""
import logging

from alembic import op
import sqlalchemy as sa


revision = "0005_text_search"
down_revision = "0004_rescore"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")


def upgrade():
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        savepoint.commit()
    except sa.exc.DBAPIError as exc:
        savepoint.rollback()
        log.warning("pg_trgm is not available (%s): console text search stays a scan", exc.orig)
        return
    op.execute("CREATE INDEX IF NOT EXISTS ix_items_body_trgm ON items USING gin (body gin_trgm_ops)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_items_title_trgm ON items USING gin (title gin_trgm_ops)")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_items_title_trgm")
    op.execute("DROP INDEX IF EXISTS ix_items_body_trgm")
