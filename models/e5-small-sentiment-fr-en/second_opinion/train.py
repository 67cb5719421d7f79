"""Train the linear TF-IDF second opinion (issue #13) and export it as plain arrays.

Needs the ``train`` extra (scikit-learn); the exported ``.npz`` is read at run time by
``moderation.classifier.linear`` with numpy only.

    python models/e5-small-sentiment-fr-en/second_opinion/train.py linear DATA_DIR OUT.npz [--cache DIR]

Steps: count the terms of ``analyze`` over ``train.csv`` (terms in at least ``min_df`` texts), sublinear tf × idf,
L2-normalised rows; a logistic regression with per-source sample weights (within a source negatives and positives
weigh the same; a source's total weight grows with the square root of its size, so the 14k clothing reviews do not
drown the 900 Amazon.fr ones); then keep the ``top_k`` terms with the largest |coefficient| and refit on them, so the
shipped vocabulary is the one the coefficients were fitted on.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from moderation.classifier.linear import LinearModel, analyze  # noqa: E402


def source_weights(labels: Sequence[int], sources: Sequence[str], power: float = 0.5) -> np.ndarray:
    """Per-text weights (mean 1): labels balanced within each source, a source's total ∝ (its size) ** power."""
    labels_arr = np.asarray(labels)
    sources_arr = np.asarray(sources)
    weights = np.zeros(len(labels_arr))
    for source in np.unique(sources_arr):
        member = sources_arr == source
        total = member.sum() ** power
        present = [y for y in (0, 1) if (member & (labels_arr == y)).any()]
        for y in present:
            chosen = member & (labels_arr == y)
            weights[chosen] = total / len(present) / chosen.sum()
    return weights * (len(weights) / weights.sum())


def count_matrix(texts: Sequence[str], vocabulary: dict[str, int] | None = None, min_df: int = 3):
    """(csr counts, vocabulary). With ``vocabulary`` None it is learnt (terms in ≥ ``min_df`` texts)."""
    from sklearn.feature_extraction.text import CountVectorizer

    vectorizer = CountVectorizer(
        analyzer=analyze, min_df=min_df if vocabulary is None else 1, vocabulary=vocabulary, dtype=np.float32
    )
    matrix = vectorizer.fit_transform(texts) if vocabulary is None else vectorizer.transform(texts)
    return matrix.tocsr(), dict(vectorizer.vocabulary_)


def tfidf(counts, idf: np.ndarray):
    """Sublinear tf × idf, rows L2-normalised: what ``LinearModel.logits`` computes."""
    from sklearn.preprocessing import normalize

    matrix = counts.copy().astype(np.float64)
    matrix.data = 1.0 + np.log(matrix.data)
    matrix = matrix.multiply(idf[None, :]).tocsr()
    return normalize(matrix, norm="l2", copy=False)


def smooth_idf(counts) -> np.ndarray:
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    return np.log((1.0 + counts.shape[0]) / (1.0 + df)) + 1.0


def fit_logistic(matrix, labels: Sequence[int], weights: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=2000, solver="liblinear")
    model.fit(matrix, np.asarray(labels), sample_weight=weights)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def train_linear(
    texts: Sequence[str],
    labels: Sequence[int],
    sources: Sequence[str],
    *,
    min_df: int = 3,
    top_k: int = 200_000,
    c: float = 4.0,
    power: float = 0.5,
    counts=None,
    vocabulary: dict[str, int] | None = None,
    log=print,
) -> LinearModel:
    """Fit, prune to ``top_k`` terms by |coefficient|, refit on them. Labels: 1 = negative, 0 = positive."""
    started = time.time()
    if counts is None:
        counts, vocabulary = count_matrix(texts, min_df=min_df)
    assert vocabulary is not None
    log(f"{counts.shape[0]} texts, {counts.shape[1]} terms (min_df {min_df}) in {time.time() - started:.0f}s")
    weights = source_weights(labels, sources, power)
    idf = smooth_idf(counts)
    coef, intercept = fit_logistic(tfidf(counts, idf), labels, weights, c)
    if top_k and len(coef) > top_k:
        keep = np.sort(np.argsort(-np.abs(coef))[:top_k])
        counts = counts[:, keep]
        idf = idf[keep]
        coef, intercept = fit_logistic(tfidf(counts, idf), labels, weights, c)
        inverse = {i: t for t, i in vocabulary.items()}
        vocabulary = {inverse[int(old)]: new for new, old in enumerate(keep)}
    log(f"fitted {len(coef)} terms in {time.time() - started:.0f}s")
    meta = {"min_df": min_df, "top_k": top_k, "C": c, "source_weight_power": power, "n_train": len(labels)}
    return LinearModel(vocabulary, idf, coef, intercept, meta)


def read_train(data: Path) -> tuple[list[str], list[int], list[str]]:
    import csv

    with (data / "train.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [r["text"] for r in rows], [1 if r["label"] == "neg" else 0 for r in rows], [r["source"] for r in rows]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--min-df", type=int, default=3)
    parser.add_argument("--top-k", type=int, default=200_000)
    parser.add_argument("--C", dest="c", type=float, default=4.0)
    parser.add_argument("--power", type=float, default=0.5)
    args = parser.parse_args(argv)
    texts, labels, sources = read_train(args.data)
    model = train_linear(texts, labels, sources, min_df=args.min_df, top_k=args.top_k, c=args.c, power=args.power)
    digest = hashlib.sha256((args.data / "train.csv").read_bytes()).hexdigest()[:12]
    model.save(args.out, extra={"train_csv_sha256_12": digest})
    print(json.dumps({"out": str(args.out), "terms": len(model.coef), "bytes": args.out.stat().st_size}))


if __name__ == "__main__":
    main()
