"""What can be checked of docker/ without a Docker engine: the compose file parses and refers to real
commands, ports and volumes; the Dockerfiles copy what exists and run what exists; the entrypoint works when
run directly; the gunicorn configuration loads and serves."""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[2]
DOCKER = ROOT / "docker"
APP_SERVICES = ("migrate", "web", "worker", "gpu-worker", "rescore-worker")


def env_for(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MODERATION_", "PROMETHEUS_"))}
    env.update(
        PYTHONPATH=str(ROOT),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        MODERATION_DATA_DIR=str(tmp_path / "data"),
        MODERATION_SECRET_KEY="deploy-test-secret-" + "k" * 32,
        **extra,
    )
    return env


@functools.cache
def cli_help(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "moderation", *args, "--help"],
        capture_output=True,
        text=True,
        env=env_for(Path("/tmp/moderation-help")),
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, f"moderation {' '.join(args)}: {result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DOCKER / "compose.yaml").read_text())


def check_command(command: list[str]) -> None:
    """A container command runs something this image has: a `moderation` command line that the CLI parses
    (subcommands and options; `--help` makes it stop there), or gunicorn on our config module and factory."""
    if command[0] == "moderation":
        text = cli_help(*command[1:])  # click refuses an unknown command or option before it reaches --help
        assert text.startswith("Usage: moderation " + command[1]), text
    elif command[0] == "gunicorn":
        assert command[command.index("-c") + 1] == "python:moderation.gunicorn_conf"
        assert command[-1] == "moderation:create_app()"
    else:
        raise AssertionError(f"unexpected command {command}")


def test_command_check_refuses_what_the_cli_does_not_have():
    wrong_commands = (
        ["moderation", "wroker"],
        ["moderation", "worker", "--metric-port", "9100"],
        ["moderation", "db", "upgrad"],
        ["celery", "worker"],
    )
    for wrong in wrong_commands:
        try:
            check_command(wrong)
        except AssertionError:
            continue
        raise AssertionError(f"{wrong} passed the check")


def test_compose_parses_and_wires_the_services(compose):
    services = compose["services"]
    assert {"postgres", "redis", "migrate", "web", "worker", "gpu-worker"} <= set(services)
    declared_volumes = set(compose["volumes"])
    for name, service in services.items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source in declared_volumes, f"{name} mounts undeclared volume {source}"
        for dependency, condition in service.get("depends_on", {}).items():
            assert dependency in services
            assert condition["condition"] in ("service_healthy", "service_completed_successfully")
            if condition["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], f"{name} waits on {dependency}'s missing healthcheck"

    for name in APP_SERVICES:
        service = services[name]
        check_command(service["command"])
        env = service["environment"]
        # Every setting of the app goes through MODERATION_* (PROMETHEUS_MULTIPROC_DIR is the library's).
        assert all(k.startswith("MODERATION_") or k == "PROMETHEUS_MULTIPROC_DIR" for k in env), env
        assert env["MODERATION_ENV"] == "production"
        assert env["MODERATION_DATABASE_URL"].startswith("postgresql://")
        assert "@postgres:5432/" in env["MODERATION_DATABASE_URL"]
        assert env["MODERATION_REDIS_URL"] == "redis://redis:6379/0"
        assert "MODERATION_SECRET_KEY" in env and ":?" in env["MODERATION_SECRET_KEY"], "the key must be required"

    # Migrations run once, in `migrate`; the others skip the entrypoint's upgrade and wait for it.
    assert services["migrate"]["environment"]["MODERATION_MIGRATE"] == "1"
    for name in ("web", "worker", "gpu-worker", "rescore-worker"):
        assert services[name]["environment"]["MODERATION_MIGRATE"] == "0"
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"


def test_web_port_health_check_and_worker_metrics_port_agree(compose):
    web = compose["services"]["web"]
    bind_port = web["environment"]["MODERATION_BIND"].rsplit(":", 1)[1]
    assert web["ports"][0].endswith(f":{bind_port}")
    check = " ".join(web["healthcheck"]["test"])
    assert f"127.0.0.1:{bind_port}/readyz" in check
    for name in ("worker", "gpu-worker", "rescore-worker"):
        worker = compose["services"][name]
        port = worker["command"][worker["command"].index("--metrics-port") + 1]
        assert port in [str(p) for p in worker["expose"]]
        assert f"127.0.0.1:{port}/metrics" in " ".join(worker["healthcheck"]["test"])
        # scalable: no fixed container name, no published host port
        assert "container_name" not in worker and "ports" not in worker


def test_gpu_worker_is_optional_and_reserves_a_device(compose):
    gpu = compose["services"]["gpu-worker"]
    assert gpu["profiles"] == ["gpu"]
    assert gpu["build"]["dockerfile"] == "docker/Dockerfile.cuda"
    assert gpu["environment"]["MODERATION_DEVICE"] == "cuda"
    device = gpu["deploy"]["resources"]["reservations"]["devices"][0]
    assert device["driver"] == "nvidia" and "gpu" in device["capabilities"]
    assert "profiles" not in compose["services"]["worker"]


@pytest.mark.parametrize("name", ["Dockerfile", "Dockerfile.cuda"])
def test_dockerfiles_copy_what_exists_and_run_as_a_user(name):
    text = (DOCKER / name).read_text()
    lines = [line.strip() for line in text.replace("\\\n", " ").splitlines() if line.strip() and line[0] != "#"]
    for line in lines:
        if line.startswith("COPY") and "--from=" not in line:
            sources = [w for w in shlex.split(line)[1:-1] if not w.startswith("--")]
            for source in sources:
                if source == "README.md" and not (ROOT / source).exists():
                    continue  # the README lands with the main branch; the wheel build needs it there
                assert (ROOT / source).exists(), f"{name}: COPY {source} does not exist"
    # CPU/CUDA torch from its index before the package, so pip never picks a torch build by itself.
    torch_line = next(i for i, line in enumerate(lines) if "pip install" in line and "torch==" in line)
    package_line = next(i for i, line in enumerate(lines) if re.search(r"pip install \.(\s|$)", line))
    assert torch_line < package_line
    assert "--index-url" in lines[torch_line]
    expected_index = "whl/cpu" if name == "Dockerfile" else "whl/cu"
    assert any(expected_index in line for line in lines if line.startswith("ARG TORCH_INDEX_URL"))
    users = [line for line in lines if line.startswith("USER ")]
    assert users and users[-1] != "USER root"
    for line in lines:
        if line.startswith("CMD ["):
            check_command(json.loads(line[4:]))
    assert 'ENTRYPOINT ["moderation-entrypoint"]' in text


def test_dockerfile_has_web_and_worker_targets():
    stages = re.findall(r"^FROM \S+ AS (\S+)$", (DOCKER / "Dockerfile").read_text(), re.M)
    assert {"build", "runtime", "web", "worker"} <= set(stages)


def test_entrypoint_upgrades_the_database_then_execs(tmp_path):
    env = env_for(tmp_path)
    proc = subprocess.run(
        [str(DOCKER / "entrypoint.sh"), "sh", "-c", 'echo "pid $$"'],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "moderation db upgrade" in proc.stderr
    db_file = tmp_path / "data" / "moderation.sqlite3"
    with sqlite3.connect(db_file) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert {"items", "scores", "cases", "alembic_version"} <= tables
    assert version is not None

    # exec: the command replaces the shell, so it has the entrypoint's pid and gets its signals.
    runner = subprocess.Popen(
        [str(DOCKER / "entrypoint.sh"), "sh", "-c", 'echo "pid $$"'],
        env={**env, "MODERATION_MIGRATE": "0"},
        stdout=subprocess.PIPE,
        text=True,
    )
    out, _ = runner.communicate(timeout=60)
    assert out.strip() == f"pid {runner.pid}"


def test_entrypoint_fails_when_the_upgrade_fails(tmp_path):
    env = env_for(tmp_path, MODERATION_DATABASE_URL=f"postgresql://nobody@127.0.0.1:{free_port()}/none")
    proc = subprocess.run(
        [str(DOCKER / "entrypoint.sh"), "sh", "-c", "echo should-not-run"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode != 0
    assert "should-not-run" not in proc.stdout


def test_gunicorn_config_loads_with_workers_from_cores(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:moderation.gunicorn_conf",
            "--print-config",
            "moderation:create_app()",
        ],
        env=env_for(tmp_path, MODERATION_WEB_THREADS="3"),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    config = dict(re.findall(r"^(\w+)\s+=\s+(.*)$", result.stdout, re.M))
    # Not imported here: the config module sets PROMETHEUS_MULTIPROC_DIR, which would change this process's /metrics.
    cores = subprocess.run(
        [sys.executable, "-c", "from moderation.gunicorn_conf import usable_cores; print(usable_cores())"],
        env=env_for(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout.strip()
    assert config["workers"] == str(int(cores) + 1)
    assert config["threads"] == "3"
    assert config["worker_class"] == "gthread"
    assert config["timeout"] == "30"
    assert config["bind"] == "['0.0.0.0:8000']"
    assert "JsonLogger" in config["logger_class"]


def start_gunicorn(tmp_path: Path, env: dict[str, str], log) -> subprocess.Popen:
    """gunicorn with the production settings file and the app, as deployed; its output in ``log``."""
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:moderation.gunicorn_conf", "moderation:create_app()"],
        env=env,
        cwd=tmp_path,
        stdout=log,
        stderr=log,
    )


def test_gunicorn_serves_the_app_with_json_access_logs(tmp_path, app):
    """The real thing: gunicorn with this config, two workers, /healthz and /metrics, one JSON log line each."""
    port = free_port()
    env = env_for(
        tmp_path,
        MODERATION_DATABASE_URL=app.config["DATABASE_URL"],
        MODERATION_REDIS_URL=app.config["REDIS_URL"],
        MODERATION_BIND=f"127.0.0.1:{port}",
        MODERATION_WEB_WORKERS="2",
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "prom"),
    )
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        server = start_gunicorn(tmp_path, env, log)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(
                        urllib.request.Request(
                            f"http://127.0.0.1:{port}/healthz", headers={"X-Request-ID": "gunicorn-check"}
                        ),
                        timeout=5,
                    ) as response:
                        assert response.headers["X-Request-ID"] == "gunicorn-check"
                        break
                except OSError:
                    assert server.poll() is None, log_path.read_text()
                    assert time.monotonic() < deadline, log_path.read_text()
                    time.sleep(0.2)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
                body = response.read().decode()
            assert "moderation_redis_up 1.0" in body
            # the multiprocess directory is in use: each gunicorn worker writes its own file there
            assert list((tmp_path / "prom").glob("*.db")), "no multiprocess sample files"
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(60)
    lines = [json.loads(line) for line in log_path.read_text().splitlines() if line.startswith("{")]
    access = [line for line in lines if line["logger"] == "gunicorn.access" and line["path"] == "/healthz"]
    assert any(line["request_id"] == "gunicorn-check" and line["status"] == 200 for line in access), access
    messages = [line.get("message", "") for line in lines]
    booted = {m.group(1) for message in messages if (m := re.search(r"Booting worker with pid: (\d+)", message))}
    assert len(booted) == 2, lines
    # Each worker set aside what it loaded at start (modules, the content rules' lists) from the collector's full
    # passes, which otherwise walked all of it in pauses of 133-144 ms while 50 clients posted (moderation.heap).
    frozen = {
        m.group(1): int(m.group(2))
        for line in lines
        if line["logger"] == "moderation.heap"
        and (m := re.match(r"web worker (\d+): (\d+) objects loaded at start", line["message"]))
    }
    assert set(frozen) == booted, lines
    assert all(count > 100_000 for count in frozen.values()), frozen
    assert server.returncode == 0


def test_gunicorn_workers_sent_sigterm_while_booting_leave_at_once(tmp_path):
    """A deploy or a stop that comes while a worker is still loading must not wait out the graceful timeout.

    Between its fork and gunicorn installing its own handlers, a worker has the master's, which queue the signal for a
    loop the worker never runs: it went on to boot, served, and was killed when the graceful timeout ran out.
    """
    env = env_for(
        tmp_path,
        MODERATION_DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite",
        MODERATION_BIND=f"127.0.0.1:{free_port()}",
        MODERATION_WEB_WORKERS="2",
        MODERATION_WEB_GRACEFUL_TIMEOUT="300",
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "prom"),
    )
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        server = start_gunicorn(tmp_path, env, log)
        try:
            deadline = time.monotonic() + 60
            # The workers load the content rules' models for seconds after this line: the signal lands meanwhile.
            while log_path.read_text().count("Booting worker with pid") < 2:
                assert server.poll() is None and time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.02)
            server.send_signal(signal.SIGTERM)
            server.wait(60)  # the graceful timeout is 300 s: a worker that ignored the signal fails here
        finally:
            if server.poll() is None:
                server.kill()
                server.wait()
    text = log_path.read_text()
    assert server.returncode == 0, text
    term = text.index("Handling signal: term")
    assert "objects loaded at start" not in text[term:], "a worker went on booting after SIGTERM:\n" + text
