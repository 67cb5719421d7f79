"""The diff report's counts equal direct SQL counts; activation marks, opens and never reopens."""

from __future__ import annotations

import csv
import io

from sqlalchemy import and_, func, select, text, update

from moderation.classifier import Prediction
from moderation.extensions import db
from moderation.models import AuditEvent, Case, Item, RescoreRun, Score, Site
from moderation.services import rescoring
from moderation.services.policy import DEFAULT_POLICY
from moderation.services.scoring import apply_policy
from moderation.worker import build_worker
from tests.rescoring.helpers import BASELINE, LOADER, seed_items
from tests.rescoring.stubs import write_stub_model
from tests.stubs import make_stub

NEW = "stub-new-4"
# The new model: negative words now 0.3 (no longer negative), neutral texts 0.88 (now negative: above the 3–5★ bar).
NEW_VALUES = {"negative": 0.3, "positive": 0.05, "neutral": 0.88}

# The default policy's bars, written out in SQL: the threshold for negative_text depends on the stars.
BAR = (
    f"CASE WHEN i.rating <= 2 THEN {DEFAULT_POLICY['negative_threshold_low_rating']}"
    f" WHEN i.rating IS NULL THEN {DEFAULT_POLICY['negative_threshold_unrated']}"
    f" ELSE {DEFAULT_POLICY['negative_threshold']} END"
)
FLAGS_NEW = f"""(i.rating <= 2
    OR n.negative_probability >= {BAR}
    OR (i.rating >= 4 AND n.negative_probability >= {DEFAULT_POLICY["mismatch_threshold"]}))"""
MODEL_FLAGS_NEW = f"""(n.negative_probability >= {BAR}
    OR (i.rating >= 4 AND n.negative_probability >= {DEFAULT_POLICY["mismatch_threshold"]}))"""
JOIN_NEW = "JOIN scores n ON n.item_id = i.id AND n.model_version = :new"
JOIN_OLD = "JOIN scores o ON o.item_id = i.id AND o.model_version = :old"


def sql_count(query: str) -> int:
    return db.session.execute(text(query), {"new": NEW, "old": BASELINE}).scalar_one()


def open_baseline_cases(app) -> None:
    """Cases as the scoring path opened them under the baseline, then moderators' decisions on some."""
    with app.app_context():
        items = list(db.session.execute(select(Item).order_by(Item.id)).scalars())
        scores = dict(
            db.session.execute(
                select(Score.item_id, Score.negative_probability).where(Score.model_version == BASELINE)
            ).all()
        )
        predictions = [
            Prediction("negative" if scores[i.id] >= 0.5 else "positive", scores[i.id], BASELINE) for i in items
        ]
        apply_policy(items, predictions)
        db.session.flush()
        case_ids = list(db.session.execute(select(Case.id).order_by(Case.id)).scalars())
        for k, case_id in enumerate(case_ids):
            state = {0: "answered", 1: "dismissed", 2: "resolved", 3: "claimed"}.get(k % 7)
            if state:
                db.session.execute(update(Case).where(Case.id == case_id).values(state=state))
        db.session.commit()


def test_diff_counts_equal_sql_and_activation_follows_them(make_app, world, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    seed_items(app, 900, subjects=7)
    open_baseline_cases(app)
    model_dir = write_stub_model(tmp_path / "model", NEW, **NEW_VALUES)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["rescore", "--model", str(model_dir), "--detach", "--chunk-size", "250"]).exit_code == 0
    build_worker(app, make_stub, queues=["rescore"]).work(burst=True)

    with app.app_context():
        run = db.session.execute(select(RescoreRun)).scalar_one()
        assert run.state == "finished"
        report = rescoring.diff_report(run)
        data = report.as_dict()

        assert report.items == 900 == sql_count(f"SELECT count(*) FROM items i {JOIN_NEW}")
        assert report.without_baseline == 0
        label_changed = sql_count(f"SELECT count(*) FROM items i {JOIN_NEW} {JOIN_OLD} WHERE n.label <> o.label")
        assert report.label_changed == label_changed > 0
        became_negative = sql_count(
            f"SELECT count(*) FROM items i {JOIN_NEW} {JOIN_OLD} WHERE n.label <> o.label AND n.label = 'negative'"
        )
        assert report.became_negative == became_negative
        assert report.became_positive == label_changed - became_negative

        per_subject = dict(
            db.session.execute(
                text(
                    f"SELECT s.external_id, count(*) FROM items i {JOIN_NEW} {JOIN_OLD} "
                    "JOIN subjects s ON s.id = i.subject_id WHERE n.label <> o.label GROUP BY s.external_id"
                ),
                {"new": NEW, "old": BASELINE},
            ).all()
        )
        assert {line["subject"]: line["label_changed"] for line in data["subjects"]} == per_subject

        would_open = sql_count(
            f"SELECT count(*) FROM items i {JOIN_NEW} LEFT JOIN cases c ON c.item_id = i.id "
            f"WHERE c.id IS NULL AND {FLAGS_NEW}"
        )
        assert report.cases["open"] == would_open > 0
        # Active cases none of whose reasons survive: no low stars (always supported), text no longer flagged.
        would_stale = sql_count(
            f"SELECT count(*) FROM cases c JOIN items i ON i.id = c.item_id {JOIN_NEW} "
            f"WHERE c.state IN ('open', 'claimed', 'escalated') AND NOT {FLAGS_NEW}"
        )
        assert report.cases["mark_stale"] == would_stale > 0
        negative_after = sql_count(f"SELECT count(*) FROM items i {JOIN_NEW} WHERE n.negative_probability >= {BAR}")
        assert report.reasons["negative_text"]["after"] == negative_after

        answered = sql_count("SELECT count(*) FROM cases WHERE state = 'answered'")
        answered_flagged = sql_count(
            f"SELECT count(*) FROM cases c JOIN items i ON i.id = c.item_id {JOIN_NEW} "
            f"WHERE c.state = 'answered' AND {MODEL_FLAGS_NEW}"
        )
        dismissed = sql_count("SELECT count(*) FROM cases WHERE state = 'dismissed'")
        agreement = data["agreement"][NEW]
        assert (agreement["answered"], agreement["answered_flagged"], agreement["dismissed"]) == (
            answered,
            answered_flagged,
            dismissed,
        )
        # The baseline opened every one of these cases, so it flagged all that had a text reason.
        assert data["agreement"][BASELINE]["answered"] == answered

        lines = list(csv.reader(io.StringIO("\n".join(",".join(map(str, r)) for r in rescoring.diff_csv_lines(run)))))
        assert lines[0][0] == "item_id"
        changed_ids = set(
            db.session.execute(
                text(f"SELECT i.id FROM items i {JOIN_NEW} {JOIN_OLD} WHERE n.label <> o.label"),
                {"new": NEW, "old": BASELINE},
            ).scalars()
        )
        assert changed_ids <= {int(line[0]) for line in lines[1:]}

        closed_before = dict(
            db.session.execute(
                select(Case.id, Case.state).where(Case.state.in_(["answered", "dismissed", "resolved"]))
            ).all()
        )
        cases_before = db.session.execute(select(func.count()).select_from(Case)).scalar_one()

    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--activate", "--poll", "0.05"])
    assert result.exit_code == 0, result.output
    assert f"activated: open {would_open}, mark_stale {would_stale}" in result.output

    with app.app_context():
        assert db.session.execute(select(Site.active_model_version).where(Site.slug == "shop")).scalar_one() == NEW
        assert db.session.execute(select(func.count()).select_from(Case)).scalar_one() == cases_before + would_open
        assert db.session.execute(select(func.count()).where(Case.stale.is_(True))).scalar_one() == would_stale
        # Closed cases keep their state and are never marked: answered stays answered.
        after = dict(db.session.execute(select(Case.id, Case.state).where(Case.id.in_(list(closed_before)))).all())
        assert after == closed_before
        assert not db.session.execute(
            select(func.count()).where(Case.id.in_(list(closed_before)), Case.stale.is_(True))
        ).scalar_one()
        assert (
            db.session.execute(select(func.count()).where(AuditEvent.action == "case.marked_stale")).scalar_one()
            == would_stale
        )
        opened_by_new = db.session.execute(
            select(func.count()).where(Case.model_version == NEW, Case.state == "open", Case.stale.is_(False))
        ).scalar_one()
        assert opened_by_new >= would_open
        # Activating again changes nothing.
        assert rescoring.activate_run(run.id) is None
        # After activation the diff has nothing left to do to the queue.
        assert rescoring.diff_report(db.session.get(RescoreRun, run.id)).cases == {
            "open": 0,
            "mark_stale": 0,
            "unmark_stale": 0,
            "add_reasons": 0,
        }
        stale_items = select(Case.item_id).where(Case.stale.is_(True))
        assert not db.session.execute(
            select(func.count()).where(and_(Item.id.in_(stale_items), Item.status != "published"))
        ).scalar_one()
