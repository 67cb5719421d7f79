"""``moderation serve``: web, a worker, and on embedded defaults Redis and SQLite, on one machine.

The bodies of ``serve`` and ``bootstrap_demo`` are kept as they were in ``moderation/cli.py`` (#18 rewrites them:
process supervision, a production WSGI server); their function-level imports are listed with that reason in
``tests/ops/test_import_graph.py``.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from ..extensions import db


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--no-worker", is_flag=True, help="Run the web process only.")
@click.option("--classifier", "classifier_spec", default=None, help="Passed to the worker (module:callable).")
@with_appcontext
def serve(host: str, port: int, no_worker: bool, classifier_spec: str | None) -> None:
    """Run everything on one machine: web, a worker, and (without URLs) embedded Redis and SQLite."""
    from flask_migrate import upgrade
    from werkzeug.serving import run_simple

    from ..embedded import start_redis, stop

    app = current_app._get_current_object()
    data_dir = app.config["DATA_DIR"]
    children: list[subprocess.Popen] = []

    def shutdown(signum, frame):  # SIGTERM ends like Ctrl-C: through the finally below
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, shutdown)
    try:
        if not os.environ.get("MODERATION_REDIS_URL"):
            socket_path = app.config["REDIS_URL"][len("unix://") :]
            children.append(start_redis(socket_path=socket_path, directory=data_dir))
            click.echo(f"embedded Redis on {socket_path}")
        click.echo(f"database: {app.config['SQLALCHEMY_DATABASE_URI'].split('@')[-1]}")
        upgrade()
        bootstrap_demo(app, host, port)
        if not no_worker:
            env = {**os.environ, "MODERATION_REDIS_URL": app.config["REDIS_URL"]}
            command = [sys.executable, "-m", "moderation", "worker"]
            # One worker for everything on one machine: scoring, and mail to authors (delivered to the outbox).
            command += ["--queue", app.config["SCORE_QUEUE"], "--queue", app.config["MAIL_QUEUE"]]
            if classifier_spec:
                command += ["--classifier", classifier_spec]
            children.append(subprocess.Popen(command, env=env))
        click.echo(f"web on http://{host}:{port}  (Ctrl-C stops everything)")
        run_simple(host, port, app, threaded=True, use_reloader=False)
    except KeyboardInterrupt:
        pass
    finally:
        for child in reversed(children):
            stop(child)
        click.echo("stopped")


def bootstrap_demo(app: Flask, host: str, port: int) -> None:
    """First run on an empty database: the demo site with its product reviews and article thread, an admin
    and two tokens, printed once."""
    from sqlalchemy import func, select

    from ..models import Role, Site
    from ..services.accounts import create_moderator, create_token
    from ..services.scheduling import request_scoring
    from ..widget.demo import load_demo

    if db.session.execute(select(func.count()).select_from(Site)).scalar_one():
        return
    origin = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"
    report = load_demo([origin, f"http://127.0.0.1:{port}"])
    site = db.session.execute(select(Site).where(Site.slug == "demo")).scalar_one()
    password = secrets.token_urlsafe(12)
    admin = create_moderator("admin@example.com", "Admin", password, Role.ADMIN.value, ["demo"])
    _, site_secret = create_token("demo site token", site=site)
    _, admin_secret = create_token("admin token", moderator=admin)
    db.session.commit()
    if report.last_item_id:
        request_scoring(report.last_item_id)
    click.echo(
        f"\nFirst run: created site 'demo' ({report.created} demo items: {origin}/demo), console login "
        f"admin@example.com / {password}\n  site token (submit from a server): {site_secret}\n"
        f"  admin token (moderator API): {admin_secret}\n"
        f"  try: curl -H 'Authorization: Bearer {site_secret}' -H 'Content-Type: application/json' \\\n"
        f'       -d \'{{"kind":"review","rating":1,"body":"Nul, cassé au bout de deux jours.",'
        f'"author":{{"name":"Lea"}}}}\' http://{host}:{port}/api/v1/sites/demo/subjects/sku-1/items\n'
    )
