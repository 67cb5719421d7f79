"""`moderation invite SITE FILE.csv` (idempotent by order reference + product) and the migrations' up and down."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from moderation import create_app
from moderation.extensions import db
from tests.invitations.helpers import invitations, outbox
from tests.test_migrations import empty_database_url  # noqa: F401 - pytest fixture

CSV = """order_reference,subject,email,name,lang,send_after
A-1,sku-1,lea@example.com,Léa,fr,
A-1,sku-2,lea@example.com,Léa,fr,
B-2,sku-1,max@example.com,Max,en,
C-3,sku-3,not-an-address,Zoé,fr,
D-4,sku-4,zoe@example.com,Zoé,fr,2026-13-45
"""


def test_bulk_from_csv_is_idempotent_and_names_bad_lines(app, runner, world, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text(CSV, encoding="utf-8")
    result = runner.invoke(args=["invite", "shop", str(path)])
    assert result.exit_code == 1, result.output
    assert "3 invitation(s) created, 0 already invited, 2 row(s) refused" in result.output
    assert "line 5: customer.email:" in result.output and "line 6: send_after:" in result.output
    assert [(i.order_reference, i.lang) for i in invitations(app)] == [("A-1", "fr"), ("A-1", "fr"), ("B-2", "en")]
    mails = outbox(app)
    assert sorted(m.to_address for m in mails) == ["lea@example.com", "max@example.com"]  # one mail per order

    again = runner.invoke(args=["invite", "shop", str(path)])
    assert "0 invitation(s) created, 3 already invited, 2 row(s) refused" in again.output
    assert len(invitations(app)) == 3 and len(outbox(app)) == 2


def test_csv_without_the_needed_columns_is_refused(app, runner, world, tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("order,email\nA,lea@example.com\n", encoding="utf-8")
    result = runner.invoke(args=["invite", "shop", str(path)])
    assert result.exit_code == 1 and "missing column(s): order_reference, subject, name" in result.output
    assert runner.invoke(args=["invite", "nope", str(path)]).exit_code == 1


def test_migrations_up_and_down(empty_database_url, redis_url, tmp_path):  # noqa: F811 - the fixture
    app = create_app(
        {"DATABASE_URL": empty_database_url, "REDIS_URL": redis_url, "DATA_DIR": str(tmp_path), "TESTING": True}
    )
    with app.app_context():
        config = app.extensions["migrate"].migrate.get_config()

        def columns(table: str) -> set[str]:
            inspector = inspect(db.engine)
            return {c["name"] for c in inspector.get_columns(table)} if inspector.has_table(table) else set()

        command.upgrade(config, "head")
        assert {"disabled_at", "created_by_id"} <= columns("api_tokens")
        assert "verified_purchase" in columns("items")
        assert {"order_reference", "send_after", "used_at", "item_id"} <= columns("invitations")
        command.downgrade(config, "0015_token_controls")
        assert columns("invitations") == set() and "verified_purchase" not in columns("items")
        assert "disabled_at" in columns("api_tokens")
        command.downgrade(config, "0011_mail")
        assert not {"disabled_at", "created_by_id"} & columns("api_tokens")
        command.upgrade(config, "head")
        assert "verified_purchase" in columns("items") and "disabled_at" in columns("api_tokens")
        db.engine.dispose()
