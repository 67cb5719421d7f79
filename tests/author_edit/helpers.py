"""Builders for the author-edit tests: a review whose author asked for mail, and the links of its mails."""

from __future__ import annotations

import re

from moderation.extensions import db
from moderation.models import Item, OutboxMessage
from tests.conftest import review, submit
from tests.mail.conftest import link_in, reviewer

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


def posted_review(client, **payload) -> int:
    """Submit a review whose author ticked "notify me"; returns the item id."""
    response = submit(client, review(**{"lang": "fr", "author": reviewer(), **payload}))
    assert response.status_code == 202, response.get_json()
    return response.get_json()["id"]


def mail_link(app, item_id: int, prefix: str) -> str:
    """The link starting with ``prefix`` in the newest mail written about ``item_id``."""
    with app.app_context():
        message = db.session.query(OutboxMessage).filter_by(item_id=item_id).order_by(OutboxMessage.id.desc()).first()
        assert message is not None, "no mail about this item"
        return link_in(message.body, prefix)


def form_token(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, page.get_data(as_text=True)
    match = CSRF_FIELD.search(page.get_data(as_text=True))
    assert match, "no CSRF field on the page"
    return match.group(1)


def item_row(app, item_id: int) -> Item:
    with app.app_context():
        item = db.session.get(Item, item_id)
        db.session.expunge(item)
        return item
