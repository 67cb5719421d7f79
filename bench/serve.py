"""`moderation serve` under load: N concurrent clients on the embedded default for D seconds, p50/p99/errors.

    PYTHONPATH=. python bench/serve.py [--clients 50] [--duration 30] [--write-share 0.1]
                                       [--web-workers 2 --web-threads 4] [--classifier tests.stubs:make_stub]
                                       [--worker-nice 10 | --worker-nice 0,10]   (one serve per value, in turn)
                                       [--cpu-priority idle | --cpu-priority normal,idle]   (likewise)
                                       [--url http://127.0.0.1:8000 --site-token ...]   (an already running serve)
                                       [--load python|wrk|both] [--server-log PATH]

Without --url it starts `moderation serve` on a throwaway data directory (SQLite, embedded Redis, a worker,
gunicorn), waits for the first-run block, and stops it at the end. Each client loops over what the widget does:
GET the demo product's listing, and with probability ``--write-share`` POST a review to it (through the site
token, the way a server integration posts). Every request counts; an error is any status other than
200/202 or a transport error. The clients run as threads of this process, on the same cores as the server:
on a small machine they take CPU from it, so the figure is a floor for that machine, not the server's own.
``--load wrk`` sends the same mix from wrk (Debian ``wrk``; C, two threads), which takes far less of the cores;
``both`` runs the two in turn on the same serve. ``--server-log`` keeps serve's output (its JSON access log, with
each request's server-side ``duration_ms`` and process).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SUBJECT = "lumo-desk-lamp"
BEFORE = "issue #18, Werkzeug's development server: p50 0.39 s, p99 1.86 s; target: p99 < 300 ms, 0 errors"


def start_serve(args, extra_env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str, str]:
    data_dir = tempfile.mkdtemp(prefix="moderation-bench-serve-")
    port = args.port
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update(
        MODERATION_DATA_DIR=data_dir,
        MODERATION_WEB_WORKERS=str(args.web_workers),
        MODERATION_WEB_THREADS=str(args.web_threads),
        MODERATION_SERVE_WORKER_NICE=str(args.worker_nice),
        MODERATION_INFERENCE_CPU_PRIORITY=args.cpu_priority,
        MODERATION_SUBMIT_RATE_LIMIT="1000000 per minute",  # the bench is one client address
        PYTHONPATH=ROOT,
        **(extra_env or {}),
    )
    command = [sys.executable, "-m", "moderation", "serve", "--port", str(port)]
    if args.classifier:
        command += ["--classifier", args.classifier]
    proc = subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    token = None
    for line in proc.stdout:
        if line.startswith("| site token: "):
            token = line.split(": ", 1)[1].strip()
        if line.startswith("| Ctrl-C stops everything"):
            break
    if token is None:
        proc.kill()
        raise SystemExit("serve did not print its first-run block")
    log = open(args.server_log, "w") if getattr(args, "server_log", None) else None  # noqa: SIM115 - kept open

    def drain() -> None:  # keep the pipe drained; with --server-log, keep what serve writes (access log lines)
        for line in proc.stdout:
            if log is not None:
                log.write(line)
        if log is not None:
            log.close()

    threading.Thread(target=drain, daemon=True).start()
    proc.data_dir = data_dir  # for scripts that run CLI commands beside it (bench/webhook_outage.py)
    base = f"http://127.0.0.1:{port}"
    # Measure the steady state: the worker has loaded its model (/readyz), not the model load's CPU burst.
    started = time.monotonic()
    while time.monotonic() - started < 600:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(1)
    print(f"ready {time.monotonic() - started:.0f} s after the first-run block (the worker's model load)")
    return proc, base, token


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def post_review(base: str, token: str, payload: dict) -> None:
    """POST one review to the demo product through the site token (the outage benches' load)."""
    request = urllib.request.Request(
        f"{base}/api/v1/sites/demo/subjects/{SUBJECT}/items", data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
    )  # fmt: skip
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status in (200, 201, 202), response.status


def client(base: str, token: str, write_share: float, deadline: float, out: list, errors: list, seed: int) -> None:
    parts = urlsplit(base)
    rng = random.Random(seed)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    listing = f"/api/v1/sites/demo/subjects/{SUBJECT}"
    n = 0
    while time.monotonic() < deadline:
        n += 1
        if rng.random() < write_share:
            body = json.dumps({"kind": "review", "rating": rng.randint(1, 5), "author": {"name": f"bench-{seed}"},
                               "body": f"Bench review {seed}-{n}: the light is fine for reading."})  # fmt: skip
            method, path, headers = "POST", listing + "/items", {
                "Content-Type": "application/json", "Authorization": f"Bearer {token}"}  # fmt: skip
        else:
            method, path, body, headers = "GET", listing, None, {}
        started = time.perf_counter()
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            if response.status not in (200, 202):
                errors.append(f"{method} {response.status}")
            if response.getheader("connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            errors.append(f"{method} {type(exc).__name__}")
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        out.append((method, time.perf_counter() - started))
    conn.close()


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--write-share", type=float, default=0.1)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    parser.add_argument("--classifier", default=None, help="module:callable for the worker (default: the model)")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--url", default=None, help="bench a running serve instead of starting one")
    parser.add_argument("--site-token", default=None, help="with --url: the demo site's token")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    parser.add_argument("--server-log", default=None, help="write what serve prints (its access log) to this file")
    parser.add_argument(
        "--load", default="python", help="the load generator: python (threads here), wrk (C, if installed), or both"
    )
    parser.add_argument(
        "--worker-nice", default="10", help="serve's SERVE_WORKER_NICE; a comma list runs one serve per value, in turn"
    )
    parser.add_argument(
        "--cpu-priority",
        default="idle",
        help="the worker's INFERENCE_CPU_PRIORITY (idle: serve's own; normal); a comma list runs one serve per value "
        "(for each --worker-nice), in turn",
    )
    args = parser.parse_args()
    values = [int(v) for v in str(args.worker_nice).split(",")]
    priorities = str(args.cpu_priority).split(",")
    for value in values:
        for priority in priorities:
            args.worker_nice, args.cpu_priority = value, priority
            run_once(args)


def run_once(args) -> None:
    proc = None
    if args.url:
        base, token = args.url.rstrip("/"), args.site_token or ""
    else:
        proc, base, token = start_serve(args)
    try:
        for load in ("python", "wrk") if args.load == "both" else (args.load,):
            if load == "wrk":
                measure_with_wrk(args, base, token)
            else:
                measure_with_threads(args, base, token)
    finally:
        if proc is not None:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(timeout=60)


# wrk's script: the same mix as the Python clients (GET the listing, POST a review with probability WRITE_SHARE),
# and at the end the overall percentiles and the non-2xx count, as one line of JSON.
WRK_SCRIPT = """
local share = tonumber(os.getenv("WRITE_SHARE"))
local token = os.getenv("SITE_TOKEN")
local listing = os.getenv("LISTING")
local n = 0
request = function()
  n = n + 1
  if math.random() < share then
    local body = string.format(
      '{"kind":"review","rating":%d,"author":{"name":"bench-wrk"},"body":"Bench review %d-%d: the light is fine."}',
      math.random(1, 5), math.random(1, 1000000000), n)
    return wrk.format("POST", listing .. "/items",
      {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
  end
  return wrk.format("GET", listing)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%f,"p50":%d,"p99":%d,"max":%d,"status":%d,"transport":%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def print_setup(args) -> None:
    print(f"serve: {args.web_workers} web process(es) x {args.web_threads} thread(s), worker nice "
          f"{args.worker_nice if not args.url else '?'}, forward passes at "
          f"{args.cpu_priority if not args.url else '?'} priority, {os.cpu_count()} core(s), "
          f"load average before the end {os.getloadavg()[0]:.1f}")  # fmt: skip


def measure_with_wrk(args, base: str, token: str) -> None:
    """The same mix from wrk (C, two threads): the load generator takes far less of the cores than Python's
    threads, so the figure is closer to the server's own. Latencies are for all requests together."""
    if shutil.which("wrk") is None:
        print("wrk: not installed (Debian: apt-get install wrk); skipped")
        return
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT)
    env = {**os.environ, "WRITE_SHARE": str(args.write_share), "SITE_TOKEN": token,
           "LISTING": f"/api/v1/sites/demo/subjects/{SUBJECT}"}  # fmt: skip
    figures = {}
    for seconds in (args.warmup, args.duration):
        out = subprocess.run(
            ["wrk", "-t", "2", "-c", str(args.clients), "-d", f"{max(1, round(seconds))}s", "--timeout", "30s",
             "-s", fh.name, base], env=env, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        figures = json.loads(out.strip().splitlines()[-1])
    os.unlink(fh.name)
    errors = figures["status"] + figures["transport"]
    print_setup(args)
    print(
        f"wrk, {args.clients} connections, {args.duration:.0f} s, {args.write_share:.0%} writes: "
        f"{figures['requests']} requests ({figures['requests'] / figures['seconds']:.0f}/s), errors {errors}"
    )
    print(
        f"  all   p50 {figures['p50'] / 1000:.0f} ms  p99 {figures['p99'] / 1000:.0f} ms  "
        f"max {figures['max'] / 1000:.0f} ms"
    )
    print(f"before: {BEFORE}")


def measure_with_threads(args, base: str, token: str) -> None:
    for _phase, seconds in (("warmup", args.warmup), ("measure", args.duration)):
        out: list = []
        errors: list = []
        deadline = time.monotonic() + seconds
        threads = [
            threading.Thread(target=client, args=(base, token, args.write_share, deadline, out, errors, i))
            for i in range(args.clients)
        ]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    every = [d for _, d in out]
    print_setup(args)
    print(f"{args.clients} clients, {args.duration:.0f} s, {args.write_share:.0%} writes: {len(out)} requests "
          f"({len(out) / elapsed:.0f}/s), errors {len(errors)}")  # fmt: skip
    print(f"  all   p50 {percentile(every, 0.5) * 1000:.0f} ms  p99 {percentile(every, 0.99) * 1000:.0f} ms")
    for method in ("GET", "POST"):
        some = [d for m, d in out if m == method]
        if some:
            print(f"  {method:<5} p50 {percentile(some, 0.5) * 1000:.0f} ms  "
                  f"p99 {percentile(some, 0.99) * 1000:.0f} ms  ({len(some)})")  # fmt: skip
    if errors:
        print("  errors: " + ", ".join(f"{e} x{errors.count(e)}" for e in sorted(set(errors))))
    print(f"before: {BEFORE}")


if __name__ == "__main__":
    main()
