"""``moderation retention``: purge what the sites' retention settings say is past its time, on demand."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..extensions import db
from ..services import retention
from ..services.accounts import get_site
from .common import service_errors


@click.group("retention")
def retention_group() -> None:
    """Retention: how long reviews, authors' e-mails and rejected items are kept (admin site page)."""


@retention_group.command("purge")
@click.option("--site", "site_slug", help="Only this site (default: every site with a retention setting).")
@click.option("--enqueue", is_flag=True, help="Enqueue the purge for a worker of the mail queue instead.")
@with_appcontext
def purge_command(site_slug: str | None, enqueue: bool) -> None:
    """Delete rejected items and items past their window, erase authors' e-mails past theirs; print the counts."""
    if enqueue:
        if not retention.request_purge(force=True):
            raise click.ClickException("Redis is unreachable: the purge was not enqueued")
        click.echo("retention purge enqueued")
        return
    if site_slug:
        with service_errors():
            site = get_site(site_slug)
        results = {site.slug: retention.purge_site(site)}
    else:
        results = retention.purge_expired()
    db.session.commit()
    if not results:
        click.echo("no site has a retention setting: nothing to purge")
    for slug, counts in results.items():
        click.echo(
            f"{slug}: {counts['rejected_deleted']} rejected item(s) deleted, {counts['items_deleted']} item(s) "
            f"past their window deleted, {counts['emails_erased']} e-mail address(es) erased, "
            f"{counts['mails_scrubbed']} mail(s) scrubbed"
        )
