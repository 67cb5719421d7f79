"""content rules: site rules with actions, the duplicate fingerprint and client key on items

- ``sites.word_list`` held plain words, each of which held an item. It now holds ``{"pattern", "action"}``
  entries (``hold``, ``flag``, ``log``); every existing word becomes a ``hold``, so nothing changes for a site
  until an admin chooses otherwise. Downgrade keeps the ``hold`` patterns as words (flag and log entries did
  nothing before, so dropping them restores the old behaviour).
- ``items.fingerprint`` (what the text says, normalised) and ``items.client_key`` (a keyed hash of the address it
  came from), indexed with the site and the date, so "the same text twice within the window" is one index lookup.
  Existing items keep NULL: only items submitted from now on are compared.

Revision ID: 0006_content_rules
Revises: 0005_text_search
Create Date: 2026-12-02 10:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0006_content_rules"
down_revision = "0005_text_search"
branch_labels = None
depends_on = None

sites = sa.table("sites", sa.column("id", sa.Integer), sa.column("word_list", sa.JSON))


def _rewrite_word_lists(convert) -> None:
    bind = op.get_bind()
    for site_id, word_list in bind.execute(sa.select(sites.c.id, sites.c.word_list)).all():
        new = convert(word_list or [])
        if new != (word_list or []):
            bind.execute(sites.update().where(sites.c.id == site_id).values(word_list=new))


def _to_rules(word_list: list) -> list:
    return [{"pattern": w, "action": "hold"} if isinstance(w, str) else w for w in word_list]


def _to_words(word_list: list) -> list:
    words = []
    for entry in word_list:
        if isinstance(entry, str):
            words.append(entry)
        elif isinstance(entry, dict) and entry.get("action", "hold") == "hold" and entry.get("pattern"):
            words.append(entry["pattern"])
    return words


def upgrade():
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fingerprint", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("client_key", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_items_site_fingerprint", ["site_id", "fingerprint", "created_at"], unique=False)
    _rewrite_word_lists(_to_rules)


def downgrade():
    _rewrite_word_lists(_to_words)
    with op.batch_alter_table("items", schema=None) as batch_op:
        batch_op.drop_index("ix_items_site_fingerprint")
        batch_op.drop_column("client_key")
        batch_op.drop_column("fingerprint")
