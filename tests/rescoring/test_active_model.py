"""After a rescore run is activated, new items of that site are scored by its model, without restarting workers."""

from __future__ import annotations

import logging
import shutil

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, RescoreRun, Score, Site
from moderation.services import rescoring
from moderation.worker import build_worker
from tests.conftest import review, run_worker, submit
from tests.rescoring.helpers import BASELINE, LOADER, seed_items
from tests.rescoring.stubs import write_stub_model
from tests.stubs import make_stub

NEW = "stub-new-7"
# A neutral text: the worker's own model says 0.4 (no case at 4 stars), the activated one 0.8 (a case).
NEUTRAL = "Reçu mardi, conforme à la description"


def score_of(app, item_id: int) -> tuple[str, float]:
    with app.app_context():
        row = db.session.execute(select(Score).where(Score.item_id == item_id)).scalar_one()
        return row.model_version, row.negative_probability


def test_new_items_follow_the_model_their_site_activated(make_app, world, tmp_path, caplog):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    seed_items(app, 30, subjects=3)
    model_dir = write_stub_model(tmp_path / "model", NEW, negative=0.95, positive=0.05, neutral=0.88)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--site", "shop", "--detach"])
    assert result.exit_code == 0, result.output
    build_worker(app, make_stub, queues=["rescore"]).work(burst=True)
    with app.app_context():
        run = db.session.execute(select(RescoreRun)).scalar_one()
        assert rescoring.activate_run(run.id) is not None

    client = app.test_client()
    shop_item = submit(client, review(rating=4, body=NEUTRAL)).get_json()["id"]
    other_item = submit(client, review(rating=4, body=NEUTRAL), site="other", headers={"Origin": "http://other.test"})
    other_item = other_item.get_json()["id"]
    run_worker(app)  # the worker's own model is the baseline stub

    assert score_of(app, shop_item) == (NEW, 0.88)  # above the 3–5★ bar (0.84)
    assert score_of(app, other_item) == (BASELINE, 0.4)
    with app.app_context():
        case = db.session.execute(select(Case).where(Case.item_id == shop_item)).scalar_one()
        assert case.reasons == ["negative_text"] and case.model_version == NEW
        assert db.session.execute(select(Case).where(Case.item_id == other_item)).scalar_one_or_none() is None
        versions = dict(db.session.execute(select(Site.slug, Site.active_model_version)).all())
        assert versions == {"shop": NEW, "other": BASELINE}

    # The activated model's folder disappears (a new process has nothing cached): items are still scored, by
    # the worker's own model, rather than left waiting.
    shutil.rmtree(model_dir)
    app.extensions.get("moderation.rescore_classifiers", {}).clear()
    late_items = [submit(client, review(rating=4, body=NEUTRAL)).get_json()["id"] for _ in range(3)]
    with caplog.at_level(logging.WARNING, logger="moderation.services.scoring"):
        run_worker(app)
    assert [score_of(app, item) for item in late_items] == [(BASELINE, 0.4)] * 3
    # One line says the model cannot be loaded, one that the site's version differs: not one per item.
    messages = [r.getMessage() for r in caplog.records if r.name == "moderation.services.scoring"]
    assert sum("cannot load the active model stub-new-7" in m for m in messages) == 1, messages
    assert sum("uses model stub-new-7 but this worker runs" in m for m in messages) == 1, messages
