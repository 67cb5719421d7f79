"""Peer benchmark: Isso under gunicorn against our embedded default, on loopback, with one load generator.

    PYTHONPATH=. python bench/peer.py [--seconds 20] [--clients 50] [--rounds 2] [--venv DIR]
                                      [--isso-version 0.14.0] [--isso-guard high|off] [--classifier SPEC]

The peer is Isso (https://isso-comments.de), the self-hosted Python comment server. It is installed with pip in
a throwaway venv under ``${XDG_CACHE_HOME:-~/.cache}/moderation-bench/`` (kept and reused; a half-finished
install is not) and run the way its documentation advises: ``gunicorn -w 4 --preload isso.run`` (sync workers),
SQLite in a temporary directory, comment moderation off (its default), one website in ``[general] host``.
Isso limits comments per client address by default (``[guard] ratelimit = 2`` per minute, ``direct-reply = 3``
per thread); every client here comes from 127.0.0.1, so ``--isso-guard high`` (the default) raises both to
1,000,000: the guard's checks still run on every post, as our limiter still runs with its limit raised;
``--isso-guard off`` sets ``[guard] enabled = false`` instead.

Ours is the embedded default: ``moderation serve`` from the venv given with ``--venv`` (default: the one running
this script), with this checkout on PYTHONPATH, a fresh data directory (SQLite file, embedded Redis) and its
model worker, which scores what is posted while the load runs (``--classifier`` passes a module:callable to
the worker instead of the bundled model). Posts carry the ``Origin`` of the demo site that ``serve`` creates on
first run, as the browser widget's do; the per-address submit limit is raised to 1,000,000 per minute (the
limiter still runs).

Workloads, each side in turn (Isso, ours, Isso, ours, ... for ``--rounds`` rounds of ``seconds / rounds``):
  post: a comment (author name and email, 60-120 characters of text) on one of 50 threads;
  read: the first 50 comments of a thread that holds 60 (Isso ``GET /?uri=...&limit=50``, rendered as its
        client asks; ours ``GET /api/v1/sites/demo/subjects/...?per_page=50``).
The load generator is CLIENTS Python threads in this process, each with its own http.client connection
(reopened when a server closes it: gunicorn's sync workers close after each response). It shares the CPUs with
both servers, the same for both sides.

Printed: requests/s, p50, p99 and errors per side and workload, the ratios ours/Isso, the fastest, median and
slowest client's mean latency per round (a wide spread: some kept connections answered more slowly than others),
the resident memory of each side's processes after the run (RSS summed, PSS beside it since forked workers share
pages), and the gzip -9 size of each side's client script as its server sends it.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import http.client
import json
import os
import platform
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from moderation.config import DefaultConfig

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "moderation-bench"
READ_THREAD_SIZE = 60
POST_THREADS = 50
WORDS = ("livraison rapide", "bonne qualité", "taille un peu petite", "couleur fidèle", "emballage soigné",
         "service client aimable", "conforme à la description", "je recommande", "prix correct")  # fmt: skip


# -- helpers ---------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def get(port: int, path: str, headers: dict | None = None, timeout: float = 10) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def wait_http(port: int, path: str, proc: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}; log {log}:\n{tail(log)}")
        try:
            last, _ = get(port, path, timeout=5)
            if last == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"GET {path} on port {port} did not answer 200 in {timeout:.0f} s (last {last}):\n{tail(log)}")


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def comment_text(k: int) -> str:
    words = [WORDS[(k + i * 7) % len(WORDS)] for i in range(2 + k % 4)]
    return f"Commentaire {k}: " + ", ".join(words) + "."


def label(proc: psutil.Process) -> str:
    """ "moderation worker" for python -m moderation worker, "gunicorn" for a gunicorn process, else its name."""
    cmdline = proc.cmdline()
    if not cmdline or not Path(cmdline[0]).name.startswith("python"):
        return proc.name()
    if "-m" in cmdline:
        return " ".join(cmdline[cmdline.index("-m") + 1 :][:2])
    return Path(cmdline[1]).name if len(cmdline) > 1 else proc.name()


def memory(pid: int) -> tuple[int, int, list[tuple[str, int]]]:
    """RSS and PSS summed over a process and its descendants, and each process's name and RSS."""
    root = psutil.Process(pid)
    rss = pss = 0
    parts = []
    for proc in [root, *root.children(recursive=True)]:
        try:
            info = proc.memory_full_info()
            name = label(proc)
        except psutil.Error:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
        parts.append((name, info.rss))
    return rss, pss, parts


# -- the load generator ------------------------------------------------------------------------------------------


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: collections.Counter = field(default_factory=collections.Counter)
    seconds: float = 0.0
    # Each client's mean latency in a round: a client keeps its connection, and so the server process that took it.
    client_means: list[float] = field(default_factory=list)

    def add(self, other: Result) -> None:
        self.latencies += other.latencies
        self.client_means += other.client_means
        self.errors.update(other.errors)
        self.seconds += other.seconds

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0


class Side:
    """One server under test: how to post a comment and how to read a page of 50."""

    name = ""
    post_status = 201

    def __init__(self, port: int, origin: str):
        self.port = port
        self.origin = origin

    def post(self, k: int, thread: str) -> tuple[str, str, str, dict]:
        raise NotImplementedError

    def read_path(self) -> str:
        raise NotImplementedError

    def count_items(self, body: bytes) -> int:
        raise NotImplementedError


class Isso(Side):
    name = "Isso"
    post_status = 201  # 202 would mean "held for moderation", which is off

    def post(self, k: int, thread: str) -> tuple[str, str, str, dict]:
        body = {"text": comment_text(k), "author": f"Client {k % 997}", "email": f"user{k % 997}@example.com",
                "website": None, "title": f"Thread {thread}"}  # fmt: skip
        headers = {"Content-Type": "application/json", "Origin": self.origin, "Referer": self.origin + "/"}
        return "POST", f"/new?uri=%2Fbench%2F{thread}", json.dumps(body), headers

    def read_path(self) -> str:
        return "/?uri=%2Fbench%2Fread&limit=50"

    def count_items(self, body: bytes) -> int:
        return len(json.loads(body)["replies"])


class Ours(Side):
    name = "ours"
    post_status = 202

    def post(self, k: int, thread: str) -> tuple[str, str, str, dict]:
        body = {"kind": "comment", "body": comment_text(k),
                "author": {"name": f"Client {k % 997}", "email": f"user{k % 997}@example.com"}}  # fmt: skip
        headers = {"Content-Type": "application/json", "Origin": self.origin}
        return "POST", f"/api/v1/sites/demo/subjects/bench-{thread}/items", json.dumps(body), headers

    def read_path(self) -> str:
        return "/api/v1/sites/demo/subjects/bench-read?per_page=50"

    def count_items(self, body: bytes) -> int:
        return len(json.loads(body)["items"])


def run_load(side: Side, workload: str, clients: int, seconds: float) -> Result:
    result = Result()
    lock = threading.Lock()
    counter = iter(range(10**9))
    deadline = time.perf_counter() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", side.port, timeout=30)
        latencies: list[float] = []
        errors: collections.Counter = collections.Counter()
        while time.perf_counter() < deadline:
            with lock:
                k = next(counter)
            if workload == "post":
                method, path, body, headers = side.post(k, f"post-{k % POST_THREADS}")
                expected = side.post_status
            else:
                method, path, body, headers = "GET", side.read_path(), None, {"Origin": side.origin}
                expected = 200
            started = time.perf_counter()
            try:
                conn.request(method, path, body, headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                status = type(exc).__name__
            latencies.append(time.perf_counter() - started)
            if status != expected:
                errors[status] += 1
        conn.close()
        with lock:
            result.latencies.extend(latencies)
            result.errors.update(errors)
            if latencies:
                result.client_means.append(sum(latencies) / len(latencies))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - started
    return result


def seed(side: Side, n: int) -> None:
    """The thread that the read workload reads: n comments, posted one at a time."""
    conn = http.client.HTTPConnection("127.0.0.1", side.port, timeout=30)
    for k in range(n):
        method, path, body, headers = side.post(k, "read")
        conn.request(method, path, body, headers)
        response = conn.getresponse()
        text = response.read()
        if response.status != side.post_status:
            raise RuntimeError(f"{side.name}: seeding the read thread got {response.status}: {text[:300]!r}")
    conn.close()


# -- the two servers -------------------------------------------------------------------------------------------


def isso_venv(version: str, directory: Path | None) -> Path:
    """A venv with Isso and gunicorn, made once and reused; the marker file is written only after success."""
    venv = directory or CACHE / f"isso-{version}-py{sys.version_info.major}{sys.version_info.minor}"
    marker = venv / ".bench-ready"
    if marker.exists():
        return venv
    if venv.exists():
        shutil.rmtree(venv)
    print(f"installing isso=={version} and gunicorn into {venv} ...", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--quiet", "--disable-pip-version-check", f"isso=={version}",
         "gunicorn"], check=True,
    )  # fmt: skip
    marker.write_text(version)
    return venv


def package_version(python: Path, name: str) -> str:
    code = f"import importlib.metadata as m; print(m.version({name!r}))"
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True).stdout.strip() or "?"


def start_isso(venv: Path, workdir: Path, port: int, site: str, guard: str) -> subprocess.Popen:
    workdir.mkdir(parents=True)
    guard_section = (
        "enabled = false\n" if guard == "off" else "enabled = true\nratelimit = 1000000\ndirect-reply = 1000000\n"
    )
    config = workdir / "isso.cfg"
    config.write_text(
        "[general]\n"
        f"dbpath = {workdir / 'comments.db'}\n"
        f"host = {site}\n"
        "[moderation]\nenabled = false\n"
        f"[server]\nlisten = http://127.0.0.1:{port}\n"
        f"[guard]\n{guard_section}"
    )
    log = workdir / "isso.log"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["ISSO_SETTINGS"] = str(config)
    return subprocess.Popen(
        [str(venv / "bin" / "gunicorn"), "-b", f"127.0.0.1:{port}", "-w", "4", "--preload", "isso.run"],
        cwd=workdir, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )  # fmt: skip


def start_ours(
    python: Path, workdir: Path, port: int, classifier: str | None, settings: list[str] = ()
) -> subprocess.Popen:
    workdir.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(
        PYTHONPATH=str(ROOT),
        MODERATION_DATA_DIR=str(workdir / "data"),
        MODERATION_SUBMIT_RATE_LIMIT="1000000 per minute",
    )
    for setting in settings:  # "INFERENCE_CPU_PRIORITY=normal": one of ours, as MODERATION_<name>
        name, _, value = setting.partition("=")
        env[f"MODERATION_{name}"] = value
    command = [str(python), "-m", "moderation", "serve", "--host", "127.0.0.1", "--port", str(port)]
    if classifier:
        command += ["--classifier", classifier]
    log = workdir / "serve.log"
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def gzipped(port: int, path: str) -> int:
    status, body = get(port, path)  # no Accept-Encoding: the plain file, compressed here the same way for both
    if status != 200:
        raise RuntimeError(f"GET {path} on port {port}: {status}")
    return len(gzip.compress(body, compresslevel=9))


# -- main ------------------------------------------------------------------------------------------------------


def row(workload: str, side: str, r: Result) -> str:
    errors = sum(r.errors.values())
    detail = ", ".join(f"{k}×{v}" for k, v in r.errors.most_common(3))
    return (
        f"{workload:14} {side:5} {len(r.latencies):8d} {r.rate:10.1f} {percentile(r.latencies, 0.5) * 1000:9.1f}"
        f" {percentile(r.latencies, 0.99) * 1000:9.1f} {errors:7d}" + (f"  ({detail})" if detail else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="per side and workload, over all rounds")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=2, help="Isso, ours, Isso, ours, ... per workload")
    parser.add_argument("--venv", type=Path, default=Path(sys.prefix), help="venv that runs `moderation serve`")
    parser.add_argument("--isso-version", default="0.14.0")
    parser.add_argument("--isso-venv", type=Path, default=None, help="default: under ~/.cache/moderation-bench")
    parser.add_argument("--isso-guard", choices=("high", "off"), default="high")
    parser.add_argument("--classifier", default=None, help="module:callable for our worker (default: bundled)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (logs, databases)")
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="one of our settings for this run (MODERATION_<NAME>; the environment's own are not passed)",
    )
    args = parser.parse_args()

    python = args.venv / "bin" / "python"
    venv = isso_venv(args.isso_version, args.isso_venv)
    tmp = Path(tempfile.mkdtemp(prefix="moderation-peer-"))
    isso_port, our_port = free_port(), free_port()
    our_origin = f"http://127.0.0.1:{our_port}"  # on the demo site's list: serve puts its own address there
    blog = "http://127.0.0.1:9"  # Isso's website; the discard port refuses at once, so Isso's start-up HEAD is quick
    procs: list[subprocess.Popen] = []
    try:
        procs.append(start_isso(venv, tmp / "isso", isso_port, blog, args.isso_guard))
        procs.append(start_ours(python, tmp / "ours", our_port, args.classifier, args.settings))
        wait_http(isso_port, "/info", procs[0], tmp / "isso" / "isso.log", 120)
        wait_http(our_port, "/healthz", procs[1], tmp / "ours" / "serve.log", 120)
        # /readyz answers 200 once the worker has loaded its classifier and sent a heartbeat.
        wait_http(our_port, "/readyz", procs[1], tmp / "ours" / "serve.log", 600)
        isso, ours = Isso(isso_port, blog), Ours(our_port, our_origin)
        sides: list[Side] = [isso, ours]

        where = subprocess.run(
            [str(python), "-c", "import moderation, sys; print(moderation.__file__)"],
            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        guard = (
            "[guard] enabled = false" if args.isso_guard == "off"
            else "[guard] ratelimit = 1000000, direct-reply = 1000000 (checks still run)"
        )  # fmt: skip
        print(f"Isso {package_version(venv / 'bin' / 'python', 'isso')} under gunicorn "
              f"{package_version(venv / 'bin' / 'python', 'gunicorn')} -w 4 --preload (sync workers), SQLite; "
              f"{guard}; [moderation] enabled = false")  # fmt: skip
        # serve's web: gunicorn's gthread workers, at serve's defaults (start_ours sets no MODERATION_WEB_*).
        web = f"gunicorn {DefaultConfig.SERVE_WEB_WORKERS} x {DefaultConfig.SERVE_WEB_THREADS} threads"
        print(f"ours: moderation serve (embedded default: {web}, SQLite, embedded Redis, worker with "
              f"{args.classifier or 'the bundled model'}), {where} at {commit.stdout.strip() or '?'}, "
              f"submit limit 1000000/min, posting with Origin {our_origin}"
              + "".join(f"; {setting}" for setting in args.settings))  # fmt: skip
        print(f"{platform.python_version()} on {os.cpu_count()} CPUs, load average before "
              f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; {args.clients} clients, {args.rounds} rounds of "
              f"{args.seconds / args.rounds:.1f} s per side and workload, interleaved Isso/ours")  # fmt: skip

        for side in sides:
            seed(side, READ_THREAD_SIZE)
            status, body = get(side.port, side.read_path(), {"Origin": side.origin})
            if status != 200 or side.count_items(body) != 50:
                raise RuntimeError(f"{side.name}: the read page has {status} / {body[:200]!r}, not 50 items")
        warmup = min(2.0, args.seconds / 10)
        for workload in ("post", "read"):
            for side in sides:
                run_load(side, workload, args.clients, warmup)

        results = {(w, s.name): Result() for w in ("post", "read") for s in sides}
        for workload in ("post", "read"):
            for _ in range(args.rounds):
                for side in sides:
                    results[workload, side.name].add(run_load(side, workload, args.clients, args.seconds / args.rounds))

        print(f"\n{'workload':14} {'side':5} {'requests':>8} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}")
        labels = {"post": "post comment", "read": "read 50 items"}
        for workload in ("post", "read"):
            for side in sides:
                print(row(labels[workload], side.name, results[workload, side.name]))
        print("\nours/Isso:")
        for workload in ("post", "read"):
            a, b = results[workload, "ours"], results[workload, "Isso"]
            print(f"  {labels[workload]:14} throughput {a.rate / b.rate:5.2f}x   "
                  f"p50 {percentile(a.latencies, .5) / percentile(b.latencies, .5):5.2f}x   "
                  f"p99 {percentile(a.latencies, .99) / percentile(b.latencies, .99):5.2f}x")  # fmt: skip
        # Keep-alive connections are not moved between a server's processes: one that took more of them (39 of 50,
        # seen with ss) answers each of its clients more slowly, and a wide spread here shows it.
        print("\neach client's mean latency per round, fastest / median / slowest client (ms):")
        for workload in ("post", "read"):
            for side in sides:
                means = results[workload, side.name].client_means
                print(f"  {labels[workload]:14} {side.name:5} {min(means) * 1000:7.1f} / "
                      f"{percentile(means, .5) * 1000:7.1f} / {max(means) * 1000:7.1f}")  # fmt: skip

        isso_mem, our_mem = memory(procs[0].pid), memory(procs[1].pid)
        print("\nresident memory after the run (RSS summed over each side's processes; PSS counts shared pages once):")
        for name, (rss, pss, parts) in (("Isso", isso_mem), ("ours", our_mem)):
            each = ", ".join(f"{p} {r / 2**20:.0f} MiB" for p, r in parts)
            print(f"  {name} RSS {rss / 2**20:6.0f} MiB  PSS {pss / 2**20:6.0f} MiB  ({len(parts)} processes: {each})")
        print(f"  ours/Isso: RSS {our_mem[0] / isso_mem[0]:.2f}x, PSS {our_mem[1] / isso_mem[1]:.2f}x")

        manifest = json.loads((ROOT / "moderation" / "static" / "widget" / "dist" / "manifest.json").read_text())
        isso_js = gzipped(isso_port, "/js/embed.min.js")
        widget = gzipped(our_port, "/widget.js")
        form = gzipped(our_port, f"/widget/{manifest['form']}")
        print("\nclient script, gzip -9 of what each server sends:")
        print(f"  Isso /js/embed.min.js {isso_js:6d} bytes (renders and posts)")
        print(f"  ours /widget.js       {widget:6d} bytes (renders; {widget / isso_js:.2f}x Isso)")
        both = widget + form
        print(f"  ours + form chunk     {both:6d} bytes (renders and posts; {both / isso_js:.2f}x Isso)")

        db = tmp / "ours" / "data" / "moderation.sqlite3"
        with sqlite3.connect(db) as conn:
            total, scored = conn.execute("SELECT count(*), count(scored_at) FROM items").fetchone()
        print(f"\nour worker had scored {scored} of {total} items at the end (it scored while the load ran)")
        if any(r.errors for r in results.values()):
            print(f"logs: {tmp} (kept)")
            args.keep = True
    finally:
        for proc in reversed(procs):
            stop(proc)
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")


if __name__ == "__main__":
    main()
