"""`moderation worker --all-queues` works every queue the platform enqueues on, as serve's worker does: the
deployment's workers run it, so mail, webhooks, insights and training jobs are never left queued forever."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from moderation.broker import enqueue
from moderation.serving import platform_queues

ROOT = Path(__file__).resolve().parents[2]


def test_all_queues_worker_takes_a_job_from_every_platform_queue(app, tmp_path):
    queues = platform_queues(app.config)
    assert {"scoring", "rescore", "mail", "webhooks", "insights", "training"} <= set(queues)
    assert queues[0] == app.config["SCORE_QUEUE"]  # scoring comes first: a worker takes its queues in order
    with app.app_context():
        jobs = [enqueue(name, "moderation.jobs.score_pending_items", job_id=f"probe-{name}") for name in queues]
    assert all(job is not None for job in jobs)

    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": app.config["DATABASE_URL"],
        "MODERATION_REDIS_URL": app.config["REDIS_URL"],
        "MODERATION_DATA_DIR": str(tmp_path),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "moderation", "worker", "--burst", "--all-queues"]
    result = subprocess.run(
        [*command, "--classifier", "tests.stubs:make_stub"], env=env, cwd=ROOT, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for name in queues:
        assert f"'{name}'" in result.stdout, (name, result.stdout)
    # What the worker loaded at start is out of the garbage collector's full passes (moderation.heap).
    frozen = re.search(r"worker: (\d+) objects loaded at start set aside from the garbage collector", result.stderr)
    assert frozen and int(frozen.group(1)) > 100_000, result.stderr
    # And once more after its first job, only then (one line however many jobs it ran).
    again = re.findall(r"worker: (\d+) more objects, loaded by its first job, set aside", result.stderr)
    assert len(again) == 1, result.stderr
    for job in jobs:
        job.refresh()
        assert job.get_status() == "finished", (job.origin, job.get_status())
