"""The reference beside bench/ingest.py: the simplest Flask view that stores a submission, one row, one commit.

ingest.py runs it under the same gunicorn settings as the platform (``gunicorn bench.ingest_reference:app``)
against a table of its own in the same throwaway PostgreSQL database, named by BENCH_REFERENCE_DATABASE_URL.
It answers the platform's submit URL with the same 202 body shape, and does nothing else: no validation beyond
parsing the JSON, no site or token lookup, no content rules, no queue. Same driver as the platform (psycopg 3);
one connection per gunicorn thread, opened on first use and kept (the platform keeps its own in SQLAlchemy's
pool), so a request costs one INSERT ... RETURNING and one COMMIT.
"""

from __future__ import annotations

import os
import threading

import psycopg
from flask import Flask, jsonify, request

TABLE = "reference_items"
CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    id bigserial PRIMARY KEY, site text NOT NULL, subject text NOT NULL, kind text NOT NULL, rating smallint,
    body text NOT NULL, author_name text, author_email text, created_at timestamptz NOT NULL DEFAULT now())"""
INSERT = (
    f"INSERT INTO {TABLE} (site, subject, kind, rating, body, author_name, author_email)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id"
)

app = Flask(__name__)
local = threading.local()


def connection() -> psycopg.Connection:
    conn = getattr(local, "conn", None)
    if conn is None or conn.closed:
        conn = local.conn = psycopg.connect(os.environ["BENCH_REFERENCE_DATABASE_URL"])
    return conn


@app.post("/api/v1/sites/<site>/subjects/<subject>/items")
def submit(site: str, subject: str):
    data = request.get_json()
    author = data.get("author") or {}
    conn = connection()
    with conn.cursor() as cur:
        cur.execute(
            INSERT,
            (site, subject, data.get("kind", "review"), data.get("rating"), data.get("body", ""),
             author.get("name"), author.get("email")),
        )  # fmt: skip
        (item_id,) = cur.fetchone()
    conn.commit()
    return jsonify({"id": item_id, "status": "published"}), 202
