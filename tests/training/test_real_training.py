"""The training job with the real ``train`` on the real e5 base (as tests/classifier/test_training.py runs it),
on a handful of a site's items: the same code path as ``moderation model train --from-db --site S``."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import ModelVersion, Moderator, Site, TrainingRun
from moderation.services import training
from moderation.services.training.plan import is_held_out
from moderation.services.training_data import labelled_items
from moderation.worker import build_worker
from tests.stubs import make_stub
from tests.training.helpers import seed_labelled

pytestmark = pytest.mark.model


@pytest.fixture
def model_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """MODERATION_DATA_DIR whose model cache is MODERATION_TEST_MODEL_CACHE (to reuse a rebuilt base), else new."""
    data_dir = tmp_path_factory.mktemp("model-data")
    configured = os.environ.get("MODERATION_TEST_MODEL_CACHE")
    if configured:
        (data_dir / "model-cache").symlink_to(Path(configured).resolve(), target_is_directory=True)
    monkeypatch.setenv("MODERATION_DATA_DIR", str(data_dir))
    return data_dir


def test_the_job_trains_the_real_model_on_the_site_items_and_compares_it(make_app, world, model_data_dir):
    app = make_app(
        TRAINING_MIN_LABELLED=40,
        TRAINING_MIN_PER_CLASS=10,
        TRAINING_MIN_HELD_OUT_PER_CLASS=3,
        TRAINING_EPOCHS=1,
        TRAINING_DEVICE="cpu",
    )
    seed_labelled(app, 64)
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        root = db.session.execute(select(Moderator).where(Moderator.email == "root@shop.test")).scalar_one()
        run, plan = training.start_training(root, site)
        db.session.commit()
        training.enqueue_training(run)
        run_id, held_out, site_id = run.id, plan.held_out.total, site.id
    build_worker(app, make_stub, queues=["training"]).work(burst=True)
    with app.app_context():
        run = db.session.get(TrainingRun, run_id)
        assert (run.state, run.error, run.progress) == ("done", None, 1.0)
        folder = Path(run.candidate_dir)
        summary = json.loads((folder / "training.json").read_text())
        # The CPU recipe (top 4 layers on cached states), one epoch as configured, on the site's items only.
        assert (summary["config"]["frozen_layers"], summary["config"]["epochs"], summary["device"]) == (8, 1, "cpu")
        held = [r for r in labelled_items(site_id) if is_held_out(r.item_id)]
        assert summary["train_texts"] + summary["val_texts"] == 64 - len(held)
        assert run.plan["used"]["recipe"]["device"] == "cpu" and run.plan["used"]["device"] == "cpu"
        assert run.candidate_version.startswith("e5-small-sentiment-shop-")
        assert run.candidate_metrics["n"] == run.active_metrics["n"] == len(held) == held_out
        assert 0.0 <= run.candidate_metrics["balanced_accuracy"] <= 1.0 and run.better in (True, False)
        registered = db.session.execute(select(ModelVersion).where(ModelVersion.version == run.candidate_version))
        assert registered.scalar_one().model_dir == str(folder)
        assert db.session.get(Site, site_id).active_model_version is None
