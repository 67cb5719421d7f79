"""A chunk's work: read its items, score them with the run's model, write the scores with the chunk's done mark.

The scores and the done mark are written in one transaction, and ``done`` is set by a compare-and-set, so a chunk
is applied once or not at all however many times its job runs (retries, a killed worker, a re-run of the command).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from sqlalchemy import select, update

from ... import cpu_priority
from ...classifier import Classifier, Prediction, on_cuda
from ...extensions import conflict_insert, db
from ...models import Item, RescoreChunk, RescoreRun, Score, utcnow
from ..model_versions import cached_classifier
from .activation import activate_run
from .runs import finish_run_if_complete, scope_filters
from .settings import setting

log = logging.getLogger(__name__)


class Lease(Protocol):
    """Keeps a running chunk's execution claimed; ``renew`` is cheap to call often."""

    def renew(self, scored: int = 0) -> None: ...


def rescore_chunk(run_id: int, chunk_id: int, lease: Callable[[int], Lease] | None = None) -> int:
    """Score one chunk with the run's model and write it with its done mark. Returns the items scored here.

    A chunk already done (an earlier execution committed it) is skipped. The last chunk finishes the run and,
    when activation was asked for, activates it.

    Args:
        run_id, chunk_id: the chunk to score.
        lease: builds the execution's lease from ``RESCORE_LEASE_S``; it is renewed between forward passes.
    """
    run = db.session.get(RescoreRun, run_id)
    chunk = db.session.get(RescoreChunk, chunk_id)
    if run is None or chunk is None or chunk.run_id != run_id:
        log.warning("rescore run %s chunk %s no longer exists; nothing to do", run_id, chunk_id)
        return 0
    scored = 0
    if not chunk.done:
        renew = lease(int(setting("RESCORE_LEASE_S"))).renew if lease else None
        if renew:
            renew()
        classifier = classifier_for_run(run)
        item_ids, texts = read_chunk(run, chunk)
        # End the read transaction: the model pass may take minutes and must not hold a snapshot open.
        db.session.rollback()
        started = time.monotonic()
        predictions = score_texts(classifier, texts, default_batch_size(classifier), on_batch=renew)
        if apply_chunk(chunk_id, item_ids, predictions):
            scored = len(item_ids)
            log.info(
                "run %d chunk %d: %d item(s) in %.1fs with %s",
                run_id,
                chunk_id,
                scored,
                time.monotonic() - started,
                classifier.model_version,
            )
    if finish_run_if_complete(run_id):
        run = db.session.get(RescoreRun, run_id)
        if run is not None and run.activate_requested and run.activated_at is None:
            activate_run(run_id)
    return scored


def classifier_for_run(run: RescoreRun) -> Classifier:
    """The run's model, loaded once per worker process and kept in a small cache keyed by model folder.

    A worker started on the run's model (``MODERATION_MODEL_DIR``) uses the classifier it already holds. Any
    other worker on the rescore queue loads the run's folder on its first chunk; later chunks reuse it.

    Raises:
        RuntimeError: the folder now holds other weights than the version the run was registered with.
    """
    return cached_classifier(run.model_dir, run.model_version, f"run {run.id} rescores with")


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
    stmt = (
        conflict_insert(Score).on_conflict_do_nothing(index_elements=["item_id", "model_version"]).returning(Score.id)
    )
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


def default_batch_size(classifier: Classifier) -> int:
    configured = setting("RESCORE_BATCH_SIZE")
    if configured:
        return int(configured)
    return 512 if on_cuda(classifier) else 64


def use_overlap(classifier: Classifier) -> bool:
    """Tokenise ahead while the model runs: on CUDA by default, when the classifier can (``RESCORE_OVERLAP``)."""
    mode = str(setting("RESCORE_OVERLAP")).lower()
    if mode == "never" or not getattr(classifier, "can_overlap", False):
        return False
    return mode == "always" or on_cuda(classifier)


def score_texts(
    classifier: Classifier,
    texts: list[str],
    batch_size: int,
    on_batch: Callable[[int], None] | None = None,
    overlap: bool | None = None,
) -> list[Prediction]:
    """Predictions for ``texts`` in order, ``on_batch(n)`` after each forward pass (the job renews its lease).

    Every pass goes through ``cpu_priority.predict``: on a CPU, on the idle-priority thread where the app asks for
    one; on CUDA, here."""
    if overlap if overlap is not None else use_overlap(classifier):
        return cpu_priority.predict(classifier, texts, batch_size=batch_size, overlap=True, on_batch=on_batch)
    predictions: list[Prediction] = []
    # Several forward passes per call so the classifier can sort by length inside it; the lease renews between.
    step = batch_size * 8
    for start in range(0, len(texts), step):
        part = cpu_priority.predict(classifier, texts[start : start + step], batch_size=batch_size)
        predictions.extend(part)
        if on_batch:
            on_batch(len(part))
    return predictions
