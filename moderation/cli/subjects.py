"""``moderation subject``: a site's subject catalogue (declared products or pages) and whether it keeps one."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..extensions import db
from ..services.accounts import get_site
from ..services.subjects import declare_subject, list_subjects, set_subject_mode
from .common import service_errors


@click.group("subject")
def subject_group() -> None:
    """Manage a site's subjects (products, pages) and its subject mode."""


@subject_group.command("add")
@click.argument("site_slug", metavar="SITE")
@click.argument("external_id", metavar="ID")
@click.option("--name", default=None, help="A name people read (a product's name, a page's title).")
@click.option("--image", default=None, help="An https:// picture of the product, shown to moderators.")
@with_appcontext
def subject_add(site_slug: str, external_id: str, name: str | None, image: str | None) -> None:
    """Declare subject ID on SITE (needed before its first review when the site keeps a catalogue)."""
    with service_errors():
        subject, new = declare_subject(get_site(site_slug), external_id, name, image_url=image)
    db.session.commit()
    click.echo(f"subject {subject.external_id} {'declared' if new else 'exists'} on {site_slug} (id {subject.id})")


@subject_group.command("list")
@click.argument("site_slug", metavar="SITE")
@with_appcontext
def subject_list(site_slug: str) -> None:
    """SITE's subject mode, then its subjects (id, name), the first thousand by id."""
    with service_errors():
        site = get_site(site_slug)
    click.echo(f"subjects: {site.subjects}")
    for subject in list_subjects(site):
        click.echo(f"{subject.external_id!r}  {subject.title or ''}".rstrip())


@subject_group.command("mode")
@click.argument("site_slug", metavar="SITE")
@click.argument("mode", type=click.Choice(["open", "catalogue"]))
@with_appcontext
def subject_mode(site_slug: str, mode: str) -> None:
    """open: a first post creates a subject; catalogue: only declared subjects (others get 404)."""
    with service_errors():
        changed = set_subject_mode(get_site(site_slug), mode)
    db.session.commit()
    click.echo(f"{site_slug}: subjects {mode}" + ("" if changed else " (unchanged)"))
