"""Who may act: ``moderation site``, ``moderation moderator`` and ``moderation token``."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from ..extensions import db
from ..models import Moderator
from ..services.accounts import create_moderator, create_site, create_token, get_site
from .common import fail, service_errors


@click.group("site")
def site_group() -> None:
    """Manage sites (tenants)."""


@site_group.command("create")
@click.argument("slug")
@click.option("--name", default=None)
@click.option("--origin", "origins", multiple=True, help="Origin allowed to embed the widget (repeatable).")
@click.option("--word", "words", multiple=True, help="Word that holds an item for moderation (repeatable).")
@with_appcontext
def site_create(slug, name, origins, words) -> None:
    """Create a site."""
    with service_errors():
        site = create_site(slug, name, list(origins), list(words))
    db.session.commit()
    click.echo(f"site {site.slug} created (id {site.id})")


@click.group("moderator")
def moderator_group() -> None:
    """Manage moderators."""


@moderator_group.command("create")
@click.argument("email")
@click.option("--name", required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--role", type=click.Choice(["moderator", "admin"]), default="moderator", show_default=True)
@click.option("--site", "sites", multiple=True, help="Site slug this moderator works on (repeatable).")
@with_appcontext
def moderator_create(email, name, password, role, sites) -> None:
    """Create a moderator."""
    with service_errors():
        moderator = create_moderator(email, name, password, role, list(sites))
    db.session.commit()
    click.echo(f"moderator {moderator.email} created ({moderator.role})")


@click.group("token")
def token_group() -> None:
    """Manage API tokens."""


@token_group.command("create")
@click.option("--moderator", "moderator_email", default=None, help="Token acting as this moderator.")
@click.option("--site", "site_slug", default=None, help="Site token for server-side submissions.")
@click.option("--name", default="cli", show_default=True)
@with_appcontext
def token_create(moderator_email, site_slug, name) -> None:
    """Create a token; the secret is printed once."""
    if bool(moderator_email) == bool(site_slug):
        fail("give exactly one of --moderator or --site")
    with service_errors():
        if moderator_email:
            moderator = db.session.execute(
                select(Moderator).where(Moderator.email == moderator_email.lower())
            ).scalar_one_or_none()
            if moderator is None:
                fail(f"no moderator {moderator_email}")
            _, secret = create_token(name, moderator=moderator)
        else:
            _, secret = create_token(name, site=get_site(site_slug))
    db.session.commit()
    click.echo(secret)
