"""0015_author_edit upgrades a database that holds data, and downgrades back to 0011_mail (#14)."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import JSON, column, insert, inspect, table, text

from moderation import create_app
from moderation.extensions import db
from tests.test_migrations import empty_database_url  # noqa: F401 - pytest fixture

JSON_COLUMNS = {"allowed_origins", "word_list", "policy", "reply_templates", "hold_reasons", "reasons", "evidence"}


def add(connection, name: str, values: dict) -> None:
    columns = [column(key, JSON) if key in JSON_COLUMNS else column(key) for key in values]
    connection.execute(insert(table(name, *columns)).values(**values))


def test_0015_upgrades_with_data_and_downgrades(empty_database_url, redis_url, tmp_path):  # noqa: F811
    app = create_app(
        {"TESTING": True, "DATABASE_URL": empty_database_url, "REDIS_URL": redis_url, "DATA_DIR": str(tmp_path)}
    )
    now = datetime(2026, 11, 1, 12, 0)
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()
        command.upgrade(config, "0011_mail")
        with db.engine.begin() as connection:
            # Rows written with the columns of 0011 (never the live models, which move on).
            add(connection, "sites", {"id": 1, "slug": "shop", "name": "Shop", "allowed_origins": [], "word_list": [],
                                      "policy": {}, "reply_templates": [], "sla_low_rating_hours": 24,
                                      "sla_default_hours": 48, "created_at": now})  # fmt: skip
            add(connection, "subjects", {"id": 1, "site_id": 1, "external_id": "sku-1", "created_at": now})
            add(connection, "authors", {"id": 1, "site_id": 1, "name": "Lea", "created_at": now})
            add(connection, "moderators", {"id": 1, "email": "ann@shop.test", "name": "Ann", "password_hash": "x",
                                           "role": "moderator", "active": True, "created_at": now})  # fmt: skip
            add(connection, "items", {"id": 1, "site_id": 1, "subject_id": 1, "author_id": 1, "kind": "review",
                                      "rating": 2, "body": "Bof", "status": "published", "hold_reasons": [],
                                      "helpful_count": 0, "created_at": now})  # fmt: skip
            add(connection, "replies", {"id": 1, "item_id": 1, "moderator_id": 1, "body": "Désolés", "created_at": now})

        command.upgrade(config, "0015_author_edit")
        inspector = inspect(db.engine)
        assert {"item_revisions", "reply_revisions"} <= set(inspector.get_table_names())
        with db.engine.begin() as connection:
            item = connection.execute(text("SELECT edited_at, body FROM items WHERE id = 1")).one()
            reply = connection.execute(text("SELECT edited_at, withdrawn_at FROM replies WHERE id = 1")).one()
            site = connection.execute(
                text(
                    "SELECT retain_reviews_days, retain_emails_days, retain_rejected_days, retention_counts "
                    "FROM sites WHERE id = 1"
                )  # fmt: skip
            ).one()
            # Existing rows: never edited, nothing withdrawn, everything kept for ever.
            assert tuple(item) == (None, "Bof") and tuple(reply) == (None, None)
            assert tuple(site) == (None, None, None, None)
            connection.execute(text(
                "INSERT INTO item_revisions (item_id, body, status, scores, written_at, replaced_at) "
                "VALUES (1, 'avant', 'published', '[]', :now, :now)"), {"now": now})  # fmt: skip
            connection.execute(text(
                "INSERT INTO reply_revisions (reply_id, body, action, moderator_id, replaced_at) "
                "VALUES (1, 'avant', 'edited', 1, :now)"), {"now": now})  # fmt: skip

        command.downgrade(config, "0011_mail")
        inspector = inspect(db.engine)
        assert not {"item_revisions", "reply_revisions"} & set(inspector.get_table_names())
        assert "edited_at" not in {c["name"] for c in inspector.get_columns("items")}
        assert "retain_reviews_days" not in {c["name"] for c in inspector.get_columns("sites")}
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT body FROM replies WHERE id = 1")).scalar() == "Désolés"
        command.upgrade(config, "head")
        db.engine.dispose()
