"""CPU time and SQL statements per request, in-process and independent of load: the widget's listing read and a
submission, through the Flask test client on SQLite or PostgreSQL.

    PYTHONPATH=. python bench/requests_profile.py [--database sqlite|postgresql] [--requests 300] [--profile 25]

It builds the app on a throwaway database (a SQLite file, or a PostgreSQL database created and dropped here; set
BENCH_DATABASE_URL for another server) and a Redis db index (BENCH_REDIS_URL, default db 13), loads the demo data,
and issues, one at a time: GET listing of the demo product (what the widget reads on every product page), GET
with the ETag of the previous answer (a browser's revalidation), POST a 4★ review and POST a 1★ review (which
opens its ``low_rating`` case in the same transaction), both with the site token as a server integration does.
For each it prints the median and p95 process CPU time per request (``time.process_time``: the server's own
cost, whatever else the machine runs) and the SQL statements per request (an ``before_cursor_execute``
listener, so BEGIN/COMMIT issued by the driver itself are not counted). ``--profile N`` prints the top
functions of a cProfile over N more requests of each kind.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

import redis
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from moderation import create_app  # noqa: E402
from moderation.extensions import db  # noqa: E402

PG = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
LISTING = "/api/v1/sites/demo/subjects/lumo-desk-lamp"


def throwaway_database(kind: str) -> tuple[str, callable]:
    if kind == "sqlite":
        path = os.path.join(tempfile.mkdtemp(prefix="moderation-profile-"), "db.sqlite3")
        return "sqlite:///" + path, lambda: None
    name = f"moderation_profile_{secrets.token_hex(3)}"
    admin = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(PG).set(database=name).render_as_string(hide_password=False), drop


def build(database_url: str, listing_cache_s: float | None = None):
    extra = {} if listing_cache_s is None else {"LISTING_CACHE_S": listing_cache_s}
    app = create_app(
        {
            **extra,
            "DATABASE_URL": database_url,
            "REDIS_URL": REDIS,
            "DATA_DIR": tempfile.mkdtemp(prefix="moderation-profile-data-"),
            "SECRET_KEY": "profile-" + "k" * 32,
            "SUBMIT_RATE_LIMIT": "1000000 per minute",
        }
    )
    # Function-level imports: these modules need the app's extensions initialised by create_app first.
    from flask_migrate import upgrade

    from moderation.services.accounts import create_token, get_site
    from moderation.widget.demo import load_demo

    with app.app_context():
        upgrade()
        load_demo(["http://127.0.0.1:8000"])
        _, secret = create_token("profile", site=get_site("demo"))
        db.session.commit()
    return app, secret


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", type=int, default=0, help="cProfile N more requests of each kind")
    parser.add_argument("--no-listing-cache", action="store_true", help="LISTING_CACHE_S=0: every read computes")
    parser.add_argument("--sort", default="cumulative", help="cProfile order: cumulative or tottime")
    parser.add_argument("--show-sql", action="store_true", help="print the statements of one request of each kind")
    args = parser.parse_args()

    redis.Redis.from_url(REDIS).flushdb()
    url, drop = throwaway_database(args.database)
    try:
        app, secret = build(url, 0 if args.no_listing_cache else None)
        client = app.test_client()
        statements = [0]
        shown: list[str] = []

        def count(conn, cursor, statement, *rest) -> None:
            statements[0] += 1
            shown.append(" ".join(statement.split())[:150])

        with app.app_context():
            event.listen(db.engine, "before_cursor_execute", count)
        auth = {"Authorization": f"Bearer {secret}"}
        seq = [0]

        def post(rating: int):
            seq[0] += 1
            body = {"kind": "review", "rating": rating, "author": {"name": "Profile"},
                    "body": f"Profile review {seq[0]}: the light is fine for reading at night."}  # fmt: skip
            return client.post(LISTING + "/items", json=body, headers=auth)

        etag = [None]

        def get():
            response = client.get(LISTING)
            etag[0] = response.headers.get("ETag")
            return response

        def revalidate():
            return client.get(LISTING, headers={"If-None-Match": etag[0]} if etag[0] else {})

        kinds = {
            "GET listing": (get, {200}),
            "GET If-None-Match": (revalidate, {200, 304}),
            "POST 4★": (lambda: post(4), {202}),
            "POST 1★ (case)": (lambda: post(1), {202}),
        }
        mode = " (listing cache off)" if args.no_listing_cache else ""
        print(f"{args.database}{mode}, {os.cpu_count()} core(s), load average {os.getloadavg()[0]:.1f}, "
              f"{args.requests} requests of each kind, one at a time")  # fmt: skip
        for name, (call, ok) in kinds.items():
            for _ in range(10):  # warm: first-request imports, compiled statements, connection pool
                call()
            cpu, counts, statuses = [], [], set()
            for _ in range(args.requests):
                before, started = statements[0], time.process_time()
                response = call()
                cpu.append(time.process_time() - started)
                counts.append(statements[0] - before)
                statuses.add(response.status_code)
                if response.status_code not in ok:
                    raise SystemExit(f"{name}: {response.status_code} {response.get_data(as_text=True)[:200]}")
            if args.show_sql:
                shown.clear()
                call()
                print(f"  --- {name}: {len(shown)} statements")
                for line in shown:
                    print("      " + line)
            cpu.sort()
            print(f"  {name:<18} CPU median {statistics.median(cpu) * 1000:.2f} ms, "
                  f"p95 {cpu[int(0.95 * len(cpu))] * 1000:.2f} ms; SQL statements "
                  f"{min(counts)}-{max(counts)} (median {statistics.median(counts):g}); "
                  f"status {sorted(statuses)}")  # fmt: skip
        if args.profile:
            for name, (call, _) in kinds.items():
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(args.profile):
                    call()
                profiler.disable()
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(25)
                print(f"\n--- cProfile, {args.profile} x {name} ---")
                print("\n".join(out.getvalue().splitlines()[:45]))
        with app.app_context():
            db.engine.dispose()
    finally:
        drop()


if __name__ == "__main__":
    main()
