"""The JSON API under /api/v1: public endpoints (widget, integrations) and moderator endpoints (tokens)."""

from . import (  # noqa: F401  (routes register on import)
    export,
    feedback,
    health,
    http,
    insights,
    invitations,
    moderator,
    openapi,
    public,
    replies,
    rescoring,
)
from .blueprint import bp

bp.before_request(http.refuse_nul_in_url)
bp.after_request(http.allow_origin_on_errors)
