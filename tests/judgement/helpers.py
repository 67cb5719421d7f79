"""Builders for the #12 judgement tests: a site's rules, a submit from a given address, the case of an item."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, Item, Site
from tests.conftest import ORIGIN


def set_rules(app, rules: list[dict[str, str]], slug: str = "shop") -> None:
    with app.app_context():
        db.session.execute(select(Site).where(Site.slug == slug)).scalar_one().word_list = rules
        db.session.commit()


def submit_from(client, payload: dict, address: str = "198.51.100.1", subject: str = "sku-1", headers=None):
    """A browser submit from ``address`` (the test client's REMOTE_ADDR)."""
    return client.post(
        f"/api/v1/sites/shop/subjects/{subject}/items",
        json=payload,
        headers={"Origin": ORIGIN} if headers is None else headers,
        environ_base={"REMOTE_ADDR": address},
    )


def item_and_case(app, item_id: int) -> tuple[Item, Case | None]:
    with app.app_context():
        item = db.session.get(Item, item_id)
        case = db.session.execute(select(Case).where(Case.item_id == item_id)).scalar_one_or_none()
        db.session.expunge_all()
        return item, case
