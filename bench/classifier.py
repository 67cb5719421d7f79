"""Throughput and peak memory of ``predict`` against a naive ``transformers.pipeline``, same model and texts.

    python bench/classifier.py [--model DIR] [--texts N] [--threads 2] [--csv FILE ...]

Each side runs in its own child process (so that each one's peak RSS is its own), one after the other, with
the same torch thread count:

- naive: ``pipeline("text-classification", model=..., tokenizer=...)`` with its documented defaults (fp32 on
  CPU), called one text at a time (``truncation=True`` so that long reviews do not crash it);
- ours: ``load_classifier(...).predict(texts, batch_size=32)`` — length-bucketed batches, and bf16 where the
  CPU computes it natively (AMX / AVX512-BF16), else fp32.

Both sides get the same input strings, with the model's prefix (``"query: "`` for e5) already added for the
pipeline. Agreement is reported on the raw two-class softmax (our calibration switched off for the
comparison): the share of identical labels and the largest difference in negative probability.
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
    from moderation.classifier.transformer import load_transformer_classifier

    classifier = load_transformer_classifier(model_dir, device="cpu")
    classifier.predict(texts[:8])  # warm-up, as the pipeline gets one below
    started = time.perf_counter()
    predictions = classifier.predict(texts, batch_size=batch_size)
    seconds = time.perf_counter() - started
    classifier.settings.calibration = None  # raw softmax, comparable with the pipeline's scores
    raw = [p.negative_probability for p in classifier.predict(texts, batch_size=batch_size)]
    queue.put(
        {
            "seconds": seconds,
            "peak_rss_mib": _peak_rss_mib(),
            "dtype": str(classifier.dtype),
            "raw_negative": raw,
            "labels": [p.label for p in predictions],
            "model_version": classifier.model_version,
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

    from moderation.classifier.transformer import load_transformer_classifier

    classifier = load_transformer_classifier(model_dir, device="cpu", dtype="float32")
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

    with tempfile.TemporaryDirectory() as tmp:
        folder, prefix = _export_full_model(args.model, Path(tmp) / "full")
        naive = _run(_naive, folder, [prefix + t for t in texts], args.threads)
    ours = _run(_ours, args.model, texts, args.threads, args.batch_size)

    same_label = sum(
        (a >= 0.5) == (b >= 0.5) for a, b in zip(ours["raw_negative"], naive["raw_negative"], strict=True)
    )
    max_diff = max(abs(a - b) for a, b in zip(ours["raw_negative"], naive["raw_negative"], strict=True))
    result = {
        "machine": f"{_cpu_name()}, {os.cpu_count()} cores visible, {args.threads} torch threads",
        "model_version": ours["model_version"],
        "texts": len(texts),
        "mean_chars": round(characters / len(texts)),
        "naive_pipeline": {
            "texts_per_s": round(len(texts) / naive["seconds"], 1),
            "peak_rss_mib": round(naive["peak_rss_mib"]),
        },
        "predict": {
            "texts_per_s": round(len(texts) / ours["seconds"], 1),
            "peak_rss_mib": round(ours["peak_rss_mib"]),
            "dtype": ours["dtype"],
            "batch_size": args.batch_size,
        },
        "speedup": round(naive["seconds"] / ours["seconds"], 2),
        "label_agreement": round(same_label / len(texts), 4),
        "max_abs_diff_negative_probability": round(max_diff, 4),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
