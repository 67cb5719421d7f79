"""The ``moderation`` command: a Flask CLI group over ``create_app``."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext

from .extensions import db


def _create_app() -> Flask:
    from . import create_app

    return create_app()


@click.group(cls=FlaskGroup, create_app=_create_app, add_version_option=False, add_default_commands=False)
def cli() -> None:
    """Moderation of product reviews and forum comments."""


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="moderation")


def fail(message: str) -> None:
    raise click.ClickException(message)


def register_cli(app: Flask) -> None:
    """Commands also reachable through ``flask --app moderation``."""
    for command in (serve, worker, site_group, moderator_group, token_group, author_group, import_command,
                    sweep_command):  # fmt: skip
        app.cli.add_command(command)
    from .classifier.cli import model_group  # plain click: imports torch only inside its commands

    app.cli.add_command(model_group)
    from .rescore_cli import rescore_command

    app.cli.add_command(rescore_command)


# -- worker -------------------------------------------------------------------------------------------


@click.command("worker")
@click.option("--queue", "queues", multiple=True, help="Queues to work (default: the scoring queue).")
@click.option("--burst", is_flag=True, help="Quit when the queues are empty.")
@click.option(
    "--classifier",
    "classifier_spec",
    default=None,
    help="module:callable(app) returning a classifier (default: the bundled model).",
)
@click.option("--maintenance-interval", default=30, show_default=True, help="Seconds between sweeps.")
@click.option("--name", default=None, help="Worker name (default: rq's).")
@click.option("--metrics-port", type=int, default=None, help="Serve this worker's Prometheus /metrics on this port.")
@with_appcontext
def worker(queues, burst, classifier_spec, maintenance_interval, name, metrics_port) -> None:
    """Load the classifier once and work the queues (an rq SimpleWorker: no fork per job)."""
    from .metrics import model_info, serve_worker_metrics
    from .observability import configure_logging
    from .worker import build_worker, default_classifier_factory, import_factory, work_until_stopped

    app = current_app._get_current_object()
    configure_logging(app.config.get("LOG_LEVEL", "INFO"), app.config.get("LOG_FORMAT", "json"))
    factory = import_factory(classifier_spec) if classifier_spec else default_classifier_factory
    rq_worker = build_worker(app, factory, list(queues) or None, maintenance_interval=maintenance_interval, name=name)
    model_info.labels(model_version=str(rq_worker.model_version)).set(1)
    if metrics_port is not None:
        serve_worker_metrics(metrics_port)
    click.echo(f"worker {rq_worker.name}: model {rq_worker.model_version}, queues {rq_worker.queue_names()}")
    work_until_stopped(rq_worker, burst=burst, logging_level=app.config.get("LOG_LEVEL", "INFO"))


@click.command("sweep")
@with_appcontext
def sweep_command() -> None:
    """Enqueue scoring for items left unscored (e.g. accepted while Redis was down)."""
    from .services.scheduling import count_unscored, sweep_unscored

    n = count_unscored()
    enqueued = sweep_unscored(min_age_s=0)
    click.echo(f"{n} unscored item(s); job enqueued: {enqueued}")


# -- serve --------------------------------------------------------------------------------------------


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-worker", is_flag=True, help="Run the web process only.")
@click.option("--classifier", "classifier_spec", default=None, help="Passed to the worker (module:callable).")
@with_appcontext
def serve(host: str, port: int, no_worker: bool, classifier_spec: str | None) -> None:
    """Run everything on one machine: web (gunicorn), a worker on every queue, and (without URLs) embedded Redis
    and SQLite. Ctrl-C stops the worker, then the web, then Redis."""
    from .serving import serve as run_serve

    run_serve(current_app._get_current_object(), host, port, no_worker=no_worker, classifier_spec=classifier_spec)


# -- sites, moderators, tokens ------------------------------------------------------------------------


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
    from .services.accounts import create_site
    from .services.errors import ServiceError

    try:
        site = create_site(slug, name, list(origins), list(words))
    except ServiceError as exc:
        fail(exc.message)
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
    from .services.accounts import create_moderator
    from .services.errors import ServiceError

    try:
        moderator = create_moderator(email, name, password, role, list(sites))
    except ServiceError as exc:
        fail(exc.message)
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
    from sqlalchemy import select

    from .models import Moderator
    from .services.accounts import create_token, get_site
    from .services.errors import ServiceError

    if bool(moderator_email) == bool(site_slug):
        fail("give exactly one of --moderator or --site")
    try:
        if moderator_email:
            moderator = db.session.execute(
                select(Moderator).where(Moderator.email == moderator_email.lower())
            ).scalar_one_or_none()
            if moderator is None:
                fail(f"no moderator {moderator_email}")
            _, secret = create_token(name, moderator=moderator)
        else:
            _, secret = create_token(name, site=get_site(site_slug))
    except ServiceError as exc:
        fail(exc.message)
    db.session.commit()
    click.echo(secret)


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
    from .services.authors import erase_author
    from .services.errors import ServiceError

    try:
        removed = erase_author(site_slug, email, remove_items=remove_items)
    except ServiceError as exc:
        fail(exc.message)
    db.session.commit()
    click.echo(f"erased; {removed} item(s) removed")


# -- import -------------------------------------------------------------------------------------------


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_command(path: str) -> None:
    """Import reviews/comments from CSV or JSONL (fields of the submit API plus site, subject, external_id,
    created_at; optional parent_external_id). Re-importing the same rows changes nothing."""
    from tqdm import tqdm

    from .services.importing import count_rows, import_rows, read_rows
    from .services.scheduling import request_scoring

    with tqdm(total=count_rows(path), unit="row", disable=None) as bar:
        report = import_rows(read_rows(path), current_app.config, on_row=lambda: bar.update(1))
    if report.last_item_id:
        request_scoring(report.last_item_id)
    click.echo(f"created {report.created}, already there {report.skipped}, refused {len(report.errors)}")
    for line, message in report.errors[:20]:
        click.echo(f"  row {line}: {message}", err=True)
    if report.errors:
        sys.exit(1)
