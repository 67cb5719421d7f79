"""Builders for the reader-feedback tests: a published review, a brand reply under it, and the calls."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Moderator, Reply
from tests.conftest import ORIGIN, review, submit


def posted(client, subject: str = "sku-1", **extra) -> int:
    response = submit(client, review(**extra), subject=subject)
    assert response.status_code == 202, response.get_json()
    return response.get_json()["id"]


def brand_reply(app, item_id: int, body: str = "Merci, nous regardons cela.", moderator: str = "ann@shop.test") -> int:
    with app.app_context():
        author = db.session.execute(select(Moderator).where(Moderator.email == moderator)).scalar_one()
        answer = Reply(item_id=item_id, moderator_id=author.id, body=body)
        db.session.add(answer)
        db.session.commit()
        return answer.id


def report(client, item_id, payload=None, site="shop", origin=ORIGIN, addr="10.0.0.1", headers=None):
    hdrs = {"Origin": origin} if origin else {}
    hdrs.update(headers or {})
    return client.post(
        f"/api/v1/sites/{site}/items/{item_id}/reports",
        json={"reason": "spam"} if payload is None else payload,
        headers=hdrs,
        environ_base={"REMOTE_ADDR": addr},
    )


def answer_vote(client, reply_id, helpful=True, site="shop", addr="10.0.0.1", method="POST"):
    return client.open(
        f"/api/v1/sites/{site}/replies/{reply_id}/vote",
        method=method,
        json={"helpful": helpful} if method == "POST" else None,
        headers={"Origin": ORIGIN},
        environ_base={"REMOTE_ADDR": addr},
    )
