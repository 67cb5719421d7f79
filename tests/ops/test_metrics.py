"""/metrics: event counters move with committed events only, scrape-time gauges read rq and the database."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, select

from moderation.extensions import db
from moderation.models import Case
from tests.conftest import auth, free_port, review, run_worker, submit


def scrape(client, headers=None) -> dict[str, float]:
    response = client.get("/metrics", headers=headers or {})
    assert response.status_code == 200, response.data
    assert response.mimetype == "text/plain"
    samples: dict[str, float] = {}
    for family in text_string_to_metric_families(response.get_data(as_text=True)):
        for sample in family.samples:
            labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
            samples[f"{sample.name}{{{labels}}}"] = sample.value
    return samples


def delta(before: dict, after: dict, key: str) -> float:
    return after.get(key, 0.0) - before.get(key, 0.0)


def test_submissions_scoring_and_cases_are_counted_where_they_happen(app, client, world):
    before = scrape(client)
    headers = auth(world.site_token)
    # The 1★ and 2★ open their cases at submit (#12); the 3★ waits for the model to read its text.
    for rating, body in [(5, "Super produit"), (1, "Nul, cassé"), (2, "Horrible"), (3, "Nul, horrible, cassé")]:
        assert submit(client, review(rating, body), headers=headers).status_code == 202
    # The site's word list holds this one: held by a content rule, with a case opened at once.
    assert submit(client, review(4, "quelle crapule"), headers=headers).status_code == 202
    queued = scrape(client)

    assert delta(before, queued, "moderation_submissions_total{kind=review,site=shop,status=published}") == 4
    assert delta(before, queued, "moderation_submissions_total{kind=review,site=shop,status=held}") == 1
    assert delta(before, queued, "moderation_cases_opened_total{site=shop,trigger=content_rules}") == 1
    assert delta(before, queued, "moderation_cases_opened_total{site=shop,trigger=rating}") == 2
    assert queued["moderation_items_unscored{}"] == 5
    assert queued["moderation_queue_depth{queue=scoring}"] == 1
    assert queued["moderation_queue_oldest_job_age_seconds{queue=scoring}"] >= 0
    assert queued["moderation_redis_up{}"] == 1 and queued["moderation_database_up{}"] == 1

    run_worker(app)  # in this process: its counters land in the registry this /metrics serves
    scored = scrape(client)
    with app.app_context():
        model_cases = db.session.execute(select(func.count()).select_from(Case)).scalar_one() - 3
    assert model_cases == 1  # the negative 3★
    assert delta(queued, scored, "moderation_cases_opened_total{site=shop,trigger=model}") == model_cases
    assert delta(queued, scored, "moderation_items_scored_total{model_version=stub-keyword-1}") == 5
    assert delta(queued, scored, "moderation_scoring_batch_size_sum{}") == 5
    assert delta(queued, scored, "moderation_scoring_delay_seconds_count{}") == 5
    assert scored["moderation_items_unscored{}"] == 0
    assert scored["moderation_queue_depth{queue=scoring}"] == 0
    assert scored["moderation_site_model_info{model_version=stub-keyword-1,site=shop}"] == 1


def test_first_answer_counted_once_with_its_wait(app, client, world):
    submit(client, review(1, "Nul, cassé"), headers=auth(world.site_token))
    run_worker(app)
    with app.app_context():
        case_id = db.session.execute(select(Case.id)).scalar_one()
    before = scrape(client)
    mod = auth(world.moderator_token)
    answer = client.post(f"/api/v1/cases/{case_id}/reply", json={"body": "Désolés, on vous écrit."}, headers=mod)
    assert answer.status_code == 200, answer.data
    after = scrape(client)
    assert delta(before, after, "moderation_cases_answered_total{site=shop}") == 1
    assert delta(before, after, "moderation_time_to_first_answer_seconds_count{site=shop}") == 1
    # A refused reply (the case is answered already) changes nothing.
    assert client.post(f"/api/v1/cases/{case_id}/reply", json={"body": "Encore"}, headers=mod).status_code == 409
    assert (
        scrape(client)["moderation_cases_answered_total{site=shop}"]
        == after["moderation_cases_answered_total{site=shop}"]
    )


def test_counters_ignore_rolled_back_work(app):
    from moderation import metrics

    with app.app_context():
        fired = []
        metrics.after_commit(db.session, lambda: fired.append("rolled back"))
        db.session.rollback()
        db.session.commit()
        metrics.after_commit(db.session, lambda: fired.append("committed"))
        db.session.commit()
    assert fired == ["committed"]


def test_metrics_survive_a_redis_outage(make_app):
    make_app()  # the first app of a test cleans its Redis: let that be the reachable one
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    samples = scrape(app.test_client())
    assert samples["moderation_redis_up{}"] == 0
    assert samples["moderation_database_up{}"] == 1
    assert "moderation_queue_depth{queue=scoring}" not in samples


def test_metrics_token_when_configured(make_app):
    client = make_app(METRICS_TOKEN="scrape-secret").test_client()
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert scrape(client, {"Authorization": "Bearer scrape-secret"})["moderation_redis_up{}"] == 1


def test_without_a_token_metrics_are_for_the_private_network_only(make_app):
    client = make_app().test_client()
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "8.8.8.8"}).status_code == 404
    for address in ("127.0.0.1", "10.1.2.3", "172.18.0.5", "::1"):
        assert client.get("/metrics", environ_base={"REMOTE_ADDR": address}).status_code == 200, address
    # A public client with the right token is let in.
    client = make_app(METRICS_TOKEN="scrape-secret").test_client()
    public = {"REMOTE_ADDR": "8.8.8.8"}
    headers = {"Authorization": "Bearer scrape-secret"}
    assert client.get("/metrics", environ_base=public, headers=headers).status_code == 200
