"""Validation check (issue 13): for texts whose function words say nothing (``guess_language`` → "other"), is
the combination in the text's declared language better than e5 alone (today's behaviour)?

Usage: python language_fallback.py DATA_DIR   (DATA_DIR: what `moderation model prepare-data --out DATA_DIR` wrote)
Prints, by source and pooled, negatives caught, positives kept and their mean (balanced accuracy), both ways.
"""

from __future__ import annotations

import collections
import csv
import sys
from pathlib import Path

import torch

from moderation.classifier.linear import guess_language
from moderation.classifier.loading import load_transformer_classifier


def rates(pairs: list[tuple[bool, bool]]) -> tuple[float | None, float | None, int, int]:
    """(negatives caught, positives kept, n negatives, n positives) for (predicted negative, is negative) pairs."""
    negatives = [predicted for predicted, negative in pairs if negative]
    positives = [predicted for predicted, negative in pairs if not negative]
    caught = sum(negatives) / len(negatives) if negatives else None
    kept = 1 - sum(positives) / len(positives) if positives else None
    return caught, kept, len(negatives), len(positives)


def main() -> None:
    torch.set_num_threads(1)
    with (Path(sys.argv[1]) / "val.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["lang"] in ("fr", "en")]
    other = [r for r in rows if guess_language(r["text"]) == "other"]
    by_source = collections.Counter(r["source"] for r in other)
    print("validation rows fr/en", len(rows), "guessed other", len(other), dict(by_source))
    e5 = load_transformer_classifier(device="cpu", second_opinion=False)
    shipped = load_transformer_classifier(device="cpu")
    second = shipped.second_opinion
    texts = [r["text"] for r in other]
    e5_probabilities = [p.negative_probability for p in e5.predict(texts, batch_size=32)]
    linear_logits = second.linear.logits(texts)
    results: dict[str, dict[str, list]] = collections.defaultdict(lambda: {"e5": [], "declared": []})
    for row, p, z in zip(other, e5_probabilities, linear_logits, strict=True):
        negative = row["label"] == "neg"
        short = len(row["text"].strip()) < second.combination.short_chars
        combined = second.combination.negative_probability(p, float(z), row["lang"], short)
        for key in (row["source"], "all-" + row["lang"], "all"):
            results[key]["e5"].append((p >= shipped.settings.negative_threshold, negative))
            results[key]["declared"].append((combined >= second.combination.threshold(row["lang"], 0.5), negative))
    for key in sorted(results):
        for variant in ("e5", "declared"):
            caught, kept, n_neg, n_pos = rates(results[key][variant])
            both = [x for x in (caught, kept) if x is not None]
            print(f"{key:22s} {variant:9s} negatives caught {caught} (n={n_neg})  positives kept {kept} (n={n_pos})"
                  f"  mean {sum(both) / len(both):.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
