"""Server time of the console's queue pages with 100,000 open cases on PostgreSQL.

Creates a throwaway database, builds the schema with the migrations, seeds it with COPY (items, authors,
subjects, cases, scores), signs a moderator in and times the pages in-process (the Flask test client: server
time only, no network). Prints one line per page: median and 95th percentile over the timed runs.

    PYTHONPATH=. python bench/console.py [--cases 100000] [--runs 30] [--database-url postgresql://...]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import random
import re
import secrets
import statistics
import tempfile
import time
from datetime import datetime, timedelta

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from moderation.folding import fold_fields

WORDS_NEG = "cassé déçu horrible nul retard arnaque broken awful disappointed late refund".split()
WORDS = (
    "produit livraison qualité taille couleur prix service colis emballage matière confort "
    "product delivery quality size colour price service parcel packaging fabric comfort"
).split()
REASONS = [["low_rating"], ["low_rating", "negative_text"], ["negative_text"], ["rating_text_mismatch"]]


def copy_rows(raw, table: str, columns: list[str], rows) -> None:
    """COPY rows into a table (tab-separated, \\N for NULL)."""
    buffer = io.StringIO()
    for row in rows:
        buffer.write(
            "\t".join("\\N" if v is None else str(v).replace("\t", " ").replace("\n", "\\n") for v in row) + "\n"
        )
    buffer.seek(0)
    with raw.cursor() as cur:
        with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            while chunk := buffer.read(1 << 20):
                copy.write(chunk)


def seed(engine, cases: int, rng: random.Random) -> None:
    """One site, 2,000 products, 20,000 authors, ``cases`` reviews each with an open reply case and a score."""
    now = datetime(2026, 11, 26, 12, 0, 0)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sites (id, slug, name, allowed_origins, word_list, policy, reply_templates, "
                "sla_low_rating_hours, sla_default_hours, active_model_version, created_at) VALUES "
                "(1, 'shop', 'Shop', '[]', '[]', '{}', '[]', 24, 72, 'bench-model-1', :now), "
                "(2, 'other', 'Other', '[]', '[]', '{}', '[]', 24, 72, 'bench-model-1', :now)"
            ),
            {"now": now},
        )
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        copy_rows(
            driver,
            "subjects",
            ["id", "site_id", "external_id", "title", "created_at", "search_text"],
            ((i, 1, f"sku-{i}", f"Product {i}", now, fold_fields(f"sku-{i}", f"Product {i}")) for i in range(1, 2001)),
        )
        copy_rows(
            driver,
            "authors",
            ["id", "site_id", "email", "name", "created_at", "search_text"],
            (
                (
                    i,
                    1,
                    f"customer{i}@example.com",
                    f"Customer {i}",
                    now,
                    fold_fields(f"Customer {i}", f"customer{i}@example.com"),
                )
                for i in range(1, 20001)
            ),
        )
        items, case_rows, scores = [], [], []
        for i in range(1, cases + 1):
            rating = rng.choice((1, 1, 2, 2, 3, 4, 5))
            words = rng.sample(WORDS, 8) + rng.sample(WORDS_NEG, 2)
            rng.shuffle(words)
            created = now - timedelta(minutes=rng.randint(0, 60 * 24 * 60))
            lang = rng.choice(("fr", "fr", "en"))
            items.append(
                (
                    i,
                    1,
                    rng.randint(1, 2000),
                    rng.randint(1, 20000),
                    "review",
                    rating,
                    " ".join(words[:3]),
                    " ".join(words),
                    lang,
                    "published",
                    "[]",
                    0,
                    created,
                    created,
                    # what models.search writes with every item (COPY bypasses the ORM)
                    fold_fields(" ".join(words[:3]), " ".join(words)),
                )
            )
            p = round(rng.uniform(0.5, 1.0), 4)
            reasons = rng.choice(REASONS)
            priority = min(100, {1: 45, 2: 35, 3: 15}.get(rating, 0) + round(35 * p))
            due = created + timedelta(hours=24 if rating <= 2 else 72)
            case_rows.append(
                (i, 1, i, str(reasons).replace("'", '"'), "{}", priority, due, "open", "bench-model-1", created)
            )
            scores.append((i, i, "bench-model-1", "negative" if p >= 0.5 else "positive", p, created))
        copy_rows(
            driver,
            "items",
            [
                "id",
                "site_id",
                "subject_id",
                "author_id",
                "kind",
                "rating",
                "title",
                "body",
                "lang",
                "status",
                "hold_reasons",
                "helpful_count",
                "created_at",
                "scored_at",
                "search_text",
            ],
            items,
        )
        copy_rows(
            driver,
            "cases",
            [
                "id",
                "site_id",
                "item_id",
                "reasons",
                "evidence",
                "priority",
                "due_at",
                "state",
                "model_version",
                "stale",
                "created_at",
                "updated_at",
            ],
            ((*row[:-1], "f", row[-1], row[-1]) for row in case_rows),
        )
        copy_rows(
            driver,
            "scores",
            ["id", "item_id", "model_version", "label", "negative_probability", "created_at"],
            scores,
        )
        with driver.cursor() as cur:
            for table in ("subjects", "authors", "items", "cases", "scores", "sites"):
                cur.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
            cur.execute("ANALYZE")
        driver.commit()
    finally:
        raw.close()


def timed(client, path: str, runs: int) -> tuple[float, float, int]:
    """Median and p95 server time in ms of GET ``path`` after two warm-up requests; also the status."""
    for _ in range(2):
        status = client.get(path).status_code
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))], status


@contextlib.contextmanager
def throwaway_app(database_url: str, redis_url: str, keep: bool = False, **config):
    """The app on a new PostgreSQL database built by the migrations; dropped afterwards unless ``keep``."""
    # Imported here, not at the top: ``--help`` answers without loading the app.
    from flask_migrate import upgrade

    from moderation import create_app
    from moderation.extensions import db

    name = f"moderation_bench_{secrets.token_hex(3)}"
    base = database_url.replace("postgresql://", "postgresql+psycopg://", 1)
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(database_url).set(database=name).render_as_string(hide_password=False)
    try:
        app = create_app(
            {
                "DATABASE_URL": url,
                "REDIS_URL": redis_url,
                "DATA_DIR": tempfile.mkdtemp(prefix="moderation-bench-"),
                "SECRET_KEY": "bench-" + "k" * 32,
                "RATELIMIT_ENABLED": False,
                **config,
            }
        )
        with app.app_context():
            upgrade()
        yield app
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
    finally:
        if not keep:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("MODERATION_BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1/postgres"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("MODERATION_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"))
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()

    # Imported after parsing: ``--help`` answers without loading the app.
    from moderation.extensions import db
    from moderation.services.accounts import create_moderator

    with throwaway_app(args.database_url, args.redis_url, args.keep) as app:
        with app.app_context():
            started = time.perf_counter()
            seed(db.engine, args.cases, random.Random(42))
            seeded_s = time.perf_counter() - started
            create_moderator("ann@shop.test", "Ann", "password-ann", site_slugs=["shop"])
            db.session.commit()
            open_cases = db.session.execute(text("SELECT count(*) FROM cases WHERE state = 'open'")).scalar_one()
            version = db.session.execute(text("SHOW server_version")).scalar_one()

        client = app.test_client()
        page = client.get("/console/login").get_data(as_text=True)
        token = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
        response = client.post(
            "/console/login", data={"csrf_token": token, "email": "ann@shop.test", "password": "password-ann"}
        )
        assert response.status_code == 302, response.status_code

        html = client.get("/console/?reason=negative_text").get_data(as_text=True)
        cursor = re.search(r"after=([^&\"]+)", html).group(1)
        deep = "/console/?reason=negative_text&after=" + cursor
        first_case = re.search(r'href="/console/cases/(\d+)[?"]', html).group(1)
        pages = [
            ("queue, first page", "/console/"),
            ("queue, filtered: reason + 1 star + language", "/console/?reason=negative_text&rating=1&lang=fr"),
            ("queue, filtered: one product", "/console/?subject=sku-77"),
            ("queue, next page (keyset cursor)", deep),
            ("queue, text search (common word)", "/console/?q=arnaque"),
            ("queue, text search matching nothing", "/console/?q=introuvable"),
            ("queue, text search without accents (decu)", "/console/?q=decu"),
            ("queue, search by author e-mail", "/console/?q=customer1234@example.com"),
            ("queue, product picked by name", "/console/?subject=Product%2077"),
            ("case page", f"/console/cases/{first_case}"),
        ]
        print(f"console bench: {open_cases} open cases, seeded in {seeded_s:.1f} s")
        print(
            f"PostgreSQL {version}; Python {platform.python_version()}; {os.cpu_count()} CPUs; "
            f"{args.runs} timed runs per page after 2 warm-up"
        )
        for label, path in pages:
            median, p95, status = timed(client, path, args.runs)
            print(f"{label:48s} median {median:7.1f} ms   p95 {p95:7.1f} ms   (HTTP {status})")


if __name__ == "__main__":
    main()
