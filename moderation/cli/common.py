"""What every command shares: the app they run in, and turning a service's refusal into a command-line error."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import click
from flask import Flask

from .. import create_app
from ..config import default_data_dir, ensure_embedded_secret_key
from ..services.errors import ServiceError


def fail(message: str) -> NoReturn:
    raise click.ClickException(message)


@contextmanager
def service_errors() -> Iterator[None]:
    """A :class:`ServiceError` raised inside becomes the command's error message (exit status 1)."""
    try:
        yield
    except ServiceError as exc:
        raise click.ClickException(exc.message) from None


def cli_app() -> Flask:
    """The app every command runs in.

    The one-machine setup (``serve`` and the commands run beside it) keeps a generated key under DATA_DIR;
    production, and any start outside this command, must set MODERATION_SECRET_KEY.
    """
    if (
        not os.environ.get("MODERATION_SECRET_KEY")
        and os.environ.get("MODERATION_ENV", "development").strip().lower() == "development"
    ):
        ensure_embedded_secret_key(os.environ.get("MODERATION_DATA_DIR") or default_data_dir())
    return create_app()
