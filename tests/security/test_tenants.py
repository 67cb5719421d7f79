"""Tokens are bound to their site: no cross-tenant submit, no rate-limit exemption with someone else's token."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import Role
from moderation.services.accounts import create_moderator, create_site, create_token, get_site
from tests.conftest import ORIGIN, auth, review, submit


def other_site_token(app) -> str:
    with app.app_context():
        secret = create_token("other site", site=get_site("other"))[1]
        db.session.commit()
    return secret


def test_another_sites_token_cannot_submit_here(app, client, world):
    response = submit(client, review(), headers=auth(other_site_token(app)))
    assert response.status_code == 403
    # Even beside an allowed Origin: the token is checked wherever it is sent.
    response = submit(client, review(), headers={"Origin": ORIGIN, **auth(other_site_token(app))})
    assert response.status_code == 403


def test_moderator_tokens_are_not_accepted_on_public_submit(client, world):
    for token in (world.moderator_token, world.admin_token):
        assert submit(client, review(), headers=auth(token)).status_code == 403
    assert submit(client, review(), headers=auth(world.site_token)).status_code == 202


def test_only_the_sites_own_token_exempts_from_the_rate_limit(make_app):
    app = make_app(SUBMIT_RATE_LIMIT="3 per minute")
    client = app.test_client()
    with app.app_context():
        shop = create_site("shop", "Shop", origins=[ORIGIN])
        other = create_site("other", "Other", origins=["http://other.test"])
        admin = create_moderator("root@shop.test", "Root", "password-root", Role.ADMIN.value)
        own = create_token("own", site=shop)[1]
        foreign = create_token("foreign", site=other)[1]
        moderator = create_token("root", moderator=admin)[1]
        db.session.commit()
    # A victim site's widget origin plus a foreign or moderator token: limited like anyone else.
    for token in (foreign, moderator):
        statuses = [submit(client, review(), headers={"Origin": ORIGIN, **auth(token)}).status_code for _ in range(5)]
        assert 429 in statuses, statuses
    # The site's own token is not limited per address.
    statuses = [submit(client, review(), headers=auth(own)).status_code for _ in range(6)]
    assert statuses == [202] * 6
