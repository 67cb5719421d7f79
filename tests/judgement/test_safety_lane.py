"""Safety complaints: a case at the top of the queue, a short SLA, a filter and a badge; the item stays public."""

from __future__ import annotations

from datetime import datetime, timedelta

from moderation.services import policy
from tests.conftest import review, run_worker, submit
from tests.console.conftest import login
from tests.judgement.helpers import item_and_case

FIRE = "FIRE HAZARD. The charger caught fire on my desk. Recall this product!"


def test_safety_priority_is_above_any_ordinary_negative_and_due_sooner():
    now = datetime(2026, 1, 1)
    worst_ordinary = policy.urgency(1, 1.0, ["low_rating", "negative_text"], now, 24, 72)
    mild_safety = policy.urgency(5, 0.0, ["safety"], now, 24, 72, sla_safety_hours=4)
    assert mild_safety.priority >= policy.SAFETY_PRIORITY_FLOOR > worst_ordinary.priority
    assert mild_safety.due_at == now + timedelta(hours=4)
    assert policy.urgency(1, 0.9, ["safety", "low_rating"], now, 24, 72).priority > mild_safety.priority


def test_a_safety_complaint_stays_public_and_goes_first(app, client, world):
    fire = submit(client, review(rating=2, body=FIRE)).get_json()
    garbage = submit(client, review(rating=1, body="Garbage. Do not buy.")).get_json()
    assert fire["status"] == "published"
    item, case = item_and_case(app, fire["id"])
    assert case.reasons[0] == "safety" and "low_rating" in case.reasons and item.hold_reasons == []
    assert case.due_at == item.created_at + timedelta(hours=4)
    run_worker(app)
    _, fire_case = item_and_case(app, fire["id"])
    _, garbage_case = item_and_case(app, garbage["id"])
    assert fire_case.priority >= 90 > garbage_case.priority


def test_the_safety_sla_is_configurable(make_app, world):
    app = make_app(SLA_SAFETY_HOURS=1)
    fire = submit(app.test_client(), review(rating=4, body=FIRE)).get_json()
    item, case = item_and_case(app, fire["id"])
    assert case.due_at == item.created_at + timedelta(hours=1)


def test_the_queue_filters_and_badges_safety_and_the_case_highlights_the_span(app, client, world):
    fire = submit(client, review(rating=2, body=FIRE, title="<b>Attention</b>")).get_json()
    submit(client, review(rating=1, body="Garbage. Do not buy."))
    _, case = item_and_case(app, fire["id"])
    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302

    page = moderator.get("/console/?reason=safety").get_data(as_text=True)
    assert page.count('class="badge safety-lane"') == 1 and "Garbage" not in page
    assert "Garbage" in moderator.get("/console/").get_data(as_text=True)

    html = moderator.get(f"/console/cases/{case.id}").get_data(as_text=True)
    assert '<mark class="rule-match reason-safety"' in html and ">caught fire</mark>" in html
    assert "&lt;b&gt;Attention&lt;/b&gt;" in html and "<b>Attention</b>" not in html
