"""Per-account login throttling: guesses spread over many client addresses still lock the account out."""

from __future__ import annotations

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from moderation.extensions import db
from moderation.services import login_lockout
from moderation.services.accounts import create_moderator
from tests.console.conftest import login

WRONG = "Wrong e-mail or password."
LOCKED = "Too many failed sign-ins with this address"


def add_moderator(app, email: str) -> None:
    with app.app_context():
        create_moderator(email, "Someone", "password-x")
        db.session.commit()


def attempt(app, email: str, password: str, address: int):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = f"203.0.113.{address}"  # a new client address every time
    return client, login(client, email, password)


def test_ten_wrong_passwords_lock_the_account_whatever_the_address(app, world):
    for n in range(10):
        _, response = attempt(app, "root@shop.test", f"guess-{n}", n)
        assert response.status_code == 200 and WRONG in response.get_data(as_text=True)
    client, response = attempt(app, "root@shop.test", "password-root", 99)  # the right one, too late
    assert response.status_code == 429 and LOCKED in response.get_data(as_text=True)
    assert client.get("/console/").status_code == 302  # not signed in
    # Other accounts are not affected.
    assert attempt(app, "ann@shop.test", "password-ann", 98)[1].status_code == 302


def test_a_lockout_says_nothing_about_whether_the_account_exists(make_app):
    app = make_app(LOGIN_LOCKOUT_FAILURES=3)
    add_moderator(app, "root@shop.test")
    answers = {}
    for email in ("root@shop.test", "nobody@shop.test"):
        for n in range(3):
            attempt(app, email, f"guess-{n}", n)
        response = attempt(app, email, "guess-again", 50)[1]
        answers[email] = (response.status_code, response.get_data(as_text=True).count(LOCKED))
    assert answers["root@shop.test"] == answers["nobody@shop.test"] == (429, 1)


def test_success_forgets_earlier_failures(make_app):
    app = make_app(LOGIN_LOCKOUT_FAILURES=3)
    add_moderator(app, "eve@shop.test")
    for round_ in range(3):
        for n in range(2):
            attempt(app, "eve@shop.test", f"guess-{n}", n)
        assert attempt(app, "eve@shop.test", "password-x", 9)[1].status_code == 302, round_


@pytest.fixture
def redis_down(monkeypatch):
    def unreachable(*args, **kwargs):
        raise RedisConnectionError("down")

    monkeypatch.setattr(login_lockout, "get_redis", unreachable)
    monkeypatch.setattr(login_lockout, "_failures", {})
    monkeypatch.setattr(login_lockout, "_locked_until", {})


def test_with_redis_down_the_lockout_holds_in_memory(app, world, redis_down):
    for n in range(10):
        assert attempt(app, "root@shop.test", f"guess-{n}", n)[1].status_code == 200
    assert attempt(app, "root@shop.test", "password-root", 99)[1].status_code == 429
