"""gunicorn settings for the web process: ``gunicorn -c python:moderation.gunicorn_conf "moderation:create_app()"``.

Every value can be set through a ``MODERATION_*`` variable (or overridden on gunicorn's command line):
``MODERATION_BIND`` (0.0.0.0:8000), ``MODERATION_WEB_WORKERS`` (from the cores this process may use),
``MODERATION_WEB_THREADS`` (4), ``MODERATION_WEB_TIMEOUT`` (30 s), ``MODERATION_LOG_LEVEL`` (info),
``MODERATION_LOG_FORMAT`` (json), ``MODERATION_FORWARDED_ALLOW_IPS`` (127.0.0.1: the proxy in front),
``MODERATION_WEB_CONTROL_SOCKET`` (unset: no ``gunicornc`` control socket).
"""

from __future__ import annotations

import glob
import json
import math
import os
import shutil
import signal
import sys
import tempfile
import time

# prometheus-client picks its multi-process mode when it is first imported, which happens in each worker
# after fork: the directory must be in the environment before then. One directory per master, emptied at start.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="moderation-metrics-")

from gunicorn.glogging import Logger  # noqa: E402

from moderation.heap import freeze_startup_heap  # noqa: E402
from moderation.observability import JsonFormatter, configure_logging  # noqa: E402


def usable_cores() -> int:
    """Cores this process may run on, bounded by a cgroup CPU quota (containers) when there is one."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        with open("/sys/fs/cgroup/cpu.max") as fh:
            quota, period = fh.read().split()
        if quota != "max":
            cores = min(cores, max(1, math.ceil(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cores)


def env(name: str, default: str) -> str:
    return os.environ.get(f"MODERATION_{name}") or default


bind = env("BIND", "0.0.0.0:8000")
# Requests are short and mostly wait on Postgres: a process per core plus one, each with a few threads.
workers = int(env("WEB_WORKERS", str(usable_cores() + 1)))
worker_class = "gthread"
threads = int(env("WEB_THREADS", "4"))
timeout = int(env("WEB_TIMEOUT", "30"))
graceful_timeout = int(env("WEB_GRACEFUL_TIMEOUT", "30"))
keepalive = int(env("WEB_KEEPALIVE", "5"))
# Recycle workers now and then so a slow leak never becomes an outage; the jitter keeps them from all
# restarting at once. Rarely: a new worker needs seconds (imports, the content rules' models) before it answers,
# and meanwhile the others carry its connections. At 5,000 a busy widget (500 requests/s) recycled a worker every
# 10 s, and each recycle showed as a 2 s tail in bench/serve.py.
max_requests = int(env("WEB_MAX_REQUESTS", "200000"))
max_requests_jitter = int(env("WEB_MAX_REQUESTS_JITTER", "20000"))
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS", "127.0.0.1")
# The heartbeat file: tmpfs, since a container's overlay filesystem can stall a worker's fsync.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# gunicorn >= 25 opens a control socket at one fixed path per user: two instances on a host would collide.
control_socket = env("WEB_CONTROL_SOCKET", "")
control_socket_disable = not control_socket
accesslog = "-"
errorlog = "-"
loglevel = env("LOG_LEVEL", "info").lower()
LOG_FORMAT = env("LOG_FORMAT", "json")


class JsonLogger(Logger):
    """gunicorn's logger with one JSON object per access and per error line (``MODERATION_LOG_FORMAT=json``)."""

    def setup(self, cfg):
        super().setup(cfg)
        if LOG_FORMAT == "json":
            for handler in self.error_log.handlers:
                handler.setFormatter(JsonFormatter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        if LOG_FORMAT != "json":
            return super().access(resp, req, environ, request_time)
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        headers = dict((k.lower(), v) for k, v in (resp.headers or []))
        entry = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "level": "info",
            "logger": "gunicorn.access",
            "remote_addr": environ.get("REMOTE_ADDR"),
            "method": environ.get("REQUEST_METHOD"),
            "path": environ.get("PATH_INFO"),
            "query": environ.get("QUERY_STRING") or None,
            "status": int(status) if str(status).isdigit() else status,
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 2),
            "request_id": headers.get("x-request-id"),
            "user_agent": environ.get("HTTP_USER_AGENT"),
            "process": os.getpid(),
        }
        try:
            self.access_log.info(json.dumps(entry, ensure_ascii=False))
        except Exception:
            self.exception("could not write the access log line")


logger_class = JsonLogger


def on_starting(server):
    """Master start: the app's own loggers in the same format, and no samples left from an earlier run."""
    configure_logging(loglevel, LOG_FORMAT)
    directory = os.environ["PROMETHEUS_MULTIPROC_DIR"]
    os.makedirs(directory, exist_ok=True)
    for path in glob.glob(os.path.join(directory, "*.db")):
        os.remove(path)


def _leave_while_booting(signum, frame):
    sys.exit(0)


def post_fork(server, worker):
    # Until gunicorn installs the worker's own handlers (after this hook), the child still has the master's, which only
    # queue a signal for a master loop the child never runs: a SIGTERM sent while this worker boots was lost, and a
    # shutdown or a deploy then waited the whole graceful timeout before killing it. It has no request yet: it leaves.
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT):
        signal.signal(signum, _leave_while_booting)
    configure_logging(loglevel, LOG_FORMAT)
    # The content rules' language model, suffix list and word lists (about 2 s) load now, before this worker
    # accepts requests, not during the first review it is sent.
    from moderation import content

    content.warm()


def post_worker_init(worker):
    """The app is loaded: freeze what this worker keeps for its lifetime (see ``moderation.heap``)."""
    freeze_startup_heap(f"web worker {os.getpid()}")


def child_exit(server, worker):
    """A dead worker's live gauges must not linger in the merged view."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server):
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR", "")
    if os.path.basename(directory).startswith("moderation-metrics-"):
        shutil.rmtree(directory, ignore_errors=True)
