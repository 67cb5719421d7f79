"""``moderation serve``: web (gunicorn), a worker on every queue, and on embedded defaults Redis and SQLite.

The process supervision lives in :mod:`moderation.serving`; this command only parses its options.
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ..serving import serve as run_serve


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-worker", is_flag=True, help="Run the web process only.")
@click.option("--classifier", "classifier_spec", default=None, help="Passed to the worker (module:callable).")
@with_appcontext
def serve(host: str, port: int, no_worker: bool, classifier_spec: str | None) -> None:
    """Run everything on one machine: web (gunicorn), a worker on every queue, and (without URLs) embedded Redis
    and SQLite. Ctrl-C stops the worker, then the web, then Redis."""
    run_serve(current_app._get_current_object(), host, port, no_worker=no_worker, classifier_spec=classifier_spec)
