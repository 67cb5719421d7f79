"""Test data builders: reviews, a stub embedder that knows a few themes in both languages, a stub scorer."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import numpy as np

from moderation.insights import ReviewText

NOW = datetime(2026, 6, 1, tzinfo=UTC)
# Each theme is one axis; its French and English words point the same way, as e5 would have them.
THEME_WORDS = {
    "battery": ("battery", "batterie", "charge", "autonomie"),
    "strap": ("strap", "bracelet", "band", "sangle"),
    "delivery": ("delivery", "livraison", "parcel", "colis"),
}
NEGATIVE_WORDS = ("dies", "décharge", "broke", "cassé", "late", "retard", "vide", "snapped", "rompu", "delayed")
DIMENSION = 16


def stub_embed(texts: list[str]) -> np.ndarray:
    """Theme axes plus a little text-seeded noise, L2-normalised."""
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    for row, text in enumerate(texts):
        lowered = text.lower()
        seed = int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
        out[row] = np.random.default_rng(seed).normal(0, 0.15, DIMENSION)
        for axis, theme_words in enumerate(THEME_WORDS.values()):
            if any(word in lowered for word in theme_words):
                out[row, axis] += 1.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def stub_score(texts: list[str]) -> list[float]:
    return [0.9 if any(word in t.lower() for word in NEGATIVE_WORDS) else 0.1 for t in texts]


def review(item_id, text: str, rating: int | None = 2, days_ago: float = 10, author: str | None = None, language=None):
    return ReviewText(
        item_id=item_id,
        author_key=author or f"author-{item_id}",
        created_at=NOW - timedelta(days=days_ago),
        text=text,
        rating=rating,
        language=language,
    )


class StubEmbedder:
    """``stub_embed`` with the name a stored run records."""

    name = "stub-embedder"

    def embed(self, texts: list[str]) -> np.ndarray:
        return stub_embed(texts)


def make_stub_embedder(app) -> StubEmbedder:
    return StubEmbedder()


# Stub vectors are not e5's: one pass on meaning alone, with a threshold that suits them (as in test_topics).
STUB_TOPIC_SETTINGS = {"distance_threshold": 0.8, "wording_weight": 0.0, "merge_similarity": 0.9, "min_share": 0.0}
# Negative for tests.stubs.KeywordClassifier ("cassé", "nul", "broken", "awful") and on a stub_embed theme axis.
BATTERY_COMPLAINTS = [
    "La batterie est nulle, vide en deux heures.",
    "Batterie nulle, elle ne tient pas la journée.",
    "The battery is awful, dead by noon.",
    "Battery awful after a week.",
    "La batterie est vraiment nulle.",
]
STRAP_COMPLAINTS = [
    "Le bracelet est cassé au bout d'un mois.",
    "The strap is broken already.",
    "Strap broken at the buckle.",
    "Bracelet cassé dès le premier jour.",
]
PRAISE = ["Super montre, je recommande.", "Great watch, love it.", "Parfait pour courir."]
