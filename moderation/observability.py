"""Structured JSON logs, request ids carried from the HTTP request into the jobs it enqueues, and the
operator surfaces mounted on the web app: ``/metrics`` and the admin-only rq dashboard.

A request id comes from the client's ``X-Request-ID`` (when it looks like one) or is generated; it is echoed
in the response, stamped on every log line of the request, stored in the meta of every job enqueued while
handling it (``broker.enqueue`` reads it from ``request_context``) and stamped again on the worker's log lines
while it runs that job.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import rq_dashboard
from flask import Flask, abort, g, redirect, request, url_for
from flask_login import current_user
from rq_dashboard.web import setup_rq_connection

from .extensions import csrf, login_manager
from .request_context import job_id_var, new_request_id, request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
# Accept what proxies and load balancers send (uuids, hex, "Root=1-…" trace ids); anything else is replaced.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:=/+-]{1,128}$")

# LogRecord attributes that are not "extra" fields.
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class ContextFilter(logging.Filter):
    """Stamps the request id and job id of the emitting thread or task onto each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id_var.get()
        if getattr(record, "job_id", None) is None:
            record.job_id = job_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request/job ids, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        for key in ("request_id", "job_id"):
            value = getattr(record, key, None)
            if value is not None:
                entry[key] = value
        for key, value in vars(record).items():
            if key not in _RESERVED and key not in entry and key not in ("request_id", "job_id"):
                entry[key] = value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False)


def log_handler(fmt: str = "json", stream=None) -> logging.Handler:
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(
        JsonFormatter() if fmt == "json" else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    handler.addFilter(ContextFilter())
    handler._moderation = True  # type: ignore[attr-defined]
    return handler


def configure_logging(level: str = "INFO", fmt: str = "json", stream=None) -> None:
    """Root logger to one stream handler, JSON by default (``MODERATION_LOG_FORMAT=text`` for people).

    Idempotent: a second call replaces the handler this function installed.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_moderation", False):
            root.removeHandler(handler)
    root.addHandler(log_handler(fmt, stream))
    root.setLevel(level.upper())


@contextmanager
def job_log_context(job) -> Iterator[None]:
    """While a worker runs ``job``: its id and the request id it was enqueued under are on every log line."""
    meta = getattr(job, "meta", None) or {}
    request_token = request_id_var.set(meta.get("request_id"))
    job_token = job_id_var.set(job.id)
    try:
        yield
    finally:
        job_id_var.reset(job_token)
        request_id_var.reset(request_token)


# -- the web app --------------------------------------------------------------------------------------


def _bind_request_id() -> None:
    given = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = given if _VALID_REQUEST_ID.match(given) else new_request_id()
    g.request_id_token = request_id_var.set(g.request_id)


def _echo_request_id(response):
    request_id = g.get("request_id")
    if request_id:
        response.headers[REQUEST_ID_HEADER] = request_id
    return response


def _unbind_request_id(exc: BaseException | None = None) -> None:
    token = g.pop("request_id_token", None)
    if token is not None:
        request_id_var.reset(token)


def register_observability(app: Flask) -> None:
    """Request ids, ``/metrics`` and the admin-only rq dashboard at ``/admin/rq``."""
    # Here, not at the top: metrics creates its samples on import, and gunicorn's master imports this module
    # (for the log formatter) before its multi-process directory exists.
    from .metrics import register_metrics

    app.before_request(_bind_request_id)
    app.after_request(_echo_request_id)
    app.teardown_request(_unbind_request_id)
    register_metrics(app)
    register_rq_dashboard(app)


# rq-dashboard's pages and the JSON they poll: nothing else of it is served. Its requeue, delete, empty and
# compact endpoints change state without a CSRF token (its script posts them bare, and ``/requeue/<queue>``
# even answers GET, which a SameSite=Lax cookie carries on a cross-site link): they are refused, and the
# operator uses rq's own command line instead (docs/operations.md).
RQ_DASHBOARD_READ_VIEWS = frozenset(
    {
        "favicon",
        "static",
        "queues_overview",
        "workers_overview",
        "jobs_overview",
        "job_view",
        "list_queues",
        "list_jobs",
        "job_info",
        "list_workers",
    }
)
RQ_DASHBOARD_READ_ONLY = (
    "The job dashboard is read-only: requeue, delete and empty jobs with rq's command line on a worker "
    "machine (rq requeue --queue NAME --all, rq empty NAME; see docs/operations.md).\n"
)


def register_rq_dashboard(app: Flask, url_prefix: str = "/admin/rq") -> None:
    """Mount rq-dashboard (queues, jobs, workers), read-only, for admins only.

    rq-dashboard has no authentication of its own. Every request to it passes ``require_admin`` first: an
    admin moderator logged in through the console's Flask-Login session, or nothing. Only its read views
    answer, and only to GET: see :data:`RQ_DASHBOARD_READ_VIEWS`.
    """
    app.config.setdefault("RQ_DASHBOARD_REDIS_URL", app.config["REDIS_URL"])
    app.config.setdefault("RQ_DASHBOARD_POLL_INTERVAL", 5000)
    app.config.setdefault("RQ_DASHBOARD_DISABLE_DELETE", True)  # hides its delete buttons
    setup_rq_connection(app)
    # Its script posts without our CSRF token; the state-changing views it posts to are refused below instead.
    csrf.exempt(rq_dashboard.blueprint)
    app.register_blueprint(rq_dashboard.blueprint, url_prefix=url_prefix)

    @app.before_request
    def require_admin_for_dashboard():
        if request.blueprint != rq_dashboard.blueprint.name:
            return None
        endpoint = (request.endpoint or "").rpartition(".")[2]
        if request.method not in ("GET", "HEAD") or endpoint not in RQ_DASHBOARD_READ_VIEWS:
            return app.response_class(RQ_DASHBOARD_READ_ONLY, status=403, mimetype="text/plain")
        return require_admin()


def require_admin():
    """None for a logged-in admin; otherwise a redirect to the console's login page or a 403."""
    has_loader = login_manager._user_callback is not None or login_manager._request_callback is not None
    if has_loader and current_user.is_authenticated:
        if getattr(current_user, "is_admin", False):
            return None
        abort(403)
    if has_loader and login_manager.login_view:
        return redirect(url_for(login_manager.login_view, next=request.full_path))
    abort(403)
