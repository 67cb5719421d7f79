"""The rq dashboard at /admin/rq: admins only."""

from __future__ import annotations

from tests.console.conftest import login

PAGES = ("/admin/rq/", "/admin/rq/0/data/queues.json", "/admin/rq/0/view/workers")


def test_anonymous_visitors_are_refused(client, world):
    for page in PAGES:
        response = client.get(page)
        assert response.status_code == 302, (page, response.status_code)
        assert "/console/login" in response.headers["Location"]
        assert b"rq-dashboard" not in response.data.lower()
    # Its state-changing endpoints too.
    assert client.post("/admin/rq/queue/scoring/queued/empty").status_code in (302, 403)
    assert client.get("/admin/rq/0/data/queues.json").status_code == 302


def test_bearer_tokens_do_not_open_it(client, world):
    response = client.get("/admin/rq/", headers={"Authorization": f"Bearer {world.admin_token}"})
    assert response.status_code == 302


def test_moderators_get_403_and_admins_the_dashboard(app, world):
    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302  # the console's login form
    assert moderator.get("/admin/rq/").status_code == 403
    assert moderator.post("/admin/rq/queue/scoring/queued/empty").status_code == 403

    admin = app.test_client()
    assert login(admin, "root@shop.test", "password-root").status_code == 302
    page = admin.get("/admin/rq/")
    assert page.status_code == 200
    assert b"RQ" in page.data
    queues = admin.get("/admin/rq/0/data/queues.json")
    assert queues.status_code == 200
    assert "queues" in queues.get_json()
