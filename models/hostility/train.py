"""Train the bundled hostility head (``moderation/classifier/hostility.py``) and print how it reads held-out texts.

    PYTHONPATH=. python models/hostility/train.py [--labelled tests/data/content_rules.jsonl]
        [--reviews ../shared/data] [--train-reviews 8000] [--calibration-reviews 8000]
        [--holdout-prefix h] [--out moderation/default_model/hostility.json | --no-write]
        [--tap 6,9]    # over the bundled classifier's own layers: moderation/default_model/hostility-tap.json

Rows: the labelled set's hostile rows (held as abusive, spam, personal data or impersonation) against its clean
rows, plus real customer reviews (``../shared/data``, MODELS.md's table) as clean rows; a disjoint sample of real
reviews sets the threshold (``--false-flag-rate`` of them reach it). Before writing the shipped head, which is
trained on every labelled row, it trains once without the rows whose id starts with ``--holdout-prefix`` and
prints recall and false flags on them: the figure the model card quotes.

``--tap LAYERS`` trains the head the worker prefers: over the bundled sentiment classifier's own layers, pooled
as the scoring forward pass pools it (``TransformerClassifier.tap_layers``), so that reading costs no second model.
Such a head reads that model version only; a new version needs it trained again.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from moderation.classifier import load_classifier  # noqa: E402
from moderation.classifier.embedding import TappedEmbedder, load_embedder  # noqa: E402
from moderation.classifier.hostility import (  # noqa: E402
    DEFAULT_HEAD,
    DEFAULT_TAP_HEAD,
    flag_counts,
    save_head,
    train_head,
)

HOSTILE = {"abusive", "spam", "personal_data", "impersonation"}
REVIEW_FILES = (
    "allocine_fr_train",
    "amazon_finefood_en",
    "babelio_fr_reviews",
    "hotel_booking_segments_en",
    "womens_clothing_en",
)


def real_reviews(folder: Path, seed: int) -> list[str]:
    texts = []
    for name in REVIEW_FILES:
        with open(folder / f"{name}.csv", encoding="utf-8") as fh:
            texts.extend(row["text"] for row in csv.DictReader(fh))
    random.Random(seed).shuffle(texts)
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labelled", type=Path, default=ROOT / "tests" / "data" / "content_rules.jsonl")
    parser.add_argument("--reviews", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--train-reviews", type=int, default=8000)
    parser.add_argument("--calibration-reviews", type=int, default=8000)
    parser.add_argument("--false-flag-rate", type=float, default=0.003)
    parser.add_argument("--holdout-prefix", default="h")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--layers", type=int, default=6, help="encoder layers the head reads (of 12)")
    parser.add_argument("--tap", help="read the bundled classifier's own layers (e.g. 6,9) instead of the base")
    parser.add_argument("--out", type=Path, help=f"default {DEFAULT_HEAD.name}, with --tap {DEFAULT_TAP_HEAD.name}")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    rows = [json.loads(line) for line in args.labelled.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if not r["hold"] or HOSTILE & set(r["hold"])]  # links, gibberish: the rules' own
    reviews = real_reviews(args.reviews, args.seed)
    train_real = reviews[: args.train_reviews]
    calibration_real = reviews[args.train_reviews : args.train_reviews + args.calibration_reviews]

    if args.tap is not None:
        layers = tuple(int(n) for n in args.tap.split(","))
        embedder = TappedEmbedder(load_classifier(device="cpu"), layers, cut_above=True)
    else:
        embedder = load_embedder("cpu", num_layers=args.layers)
    labelled = embedder.embed([r["text"] for r in rows])
    real = embedder.embed(train_real)
    calibration = embedder.embed(calibration_real)
    hostile = np.array([bool(HOSTILE & set(r["hold"])) for r in rows])

    held_out = np.array([r["id"].startswith(args.holdout_prefix) for r in rows])
    if held_out.any() and (~held_out).any():
        x = np.vstack([labelled[~held_out], real])
        y = np.concatenate([hostile[~held_out], np.zeros(len(real), bool)])
        head = train_head(x, y, calibration, embedder=embedder.name, false_flag_rate=args.false_flag_rate)
        caught, hostile_n, flagged, clean_n = flag_counts(head, labelled[held_out], hostile[held_out])
        print(
            f"held out ({int(held_out.sum())} rows with ids {args.holdout_prefix}*): threshold {head.threshold:.3f}; "
            f"hostile flagged {caught}/{hostile_n}, clean flagged {flagged}/{clean_n}"
        )

    x = np.vstack([labelled, real])
    y = np.concatenate([hostile, np.zeros(len(real), bool)])
    meta = {
        "trained_on": {
            "labelled": f"{args.labelled.name}: {int(hostile.sum())} hostile, {int((~hostile).sum())} clean",
            "real_reviews": f"{len(train_real)} from {', '.join(REVIEW_FILES)} (clean); {len(calibration_real)} "
            "others for the threshold",
        },
        "seed": args.seed,
    }
    head = train_head(x, y, calibration, embedder=embedder.name, false_flag_rate=args.false_flag_rate, meta=meta)
    print(f"shipped head: {len(y)} rows, threshold {head.threshold:.3f}, {head.version}")
    if not args.no_write:
        out = args.out or (DEFAULT_TAP_HEAD if args.tap is not None else DEFAULT_HEAD)
        print(f"written to {save_head(head, out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
