"""The rq dashboard at /admin/rq: admins only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderation.extensions import db, login_manager
from moderation.models import Moderator

PAGES = ("/admin/rq/", "/admin/rq/0/data/queues.json", "/admin/rq/0/view/workers")


@pytest.fixture
def session_login(monkeypatch, app, world):
    """Log a moderator in through Flask-Login's session cookie, as the console's login form does.

    The console registers the user loader; where it is absent from this tree, the test supplies the same
    lookup for the duration of the test.
    """
    if login_manager._user_callback is None:
        monkeypatch.setattr(login_manager, "_user_callback", lambda user_id: db.session.get(Moderator, int(user_id)))

    def login(client, email: str) -> None:
        with app.app_context():
            moderator_id = db.session.execute(select(Moderator.id).where(Moderator.email == email)).scalar_one()
        with client.session_transaction() as session:
            session["_user_id"] = str(moderator_id)
            session["_fresh"] = True

    return login


def test_anonymous_visitors_are_refused(client, world):
    for page in PAGES:
        response = client.get(page)
        assert response.status_code in (302, 403), (page, response.status_code)
        if response.status_code == 302:  # the console's login page, when the console is installed
            assert "login" in response.headers["Location"]
        assert b"rq-dashboard" not in response.data.lower()
    # Its state-changing endpoints too.
    assert client.post("/admin/rq/queue/scoring/queued/empty").status_code in (302, 403)


def test_bearer_tokens_do_not_open_it(client, world):
    response = client.get("/admin/rq/", headers={"Authorization": f"Bearer {world.admin_token}"})
    assert response.status_code in (302, 403)


def test_moderators_get_403_and_admins_the_dashboard(app, world, session_login):
    moderator = app.test_client()
    session_login(moderator, "ann@shop.test")
    assert moderator.get("/admin/rq/").status_code == 403

    admin = app.test_client()
    session_login(admin, "root@shop.test")
    page = admin.get("/admin/rq/")
    assert page.status_code == 200
    assert b"RQ" in page.data
    queues = admin.get("/admin/rq/0/data/queues.json")
    assert queues.status_code == 200
    assert "queues" in queues.get_json()
