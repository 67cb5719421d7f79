"""Rescoring throughput, end to end: seed N items, plan a run, and let a real rq worker read, score and write them.

    python bench/rescore.py --items 20000 --stub            # the database stage alone (a stub model, no torch)
    python bench/rescore.py --items 20000                   # the default model (MODERATION_MODEL_DIR or bundled)
    python bench/rescore.py --items 200000 --model DIR --device cuda
    python bench/rescore.py --database-url postgresql://postgres@127.0.0.1/postgres --stub

It runs the production code path: ``services.rescoring.create_run`` to plan the chunks, then an in-process
``ModerationWorker`` (an rq SimpleWorker) working the rescore queue in burst mode, on an embedded redis-server
unless ``--redis-url`` is given. On SQLite (the default) it uses a fresh file in a temporary folder; with a
PostgreSQL URL it creates a throwaway database beside the one named and drops it afterwards. Printed: items/s
end to end (planning + all chunk jobs), and the time spent reading, scoring and writing.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import secrets
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

WORDS = (
    "livraison rapide produit conforme qualité prix taille couleur emballage service client retour remboursement "
    "delivery quick product quality price size colour packaging support return refund broke after two days "
    "super génial parfait déçu nul cassé horrible excellent recommend great awful love hate"
).split()


class StubModel:
    """No model at all: a probability from the text's length. Measures everything but the forward pass."""

    model_version = "bench-stub-1"

    def predict(self, texts, batch_size=32):
        from moderation.classifier import Prediction

        return [Prediction("negative" if len(t) % 3 == 0 else "positive", (len(t) % 100) / 100, self.model_version)
                for t in texts]  # fmt: skip


def load_stub(model_dir: str, device: str = "cpu") -> StubModel:
    return StubModel()


def review_text(rng: random.Random) -> str:
    # Lengths like real reviews: most short, some long.
    n = min(400, int(rng.expovariate(1 / 40)) + 5)
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


@contextmanager
def database(url: str | None, folder: str):
    if not url:
        yield "sqlite:///" + os.path.join(folder, "bench.sqlite3")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"moderation_bench_{os.getpid()}_{secrets.token_hex(3)}"
    admin = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def seed(n: int, seed_value: int) -> None:
    from sqlalchemy import insert

    from moderation.extensions import db
    from moderation.models import Author, Item, Subject, utcnow
    from moderation.services.accounts import create_site

    rng = random.Random(seed_value)
    site = create_site("bench", "Bench shop", origins=["http://bench.test"])
    subjects = [Subject(site_id=site.id, external_id=f"sku-{k}") for k in range(200)]
    author = Author(site_id=site.id, name="Bench")
    db.session.add_all([*subjects, author])
    db.session.flush()
    now = utcnow()
    for start in range(0, n, 10_000):
        db.session.execute(
            insert(Item),
            [
                {
                    "site_id": site.id,
                    "subject_id": subjects[k % len(subjects)].id,
                    "author_id": author.id,
                    "kind": "review",
                    "rating": rng.randint(1, 5),
                    "title": None,
                    "body": review_text(rng),
                    "status": "published",
                    "hold_reasons": [],
                    "helpful_count": 0,
                    "created_at": now,
                    "scored_at": now,
                }
                for k in range(start, min(n, start + 10_000))
            ],  # fmt: skip
        )
    db.session.commit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--stub", action="store_true", help="no model: the database stage alone")
    parser.add_argument("--model", default=None, help="model folder (default: MODERATION_MODEL_DIR or the bundled one)")
    parser.add_argument("--device", default="auto")
    parser.add_argument("--chunk-size", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=None, help="texts per forward pass (64 CPU, 512 CUDA)")
    parser.add_argument("--database-url", default=None, help="PostgreSQL server URL (default: a SQLite file)")
    parser.add_argument("--redis-url", default=None, help="default: an embedded redis-server")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from flask_migrate import upgrade

    from moderation import create_app
    from moderation.embedded import start_redis, stop
    from moderation.extensions import db
    from moderation.services import rescoring
    from moderation.services.rescoring import chunks
    from moderation.worker import build_worker

    folder = tempfile.mkdtemp(prefix="rescore-bench-")
    redis_proc = None
    redis_url = args.redis_url
    if not redis_url:
        socket_path = os.path.join(folder, "redis.sock")
        redis_proc = start_redis(socket_path=socket_path, directory=folder)
        redis_url = "unix://" + socket_path
    try:
        with database(args.database_url, folder) as database_url:
            config = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "DATA_DIR": folder, "TESTING": True,
                      "RESCORE_BATCH_SIZE": args.batch_size, "DEVICE": args.device}  # fmt: skip
            if args.stub:
                config["RESCORE_CLASSIFIER_LOADER"] = "__main__:load_stub"
            app = create_app(config)
            with app.app_context():
                upgrade()
                t0 = time.perf_counter()
                seed(args.items, args.seed)
                seeded_s = time.perf_counter() - t0

                model_dir = args.model or os.environ.get("MODERATION_MODEL_DIR") or default_model_dir(args.stub)
                loading = time.perf_counter()
                classifier = rescoring.load_model(model_dir, device=args.device)
                load_s = time.perf_counter() - loading
                worker = build_worker(app, lambda _app: classifier, queues=[rescoring.setting("RESCORE_QUEUE")])
                stages = instrument(chunks)
                model_stages = instrument_model(classifier)

                started = time.perf_counter()
                model = rescoring.register_model_version(classifier.model_version, model_dir)
                run = rescoring.create_run(model, None, None, args.chunk_size)
                db.session.commit()
                rescoring.enqueue_pending_chunks(run)
                run_id = run.id
                db.session.rollback()
                planned_s = time.perf_counter() - started
            worker.work(burst=True, logging_level="WARNING")
            elapsed = time.perf_counter() - started
            with app.app_context():
                progress = rescoring.run_progress(db.session.get(type(run), run_id))
                dialect = db.engine.dialect.name
                db.session.remove()
                db.engine.dispose()
    finally:
        if redis_proc is not None:
            stop(redis_proc)

    if progress.state != "finished" or progress.scores_written != args.items:
        print(f"FAILED: {progress.as_dict()}", file=sys.stderr)
        return 1
    device = getattr(classifier, "device", "cpu")
    what = "stub model (database stage alone: read + write, no forward pass)" if args.stub else (
        f"model {classifier.model_version} on {device}, batch {rescoring.default_batch_size(classifier)}, "
        f"overlap {'on' if rescoring.use_overlap(classifier) else 'off'}"
    )  # fmt: skip
    print(f"measured: {what}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU(s), python {platform.python_version()}; "
          f"database {dialect}; redis {'embedded' if redis_proc else args.redis_url}")  # fmt: skip
    print(f"items {args.items}, chunks of {args.chunk_size}; seeding {seeded_s:.1f}s (not counted), model load "
          f"{load_s:.1f}s (not counted)")  # fmt: skip
    rate = args.items / elapsed
    print(f"end to end (plan + {progress.total_chunks} chunk jobs): {elapsed:.2f}s = {rate:,.0f} items/s")
    print(f"  plan {planned_s:.2f}s, read {stages['read_chunk']:.2f}s, score {stages['score_texts']:.2f}s, "
          f"write {stages['apply_chunk']:.2f}s, rq and the rest "
          f"{elapsed - planned_s - sum(stages.values()):.2f}s")  # fmt: skip
    if model_stages is not None:
        database_s = planned_s + stages["read_chunk"] + stages["apply_chunk"]
        tokenise_s, forward_s = model_stages["tokenise"], model_stages["forward"]
        # With overlap on, tokenising runs in a background thread during the forward passes: the shares are each
        # stage's busy time over the wall time, and may add up to more than 100%.
        print(f"  share of the {elapsed:.2f}s wall time: tokenising {tokenise_s / elapsed:.0%} ({tokenise_s:.2f}s, "
              f"preprocess + collate{', in a background thread' if rescoring.use_overlap(classifier) else ''}), "
              f"forward pass {forward_s / elapsed:.0%} ({forward_s:.2f}s, model call + postprocess), database "
              f"{database_s / elapsed:.0%} ({database_s:.2f}s, plan + read + write)")  # fmt: skip
    return 0


def default_model_dir(stub: bool) -> str:
    if stub:
        return tempfile.gettempdir()
    try:
        from moderation.classifier.folders import default_model_dir as bundled
    except ImportError:
        sys.exit("the real classifier (moderation.classifier.transformer) is not in this tree: pass --stub or --model")
    return str(bundled())


def instrument_model(classifier) -> dict[str, float] | None:
    """Time a staged classifier's stages: tokenising (``preprocess`` + ``_collate``) and the forward pass
    (``_forward`` + ``postprocess``, whose ``.tolist()`` waits for the GPU). None for a stub."""
    if not all(hasattr(classifier, name) for name in ("preprocess", "_collate", "_forward", "postprocess")):
        return None
    totals = {"tokenise": 0.0, "forward": 0.0}
    stages = {"preprocess": "tokenise", "_collate": "tokenise", "_forward": "forward", "postprocess": "forward"}
    for name, total in stages.items():
        original = getattr(classifier, name)

        def timed(*args, _original=original, _total=total, **kwargs):
            t = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_total] += time.perf_counter() - t

        setattr(classifier, name, timed)
    return totals


def instrument(module) -> dict[str, float]:
    """Wrap the three stages of a chunk job with timers (the worker runs in this process)."""
    totals = {"read_chunk": 0.0, "score_texts": 0.0, "apply_chunk": 0.0}
    for name in totals:
        original = getattr(module, name)

        def timed(*args, _original=original, _name=name, **kwargs):
            t = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                totals[_name] += time.perf_counter() - t

        setattr(module, name, timed)
    return totals


if __name__ == "__main__":
    sys.exit(main())
