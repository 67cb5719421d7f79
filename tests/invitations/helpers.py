"""Builders for invitation tests: the API call, the CSRF token of the review page, reading the stored rows."""

from __future__ import annotations

import re

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Invitation, OutboxMessage
from tests.conftest import auth

CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def order(reference: str = "FR-1001", subjects=("sku-1",), email="lea@example.com", name="Léa", **extra) -> dict:
    return {
        "order_reference": reference,
        "subjects": list(subjects),
        "customer": {"email": email, "name": name},
        **extra,
    }


def invite(client, token: str | None, payload: dict, site: str = "shop"):
    headers = auth(token) if token else {}
    return client.post(f"/api/v1/sites/{site}/invitations", json=payload, headers=headers)


def form_token(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, page.get_data(as_text=True)
    return CSRF_INPUT.search(page.get_data(as_text=True)).group(1)


def post_review(client, path: str, **fields):
    data = {"rating": "4", "title": "", "body": "Conforme à la description", "name": "Léa", **fields}
    return client.post(path, data={"csrf_token": form_token(client, path), **data})


def invitations(app) -> list[Invitation]:
    with app.app_context():
        rows = list(db.session.execute(select(Invitation).order_by(Invitation.id)).scalars())
        db.session.expunge_all()
        return rows


def outbox(app, kind: str = "invite") -> list[OutboxMessage]:
    with app.app_context():
        rows = list(
            db.session.execute(
                select(OutboxMessage).where(OutboxMessage.kind == kind).order_by(OutboxMessage.id)
            ).scalars()
        )
        db.session.expunge_all()
        return rows
