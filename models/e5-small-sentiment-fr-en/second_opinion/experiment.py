"""Validation experiments for the linear second opinion and the combination (issue #13); caches under .cache-13/.

Not part of the shipped code: it records how the choices in SECOND_OPINION.md were made.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import scipy.sparse as sp

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[2]))
import train as T  # noqa: E402
from rows import read_rows  # noqa: E402

ROOT = HERE.parents[2]
DATA = ROOT / "data" / "eval"
CACHE = ROOT / ".cache-13"


def counts_cached():
    CACHE.mkdir(exist_ok=True)
    f_train, f_vocab, f_eval = CACHE / "train_counts.npz", CACHE / "vocab.json", CACHE / "eval_counts.npz"
    texts, labels, sources = T.read_train(DATA)
    eval_rows = read_rows(DATA, cap=None)
    if f_vocab.exists():  # written last: the three files are complete
        train = sp.load_npz(f_train).tocsr()
        vocab = json.loads(f_vocab.read_text())
        ev = sp.load_npz(f_eval).tocsr()
    else:
        t0 = time.time()
        train, vocab = T.count_matrix(texts, min_df=3)
        print("train counts", train.shape, f"{time.time() - t0:.0f}s", flush=True)
        ev, _ = T.count_matrix([r["text"] for r in eval_rows], vocabulary=vocab)
        print("eval counts", ev.shape, f"{time.time() - t0:.0f}s", flush=True)
        sp.save_npz(f_train, train)
        sp.save_npz(f_eval, ev)
        f_vocab.write_text(json.dumps(vocab))
    return train, vocab, (texts, labels, sources), ev, eval_rows


if __name__ == "__main__":
    counts_cached()
