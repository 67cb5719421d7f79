"""Training data from the platform: stars label the text, moderators' decisions label it again."""

from __future__ import annotations

from moderation.services.training_data import export_labelled, export_labelled_with_sources
from tests.conftest import auth, review, run_worker, submit


def test_export_labels_from_stars_and_moderators(app, client, world):
    submit(client, review(rating=1, body="Nul, cassé"))
    submit(client, review(rating=3, body="Moyen"))
    happy = submit(client, review(rating=5, body="Parfait"))
    flagged = submit(client, review(rating=5, body="Horrible mais bon", title="Bof")).get_json()
    run_worker(app)
    with app.app_context():
        from moderation.extensions import db
        from moderation.models import Case

        case_id = db.session.query(Case).filter_by(item_id=flagged["id"]).one().id
    client.post(f"/api/v1/cases/{case_id}/dismiss", headers=auth(world.moderator_token))
    with app.app_context():
        exported = dict(export_labelled())
        assert exported == {"Nul, cassé": 1, "Parfait": 0, "Bof. Horrible mais bon": 0}
        assert export_labelled(site="other") == []
        # The dismissed flag labels its text: a decision, not the stars.
        assert sorted(export_labelled_with_sources(site="shop")) == [
            ("Bof. Horrible mais bon", 0, "decision"),
            ("Nul, cassé", 1, "stars"),
            ("Parfait", 0, "stars"),
        ]
    assert happy.status_code == 202
