"""Throughput and peak memory of ``predict`` against a naive ``transformers.pipeline``, same model and texts.

    python bench/classifier.py [--model DIR] [--texts N] [--threads 2] [--rounds 3] [--data data/eval] [--no-naive]

Each side runs in its own child process (so that each one's peak RSS is its own), the two sides alternating
for ``--rounds`` rounds (best round of each compared; every round printed), with the same torch thread count:

- naive: ``pipeline("text-classification", model=..., tokenizer=...)`` with its documented defaults (fp32 on
  CPU), called one text at a time (``truncation=True`` so that long reviews do not crash it);
- ours: ``load_classifier(...).predict(texts, batch_size=32)`` — length-bucketed batches, and bf16 where the
  CPU computes it natively (AMX / AVX512-BF16), else fp32.

Both sides get the same input strings, with the model's prefix (``"query: "`` for e5) already added for the
pipeline. Agreement is reported on the raw two-class softmax (our calibration switched off for the
comparison): the share of identical labels and the largest difference in negative probability, for the texts
both sides see whole (dtype effects only), for all texts (adds our 256-token head+tail truncation against the
pipeline's 512-token head truncation), and for our own bf16 against fp32.

Where the model folder names a linear second opinion (the bundled default does), ``predict`` is timed both ways in
the same process, e5 alone and then with the second opinion, and the merge alone (``SecondOpinion.combine`` on the
same texts) too: ``per_text_ms`` shows the three side by side. The agreement figures are e5's alone (the pipeline
knows nothing of the second opinion). ``--no-naive`` skips the pipeline side (its one-text-at-a-time loop is the
slow part on a loaded machine).
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CSVS = [
    "test-allocine_fr.csv",
    "test-babelio_fr.csv",
    "test-amazon_fr.csv",
    "test-movies_en_long.csv",
    "test-movies_en_sentences.csv",
    "test-tweets_en.csv",
    "test-clothing_en.csv",
    "test-hotel_en.csv",
    "test-finefood_en.csv",
]


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ours(model_dir: str | None, texts: list[str], threads: int, batch_size: int, queue) -> None:
    import torch

    torch.set_num_threads(threads)
    from moderation.classifier.loading import load_transformer_classifier

    classifier = load_transformer_classifier(model_dir, device="cpu")
    second = classifier.second_opinion
    classifier.predict(texts[:8])  # warm-up, as the pipeline gets one below
    classifier.second_opinion = None
    started = time.perf_counter()
    alone = classifier.predict(texts, batch_size=batch_size)
    seconds_alone = time.perf_counter() - started
    predictions, seconds_with, seconds_merge = alone, None, None
    if second is not None:
        classifier.second_opinion = second
        started = time.perf_counter()
        predictions = classifier.predict(texts, batch_size=batch_size)
        seconds_with = time.perf_counter() - started
        started = time.perf_counter()
        second.combine(texts, [p.negative_probability for p in alone])
        seconds_merge = time.perf_counter() - started
        classifier.second_opinion = None
    seconds = seconds_with if seconds_with is not None else seconds_alone
    classifier.settings.calibration = None  # raw softmax, comparable with the pipeline's scores
    raw = [p.negative_probability for p in classifier.predict(texts, batch_size=batch_size)]
    untruncated = [len(ids) < classifier.max_length for ids in classifier.preprocess(texts)]
    dtype, version = str(classifier.dtype), classifier.model_version
    del classifier
    fp32 = load_transformer_classifier(model_dir, device="cpu", dtype="float32", second_opinion=False)
    fp32.settings.calibration = None
    raw_fp32 = [p.negative_probability for p in fp32.predict(texts, batch_size=batch_size)]
    queue.put(
        {
            "seconds": seconds,
            "seconds_e5_alone": seconds_alone,
            "seconds_with_second_opinion": seconds_with,
            "seconds_merge_only": seconds_merge,
            "peak_rss_mib": _peak_rss_mib(),
            "dtype": dtype,
            "raw_negative": raw,
            "raw_negative_fp32": raw_fp32,
            "untruncated": untruncated,
            "labels": [p.label for p in predictions],
            "model_version": version,
        }
    )


def _naive(folder: str, texts: list[str], threads: int, queue) -> None:
    import torch

    torch.set_num_threads(threads)
    from transformers import pipeline

    classify = pipeline("text-classification", model=folder, tokenizer=folder, device="cpu")
    classify(texts[0], truncation=True)  # warm-up
    started = time.perf_counter()
    outputs = [classify(text, truncation=True, top_k=None) for text in texts]
    seconds = time.perf_counter() - started
    negative = [next(s["score"] for s in out if s["label"] == "negative") for out in outputs]
    queue.put({"seconds": seconds, "peak_rss_mib": _peak_rss_mib(), "raw_negative": negative})


def _run(target, *args) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def _export_full_model(model_dir: str | None, out: Path) -> tuple[str, str]:
    """Write the assembled model as a plain HF folder for the pipeline; return it and the text prefix."""
    import torch

    from moderation.classifier.loading import load_transformer_classifier

    classifier = load_transformer_classifier(model_dir, device="cpu", dtype="float32", second_opinion=False)
    classifier.model.to(torch.float32).save_pretrained(out)
    classifier.tokenizer.save_pretrained(out)
    return str(out), classifier.settings.prefix


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=None, help="model folder (default: the bundled model)")
    parser.add_argument("--texts", type=int, default=400)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--data", default="data/eval", help="held-out CSVs (model prepare-data)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds per side (best one counts)")
    parser.add_argument("--no-naive", action="store_true", help="time predict only (no transformers.pipeline side)")
    args = parser.parse_args()

    pool: list[str] = []
    for name in DEFAULT_CSVS:
        path = Path(args.data) / name
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                pool += [row["text"] for row in csv.DictReader(handle) if row["text"].strip()]
    if not pool:
        sys.exit(f"no texts under {args.data}: run `moderation model prepare-data --out {args.data}` first")
    texts = random.Random(args.seed).sample(pool, min(args.texts, len(pool)))
    characters = sum(map(len, texts))

    # Other jobs on a shared machine come and go: alternate the two sides for several rounds and compare each
    # side's best round (all rounds are printed too).
    naive_rounds, ours_rounds = [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder, prefix = ("", "") if args.no_naive else _export_full_model(args.model, Path(tmp) / "full")
        for _ in range(args.rounds):
            if not args.no_naive:
                naive_rounds.append(_run(_naive, folder, [prefix + t for t in texts], args.threads))
            ours_rounds.append(_run(_ours, args.model, texts, args.threads, args.batch_size))
    naive = min(naive_rounds, key=lambda r: r["seconds"]) if naive_rounds else None
    ours = min(ours_rounds, key=lambda r: r["seconds"])

    def best_ms(key: str) -> float | None:
        values = [r[key] for r in ours_rounds if r[key] is not None]
        return round(1000 * min(values) / len(texts), 2) if values else None

    def agreement(a: list[float], b: list[float]) -> dict[str, float]:
        same = sum((x >= 0.5) == (y >= 0.5) for x, y in zip(a, b, strict=True))
        return {
            "texts": len(a),
            "label_agreement": round(same / len(a), 4) if a else 1.0,
            "max_abs_diff": round(max((abs(x - y) for x, y in zip(a, b, strict=True)), default=0.0), 4),
        }

    short = [i for i, whole in enumerate(ours["untruncated"]) if whole]
    result = {
        "machine": f"{_cpu_name()}, {os.cpu_count()} cores visible, {args.threads} torch threads",
        "model_version": ours["model_version"],
        "texts": len(texts),
        "mean_chars": round(characters / len(texts)),
        "predict": {
            "texts_per_s": round(len(texts) / ours["seconds"], 1),
            "peak_rss_mib": round(ours["peak_rss_mib"]),
            "dtype": ours["dtype"],
            "batch_size": args.batch_size,
        },
        # Best round of each, same process, same texts: e5 alone, e5 + second opinion, and the merge by itself.
        "per_text_ms": {
            "e5_alone": best_ms("seconds_e5_alone"),
            "with_second_opinion": best_ms("seconds_with_second_opinion"),
            "second_opinion_merge_only": best_ms("seconds_merge_only"),
        },
        "rounds_texts_per_s": {
            "predict": [round(len(texts) / r["seconds"], 1) for r in ours_rounds],
            "predict_e5_alone": [round(len(texts) / r["seconds_e5_alone"], 1) for r in ours_rounds],
        },
        "bf16_vs_fp32_predict": agreement(ours["raw_negative"], ours["raw_negative_fp32"]),
    }
    if naive is not None:
        result["naive_pipeline"] = {
            "texts_per_s": round(len(texts) / naive["seconds"], 1),
            "peak_rss_mib": round(naive["peak_rss_mib"]),
        }
        result["speedup"] = round(naive["seconds"] / ours["seconds"], 2)
        result["rounds_texts_per_s"]["naive_pipeline"] = [round(len(texts) / r["seconds"], 1) for r in naive_rounds]
        # Same tokens on both sides (texts our 256-token limit leaves whole): only the dtype differs.
        result["vs_pipeline_untruncated_texts"] = agreement(
            [ours["raw_negative"][i] for i in short], [naive["raw_negative"][i] for i in short]
        )
        # All texts: adds our 256-token head+tail truncation against the pipeline's 512-token head truncation.
        result["vs_pipeline_all_texts"] = agreement(ours["raw_negative"], naive["raw_negative"])
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
