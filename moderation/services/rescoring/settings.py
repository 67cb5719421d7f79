"""Rescoring's settings: the app's ``MODERATION_RESCORE_*`` values, else the defaults kept here."""

from __future__ import annotations

from typing import Any

from flask import current_app, has_app_context

from .. import model_versions

# Defaults for settings an app may override (``MODERATION_RESCORE_*``); kept here so the feature is self-contained.
DEFAULTS: dict[str, Any] = {
    "RESCORE_QUEUE": "rescore",
    "RESCORE_CHUNK_SIZE": 2000,
    # None: 512 texts per forward pass on CUDA (fp16/bf16 keeps that small), 64 on CPU.
    "RESCORE_BATCH_SIZE": None,
    # Rows read per query inside a chunk (keyset pages).
    "RESCORE_READ_PAGE": 1000,
    "RESCORE_JOB_TIMEOUT": 1800,
    # A running chunk job renews its rq execution this often-ish, for this long: a killed worker's chunk is seen
    # as abandoned (and retried) this many seconds after its last renewal, not job timeout + 60 s later.
    "RESCORE_LEASE_S": 120,
    # "auto": tokenise in a background thread while the model runs, on CUDA only; "always" / "never".
    "RESCORE_OVERLAP": "auto",
    **model_versions.DEFAULTS,
}


def setting(name: str) -> Any:
    """The app's value, or the default (also outside an app context, e.g. a bench's report)."""
    value = current_app.config.get(name) if has_app_context() else None
    return DEFAULTS[name] if value is None else value
