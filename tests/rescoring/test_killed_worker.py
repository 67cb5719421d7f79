"""SIGKILL a rescoring worker mid-chunk, re-run the command: every item ends with exactly one new score."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from moderation.extensions import db
from moderation.models import RescoreChunk
from moderation.services import rescoring
from tests.rescoring.helpers import LOADER, score_count, seed_items
from tests.rescoring.stubs import write_stub_model

ROOT = Path(__file__).resolve().parents[2]
NEW = "stub-new-3"
ITEMS, CHUNK = 3000, 200


def start_worker(app, log_dir: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": app.config["DATABASE_URL"],
        "MODERATION_REDIS_URL": app.config["REDIS_URL"],
        "MODERATION_DATA_DIR": str(log_dir),
        "MODERATION_RESCORE_CLASSIFIER_LOADER": LOADER,
        # Three forward calls per chunk (80 + 80 + 40 texts), 0.1 s each: a kill lands inside a chunk.
        "MODERATION_RESCORE_BATCH_SIZE": "10",
        "MODERATION_RESCORE_LEASE_S": "2",
        "MODERATION_TEST_STUB_DELAY_S": "0.1",
        "MODERATION_TEST_STUB_LOG_DIR": str(log_dir),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "moderation", "worker", "--queue", "rescore",
               "--classifier", "tests.stubs:make_stub", "--maintenance-interval", "1"]  # fmt: skip
    out = open(log_dir / "worker.log", "w")  # noqa: SIM115
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)


def texts_sent(log_dir: Path) -> dict[str, int]:
    """Texts each worker process sent to the model (the stub logs one line per text)."""
    return {p.name: len(p.read_text().splitlines()) for p in log_dir.glob("scored-*.txt")}


def chunks_done(app) -> int:
    with app.app_context():
        return db.session.execute(select(func.count()).where(RescoreChunk.done.is_(True))).scalar_one()


def test_sigkill_mid_chunk_then_rerun_scores_every_item_once(make_app, world, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER, RESCORE_LEASE_S=2)
    seed_items(app, ITEMS)
    model_dir = write_stub_model(tmp_path / "model", NEW, neutral=0.8)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--detach", "--chunk-size", str(CHUNK)])
    assert result.exit_code == 0, result.output

    first_logs, second_logs = tmp_path / "first", tmp_path / "second"
    first_logs.mkdir()
    second_logs.mkdir()
    first = start_worker(app, first_logs)
    try:
        deadline = time.monotonic() + 90
        # Kill once a few chunks are in and the current one is part-way through the model.
        while True:
            assert time.monotonic() < deadline, "the first worker made no progress"
            sent = sum(texts_sent(first_logs).values())
            if sent % CHUNK and chunks_done(app) >= 3:
                break
            time.sleep(0.01)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()

    done_before = chunks_done(app)
    assert 3 <= done_before < ITEMS // CHUNK
    with app.app_context():
        states = rescoring.chunk_job_states(1)
    assert "started" in states.values(), states  # the killed chunk: rq still thinks it runs
    sent_by_first = sum(texts_sent(first_logs).values())
    unfinished = sent_by_first - done_before * CHUNK
    assert 0 < unfinished < CHUNK
    assert score_count(app, NEW) == (done_before * CHUNK, done_before * CHUNK)  # nothing of the killed chunk

    second = start_worker(app, second_logs)
    try:
        again = runner.invoke(args=["rescore", "--model", str(model_dir), "--poll", "0.2"])
        assert again.exit_code == 0, again.output
        assert "resuming run 1" in again.output
        assert f"run 1 finished: {ITEMS} item(s), {ITEMS} new score(s)" in again.output
    finally:
        second.terminate()
        second.wait(timeout=30)

    assert score_count(app, NEW) == (ITEMS, ITEMS)
    assert chunks_done(app) == ITEMS // CHUNK
    # The killed chunk went through the model again (its first pass was lost with the worker), once.
    assert sum(texts_sent(second_logs).values()) == ITEMS - done_before * CHUNK
    assert sent_by_first + sum(texts_sent(second_logs).values()) == ITEMS + unfinished
