"""Writers of one process on the embedded database: the per-process queue in front of the writers' file, against
polling the file alone (``moderation.extensions``), side by side, rounds alternating.

    PYTHONPATH=. python bench/sqlite_writers.py [--threads 8] [--per-thread 150] [--rounds 3]

Each transaction is a POST-like request context that does some Python work first (as the content rules do), then
writes a site and commits, on a fresh SQLite database per arm and round. Printed per arm: transactions per second,
latency p50/p99 and the process's CPU per transaction. "polling" swaps the process queue for a lock that never
waits, which is what every writer did before: try the file, sleep up to 2 ms, try again.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class _NeverWaits:
    """A lock that is always free: the writers go straight to polling the file."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return True

    def release(self) -> None:
        pass


def one_arm(arm: str, threads: int, per_thread: int, root: Path) -> tuple[float, float, float, float]:
    from flask_migrate import upgrade

    from moderation import create_app, extensions
    from moderation.extensions import db
    from moderation.services.accounts import create_site

    folder = Path(tempfile.mkdtemp(dir=root))
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}", "DATA_DIR": str(folder),
                      "REDIS_URL": "redis://127.0.0.1:1/0", "TESTING": True})  # fmt: skip
    with app.app_context():
        upgrade()
        db.engine.dispose()
    queue = extensions._process_queue
    if arm == "polling":
        extensions._process_queue = lambda path: _NeverWaits()
    latencies: list[float] = []

    def work(k: int) -> None:
        for i in range(per_thread):
            started = time.perf_counter()
            with app.test_request_context("/", method="POST"):
                sum(j * j for j in range(3000))  # ~0.2 ms of Python before the first write
                create_site(f"s{k}-{i}", "S", origins=[])
                db.session.commit()
            latencies.append(time.perf_counter() - started)

    try:
        started, cpu_started = time.perf_counter(), time.process_time()
        workers = [threading.Thread(target=work, args=(k,)) for k in range(threads)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        extensions._process_queue = queue
    latencies.sort()
    n = len(latencies)
    return n / wall, latencies[n // 2] * 1000, latencies[int(n * 0.99)] * 1000, cpu / n * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--per-thread", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # the migrations' INFO lines
    results: dict[str, list[tuple[float, float, float, float]]] = {"queue": [], "polling": []}
    with tempfile.TemporaryDirectory() as root:
        for round_no in range(args.rounds):
            for arm in ("queue", "polling"):
                tps, p50, p99, cpu = one_arm(arm, args.threads, args.per_thread, Path(root))
                results[arm].append((tps, p50, p99, cpu))
                print(f"round {round_no + 1} {arm:7}: {tps:6.1f} tx/s, p50 {p50:6.2f} ms, p99 {p99:6.2f} ms, "
                      f"CPU {cpu:5.2f} ms/tx", flush=True)  # fmt: skip
    print(f"{args.threads} threads × {args.per_thread} transactions, {args.rounds} rounds; queue / polling per round:")
    for i, name in enumerate(("throughput", "p50", "p99", "CPU per tx")):
        ratios = [q[i] / p[i] for q, p in zip(results["queue"], results["polling"], strict=True)]
        print(f"  {name:10} {[round(r, 2) for r in ratios]}, median {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
