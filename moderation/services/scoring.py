"""Scoring: claim a batch of unscored items, one forward pass, scores written, policy applied."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence

from flask import current_app
from sqlalchemy import func, select, update
from sqlalchemy.orm.attributes import set_committed_value

from .. import cpu_priority, metrics
from ..classifier import Classifier, Prediction, on_cuda
from ..extensions import conflict_insert, db
from ..models import ACTIVE_CASE_STATES, Case, CaseState, Item, Score, Site, utcnow
from ..vocabulary import GONE_STATUSES, Reason
from . import audit, hostility, policy, scheduling, webhooks
from .model_versions import classifier_for_version
from .submissions import urgency_for

log = logging.getLogger(__name__)


# A job stops claiming new batches after this long and hands the rest to a follow-up job, so one job never
# runs into its timeout and a worker's other queues are not starved.
JOB_TIME_BUDGET_S = 120


def score_pending_items(
    classifier: Classifier,
    batch_size: int,
    time_budget_s: float = JOB_TIME_BUDGET_S,
    forward_batch_size: int | None = None,
    overlap: bool | None = None,
) -> int:
    """Score every unscored item, batch by batch, for up to ``time_budget_s``. Returns how many were scored.

    Each batch is claimed, scored and committed in one transaction; batches stay full while the backlog lasts.
    Past the budget the rest goes to a follow-up job, named after where this one stopped.

    Args:
        classifier: the worker's model.
        batch_size: items claimed per transaction (``SCORE_BATCH_SIZE``). A claim of several forward passes lets
            ``predict`` sort them by length, so a backlog pads little, as ``predict`` on the same texts does.
        forward_batch_size: texts per forward pass; None: ``SCORE_FORWARD_BATCH_SIZE``, else 32 on a CPU and
            256 on CUDA.
        overlap: tokenise ahead of the forward pass in a thread; None: ``SCORE_OVERLAP`` (auto: on CUDA).
    """
    forward = forward_batch_size or default_forward_batch_size(classifier)
    if overlap is None:
        overlap = use_overlap(classifier)
    scheduling.scoring_started()
    started = time.monotonic()
    scored = 0
    while True:
        ids = score_batch(classifier, batch_size, forward_batch_size=forward, overlap=overlap)
        scored += len(ids)
        if len(ids) < batch_size:
            return scored
        if time.monotonic() - started > time_budget_s:
            scheduling.request_scoring(ids[-1])
            return scored


# A claim takes the ``limit`` shortest texts among the unscored items whose ids lie within ``CLAIM_WINDOW * limit``
# of the oldest unscored one. Forward passes over texts of like length pad little: a claim in id order mixed every
# length, and the worker scored a backlog at 0.76-0.86x the items/s of ``predict``, which sorts all its texts by
# length (bench/worker.py). The window is a range of ids from the oldest unscored item, not the oldest N items:
# newer items enter it only once that oldest one is claimed, so no item waits more than CLAIM_WINDOW claims
# however many shorter texts keep arriving. Live traffic (a backlog under one claim) is claimed whole, as before.
CLAIM_WINDOW = 4


def claim_unscored(limit: int) -> list[Item]:
    """Lock up to ``limit`` unscored items for this transaction: the shortest texts of the window above, topped
    up in id order from beyond it when the window holds fewer.

    On PostgreSQL, ``FOR UPDATE SKIP LOCKED`` hands concurrent workers disjoint batches. SQLite has a single
    writer (the embedded setup runs one worker); the unique (item, model version) key guards both.

    The top-up matters: a short claim tells the job that the backlog is done. The window's oldest item may be
    locked by another worker with the rest of the window (so this claim found nothing in it), or the window may
    have gaps (items gone, ids rolled back); two burst workers on a backlog of 1,000 stopped after 60 items.
    """
    unscored = (Item.scored_at.is_(None), Item.status.not_in(GONE_STATUSES))
    oldest = select(func.min(Item.id)).where(*unscored).scalar_subquery()
    length = func.length(func.coalesce(Item.title, "")) + func.length(Item.body)
    query = (
        select(Item)
        .where(*unscored, Item.id >= oldest, Item.id < oldest + limit * CLAIM_WINDOW)
        .order_by(length, Item.id)
        .limit(limit)
    )
    claimed = list(db.session.execute(_locked(query)).scalars())
    if len(claimed) < limit:
        # Rows this transaction locked are not skipped by SKIP LOCKED: leave them out by id.
        rest = select(Item).where(*unscored, Item.id.not_in([item.id for item in claimed]))
        claimed += db.session.execute(_locked(rest.order_by(Item.id).limit(limit - len(claimed)))).scalars()
    return claimed


def _locked(query):
    if db.engine.dialect.name == "postgresql":
        return query.with_for_update(skip_locked=True, of=Item)
    return query


def insert_scores(rows: list[dict]) -> None:
    """Multi-row insert that skips rows an earlier run already wrote."""
    if not rows:
        return
    stmt = conflict_insert(Score).on_conflict_do_nothing(index_elements=["item_id", "model_version"])
    db.session.execute(stmt, rows)


def default_forward_batch_size(classifier: Classifier) -> int:
    configured = current_app.config.get("SCORE_FORWARD_BATCH_SIZE")
    if configured:
        return int(configured)
    return 256 if on_cuda(classifier) else 32


def use_overlap(classifier: Classifier) -> bool:
    """Tokenise ahead while the model runs (``SCORE_OVERLAP``): "auto" on CUDA, "always", "never"; only a
    classifier that owns its batching (``can_overlap``) is asked."""
    mode = str(current_app.config.get("SCORE_OVERLAP") or "auto").lower()
    if mode == "never" or not getattr(classifier, "can_overlap", False):
        return False
    return mode == "always" or on_cuda(classifier)


def predict_items(
    model: Classifier, texts: list[str], forward_batch_size: int, overlap: bool = False
) -> list[Prediction]:
    """``model.predict`` of ``texts``; on a CPU, on the idle-priority thread where the app asks for one
    (``cpu_priority``): the claim before it and the writes after it stay on this thread."""
    options = {"overlap": True} if overlap and getattr(model, "can_overlap", False) else {}
    return cpu_priority.predict(model, texts, batch_size=forward_batch_size, **options)


def score_batch(
    classifier: Classifier, batch_size: int, forward_batch_size: int | None = None, overlap: bool = False
) -> list[int]:
    """Score one claimed batch of up to ``batch_size`` items and commit it: one transaction per batch.

    Returns the ids scored (empty: nothing waited).
    """
    started = time.monotonic()
    items = claim_unscored(batch_size)
    if not items:
        db.session.rollback()
        return []
    now = utcnow()
    batches = []
    hostility.prepare(classifier)  # the hostility head may read the worker's model's own vectors: asked for here
    for model, group in models_for(items, classifier):
        texts = [item.text_for_model for item in group]
        predictions = predict_items(model, texts, forward_batch_size or batch_size, overlap)
        suspected = hostility.suspicions(group, classifier, predictions)
        insert_scores(
            [
                {
                    "item_id": item.id,
                    "model_version": pred.model_version,
                    "label": pred.label,
                    "negative_probability": float(pred.negative_probability),
                    "created_at": now,
                }
                for item, pred in zip(group, predictions, strict=True)
            ]
        )
        apply_policy(group, predictions, suspected)
        batches.append(([item.created_at for item in group], model.model_version))
    scored = [item.id for item in items]
    # One UPDATE for the batch, not the unit of work's statement per item (with its per-item change tracking and
    # flush events); the session's items are told the new value, so nothing is left for it to write.
    db.session.execute(
        update(Item).where(Item.id.in_(scored)).values(scored_at=now).execution_options(synchronize_session=False)
    )
    for item in items:
        set_committed_value(item, "scored_at", now)
    db.session.commit()
    for accepted_at, version in batches:
        metrics.record_batch(accepted_at, version, started, now)
    return scored


# A model version this process could not load is not tried again for this long (a load takes seconds).
UNAVAILABLE_RETRY_S = 300.0


def models_for(items: Sequence[Item], held: Classifier) -> list[tuple[Classifier, list[Item]]]:
    """Split a batch by the model that must judge it: the one each site has activated.

    A rescore run's ``--activate`` makes its model the site's; new items of that site are then scored by it
    too, without restarting workers, so that old and new items are judged alike. A site with no active model
    yet, or one whose model this process cannot load (never registered by a rescore run, folder gone or
    changed), gets the worker's own model — and ``apply_policy`` logs the mismatch.
    """
    held_version = getattr(held, "model_version", None)
    site_ids = {item.site_id for item in items}
    active = dict(db.session.execute(select(Site.id, Site.active_model_version).where(Site.id.in_(site_ids))).all())
    groups: dict[str, tuple[Classifier, list[Item]]] = {}
    for item in items:
        version = active.get(item.site_id)
        model = held if version in (None, held_version) else _model_for_version(version, held)
        groups.setdefault(model.model_version, (model, []))[1].append(item)
    return list(groups.values())


def _model_for_version(version: str, held: Classifier) -> Classifier:
    unavailable: dict[str, float] = current_app.extensions.setdefault("moderation.unavailable_models", {})
    failed_at = unavailable.get(version)
    if failed_at is not None and time.monotonic() - failed_at < UNAVAILABLE_RETRY_S:
        return held
    try:
        model = classifier_for_version(version)
    except (LookupError, RuntimeError, OSError, ValueError) as exc:
        unavailable[version] = time.monotonic()
        log.warning("cannot load the active model %s (%s); scoring with %s", version, exc, held.model_version)
        return held
    unavailable.pop(version, None)
    return model


_warned: set[tuple] = set()


def _first_time(key: tuple) -> bool:
    """True once per process for ``key``: a mismatch is worth one log line, not one per item scored."""
    if key in _warned:
        return False
    _warned.add(key)
    return True


def apply_policy(
    items: Sequence[Item],
    predictions: Sequence[Prediction],
    suspected: hostility.Suspicions | None = None,
) -> None:
    """Open or update the case of each item that needs a moderator.

    ``suspected``: what the hostility reader made of the batch (``hostility.suspicions``); an item at or over its
    bar (the site's ``suspected_abuse_threshold`` where set) gains ``suspected_abuse``.
    """
    suspected = suspected or hostility.Suspicions()
    site_ids = {item.site_id for item in items}
    sites = {s.id: s for s in db.session.execute(select(Site).where(Site.id.in_(site_ids))).scalars()}
    cases = {
        c.item_id: c for c in db.session.execute(select(Case).where(Case.item_id.in_([i.id for i in items]))).scalars()
    }
    opened: list[tuple[Site, Case, list[str]]] = []
    for item, pred in zip(items, predictions, strict=True):
        site = sites[item.site_id]
        if site.active_model_version is None:
            site.active_model_version = pred.model_version
        elif site.active_model_version != pred.model_version and _first_time(
            (site.id, site.active_model_version, pred.model_version)
        ):
            log.warning(
                "site %s uses model %s but this worker runs %s; applying the worker's verdict",
                site.slug,
                site.active_model_version,
                pred.model_version,
            )
        reasons = policy.flag_reasons(item.rating, pred.negative_probability, policy.effective_policy(site.policy))
        suspicion = suspected.evidence(item.id, site.policy)
        if suspicion is not None:
            reasons.append(Reason.SUSPECTED_ABUSE)
        case = cases.get(item.id)
        if not reasons:
            continue
        evidence = model_evidence(item, pred, reasons)
        if suspicion is not None:
            evidence[Reason.SUSPECTED_ABUSE] = suspicion
        if case is None:
            when = urgency_for(site, item, pred.negative_probability, reasons)
            case = Case(
                site_id=site.id,
                item_id=item.id,
                reasons=reasons,
                evidence=evidence,
                priority=when.priority,
                due_at=when.due_at,
                state=CaseState.OPEN.value,
                model_version=pred.model_version,
            )
            db.session.add(case)
            opened.append((site, case, reasons))
        elif case.state in ACTIVE_CASE_STATES:
            # A held item's content case gains the reply reasons; the moderator sees them all at once.
            merged = list(dict.fromkeys([*case.reasons, *reasons]))
            when = urgency_for(site, item, pred.negative_probability, merged)
            before = {"reasons": list(case.reasons), "priority": case.priority}
            case.reasons = merged
            case.evidence = {**(case.evidence or {}), **evidence}
            case.priority = max(case.priority, when.priority)
            case.due_at = min(case.due_at, when.due_at)
            case.model_version = pred.model_version
            audit.record(
                "case.reasons_added",
                "case",
                case.id,
                site_id=site.id,
                before=before,
                after={"reasons": merged, "priority": case.priority},
            )
    # The new cases in one flush, for the ids their audit events and webhooks name. A flush per case walked the
    # whole session each time: with a case for 154 of 256 items, 90 ms of CPU while the worker held SQLite's one
    # write lock (every post waits for it), most of it in those flushes.
    if opened:
        db.session.flush()
    for site, case, reasons in opened:
        audit.record("case.opened", "case", case.id, site_id=site.id, after={"reasons": reasons})
        metrics.count_case_opened(db.session, site.slug, "model")
        webhooks.emit(site.id, "case.opened", lambda case=case: webhooks.case_data(case))


def model_evidence(item: Item, pred: Prediction, reasons: list[str]) -> dict:
    evidence: dict = {}
    verdict = {
        "label": pred.label,
        "negative_probability": round(float(pred.negative_probability), 4),
        "model_version": pred.model_version,
    }
    if "low_rating" in reasons:
        evidence["low_rating"] = {"rating": item.rating}
    if "negative_text" in reasons:
        evidence["negative_text"] = verdict
    if "rating_text_mismatch" in reasons:
        evidence["rating_text_mismatch"] = {"rating": item.rating, **verdict}
    return evidence
