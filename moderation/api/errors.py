"""One JSON error shape for the API: ``{"error": {"code", "message", "field"}}``."""

from __future__ import annotations

import logging
import math
import time

from flask import Flask, jsonify, request
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException

from ..extensions import db, limiter
from ..services.errors import ServiceError

log = logging.getLogger(__name__)

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}
# Seconds a client should wait before retrying while the database is unreachable (a restart, a failover).
DATABASE_RETRY_AFTER_S = 5


def error_response(status: int, code: str, message: str, field: str | None = None):
    response = jsonify({"error": {"code": code, "message": message, "field": field}})
    response.status_code = status
    return response


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path in ("/healthz", "/readyz")


def seconds_until_reset() -> str | None:
    """When the limit that refused this request lets the client in again (Retry-After on every 429)."""
    limit = limiter.current_limit
    if limit is None:
        return None
    return str(max(1, math.ceil(limit.reset_at - time.time())))


def register_api_errors(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def service_error(exc: ServiceError):
        db.session.rollback()
        if wants_json():
            return error_response(exc.status, exc.code, exc.message, exc.field)
        return exc.message, exc.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        if not wants_json():
            return exc
        status = exc.code or 500
        if status == 405 and set(getattr(exc, "valid_methods", None) or ()) <= {"OPTIONS"}:
            # Only a CORS preflight rule matched: werkzeug checks methods before converters, so an id out of range
            # on a route with a separate preflight rule reads as "wrong method". For the client it is not there.
            status, exc.description = 404, "The requested URL was not found on the server."
            exc.valid_methods = None
        message = exc.description or exc.name
        if status == 413:
            message = f"the request body is larger than {app.config['MAX_CONTENT_LENGTH']} bytes"
        if status == 429:
            message = f"too many submissions from this client ({exc.description}); try again later"
        response = error_response(status, HTTP_CODES.get(status, "error"), message)
        if status == 405 and getattr(exc, "valid_methods", None):
            response.headers["Allow"] = ", ".join(exc.valid_methods)
        retry_after = exc.get_headers() and dict(exc.get_headers()).get("Retry-After")
        if status == 429 and not retry_after:
            retry_after = seconds_until_reset()
        if retry_after:
            response.headers["Retry-After"] = retry_after
        return response

    @app.errorhandler(OperationalError)
    def database_unavailable(exc: OperationalError):
        # The database went away (restart, failover, connection limit): the client's request was fine and will
        # succeed later. Nothing was accepted, so a retry cannot duplicate anything.
        try:
            db.session.rollback()
        except OperationalError:
            db.session.remove()
        log.warning("database unavailable on %s %s: %s", request.method, request.path, type(exc.orig).__name__)
        if wants_json():
            response = error_response(503, "unavailable", "the database is unreachable; try again shortly")
        else:
            response = app.response_class("Temporarily unavailable, try again shortly", 503, mimetype="text/plain")
        response.headers["Retry-After"] = str(DATABASE_RETRY_AFTER_S)
        return response

    @app.errorhandler(500)
    def server_error(exc):
        # The session may hold a half-done transaction: roll it back so the next request starts clean.
        db.session.rollback()
        log.exception("unhandled error on %s %s", request.method, request.path)
        if wants_json():
            return error_response(500, "server_error", "internal error; it has been logged")
        return "Internal error", 500
