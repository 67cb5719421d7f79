"""A backlog is scored in full batches, one transaction each, with the forward pass fed as the model wants it."""

from __future__ import annotations

import threading

from rq import get_current_job
from sqlalchemy import event, func, select, update

from moderation import jobs
from moderation.broker import enqueue
from moderation.classifier import Prediction
from moderation.classifier.batching import StagedClassifier
from moderation.extensions import db
from moderation.models import Item, Score
from moderation.services import scoring
from moderation.worker import build_worker, default_classifier_factory
from tests.stubs import KeywordClassifier
from tests.test_workers_postgres import seed_items


class RecordingStaged(StagedClassifier):
    """The real batching (``StagedClassifier.predict``) over trivial stages, recording what each call was asked."""

    def __init__(self) -> None:
        self.model_version = "staged-record-1"
        self.calls: list[tuple[int, int, bool]] = []
        self.forward_sizes: list[int] = []
        self.tokenise_threads: set[str] = set()

    def predict(self, texts, batch_size=32, *, overlap=False, on_batch=None):
        self.calls.append((len(texts), batch_size, overlap))
        return super().predict(texts, batch_size, overlap=overlap, on_batch=on_batch)

    def preprocess(self, texts):
        self.tokenise_threads.add(threading.current_thread().name)
        return [[len(t)] for t in texts]

    def _collate(self, batch):
        return [ids[0] for ids in batch]

    def _forward(self, inputs):
        self.forward_sizes.append(len(inputs))
        return inputs

    def postprocess(self, outputs):
        return [
            Prediction("negative" if n % 2 else "positive", 0.9 if n % 2 else 0.1, self.model_version) for n in outputs
        ]


def test_a_backlog_is_claimed_in_full_batches_and_committed_once_per_batch(make_app, world, require_postgres):
    app = make_app(SCORE_BATCH_SIZE=50, SCORE_FORWARD_BATCH_SIZE=16, SCORE_OVERLAP="always")
    seed_items(app, 230)
    classifier = RecordingStaged()
    worker = build_worker(app, lambda _app: classifier)
    with app.app_context():
        enqueue(app.config["SCORE_QUEUE"], "moderation.jobs.score_pending_items", job_id="backlog-1")
    commits: list[int] = []
    listener = lambda conn: commits.append(1)  # noqa: E731
    with app.app_context():
        engine = db.engine
    event.listen(engine, "commit", listener)
    try:
        worker.work(burst=True)
    finally:
        event.remove(engine, "commit", listener)

    # Full claims while the backlog lasts, the last one what is left; each claim one predict call, forward
    # passes of the configured size, tokenised in the background thread (SCORE_OVERLAP=always).
    assert [c[0] for c in classifier.calls] == [50, 50, 50, 50, 30]
    assert {(c[1], c[2]) for c in classifier.calls} == {(16, True)}
    assert max(classifier.forward_sizes) == 16 and sum(classifier.forward_sizes) == 230
    assert classifier.tokenise_threads == {"classifier-tokenise"}
    # One commit per batch: five batches, five commits (the final empty claim rolls back).
    assert len(commits) == 5
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Score)).scalar_one() == 230
        assert db.session.execute(select(func.count()).where(Item.scored_at.is_(None))).scalar_one() == 0


def test_the_forward_batch_and_overlap_follow_the_device_unless_configured(make_app):
    class OnCuda(RecordingStaged):
        device = "cuda:0"

    app = make_app()
    with app.app_context():
        assert scoring.default_forward_batch_size(RecordingStaged()) == 32
        assert scoring.default_forward_batch_size(OnCuda()) == 256
        assert not scoring.use_overlap(RecordingStaged())
        assert scoring.use_overlap(OnCuda())
    app = make_app(SCORE_FORWARD_BATCH_SIZE=8, SCORE_OVERLAP="never")
    with app.app_context():
        assert scoring.default_forward_batch_size(OnCuda()) == 8
        assert not scoring.use_overlap(OnCuda())


def record_dtype_factory(app):
    """A ``--classifier`` factory that remembers which dtype the worker was asked for."""
    app.extensions["test.dtype_seen"] = app.config["INFERENCE_DTYPE"]
    return KeywordClassifier()


def test_worker_dtype_option_is_parsed_and_reaches_the_model_loader(app, runner, monkeypatch):
    bad = runner.invoke(args=["worker", "--burst", "--dtype", "int4"])
    assert bad.exit_code == 2 and "--dtype" in bad.output and "int4" in bad.output

    done = runner.invoke(
        args=["worker", "--burst", "--dtype", "int8", "--classifier", "tests.test_worker_batching:record_dtype_factory"]
    )
    assert done.exit_code == 0, done.output
    assert app.extensions["test.dtype_seen"] == "int8"

    # Without --classifier the worker loads the configured model with that dtype.
    asked = {}
    monkeypatch.setattr("moderation.worker.load_classifier", lambda **kwargs: asked.update(kwargs) or "model")
    assert default_classifier_factory(app) == "model" and asked["dtype"] == "int8"
    app.config["INFERENCE_DTYPE"] = None
    default_classifier_factory(app)
    assert asked["dtype"] == "auto"


def test_the_dtype_setting_comes_from_the_environment(make_app, monkeypatch):
    monkeypatch.setenv("MODERATION_INFERENCE_DTYPE", "float32")
    assert make_app().config["INFERENCE_DTYPE"] == "float32"


def item_adder():
    """A function that adds one unscored published review of the shop with the given body and returns its id."""
    from moderation.models import Author, Site, Subject

    site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
    subject, author = Subject(site_id=site.id, external_id="sku-claim"), Author(site_id=site.id, name="A")
    db.session.add_all([subject, author])
    db.session.flush()

    def add(body: str) -> int:
        item = Item(site_id=site.id, subject_id=subject.id, author_id=author.id, kind="review", rating=4,
                    body=body, status="published", hold_reasons=[])  # fmt: skip
        db.session.add(item)
        db.session.flush()
        return item.id

    return add


def test_a_claim_takes_the_shortest_texts_of_the_oldest_window_and_no_item_waits_long(app, world):
    """Claims group texts of like length (little padding in a forward pass), within CLAIM_WINDOW claims' worth of
    ids from the oldest unscored item: an old long review is claimed within that many claims, however many short
    texts arrive after it."""
    with app.app_context():
        add = item_adder()
        oldest_long = add("Très long avis. " * 40)
        lengths = [7, 3, 9, 1, 5, 8, 2, 6, 4]
        for n in lengths:
            add("mot " * n)
        for _ in range(20):  # newer short texts keep arriving after the long one
            add("ok")
        db.session.commit()

        first = scoring.claim_unscored(2)
        assert [len(item.body) for item in first] == sorted(len(item.body) for item in first)
        # The window is 2 * CLAIM_WINDOW ids from the oldest: the long one and the next seven; the two shortest.
        assert [item.body for item in first] == ["mot " * 1, "mot " * 2]
        db.session.rollback()

        claimed: list[int] = []
        for _ in range(scoring.CLAIM_WINDOW):
            batch = scoring.claim_unscored(2)
            for item in batch:
                item.scored_at = item.created_at
            claimed += [item.id for item in batch]
            db.session.commit()
        assert oldest_long in claimed


def test_a_window_with_fewer_unscored_items_than_a_claim_is_topped_up_from_beyond_it(app, world):
    """A short claim ends the job (the backlog looks done): a window thinned by deleted items must not stop it."""
    with app.app_context():
        add = item_adder()
        ids = [add(f"avis {n}") for n in range(12)]
        # The window of a claim of 2 is the 8 ids from the oldest unscored; all but the oldest were removed.
        db.session.execute(update(Item).where(Item.id.in_(ids[1:8])).values(status="removed"))
        db.session.commit()

        claimed = [item.id for item in scoring.claim_unscored(2)]
        assert claimed == [ids[0], ids[8]]


def test_a_worker_whose_window_another_worker_holds_claims_beyond_it(app, world, require_postgres):
    """Two burst workers on a backlog of 1,000 stopped after 60 items: the window's oldest item stays unscored
    while another worker holds it, so the window did not move, and SKIP LOCKED left nothing in it."""
    with app.app_context():
        add = item_adder()
        ids = [add(f"avis {n}") for n in range(12)]
        db.session.execute(update(Item).where(Item.id.in_(ids[2:8])).values(scored_at=func.now()))
        db.session.commit()
        first = [item.id for item in scoring.claim_unscored(2)]  # holds the window's two unscored items
        assert first == ids[:2]
        with app.app_context():  # another worker: its own session and transaction
            second = [item.id for item in scoring.claim_unscored(2)]
            db.session.rollback()
        db.session.rollback()
    assert second == ids[8:10]


def test_a_job_that_ran_the_model_gives_the_freed_memory_back_even_when_it_fails(make_app, world, monkeypatch):
    """glibc keeps the pages of freed activations; an idle worker should not (jobs.release_freed_memory)."""
    released: list[str] = []

    def record() -> None:
        job = get_current_job()
        released.append(job.func_name.rpartition(".")[2] if job else "called directly")

    monkeypatch.setattr(jobs, "release_freed_memory", record)
    app = make_app()
    seed_items(app, 5)
    worker = build_worker(app, lambda _app: KeywordClassifier())
    with app.app_context():
        enqueue(app.config["SCORE_QUEUE"], "moderation.jobs.score_pending_items", job_id="trim-1")
    worker.work(burst=True)
    with app.app_context():
        assert db.session.execute(select(func.count()).where(Item.scored_at.is_(None))).scalar_one() == 0
    # The scoring job, then the product insights job it queued for the subject's new low ratings: both ran the model.
    assert released[0] == "score_pending_items" and set(released) <= {"score_pending_items", "compute_subject_insights"}
    released.clear()

    def broken(*args, **kwargs):
        raise RuntimeError("model failed")

    monkeypatch.setattr(scoring, "score_pending_items", broken)
    with app.app_context():
        try:
            jobs.score_pending_items()
        except RuntimeError:
            pass
    assert released == ["called directly"]
    monkeypatch.undo()
    jobs.release_freed_memory()  # the real one: a no-op where the C library is not glibc, never an error


def test_with_idle_cpu_priority_the_forward_pass_runs_under_sched_idle_and_the_writes_on_the_jobs_thread(
    make_app, world
):
    """``INFERENCE_CPU_PRIORITY=idle`` (what ``serve`` gives its worker): predict on the idle thread, while the claim,
    the scores and the commit stay on the job's thread, at the process's priority (a writer holding SQLite's lock
    must not wait behind every other task for a core)."""
    import os

    class Recording(KeywordClassifier):
        def predict(self, texts, batch_size=32):
            self.policies = getattr(self, "policies", []) + [os.sched_getscheduler(0)]
            return super().predict(texts, batch_size)

    app = make_app(INFERENCE_CPU_PRIORITY="idle")
    with app.app_context():
        add = item_adder()
        ids = [add(f"avis {n}, terrible") for n in range(5)]
        db.session.commit()
    classifier = Recording()
    committed_under: list[int] = []
    with app.app_context():
        engine = db.engine
    listener = lambda conn: committed_under.append(os.sched_getscheduler(0))  # noqa: E731
    event.listen(engine, "commit", listener)
    try:
        with app.app_context():
            assert sorted(scoring.score_batch(classifier, 50)) == ids
    finally:
        event.remove(engine, "commit", listener)
    assert classifier.policies == [os.SCHED_IDLE]
    assert committed_under and os.SCHED_IDLE not in committed_under
    with app.app_context():
        assert db.session.execute(select(func.count()).select_from(Score)).scalar_one() == 5


def test_a_batch_opens_its_cases_in_one_flush_and_marks_its_items_scored_in_one_update(app, world):
    """The worker holds the database's write lock (SQLite's only one) from its first write to its commit: a flush
    per new case and an UPDATE per item made that 90 ms of CPU for 256 items, 26 ms in one flush and one UPDATE."""
    from moderation.models import AuditEvent, Case

    with app.app_context():
        add = item_adder()
        ids = [add(f"avis {n}: terrible, horrible, nul") for n in range(12)] + [add("super produit")]
        db.session.commit()
        statements: list[tuple[str, bool]] = []
        flushes: list[int] = []

        def listener(conn, cursor, statement, params, context, many) -> None:
            statements.append((" ".join(statement.split()[:3]).upper(), many))

        def counter(session, context, instances) -> None:
            flushes.append(len(session.new) + len(session.dirty))

        event.listen(db.engine, "before_cursor_execute", listener)
        event.listen(db.session(), "before_flush", counter)
        try:
            assert sorted(scoring.score_batch(KeywordClassifier(), 50)) == ids
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
            event.remove(db.session(), "before_flush", counter)
        cases = db.session.execute(select(Case).where(Case.item_id.in_(ids))).scalars().all()
        assert sorted(c.item_id for c in cases) == ids[:12]
        opened = db.session.execute(select(AuditEvent.target_id).where(AuditEvent.action == "case.opened")).scalars()
        assert sorted(opened) == sorted(c.id for c in cases)
        assert db.session.execute(select(func.count()).where(Item.scored_at.is_(None))).scalar_one() == 0
    # The twelve cases in one flush (then their audit events, and the commit's); one UPDATE of the thirteen items.
    assert len(flushes) <= 3, flushes
    assert [many for text, many in statements if text.startswith("UPDATE ITEMS")] == [False], statements
