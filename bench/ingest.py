"""Submit throughput and submit-to-case latency on PostgreSQL + Redis.

Starts gunicorn (the web) and one `moderation worker` on a throwaway database and a Redis db index, then:

  A. throughput: CLIENTS keep-alive clients post reviews as fast as they can (worker stopped, so the figure
     is the ingest path alone: validate, content rules, commit, enqueue); prints submissions/s and p50/p95/p99.
     Beside it, the reference (bench/ingest_reference.py): the simplest Flask view that inserts one row with
     one commit through the same driver (psycopg 3), in its own table of the same database, under the same
     gunicorn settings (production's ``moderation.gunicorn_conf``, workers and threads as given; --bare-gunicorn
     for gunicorn's own defaults), posted to by the same clients. The two alternate (ours, reference, ours, ... for
     ROUNDS rounds of REQUESTS / ROUNDS each) and our throughput is printed as a ratio of the reference's,
     then each side's CPU per submission in its web processes, PostgreSQL and Redis (from /proc, on Linux).
  B. submit-to-case: with the worker running, 1-star angry reviews at RATE/s; for each, the time from the
     item's commit to its case's creation (both stamped by the servers); prints p50/p95.

    python bench/ingest.py [--stub] [--requests 4000] [--clients 8] [--rate 20] [--seconds 30] [--rounds 2]
                           [--bare-gunicorn]

--stub scores with the keyword stub (isolates the platform); without it, the bundled model scores.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import redis
from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_reference import CREATE as REFERENCE_TABLE  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def moderation(env: dict, *args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "moderation", *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def wait_http(port: int, path: str = "/healthz", timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("web did not start")


def wait_http_post(port: int, timeout: float = 60) -> None:
    """The reference serves only its POST route: any HTTP answer means it is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("reference did not start")


def server_cpu(master: int) -> dict[str, float]:
    """CPU seconds so far of a gunicorn (``master`` and its workers), of every PostgreSQL and Redis process: read
    from /proc before and after a round, they split a submission's cost by process (empty where /proc is missing).
    """
    if not os.path.isdir("/proc"):
        return {}
    tick = os.sysconf("SC_CLK_TCK")
    totals = {"web": 0.0, "PostgreSQL": 0.0, "Redis": 0.0}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat, open(f"/proc/{pid}/comm") as name:
                fields, comm = stat.read().rpartition(")")[2].split(), name.read().strip()
        except OSError:  # the process ended meanwhile
            continue
        seconds = (int(fields[11]) + int(fields[12])) / tick  # utime, stime
        if int(pid) == master or int(fields[1]) == master:  # fields[1]: the parent's pid
            totals["web"] += seconds
        elif comm == "postgres":
            totals["PostgreSQL"] += seconds
        elif comm == "redis-server":
            totals["Redis"] += seconds
    return totals


# Every submission of a run gets its own number, whichever client posts it: the texts differ, as customers' do. With
# each client counting from 0, the eight clients posted the same texts under the same e-mails, and seven in eight
# submissions were held as duplicates and opened a case: a heavier path than real traffic takes.
SERIAL = itertools.count()


def post_many(port: int, token: str, n: int, body_of, latencies: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    for _ in range(n):
        k = next(SERIAL)
        payload = json.dumps(body_of(k))
        started = time.perf_counter()
        conn.request("POST", f"/api/v1/sites/bench/subjects/sku-{k % 50}/items", payload, headers)
        response = conn.getresponse()
        response.read()
        latencies.append(time.perf_counter() - started)
        if response.status != 202:
            errors.append(response.status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--web-threads", type=int, default=4)
    parser.add_argument("--stub", action="store_true")
    parser.add_argument("--rounds", type=int, default=2, help="A: ours and the reference alternate this many times")
    parser.add_argument(
        "--bare-gunicorn",
        action="store_true",
        help="gunicorn's own defaults for both sides, not production's settings file (moderation.gunicorn_conf)",
    )
    args = parser.parse_args()

    name = f"moderation_bench_{secrets.token_hex(3)}"
    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = PG.rsplit("/", 1)[0] + "/" + name
    engine_url = database_url.replace("postgresql://", "postgresql+psycopg://", 1)  # SQLAlchemy's psycopg 3 dialect
    redis.Redis.from_url(REDIS).flushdb()
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": database_url,
        "MODERATION_REDIS_URL": REDIS,
        "MODERATION_DATA_DIR": f"/tmp/{name}",
        "MODERATION_SUBMIT_RATE_LIMIT": "1000000 per minute",
        "PYTHONPATH": str(ROOT),
    }
    procs: list[subprocess.Popen] = []
    try:
        moderation(env, "db", "upgrade")
        moderation(env, "site", "create", "bench")
        token = moderation(env, "token", "create", "--site", "bench")
        web_port = 18000 + secrets.randbelow(1000)
        ref_port = web_port + 1000
        gunicorn = [sys.executable, "-m", "gunicorn", "-w", str(args.web_workers), "--threads", str(args.web_threads),
                    "--log-level", "warning"]  # fmt: skip
        if not args.bare_gunicorn:
            # Production's settings file for both sides (what `moderation serve` and the web image run): the
            # heap frozen once a process has loaded, JSON access lines (written to /dev/null here).
            gunicorn += ["-c", "python:moderation.gunicorn_conf", "--access-logfile", os.devnull]
        procs.append(
            subprocess.Popen(
                [*gunicorn, "-b", f"127.0.0.1:{web_port}", "moderation:create_app()"], env=env, cwd=ROOT
            )
        )  # fmt: skip
        with create_engine(engine_url).begin() as conn:
            conn.execute(text(REFERENCE_TABLE))
        procs.append(
            subprocess.Popen(
                [*gunicorn, "-b", f"127.0.0.1:{ref_port}", "bench.ingest_reference:app"],
                env={**env, "BENCH_REFERENCE_DATABASE_URL": database_url}, cwd=ROOT,
            )
        )  # fmt: skip
        wait_http(web_port)
        wait_http_post(ref_port)

        # A: ingest throughput, worker stopped, alternating with the reference on the same clients.
        per_round = max(1, args.requests // args.clients // args.rounds)
        latencies: dict[int, list[float]] = {web_port: [], ref_port: []}
        errors: dict[int, list[int]] = {web_port: [], ref_port: []}
        elapsed = {web_port: 0.0, ref_port: 0.0}
        masters = {web_port: procs[0].pid, ref_port: procs[1].pid}
        cpu: dict[int, dict[str, float]] = {web_port: {}, ref_port: {}}

        # The author's name is a customer's: "Bench", the site's own name, made every submission a held
        # impersonation with its case (until 2026-12-06), heavier than real traffic.
        def body(k: int) -> dict:
            return {"kind": "review", "rating": 1 + k % 5, "body": f"Avis numéro {k}, chaussures correctes.",
                    "author": {"name": f"Client {k % 97}", "email": f"user{k % 997}@example.com"}}  # fmt: skip

        for port in (web_port, ref_port):
            # Warm-up from every client at once, so that each web process and thread has its connections, imports
            # and caches before the clock starts (one client reached one process and one of its threads).
            warm = [
                threading.Thread(target=post_many, args=(port, token, 20, body, [], [])) for _ in range(args.clients)
            ]
            for t in warm:
                t.start()
            for t in warm:
                t.join()
        # Statistics, as autovacuum keeps them on a production server. Without them (a server run with autovacuum
        # off, as on the machine of docs/benchmarks.md's sixth session), the web processes' cached generic plan of
        # the duplicate lookup walked every item of the site through another index, ever slower as the run went.
        with create_engine(engine_url, isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text("ANALYZE"))
        for _ in range(args.rounds):
            for port in (web_port, ref_port):
                threads = [
                    threading.Thread(
                        target=post_many, args=(port, token, per_round, body, latencies[port], errors[port])
                    )  # fmt: skip
                    for _ in range(args.clients)
                ]
                started, cpu_before = time.perf_counter(), server_cpu(masters[port])
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                elapsed[port] += time.perf_counter() - started
                for key, value in server_cpu(masters[port]).items():
                    cpu[port][key] = cpu[port].get(key, 0.0) + value - cpu_before[key]
        total = per_round * args.clients * args.rounds
        rate = {port: total / elapsed[port] for port in elapsed}

        def figures(port: int) -> str:
            lat = latencies[port]
            return (f"{total} submissions from {args.clients} clients in {elapsed[port]:.2f} s = {rate[port]:.0f} "
                    f"submissions/s; latency p50 {percentile(lat, .5) * 1000:.1f} ms, p95 "
                    f"{percentile(lat, .95) * 1000:.1f} ms, p99 {percentile(lat, .99) * 1000:.1f} ms; "
                    f"non-202: {len(errors[port])}")  # fmt: skip

        print(f"A. ingest: {figures(web_port)}")
        print(f"   reference (Flask view, one INSERT + COMMIT, psycopg 3, same gunicorn): {figures(ref_port)}")
        print(f"   ours / reference: {rate[web_port] / rate[ref_port]:.2f}x throughput "
              f"({args.rounds} alternating rounds of {per_round * args.clients} submissions each)")  # fmt: skip
        if cpu[web_port]:

            def per_submission(port: int) -> str:
                return ", ".join(f"{key} {seconds / total * 1000:.2f} ms" for key, seconds in cpu[port].items())

            print(f"   CPU per submission (/proc): ours {per_submission(web_port)}; "
                  f"reference {per_submission(ref_port)}")  # fmt: skip

        # Score the backlog from A before measuring B, so B sees a quiet queue.
        worker_cmd = [sys.executable, "-m", "moderation", "worker"]
        if args.stub:
            worker_cmd += ["--classifier", "tests.stubs:make_stub"]
        procs.append(subprocess.Popen(worker_cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))  # fmt: skip
        engine = create_engine(engine_url)
        backlog_started = time.perf_counter()
        while True:
            with engine.connect() as conn:
                left = conn.execute(text("SELECT count(*) FROM items WHERE scored_at IS NULL")).scalar_one()
            if left == 0:
                break
            time.sleep(0.5)
        backlog = time.perf_counter() - backlog_started
        print(f"   backlog of {total + 20} items scored in {backlog:.1f} s (includes model load) by one worker")

        # B: paced 1-star angry reviews; every one opens a case.
        conn = http.client.HTTPConnection("127.0.0.1", web_port, timeout=30)
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
        ids = []
        n = int(args.rate * args.seconds)
        t0 = time.perf_counter()
        for k in range(n):
            payload = json.dumps({"kind": "review", "rating": 1, "body": f"Nul, cassé au bout de {k + 2} jours, "
                                  "service client injoignable. Très déçu.", "author": {"name": "Angry"}})  # fmt: skip
            conn.request("POST", "/api/v1/sites/bench/subjects/sku-angry/items", payload, headers)
            response = conn.getresponse()
            ids.append(json.loads(response.read())["id"])
            delay = t0 + (k + 1) / args.rate - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            with engine.connect() as c:
                done = c.execute(
                    text("SELECT count(*) FROM cases WHERE item_id = ANY(:ids)"), {"ids": ids}
                ).scalar_one()
            if done == len(ids):
                break
            time.sleep(0.5)
        with engine.connect() as c:
            rows = c.execute(
                text("SELECT extract(epoch FROM c.created_at - i.created_at) FROM cases c JOIN items i "
                     "ON i.id = c.item_id WHERE i.id = ANY(:ids)"), {"ids": ids}
            ).scalars().all()  # fmt: skip
        lat = [float(r) for r in rows]
        scorer = "stub" if args.stub else "bundled model"
        print(f"B. submit-to-case at {args.rate:.0f}/s for {args.seconds:.0f} s ({scorer}):"
              f" {len(lat)}/{len(ids)} cases; p50 {statistics.median(lat) * 1000:.0f} ms, "
              f"p95 {percentile(lat, .95) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms")  # fmt: skip
        engine.dispose()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        redis.Redis.from_url(REDIS).flushdb()


if __name__ == "__main__":
    main()
