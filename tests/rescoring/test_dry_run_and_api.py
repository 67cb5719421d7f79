"""``--dry-run`` writes nothing anywhere; the read-only API shows runs to the moderators of their sites only."""

from __future__ import annotations

import json
import subprocess
import sys

import redis as redis_lib
from sqlalchemy import func, select

from moderation.extensions import db
from moderation.worker import build_worker
from tests.conftest import auth
from tests.rescoring.helpers import LOADER, seed_items
from tests.rescoring.stubs import write_stub_model
from tests.stubs import make_stub

NEW = "stub-new-5"


def table_counts(app) -> dict[str, int]:
    with app.app_context():
        return {
            t.name: db.session.execute(select(func.count()).select_from(t)).scalar_one()
            for t in db.metadata.sorted_tables
        }


def redis_snapshot(app) -> dict[bytes, bytes]:
    conn = redis_lib.Redis.from_url(app.config["REDIS_URL"])
    try:
        return {key: conn.type(key) for key in conn.scan_iter()}
    finally:
        conn.close()


def test_dry_run_writes_nothing(make_app, world, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    seed_items(app, 300)
    model_dir = write_stub_model(tmp_path / "model", NEW, neutral=0.8)
    runner = app.test_cli_runner()
    tables, keys = table_counts(app), redis_snapshot(app)

    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--dry-run", "--chunk-size", "100"])
    assert result.exit_code == 0, result.output
    assert "would rescore 300 item(s) in 3 chunk(s) of up to 100" in result.output
    assert "site 1: active model stub-keyword-1" in result.output
    assert table_counts(app) == tables
    assert redis_snapshot(app) == keys

    # With a run under way, a dry run reports it, and still writes nothing.
    assert runner.invoke(args=["rescore", "--model", str(model_dir), "--detach", "--chunk-size", "100"]).exit_code == 0
    tables, keys = table_counts(app), redis_snapshot(app)
    assert tables["rescore_chunks"] == 3 and tables["scores"] == 300
    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--dry-run", "--activate"])
    assert result.exit_code == 0, result.output
    assert "run 1 exists (running): 0/3 chunk(s) done" in result.output
    assert table_counts(app) == tables
    assert redis_snapshot(app) == keys


NO_TORCH_SCRIPT = """
import json, sys
sys.modules["torch"] = sys.modules["transformers"] = None  # any import of them now raises ImportError
from moderation import create_app
app = create_app(json.loads(sys.argv[1]))
result = app.test_cli_runner().invoke(args=["rescore", "--model", sys.argv[2], "--dry-run"])
print(result.output)
sys.exit(result.exit_code)
"""


def test_rescore_command_runs_without_torch_on_a_stub_model(make_app, world, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    seed_items(app, 10)
    model_dir = write_stub_model(tmp_path / "model", NEW)
    config = {
        key: app.config[key]
        for key in ("TESTING", "DATABASE_URL", "REDIS_URL", "DATA_DIR", "SECRET_KEY", "RESCORE_CLASSIFIER_LOADER")
    }
    out = subprocess.run(
        [sys.executable, "-c", NO_TORCH_SCRIPT, json.dumps(config), str(model_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "would rescore 10 item(s) in 1 chunk(s)" in out.stdout


def test_api_shows_progress_and_diff_to_the_right_moderators(make_app, world, client, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    client = app.test_client()
    seed_items(app, 120, subjects=3)
    model_dir = write_stub_model(tmp_path / "model", NEW, neutral=0.8)
    runner = app.test_cli_runner()
    site_run = runner.invoke(args=["rescore", "--model", str(model_dir), "--site", "shop", "--detach"])
    assert site_run.exit_code == 0, site_run.output
    all_sites = runner.invoke(args=["rescore", "--model", str(model_dir), "--detach", "--chunk-size", "50"])
    assert "run 2:" in all_sites.output

    progress = client.get("/api/v1/rescore-runs/1", headers=auth(world.moderator_token)).get_json()
    assert progress["site"] == "shop" and progress["model_version"] == NEW
    assert progress["progress"]["total_items"] == 120 and progress["progress"]["items_done"] == 0
    assert progress["progress"]["state"] == "running"

    build_worker(app, make_stub, queues=["rescore"]).work(burst=True)

    done = client.get("/api/v1/rescore-runs/1", headers=auth(world.moderator_token)).get_json()["progress"]
    assert (done["state"], done["chunks_done"], done["items_done"], done["scores_written"]) == ("finished", 1, 120, 120)
    diff = client.get("/api/v1/rescore-runs/1/diff", headers=auth(world.moderator_token)).get_json()
    assert diff["items"] == 120 and diff["label_changed"] == 40  # the neutral third went negative
    assert diff["baseline_versions"] == {"shop": "stub-keyword-1"}
    assert {s["subject"] for s in diff["subjects"]} == {"sku-0", "sku-1", "sku-2"}
    csv_response = client.get("/api/v1/rescore-runs/1/diff.csv", headers=auth(world.moderator_token))
    assert csv_response.status_code == 200 and csv_response.mimetype == "text/csv"
    assert csv_response.get_data(as_text=True).splitlines()[0].startswith("item_id,site_id,subject")

    # A moderator sees their sites' runs; a run over every site, and other sites' runs, are hidden.
    listed = client.get("/api/v1/rescore-runs", headers=auth(world.moderator_token)).get_json()
    assert [r["id"] for r in listed["runs"]] == [1]
    assert client.get("/api/v1/rescore-runs/2", headers=auth(world.moderator_token)).status_code == 404
    assert client.get("/api/v1/rescore-runs/1", headers=auth(world.other_site_moderator_token)).status_code == 404
    assert client.get("/api/v1/rescore-runs", headers=auth(world.other_site_moderator_token)).get_json() == {"runs": []}
    admin = client.get("/api/v1/rescore-runs", headers=auth(world.admin_token)).get_json()
    assert [r["id"] for r in admin["runs"]] == [2, 1]
    assert client.get("/api/v1/rescore-runs/2/diff", headers=auth(world.admin_token)).status_code == 200
    assert client.get("/api/v1/rescore-runs/1").status_code == 401
    assert client.get("/api/v1/rescore-runs/1", headers=auth(world.site_token)).status_code == 403
    assert client.get("/api/v1/rescore-runs/99", headers=auth(world.admin_token)).status_code == 404


def test_without_model_rescore_uses_the_workers_model(make_app, world, tmp_path):
    """After an upgrade that ships a new model, `moderation rescore --activate` needs no path."""
    workers_model = write_stub_model(tmp_path / "workers-model", "stub-upgraded-9")
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER, MODEL_DIR=str(workers_model))
    seed_items(app, 40)
    result = app.test_cli_runner().invoke(args=["rescore", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"loading {workers_model}" in result.output
    assert "stub-upgraded-9" in result.output and "would rescore 40 item(s)" in result.output
