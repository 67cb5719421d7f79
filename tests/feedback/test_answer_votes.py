""" "Was this answer helpful?" through the API (one vote per reader, changed or withdrawn), and the dashboard's
answer satisfaction per product and per team beside the answered share and the median time to first answer."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AnswerVote, Item
from tests.conftest import ORIGIN
from tests.console.conftest import as_ann, fast_password_hashing  # noqa: F401 - pytest fixtures
from tests.feedback.helpers import answer_vote, brand_reply, posted


def test_one_vote_per_reader_changed_or_withdrawn(app, client, world):
    reply_id = brand_reply(app, posted(client))
    first = answer_vote(client, reply_id, True)
    assert first.status_code == 200
    assert first.get_json() == {"reply_id": reply_id, "helpful": 1, "not_helpful": 0, "vote": True}
    assert first.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert answer_vote(client, reply_id, True).get_json()["helpful"] == 1  # again: still one
    assert answer_vote(client, reply_id, False, addr="10.0.0.2").get_json() == {
        "reply_id": reply_id, "helpful": 1, "not_helpful": 1, "vote": False,
    }  # fmt: skip
    changed = answer_vote(client, reply_id, False)
    assert changed.get_json() == {"reply_id": reply_id, "helpful": 0, "not_helpful": 2, "vote": False}
    withdrawn = answer_vote(client, reply_id, method="DELETE")
    assert withdrawn.get_json() == {"reply_id": reply_id, "helpful": 0, "not_helpful": 1, "vote": None}
    assert answer_vote(client, reply_id, method="DELETE").status_code == 200  # nothing left to withdraw
    with app.app_context():
        keys = db.session.execute(select(AnswerVote.client_key)).scalars().all()
        assert len(keys) == 1 and "10.0.0" not in keys[0]


def test_refusals_name_the_field(app, client, world):
    item_id = posted(client)
    reply_id = brand_reply(app, item_id)
    bad = client.post(
        f"/api/v1/sites/shop/replies/{reply_id}/vote", json={"helpful": "yes"}, headers={"Origin": ORIGIN}
    )
    assert bad.status_code == 422 and bad.get_json()["error"]["field"] == "helpful"
    assert answer_vote(client, 999_999).get_json()["error"]["field"] == "reply"
    with app.app_context():
        db.session.get(Item, item_id).status = "removed"
        db.session.commit()
    assert answer_vote(client, reply_id).status_code == 404  # a reply under a removed item is not public
    other = client.post(
        f"/api/v1/sites/other/replies/{reply_id}/vote", json={"helpful": True}, headers={"Origin": "http://other.test"}
    )
    assert other.status_code == 404
    no_origin = client.post(f"/api/v1/sites/shop/replies/{reply_id}/vote", json={"helpful": True})
    assert no_origin.status_code == 401
    preflight = client.options(f"/api/v1/sites/shop/replies/{reply_id}/vote", headers={"Origin": ORIGIN})
    assert preflight.status_code == 204 and "DELETE" in preflight.headers["Access-Control-Allow-Methods"]


def test_votes_are_rate_limited(make_app, world):
    app = make_app(HELPFUL_RATE_LIMIT="2 per minute")
    client = app.test_client()
    reply_id = brand_reply(app, posted(client))
    assert answer_vote(client, reply_id).status_code == 200
    assert answer_vote(client, reply_id, method="DELETE").status_code == 200
    limited = answer_vote(client, reply_id)
    assert limited.status_code == 429 and limited.get_json()["error"]["code"] == "rate_limited"


def test_the_vote_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    path = spec["paths"]["/api/v1/sites/{site}/replies/{reply_id}/vote"]
    assert set(path) == {"post", "delete"}
    assert path["post"]["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/AnswerVotes")
    assert {"404", "422", "429"} <= set(path["post"]["responses"]) and "404" in path["delete"]["responses"]


def test_dashboard_shows_answer_satisfaction_per_product_and_team(app, client, world, as_ann):  # noqa: F811
    lamp = posted(client, rating=1, body="Cassée", subject="lamp")
    chair = posted(client, rating=2, body="Bancale", subject="chair")
    lamp_reply = brand_reply(app, lamp, moderator="ann@shop.test")
    chair_reply = brand_reply(app, chair, moderator="bob@shop.test")
    for addr, helpful in (("10.0.0.1", True), ("10.0.0.2", True), ("10.0.0.3", True), ("10.0.0.4", False)):
        answer_vote(client, lamp_reply, helpful, addr=addr)
    answer_vote(client, chair_reply, False)
    page = as_ann.get("/console/dashboard?site=shop")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    # Site: 3 of 5 votes helpful.
    figure = html.split('id="answer-satisfaction"')[1].split("</div>")[0]
    assert "60%" in figure and "5 votes" in figure
    team = html.split('id="satisfaction-by-team"')[1].split("</section>")[0]
    assert '<td>Ann</td><td class="num">1</td><td class="num">4</td><td class="num">75%</td>' in team
    assert '<td>Bob</td><td class="num">1</td><td class="num">1</td><td class="num">0%</td>' in team
    assert "Negative reviews answered" in team and "median time to first answer" in team
    rows = html.split("<h2>All products</h2>")[1]
    lamp_row = rows.split(">lamp<")[1].split("</tr>")[0]
    assert "75%" in lamp_row
    french = as_ann.get("/console/dashboard?site=shop", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert "Satisfaction des réponses par équipe" in french and "ont trouvé la réponse utile" in french
