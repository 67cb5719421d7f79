"""Group complaint clauses into clusters: average-linkage clustering on a blend of meaning and wording, then
clusters whose centres mean the same thing are merged across languages.

Why this shape (measured with ``bench/insights.py``, see the commit that chose it):
- the number of topics is unknown, so a distance threshold (agglomerative, average linkage) fits better than
  k-means' fixed k (k-means with a silhouette choice and scikit-learn's HDBSCAN both found fewer planted themes);
- e5-small alone puts "the strap tore at the buckle" about as far from "the strap broke after 3 weeks" as from
  "the charger cable is too short": at a threshold loose enough to keep a theme whole, unrelated one-off
  complaints were lumped into one impure cluster. Blending in the overlap of content words (TF-IDF over
  character n-grams of the words that are neither stop words nor generic dissatisfaction: "bracelet",
  "rayé"/"rayures") keeps phrasing variants of a theme together and unrelated complaints apart;
- wording does not cross languages, so the first pass splits a theme into a French and an English cluster.
  Cluster centres in embedding space are far steadier than single clauses, so a second pass merges clusters
  whose centres are close enough: that is where e5's multilingual training does the work.

e5 vectors all sit in a narrow cone (any two sentences have cosine ~0.7+). Subtracting the mean vector of the
product's own negative clauses, per language, removes what they share ("a complaint", "in French") and leaves
what differs (what the complaint is about).

Cost: quadratic in the number of distinct clauses, so beyond ``max_points`` a seeded sample is clustered and
every other clause joins the nearest cluster centre when close enough, else it stays unclustered.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.feature_extraction.text import TfidfVectorizer

from .sentences import GENERIC_WORDS, stopwords, words

NOISE = -1


def centre(
    vectors: np.ndarray, groups: Sequence[str] | None = None, means: dict[str, np.ndarray] | None = None
) -> np.ndarray:
    """Rows minus the mean of their group (their language), L2-normalised again.

    Args:
        groups: a group per row; None puts every row in one group.
        means: a fixed mean per group (from reference sentences); a group without one uses its rows' own mean.
    """
    centred = vectors.astype(np.float32, copy=True)
    keys = np.asarray(groups if groups is not None else [""] * len(vectors))
    means = means or {}
    for key in np.unique(keys).tolist():
        rows = keys == key
        mean = means.get(key)
        centred[rows] -= mean[None, :] if mean is not None else centred[rows].mean(axis=0, keepdims=True)
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    return centred / np.maximum(norms, 1e-12)


def content_words(text: str) -> str:
    """The words of ``text`` that say what it is about (no stop words, no generic dissatisfaction)."""
    common = stopwords("fr") | stopwords("en") | GENERIC_WORDS
    return " ".join(w for w in words(text) if len(w) >= 3 and w not in common)


def wording(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised TF-IDF rows over character 3–5-grams of the content words (catches "rayé"/"rayures")."""
    if len(texts) < 2:
        return np.zeros((len(texts), 1), dtype=np.float32)
    vectoriser = TfidfVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2, preprocessor=content_words
    )
    try:
        matrix = vectoriser.fit_transform(texts)
    except ValueError:  # no n-gram appears twice: wording says nothing
        return np.zeros((len(texts), 1), dtype=np.float32)
    return matrix.astype(np.float32).toarray()


def _agglomerate(similarity: np.ndarray, threshold: float) -> np.ndarray:
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    distance = (distance + distance.T) / 2
    tree = linkage(squareform(distance, checks=False).astype(np.float64), method="average")
    return fcluster(tree, t=threshold, criterion="distance") - 1


def _centroids(vectors: np.ndarray, ids: np.ndarray, count: int) -> np.ndarray:
    centroids = np.zeros((count, vectors.shape[1]), dtype=np.float64)
    np.add.at(centroids, ids, vectors)
    return centroids / np.maximum(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-12)


def cluster_vectors(
    vectors: np.ndarray,
    *,
    texts: Sequence[str] | None = None,
    distance_threshold: float,
    wording_weight: float = 0.5,
    merge_similarity: float = 0.5,
    max_points: int = 4000,
    seed: int = 0,
) -> np.ndarray:
    """A cluster id per row (0, 1, ... in order of first appearance), ``NOISE`` for rows left out.

    Args:
        vectors: L2-normalised rows (centred: see ``centre``).
        texts: the clause of each row, for the wording part; None clusters on ``vectors`` alone.
        distance_threshold: the largest average blended distance inside a first-pass cluster.
        wording_weight: share of the blended similarity that comes from wording (0 = meaning only).
        merge_similarity: first-pass clusters whose centres have at least this cosine are merged.
        max_points: above this many rows, cluster a seeded sample and assign the rest to centres.
        seed: makes the sample, and so the result, repeatable.
    """
    n = len(vectors)
    if n < 2:
        return np.zeros(n, dtype=int)
    rng = np.random.default_rng(seed)
    sample = np.sort(rng.choice(n, size=max_points, replace=False)) if n > max_points else np.arange(n)
    meaning = vectors[sample].astype(np.float32)
    similarity = meaning @ meaning.T
    if texts is not None and wording_weight > 0:
        lexical = wording([texts[i] for i in sample])
        similarity = (1 - wording_weight) * similarity + wording_weight * (lexical @ lexical.T)
    first = _agglomerate(similarity, distance_threshold)

    # Second pass: merge clusters (French and English halves of one theme) whose centres mean the same.
    count = int(first.max()) + 1
    if count > 1 and merge_similarity < 1:
        centres = _centroids(meaning, first, count)
        merged = _agglomerate(centres @ centres.T, 1.0 - merge_similarity)
        first = merged[first]
    ids = np.full(n, NOISE, dtype=int)
    ids[sample] = first
    if len(sample) < n:
        count = int(first.max()) + 1
        centres = _centroids(meaning, first, count)
        rest = np.setdiff1d(np.arange(n), sample)
        closeness = vectors[rest] @ centres.T
        best = closeness.argmax(axis=1)
        close = closeness[np.arange(len(rest)), best] >= merge_similarity
        ids[rest[close]] = best[close]
    return _renumber(ids)


def _renumber(ids: np.ndarray) -> np.ndarray:
    """Ids in order of first appearance, so the result does not depend on scipy's internal numbering."""
    mapping: dict[int, int] = {}
    out = np.full(len(ids), NOISE, dtype=int)
    for index, value in enumerate(ids.tolist()):
        if value == NOISE:
            continue
        out[index] = mapping.setdefault(value, len(mapping))
    return out
