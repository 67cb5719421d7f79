"""Admin token pages (#15): list by prefix and hash start, create with the secret shown once, revoke, disable and
enable — CSRF-checked, audited, and effective on the API from the next request (tokens are never cached)."""

from __future__ import annotations

import re

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import ApiToken, AuditEvent
from moderation.services.accounts import hash_token
from tests.conftest import auth, review, submit
from tests.console.conftest import csrf_token, post


def token_id(app, secret: str) -> int:
    with app.app_context():
        return db.session.execute(select(ApiToken.id).where(ApiToken.token_hash == hash_token(secret))).scalar_one()


def audit_rows(app, action: str) -> list[AuditEvent]:
    with app.app_context():
        rows = list(db.session.execute(select(AuditEvent).where(AuditEvent.action == action)).scalars())
        db.session.expunge_all()
        return rows


def test_the_list_shows_prefix_hash_owner_and_never_a_secret(app, as_root, world):
    page = as_root.get("/console/admin/tokens").get_data(as_text=True)
    for secret in (world.site_token, world.moderator_token, world.admin_token):
        assert secret not in page
        assert secret[:10] + "…" in page and hash_token(secret)[:12] in page
    assert "ann@shop.test" in page and "Site tokens" in page and "Moderator tokens" in page
    one_site = as_root.get("/console/admin/tokens?site=shop").get_data(as_text=True)
    assert world.site_token[:10] in one_site and world.moderator_token[:10] not in one_site
    assert as_root.get("/console/admin/tokens?site=nope").status_code == 404


def test_moderators_cannot_see_or_change_tokens(app, as_ann, world):
    assert as_ann.get("/console/admin/tokens").status_code == 403
    target = token_id(app, world.site_token)
    assert post(as_ann, f"/console/admin/tokens/{target}/revoke").status_code == 403
    assert submit(app.test_client(), review(), headers=auth(world.site_token)).status_code == 202


def test_create_shows_the_secret_once_and_it_works_at_once(app, as_root, world):
    response = post(as_root, "/console/admin/tokens?site=shop", {"name": "shop ERP", "owner": "site:shop"})
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    secret = re.search(r'id="new-secret">.*?<code>(mod_[^<]+)</code>', page, re.S).group(1)
    assert submit(app.test_client(), review(), headers=auth(secret)).status_code == 202
    again = as_root.get("/console/admin/tokens").get_data(as_text=True)
    assert secret not in again and secret[:10] in again and "shop ERP" in again
    (created,) = [e for e in audit_rows(app, "token.created") if e.after["name"] == "shop ERP"]
    assert created.moderator_id is not None and created.after["site"] == "shop"
    assert secret not in str(created.after)
    with app.app_context():
        row = db.session.get(ApiToken, created.target_id)
        assert row.created_by.email == "root@shop.test" and row.last_used_at is not None


def test_create_for_a_moderator_and_a_blank_name_is_refused(app, as_root, world):
    with app.app_context():
        from moderation.models import Moderator

        ann_id = db.session.execute(select(Moderator.id).where(Moderator.email == "ann@shop.test")).scalar_one()
    page = post(as_root, "/console/admin/tokens", {"name": "ann laptop", "owner": f"moderator:{ann_id}"})
    secret = re.search(r"<code>(mod_[^<]+)</code>", page.get_data(as_text=True)).group(1)
    assert app.test_client().get("/api/v1/cases", headers=auth(secret)).status_code == 200
    blank = post(as_root, "/console/admin/tokens", {"name": "   ", "owner": "site:shop"})
    assert 'id="new-secret"' not in blank.get_data(as_text=True)


def test_posts_without_the_csrf_token_are_refused(app, as_root, world):
    target = token_id(app, world.site_token)
    assert as_root.post(f"/console/admin/tokens/{target}/revoke").status_code == 400
    assert as_root.post("/console/admin/tokens", data={"name": "x", "owner": "site:shop"}).status_code == 400
    assert submit(app.test_client(), review(), headers=auth(world.site_token)).status_code == 202


def test_revoke_is_effective_at_once_and_audited(app, as_root, world):
    api = app.test_client()
    assert api.get("/api/v1/cases", headers=auth(world.moderator_token)).status_code == 200
    target = token_id(app, world.moderator_token)
    response = post(as_root, f"/console/admin/tokens/{target}/revoke", follow_redirects=True)
    assert "revoked: it is refused from now on" in response.get_data(as_text=True)
    refused = api.get("/api/v1/cases", headers=auth(world.moderator_token))
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "invalid_token"
    (event,) = audit_rows(app, "token.revoked")
    assert event.target_id == target and event.before["revoked_at"] is None and event.after["revoked_at"]
    # A revoked token is gone for good: enabling it is refused.
    post(as_root, f"/console/admin/tokens/{target}/enable")
    assert api.get("/api/v1/cases", headers=auth(world.moderator_token)).status_code == 401


def test_disable_then_enable_a_site_token(app, as_root, world):
    api = app.test_client()
    target = token_id(app, world.site_token)
    post(as_root, f"/console/admin/tokens/{target}/disable?site=shop")
    assert submit(api, review(), headers=auth(world.site_token)).status_code == 401
    page = as_root.get("/console/admin/tokens?site=shop").get_data(as_text=True)
    assert re.search(rf'id="token-{target}" class="disabled"', page)
    post(as_root, f"/console/admin/tokens/{target}/enable?site=shop")
    assert submit(api, review(), headers=auth(world.site_token)).status_code == 202
    assert [e.after["disabled_at"] is None for e in audit_rows(app, "token.disabled")] == [False]
    assert [e.after["disabled_at"] is None for e in audit_rows(app, "token.enabled")] == [True]
    assert csrf_token(as_root, "/console/admin/tokens")  # the page carries the token its forms post


def test_the_token_and_webhook_pages_speak_french(app, as_root, world):
    post(as_root, "/console/language", {"lang": "fr", "next": "/console/admin/tokens"})
    tokens = as_root.get("/console/admin/tokens").get_data(as_text=True)
    assert "Jetons de site" in tokens and "Révoquer" in tokens and "Créer un jeton" in tokens
    hooks = as_root.get("/console/admin/sites/shop/webhooks").get_data(as_text=True)
    assert "Ajouter un point de réception" in hooks and "Autoriser les adresses locales" in hooks
