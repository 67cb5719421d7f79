"""Score the capped validation/test rows once with the shipped e5 model; cache {sha1(text): p_negative} in JSONL.

Run nice'd; it resumes where a previous run stopped (texts already in the cache are skipped).
Usage: python score_e5.py DATA_DIR CACHE_FILE SHARED_DATA_DIR (caps: rows.E5_CAPS)
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rows import E5_CAPS, read_rows, read_val_middle  # noqa: E402

ORDER = [
    "babelio_fr",
    "clothing_en",
    "finefood_en",
    "amazon_fr",
    "hotel_en",
    "allocine_fr",
    "movies_en_sentences",
    "movies_en_long",
    "tweets_en",
    "amazon_de",
]


def key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def main() -> None:
    data, cache = Path(sys.argv[1]), Path(sys.argv[2])
    rows = read_rows(data, E5_CAPS["val"], E5_CAPS["test"]) + read_val_middle(Path(sys.argv[3]))
    done = set()
    if cache.exists():
        done = {json.loads(line)["k"] for line in cache.read_text().splitlines() if line.strip()}
    import torch

    torch.set_num_threads(2)
    from moderation.classifier.loading import load_transformer_classifier

    # e5 alone: the shipped folder now names the second opinion this script's scores are used to fit.
    clf = load_transformer_classifier(device="cpu", second_opinion=False)
    print("model", clf.model_version, flush=True)
    groups = [(s, src) for s in ("val", "val_mid", "test") for src in ORDER]
    for split, source in groups:
        todo, seen = [], set()
        for r in rows:
            k = key(r["text"])
            if r["split"] == split and r["source"] == source and k not in done and k not in seen:
                todo.append(r["text"])
                seen.add(k)
        for start in range(0, len(todo), 256):
            chunk = todo[start : start + 256]
            t0 = time.time()
            preds = clf.predict(chunk, batch_size=32)
            with cache.open("a") as handle:
                for text, p in zip(chunk, preds, strict=True):
                    handle.write(json.dumps({"k": key(text), "p": p.negative_probability}) + "\n")
                    done.add(key(text))
            dt = time.time() - t0
            print(f"{split} {source} {start + len(chunk)}/{len(todo)} {len(chunk) / dt:.1f} texts/s", flush=True)


if __name__ == "__main__":
    main()
