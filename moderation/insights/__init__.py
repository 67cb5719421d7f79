"""Product insights: complaint topics from a product's reviews, as plain values (no Flask, no database).

The engine takes its model as two callables (``score`` and ``embed``), so only ``moderation.classifier``
imports torch; ``moderation.classifier.embedding.load_embedder`` provides ``embed`` in production.
"""

from .topics import (
    Example,
    ReviewText,
    Topic,
    TopicAnalysis,
    TopicSettings,
    Trend,
    analyse_topics,
    find_topics,
    trend,
)

__all__ = [
    "Example",
    "ReviewText",
    "Topic",
    "TopicAnalysis",
    "TopicSettings",
    "Trend",
    "analyse_topics",
    "find_topics",
    "trend",
]
