"""The JSON API under /api/v1: public endpoints (widget, integrations) and moderator endpoints (tokens)."""

from . import health, http, insights, moderator, openapi, public, replies, rescoring  # noqa: F401  (routes register on import)
from .blueprint import bp

bp.before_request(http.refuse_nul_in_url)
bp.after_request(http.allow_origin_on_errors)
