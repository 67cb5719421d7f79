"""Rescoring: every stored item scored again under a new model version, in chunks, with a diff before activation.

A run covers the items of one site (or all) created since a date (or ever). Its items are cut into chunks of
consecutive ids (keyset pages), one rq job per chunk. A chunk's scores and its ``done`` mark are written in one
transaction, and ``done`` is set by a compare-and-set, so a chunk is applied once or not at all however many times
its job runs (retries, a killed worker, a re-run of the command). Scores are new rows per model version: history
is never overwritten. Nothing touches the moderators' queue until the run is activated.
"""

from __future__ import annotations

import importlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import and_, func, insert, select, update

from ..classifier import Classifier, Prediction
from ..extensions import db
from ..models import (
    ACTIVE_CASE_STATES,
    Case,
    CaseState,
    Item,
    ItemStatus,
    ModelVersion,
    RescoreChunk,
    RescoreRun,
    RescoreRunState,
    Score,
    Site,
    Subject,
    utcnow,
)
from . import audit, policy
from .errors import Conflict, NotFound, ServiceError

log = logging.getLogger(__name__)

# Defaults for settings an app may override (``MODERATION_RESCORE_*``); kept here so the feature is self-contained.
DEFAULTS: dict[str, Any] = {
    "RESCORE_QUEUE": "rescore",
    "RESCORE_CHUNK_SIZE": 2000,
    # None: 512 texts per forward pass on CUDA (fp16/bf16 keeps that small), 64 on CPU.
    "RESCORE_BATCH_SIZE": None,
    # Rows read per query inside a chunk (keyset pages).
    "RESCORE_READ_PAGE": 1000,
    "RESCORE_JOB_TIMEOUT": 1800,
    # A running chunk job renews its rq execution this often-ish, for this long: a killed worker's chunk is seen
    # as abandoned (and retried) this many seconds after its last renewal, not job timeout + 60 s later.
    "RESCORE_LEASE_S": 120,
    # "module:callable(model_dir, device)" that loads a classifier; tests plug a stub here.
    "RESCORE_CLASSIFIER_LOADER": "moderation.classifier:load_classifier",
    "RESCORE_DEVICE": None,  # None: the app's DEVICE
    "RESCORE_CLASSIFIER_CACHE": 2,
    # "auto": tokenise in a background thread while the model runs, on CUDA only; "always" / "never".
    "RESCORE_OVERLAP": "auto",
}

MODEL_REASON_SET = frozenset(policy.MODEL_REASONS)
REPORTED_REASONS = ("low_rating", *policy.MODEL_REASONS)
TERMINAL_JOB_STATES = ("failed", "stopped", "canceled")


def setting(name: str) -> Any:
    """The app's value, or the default (also outside an app context, e.g. a bench's report)."""
    value = current_app.config.get(name) if has_app_context() else None
    return DEFAULTS[name] if value is None else value


# -- model versions and classifiers --------------------------------------------------------------------------


def import_callable(spec: str) -> Callable[..., Any]:
    module_name, _, attr = spec.partition(":")
    return getattr(importlib.import_module(module_name), attr)


def load_model(model_dir: str, device: str | None = None) -> Classifier:
    """Load the classifier at ``model_dir`` with the configured loader (the real model, or a test stub)."""
    loader = import_callable(setting("RESCORE_CLASSIFIER_LOADER"))
    return loader(model_dir, device or setting("RESCORE_DEVICE") or current_app.config.get("DEVICE", "auto"))


def classifier_for_run(run: RescoreRun) -> Classifier:
    """The run's model, loaded once per worker process and kept in a small cache keyed by model folder.

    A worker started on the run's model (``MODERATION_MODEL_DIR``) uses the classifier it already holds. Any
    other worker on the rescore queue loads the run's folder on its first chunk; later chunks reuse it.

    Raises:
        RuntimeError: the folder now holds other weights than the version the run was registered with.
    """
    return cached_classifier(run.model_dir, run.model_version, f"run {run.id} rescores with")


def classifier_for_version(version: str) -> Classifier:
    """The classifier of a registered model version (one a rescore run was started with), loaded once per process.

    Raises:
        LookupError: no rescore run registered this version, so nobody knows where its files are.
        RuntimeError: its folder now holds other weights. OSError: the folder is gone.
    """
    folder = db.session.execute(select(ModelVersion.model_dir).where(ModelVersion.version == version)).scalar()
    if not folder:
        raise LookupError(f"model {version} is not registered (no rescore run used it)")
    return cached_classifier(folder, version, "the registry names")


def cached_classifier(model_dir: str, version: str, expected_by: str) -> Classifier:
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    held = app.extensions.get("moderation.classifier")
    if getattr(held, "model_version", None) == version:
        return held
    cache: OrderedDict[str, Classifier] = app.extensions.setdefault("moderation.rescore_classifiers", OrderedDict())
    classifier = cache.get(model_dir)
    if classifier is None:
        classifier = load_model(model_dir)
        cache[model_dir] = classifier
        while len(cache) > int(setting("RESCORE_CLASSIFIER_CACHE")):
            cache.popitem(last=False)
    cache.move_to_end(model_dir)
    if classifier.model_version != version:
        cache.pop(model_dir, None)
        raise RuntimeError(
            f"{model_dir} now holds model {classifier.model_version}, but {expected_by} "
            f"{version}; start a new run for the new files"
        )
    return classifier


def register_model_version(version: str, model_dir: str) -> ModelVersion:
    """Get or create the registry row for ``version``; the caller commits."""
    row = db.session.execute(select(ModelVersion).where(ModelVersion.version == version)).scalar_one_or_none()
    if row is None:
        row = ModelVersion(version=version, model_dir=model_dir)
        db.session.add(row)
        db.session.flush()
    elif row.model_dir != model_dir:
        row.model_dir = model_dir
    return row


# -- planning ------------------------------------------------------------------------------------------------


def scope_filters(site_id: int | None, since: datetime | None) -> list:
    """Which items a run covers. Removed items are not shown anywhere, so they are not rescored."""
    filters = [Item.status != ItemStatus.REMOVED.value]
    if site_id is not None:
        filters.append(Item.site_id == site_id)
    if since is not None:
        filters.append(Item.created_at >= since)
    return filters


def plan_chunks(site_id: int | None, since: datetime | None, chunk_size: int) -> list[tuple[int, int, int]]:
    """Cut the matching items into ``(first_id, last_id, count)`` ranges by keyset paging over ``items.id``."""
    if chunk_size < 1:
        raise ServiceError("invalid", "chunk size must be at least 1", "chunk_size", 422)
    filters = scope_filters(site_id, since)
    chunks = []
    last = 0
    while True:
        ids = list(
            db.session.execute(
                select(Item.id).where(Item.id > last, *filters).order_by(Item.id).limit(chunk_size)
            ).scalars()
        )
        if not ids:
            return chunks
        chunks.append((ids[0], ids[-1], len(ids)))
        last = ids[-1]


def baseline_versions(site_id: int | None) -> dict[str, str | None]:
    query = select(Site.id, Site.active_model_version)
    if site_id is not None:
        query = query.where(Site.id == site_id)
    return {str(sid): version for sid, version in db.session.execute(query)}


def find_run(model_version: str, site_id: int | None, since: datetime | None) -> RescoreRun | None:
    """The latest run of ``model_version`` over exactly this scope: re-running the command resumes it."""
    query = select(RescoreRun).where(RescoreRun.model_version == model_version)
    query = query.where(RescoreRun.site_id.is_(None) if site_id is None else RescoreRun.site_id == site_id)
    query = query.where(RescoreRun.since.is_(None) if since is None else RescoreRun.since == since)
    return db.session.execute(query.order_by(RescoreRun.id.desc()).limit(1)).scalar_one_or_none()


def create_run(
    model: ModelVersion,
    site_id: int | None,
    since: datetime | None,
    chunk_size: int,
    activate: bool = False,
) -> RescoreRun:
    """Plan the chunks and store the run; the caller commits."""
    chunks = plan_chunks(site_id, since, chunk_size)
    run = RescoreRun(
        model_version_id=model.id,
        model_version=model.version,
        model_dir=model.model_dir or "",
        site_id=site_id,
        since=since,
        chunk_size=chunk_size,
        state=RescoreRunState.RUNNING.value,
        baseline_versions=baseline_versions(site_id),
        activate_requested=activate,
        total_items=sum(n for _, _, n in chunks),
        total_chunks=len(chunks),
    )
    db.session.add(run)
    db.session.flush()
    if chunks:
        db.session.execute(
            insert(RescoreChunk),
            [
                {"run_id": run.id, "position": k, "first_item_id": a, "last_item_id": b, "item_count": n, "done": False}
                for k, (a, b, n) in enumerate(chunks)
            ],
        )
    else:
        run.state = RescoreRunState.FINISHED.value
        run.finished_at = utcnow()
    return run


# -- enqueueing ----------------------------------------------------------------------------------------------


def chunk_job_id(run_id: int, position: int) -> str:
    """Deterministic per (run, chunk): a re-run finds the jobs it enqueued before."""
    return f"rescore-{run_id}-{position}"


def pending_chunks(run_id: int) -> list[RescoreChunk]:
    return list(
        db.session.execute(
            select(RescoreChunk)
            .where(RescoreChunk.run_id == run_id, RescoreChunk.done.is_(False))
            .order_by(RescoreChunk.position)
        ).scalars()
    )


def chunk_job_states(run_id: int) -> dict[int, str | None]:
    """rq status of each chunk not done yet (None: no such job), by chunk position."""
    from rq.job import Job

    from ..broker import get_redis

    chunks = pending_chunks(run_id)
    jobs = Job.fetch_many([chunk_job_id(run_id, c.position) for c in chunks], connection=get_redis())
    return {
        c.position: (None if job is None else str(job.get_status(refresh=False).value))
        for c, job in zip(chunks, jobs, strict=True)
    }


def enqueue_pending_chunks(run: RescoreRun, retry_failed: bool = True) -> int:
    """Enqueue a job for each chunk not done whose job is not waiting or running. Returns how many.

    Chunks already done are skipped. A job that is queued, scheduled or started is left to rq: a started job whose
    worker died is noticed by rq's abandoned-job handling once its lease lapses, and retried. A failed job (retries
    used up) is enqueued again only when ``retry_failed`` (an operator re-running the command).
    """
    from rq import Retry

    from ..broker import enqueue
    from ..rescoring_jobs import rescore_chunk

    states = chunk_job_states(run.id)
    retryable = {None, "finished", *(TERMINAL_JOB_STATES if retry_failed else ())}
    enqueued = 0
    for chunk in pending_chunks(run.id):
        if states.get(chunk.position) not in retryable:
            continue
        enqueue(
            setting("RESCORE_QUEUE"),
            rescore_chunk,
            run.id,
            chunk.id,
            job_id=chunk_job_id(run.id, chunk.position),
            timeout=int(setting("RESCORE_JOB_TIMEOUT")),
            # No delay: a worker that vanished is no reason to wait, and rq only delays retries for workers
            # that run its scheduler.
            retry=Retry(max=3),
        )
        enqueued += 1
    return enqueued


def reclaim_abandoned() -> None:
    """Run rq's abandoned-job handling on the rescore queue now, as a worker's maintenance would.

    A started chunk whose lease lapsed (its worker was killed) is retried or, retries used up, failed. The
    maintenance lock keeps this from racing a worker's own cleanup.
    """
    from rq.registry import StartedJobRegistry

    from ..broker import get_queue

    queue = get_queue(setting("RESCORE_QUEUE"))
    if queue.acquire_maintenance_lock():
        try:
            StartedJobRegistry(queue=queue).cleanup()
        finally:
            queue.release_maintenance_lock()


# -- the chunk job's work ------------------------------------------------------------------------------------


def model_text(title: str | None, body: str) -> str:
    """What the model reads; the same as ``Item.text_for_model`` (rows are read as tuples, not objects)."""
    return f"{title}. {body}" if title else body


def read_chunk(run: RescoreRun, chunk: RescoreChunk) -> tuple[list[int], list[str]]:
    """The chunk's items in id order, keyset-paged so no query returns more than ``RESCORE_READ_PAGE`` rows."""
    page = int(setting("RESCORE_READ_PAGE"))
    filters = scope_filters(run.site_id, run.since)
    ids: list[int] = []
    texts: list[str] = []
    last = chunk.first_item_id - 1
    while True:
        rows = db.session.execute(
            select(Item.id, Item.title, Item.body)
            .where(Item.id > last, Item.id <= chunk.last_item_id, *filters)
            .order_by(Item.id)
            .limit(page)
        ).all()
        for item_id, title, body in rows:
            ids.append(item_id)
            texts.append(model_text(title, body))
        if len(rows) < page:
            return ids, texts
        last = rows[-1][0]


def insert_score_rows(rows: list[dict]) -> int:
    """Batched insert that keeps any score this model version already gave; returns rows inserted.

    PostgreSQL: COPY into a temporary table, then one ``INSERT … SELECT … ON CONFLICT DO NOTHING``. SQLite:
    a multi-row insert with the same conflict clause.
    """
    if not rows:
        return 0
    dialect = db.engine.dialect.name
    if dialect == "postgresql" and db.engine.dialect.driver == "psycopg":
        return copy_score_rows(rows)
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    else:  # pragma: no cover - other databases are not supported targets
        db.session.execute(insert(Score), rows)
        return len(rows)
    stmt = dialect_insert(Score).on_conflict_do_nothing(index_elements=["item_id", "model_version"]).returning(Score.id)
    return len(db.session.execute(stmt, rows).all())


def copy_score_rows(rows: list[dict]) -> int:
    """COPY is several times faster than a multi-row INSERT on PostgreSQL; it runs in the session's transaction."""
    raw = db.session.connection().connection.driver_connection
    with raw.cursor() as cursor:
        # Per connection, emptied at each commit: the rows never outlive the chunk's transaction.
        cursor.execute(
            "CREATE TEMP TABLE IF NOT EXISTS rescore_scores_in (item_id integer, model_version varchar(200), "
            "label varchar(16), negative_probability double precision, created_at timestamp) "
            "ON COMMIT DELETE ROWS"
        )
        with cursor.copy(
            "COPY rescore_scores_in (item_id, model_version, label, negative_probability, created_at) FROM STDIN"
        ) as copy:
            for row in rows:
                copy.write_row(
                    (row["item_id"], row["model_version"], row["label"], row["negative_probability"], row["created_at"])
                )
        cursor.execute(
            "INSERT INTO scores (item_id, model_version, label, negative_probability, created_at) "
            "SELECT item_id, model_version, label, negative_probability, created_at FROM rescore_scores_in "
            "ON CONFLICT (item_id, model_version) DO NOTHING"
        )
        written = cursor.rowcount
        cursor.execute("TRUNCATE rescore_scores_in")
    return written


def apply_chunk(chunk_id: int, item_ids: Sequence[int], predictions: Sequence[Prediction]) -> bool:
    """Write a chunk's scores and mark it done, in one transaction. False: it was already done (nothing written).

    The done mark is a compare-and-set (``UPDATE … WHERE NOT done``): two executions of the same chunk cannot
    both apply it (on PostgreSQL the second waits for the first's row lock, then finds it done).
    """
    now = utcnow()
    marked = db.session.execute(
        update(RescoreChunk)
        .where(RescoreChunk.id == chunk_id, RescoreChunk.done.is_(False))
        .values(done=True, done_at=now, items_scored=len(item_ids))
    ).rowcount
    if not marked:
        db.session.rollback()
        return False
    written = insert_score_rows(
        [
            {
                "item_id": item_id,
                "model_version": pred.model_version,
                "label": pred.label,
                "negative_probability": float(pred.negative_probability),
                "created_at": now,
            }
            for item_id, pred in zip(item_ids, predictions, strict=True)
        ]
    )
    db.session.execute(update(RescoreChunk).where(RescoreChunk.id == chunk_id).values(scores_written=written))
    db.session.commit()
    return True


def finish_run_if_complete(run_id: int) -> bool:
    """Mark the run finished once no chunk is left; True when it is finished (now or before)."""
    left = db.session.execute(
        select(func.count()).where(RescoreChunk.run_id == run_id, RescoreChunk.done.is_(False))
    ).scalar_one()
    if left:
        db.session.rollback()
        return False
    db.session.execute(
        update(RescoreRun)
        .where(RescoreRun.id == run_id, RescoreRun.state == RescoreRunState.RUNNING.value)
        .values(state=RescoreRunState.FINISHED.value, finished_at=utcnow())
    )
    db.session.commit()
    return True


# -- progress ------------------------------------------------------------------------------------------------


@dataclass
class Progress:
    run_id: int
    state: str
    total_items: int
    total_chunks: int
    chunks_done: int
    items_done: int
    scores_written: int
    items_per_s: float | None
    eta_s: float | None
    activated: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "total_items": self.total_items,
            "total_chunks": self.total_chunks,
            "chunks_done": self.chunks_done,
            "items_done": self.items_done,
            "scores_written": self.scores_written,
            "items_per_s": None if self.items_per_s is None else round(self.items_per_s, 1),
            "eta_s": None if self.eta_s is None else round(self.eta_s),
            "activated": self.activated,
        }


def run_progress(run: RescoreRun) -> Progress:
    """Done/total from the chunks; the rate over the chunks done so far (first to last completion)."""
    chunks_done, items_done, written, first_done, last_done, first_size = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(RescoreChunk.item_count), 0),
            func.coalesce(func.sum(RescoreChunk.scores_written), 0),
            func.min(RescoreChunk.done_at),
            func.max(RescoreChunk.done_at),
            func.min(RescoreChunk.item_count),
        ).where(RescoreChunk.run_id == run.id, RescoreChunk.done.is_(True))
    ).one()
    rate = None
    if chunks_done and last_done is not None:
        # Time starts at the run's creation on a first pass; for a run resumed long after, from the first
        # completion (one chunk's items are then left out of the count so the rate is not inflated).
        start = run.created_at if (first_done - run.created_at).total_seconds() < 3600 else first_done
        counted = items_done if start == run.created_at else items_done - (first_size or 0)
        elapsed = (last_done - start).total_seconds()
        rate = counted / elapsed if elapsed > 0 and counted > 0 else None
    remaining = run.total_items - items_done
    return Progress(
        run_id=run.id,
        state=run.state,
        total_items=run.total_items,
        total_chunks=run.total_chunks,
        chunks_done=chunks_done,
        items_done=int(items_done),
        scores_written=int(written),
        items_per_s=rate,
        eta_s=(remaining / rate) if rate and remaining > 0 else (0.0 if remaining <= 0 else None),
        activated=run.activated_at is not None,
    )


# -- verdicts, the diff report, activation -------------------------------------------------------------------


class CaseAction:
    """What activating the run does to an item's case."""

    OPEN = "open"  # no case, and the new model's verdict needs one
    MARK_STALE = "mark_stale"  # an active case none of whose reasons the new verdict still supports
    UNMARK_STALE = "unmark_stale"  # a stale case the new verdict supports again
    ADD_REASONS = "add_reasons"  # an active case that gains reasons
    NONE = "none"  # includes every closed case: answered/resolved/dismissed are never reopened


def case_action(new_reasons: list[str], case_state: str | None, case_reasons: list[str], case_stale: bool) -> str:
    if case_state is None:
        return CaseAction.OPEN if new_reasons else CaseAction.NONE
    if case_state not in ACTIVE_CASE_STATES:
        return CaseAction.NONE
    # Content reasons (links, abuse…) and the star rating do not depend on the model: they keep a case supported.
    supported = [r for r in case_reasons if r not in MODEL_REASON_SET or r in new_reasons]
    if not supported:
        return CaseAction.NONE if case_stale else CaseAction.MARK_STALE
    if case_stale:
        return CaseAction.UNMARK_STALE
    if any(r not in case_reasons for r in new_reasons):
        return CaseAction.ADD_REASONS
    return CaseAction.NONE


@dataclass
class DiffRow:
    item_id: int
    site_id: int
    subject: str
    rating: int | None
    baseline_version: str | None
    old_label: str | None
    old_probability: float | None
    new_label: str
    new_probability: float
    old_reasons: list[str] | None  # None: the item has no score from the baseline version
    new_reasons: list[str]
    case_id: int | None
    case_state: str | None
    case_reasons: list[str]
    case_stale: bool
    action: str

    @property
    def verdict_changed(self) -> bool:
        return self.old_reasons is not None and self.old_reasons != self.new_reasons

    @property
    def label_changed(self) -> bool:
        return self.old_label is not None and self.old_label != self.new_label


def diff_rows(run: RescoreRun, page: int = 2000) -> Iterator[DiffRow]:
    """Every item of the run that has a score from the run's model, with its baseline score and case, by id."""
    sites = {
        s.id: s
        for s in db.session.execute(
            select(Site).where(Site.id.in_([int(k) for k in (run.baseline_versions or {})]))
        ).scalars()
    }
    for site_id in sorted(sites):
        site = sites[site_id]
        baseline = run.baseline_versions.get(str(site_id))
        rules = policy.effective_policy(site.policy)
        new = db.aliased(Score)
        old = db.aliased(Score)
        last = 0
        while True:
            query = (
                select(
                    Item.id,
                    Item.rating,
                    Subject.external_id,
                    new.label,
                    new.negative_probability,
                    old.label,
                    old.negative_probability,
                    Case.id,
                    Case.state,
                    Case.reasons,
                    Case.stale,
                )
                .join(new, and_(new.item_id == Item.id, new.model_version == run.model_version))
                .join(Subject, Subject.id == Item.subject_id)
                .outerjoin(old, and_(old.item_id == Item.id, old.model_version == (baseline or "")))
                .outerjoin(Case, Case.item_id == Item.id)
                .where(Item.site_id == site_id, Item.id > last, *scope_filters(None, run.since))
                .order_by(Item.id)
                .limit(page)
            )
            rows = db.session.execute(query).all()
            for item_id, rating, subject, n_label, n_p, o_label, o_p, case_id, state, reasons, stale in rows:
                new_reasons = policy.flag_reasons(rating, n_p, rules)
                case_reasons = list(reasons or [])
                yield DiffRow(
                    item_id=item_id,
                    site_id=site_id,
                    subject=subject,
                    rating=rating,
                    baseline_version=baseline,
                    old_label=o_label,
                    old_probability=o_p,
                    new_label=n_label,
                    new_probability=n_p,
                    old_reasons=None if o_p is None else policy.flag_reasons(rating, o_p, rules),
                    new_reasons=new_reasons,
                    case_id=case_id,
                    case_state=state,
                    case_reasons=case_reasons,
                    case_stale=bool(stale),
                    action=case_action(new_reasons, state, case_reasons, bool(stale)),
                )
            if len(rows) < page:
                break
            last = rows[-1][0]


@dataclass
class Agreement:
    """How often a model's own verdict matched what moderators did with the case.

    Answered: the flag was right, so the model agrees when it flags the text (negative or mismatched).
    Dismissed: a false alarm, so the model agrees when it does not. The star rating is left out: it flags an
    item whatever the model says.
    """

    answered: int = 0
    answered_flagged: int = 0
    dismissed: int = 0
    dismissed_not_flagged: int = 0

    def add(self, state: str, reasons: list[str]) -> None:
        flagged = bool(MODEL_REASON_SET.intersection(reasons))
        if state == CaseState.ANSWERED.value:
            self.answered += 1
            self.answered_flagged += flagged
        elif state == CaseState.DISMISSED.value:
            self.dismissed += 1
            self.dismissed_not_flagged += not flagged

    def as_dict(self) -> dict[str, Any]:
        decided = self.answered + self.dismissed
        agreed = self.answered_flagged + self.dismissed_not_flagged
        return {
            "answered": self.answered,
            "answered_flagged": self.answered_flagged,
            "dismissed": self.dismissed,
            "dismissed_not_flagged": self.dismissed_not_flagged,
            "agreement": round(agreed / decided, 4) if decided else None,
        }


@dataclass
class DiffReport:
    run_id: int
    model_version: str
    baseline_versions: dict[str, str | None]
    items: int = 0
    without_baseline: int = 0
    verdict_changed: int = 0
    label_changed: int = 0
    became_negative: int = 0
    became_positive: int = 0
    cases: dict[str, int] = field(default_factory=lambda: {a: 0 for a in ACTIONS_REPORTED})
    reasons: dict[str, dict[str, int]] = field(
        default_factory=lambda: {r: {"before": 0, "after": 0, "gained": 0, "lost": 0} for r in REPORTED_REASONS}
    )
    subjects: dict[tuple[int, str], dict[str, int]] = field(default_factory=dict)
    agreement: dict[str, Agreement] = field(default_factory=dict)

    def as_dict(self, site_slugs: dict[int, str] | None = None, max_subjects: int | None = None) -> dict[str, Any]:
        slugs = site_slugs or {}
        ranked = sorted(
            self.subjects.items(),
            key=lambda kv: (-kv[1]["verdict_changed"], -kv[1]["label_changed"], kv[0][0], kv[0][1]),
        )
        return {
            "run_id": self.run_id,
            "model_version": self.model_version,
            "baseline_versions": {slugs.get(int(k), k): v for k, v in self.baseline_versions.items()},
            "items": self.items,
            "without_baseline": self.without_baseline,
            "verdict_changed": self.verdict_changed,
            "label_changed": self.label_changed,
            "became_negative": self.became_negative,
            "became_positive": self.became_positive,
            "cases": dict(self.cases),
            "reasons": self.reasons,
            "subjects_total": len(ranked),
            "subjects": [
                {"site": slugs.get(site_id, site_id), "subject": subject, **counts}
                for (site_id, subject), counts in ranked[:max_subjects]
            ],
            "agreement": {version: a.as_dict() for version, a in self.agreement.items()},
        }


ACTIONS_REPORTED = (CaseAction.OPEN, CaseAction.MARK_STALE, CaseAction.UNMARK_STALE, CaseAction.ADD_REASONS)


def diff_report(run: RescoreRun) -> DiffReport:
    """The numbers a moderator reads before activating: what changed, where, and what it does to the queue.

    Verdicts are the policy's reasons (``policy.flag_reasons``) under each site's own thresholds; "changed" compares
    the new model's reasons with those of the site's active model when the run was created. Case counts are what
    activating now would do (they follow the cases' current states).
    """
    report = DiffReport(run.id, run.model_version, dict(run.baseline_versions or {}))
    for row in diff_rows(run):
        report.items += 1
        if row.action in report.cases:
            report.cases[row.action] += 1
        per_subject = report.subjects.get((row.site_id, row.subject))
        if per_subject is None:
            per_subject = {"items": 0, "verdict_changed": 0, "label_changed": 0, "would_open": 0, "would_stale": 0}
            report.subjects[(row.site_id, row.subject)] = per_subject
        per_subject["items"] += 1
        per_subject["would_open"] += row.action == CaseAction.OPEN
        per_subject["would_stale"] += row.action == CaseAction.MARK_STALE
        if row.case_state in (CaseState.ANSWERED.value, CaseState.DISMISSED.value):
            report.agreement.setdefault(run.model_version, Agreement()).add(row.case_state, row.new_reasons)
            if row.old_reasons is not None and row.baseline_version:
                report.agreement.setdefault(row.baseline_version, Agreement()).add(row.case_state, row.old_reasons)
        if row.old_reasons is None:
            report.without_baseline += 1
            continue
        for reason in REPORTED_REASONS:
            before, after = reason in row.old_reasons, reason in row.new_reasons
            counts = report.reasons[reason]
            counts["before"] += before
            counts["after"] += after
            counts["gained"] += after and not before
            counts["lost"] += before and not after
        if row.verdict_changed:
            report.verdict_changed += 1
            per_subject["verdict_changed"] += 1
        if row.label_changed:
            report.label_changed += 1
            per_subject["label_changed"] += 1
            report.became_negative += row.new_label == "negative"
            report.became_positive += row.new_label == "positive"
    # Only subjects where something moves are worth a line.
    report.subjects = {
        key: counts
        for key, counts in report.subjects.items()
        if counts["verdict_changed"] or counts["label_changed"] or counts["would_open"] or counts["would_stale"]
    }
    return report


CSV_COLUMNS = (
    "item_id",
    "site_id",
    "subject",
    "rating",
    "baseline_version",
    "old_label",
    "old_probability",
    "new_label",
    "new_probability",
    "old_reasons",
    "new_reasons",
    "case_id",
    "case_state",
    "case_action",
)


def diff_csv_lines(run: RescoreRun) -> Iterator[list[Any]]:
    """The header, then one line per item whose verdict or label changed or whose case would change."""
    yield list(CSV_COLUMNS)
    for row in diff_rows(run):
        if not (row.verdict_changed or row.label_changed or row.action != CaseAction.NONE):
            continue
        yield [
            row.item_id,
            row.site_id,
            row.subject,
            "" if row.rating is None else row.rating,
            row.baseline_version or "",
            row.old_label or "",
            "" if row.old_probability is None else round(row.old_probability, 4),
            row.new_label,
            round(row.new_probability, 4),
            "" if row.old_reasons is None else " ".join(row.old_reasons),
            " ".join(row.new_reasons),
            row.case_id or "",
            row.case_state or "",
            row.action,
        ]


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
    from .scoring import apply_policy

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
            _apply_actions(run, batch, counts, apply_policy)
            batch = []
    _apply_actions(run, batch, counts, apply_policy)
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


def _apply_actions(run: RescoreRun, rows: list[DiffRow], counts: dict[str, int], apply_policy) -> None:
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


# -- scoring texts (the classifier overlaps tokenising with its forward pass on CUDA) ------------------------


def default_batch_size(classifier: Classifier) -> int:
    configured = setting("RESCORE_BATCH_SIZE")
    if configured:
        return int(configured)
    return 512 if _on_cuda(classifier) else 64


def _on_cuda(classifier: Classifier) -> bool:
    device = getattr(classifier, "device", None)
    return getattr(device, "type", str(device or "")).startswith("cuda")


def use_overlap(classifier: Classifier) -> bool:
    """Tokenise ahead while the model runs: on CUDA by default, when the classifier can (``RESCORE_OVERLAP``)."""
    mode = str(setting("RESCORE_OVERLAP")).lower()
    if mode == "never" or not getattr(classifier, "can_overlap", False):
        return False
    return mode == "always" or _on_cuda(classifier)


def score_texts(
    classifier: Classifier,
    texts: list[str],
    batch_size: int,
    on_batch: Callable[[int], None] | None = None,
    overlap: bool | None = None,
) -> list[Prediction]:
    """Predictions for ``texts`` in order, ``on_batch(n)`` after each forward pass (the job renews its lease)."""
    if overlap if overlap is not None else use_overlap(classifier):
        return classifier.predict(texts, batch_size=batch_size, overlap=True, on_batch=on_batch)  # type: ignore[call-arg]
    predictions: list[Prediction] = []
    # Several forward passes per call so the classifier can sort by length inside it; the lease renews between.
    step = batch_size * 8
    for start in range(0, len(texts), step):
        part = classifier.predict(texts[start : start + step], batch_size=batch_size)
        predictions.extend(part)
        if on_batch:
            on_batch(len(part))
    return predictions
