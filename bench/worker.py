"""Live scoring against batch prediction, and int8 against today's CPU path, side by side on the same cores.

    python bench/worker.py [--texts 300] [--rounds 2] [--threads 2] [--dtype auto] [--database-url URL]
    python bench/worker.py --part worker      # only A: worker vs predict
    python bench/worker.py --part int8        # only B: int8 vs today's predict

A. **worker vs predict**: one classifier loaded once, in this process. Each round, interleaved: ``predict`` on the
   sample (forward batches of 32, as ``bench/classifier.py``), then the same texts inserted as unscored items and
   scored by a real rq ``ModerationWorker`` (burst mode) running ``moderation.jobs.score_pending_items`` — claim,
   score, policy, commit. Items/s of each and the ratio; the database's commits are counted (one per batch).
B. **int8 vs today**: today's CPU path (``dtype="auto"`` before int8: bf16 where the CPU computes it natively,
   else fp32), fp32 and dynamic int8 (``dtype="int8"``), all loaded in this process; ``predict`` rounds alternate
   today/int8, and the labels and probabilities of int8 and of today are compared with fp32's.

Texts: the held-out files under ``--data`` (``moderation model prepare-data``) when present, else the held-out
splits of the five sources in ``../shared/data`` carved with the same seeds ``prepare-data`` uses. SQLite in a
temporary folder and an embedded Redis by default (``--database-url`` for a throwaway PostgreSQL database).
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from classifier import DEFAULT_CSVS  # noqa: E402  (bench/classifier.py: the held-out file names)
from rescore import database  # noqa: E402  (bench/rescore.py: SQLite file or throwaway PostgreSQL database)


def sample_texts(n: int, data: Path, shared: Path, seed: int = 0) -> tuple[list[str], str]:
    """``n`` held-out review texts (fixed for a seed) and where they came from."""
    pool: list[str] = []
    for name in DEFAULT_CSVS:
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                pool += [row["text"] for row in csv.DictReader(handle) if row["text"].strip()]
    source = str(data)
    if not pool:
        from moderation.classifier.corpora import read_allocine, read_babelio, split
        from moderation.classifier.review_corpora import split_review_source

        # corpora.prepare's seeds: 13 + the source's index for Allociné (index 0), 13 + 99 for Babelio.
        pool += [t for t, _ in split(read_allocine(shared / "allocine_fr_train.csv"), 13)[2]]
        pool += [t for t, _ in split(read_babelio(shared / "babelio_fr_reviews.csv"), 13 + 99)[2]]
        for name in ("clothing_en", "hotel_en", "finefood_en"):
            pool += [t for t, _ in split_review_source(name, shared)[2]]
        source = f"held-out splits of {shared} (allocine, babelio, clothing, hotel, finefood)"
    return random.Random(seed).sample(pool, min(n, len(pool))), source


def seed_items(texts: list[str], round_no: int) -> None:
    from sqlalchemy import insert, select

    from moderation.extensions import db
    from moderation.models import Author, Item, Site, Subject, utcnow
    from moderation.services.accounts import create_site

    site = db.session.execute(select(Site).where(Site.slug == "bench")).scalar_one_or_none()
    if site is None:
        site = create_site("bench", "Bench shop", origins=["http://bench.test"])
    subject = Subject(site_id=site.id, external_id=f"sku-round-{round_no}")
    author = Author(site_id=site.id, name="Bench")
    db.session.add_all([subject, author])
    db.session.flush()
    rng = random.Random(round_no)
    now = utcnow()
    rows = [
        {"site_id": site.id, "subject_id": subject.id, "author_id": author.id, "kind": "review",
         "rating": rng.randint(1, 5), "title": None, "body": text, "status": "published", "hold_reasons": [],
         "helpful_count": 0, "created_at": now}
        for text in texts
    ]  # fmt: skip
    db.session.execute(insert(Item), rows)
    db.session.commit()


def part_worker(args, texts: list[str]) -> None:
    import torch
    from flask_migrate import upgrade
    from sqlalchemy import event, func, select

    from moderation import create_app
    from moderation.broker import enqueue
    from moderation.classifier.transformer import load_transformer_classifier
    from moderation.embedded import start_redis, stop
    from moderation.extensions import db
    from moderation.models import Item
    from moderation.services import scoring
    from moderation.worker import build_worker

    torch.set_num_threads(args.threads)
    classifier = load_transformer_classifier(args.model, device="cpu", dtype=args.dtype)
    classifier.predict(texts[:16])  # warm-up
    folder = tempfile.mkdtemp(prefix="worker-bench-")
    redis_proc, redis_url = None, args.redis_url
    if not redis_url:
        socket_path = os.path.join(folder, "redis.sock")
        redis_proc = start_redis(socket_path=socket_path, directory=folder)
        redis_url = "unix://" + socket_path
    rows = []
    try:
        with database(args.database_url, folder) as database_url:
            config = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "DATA_DIR": folder, "TESTING": True}
            if args.batch_size:
                config["SCORE_BATCH_SIZE"] = args.batch_size
            app = create_app(config)
            with app.app_context():
                upgrade()
                dialect = db.engine.dialect.name
                commits = {"n": 0}
                event.listen(db.engine, "commit", lambda conn: commits.__setitem__("n", commits["n"] + 1))
                worker = build_worker(app, lambda _app: classifier)
                claim = app.config["SCORE_BATCH_SIZE"]
                forward = scoring.default_forward_batch_size(classifier)
                overlap = scoring.use_overlap(classifier)
            for round_no in range(args.rounds):
                started = time.perf_counter()
                classifier.predict(texts, batch_size=32)
                predict_s = time.perf_counter() - started
                with app.app_context():
                    seed_items(texts, round_no)
                    enqueue(app.config["SCORE_QUEUE"], "moderation.jobs.score_pending_items", job_id=f"b-{round_no}")
                    db.session.remove()
                commits["n"] = 0
                started = time.perf_counter()
                worker.work(burst=True, logging_level="WARNING")
                worker_s = time.perf_counter() - started
                with app.app_context():
                    left = db.session.execute(select(func.count()).where(Item.scored_at.is_(None))).scalar_one()
                    db.session.remove()
                if left:
                    sys.exit(f"FAILED: {left} item(s) left unscored")
                rows.append((len(texts) / predict_s, len(texts) / worker_s, commits["n"]))
                print(f"  round {round_no + 1}: predict {rows[-1][0]:.1f} items/s, worker {rows[-1][1]:.1f} items/s, "
                      f"ratio {rows[-1][1] / rows[-1][0]:.2f}, commits {commits['n']}", flush=True)  # fmt: skip
            with app.app_context():
                db.session.remove()
                db.engine.dispose()
    finally:
        if redis_proc is not None:
            stop(redis_proc)
    ratios = [w / p for p, w, _ in rows]
    predict_rate = statistics.median(r[0] for r in rows)
    worker_rate = statistics.median(r[1] for r in rows)
    print(f"A. worker vs predict: {len(texts)} texts, model {classifier.model_version} on cpu in "
          f"{classifier.precision}, {args.threads} torch threads; database {dialect}; worker claims {claim} per "
          f"transaction, forward batch {forward}, overlap {'on' if overlap else 'off'}")  # fmt: skip
    print(f"   predict {predict_rate:.1f} items/s, worker {worker_rate:.1f} items/s (medians of {len(rows)} rounds); "
          f"ratio worker/predict per round {[round(r, 2) for r in ratios]}, median {statistics.median(ratios):.2f}; "
          f"commits per round {[r[2] for r in rows]} for {-(-len(texts) // claim)} batch(es)")  # fmt: skip


def agreement(reference, other) -> tuple[float, float, float]:
    same = sum(a.label == b.label for a, b in zip(reference, other, strict=True)) / len(reference)
    deltas = [abs(a.negative_probability - b.negative_probability) for a, b in zip(reference, other, strict=True)]
    return same, sum(deltas) / len(deltas), max(deltas)


def part_int8(args, texts: list[str]) -> None:
    import torch

    from moderation.classifier.transformer import choose_device, load_transformer_classifier

    torch.set_num_threads(args.threads)
    today_dtype = str(choose_device("cpu").dtype).removeprefix("torch.")  # "auto" on a CPU before int8
    today = load_transformer_classifier(args.model, device="cpu", dtype=today_dtype)
    int8 = load_transformer_classifier(args.model, device="cpu", dtype="int8")
    fp32 = load_transformer_classifier(args.model, device="cpu", dtype="float32")
    reference = fp32.predict(texts, batch_size=32)
    del fp32
    for c in (today, int8):
        c.predict(texts[:16])  # warm-up
    rates: dict[str, list[float]] = {"today": [], "int8": []}
    outputs = {}
    for round_no in range(args.rounds):
        for name, classifier in (("today", today), ("int8", int8)):
            started = time.perf_counter()
            outputs[name] = classifier.predict(texts, batch_size=32)
            rates[name].append(len(texts) / (time.perf_counter() - started))
        today_rate, int8_rate = rates["today"][-1], rates["int8"][-1]
        print(f"  round {round_no + 1}: today ({today_dtype}) {today_rate:.1f} items/s, int8 {int8_rate:.1f} items/s, "
              f"ratio {int8_rate / today_rate:.2f}", flush=True)  # fmt: skip
    ratios = [b / a for a, b in zip(rates["today"], rates["int8"], strict=True)]
    same, mean, worst = agreement(reference, outputs["int8"])
    same_today, mean_today, worst_today = agreement(reference, outputs["today"])
    same_vs_today, mean_vs_today, _ = agreement(outputs["today"], outputs["int8"])
    print(f"B. int8 vs today's predict ({today_dtype}): {len(texts)} texts, {args.threads} torch threads, model "
          f"{int8.model_version}")  # fmt: skip
    print(f"   items/s ratio int8/today per round {[round(r, 2) for r in ratios]}, median "
          f"{statistics.median(ratios):.2f}")  # fmt: skip
    print(f"   int8 vs fp32: labels unchanged {same:.2%}, mean |dp| {mean:.4f}, max |dp| {worst:.4f}")
    print(f"   {today_dtype} vs fp32: labels unchanged {same_today:.2%}, mean |dp| {mean_today:.4f}, "
          f"max {worst_today:.4f}")  # fmt: skip
    print(f"   int8 vs {today_dtype}: labels unchanged {same_vs_today:.2%}, mean |dp| {mean_vs_today:.4f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=["both", "worker", "int8"], default="both")
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dtype", default="auto", help="the worker's dtype in part A (auto, float32, int8, …)")
    parser.add_argument("--model", default=None, help="model folder (default: the bundled one)")
    parser.add_argument("--batch-size", type=int, default=None, help="items per transaction (SCORE_BATCH_SIZE)")
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "eval")
    parser.add_argument("--shared-data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--database-url", default=None, help="PostgreSQL server URL (default: a SQLite file)")
    parser.add_argument("--redis-url", default=None, help="default: an embedded redis-server")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    texts, source = sample_texts(args.texts, args.data, args.shared_data, args.seed)
    load = os.getloadavg()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPU(s), python {platform.python_version()}; load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; texts: {len(texts)} from {source}")  # fmt: skip
    if args.part in ("both", "worker"):
        part_worker(args, texts)
    if args.part in ("both", "int8"):
        part_int8(args, texts)
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
