"""Liveness and readiness answers."""

from __future__ import annotations

from typing import Any, Literal

from .common import Shape


class Health(Shape):
    status: Literal["ok"]


class Readiness(Shape):
    status: Literal["ready", "not ready"]
    checks: dict[str, Any] = {}
