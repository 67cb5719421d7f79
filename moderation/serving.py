"""``moderation serve``: the whole platform on one machine, and the processes it owns.

serve (this process, the supervisor)
├── redis-server        embedded default only: DATA_DIR/redis.sock, nothing on disk
├── moderation worker   every platform queue, the classifier loaded once
└── gunicorn            the web (gthread workers), configured by ``moderation.gunicorn_conf``

Lifetime rules:
- Each child runs in its own session, so a terminal's Ctrl-C reaches serve alone; serve then stops them in order:
  the worker first (it still needs Redis and the database to finish a job), then the web, then Redis.
- Each child gets SIGTERM when serve dies, even by SIGKILL (Linux ``PR_SET_PDEATHSIG``); the worker also
  watches its parent pid and the run id (``watch_serve_parent``) so it never attaches to another run's Redis.
"""

from __future__ import annotations

import ctypes
import logging
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

import click
from flask import Flask
from flask_migrate import upgrade
from rq import Queue, Worker
from sqlalchemy import func, select

from .broker import embedded_redis_url, redis_from_url
from .embedded import start_redis
from .extensions import db
from .models import Role, Site
from .services.accounts import create_moderator, create_token
from .services.scheduling import request_scoring
from .widget.demo import load_demo

log = logging.getLogger(__name__)

RUN_ID_KEY = "moderation:serve:run_id"
ENV_PARENT_PID = "MODERATION_SERVE_PID"
ENV_RUN_ID = "MODERATION_SERVE_RUN_ID"
PR_SET_PDEATHSIG = 1
FIRST_RUN_FILE = "first-run.txt"
# A demo product that the /demo page shows (see moderation/widget/demo_data/product_reviews.json).
DEMO_PRODUCT = "lumo-desk-lamp"


# -- queues --------------------------------------------------------------------------------------------


def platform_queues(config) -> list[str]:
    """Every queue the platform enqueues on, scoring first (a worker takes its queues in this order)."""
    configured = [config.get(key) for key in ("RESCORE_QUEUE", "MAIL_QUEUE", "WEBHOOK_QUEUE", "INSIGHTS_QUEUE")]
    names = [config["SCORE_QUEUE"], *filter(None, configured), *config["PLATFORM_QUEUES"]]
    return list(dict.fromkeys(names))


def split_queues(config) -> tuple[list[str], list[str]]:
    """``serve``'s two workers' queues: the model's (scoring, rescore, and insights, whose topics read clauses with
    the same classifier: one copy in memory, not two), and every other platform queue (mail, webhooks, feeds, and
    training, the long one)."""
    model = [config["SCORE_QUEUE"], config["RESCORE_QUEUE"], config["INSIGHTS_QUEUE"]]
    return model, [q for q in platform_queues(config) if q not in model]


def queue_worker_count(conn, queue_name: str) -> int:
    """rq workers registered on ``queue_name`` (rq's per-queue worker registry)."""
    return len(Worker.all(connection=conn, queue=Queue(queue_name, connection=conn)))


def no_worker_message(queue_name: str) -> str:
    return (
        f"no worker listens to queue {queue_name!r}: the jobs wait until one does. Start one with "
        f"`moderation worker --queue {queue_name}` (or `moderation serve`, whose workers work every queue); "
        f"a worker that is still loading its model registers once it is loaded"
    )


# -- children that die with their parent ---------------------------------------------------------------


def set_parent_death_signal(sig: int = signal.SIGTERM) -> bool:
    """Linux: ask the kernel to send ``sig`` to this process when its parent dies. False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def die_with(parent_pid: int, nice: int = 0) -> Callable[[], None]:
    """A ``preexec_fn``: the parent-death signal, and no start at all if the parent died before it was set;
    ``nice`` > 0 lowers the child's CPU priority by that much."""

    def preexec() -> None:  # pragma: no cover - runs in the child between fork and exec
        set_parent_death_signal()
        if os.getppid() != parent_pid:
            os._exit(1)
        if nice > 0:
            os.nice(nice)

    return preexec


def watch_serve_parent(redis_conn=None, poll_s: float = 1.0, grace_s: float = 8.0) -> threading.Thread | None:
    """In a child of serve (the worker): stop when serve is gone or the Redis belongs to another run.

    The parent-death signal covers a ``kill -9`` of serve on Linux; this watchdog covers the rest (another OS,
    a signal lost while the model loads) and the one thing a signal cannot: a Redis at the same socket path that
    a later run started. SIGTERM first (rq finishes the job under way), then a hard exit after ``grace_s``.
    """
    parent = os.environ.get(ENV_PARENT_PID)
    if not parent:
        return None
    parent_pid, run_id = int(parent), os.environ.get(ENV_RUN_ID)
    set_parent_death_signal()
    if os.getppid() != parent_pid:
        os._exit(1)

    def orphaned_or_foreign() -> str | None:
        if os.getppid() != parent_pid:
            return f"serve (pid {parent_pid}) is gone"
        if run_id and redis_conn is not None:
            try:
                current = redis_conn.get(RUN_ID_KEY)
            except Exception:  # Redis restarting or gone: the parent check decides
                return None
            if current is not None and current.decode() != run_id:
                return "this Redis belongs to another run of serve"
        return None

    def watch() -> None:
        while True:
            time.sleep(poll_s)
            reason = orphaned_or_foreign()
            if reason:
                log.warning("stopping: %s", reason)
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(grace_s)
                os._exit(1)

    thread = threading.Thread(target=watch, name="serve-watchdog", daemon=True)
    thread.start()
    return thread


# -- the supervisor ------------------------------------------------------------------------------------


class Stop(BaseException):
    """Ctrl-C or SIGTERM during start-up: unwinds to the ordered shutdown without a traceback."""


@dataclass
class Supervisor:
    children: dict[str, subprocess.Popen] = field(default_factory=dict)
    stopping: bool = False
    stop_requested: bool = False

    def start(self, name: str, command: list[str], env: dict[str, str], nice: int = 0) -> subprocess.Popen:
        # Own session: a terminal's Ctrl-C goes to serve only, which then stops everyone in order.
        proc = subprocess.Popen(command, env=env, start_new_session=True, preexec_fn=die_with(os.getpid(), nice))
        self.children[name] = proc
        return proc

    def adopt(self, name: str, proc: subprocess.Popen) -> None:
        self.children[name] = proc

    def on_signal(self, signum, frame) -> None:
        self.stop_requested = True
        if not self.stopping:
            raise Stop()

    def install_signal_handlers(self) -> None:
        signal.signal(signal.SIGINT, self.on_signal)
        signal.signal(signal.SIGTERM, self.on_signal)

    def wait(self) -> str | None:
        """Until a signal, or a child exits on its own (its name is returned)."""
        while not self.stop_requested:
            for name, proc in self.children.items():
                if proc.poll() is not None:
                    return name
            time.sleep(0.3)
        return None

    def stop_all(self) -> None:
        """Workers first, then the web, then Redis; each gets SIGTERM, then SIGKILL when it lingers."""
        self.stopping = True
        for name, grace in (("worker", 10.0), ("jobs", 10.0), ("web", 10.0), ("redis", 5.0)):
            proc = self.children.get(name)
            if proc is None or proc.poll() is not None:
                continue
            stop_child(proc, grace, twice=name in ("worker", "jobs"))


def stop_child(proc: subprocess.Popen, grace_s: float, twice: bool = False) -> None:
    """SIGTERM; for an rq worker a second SIGTERM after half the grace (cold shutdown); SIGKILL at the end."""
    proc.terminate()
    try:
        proc.wait(grace_s / 2 if twice else grace_s)
        return
    except subprocess.TimeoutExpired:
        pass
    if twice:
        proc.terminate()
        try:
            proc.wait(grace_s / 2)
            return
        except subprocess.TimeoutExpired:
            pass
    proc.kill()
    proc.wait()


def serve(app: Flask, host: str, port: int, no_worker: bool = False, classifier_spec: str | None = None) -> None:
    """Run the platform until Ctrl-C or SIGTERM; exit 1 when a child dies on its own."""

    config = app.config
    data_dir = config["DATA_DIR"]
    embedded = config["REDIS_URL"] == embedded_redis_url(data_dir)
    run_id = secrets.token_hex(8)
    sup = Supervisor()
    sup.install_signal_handlers()
    failed: str | None = None
    try:
        pid_file = claim_data_dir(data_dir)
        if embedded:
            socket_path = config["REDIS_URL"][len("unix://") :]
            sup.adopt("redis", start_redis(socket_path=socket_path, directory=data_dir))
            redis_from_url(config["REDIS_URL"]).set(RUN_ID_KEY, run_id)
            click.echo(f"embedded Redis on {socket_path}")
        click.echo(f"database: {config['SQLALCHEMY_DATABASE_URI'].split('@')[-1]}")
        upgrade()
        credentials = bootstrap(app, host, port)
        env = {
            **os.environ,
            "MODERATION_REDIS_URL": config["REDIS_URL"],
            "MODERATION_DATA_DIR": data_dir,
            ENV_PARENT_PID: str(os.getpid()),
        }
        if embedded:
            env[ENV_RUN_ID] = run_id
        if not no_worker:
            # One machine: torch must leave the web a core (it takes them all by default).
            cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
            env.setdefault("OMP_NUM_THREADS", str(max(1, cores // 2)))
            # Two workers, so that a training run (minutes to hours) never holds up scoring: one for the model's
            # queues, one, which loads a model only if a job needs it (training does), for everything else.
            # Scoring is asynchronous and the web is not: on a shared machine the web gets the CPU first, the
            # workers what is left (a burst of posts then waits a little longer to be scored, never the poster).
            nice = int(config["SERVE_WORKER_NICE"])
            model_queues, other_queues = split_queues(config)
            # The forward passes lower still, on a thread that runs only when a core is free (moderation.cpu_priority):
            # at nice 10 alone, a worker with a backlog took most of a core from the posting web.
            model_env = {**env}
            model_env.setdefault("MODERATION_INFERENCE_CPU_PRIORITY", "idle" if nice else "normal")
            for name, queues, extra, niceness, worker_env in (
                ("worker", model_queues, [], nice, model_env),
                ("jobs", other_queues, ["--lazy-model"], nice + 5 if nice else 0, env),
            ):
                command = [sys.executable, "-m", "moderation", "worker", *extra]
                for queue in queues:
                    command += ["--queue", queue]
                if classifier_spec:
                    command += ["--classifier", classifier_spec]
                sup.start(name, command, worker_env, nice=min(19, niceness))
        web_env = {
            **env,
            "MODERATION_BIND": f"{host}:{port}",
            "MODERATION_WEB_WORKERS": os.environ.get("MODERATION_WEB_WORKERS") or str(config["SERVE_WEB_WORKERS"]),
            "MODERATION_WEB_THREADS": os.environ.get("MODERATION_WEB_THREADS") or str(config["SERVE_WEB_THREADS"]),
            "MODERATION_WEB_GRACEFUL_TIMEOUT": os.environ.get("MODERATION_WEB_GRACEFUL_TIMEOUT") or "5",
        }
        web = sup.start(
            "web",
            [sys.executable, "-m", "gunicorn", "-c", "python:moderation.gunicorn_conf", "moderation:create_app()"],
            web_env,
        )
        base = f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}"
        if not wait_healthy(base, web):
            failed = "web"
        else:
            print_banner(app, base, credentials, pid_file)
            failed = sup.wait()
        if failed:
            click.echo(f"serve: the {failed} process exited on its own; stopping everything", err=True)
    except Stop:
        pass
    finally:
        sup.stop_all()
        if embedded:
            release_data_dir(data_dir)
        click.echo("stopped")
    if failed:
        sys.exit(1)


def claim_data_dir(data_dir: str) -> str:
    """One serve per data directory: a second one would take over the first one's Redis socket."""
    path = os.path.join(data_dir, "serve.pid")
    try:
        with open(path) as fh:
            other = int(fh.read().strip() or 0)
    except (OSError, ValueError):
        other = 0
    if other and other != os.getpid() and pid_alive(other):
        raise click.ClickException(f"another `moderation serve` (pid {other}) runs on {data_dir}; stop it first")
    with open(path, "w") as fh:
        fh.write(str(os.getpid()))
    return path


def release_data_dir(data_dir: str) -> None:
    try:
        os.unlink(os.path.join(data_dir, "serve.pid"))
    except OSError:
        pass


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def wait_healthy(base: str, web: subprocess.Popen, timeout_s: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if web.poll() is not None:
            return False
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


# -- first run -----------------------------------------------------------------------------------------


def bootstrap(app: Flask, host: str, port: int) -> dict[str, str] | None:
    """First run on an empty database: the demo site with its reviews and article thread, an admin and two
    tokens. Returns the credentials (shown once, kept in DATA_DIR/first-run.txt), None when already done."""

    if db.session.execute(select(func.count()).select_from(Site)).scalar_one():
        db.session.rollback()
        return None
    origin = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"
    report = load_demo([origin, f"http://127.0.0.1:{port}"])
    site = db.session.execute(select(Site).where(Site.slug == "demo")).scalar_one()
    password = secrets.token_urlsafe(12)
    admin = create_moderator("admin@example.com", "Admin", password, Role.ADMIN.value, ["demo"])
    _, site_secret = create_token("demo site token", site=site)
    _, admin_secret = create_token("admin token", moderator=admin)
    db.session.commit()
    if report.last_item_id:
        request_scoring(report.last_item_id)
    return {
        "items": str(report.created),
        "email": "admin@example.com",
        "password": password,
        "site_token": site_secret,
        "admin_token": admin_secret,
    }


def first_run_text(base: str, credentials: dict[str, str]) -> str:
    curl = (
        f"curl -H 'Authorization: Bearer {credentials['site_token']}' -H 'Content-Type: application/json' \\\n"
        f'     -d \'{{"kind":"review","rating":2,"body":"The switch stopped working after a week.",'
        f'"author":{{"name":"Lea"}}}}\' \\\n'
        f"     {base}/api/v1/sites/demo/subjects/{DEMO_PRODUCT}/items"
    )
    return (
        f"demo pages:      {base}/demo  ({credentials['items']} demo items)\n"
        f"console:         {base}/console\n"
        f"console login:   {credentials['email']} / {credentials['password']}\n"
        f"site token: {credentials['site_token']}\n"
        f"admin token: {credentials['admin_token']}\n"
        f"(the first token submits from a server, the second one is for the moderator API)\n"
        f"try:\n{curl}\n"
    )


def frame(text: str) -> str:
    """Rules above and below, a bar on the left only: a token or a URL copied from a line has nothing after it."""
    lines = text.rstrip("\n").splitlines()
    rule = "=" * (max(len(line) for line in lines) + 2)
    return "\n".join([rule, *(f"| {line}".rstrip() for line in lines), rule])


def print_banner(app: Flask, base: str, credentials: dict[str, str] | None, pid_file: str) -> None:
    """After the start-up noise: where everything is, and on the first run the credentials (also in a file)."""
    data_dir = app.config["DATA_DIR"]
    path = os.path.join(data_dir, FIRST_RUN_FILE)
    if credentials:
        body = "moderation is running: first run\n\n" + first_run_text(base, credentials)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(body)
        os.chmod(path, 0o600)
        body += f"\nkept in {path} (readable by you only)"
    else:
        body = (
            f"moderation is running\n\ndemo pages:      {base}/demo\nconsole:         {base}/console\n"
            f"first-run credentials: {path}"
        )
    body += "\nCtrl-C stops everything"
    click.echo("\n" + frame(body) + "\n")
