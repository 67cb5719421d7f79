"""The ``moderation`` command: one Flask CLI group over ``create_app``, one module per group of commands.

Every command is registered on the group itself (so ``moderation model eval`` needs no app) and on the app's
``cli`` by :func:`register_cli` (so ``flask --app moderation …`` and ``app.test_cli_runner()`` see them too).
No module here imports torch at the top: ``moderation --help`` and the web process stay torch-free.
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup

from .accounts import moderator_group, site_group, token_group
from .common import cli_app
from .data import author_group, demo_group, import_command
from .external import feed_group, import_forum_command
from .health import health_group
from .hostility import train_hostility as _train_hostility  # noqa: F401  (registers `model train-hostility`)
from .invitations import invite_command
from .model import model_group
from .rescore import rescore_command
from .retention import retention_group
from .serve import serve
from .subjects import subject_group
from .webhooks import webhook_group
from .worker import sweep_command, worker

COMMANDS: tuple[click.Command, ...] = (
    serve,
    worker,
    sweep_command,
    site_group,
    subject_group,
    moderator_group,
    token_group,
    author_group,
    import_command,
    invite_command,
    demo_group,
    model_group,
    rescore_command,
    webhook_group,
    health_group,
    feed_group,
    import_forum_command,
    retention_group,
)


@click.group(cls=FlaskGroup, create_app=cli_app, add_version_option=False, add_default_commands=False)
def cli() -> None:
    """Moderation of product reviews and forum comments."""


for _command in COMMANDS:
    cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    cli.main(args=argv, prog_name="moderation")


def register_cli(app: Flask) -> None:
    """Commands also reachable through ``flask --app moderation``."""
    for command in COMMANDS:
        app.cli.add_command(command)
