"""Rescore runs, read-only (bearer token): progress while a run works, then its diff report."""

from __future__ import annotations

import csv
import io

from flask import Response, jsonify
from sqlalchemy import select

from ..extensions import db
from ..models import RescoreRun, Site
from ..services import access, rescoring
from ..services.listing import iso
from . import bp
from .auth import current_moderator, token_required
from .public import int_arg


def get_run_for(run_id: int) -> RescoreRun:
    """A run the caller may see: one of their sites' runs; a run over every site is for admins only."""
    return access.rescore_run_for(current_moderator(), run_id)


def site_slugs() -> dict[int, str]:
    return dict(db.session.execute(select(Site.id, Site.slug)).all())


def run_json(run: RescoreRun, slugs: dict[int, str]) -> dict:
    return {
        "id": run.id,
        "model_version": run.model_version,
        "site": slugs.get(run.site_id) if run.site_id else None,
        "since": iso(run.since),
        "chunk_size": run.chunk_size,
        "baseline_versions": {slugs.get(int(k), k): v for k, v in (run.baseline_versions or {}).items()},
        "activate_requested": run.activate_requested,
        "created_at": iso(run.created_at),
        "finished_at": iso(run.finished_at),
        "activated_at": iso(run.activated_at),
        "progress": rescoring.run_progress(run).as_dict(),
    }


@bp.get("/rescore-runs")
@token_required
def list_rescore_runs():
    """Rescore runs the caller may see, newest first."""
    moderator = current_moderator()
    # A run over every site shows other sites' counts: admins only (its site_id is NULL, never in the list).
    query = access.only_visible_sites(select(RescoreRun), moderator, RescoreRun.site_id)
    limit = int_arg("limit", 20, 1, 100)
    runs = db.session.execute(query.order_by(RescoreRun.id.desc()).limit(limit)).scalars()
    slugs = site_slugs()
    return jsonify({"runs": [run_json(run, slugs) for run in runs]})


@bp.get("/rescore-runs/<int:run_id>")
@token_required
def get_rescore_run(run_id: int):
    """One run with its progress (done/total, rate, ETA)."""
    return jsonify(run_json(get_run_for(run_id), site_slugs()))


@bp.get("/rescore-runs/<int:run_id>/diff")
@token_required
def get_rescore_diff(run_id: int):
    """The run's diff report: changed verdicts, per product and reason, cases to open or mark, agreement."""
    run = get_run_for(run_id)
    report = rescoring.diff_report(run)
    max_subjects = int_arg("subjects", 50, 0, 1000)
    return jsonify({"run": run_json(run, site_slugs()), **report.as_dict(site_slugs(), max_subjects=max_subjects)})


@bp.get("/rescore-runs/<int:run_id>/diff.csv")
@token_required
def get_rescore_diff_csv(run_id: int):
    """The changed items, one CSV line each."""
    run = get_run_for(run_id)
    out = io.StringIO()
    csv.writer(out).writerows(rescoring.diff_csv_lines(run))
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="rescore-run-{run.id}-diff.csv"'},
    )
