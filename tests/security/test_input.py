"""Hostile input gets a 4xx naming the field, never a 500: surrogates, invisible text, deep nesting, big chunked
bodies; 429 and an unreachable database say when to retry; a retried submission is not a duplicate."""

from __future__ import annotations

import io
import json
import re
import unicodedata

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from moderation.extensions import db
from moderation.models import Case, Item
from moderation.schemas import common
from tests.conftest import ORIGIN, auth, review, run_worker, submit

URL = "/api/v1/sites/shop/subjects/sku-1/items"


def error_of(response) -> dict:
    return response.get_json()["error"]


def raw_post(client, body: bytes, **headers):
    return client.post(URL, data=body, content_type="application/json", headers={"Origin": ORIGIN, **headers})


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (review(body="a\ud800b"), "body"),
        (review(title="x\udfff"), "title"),
        (review(author={"name": "a\ud800"}), "author.name"),
        (review(body="\u200b\u200c\u200d\ufeff \u2060"), "body"),
        (review(title="\u200b"), "title"),
        (review(author={"name": "\u200b\u200e"}), "author.name"),
        (review(body="\u3164\u3164 \u2800"), "body"),  # Hangul filler, blank Braille: letters that draw nothing
        (review(author={"name": "\u3164"}), "author.name"),
    ],
)
def test_lone_surrogates_and_invisible_text_are_422_naming_the_field(client, world, payload, field):
    # json.dumps writes a lone surrogate as the escape "\ud800", as an attacker's client would.
    response = raw_post(client, json.dumps(payload).encode())
    assert response.status_code == 422, response.get_data(as_text=True)
    assert error_of(response)["field"] == field


def test_moderator_reply_and_note_refuse_the_same(app, client, world):
    assert submit(client, review(rating=1, body="Horrible, cassé dès la première sortie")).status_code == 202
    run_worker(app)
    with app.app_context():
        case_id = db.session.execute(select(Case.id)).scalar_one()
    headers = {**auth(world.moderator_token), "Content-Type": "application/json"}
    for action, body, field in (("reply", {"body": "\ud800"}, "body"), ("resolve", {"note": "\u200b"}, "note")):
        response = client.post(f"/api/v1/cases/{case_id}/{action}", data=json.dumps(body), headers=headers)
        assert response.status_code == 422, (action, response.get_data(as_text=True))
        assert error_of(response)["field"] == field


def test_deep_nesting_is_422_not_a_recursion_error(client, world):
    for depth in (100, 5000):
        response = raw_post(client, b"[" * depth + b"]" * depth)
        assert response.status_code == 422
        assert error_of(response)["code"] == "too_deep"
    # Brackets inside strings are text, not nesting.
    assert raw_post(client, json.dumps(review(body="[" * 200)).encode()).status_code == 202


def test_oversized_chunked_body_is_413(client, world):
    body = json.dumps(review(body="x" * 1_000_000)).encode()
    response = client.post(
        URL,
        input_stream=io.BytesIO(body),
        content_type="application/json",
        headers={"Origin": ORIGIN, "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )
    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def test_429_says_when_to_retry(make_app):
    app = make_app(SUBMIT_RATE_LIMIT="2 per minute")
    client = app.test_client()
    from moderation.services.accounts import create_site

    with app.app_context():
        create_site("shop", "Shop", origins=[ORIGIN])
        db.session.commit()
    statuses = [submit(client, review()) for _ in range(3)]
    assert [r.status_code for r in statuses] == [202, 202, 429]
    assert 0 < int(statuses[-1].headers["Retry-After"]) <= 61


def test_unreachable_database_is_503_with_retry_after(app, client, world, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr("moderation.api.public.public_site", down)
    response = submit(client, review())
    assert response.status_code == 503
    assert error_of(response)["code"] == "unavailable"
    assert response.headers["Retry-After"] == "5"


def count_items(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).select_from(Item)).scalar_one()


def test_idempotency_key_returns_the_first_answer(app, client, world):
    headers = {"Origin": ORIGIN, "Idempotency-Key": "retry-7f3a"}
    first = submit(client, review(), headers=headers)
    again = submit(client, review(), headers=headers)
    assert first.status_code == again.status_code == 202
    assert again.get_json() == first.get_json()
    assert count_items(app) == 1
    # Another key, or none, is another submission; the same key on another site is that site's own.
    assert submit(client, review(), headers={"Origin": ORIGIN, "Idempotency-Key": "other"}).get_json() != (
        first.get_json()
    )
    assert submit(client, review()).status_code == 202
    other_headers = {"Origin": "http://other.test", "Idempotency-Key": "retry-7f3a"}
    other = submit(client, review(), site="other", headers=other_headers)
    assert other.status_code == 202 and other.get_json()["id"] != first.get_json()["id"]
    assert count_items(app) == 4
    bad = submit(client, review(), headers={"Origin": ORIGIN, "Idempotency-Key": "é" * 3})
    assert bad.status_code == 422 and error_of(bad)["field"] == "Idempotency-Key"


def test_the_invisible_class_is_what_unicodedata_says():
    """``common.INVISIBLE`` (written into the document's text pattern, and what ``visible_text`` refuses alone) is
    exactly the characters that show nothing: ``str.isspace``, the categories Zs, Zl, Zp, Cc, Cf, and the letters and
    symbols that draw nothing (``common.BLANK_GLYPHS``: Hangul fillers, blank Braille…)."""
    invisible = re.compile(f"[{common.INVISIBLE}]")
    everything = (chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    mismatched = [
        f"U+{ord(ch):04X}"
        for ch in everything
        if bool(invisible.fullmatch(ch))
        != (ch.isspace() or unicodedata.category(ch) in common.INVISIBLE_CATEGORIES or ch in common.BLANK_GLYPHS)
    ]
    assert mismatched == []
