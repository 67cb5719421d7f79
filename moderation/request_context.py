"""The ids of the HTTP request and of the rq job this thread or task serves, for log lines and job metadata.

Kept apart from ``observability`` (which wires logging and the operator surfaces into the app) so that the
broker, which stamps the request id on every job it enqueues, depends on nothing above it.
"""

from __future__ import annotations

import contextvars
import uuid

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("moderation_request_id", default=None)
job_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("moderation_job_id", default=None)


def current_request_id() -> str | None:
    return request_id_var.get()


def new_request_id() -> str:
    return uuid.uuid4().hex
