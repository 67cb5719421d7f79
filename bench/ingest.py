"""Submit throughput and submit-to-case latency on PostgreSQL + Redis.

Starts gunicorn (the web) and one `moderation worker` on a throwaway database and a Redis db index, then:

  A. throughput: CLIENTS keep-alive clients post reviews as fast as they can (worker stopped, so the figure
     is the ingest path alone: validate, content rules, commit, enqueue); prints submissions/s and p50/p95/p99.
  B. submit-to-case: with the worker running, 1-star angry reviews at RATE/s; for each, the time from the
     item's commit to its case's creation (both stamped by the servers); prints p50/p95.

    python bench/ingest.py [--stub] [--requests 4000] [--clients 8] [--rate 20] [--seconds 30]

--stub scores with the keyword stub (isolates the platform); without it, the bundled model scores.
"""

from __future__ import annotations

import argparse
import http.client
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


def post_many(port: int, token: str, n: int, body_of, latencies: list[float], errors: list[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    for k in range(n):
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
    args = parser.parse_args()

    name = f"moderation_bench_{secrets.token_hex(3)}"
    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database_url = PG.rsplit("/", 1)[0] + "/" + name
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
        procs.append(
            subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "-w", str(args.web_workers), "--threads", str(args.web_threads),
                 "-b", f"127.0.0.1:{web_port}", "--log-level", "warning", "moderation:create_app()"],
                env=env, cwd=ROOT,
            )
        )  # fmt: skip
        wait_http(web_port)

        # A: ingest throughput, worker stopped.
        per_client = args.requests // args.clients
        latencies: list[float] = []
        errors: list[int] = []

        def body(k: int) -> dict:
            return {"kind": "review", "rating": 1 + k % 5, "body": f"Avis numéro {k}, chaussures correctes.",
                    "author": {"name": "Bench", "email": f"user{k % 997}@example.com"}}  # fmt: skip

        post_many(web_port, token, 20, body, [], [])  # warm-up: connections, imports, caches
        threads = [
            threading.Thread(target=post_many, args=(web_port, token, per_client, body, latencies, errors))
            for _ in range(args.clients)
        ]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        total = per_client * args.clients
        print(f"A. ingest: {total} submissions from {args.clients} clients in {elapsed:.2f} s "
              f"= {total / elapsed:.0f} submissions/s; latency p50 {percentile(latencies, .5) * 1000:.1f} ms, "
              f"p95 {percentile(latencies, .95) * 1000:.1f} ms, p99 {percentile(latencies, .99) * 1000:.1f} ms; "
              f"non-202: {len(errors)}")  # fmt: skip

        # Score the backlog from A before measuring B, so B sees a quiet queue.
        worker_cmd = [sys.executable, "-m", "moderation", "worker"]
        if args.stub:
            worker_cmd += ["--classifier", "tests.stubs:make_stub"]
        procs.append(subprocess.Popen(worker_cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL))  # fmt: skip
        engine = create_engine(database_url.replace("postgresql://", "postgresql+psycopg://", 1))
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
