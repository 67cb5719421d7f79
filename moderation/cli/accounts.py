"""Who may act: ``moderation site``, ``moderation moderator`` and ``moderation token``."""

from __future__ import annotations

import sys
from datetime import datetime

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from ..extensions import db
from ..models import Moderator
from ..services.accounts import (
    create_moderator,
    create_site,
    create_token,
    get_site,
    list_moderators,
    list_tokens,
    reset_password,
    revoke_token,
)
from .common import fail, service_errors


def when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M}" if moment else "-"


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in (header, *rows):
        click.echo("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


@click.group("site")
def site_group() -> None:
    """Manage sites (tenants)."""


@site_group.command("create")
@click.argument("slug")
@click.option("--name", default=None)
@click.option("--origin", "origins", multiple=True, help="Origin allowed to embed the widget (repeatable).")
@click.option("--word", "words", multiple=True, help="Site rule 'PATTERN [hold|flag|log]' (repeatable).")
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


@moderator_group.command("list")
@with_appcontext
def moderator_list() -> None:
    """List moderators: e-mail, name, role, active, sites."""
    rows = [
        (m.email, m.name, m.role, "yes" if m.active else "no", ",".join(sorted(s.slug for s in m.sites)) or "-")
        for m in list_moderators()
    ]
    print_table(("email", "name", "role", "active", "sites"), rows)


@moderator_group.command("reset-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input (default: random).")
@with_appcontext
def moderator_reset_password(email: str, password_stdin: bool) -> None:
    """Give a moderator a new password; a random one is printed once unless --password-stdin gives it."""
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else None
    with service_errors():
        moderator, new_password = reset_password(email, password)
    db.session.commit()
    if password_stdin:
        click.echo(f"password of {moderator.email} changed")
    else:
        click.echo(new_password)


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


@token_group.command("list")
@with_appcontext
def token_list() -> None:
    """List tokens: id, name, owner, created, last used, revoked. Only the start of each hash is shown."""
    rows = [
        (
            str(t.id),
            t.name,
            t.moderator.email if t.moderator else "-",
            t.site.slug if t.site else "-",
            t.token_hash[:12],
            when(t.created_at),
            when(t.last_used_at),
            when(t.revoked_at),
        )
        for t in list_tokens()
    ]
    print_table(("id", "name", "moderator", "site", "sha256", "created", "last used", "revoked"), rows)


@token_group.command("revoke")
@click.argument("token_id", metavar="ID", type=int)
@with_appcontext
def token_revoke(token_id: int) -> None:
    """Revoke a token (see `moderation token list` for ids); requests carrying it get 401 from now on."""
    with service_errors():
        token, revoked_now = revoke_token(token_id)
    db.session.commit()
    click.echo(f"token {token.id} revoked" if revoked_now else f"token {token.id} was already revoked")
