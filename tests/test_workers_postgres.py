"""Two worker processes on PostgreSQL share the work: each scores some, none twice, none missed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, insert, select

from moderation.broker import enqueue
from moderation.extensions import db
from moderation.jobs import score_pending_items
from moderation.models import Author, Item, Score, Site, Subject, utcnow

ROOT = Path(__file__).resolve().parent.parent


def seed_items(app, n: int) -> None:
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        subject = Subject(site_id=site.id, external_id="sku-load")
        author = Author(site_id=site.id, name="Load")
        db.session.add_all([subject, author])
        db.session.flush()
        now = utcnow()
        rows = [
            {"site_id": site.id, "subject_id": subject.id, "author_id": author.id, "kind": "review",
             "rating": 1 + k % 5, "body": f"avis {k} {'nul' if k % 3 == 0 else 'super'}", "status": "published",
             "hold_reasons": [], "helpful_count": 0, "created_at": now}
            for k in range(n)
        ]  # fmt: skip
        db.session.execute(insert(Item), rows)
        db.session.commit()


def test_two_worker_processes_score_1000_items_once(app, world, require_postgres, tmp_path):
    seed_items(app, 1000)
    with app.app_context():
        # Many jobs, so both workers have something to dequeue; each claims disjoint batches.
        for k in range(40):
            enqueue(app.config["SCORE_QUEUE"], score_pending_items, job_id=f"load-{k}")

    env = {
        **os.environ,
        "MODERATION_DATABASE_URL": app.config["DATABASE_URL"],
        "MODERATION_REDIS_URL": app.config["REDIS_URL"],
        "MODERATION_DATA_DIR": str(tmp_path),
        "MODERATION_SCORE_BATCH_SIZE": "25",
        "MODERATION_TEST_STUB_LOG_DIR": str(tmp_path),
        "MODERATION_TEST_STUB_DELAY_S": "0.1",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-m", "moderation", "worker", "--burst", "--classifier", "tests.stubs:make_stub"]
    workers = [subprocess.Popen(command, env=env, cwd=ROOT) for _ in range(2)]
    for proc in workers:
        assert proc.wait(timeout=300) == 0

    per_process = [len(p.read_text().splitlines()) for p in tmp_path.glob("scored-*.txt")]
    assert len(per_process) == 2, per_process
    assert all(n > 0 for n in per_process), per_process
    # Texts sent to the model across both processes: exactly one per item, so no item was scored twice.
    assert sum(per_process) == 1000
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Score)).scalar_one() == 1000
        distinct = db.session.execute(select(func.count(func.distinct(Score.item_id)))).scalar_one()
        assert distinct == 1000
        assert db.session.execute(select(func.count()).where(Item.scored_at.is_(None))).scalar_one() == 0
