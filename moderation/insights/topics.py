"""Complaint topics for one product: what its negative reviews are about, in plain values.

``find_topics`` takes a product's reviews and two callables — ``score`` (the platform's classifier: a
probability of negative per text) and ``embed`` (L2-normalised sentence vectors) — so this module needs
neither torch nor a database, and tests can pass stubs. Steps:

1. reviews rated 1–3★ (or unrated) are cut into clauses (``sentences.split_units``);
2. clauses that only say "disappointed, do not buy" are set aside (negative, but about nothing in particular);
3. the rest are scored; clauses at or above ``negative_bar`` are the product's complaints;
4. complaints are embedded and clustered (``clustering.cluster_vectors``); clusters with too few distinct
   reviews are dropped;
5. each cluster is named in its dominant language (``naming.name_cluster``), its phrases weighed by how much more
   the product's complaints use them than its 4–5★ reviews (``naming.Polarity``), and counted; a cluster whose best
   name is written as often in praise (the product itself, "dress") is not shown.

Definitions, for the API and the console:
- a **negative review** is one rated 1–2★, or one rated 3★/unrated with at least one complaint clause;
- ``negative_share`` is a topic's distinct reviews over the product's negative reviews (a review may be in
  several topics, so shares can add up to more than 1);
- the **trend** compares the topic's reviews per day in the last ``recent_days`` (30) with the
  ``baseline_days`` (90) before: ``ratio = (recent / 30) / (before / 90)``; ``direction`` is ``new`` (none
  before, at least 3 now), ``up`` (ratio ≥ 1.5 and at least 3 now), ``down`` (ratio ≤ 2/3 and at least 6
  before, i.e. 2 expected per 30 days), else ``flat``. Reviews dated after ``now`` are counted in topics but
  not in the trend.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np

from .clustering import NOISE, centre, cluster_vectors
from .naming import Name, Polarity, name_cluster
from .sentences import guess_language, is_generic, split_units

# Complaints about many different things, per language (see _centring_means).
REFERENCE_COMPLAINTS = {
    "en": (
        "Very disappointed with this.",
        "It stopped working after a week.",
        "The delivery was late.",
        "The quality is poor.",
        "It is too expensive for what it is.",
        "The size is wrong.",
        "Customer service did not help.",
        "It arrived damaged.",
        "The instructions are useless.",
        "It is uncomfortable to wear.",
        "The colour is not as shown.",
        "It makes a strange noise.",
        "The app does not work.",
        "It broke quickly.",
        "Not as described.",
        "The smell is unpleasant.",
    ),
    "fr": (
        "Très déçu par ce produit.",
        "Il a cessé de fonctionner au bout d'une semaine.",
        "La livraison était en retard.",
        "La qualité est médiocre.",
        "C'est trop cher pour ce que c'est.",
        "La taille ne va pas.",
        "Le service client ne m'a pas aidé.",
        "Il est arrivé abîmé.",
        "La notice est inutile.",
        "C'est inconfortable à porter.",
        "La couleur n'est pas celle de la photo.",
        "Il fait un bruit bizarre.",
        "L'application ne marche pas.",
        "Il s'est cassé rapidement.",
        "Pas conforme à la description.",
        "L'odeur est désagréable.",
    ),
}

# What customers write about their purchase, not about the product: sending it back, what other reviews said. A
# complaint clause often says it too ("too big, sending it back"), but a cluster whose centre is clearly nearer these
# than any REFERENCE_COMPLAINTS sentence names no fault of the product (see _is_aside).
REFERENCE_ASIDES = {
    "en": (
        "I am sending it back.",
        "I returned it.",
        "They are going back to the shop.",
        "I read the other reviews.",
        "Other reviewers said the same.",
    ),
    "fr": (
        "Je le renvoie.",
        "Je l'ai retourné.",
        "Ils repartent au magasin.",
        "J'ai lu les autres avis.",
        "Les autres avis disent la même chose.",
    ),
}

EmbedFn = Callable[[list[str]], np.ndarray]
ScoreFn = Callable[[list[str]], Sequence[float]]


@dataclass(frozen=True)
class ReviewText:
    """One review of the product, as the topic engine needs it."""

    item_id: Hashable
    author_key: str
    created_at: datetime
    text: str
    rating: int | None
    language: str | None = None


@dataclass(frozen=True)
class Example:
    """A quoted sentence and the review it links to."""

    item_id: Hashable
    sentence: str


@dataclass(frozen=True)
class Trend:
    recent: int  # distinct reviews in the last recent_days
    before: int  # distinct reviews in the baseline_days before those
    ratio: float | None  # reviews per day, recent over before; None when there were none before
    direction: str  # "up", "down", "flat" or "new"


@dataclass(frozen=True)
class Topic:
    label: str
    keywords: tuple[str, ...]
    language: str
    reviews: int
    authors: int
    negative_share: float
    trend: Trend
    examples: tuple[Example, ...]
    item_ids: tuple[Hashable, ...]  # every review in the topic, most recent first


@dataclass(frozen=True)
class TopicSettings:
    """Knobs of the topic engine; the defaults are the ones ``bench/insights.py`` was tuned with."""

    negative_bar: float = 0.5
    max_rating: int = 3
    distance_threshold: float = 0.9
    wording_weight: float = 0.5
    merge_similarity: float = 0.5
    min_reviews: int = 3
    min_share: float = 0.02  # of the product's negative reviews
    max_topics: int = 12
    min_complaint: float = 0.5  # a topic's name must lean to complaints more than this (naming.Polarity.weight)
    aside_margin: float = 0.02  # a cluster this much nearer REFERENCE_ASIDES than REFERENCE_COMPLAINTS is not shown
    max_points: int = 4000
    centre_min_clauses: int = 50  # per language; fewer are centred on reference complaints
    examples: int = 3
    recent_days: int = 30
    baseline_days: int = 90
    seed: int = 0


@dataclass
class TopicAnalysis:
    """Everything ``find_topics`` computed: the topics and the figures behind them (for benchmarks and logs)."""

    topics: list[Topic]
    negative_reviews: int
    clauses_scored: int
    complaints: int
    clauses_embedded: int
    seconds: dict[str, float] = field(default_factory=dict)
    # For each complaint clause: (review index, clause, topic index or None); the benchmark scores purity on it.
    assignments: list[tuple[int, str, int | None]] = field(default_factory=list)


def find_topics(
    reviews: Sequence[ReviewText],
    *,
    embed: EmbedFn,
    score: ScoreFn,
    now: datetime,
    settings: TopicSettings | None = None,
) -> list[Topic]:
    """The product's complaint topics, largest first; see the module docstring for the steps and definitions.

    Args:
        reviews: the product's reviews (all ratings; only 1–3★ and unrated ones are read).
        embed: texts → L2-normalised vectors, one row per text.
        score: texts → probability that each text is negative.
        now: the end of the trend's recent window.
        settings: thresholds; None uses the defaults.
    """
    return analyse_topics(reviews, embed=embed, score=score, now=now, settings=settings).topics


def analyse_topics(
    reviews: Sequence[ReviewText],
    *,
    embed: EmbedFn,
    score: ScoreFn,
    now: datetime,
    settings: TopicSettings | None = None,
) -> TopicAnalysis:
    """``find_topics`` with the intermediate figures kept."""
    settings = settings or TopicSettings()
    seconds: dict[str, float] = {}
    started = time.perf_counter()

    # 1–2. Clauses of the reviews that may complain; generic ones only mark their review negative.
    languages: list[str] = []
    clause_rows: list[tuple[int, str, str]] = []  # (review index, clause, sentence)
    negative: set[int] = set()
    praise: list[str] = []  # clauses of 4–5★ reviews: what a complaint word is weighed against (naming.Polarity)
    for index, review in enumerate(reviews):
        language = review.language or guess_language(review.text)
        languages.append(language)
        if review.rating is not None and review.rating > settings.max_rating:
            praise.extend(unit.clause for unit in split_units(review.text, language))
            continue
        if review.rating is not None and review.rating <= 2:
            negative.add(index)
        for unit in split_units(review.text, language):
            if not is_generic(unit.clause):
                clause_rows.append((index, unit.clause, unit.sentence))
    seconds["split"] = time.perf_counter() - started

    # 3. Score each distinct clause once.
    started = time.perf_counter()
    distinct = list(dict.fromkeys(clause for _, clause, _ in clause_rows))
    probabilities = dict(zip(distinct, score(distinct), strict=True)) if distinct else {}
    complaints = [row for row in clause_rows if probabilities[row[1]] >= settings.negative_bar]
    negative.update(index for index, _, _ in complaints)
    seconds["score"] = time.perf_counter() - started

    # 4. Embed and cluster each distinct complaint clause once.
    started = time.perf_counter()
    text_language: dict[str, str] = {}
    for index, clause, _ in complaints:
        text_language.setdefault(clause, languages[index])
    texts = list(text_language)
    vectors = np.asarray(embed(texts), dtype=np.float32) if texts else np.zeros((0, 1), dtype=np.float32)
    seconds["embed"] = time.perf_counter() - started
    started = time.perf_counter()
    groups = [text_language[t] for t in texts]
    ids = (
        cluster_vectors(
            centre(vectors, groups, _centring_means(embed, groups, settings)),
            texts=texts,
            distance_threshold=settings.distance_threshold,
            wording_weight=settings.wording_weight,
            merge_similarity=settings.merge_similarity,
            max_points=settings.max_points,
            seed=settings.seed,
        )
        if len(texts) >= 2
        else np.zeros(len(texts), dtype=int)
    )
    seconds["cluster"] = time.perf_counter() - started

    # 5. Keep clusters with enough distinct reviews, name and count them.
    started = time.perf_counter()
    row_of = {text: row for row, text in enumerate(texts)}
    members: dict[int, list[int]] = {}  # cluster → complaint indexes
    for position, (_, clause, _) in enumerate(complaints):
        cluster = int(ids[row_of[clause]])
        if cluster != NOISE:
            members.setdefault(cluster, []).append(position)
    floor = max(settings.min_reviews, math.ceil(settings.min_share * len(negative)))
    kept = [cluster for cluster, positions in members.items() if len({complaints[p][0] for p in positions}) >= floor]
    kept.sort(key=lambda c: (-len({complaints[p][0] for p in members[c]}), c))

    # A cluster whose best name is a word customers write as often when they praise the product ("dress", "livre")
    # gathers clauses that mention the product, not a complaint: it is skipped and the next cluster shown instead.
    polarity = Polarity((clause for _, clause, _ in complaints), praise)
    informative = polarity.size_in > 0 and polarity.size_out > 0
    references = _reference_vectors(embed, {languages[index] for index, _, _ in complaints}) if kept else {}
    topics: list[Topic] = []
    topic_of_cluster: dict[int, int] = {}
    shown: dict[tuple[str, frozenset[str]], tuple[int, list[int]]] = {}  # a name's words → (topic, its clusters)

    def build(clusters: list[int]) -> tuple[Topic, Name]:
        """The topic of these clusters' complaints, its name weighed against the other shown clusters'."""
        positions = [p for c in clusters for p in members[c]]
        others = [complaints[p] for c in kept[: settings.max_topics] if c not in clusters for p in members[c][:200]]
        return _build_topic(
            reviews, languages, complaints, positions, vectors, row_of, others, polarity, len(negative), now, settings
        )

    for cluster in kept:
        if len(topics) == settings.max_topics:
            break
        positions = members[cluster]
        topic, name = build([cluster])
        if informative and name.complaint <= settings.min_complaint:
            continue
        if _is_aside(vectors[[row_of[complaints[p][1]] for p in positions]], references.get(topic.language), settings):
            continue
        # Two clusters that the naming calls by the same words ("cheap, material" and "material cheap") are one
        # complaint that the clustering split: shown once, counted over both, named from both.
        key = (topic.language, frozenset(topic.label.replace(",", " ").split()))
        if key in shown:
            index, clusters = shown[key]
            clusters.append(cluster)
            topics[index], _ = build(clusters)
            topic_of_cluster[cluster] = index
            continue
        shown[key] = (len(topics), [cluster])
        topic_of_cluster[cluster] = len(topics)
        topics.append(topic)
    # A merged topic may now count more reviews than those shown before it.
    order = sorted(range(len(topics)), key=lambda i: (-topics[i].reviews, i))
    rank = {old: new for new, old in enumerate(order)}
    topics = [topics[i] for i in order]
    topic_of_cluster = {cluster: rank[index] for cluster, index in topic_of_cluster.items()}
    seconds["name"] = time.perf_counter() - started

    assignments = [(index, clause, topic_of_cluster.get(int(ids[row_of[clause]]))) for index, clause, _ in complaints]
    return TopicAnalysis(
        topics=topics,
        negative_reviews=len(negative),
        clauses_scored=len(distinct),
        complaints=len(complaints),
        clauses_embedded=len(texts),
        seconds=seconds,
        assignments=assignments,
    )


def _centring_means(embed: EmbedFn, languages: list[str], settings: TopicSettings) -> dict[str, np.ndarray]:
    """Fixed means for the languages with too few complaints to centre on their own mean.

    Centring on the product's own mean (per language) found the most planted themes in ``bench/insights.py``,
    but it needs a mix of complaints: with a handful of clauses, or all about one thing, it would subtract the
    theme itself. Below ``centre_min_clauses`` a language is centred on the mean of assorted reference
    complaints instead: what "a complaint, in French" looks like to ``embed``, whatever the product.
    """
    counts = Counter(languages)
    means = {}
    for language in sorted(counts):
        if counts[language] < settings.centre_min_clauses and language in REFERENCE_COMPLAINTS:
            vectors = np.asarray(embed(list(REFERENCE_COMPLAINTS[language])), dtype=np.float32)
            means[language] = vectors.mean(axis=0)
    return means


def _reference_vectors(embed: EmbedFn, languages: set[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Per language with references: the vectors of ``REFERENCE_COMPLAINTS`` and of ``REFERENCE_ASIDES``."""
    known = sorted(languages & REFERENCE_COMPLAINTS.keys() & REFERENCE_ASIDES.keys())
    texts = [t for language in known for t in (*REFERENCE_COMPLAINTS[language], *REFERENCE_ASIDES[language])]
    if not texts:
        return {}
    vectors = np.asarray(embed(texts), dtype=np.float32)
    out, start = {}, 0
    for language in known:
        middle = start + len(REFERENCE_COMPLAINTS[language])
        end = middle + len(REFERENCE_ASIDES[language])
        out[language] = (vectors[start:middle], vectors[middle:end])
        start = end
    return out


def _is_aside(
    cluster_vectors: np.ndarray, references: tuple[np.ndarray, np.ndarray] | None, settings: TopicSettings
) -> bool:
    """True when the cluster is about the purchase (sending it back, other reviews), not a fault of the product.

    Its centre (the mean of its clause vectors, uncentred like the references) is compared with the nearest
    complaint and the nearest aside of its language. Returns are what customers do about most complaints, so on
    real clothing reviews "it's going back" made the second-largest cluster of several products, named "back":
    a word no list could drop, since "the back is see-through" is a complaint. Clause by clause the gap is too
    small to trust; a cluster's centre is steadier (going-back clusters stood 0.02–0.07 nearer the asides,
    garment and size clusters 0.01–0.07 nearer the complaints).
    """
    if references is None:
        return False
    complaints, asides = references
    centroid = cluster_vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    return float((asides @ centroid).max() - (complaints @ centroid).max()) >= settings.aside_margin


def _build_topic(
    reviews: Sequence[ReviewText],
    languages: list[str],
    complaints: list[tuple[int, str, str]],
    positions: list[int],
    vectors: np.ndarray,
    row_of: dict[str, int],
    others: list[tuple[int, str, str]],
    polarity: Polarity,
    negative_reviews: int,
    now: datetime,
    settings: TopicSettings,
) -> tuple[Topic, Name]:
    review_indexes = sorted({complaints[p][0] for p in positions})
    language = Counter(languages[i] for i in review_indexes).most_common(1)[0][0]

    # Most central first: cosine to the cluster's mean vector (in the original, uncentred space).
    rows = np.array([row_of[complaints[p][1]] for p in positions])
    centroid = vectors[rows].mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-12)
    closeness = vectors[rows] @ centroid
    ordered = [positions[i] for i in np.lexsort((np.arange(len(positions)), -closeness))]

    name = name_cluster(
        [complaints[p][1] for p in ordered if languages[complaints[p][0]] == language],
        # Specificity against the other topics' clauses in the same language: a French word is absent from English
        # clauses whatever it means, so counting them made any French word look specific.
        [clause for index, clause, _ in others if languages[index] == language],
        language,
        polarity,
    )
    examples: list[Example] = []
    seen_reviews: set[int] = set()
    seen_sentences: set[str] = set()
    for p in ordered:
        index, _, sentence = complaints[p]
        if index in seen_reviews or sentence.lower() in seen_sentences:
            continue
        seen_reviews.add(index)
        seen_sentences.add(sentence.lower())
        examples.append(Example(item_id=reviews[index].item_id, sentence=sentence))
        if len(examples) == settings.examples:
            break

    by_recency = sorted(review_indexes, key=lambda i: (reviews[i].created_at, i), reverse=True)
    topic = Topic(
        label=name.label,
        keywords=name.keywords,
        language=language,
        reviews=len(review_indexes),
        authors=len({reviews[i].author_key for i in review_indexes}),
        negative_share=round(len(review_indexes) / negative_reviews, 4) if negative_reviews else 0.0,
        trend=trend([reviews[i].created_at for i in review_indexes], now, settings),
        examples=tuple(examples),
        item_ids=tuple(reviews[i].item_id for i in by_recency),
    )
    return topic, name


def trend(dates: Sequence[datetime], now: datetime, settings: TopicSettings | None = None) -> Trend:
    """Reviews per day in the recent window against the baseline window before it (see the module docstring)."""
    settings = settings or TopicSettings()
    recent_start = now - timedelta(days=settings.recent_days)
    baseline_start = recent_start - timedelta(days=settings.baseline_days)
    recent = sum(1 for d in dates if recent_start < d <= now)
    before = sum(1 for d in dates if baseline_start < d <= recent_start)
    ratio = (recent / settings.recent_days) / (before / settings.baseline_days) if before else None
    if before == 0:
        direction = "new" if recent >= 3 else "flat"
    elif ratio is not None and ratio >= 1.5 and recent >= 3:
        direction = "up"
    elif ratio is not None and ratio <= 2 / 3 and before >= 6:
        direction = "down"
    else:
        direction = "flat"
    return Trend(
        recent=recent, before=before, ratio=round(ratio, 3) if ratio is not None else None, direction=direction
    )
