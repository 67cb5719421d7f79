"""Rescore runs, read-only (bearer token): progress while a run works, then its diff report."""

from __future__ import annotations

import io

from flask import Response
from sqlalchemy import select

from .. import csv_export
from ..extensions import db
from ..models import RescoreRun, Site
from ..schemas import rescoring as shapes
from ..services import access, rescoring
from ..services.listing import iso
from .auth import current_moderator, token_required
from .blueprint import bp
from .http import respond
from .openapi import operation


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
@operation(query=shapes.RunsQuery, responses={200: shapes.RescoreRuns}, errors=(401, 403, 422), security="token")
def list_rescore_runs(query: shapes.RunsQuery):
    """Rescore runs the caller may see, newest first (moderators: their sites' runs; admins: all)."""
    moderator = current_moderator()
    # A run over every site shows other sites' counts: admins only (its site_id is NULL, never in the list).
    runs_query = access.only_visible_sites(select(RescoreRun), moderator, RescoreRun.site_id)
    runs = db.session.execute(runs_query.order_by(RescoreRun.id.desc()).limit(query.limit)).scalars()
    slugs = site_slugs()
    return respond(shapes.RescoreRuns, {"runs": [run_json(run, slugs) for run in runs]})


@bp.get("/rescore-runs/<int:run_id>")
@token_required
@operation(responses={200: shapes.RescoreRun}, errors=(401, 403, 404), security="token")
def get_rescore_run(run_id: int):
    """One run with its progress (done/total, rate, ETA)."""
    return respond(shapes.RescoreRun, run_json(get_run_for(run_id), site_slugs()))


@bp.get("/rescore-runs/<int:run_id>/diff")
@token_required
@operation(query=shapes.DiffQuery, responses={200: shapes.RescoreDiff}, errors=(401, 403, 404, 422), security="token")
def get_rescore_diff(run_id: int, query: shapes.DiffQuery):
    """The run's diff report: changed verdicts, per product and reason, cases to open or mark, agreement."""
    run = get_run_for(run_id)
    report = rescoring.diff_report(run).as_dict(site_slugs(), max_subjects=query.subjects)
    return respond(shapes.RescoreDiff, {"run": run_json(run, site_slugs()), **report})


@bp.get("/rescore-runs/<int:run_id>/diff.csv")
@token_required
@operation(responses={200: "text/csv"}, errors=(401, 403, 404), security="token")
def get_rescore_diff_csv(run_id: int):
    """The changed items, one CSV line each."""
    run = get_run_for(run_id)
    out = io.StringIO()
    csv_export.writer(out).writerows(rescoring.diff_csv_lines(run))
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="rescore-run-{run.id}-diff.csv"'},
    )
