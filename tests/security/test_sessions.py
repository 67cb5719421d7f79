"""Sessions end on the server: a cookie copied before logout or a credential change no longer works."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import Moderator, Role
from tests.console.conftest import csrf_token, login, post


def copy_session(app, client):
    """Another browser holding the same cookie (as an attacker who copied it would)."""
    thief = app.test_client()
    cookie = client.get_cookie("session")
    thief.set_cookie("session", cookie.value)
    return thief


def signed_in(client) -> bool:
    return client.get("/console/audit").status_code == 200


def set_on(app, email: str, **changes) -> None:
    with app.app_context():
        moderator = db.session.execute(db.select(Moderator).where(Moderator.email == email)).scalar_one()
        for name, value in changes.items():
            if name == "password":
                moderator.set_password(value)
            else:
                setattr(moderator, name, value)
        db.session.commit()


def test_logout_ends_a_copied_cookie(app, as_root):
    thief = copy_session(app, as_root)
    assert signed_in(thief)
    post(as_root, "/console/logout")
    assert not signed_in(thief)
    assert not signed_in(as_root)


def test_log_out_everywhere_is_a_csrf_protected_post(app, as_root):
    other_browser = app.test_client()
    assert login(other_browser, "root@shop.test", "password-root").status_code == 302
    assert as_root.get("/console/logout-everywhere").status_code == 405
    assert as_root.post("/console/logout-everywhere").status_code == 400  # no CSRF token
    assert signed_in(other_browser)
    assert 'action="/console/logout-everywhere"' in as_root.get("/console/audit").get_data(as_text=True)
    assert post(as_root, "/console/logout-everywhere").status_code == 302
    assert not signed_in(other_browser)
    assert not signed_in(as_root)


def test_password_role_and_deactivation_end_sessions(app, world):
    for change in ({"password": "a-new-password-1"}, {"role": Role.ADMIN.value}, {"active": False}):
        set_on(app, "ann@shop.test", password="password-ann", active=True, role=Role.MODERATOR.value)
        client = app.test_client()
        assert login(client, "ann@shop.test", "password-ann").status_code == 302
        assert signed_in(client)
        set_on(app, "ann@shop.test", **change)
        assert not signed_in(client), change


def test_sign_in_again_after_logout_works(app, as_root):
    post(as_root, "/console/logout")
    assert login(as_root, "root@shop.test", "password-root").status_code == 302
    assert signed_in(as_root)
    assert csrf_token(as_root, "/console/audit")
