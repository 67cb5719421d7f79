"""``moderation health``: the product-health check of a site, on demand."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..extensions import db
from ..services import health
from ..services.accounts import get_site
from .common import service_errors


@click.group("health")
def health_group() -> None:
    """Product health: the site's rule and its products' action plans."""


@health_group.command("check")
@click.argument("site_slug")
@click.option("--enqueue", is_flag=True, help="Enqueue the check for a worker of the insights queue instead.")
@with_appcontext
def check_command(site_slug: str, enqueue: bool) -> None:
    """Apply the site's health rule to its products now and remind owners of plans due soon."""
    with service_errors():
        site = get_site(site_slug)
    if enqueue:
        if not health.request_check(site.id):
            raise click.ClickException("Redis is unreachable: the check was not enqueued")
        db.session.rollback()
        click.echo(f"health check of {site.slug} enqueued")
        return
    result = health.check_site(site.id)
    db.session.commit()
    click.echo(
        f"{site.slug}: {result['watch']} product(s) now on watch, {result['ok']} back to ok, "
        f"{result['reminded']} owner(s) reminded"
    )
