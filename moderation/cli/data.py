"""Data in and out: ``moderation import FILE``, ``moderation author erase``, ``moderation demo load``."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import with_appcontext
from tqdm import tqdm

from ..extensions import db
from ..services.authors import erase_author
from ..services.importing import count_rows, import_rows, read_rows
from ..services.scheduling import request_scoring
from ..widget.demo import load_demo
from .common import service_errors


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_command(path: str) -> None:
    """Import reviews/comments from CSV or JSONL (fields of the submit API plus site, subject, external_id,
    created_at; optional parent_external_id). Re-importing the same rows changes nothing."""
    with tqdm(total=count_rows(path), unit="row", disable=None) as bar:
        report = import_rows(read_rows(path), current_app.config, on_row=lambda: bar.update(1))
    if report.last_item_id:
        request_scoring(report.last_item_id)
    click.echo(f"created {report.created}, already there {report.skipped}, refused {len(report.errors)}")
    for line, message in report.errors[:20]:
        click.echo(f"  row {line}: {message}", err=True)
    if report.errors:
        sys.exit(1)


@click.group("author")
def author_group() -> None:
    """Authors (customers)."""


@author_group.command("erase")
@click.argument("email")
@click.option("--site", "site_slug", required=True)
@click.option("--remove-items", is_flag=True, help="Also remove and blank everything the author wrote.")
@with_appcontext
def author_erase(email: str, site_slug: str, remove_items: bool) -> None:
    """Erase an author's email and name on request (right to erasure)."""
    with service_errors():
        removed = erase_author(site_slug, email, remove_items=remove_items)
    db.session.commit()
    click.echo(f"erased; {removed} item(s) removed")


@click.group("demo")
def demo_group() -> None:
    """The widget demo: the 'demo' site and its sample reviews and article thread."""


@demo_group.command("load")
@click.option(
    "--origin",
    "origins",
    multiple=True,
    help="Origin allowed to embed the demo site (repeatable; default http://127.0.0.1:8000 and http://localhost:8000).",
)
@with_appcontext
def demo_load(origins: tuple[str, ...]) -> None:
    """Create the 'demo' site and import the demo reviews and article comments."""
    report = load_demo(list(origins) or ["http://127.0.0.1:8000", "http://localhost:8000"])
    if report.created:
        request_scoring(0)
    click.echo(f"demo: created {report.created}, already there {report.skipped}, refused {len(report.errors)}")
    for line, message in report.errors:
        click.echo(f"  row {line}: {message}", err=True)
