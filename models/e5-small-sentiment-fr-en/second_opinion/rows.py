"""The validation and test rows every variant is scored on (issue #13), capped per source so e5 can score them on CPU.

Each row: split, source, lang, text, is_negative (True/False/None for a middle rating), stars (or None).
Validation comes from ``val.csv``; test from ``test-<source>.csv``. Sources larger than the cap keep a seeded
random sample of ``cap`` rows (seed 13), the same one for every variant.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

LANG = {
    "allocine_fr": "fr",
    "babelio_fr": "fr",
    "amazon_fr": "fr",
    "movies_en_long": "en",
    "movies_en_sentences": "en",
    "tweets_en": "en",
    "clothing_en": "en",
    "hotel_en": "en",
    "finefood_en": "en",
    "bol_nl": "nl",
    "amazon_de": "de",
}
TEST_SOURCES = [s for s in LANG if s not in ("bol_nl",)]


def _cap(rows: list[dict], cap: int | None, seed: int = 13) -> list[dict]:
    if cap is None or len(rows) <= cap:
        return rows
    # A seeded permutation's first ``cap`` rows: a smaller cap keeps a subset of a larger one's rows.
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    return [rows[i] for i in sorted(order[:cap])]


def read_train(data: Path) -> list[dict]:
    with (data / "train.csv").open(encoding="utf-8", newline="") as handle:
        return [
            {
                "split": "train",
                "source": r["source"],
                "lang": r["lang"],
                "text": r["text"],
                "is_negative": r["label"] == "neg",
                "stars": None,
            }
            for r in csv.DictReader(handle)
        ]


# What the shipped e5 model scored on 2 shared CPU cores (2–5 texts/s under load): every row of the small sources,
# a nested seeded sample of the large ones.
E5_CAPS = {
    "val": {"clothing_en": 600, "hotel_en": 300, "tweets_en": 300, "movies_en_sentences": 300},
    "test": {
        "babelio_fr": 1900,
        "clothing_en": 1500,
        "hotel_en": 300,
        "tweets_en": 300,
        "allocine_fr": 300,
        "movies_en_sentences": 300,
        "movies_en_long": 100,
        "amazon_de": 0,
    },
}


def _source_cap(cap: int | dict | None, source: str) -> int | None:
    return cap.get(source) if isinstance(cap, dict) else cap


def read_rows(data: Path, cap: int | None = 1500, test_cap: int | dict | None = None) -> list[dict]:
    """Validation rows capped by ``cap`` and test rows by ``test_cap`` (default: ``cap``); a cap is a number or
    a {source: number} dict (sources not named are kept whole)."""
    if test_cap is None:
        test_cap = cap
    out: list[dict] = []
    with (data / "val.csv").open(encoding="utf-8", newline="") as handle:
        by_source: dict[str, list[dict]] = {}
        for r in csv.DictReader(handle):
            by_source.setdefault(r["source"], []).append(
                {
                    "split": "val",
                    "source": r["source"],
                    "lang": r["lang"],
                    "text": r["text"],
                    "is_negative": r["label"] == "neg",
                    "stars": None,
                }
            )
    for source in sorted(by_source):
        out += _cap(by_source[source], _source_cap(cap, source))
    for source in TEST_SOURCES:
        rows = []
        with (data / f"test-{source}.csv").open(encoding="utf-8", newline="") as handle:
            for r in csv.DictReader(handle):
                if not (r["text"] or "").strip():
                    continue
                if "stars" in r:
                    stars = float(r["stars"])
                    neg = True if stars <= 2 else False if stars >= 4 else None
                else:
                    stars, neg = None, r["label"] == "neg"
                rows.append(
                    {
                        "split": "test",
                        "source": source,
                        "lang": LANG[source],
                        "text": r["text"],
                        "is_negative": neg,
                        "stars": stars,
                    }
                )
        out += _cap(rows, _source_cap(test_cap, source))
    return out


def read_val_middle(shared_dir: Path, seed: int = 13, cap: int = 150) -> list[dict]:
    """The middle-rated (3★; Babelio 2.5–3.5★) rows of the validation parts of the star-rated sources.

    ``prepare`` drops them from train/val (they carry no sentiment label), so they were never trained on: the
    3★ bar can be chosen on them without touching a test split. Same split calls, same seeds as ``prepare``.
    """
    root = Path(__file__).resolve().parents[3]
    sys.path.insert(0, str(root))
    from moderation.classifier.corpora import read_babelio, split
    from moderation.classifier.review_corpora import _SEED_OFFSET, REVIEW_SOURCES, read_review_file

    out = []
    _, valid, _ = split(read_babelio(shared_dir / "babelio_fr_reviews.csv"), seed + 99, key=lambda r: r[1])
    mids = [
        {"split": "val_mid", "source": "babelio_fr", "lang": "fr", "text": t, "is_negative": None, "stars": s}
        for t, s in valid
        if 2 < s < 4
    ]
    out += _cap(mids, cap)
    for name in ("clothing_en", "finefood_en"):
        filename, _, _ = REVIEW_SOURCES[name]
        rows = read_review_file(shared_dir / filename, True)
        _, valid, _ = split(rows, seed + _SEED_OFFSET[name], key=lambda r: r[1])
        mids = [
            {"split": "val_mid", "source": name, "lang": "en", "text": t, "is_negative": None, "stars": s}
            for t, s in valid
            if 2 < s < 4
        ]
        out += _cap(mids, cap)
    return out
