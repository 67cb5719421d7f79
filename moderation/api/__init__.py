"""The JSON API under /api/v1: public endpoints (widget, integrations) and moderator endpoints (tokens)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import moderator, openapi, public, rescoring  # noqa: E402,F401  (routes register on import)
