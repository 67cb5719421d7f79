"""From submission to case: a real rq worker scores batches and the policy opens cases."""

from __future__ import annotations

import pytest

from moderation.extensions import db
from moderation.models import Case, Item, Score
from moderation.services import policy
from tests.conftest import auth, review, run_worker, submit

DEFAULT = policy.effective_policy({})


@pytest.mark.parametrize(
    ("rating", "p_negative", "expected"),
    [
        (1, 0.95, ["low_rating", "negative_text"]),
        (1, 0.10, ["low_rating"]),
        (2, 0.23, ["low_rating", "negative_text"]),  # low rating: 0.23 is enough
        (2, 0.22, ["low_rating"]),
        (3, 0.83, []),
        (3, 0.84, ["negative_text"]),
        (None, 0.50, ["negative_text"]),  # comment: 0.5 is enough
        (None, 0.49, []),
        (4, 0.83, []),
        (4, 0.89, ["negative_text"]),
        (4, 0.90, ["negative_text", "rating_text_mismatch"]),
        (5, 0.95, ["negative_text", "rating_text_mismatch"]),
        (5, 0.05, []),
    ],
)
def test_policy_table(rating, p_negative, expected):
    assert policy.flag_reasons(rating, p_negative, DEFAULT) == expected


def test_site_policy_overrides_thresholds_and_ignores_junk():
    custom = policy.effective_policy(
        {"negative_threshold": 0.8, "low_rating_max": 1, "bogus": 3, "mismatch_threshold": "x"}
    )
    assert policy.flag_reasons(2, 0.75, custom) == []
    assert custom["mismatch_threshold"] == DEFAULT["mismatch_threshold"]


def test_split_low_rating_and_unrated_bars():
    custom = policy.effective_policy({"negative_threshold_low_rating": 0.4, "negative_threshold_unrated": 0.6})
    assert policy.flag_reasons(1, 0.45, custom) == ["low_rating", "negative_text"]
    assert policy.flag_reasons(None, 0.55, custom) == []
    assert policy.flag_reasons(None, 0.6, custom) == ["negative_text"]


def test_stored_old_low_or_unrated_key_still_applies_to_both():
    # A site saved before the key was split keeps its bar for both the ≤ 2★ and the unrated texts.
    old = policy.effective_policy({"negative_threshold_low_or_unrated": 0.6})
    assert old["negative_threshold_low_rating"] == old["negative_threshold_unrated"] == 0.6
    assert "negative_threshold_low_or_unrated" not in old
    assert policy.flag_reasons(2, 0.55, old) == ["low_rating"]
    assert policy.flag_reasons(None, 0.55, old) == []
    assert policy.flag_reasons(None, 0.6, old) == ["negative_text"]
    # A new key stored beside the old one wins for its own case.
    both = policy.effective_policy({"negative_threshold_low_or_unrated": 0.6, "negative_threshold_unrated": 0.3})
    assert (both["negative_threshold_low_rating"], both["negative_threshold_unrated"]) == (0.6, 0.3)


def test_priority_and_due_date_follow_stars_and_sla():
    from datetime import datetime, timedelta

    now = datetime(2026, 1, 1)
    angry = policy.urgency(1, 0.95, ["low_rating", "negative_text"], now, 24, 72)
    meh = policy.urgency(3, 0.75, ["negative_text"], now, 24, 72)
    assert angry.priority > meh.priority
    assert angry.due_at == now + timedelta(hours=24)
    assert meh.due_at == now + timedelta(hours=72)


def test_angry_one_star_opens_a_case_and_happy_five_star_does_not(app, client, world):
    angry = submit(client, review(rating=1, body="Nul. Cassé au bout de deux jours, je suis furieux.")).get_json()
    happy = submit(client, review(rating=5, body="Super chaussures, parfait pour courir.")).get_json()
    run_worker(app)

    with app.app_context():
        case = db.session.query(Case).filter_by(item_id=angry["id"]).one()
        assert case.reasons == ["low_rating", "negative_text"]
        assert case.state == "open"
        assert case.evidence["negative_text"]["model_version"] == "stub-keyword-1"
        assert db.session.query(Case).filter_by(item_id=happy["id"]).count() == 0
        assert db.session.query(Score).count() == 2
        assert all(i.scored_at is not None for i in db.session.query(Item))

    # Reply moderation never hides: both reviews stay public.
    listing = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()
    assert {i["id"] for i in listing["items"]} == {angry["id"], happy["id"]}

    cases = client.get("/api/v1/cases?state=open&site=shop", headers=auth(world.moderator_token)).get_json()
    assert [c["item_id"] for c in cases["cases"]] == [angry["id"]]
    item = client.get(f"/api/v1/items/{angry['id']}", headers=auth(world.moderator_token)).get_json()
    assert item["scores"][0]["label"] == "negative"
    assert item["case"]["reasons"] == ["low_rating", "negative_text"]


def test_rating_text_mismatch(app, client, world):
    item = submit(client, review(rating=5, body="Horrible, la pire commande de ma vie")).get_json()
    run_worker(app)
    with app.app_context():
        case = db.session.query(Case).filter_by(item_id=item["id"]).one()
        assert "rating_text_mismatch" in case.reasons


def test_held_item_case_gains_reply_reasons(app, client, world):
    item = submit(client, review(rating=1, body="Arnaque totale, allez plutôt sur www.concurrent.fr")).get_json()
    assert item["status"] == "held"
    run_worker(app)
    with app.app_context():
        case = db.session.query(Case).filter_by(item_id=item["id"]).one()
        assert case.reasons == ["links", "low_rating", "negative_text"]


def test_scoring_is_batched_not_one_job_per_item(app, client, world):
    from rq import Queue

    from moderation.broker import get_redis

    for n in range(30):
        assert submit(client, review(rating=3, body=f"avis numéro {n}")).status_code == 202
    with app.app_context():
        queued = Queue(app.config["SCORE_QUEUE"], connection=get_redis()).count
    assert queued == 1  # coalesced: the waiting job will take every item committed before it runs
    run_worker(app)
    with app.app_context():
        assert db.session.query(Score).count() == 30


def test_a_double_score_is_impossible(app, client, world):
    from moderation.services.scoring import insert_scores

    item = submit(client, review()).get_json()
    run_worker(app)
    with app.app_context():
        insert_scores([{"item_id": item["id"], "model_version": "stub-keyword-1", "label": "positive",
                        "negative_probability": 0.1}])  # fmt: skip
        db.session.commit()
        assert db.session.query(Score).filter_by(item_id=item["id"]).count() == 1


def test_readyz_needs_a_worker_heartbeat(app, client, world):
    from moderation.broker import get_redis, send_heartbeat

    not_ready = client.get("/readyz")
    assert not_ready.status_code == 503
    assert not_ready.get_json()["checks"]["database"] == "ok"
    with app.app_context():
        send_heartbeat(get_redis(), "w1", "stub-keyword-1")
    ready = client.get("/readyz").get_json()
    assert ready["status"] == "ready"
    assert ready["checks"]["workers"] == [{"name": "w1", "model_version": "stub-keyword-1"}]
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_delayed_retries_come_back_without_rq_scheduler_process(app, tmp_path):
    """Retry(interval=...) parks jobs in rq's scheduled registry; the worker's maintenance brings them back."""
    from datetime import UTC, datetime, timedelta

    from moderation.broker import get_queue
    from tests.stubs import touch

    marker = tmp_path / "ran.txt"
    with app.app_context():
        queue = get_queue(app.config["SCORE_QUEUE"])
        queue.enqueue_at(datetime.now(UTC) - timedelta(seconds=1), touch, str(marker))
        assert queue.count == 0 and queue.scheduled_job_registry.count == 1
    run_worker(app)
    assert marker.read_text() == "ran\n"
