"""console context: an author's standing (blocked, always held, trusted); folded search columns; a subject's
picture

``search_text`` holds title and body (items), name and e-mail (authors), id and name (subjects) without accents
and in lower case (``moderation.folding``), written with each row from now on (``models.search``) and filled
here for existing rows. On PostgreSQL a trigram index serves ``LIKE '%words%'`` on each (as 0005 did for the raw
text); where pg_trgm cannot be created, search works as a scan and the log says so.

Revision ID: 0015_console_context
Revises: 0011_mail
Create Date: 2026-12-02 03:30:00

"""

import logging

from alembic import op
import sqlalchemy as sa

from moderation.folding import fold_fields


revision = "0015_console_context"
down_revision = "0015_author_edit"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")
# Table → the columns folded into its search_text (as models.search.SEARCHED, frozen here).
SEARCHED = {"items": ("title", "body"), "authors": ("name", "email"), "subjects": ("external_id", "title")}
CHUNK = 2000


def backfill(bind, table: str, columns: tuple[str, ...]) -> None:
    """Fold the existing rows in chunks of ids, so a large table is never read into memory at once."""
    select_rows = sa.text(f"SELECT id, {', '.join(columns)} FROM {table} WHERE id > :last ORDER BY id LIMIT {CHUNK}")
    update_row = sa.text(f"UPDATE {table} SET search_text = :folded WHERE id = :id")
    last = 0
    while True:
        rows = bind.execute(select_rows, {"last": last}).all()
        if not rows:
            return
        bind.execute(update_row, [{"id": row[0], "folded": fold_fields(*row[1:])} for row in rows])
        last = rows[-1][0]


def trigram_indexes(bind) -> None:
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
        savepoint.commit()
    except sa.exc.DBAPIError as exc:
        savepoint.rollback()
        log.warning("pg_trgm is not available (%s): console search stays a scan", exc.orig)
        return
    for table in SEARCHED:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)")


def upgrade():
    # Every existing author keeps today's behaviour: the content rules alone decide.
    with op.batch_alter_table("authors") as batch:
        batch.add_column(sa.Column("standing", sa.String(length=16), nullable=False, server_default="normal"))
    bind = op.get_bind()
    for table, columns in SEARCHED.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("search_text", sa.Text(), nullable=True))
        backfill(bind, table, columns)
    if bind.dialect.name == "postgresql":
        trigram_indexes(bind)
    with op.batch_alter_table("subjects") as batch:
        batch.add_column(sa.Column("image_url", sa.String(length=1000), nullable=True))


def downgrade():
    with op.batch_alter_table("subjects") as batch:
        batch.drop_column("image_url")
    for table in SEARCHED:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search_trgm")
        with op.batch_alter_table(table) as batch:
            batch.drop_column("search_text")
    with op.batch_alter_table("authors") as batch:
        batch.drop_column("standing")
