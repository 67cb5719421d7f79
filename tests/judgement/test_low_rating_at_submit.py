"""A 1★ review's case opens in the submit transaction: in the queue with Redis and every worker down."""

from __future__ import annotations

from datetime import timedelta

from moderation.extensions import db
from moderation.services.accounts import create_moderator, create_site, create_token
from tests.conftest import ORIGIN, auth, free_port, review, run_worker, submit
from tests.judgement.helpers import item_and_case


def test_a_one_star_is_in_the_queue_with_redis_unreachable(make_app):
    make_app()  # the first app of a test empties the database and its Redis db
    app = make_app(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    with app.app_context():
        create_site("shop", "Shop", origins=[ORIGIN])
        ann = create_moderator("ann@shop.test", "Ann", "password-ann", site_slugs=["shop"])
        token = create_token("ann", moderator=ann)[1]
        db.session.commit()
    client = app.test_client()

    response = submit(client, review(rating=1, body="Cassé au bout de deux jours."))
    assert response.status_code == 202 and response.get_json()["status"] == "published"
    item, case = item_and_case(app, response.get_json()["id"])
    assert item.scored_at is None
    assert case.reasons == ["low_rating"] and case.state == "open" and case.model_version is None
    assert case.due_at == item.created_at + timedelta(hours=24)  # the site's low-rating SLA
    queue = client.get("/api/v1/cases?state=open&site=shop", headers=auth(token)).get_json()
    assert [c["id"] for c in queue["cases"]] == [case.id]


def test_the_worker_adds_its_reasons_to_the_case_opened_at_submit(app, client, world):
    response = submit(client, review(rating=1, body="Nul. Cassé au bout de deux jours, je suis furieux."))
    _, at_submit = item_and_case(app, response.get_json()["id"])
    run_worker(app)
    _, scored = item_and_case(app, response.get_json()["id"])
    assert scored.id == at_submit.id
    assert scored.reasons == ["low_rating", "negative_text"]
    assert scored.priority > at_submit.priority and scored.due_at == at_submit.due_at
    assert scored.evidence["low_rating"] == {"rating": 1} and "negative_probability" in scored.evidence["negative_text"]
    assert scored.model_version is not None


def test_a_happy_review_has_no_case_at_submit(app, client, world):
    response = submit(client, review(rating=5, body="Parfait, rien à redire."))
    assert item_and_case(app, response.get_json()["id"])[1] is None
