"""Scale-out on this machine: gunicorn (2 processes) + 3 rq worker processes on PostgreSQL and Redis ingest
10,000 reviews from 4 concurrent keep-alive clients. Every item is scored exactly once (SQL) and /metrics
agrees with SQL; during the same run one worker is SIGKILLed and Redis is restarted empty, and still every
accepted item is scored, none twice, none lost.

MODERATION_TEST_SCALE_ITEMS changes the number of items (default 10,000).
"""

from __future__ import annotations

import os
import time

import pytest
from sqlalchemy import func, select, text

from moderation.embedded import start_redis, stop
from moderation.extensions import db
from moderation.models import Case, Item, Score
from moderation.services.accounts import create_site, create_token
from tests.conftest import free_port
from tests.ops.cluster import Cluster, LoadGenerator

pytestmark = pytest.mark.postgres

ITEMS = int(os.environ.get("MODERATION_TEST_SCALE_ITEMS", "10000"))
WORKERS = ("w1", "w2", "w3")


def site_with_token(app, slug: str = "load") -> str:
    with app.app_context():
        site = create_site(slug, "Load test shop")
        secret = create_token("load", site=site)[1]
        db.session.commit()
    return secret


def wait_all_scored(app, timeout_s: float) -> float:
    started = time.monotonic()
    deadline = started + timeout_s
    with app.app_context():
        while True:
            waiting = db.session.execute(select(func.count()).where(Item.scored_at.is_(None))).scalar_one()
            db.session.rollback()
            if waiting == 0:
                return time.monotonic() - started
            if time.monotonic() > deadline:
                raise AssertionError(f"{waiting} item(s) still unscored after {timeout_s}s")
            time.sleep(0.5)


def sql_counts(app) -> dict[str, int]:
    with app.app_context():
        one = db.session.execute
        counts = {
            "items": one(select(func.count()).select_from(Item)).scalar_one(),
            "unscored": one(select(func.count()).where(Item.scored_at.is_(None))).scalar_one(),
            "scores": one(select(func.count()).select_from(Score)).scalar_one(),
            "scored_items": one(select(func.count(func.distinct(Score.item_id)))).scalar_one(),
            "items_scored_twice": one(
                text("SELECT count(*) FROM (SELECT item_id FROM scores GROUP BY item_id HAVING count(*) > 1) t")
            ).scalar_one(),
            "cases": one(select(func.count()).select_from(Case)).scalar_one(),
        }
        counts["ids"] = set(one(select(Item.id)).scalars())
        db.session.rollback()
    return counts


def report(title: str, rows: dict) -> None:
    print(f"\n== {title}")
    for key, value in rows.items():
        print(f"   {key:<34} {value}")


def metric(samples: dict[str, float], name: str) -> int:
    return int(samples.get(name, 0))


@pytest.mark.timeout(1800)  # ~2-3 min on two idle cores; a shared, loaded machine needs the margin
def test_scale_out_then_faults_every_item_scored_exactly_once(make_app, require_postgres, tmp_path):
    """One run of ITEMS reviews through gunicorn x2 and 3 workers, on a test-owned Redis.

    Phase 1 (first 40%): no fault. The clients pause, the workers drain, and every counter of /metrics (web
    and the three workers) must equal its SQL count. Phase 2: at 55% one worker is SIGKILLed while its batch
    is in the model, claimed but not committed (a new worker starts, as a restart policy would do); at 75%
    Redis is stopped for 2 s and restarted empty.
    At the end: every accepted item is in the database and scored, none twice, nothing else was stored.
    """
    redis_port = free_port()
    redis_dir = str(tmp_path / "redis")
    redis_proc = start_redis(port=redis_port, directory=redis_dir)
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
    token = site_with_token(app)
    cluster = Cluster(tmp_path, app.config["DATABASE_URL"], app.config["REDIS_URL"])
    phase1: dict[str, object] = {}
    phase2: dict[str, object] = {}
    try:
        cluster.start_web()
        for name in WORKERS:
            cluster.start_worker(name)
        cluster.wait_ready(len(WORKERS))
        load = LoadGenerator(cluster.url, "load", token, ITEMS, clients=4)
        load.start()

        # -- phase 1: scale-out, no fault; a quiet checkpoint where /metrics must equal SQL --------------
        load.wait_for(ITEMS * 4 // 10)
        answered = load.pause()
        drain_s = wait_all_scored(app, timeout_s=120)
        counts = sql_counts(app)
        web = cluster.scrape_web()
        workers = {name: cluster.scrape_worker(name) for name in WORKERS}
        predicted = cluster.predicted_per_process()
        phase1 = {
            "answered / accepted so far": f"{answered} / {len(load.report.accepted_ids)}",
            "ingest rate so far": f"{answered / (time.monotonic() - load._started):.0f} items/s",
            "drain after pause": f"{drain_s:.1f} s",
            "SQL items / scores / distinct": f"{counts['items']} / {counts['scores']} / {counts['scored_items']}",
            "SQL cases": counts["cases"],
            "/metrics submissions (web)": metric(web, "moderation_submissions_total"),
            "/metrics scored per worker": {n: metric(m, "moderation_items_scored_total") for n, m in workers.items()},
            "/metrics cases opened (web + workers)": sum(
                metric(m, "moderation_cases_opened_total") for m in (web, *workers.values())
            ),
            "texts sent to the model": f"{sum(predicted)} by {len(predicted)} processes",
        }
        report("phase 1: scale-out checkpoint", phase1)
        assert load.report.errors == [] and len(load.report.accepted_ids) == answered
        assert counts["unscored"] == 0
        assert counts["scores"] == counts["scored_items"] == counts["items"] == answered
        assert counts["items_scored_twice"] == 0
        assert sum(predicted) == counts["items"], "an item was sent to the model twice"
        assert all(metric(m, "moderation_items_scored_total") > 0 for m in workers.values()), "a worker sat idle"
        assert metric(web, "moderation_submissions_total") == counts["items"]
        assert web["moderation_submissions_total{kind=review,site=load,status=published}"] == counts["items"]
        assert sum(metric(m, "moderation_items_scored_total") for m in workers.values()) == counts["scores"]
        assert sum(metric(m, "moderation_scoring_batch_size_sum") for m in workers.values()) == counts["scores"]
        # A 1–2★ review opens its case at submit (the web), the model's verdicts in the workers: together, SQL's count.
        opened = sum(metric(m, "moderation_cases_opened_total") for m in (web, *workers.values()))
        assert opened == counts["cases"] > 0
        assert web["moderation_items_unscored"] == 0 and web["moderation_queue_depth{queue=scoring}"] == 0
        assert web["moderation_workers_live{model_version=stub-keyword-1}"] == len(WORKERS)

        # -- phase 2: a worker SIGKILLed mid-run, then Redis restarted empty --------------------------------
        load.resume()
        load.wait_for(ITEMS * 55 // 100)
        with app.app_context():
            scored_at_kill = db.session.execute(select(func.count()).select_from(Score)).scalar_one()
            db.session.rollback()
        caught = cluster.kill_worker_mid_batch("w1")
        phase2["w1 SIGKILLed at answered / scored"] = f"{load.progress()} / {scored_at_kill}"
        phase2["w1 killed inside a forward pass"] = caught
        cluster.start_worker("w4")  # what `restart: unless-stopped` does; a fresh rq name

        load.wait_for(ITEMS * 75 // 100)
        stop(redis_proc)  # no persistence: every queued job, marker and heartbeat is gone
        down_at = load.progress()
        time.sleep(2.0)
        redis_proc = start_redis(port=redis_port, directory=redis_dir)
        phase2["Redis down from / to (answered)"] = f"{down_at} / {load.progress()} (2.0 s, restarted empty)"

        result = load.join()
        drain_s = wait_all_scored(app, timeout_s=150)
        counts = sql_counts(app)
        web = cluster.scrape_web()
        survivors = {name: cluster.scrape_worker(name) for name in ("w2", "w3", "w4")}
        predicted = cluster.predicted_per_process()
        restarts = {name: (tmp_path / f"{name}.log").read_text().count("starting again once Redis answers")
                    for name in survivors}  # fmt: skip
    finally:
        cluster.stop()
        stop(redis_proc)

    accepted = set(result.accepted_ids)
    report(
        f"phase 2 and end: {ITEMS} items, w1 SIGKILLed, Redis restarted",
        {
            **phase2,
            "HTTP statuses": result.statuses,
            "accepted (202)": len(accepted),
            "ingest (pause excluded)": result.rate,
            "reconnects (worker recycled)": result.reconnects,
            "drain after last 202": f"{drain_s:.1f} s",
            "SQL items / scores / distinct": f"{counts['items']} / {counts['scores']} / {counts['scored_items']}",
            "SQL unscored": counts["unscored"],
            "SQL items scored twice": counts["items_scored_twice"],
            "accepted but missing in SQL": len(accepted - counts["ids"]),
            "in SQL but not accepted": len(counts["ids"] - accepted),
            "texts sent to the model": f"{sum(predicted)} ({sum(predicted) - counts['scores']} re-sent after the kill)",
            "/metrics scored by w2, w3, w4": {
                n: metric(m, "moderation_items_scored_total") for n, m in survivors.items()
            },
            "rq loop restarts after Redis": restarts,
            "/metrics submissions (web)": metric(web, "moderation_submissions_total"),
        },
    )
    # Submissions never fail for a Redis outage or a dead worker.
    assert result.errors == []
    assert result.statuses == {202: ITEMS}
    # None lost: every accepted item is in the database and scored; nothing else was stored.
    assert accepted == counts["ids"]
    assert counts["unscored"] == 0
    # None twice.
    assert counts["scores"] == counts["scored_items"] == counts["items"] == ITEMS
    assert counts["items_scored_twice"] == 0
    # The web's counters survive the outage (gunicorn's multiprocess files); the killed worker's died with it.
    assert metric(web, "moderation_submissions_total") == counts["items"]
    assert 0 < sum(metric(m, "moderation_items_scored_total") for m in survivors.values()) < counts["scores"]
    assert web["moderation_items_unscored"] == 0
