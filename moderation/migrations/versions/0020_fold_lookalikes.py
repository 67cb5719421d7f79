"""search_text folds look-alike letters: "idiot" finds "idiоt" (a Cyrillic "о"), as the content rules read it

Rows written before keep their old folding until refolded here. Only a row whose ``search_text`` holds a
character outside ASCII can change (folding leaves ASCII as it is), and only those are written.

Revision ID: 0020_fold_lookalikes
Revises: 0019_moderator_lang
Create Date: 2026-12-03 14:30:00

"""

from alembic import op
import sqlalchemy as sa

from moderation.folding import fold_fields


revision = "0020_fold_lookalikes"
down_revision = "0019_moderator_lang"
branch_labels = None
depends_on = None

# Table → the columns folded into its search_text (as models.search.SEARCHED, frozen here).
SEARCHED = {"items": ("title", "body"), "authors": ("name", "email"), "subjects": ("external_id", "title")}
CHUNK = 2000


def refold(bind, table: str, columns: tuple[str, ...]) -> None:
    """Chunks of ids, so a large table is never read into memory at once; a row is written only if it changes."""
    select_rows = sa.text(
        f"SELECT id, search_text, {', '.join(columns)} FROM {table} WHERE id > :last ORDER BY id LIMIT {CHUNK}"
    )
    update_row = sa.text(f"UPDATE {table} SET search_text = :folded WHERE id = :id")
    last = 0
    while True:
        rows = bind.execute(select_rows, {"last": last}).all()
        if not rows:
            return
        changed = []
        for row in rows:
            if row[1] is not None and not row[1].isascii():
                folded = fold_fields(*row[2:])
                if folded != row[1]:
                    changed.append({"id": row[0], "folded": folded})
        if changed:
            bind.execute(update_row, changed)
        last = rows[-1][0]


def upgrade():
    bind = op.get_bind()
    for table, columns in SEARCHED.items():
        refold(bind, table, columns)


def downgrade():
    pass  # the old folding found less; nothing to undo
