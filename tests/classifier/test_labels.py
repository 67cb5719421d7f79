"""Label mapping: two classes, three classes, star ratings, overrides."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import torch

from moderation.classifier.labels import label_mapping
from moderation.classifier.loading import load_transformer_classifier

from .conftest import make_tiny_model


def _probs(mapping, probabilities):
    logits = torch.log(torch.tensor([probabilities]))
    return float(mapping.negative_probability(logits)[0])


def test_two_classes_either_order():
    assert _probs(label_mapping({0: "negative", 1: "positive"}), [0.8, 0.2]) == pytest.approx(0.8)
    assert _probs(label_mapping({0: "POSITIVE", 1: "NEGATIVE"}), [0.8, 0.2]) == pytest.approx(0.2)


def test_calibration_applies_to_the_margin():
    mapping = label_mapping({0: "negative", 1: "positive"})
    logits = torch.tensor([[2.0, 0.5]])
    p = float(mapping.negative_probability(logits, {"scale": 2.0, "bias": -1.0})[0])
    assert p == pytest.approx(1 / (1 + math.exp(-(2.0 * 1.5 - 1.0))))


def test_three_classes_count_neutral_half():
    mapping = label_mapping({0: "negative", 1: "neutral", 2: "positive"})
    assert mapping.kind == "three-way"
    assert _probs(mapping, [0.2, 0.6, 0.2]) == pytest.approx(0.5)
    assert _probs(mapping, [0.7, 0.2, 0.1]) == pytest.approx(0.8)


def test_five_stars():
    mapping = label_mapping({0: "1 star", 1: "2 stars", 2: "3 stars", 3: "4 stars", 4: "5 stars"})
    assert mapping.kind == "stars"
    assert mapping.negative_weights == (1.0, 1.0, 0.5, 0.0, 0.0)
    assert _probs(mapping, [0.1, 0.2, 0.4, 0.2, 0.1]) == pytest.approx(0.1 + 0.2 + 0.2)
    plain = label_mapping({0: "1", 1: "2", 2: "3", 3: "4", 4: "5"})
    assert plain.negative_weights == (1.0, 1.0, 0.5, 0.0, 0.0)


def test_generic_labels_need_an_override():
    with pytest.raises(ValueError, match="label_map"):
        label_mapping({0: "LABEL_0", 1: "LABEL_1"})
    mapping = label_mapping({0: "LABEL_0", 1: "LABEL_1"}, {"LABEL_0": "positive", "LABEL_1": "negative"})
    assert _probs(mapping, [0.9, 0.1]) == pytest.approx(0.1)
    stars = label_mapping({i: f"LABEL_{i}" for i in range(5)}, {f"LABEL_{i}": f"stars:{i + 1}" for i in range(5)})
    assert stars.negative_weights == (1.0, 1.0, 0.5, 0.0, 0.0)


def test_mixed_labels_are_refused():
    with pytest.raises(ValueError, match="mix"):
        label_mapping({0: "1 star", 1: "positive"})
    with pytest.raises(ValueError, match="negative and one positive"):
        label_mapping({0: "neutral", 1: "positive"})


@pytest.mark.parametrize(
    "id2label",
    [
        {0: "negative", 1: "neutral", 2: "positive"},
        {0: "1 star", 1: "2 stars", 2: "3 stars", 3: "4 stars", 4: "5 stars"},
    ],
)
def test_multiclass_folders_predict_through_the_mapping(tmp_path: Path, id2label: dict[int, str]):
    folder = make_tiny_model(tmp_path / "m", id2label, arch="xlm-roberta")
    classifier = load_transformer_classifier(folder, device="cpu", dtype="float32")
    texts = ["good film", "bad", "super produit"]
    predictions = classifier.predict(texts)
    with torch.inference_mode():
        encoded = classifier._collate(classifier.preprocess(texts))
        logits = classifier.model(**encoded).logits.float()
    probabilities = torch.softmax(logits, dim=-1)
    weights = torch.tensor(classifier.mapping.negative_weights)
    expected = (probabilities * weights).sum(-1)
    for p, e in zip(predictions, expected.tolist(), strict=True):
        assert p.negative_probability == pytest.approx(e, abs=1e-5)
        assert p.label == ("negative" if e >= 0.5 else "positive")
