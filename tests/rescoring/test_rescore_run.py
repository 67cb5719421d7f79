"""A rescoring run end to end with a real rq worker: one new score per item, history kept, resumable."""

from __future__ import annotations

from sqlalchemy import func, select

from moderation.extensions import db
from moderation.models import Item, ModelVersion, RescoreChunk, RescoreRun, Score, Site
from moderation.worker import build_worker
from tests.rescoring.helpers import BASELINE, LOADER, score_count, seed_items
from tests.rescoring.stubs import write_stub_model
from tests.stubs import make_stub

NEW = "stub-new-2"


def rescore_worker(app):
    """A real rq SimpleWorker on the rescore queue, in this process (the scoring stub is its held model)."""
    return build_worker(app, make_stub, queues=["rescore"])


def test_rescoring_5000_items_writes_one_new_score_per_item(make_app, world, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    seed_items(app, 5000)
    model_dir = write_stub_model(tmp_path / "model-new", NEW, neutral=0.8)
    runner = app.test_cli_runner()

    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--detach", "--chunk-size", "700"])
    assert result.exit_code == 0, result.output
    assert "5000 item(s) in 8 chunk(s)" in result.output
    assert "enqueued 8 chunk job(s)" in result.output

    assert rescore_worker(app).work(burst=True)

    assert score_count(app, NEW) == (5000, 5000)
    # History is kept: the baseline's scores are all still there, untouched.
    assert score_count(app, BASELINE) == (5000, 5000)
    with app.app_context():
        run = db.session.execute(select(RescoreRun)).scalar_one()
        assert run.state == "finished" and run.total_items == 5000 and run.activated_at is None
        assert db.session.execute(select(ModelVersion.version)).scalars().all() == [NEW]
        assert (
            db.session.execute(
                select(func.count()).where(RescoreChunk.run_id == run.id, RescoreChunk.done.is_(True))
            ).scalar_one()
            == 8
        )
        assert db.session.execute(select(func.sum(RescoreChunk.scores_written))).scalar_one() == 5000
        # Known outputs: neutral texts (a third) are 0.8 now, the rest as before.
        neutral = db.session.execute(
            select(func.count()).select_from(Score).join(Item, Item.id == Score.item_id)
            .where(Score.model_version == NEW, Item.body.like("%conforme%"), Score.negative_probability == 0.8)
        ).scalar_one()  # fmt: skip
        assert neutral == 5000 // 3 + (5000 % 3 > 2)
        # Not activated: the policy still uses the baseline.
        assert db.session.execute(select(Site.active_model_version).order_by(Site.id)).scalars().all() == [
            BASELINE,
            None,
        ]

    # Re-running the same command resumes the same run: every chunk is done, nothing is enqueued.
    again = runner.invoke(args=["rescore", "--model", str(model_dir), "--poll", "0.05"])
    assert again.exit_code == 0, again.output
    assert "resuming run 1" in again.output and "8/8 chunk(s) done" in again.output
    assert "enqueued 0 chunk job(s)" in again.output
    assert "run 1 finished: 5000 item(s), 5000 new score(s)" in again.output
    assert score_count(app, NEW) == (5000, 5000)
