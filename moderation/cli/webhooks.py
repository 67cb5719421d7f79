"""Signed webhooks: ``moderation webhook add|list|remove``."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..extensions import db
from ..schemas.webhooks import WEBHOOK_EVENT_TYPES
from ..services import webhooks
from ..services.accounts import get_site
from .accounts import print_table, when
from .common import service_errors


@click.group("webhook")
def webhook_group() -> None:
    """Manage a site's signed webhook endpoints."""


@webhook_group.command("add")
@click.argument("site")
@click.argument("url")
@click.option("--secret", default=None, help="Signing secret (16+ characters); generated and shown once if absent.")
@click.option(
    "--event",
    "events",
    multiple=True,
    type=click.Choice(WEBHOOK_EVENT_TYPES),
    help="Event to send (repeatable; default: every event).",
)
@click.option("--allow-private", is_flag=True, help="Allow loopback and private-network addresses (SSRF risk).")
@with_appcontext
def webhook_add(site, url, secret, events, allow_private) -> None:
    """Add an endpoint that receives the site's events."""
    with service_errors():
        endpoint = webhooks.add_endpoint(get_site(site), url, secret, list(events), allow_private)
    db.session.commit()
    click.echo(f"webhook {endpoint.id} added for {site}: {endpoint.url}")
    if secret is None:
        click.echo(f"secret (shown once): {endpoint.secret}")


@webhook_group.command("list")
@click.argument("site", required=False)
@with_appcontext
def webhook_list(site) -> None:
    """List endpoints (of one site, or all)."""
    with service_errors():
        endpoints = webhooks.list_endpoints(get_site(site) if site else None)
    rows = [
        (
            str(e.id),
            str(e.site_id),
            e.url,
            ",".join(e.events) or "*",
            "yes" if e.allow_private else "no",
            "yes" if e.active else "no",
            webhooks.secret_hint(e.secret),
            when(e.created_at),
        )
        for e in endpoints
    ]
    print_table(("id", "site", "url", "events", "private", "active", "secret", "created"), rows)


@webhook_group.command("remove")
@click.argument("endpoint_id", type=int)
@with_appcontext
def webhook_remove(endpoint_id) -> None:
    """Remove an endpoint and its delivery log."""
    with service_errors():
        webhooks.remove_endpoint(webhooks.get_endpoint(endpoint_id))
    db.session.commit()
    click.echo(f"webhook {endpoint_id} removed")
