"""Errors services raise for callers to show: the API as JSON, the console as a form message."""

from __future__ import annotations


class ServiceError(Exception):
    """A refusal the caller can act on.

    Args:
        code: stable machine-readable code, e.g. ``invalid_rating``.
        message: human-readable explanation.
        field: the input field at fault, when there is one.
        status: the HTTP status an API should answer with.
    """

    def __init__(self, code: str, message: str, field: str | None = None, status: int = 400):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        self.status = status


class NotFound(ServiceError):
    def __init__(self, what: str, field: str | None = None):
        super().__init__("not_found", f"{what} not found", field=field, status=404)


class Forbidden(ServiceError):
    def __init__(self, message: str = "not allowed"):
        super().__init__("forbidden", message, status=403)


class Conflict(ServiceError):
    def __init__(self, code: str, message: str):
        super().__init__(code, message, status=409)
