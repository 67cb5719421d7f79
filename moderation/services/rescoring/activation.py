"""Activating a finished run: its model becomes the sites' active one, and the queue follows its verdicts."""

from __future__ import annotations

import logging

from sqlalchemy import select, update

from ...classifier import Prediction
from ...extensions import db
from ...models import Case, Item, RescoreRun, RescoreRunState, Score, Site, utcnow
from .. import audit
from ..errors import Conflict, NotFound
from ..scoring import apply_policy
from .diff import ACTIONS_REPORTED, CaseAction, DiffRow, diff_rows
from .runs import scope_filters

log = logging.getLogger(__name__)


def activate_run(run_id: int) -> dict[str, int] | None:
    """Make the run's model the one the policy uses, and bring the queue in line with its verdicts.

    Open cases it no longer supports are marked stale (never closed); stale ones it supports again lose the mark;
    active cases gain the reasons it adds; items it flags that have no case get one. Answered, resolved and
    dismissed cases are not touched. One transaction; the activation mark is a compare-and-set, so two callers
    (the last chunk job and the waiting command) cannot both apply it.

    Returns:
        Counts per action, or None when the run was already activated.

    Raises:
        NotFound: no such run. Conflict: the run has chunks left.
    """
    run = db.session.get(RescoreRun, run_id)
    if run is None:
        raise NotFound("rescore run")
    if run.state != RescoreRunState.FINISHED.value:
        raise Conflict("not_finished", f"run {run_id} has chunks left: activate it when every chunk is done")
    marked = db.session.execute(
        update(RescoreRun)
        .where(RescoreRun.id == run_id, RescoreRun.activated_at.is_(None))
        .values(activated_at=utcnow())
    ).rowcount
    if not marked:
        db.session.rollback()
        return None
    site_ids = [int(k) for k in run.baseline_versions or {}]
    for site in db.session.execute(select(Site).where(Site.id.in_(site_ids))).scalars():
        if site.active_model_version != run.model_version:
            audit.record(
                "site.model_activated",
                "site",
                site.id,
                site_id=site.id,
                before={"active_model_version": site.active_model_version},
                after={"active_model_version": run.model_version, "rescore_run": run.id},
            )
            site.active_model_version = run.model_version
    counts = {a: 0 for a in ACTIONS_REPORTED}
    batch: list[DiffRow] = []
    for row in diff_rows(run):
        if row.action != CaseAction.NONE:
            batch.append(row)
        if len(batch) >= 500:
            _apply_actions(run, batch, counts)
            batch = []
    _apply_actions(run, batch, counts)
    # Items first scored by this run (submitted but never scored before) now count as scored.
    db.session.execute(
        update(Item)
        .where(
            Item.scored_at.is_(None),
            Item.id.in_(select(Score.item_id).where(Score.model_version == run.model_version)),
            *scope_filters(run.site_id, run.since),
        )
        .values(scored_at=utcnow())
    )
    db.session.commit()
    log.info("activated %s (run %d): %s", run.model_version, run.id, counts)
    return counts


def _apply_actions(run: RescoreRun, rows: list[DiffRow], counts: dict[str, int]) -> None:
    if not rows:
        return
    items = {i.id: i for i in db.session.execute(select(Item).where(Item.id.in_([r.item_id for r in rows]))).scalars()}
    cases = {c.item_id: c for c in db.session.execute(select(Case).where(Case.item_id.in_(list(items)))).scalars()}
    to_policy: list[tuple[Item, Prediction]] = []
    for row in rows:
        counts[row.action] += 1
        prediction = Prediction(row.new_label, row.new_probability, run.model_version)
        case = cases.get(row.item_id)
        if row.action in (CaseAction.OPEN, CaseAction.ADD_REASONS):
            to_policy.append((items[row.item_id], prediction))
        elif row.action in (CaseAction.MARK_STALE, CaseAction.UNMARK_STALE) and case is not None:
            stale = row.action == CaseAction.MARK_STALE
            case.stale = stale
            case.evidence = {
                **(case.evidence or {}),
                "rescore": {
                    "model_version": run.model_version,
                    "negative_probability": round(row.new_probability, 4),
                    "supports": not stale,
                },
            }
            audit.record(
                "case.marked_stale" if stale else "case.stale_cleared",
                "case",
                case.id,
                site_id=case.site_id,
                before={"stale": not stale, "reasons": list(case.reasons or [])},
                after={"stale": stale, "model_version": run.model_version, "rescore_run": run.id},
            )
            if not stale and any(r not in case.reasons for r in row.new_reasons):
                to_policy.append((items[row.item_id], prediction))
    if to_policy:
        apply_policy([i for i, _ in to_policy], [p for _, p in to_policy])
    db.session.flush()
