"""The JSON API under /api/v1: public endpoints (widget, integrations) and moderator endpoints (tokens)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from . import http, insights, moderator, openapi, public, rescoring  # noqa: E402,F401  (routes register on import)

bp.before_request(http.refuse_nul_in_url)
bp.after_request(http.allow_origin_on_errors)
