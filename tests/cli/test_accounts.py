"""`moderation moderator list|reset-password` and `moderation token list|revoke` (#18), and the 401 they lead to."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import ApiToken, AuditEvent, Moderator
from moderation.services.accounts import hash_token
from tests.conftest import auth, review, submit


def audit_actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def test_moderator_list(runner, world):
    result = runner.invoke(args=["moderator", "list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["email", "name", "role", "active", "sites"]
    assert lines[1].split() == ["ann@shop.test", "Ann", "moderator", "yes", "shop"]
    assert any(line.split()[:3] == ["root@shop.test", "Root", "admin"] for line in lines)


def test_reset_password_prints_a_random_one_and_is_audited(app, runner, world):
    result = runner.invoke(args=["moderator", "reset-password", "ANN@shop.test"])
    assert result.exit_code == 0, result.output
    password = result.output.strip()
    assert len(password) >= 12 and "\n" not in password
    with app.app_context():
        ann = db.session.execute(select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        assert ann.check_password(password) and not ann.check_password("password-ann")
    assert audit_actions(app)[-1] == "moderator.password_reset"
    with app.app_context():
        event = db.session.execute(select(AuditEvent).order_by(AuditEvent.id.desc())).scalars().first()
        assert password not in repr((event.before, event.after))


def test_reset_password_from_stdin(app, runner, world):
    result = runner.invoke(args=["moderator", "reset-password", "ann@shop.test", "--password-stdin"],
                           input="a new long password\n")  # fmt: skip
    assert result.exit_code == 0 and "a new long password" not in result.output
    with app.app_context():
        ann = db.session.execute(select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        assert ann.check_password("a new long password")
    short = runner.invoke(args=["moderator", "reset-password", "ann@shop.test", "--password-stdin"], input="short\n")
    assert short.exit_code == 1 and "at least 8" in short.output
    unknown = runner.invoke(args=["moderator", "reset-password", "nobody@shop.test"])
    assert unknown.exit_code == 1 and "nobody@shop.test" in unknown.output


def test_token_list_shows_owners_and_hash_prefixes_never_secrets(app, runner, world):
    result = runner.invoke(args=["token", "list"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["id", "name", "moderator", "site", "sha256", "created",
                                                     "last", "used", "revoked"]  # fmt: skip
    for secret in (world.site_token, world.moderator_token, world.admin_token):
        assert secret not in result.output and secret[4:10] not in result.output
        assert hash_token(secret)[:12] in result.output
    assert "ann@shop.test" in result.output and "shop" in result.output


def test_revoked_token_gets_401_not_valid_and_revocation_is_audited(app, client, runner, world):
    assert client.get("/api/v1/cases", headers=auth(world.moderator_token)).status_code == 200
    with app.app_context():
        token_id = db.session.execute(
            select(ApiToken.id).where(ApiToken.token_hash == hash_token(world.moderator_token))
        ).scalar_one()
    result = runner.invoke(args=["token", "revoke", str(token_id)])
    assert result.exit_code == 0 and f"token {token_id} revoked" in result.output
    again = runner.invoke(args=["token", "revoke", str(token_id)])
    assert again.exit_code == 0 and "already revoked" in again.output
    assert audit_actions(app).count("token.revoked") == 1
    assert runner.invoke(args=["token", "revoke", "999999"]).exit_code == 1

    response = client.get("/api/v1/cases", headers=auth(world.moderator_token))
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "invalid_token"
    assert response.get_json()["error"]["message"] == "the token is not valid"
    listing = runner.invoke(args=["token", "list"]).output
    revoked_line = next(line for line in listing.splitlines() if line.split()[0] == str(token_id))
    assert revoked_line.rstrip()[-1].isdigit()  # the revoked column carries a date


def test_a_deactivated_moderators_token_is_not_valid_and_the_site_token_still_is(app, client, world):
    assert client.get("/api/v1/cases", headers=auth(world.moderator_token)).status_code == 200
    with app.app_context():
        ann = db.session.execute(select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        ann.active = False
        db.session.commit()
    response = client.get("/api/v1/cases", headers=auth(world.moderator_token))
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "invalid_token"
    assert submit(client, review(), headers=auth(world.site_token)).status_code == 202


def test_a_bad_site_token_is_not_valid_rather_than_missing(client, world):
    response = submit(client, review(), headers=auth("mod_not-a-token"))
    assert response.status_code == 401
    assert response.get_json()["error"] == {"code": "invalid_token", "message": "the token is not valid",
                                            "field": "Authorization"}  # fmt: skip
    missing = submit(client, review(), headers={})
    assert missing.status_code == 401 and missing.get_json()["error"]["code"] == "token_required"


def test_last_used_is_written_at_most_once_a_minute(app, client, world):
    def last_used():
        with app.app_context():
            return db.session.execute(
                select(ApiToken.last_used_at).where(ApiToken.token_hash == hash_token(world.moderator_token))
            ).scalar_one()

    assert last_used() is None
    client.get("/api/v1/cases", headers=auth(world.moderator_token))  # a read-only request records the use too
    first = last_used()
    assert first is not None
    client.get("/api/v1/cases", headers=auth(world.moderator_token))
    assert last_used() == first
    with app.app_context():
        token = db.session.execute(
            select(ApiToken).where(ApiToken.token_hash == hash_token(world.moderator_token))
        ).scalar_one()
        token.last_used_at = first - timedelta(minutes=2)
        db.session.commit()
    client.get("/api/v1/cases", headers=auth(world.moderator_token))
    assert last_used() > first - timedelta(minutes=2)
