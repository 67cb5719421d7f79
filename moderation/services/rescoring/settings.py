"""Rescoring's settings: the app's ``MODERATION_RESCORE_*`` values, else their defaults in ``DefaultConfig``."""

from __future__ import annotations

from typing import Any

from flask import current_app, has_app_context

from ...config import DefaultConfig


def setting(name: str) -> Any:
    """The app's value, or the default (also outside an app context, e.g. a bench's report)."""
    value = current_app.config.get(name) if has_app_context() else None
    return getattr(DefaultConfig, name) if value is None else value
