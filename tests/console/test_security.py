"""Security of the console: login everywhere, CSRF on every POST, one site's moderators see nothing of another."""

from __future__ import annotations

import re

import pytest
from werkzeug.routing import AnyConverter, IntegerConverter

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Moderator
from tests.console.conftest import csrf_token, login, post

PUBLIC = {"console.login", "console.language"}


def console_rules(app):
    return [r for r in app.url_map.iter_rules() if r.endpoint.startswith("console.")]


def example_url(app, rule) -> str:
    values = {}
    for arg in rule.arguments:
        converter = rule._converters[arg]
        if isinstance(converter, AnyConverter):  # <any(revoke, disable):change>: one of the words it takes
            values[arg] = sorted(converter.items)[0]
        else:
            values[arg] = 1 if isinstance(converter, IntegerConverter) else "shop"  # the app's IdConverter too
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def test_the_console_has_the_routes_these_tests_walk(app):
    endpoints = {r.endpoint for r in console_rules(app)}
    # A route added later is covered by the loops below; this guards against the loops walking nothing.
    assert {"console.queue", "console.case", "console.claim", "console.reply", "console.bulk_apply"} <= endpoints
    assert len(endpoints) >= 25


def test_every_console_route_redirects_or_refuses_without_login(app, world):
    client = app.test_client()
    token = csrf_token(client)  # a valid token, so the refusal below is the login check, not CSRF
    checked = 0
    for rule in console_rules(app):
        if rule.endpoint in PUBLIC:
            continue
        url = example_url(app, rule)
        if "GET" in rule.methods:
            response = client.get(url)
            assert response.status_code == 302, (url, response.status_code)
            assert response.location.startswith("/console/login"), url
            checked += 1
        if "POST" in rule.methods:
            response = client.post(url, data={"csrf_token": token})
            assert response.status_code in (401, 403), (url, response.status_code)
            checked += 1
    assert checked >= 25


def test_htmx_requests_without_login_get_a_login_redirect_header(app, world):
    response = app.test_client().get("/console/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/console/login"


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_every_console_post_without_a_valid_csrf_token_is_refused(app, as_root, shop_cases, token):
    data = {} if token is None else {"csrf_token": token}
    posts = [r for r in console_rules(app) if "POST" in r.methods]
    assert len(posts) >= 15
    for rule in posts:
        url = example_url(app, rule)
        response = as_root.post(url, data=data)
        assert response.status_code == 400, (url, response.status_code)
        assert b"CSRF" in response.data
    with app.app_context():
        # Nothing changed: no case claimed, no bulk, no note.
        assert db.session.execute(db.select(Case).where(Case.state != "open")).first() is None
        assert db.session.execute(db.select(AuditEvent).where(AuditEvent.moderator_id.is_not(None))).first() is None


def test_login_refuses_wrong_password_and_unknown_email_alike(app, world):
    client = app.test_client()
    wrong = login(client, "ann@shop.test", "nope-nope")
    unknown = login(client, "nobody@shop.test", "password-ann")
    assert wrong.status_code == unknown.status_code == 200
    assert b"Wrong e-mail or password." in wrong.data and b"Wrong e-mail or password." in unknown.data
    assert client.get("/console/").status_code == 302


def test_inactive_moderator_cannot_sign_in_and_is_signed_out(app, world, as_ann):
    assert as_ann.get("/console/").status_code == 200
    with app.app_context():
        ann = db.session.execute(db.select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        ann.active = False
        db.session.commit()
    assert as_ann.get("/console/").status_code == 302
    assert login(app.test_client(), "ann@shop.test", "password-ann").status_code == 200


def test_session_cookie_is_httponly_and_samesite(app, world):
    client = app.test_client()
    response = login(client, "ann@shop.test", "password-ann")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_logout_is_a_post_and_ends_the_session(app, as_ann):
    assert as_ann.get("/console/logout").status_code == 405
    assert post(as_ann, "/console/logout").status_code == 302
    assert as_ann.get("/console/").status_code == 302


@pytest.mark.parametrize("target", ["https://evil.test/", "//evil.test/x", "/\\evil.test", "javascript:alert(1)"])
def test_login_never_redirects_off_site(app, world, target):
    client = app.test_client()
    token = csrf_token(client)
    response = client.post(
        "/console/login?next=" + target,
        data={"csrf_token": token, "email": "ann@shop.test", "password": "password-ann"},
    )
    assert response.status_code == 302
    assert response.location == "/console/"


def test_pages_carry_a_strict_content_security_policy(as_ann):
    response = as_ann.get("/console/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"


def test_admin_pages_are_403_for_moderators(app, as_ann):
    for path in ("/console/admin/sites", "/console/admin/sites/shop", "/console/admin/moderators"):
        assert as_ann.get(path).status_code == 403, path
    assert post(as_ann, "/console/admin/sites/shop", {"name": "Hacked"}).status_code == 403


def test_a_moderator_of_one_site_sees_nothing_of_another(app, client, as_olga, shop_cases):
    shop_ids, other_ids = shop_cases["shop"], shop_cases["other"]
    queue = as_olga.get("/console/?state=active").get_data(as_text=True)
    # Case links carry the queue's filters (``?state=…``), so that next/previous follow them.
    listed = {int(i) for i in re.findall(r'href="/console/cases/(\d+)[?"]', queue)}
    assert listed == set(other_ids)
    assert "cassé" not in queue and "sku-1" not in queue

    for case_id in shop_ids:
        assert as_olga.get(f"/console/cases/{case_id}").status_code == 404
        for action in ("claim", "reply", "resolve", "dismiss", "escalate", "notes"):
            response = post(as_olga, f"/console/cases/{case_id}/{action}", {"body": "x", "note": "x"})
            assert response.status_code == 404, action
    with app.app_context():
        states = db.session.execute(db.select(Case.state).where(Case.id.in_(shop_ids))).scalars().all()
        shop_subject = db.session.execute(db.text("SELECT id FROM subjects WHERE external_id = 'sku-1'")).scalar()
    assert set(states) == {"open"}

    assert as_olga.get("/console/dashboard?site=shop").status_code == 404
    assert as_olga.get("/console/models?site=shop").status_code == 404
    assert as_olga.get(f"/console/products/{shop_subject}").status_code == 404
    # Naming the other site in a filter widens nothing: the filter is ignored, her own cases remain.
    preview = as_olga.get("/console/bulk?preview=1&site=shop&state=active").get_data(as_text=True)
    assert 'data-count="1"' in preview
    audit = as_olga.get("/console/audit").get_data(as_text=True)
    csv = as_olga.get("/console/audit.csv").get_data(as_text=True)
    for case_id in shop_ids:
        assert f"case #{case_id}<" not in audit
        assert f",case,{case_id}," not in csv
