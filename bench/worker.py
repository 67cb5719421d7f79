"""Live scoring against batch prediction, and int8 / ONNX Runtime against today's CPU path, side by side.

    python bench/worker.py [--texts 300] [--rounds 2] [--threads 2] [--dtype auto] [--database-url URL]
    python bench/worker.py --part worker      # only A: worker vs predict
    python bench/worker.py --part int8        # only B: torch int8 and ONNX Runtime vs today's predict

A. **worker vs predict**: one classifier loaded once, in this process. Each round, interleaved: ``predict`` on the
   sample (forward batches of 32, as ``bench/classifier.py``), then the same texts inserted as unscored items and
   scored by a real rq ``ModerationWorker`` (burst mode) running ``moderation.jobs.score_pending_items`` — claim,
   score, policy, commit. Items/s of each and the ratio; the database's commits are counted (one per batch).
   ``--reader`` sets the worker's hostility reader (``services.hostility``): ``auto`` (the default, as a worker
   runs) reads the classifier's own vectors with the tap head beside the bundled model; ``separate`` configures
   the head over the e5 base (``SUSPECTED_ABUSE_HEAD``), which reads each published item again with a second
   model, as a worker beside another model version does; ``off`` leaves reading out. ``predict`` is timed without
   the tap, as the classifier alone runs.
B. **CPU paths vs today**: today's CPU path (``dtype="auto"``: bf16 where the CPU computes it natively, else
   fp32), fp32, and the ``--candidates`` (default torch int8, ONNX Runtime fp32 and int8), all loaded in this
   process; ``predict`` rounds alternate between them; items/s and the ratio to today per round, then labels
   unchanged and |Δp| against fp32 on the held-out texts and on tests/data/content_rules.jsonl's texts.

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
    from moderation.classifier.loading import load_transformer_classifier
    from moderation.embedded import start_redis, stop
    from moderation.extensions import db
    from moderation.models import Item
    from moderation.services import hostility, scoring
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
            config["SUSPECTED_ABUSE_READER"] = "on" if args.reader == "separate" else args.reader
            if args.reader == "separate":
                from moderation.classifier.hostility import DEFAULT_HEAD

                config["SUSPECTED_ABUSE_HEAD"] = str(DEFAULT_HEAD)
            if args.batch_size:
                config["SCORE_BATCH_SIZE"] = args.batch_size
            app = create_app(config)
            with app.app_context():
                upgrade()
                dialect = db.engine.dialect.name
                commits = {"n": 0}
                event.listen(db.engine, "commit", lambda conn: commits.__setitem__("n", commits["n"] + 1))
                worker = build_worker(app, lambda _app: classifier)
                # Loaded before the clock starts, as a running worker has it: the tap head, or the separate reader
                # (e5 base + head) where no tap head reads this classifier.
                reader = hostility.prepare(classifier) or hostility.reader_for(app, classifier)
                tap_layers = classifier.tap_layers
                claim = app.config["SCORE_BATCH_SIZE"]
                forward = scoring.default_forward_batch_size(classifier)
                overlap = scoring.use_overlap(classifier)
            for round_no in range(args.rounds):
                classifier.tap_layers = None  # the classifier alone
                started = time.perf_counter()
                classifier.predict(texts, batch_size=32)
                predict_s = time.perf_counter() - started
                classifier.tap_layers = tap_layers
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
          f"transaction, forward batch {forward}, overlap {'on' if overlap else 'off'}; hostility reader "
          f"{reader.version if reader else 'off'}"
          f"{f' over layers {tap_layers} of the classifier' if tap_layers else ''}")  # fmt: skip
    print(f"   predict {predict_rate:.1f} items/s, worker {worker_rate:.1f} items/s (medians of {len(rows)} rounds); "
          f"ratio worker/predict per round {[round(r, 2) for r in ratios]}, median {statistics.median(ratios):.2f}; "
          f"commits per round {[r[2] for r in rows]} for {-(-len(texts) // claim)} batch(es)")  # fmt: skip


def agreement(reference, other) -> tuple[float, float, float]:
    same = sum(a.label == b.label for a, b in zip(reference, other, strict=True)) / len(reference)
    deltas = [abs(a.negative_probability - b.negative_probability) for a, b in zip(reference, other, strict=True)]
    return same, sum(deltas) / len(deltas), max(deltas)


def content_rule_texts() -> list[str]:
    import json

    lines = (ROOT / "tests" / "data" / "content_rules.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def part_int8(args, texts: list[str]) -> None:
    """B: today's predict against fp32, torch int8 and ONNX Runtime (fp32, int8), rounds alternating."""
    import torch

    from moderation.classifier.loading import load_transformer_classifier
    from moderation.classifier.transformer import choose_device

    torch.set_num_threads(args.threads)
    today_dtype = str(choose_device("cpu").dtype).removeprefix("torch.")  # what "auto" picks on this CPU

    def load(dtype: str):
        return load_transformer_classifier(
            args.model, device="cpu", dtype=dtype, cache_dir=args.cache_dir, num_threads=args.threads
        )

    rules = content_rule_texts()
    fp32 = load("float32")
    reference = {"held-out": fp32.predict(texts, batch_size=32), "content rules": fp32.predict(rules, batch_size=32)}
    candidates = {"today": load(today_dtype), "float32": fp32}
    for name in args.candidates.split(","):
        # "onnx-fp32/32": that dtype with that many rows per ONNX Runtime run (``OnnxClassifier.forward_rows``).
        dtype, _, rows = name.partition("/")
        started = time.perf_counter()
        candidates[name] = load(dtype)
        if rows:
            candidates[name].forward_rows = int(rows)
        print(f"  loaded {name} in {time.perf_counter() - started:.1f} s", flush=True)
    for c in candidates.values():
        c.predict(texts[:16])  # warm-up
    # Items per wall second, and per CPU second of this process (all its threads): on a machine others load, the
    # second moves less with their load, so both are printed.
    rates: dict[str, list[float]] = {name: [] for name in candidates}
    per_cpu: dict[str, list[float]] = {name: [] for name in candidates}
    outputs = {}
    for round_no in range(args.rounds):
        for name, classifier in candidates.items():
            started, cpu_started = time.perf_counter(), time.process_time()
            outputs[name] = classifier.predict(texts, batch_size=32)
            rates[name].append(len(texts) / (time.perf_counter() - started))
            per_cpu[name].append(len(texts) / (time.process_time() - cpu_started))
        line = ", ".join(f"{name} {rates[name][-1]:.1f} ({per_cpu[name][-1]:.1f}/cpu-s)" for name in candidates)
        print(f"  round {round_no + 1} items/s: {line}; load {os.getloadavg()[0]:.2f}", flush=True)
    print(f"B. CPU paths vs today's predict ({today_dtype}): {len(texts)} held-out texts per round, {args.rounds} "
          f"rounds alternating, {args.threads} threads, model {fp32.model_version}")  # fmt: skip
    for name in candidates:
        ratios = [b / a for a, b in zip(rates["today"], rates[name], strict=True)]
        cpu_ratios = [b / a for a, b in zip(per_cpu["today"], per_cpu[name], strict=True)]
        rate, cpu_rate = statistics.median(rates[name]), statistics.median(per_cpu[name])
        print(f"   {name:>9} ({candidates[name].precision}): median {rate:.1f} items/s, ratio to today per round "
              f"{[round(r, 2) for r in ratios]}, median {statistics.median(ratios):.2f}; per CPU second median "
              f"{cpu_rate:.1f}, ratio {statistics.median(cpu_ratios):.2f}")  # fmt: skip
    for sample, sample_texts_ in (("held-out", texts), ("content rules", rules)):
        for name, classifier in candidates.items():
            if name == "float32":
                continue
            predicted = outputs[name] if sample == "held-out" else classifier.predict(sample_texts_, batch_size=32)
            same, mean, worst = agreement(reference[sample], predicted)
            print(f"   {sample} ({len(sample_texts_)} texts) {name} vs fp32: labels unchanged {same:.2%}, "
                  f"mean |dp| {mean:.4f}, max |dp| {worst:.4f}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=["both", "worker", "int8"], default="both")
    parser.add_argument(
        "--candidates",
        default="int8,onnx-fp32,onnx-int8",
        help="B: dtypes measured beside today's and fp32 ('onnx-fp32/32': 32 rows per ONNX Runtime run)",
    )
    parser.add_argument("--cache-dir", default=None, help="model cache (rebuilt base, ONNX graphs); default: data dir")
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dtype", default="auto", help="the worker's dtype in part A (auto, float32, int8, …)")
    parser.add_argument("--model", default=None, help="model folder (default: the bundled one)")
    parser.add_argument(
        "--reader", choices=["auto", "on", "off", "separate"], default="auto", help="the worker's hostility reader"
    )
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
