"""The linear second opinion wired into the classifier (issue #13): named in ``moderation.json``, versioned with the
model, merged at the end of ``predict`` whatever the batching; a folder without it predicts as before."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from moderation.classifier import evaluation
from moderation.classifier.evaluation import EvalRows, report
from moderation.classifier.folders import content_hash, default_model_dir, model_version
from moderation.classifier.linear import LinearModel
from moderation.classifier.loading import load_transformer_classifier
from moderation.services.policy import DEFAULT_POLICY
from tests.classifier.conftest import make_tiny_model

TEXTS = [
    "Produit nul, cassé au bout de deux jours.",
    "Super produit, je recommande.",
    "good film",
    "bad bad bad",
    "Livraison rapide. " * 40,
]
# A linear model that reads "nul"/"bad" as negative and "super"/"good" as positive, merged in fr and en only.
COMBINATION = {"weights": {"fr": [1.0, 1.0, 0.0], "en": [0.5, 1.0, 0.0]}, "label_threshold": {"fr": 0.6, "en": 0.4}}


def _write_second_opinion(path: Path, coef: tuple[float, ...] = (3.0, 3.0, -3.0, -3.0)) -> Path:
    vocabulary = {"w:nul": 0, "w:bad": 1, "w:super": 2, "w:good": 3}
    model = LinearModel(vocabulary, np.ones(4), np.array(coef), 0.0, {})
    model.save(path, extra={"combination": COMBINATION})
    return path


@pytest.fixture
def combined_folder(tmp_path: Path) -> Path:
    folder = make_tiny_model(
        tmp_path / "tiny-combined",
        {0: "negative", 1: "positive"},
        settings={"name": "tiny", "extra": {"second_opinion": "second.npz"}},
    )
    _write_second_opinion(folder / "second.npz")
    return folder


def _settings(folder: Path, **changes) -> None:
    path = folder / "moderation.json"
    raw = json.loads(path.read_text()) if path.exists() else {}
    raw.update(changes)
    path.write_text(json.dumps(raw))


def test_second_opinion_is_part_of_the_version(combined_folder: Path):
    combined = load_transformer_classifier(combined_folder, device="cpu")
    assert combined.second_opinion is not None
    assert combined.model_version == model_version(combined_folder)
    # Retraining the linear model alone is a new version.
    _write_second_opinion(combined_folder / "second.npz", coef=(2.0, 2.0, -2.0, -2.0))
    assert model_version(combined_folder) != combined.model_version
    # Dropping the key is a new version too (the folder's other files, hashed as before).
    _settings(combined_folder, extra={})
    assert model_version(combined_folder) == f"tiny-{content_hash(combined_folder)}"


def test_predict_merges_the_second_opinion_with_any_batching(combined_folder: Path):
    alone = load_transformer_classifier(combined_folder, device="cpu", second_opinion=False)
    combined = load_transformer_classifier(combined_folder, device="cpu")
    assert alone.second_opinion is None and alone.model_version == combined.model_version

    e5 = alone.predict(TEXTS, batch_size=2)
    merged = combined.predict(TEXTS, batch_size=2)
    expected = combined.second_opinion.combine(TEXTS, [p.negative_probability for p in e5])
    assert [p.negative_probability for p in merged] == pytest.approx([p for p, _ in expected])
    langs = [lang for _, lang in expected]
    assert langs[:2] == ["fr", "fr"]
    # The linear model pulls each way: "nul" up, "super" down.
    assert merged[0].negative_probability > e5[0].negative_probability
    assert merged[1].negative_probability < e5[1].negative_probability
    # Labels use the artifact's per-language thresholds, the model's own for any other language.
    for prediction, lang in zip(merged, langs, strict=True):
        bar = COMBINATION["label_threshold"].get(lang, combined.settings.negative_threshold)
        assert prediction.label == ("negative" if prediction.negative_probability >= bar else "positive")

    seen: list[int] = []
    overlapped = combined.predict(TEXTS, batch_size=2, overlap=True, on_batch=seen.append)
    assert sum(seen) == len(TEXTS)
    assert [p.negative_probability for p in overlapped] == pytest.approx([p.negative_probability for p in merged])
    assert [p.label for p in overlapped] == [p.label for p in merged]
    assert combined.predict([]) == []


def test_folder_without_the_key_is_unchanged(tmp_path: Path):
    folder = make_tiny_model(tmp_path / "plain", {0: "negative", 1: "positive"})
    before = load_transformer_classifier(folder, device="cpu")
    predictions = before.predict(TEXTS)
    # A stray numpy file in a user's folder is neither loaded nor versioned.
    _write_second_opinion(folder / "stray.npz")
    after = load_transformer_classifier(folder, device="cpu")
    assert after.second_opinion is None
    assert after.model_version == before.model_version
    assert after.predict(TEXTS) == predictions


def test_a_bad_second_opinion_name_is_a_clear_error(combined_folder: Path):
    _settings(combined_folder, extra={"second_opinion": "missing.npz"})
    with pytest.raises(FileNotFoundError, match="missing.npz"):
        load_transformer_classifier(combined_folder, device="cpu")
    _settings(combined_folder, extra={"second_opinion": "../second.npz"})
    with pytest.raises(ValueError, match="file name in the folder"):
        model_version(combined_folder)


def test_eval_uses_the_default_policy_bars_and_reports_the_3_star_case_rate():
    assert evaluation.POLICY_THRESHOLD == DEFAULT_POLICY["negative_threshold"]
    assert evaluation.POLICY_THRESHOLD_LOW_RATING == DEFAULT_POLICY["negative_threshold_low_rating"]
    assert evaluation.POLICY_THRESHOLD_UNRATED == DEFAULT_POLICY["negative_threshold_unrated"]
    stars = [1, 2, 3, 3, 3, 3, 4, 5]
    probabilities = [0.3, 0.2, 0.9, 0.84, 0.5, 0.1, 0.85, 0.1]
    rows = EvalRows(["t"] * 8, [True, True, None, None, None, None, False, False], stars)
    result = report([p >= 0.5 for p in probabilities], probabilities, rows)
    assert (result.flagged_low_stars, result.n_low_stars) == (0.5, 2)
    assert (result.flagged_high_stars, result.n_high_stars) == (0.5, 2)
    assert (result.case_rate_mid_stars, result.n_mid_stars) == (0.5, 4)
    line = evaluation.summary_line("clothing_en", result)
    assert line.split()[:3] == ["clothing_en", "4", "0.2500"] and "0.500 (4)" in line


# ---- the bundled default with its second opinion (real model)

# Texts whose reading is plain (and clear to the linear model too: the merge's weights are < 1, so a text the linear
# model is unsure of pulls a confident e5 back a little); the merged probability must move the way their
# sentiment says, vs e5 alone.
DIRECTION = [
    ("Très déçu : l'article est arrivé cassé et le service client ne répond pas.", "up"),
    ("Bof, déçue par la qualité.", "up"),
    ("The fabric is cheap and it ripped after one wash. Returned it.", "up"),
    ("No hot water and the room was dirty", "up"),
    ("Produit de très bonne qualité, livré rapidement, je recommande vivement !", "down"),
    ("Love this dress, fits perfectly and the color is beautiful.", "down"),
]


@pytest.mark.model
def test_default_version_includes_the_second_opinion(default_classifier):
    folder = default_model_dir()
    npz = folder / "second_opinion.npz"
    assert default_classifier.second_opinion is not None
    assert default_classifier.model_version == f"e5-small-sentiment-fr-en-{content_hash(folder, [npz])}"
    assert default_classifier.model_version != f"e5-small-sentiment-fr-en-{content_hash(folder)}"


@pytest.mark.model
def test_default_second_opinion_moves_plain_reviews_the_right_way(default_classifier):
    texts = [t for t, _ in DIRECTION]
    combined = default_classifier.predict(texts)
    second, default_classifier.second_opinion = default_classifier.second_opinion, None
    try:
        alone = default_classifier.predict(texts)
    finally:
        default_classifier.second_opinion = second
    for (text, direction), c, a in zip(DIRECTION, combined, alone, strict=True):
        moved = c.negative_probability - a.negative_probability
        assert moved > 0 if direction == "up" else moved < 0, (text, a.negative_probability, c.negative_probability)
        assert c.label == ("negative" if direction == "up" else "positive")
