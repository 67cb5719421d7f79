"""The Model page's training section in the Flask test client, CSRF on: what an admin sees and may do, what a
moderator may not, the refusal, progress, the "better only" button and the audit trail."""

from __future__ import annotations

import re
from html import unescape

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Site, TrainingRun
from moderation.worker import build_worker
from tests.console.conftest import post
from tests.stubs import make_stub
from tests.training.helpers import LOADER, TRAINER, seed_labelled

TRAIN_BUTTON = ">Train a model on this site's data</button>"
ACTIVATE_BUTTON = ">Rescore and activate</button>"


@pytest.fixture
def app(make_app):
    return make_app(RESCORE_CLASSIFIER_LOADER=LOADER, TRAINING_TRAINER=TRAINER)


def page(client) -> str:
    response = client.get("/console/models?site=shop")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def runs(app) -> list[TrainingRun]:
    with app.app_context():
        return list(db.session.execute(select(TrainingRun)).scalars())


def work(app, queue: str) -> None:
    build_worker(app, make_stub, queues=[queue]).work(burst=True)


def test_admin_sees_the_site_labels_and_the_plan_a_moderator_neither_nor_may_start(app, as_root, as_ann):
    seed_labelled(app, 240, neutral=5, decisions=6)
    html = page(as_root)
    section = html[html.index('id="training"') :]
    assert TRAIN_BUTTON in section and 'action="/console/models/shop/train"' in section
    cells = re.findall(r'<td class="num">(\d+)</td>', section)
    # Stars: 120 negative, 114 positive; decisions: 6 negative, 0 positive; all: 126 / 114 / 240.
    assert cells[:9] == ["120", "114", "234", "6", "0", "6", "126", "114", "240"]
    assert "the bottom 8 of 12 layers frozen, the top 4 trained for 4 epochs" in section
    assert re.search(r"Estimated time: about \d+ min on 2 CPU cores; the job is stopped after \d+ min at most", section)
    assert re.search(r"Held out: \d+ items", section)

    moderator_html = page(as_ann)
    assert 'id="training"' not in moderator_html and "Model agreement" in moderator_html
    assert post(as_ann, "/console/models/shop/train").status_code == 403
    assert as_ann.get("/console/models/shop/training").status_code == 403
    assert runs(app) == []


def test_a_post_without_the_csrf_token_is_refused(app, as_root):
    seed_labelled(app, 240)
    assert as_root.post("/console/models/shop/train").status_code == 400
    assert runs(app) == []


def test_too_few_labelled_items_shows_why_and_refuses_the_post(app, as_root):
    seed_labelled(app, 60)
    html = page(as_root)
    assert "Not enough labelled items: this site has 60, training needs 200" in html
    assert 'action="/console/models/shop/train"' not in html
    response = post(as_root, "/console/models/shop/train", follow_redirects=True)
    assert "Not enough labelled items: this site has 60" in response.get_data(as_text=True)
    assert runs(app) == []


def test_train_watch_compare_then_rescore_and_activate(app, as_root, monkeypatch):
    monkeypatch.setenv("MODERATION_TEST_LEARNED", "abîmé")
    seed_labelled(app, 240)
    response = post(as_root, "/console/models/shop/train", follow_redirects=True)
    html = response.get_data(as_text=True)
    assert re.search(r"Training run 1 queued: \d+ examples, about \d+ min", html)
    # While it waits, the section polls itself, and a second run is refused.
    assert 'hx-get="/console/models/shop/training" hx-trigger="every 5s"' in html
    assert TRAIN_BUTTON not in html and "Run 1 is queued; a new run can start when it ends." in html
    again = post(as_root, "/console/models/shop/train", follow_redirects=True).get_data(as_text=True)
    assert "A training run is already queued or running for this site." in again
    assert len(runs(app)) == 1

    work(app, "training")
    panel = as_root.get("/console/models/shop/training").get_data(as_text=True)
    assert "hx-trigger" not in panel  # done: no more polling
    assert "Better than the active model." in panel and ACTIVATE_BUTTON in panel
    assert "stub-keyword-1" in panel and "e5-small-sentiment-shop-" in panel
    assert "100%" in panel  # the trained model's balanced accuracy on the held-out items

    response = post(as_root, "/console/models/shop/training-runs/1/activate", follow_redirects=True)
    assert re.search(
        r"Rescoring 240 items with e5-small-sentiment-shop-\w+; it becomes active", response.get_data(as_text=True)
    )
    work(app, "rescore")
    panel = as_root.get("/console/models/shop/training").get_data(as_text=True)
    assert "Rescore run 1: 240 of 240 items" in panel and "<strong>active</strong>" in panel
    assert ACTIVATE_BUTTON not in panel
    with app.app_context():
        run = db.session.get(TrainingRun, 1)
        assert db.session.execute(select(Site.active_model_version).where(Site.slug == "shop")).scalar() == (
            run.candidate_version
        )
        events = db.session.execute(select(AuditEvent).where(AuditEvent.target_type == "training_run")).scalars()
        by_action = {e.action: e for e in events}
        assert set(by_action) == {"training.started", "training.finished", "training.activation_requested"}
        assert by_action["training.started"].moderator_id == by_action["training.activation_requested"].moderator_id
        assert by_action["training.started"].moderator_id is not None
    audit_page = as_root.get("/console/audit?action=training.").get_data(as_text=True)
    assert "training.activation_requested" in audit_page and "training.started" in audit_page


def test_a_model_that_is_not_better_gets_no_activation_button_and_the_post_is_refused(app, as_root, monkeypatch):
    monkeypatch.setenv("MODERATION_TEST_LEARNED", "conforme")
    seed_labelled(app, 240)
    post(as_root, "/console/models/shop/train")
    work(app, "training")
    panel = as_root.get("/console/models/shop/training").get_data(as_text=True)
    assert "Not better than the active model: kept inactive." in panel and ACTIVATE_BUTTON not in panel
    response = post(as_root, "/console/models/shop/training-runs/1/activate", follow_redirects=True)
    assert "The trained model did not beat the active model on the held-out items." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(select(Site.active_model_version).where(Site.slug == "shop")).scalar() is None


def test_the_section_reads_in_french(app, as_root):
    seed_labelled(app, 60)
    html = unescape(as_root.get("/console/models?site=shop", headers={"Accept-Language": "fr"}).get_data(as_text=True))
    assert "Entraîner un modèle sur les données de ce site" in html
    assert "Pas assez d'éléments étiquetés : ce site en a 60, l'entraînement en demande 200" in html
    assert "Recette sur CPU : les 8 couches du bas (sur 12) figées" in html
