"""What every command shares: turning a service's refusal into a command-line error."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import click

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
