"""The linear TF-IDF second opinion and its combination with the transformer (issue #13): fast, tiny fixtures."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path

import numpy as np
import pytest

from moderation.classifier.combine import Combination, SecondOpinion, logit, stack_features
from moderation.classifier.linear import FORMAT, LinearModel, analyze, guess_language

ROOT = Path(__file__).resolve().parents[2]
TRAIN_SCRIPT = ROOT / "models" / "e5-small-sentiment-fr-en" / "second_opinion" / "train.py"

TEXTS = [
    ("Produit nul, cassé au bout de deux jours.", 1, "fr_shop"),
    ("Très déçu, je ne recommande pas.", 1, "fr_shop"),
    ("Horrible, remboursez-moi !", 1, "fr_shop"),
    ("Super produit, je recommande vivement.", 0, "fr_shop"),
    ("Très bonne qualité, livraison rapide.", 0, "fr_shop"),
    ("Parfait, rien à redire.", 0, "fr_shop"),
    ("Terrible quality, it broke after a week.", 1, "en_shop"),
    ("Awful fit and the fabric is cheap.", 1, "en_shop"),
    ("Do not buy this, waste of money!", 1, "en_shop"),
    ("Love it, fits perfectly and looks great.", 0, "en_shop"),
    ("Great quality, fast delivery.", 0, "en_shop"),
    ("Perfect dress, I get compliments every time.", 0, "en_shop"),
    ("Great great great, love love it", 0, "en_shop"),
]


def _model() -> LinearModel:
    vocabulary = {"w:nul": 0, "w:super": 1, "c: ok ": 2}
    return LinearModel(vocabulary, np.array([1.5, 1.2, 2.0]), np.array([3.0, -2.0, -0.5]), 0.1, {"C": 1.0})


def test_analyze_words_bigrams_and_chars_within_words():
    terms = analyze("Très BON!")
    assert "w:très" in terms and "w:bon" in terms and "w:!" in terms
    assert "w:très bon" in terms and "w:bon !" in terms
    assert "c: t" in terms and "c:très " in terms  # n-grams of the space-padded word, accents kept
    assert not any(t.startswith("c:") and " " in t[2:].strip() for t in terms)  # never across words
    assert "c: a " in analyze("a")  # a word shorter than n yields itself, padded, once


def test_analyze_normalises_apostrophes_and_case():
    assert analyze("C\u2019EST") == analyze("c'est")


def test_logits_by_hand():
    model = _model()
    # "nul nul super": tf nul=2 → 1+ln2, super=1 → 1; weights × idf; L2-normalised; dot coef; + intercept.
    w = np.array([(1 + math.log(2)) * 1.5, 1.0 * 1.2])
    expected = float(w @ np.array([3.0, -2.0])) / float(np.linalg.norm(w)) + 0.1
    assert model.logits(["nul nul super"])[0] == pytest.approx(expected)
    assert model.logits(["zzz"])[0] == pytest.approx(0.1)  # no known term: the intercept alone
    assert 0 < model.negative_probability(["nul"])[0] < 1


def test_save_load_round_trip_without_pickle(tmp_path):
    model = _model()
    path = tmp_path / "linear.npz"
    model.save(path, extra={"combination": {"weights": {"fr": [1.0, 0.5, 0.0]}}})
    with np.load(path, allow_pickle=False) as data:  # plain arrays only
        assert set(data.files) == {"terms", "idf", "coef", "meta"}
    loaded = LinearModel.load(path)
    assert loaded.vocabulary == model.vocabulary
    assert loaded.meta["format"] == FORMAT and loaded.meta["C"] == 1.0
    texts = ["nul", "super ok", "rien"]
    np.testing.assert_allclose(loaded.logits(texts), model.logits(texts), rtol=1e-6)


def test_load_rejects_other_formats(tmp_path):
    path = tmp_path / "other.npz"
    np.savez(
        path,
        terms=np.zeros(1, np.uint8),
        idf=np.zeros(1),
        coef=np.zeros(1),
        meta=np.frombuffer(b'{"format": "x"}', dtype=np.uint8),
    )
    with pytest.raises(ValueError, match="format"):
        LinearModel.load(path)


def test_guess_language():
    assert guess_language("Je ne recommande pas ce produit, il est nul.") == "fr"
    assert guess_language("It is not what I expected and the fit is poor.") == "en"
    assert guess_language("12345") == "other"


def test_combination_per_language_short_and_fallback():
    combination = Combination(
        weights={"fr": [1.0, 0.0, 0.0], "en": [0.5, 1.0, -1.0]},
        short_weights={"en": [0.0, 2.0, 0.0]},
        label_threshold={"fr": 0.6},
    )
    assert combination.negative_probability(0.8, 5.0, "fr", False) == pytest.approx(0.8)
    z = 0.5 * logit(0.8) + 1.0 * 1.5 - 1.0
    assert combination.negative_probability(0.8, 1.5, "en", False) == pytest.approx(1 / (1 + math.exp(-z)))
    assert combination.negative_probability(0.8, 1.5, "en", True) == pytest.approx(1 / (1 + math.exp(-3.0)))
    assert combination.negative_probability(0.3, 9.0, "other", False) == 0.3  # unknown language: e5 alone
    assert combination.threshold("fr", 0.55) == 0.6 and combination.threshold("en", 0.55) == 0.55
    assert Combination.from_dict(combination.to_dict()) == combination


def test_second_opinion_needs_combination(tmp_path):
    path = tmp_path / "linear.npz"
    _model().save(path)
    with pytest.raises(ValueError, match="combination"):
        SecondOpinion.load(path)
    _model().save(path, extra={"combination": {"weights": {"fr": [0.0, 1.0, 0.0]}}})
    second = SecondOpinion.load(path)
    ((p, lang),) = second.combine(["Produit nul et cassé, je ne le recommande pas."], [0.5])
    assert lang == "fr" and p > 0.5
    assert second.label(p, lang, 0.5) == "negative"


def test_stack_features_clips():
    features = stack_features(np.array([0.0, 0.5, 1.0]), np.array([1.0, 2.0, 3.0]))
    assert features.shape == (3, 2) and np.isfinite(features).all() and features[1, 0] == 0.0


def _train_module():
    spec = importlib.util.spec_from_file_location("second_opinion_train", TRAIN_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_source_weights_balance_labels_within_sources():
    train = _train_module()
    labels = [1, 0, 0, 0, 1, 0]
    sources = ["a", "a", "a", "a", "b", "b"]
    w = train.source_weights(labels, sources, power=0.0)  # every source the same total
    assert w.mean() == pytest.approx(1.0)
    assert w[0] == pytest.approx(w[1:4].sum())  # within a: negatives weigh as much as positives
    assert w[:4].sum() == pytest.approx(w[4:].sum())


def test_trained_model_matches_scikit_learn_and_survives_export(tmp_path):
    pytest.importorskip("sklearn")
    train = _train_module()
    texts, labels, sources = zip(*TEXTS, strict=True)
    model = train.train_linear(list(texts), list(labels), list(sources), min_df=1, top_k=0, c=10.0, log=lambda _: None)
    counts, _ = train.count_matrix(list(texts), vocabulary=model.vocabulary)
    matrix = train.tfidf(counts, model.idf)
    np.testing.assert_allclose(model.logits(list(texts)), matrix @ model.coef + model.intercept, atol=1e-9)
    assert (model.logits(list(texts)) > 0).tolist() == [bool(y) for y in labels]  # fits its training texts
    path = tmp_path / "linear.npz"
    model.save(path)
    new = ["Nul, cassé, déçu.", "Love it, great quality."]
    np.testing.assert_allclose(LinearModel.load(path).logits(new), model.logits(new), rtol=1e-5, atol=1e-6)


def test_pruning_keeps_the_largest_coefficients():
    pytest.importorskip("sklearn")
    train = _train_module()
    texts, labels, sources = zip(*TEXTS, strict=True)
    model = train.train_linear(list(texts), list(labels), list(sources), min_df=1, top_k=50, c=10.0, log=lambda _: None)
    assert len(model.vocabulary) == len(model.coef) == len(model.idf) == 50
    assert sorted(model.vocabulary.values()) == list(range(50))


def test_shipped_second_opinion_loads_and_reads_reviews():
    path = ROOT / "moderation" / "default_model" / "e5-small-sentiment-fr-en" / "second_opinion.npz"
    assert path.stat().st_size < 5_000_000
    second = SecondOpinion.load(path)
    assert set(second.combination.weights) == {"fr", "en"}
    texts = ["Produit nul, cassé au bout de deux jours, je ne recommande pas.", "Love this dress, fits perfectly!"]
    logits = second.linear.logits(texts)
    assert logits[0] > 0 > logits[1]
    # An undecided transformer (0.5) is moved by the linear model's reading, each in its own language.
    (p_fr, lang_fr), (p_en, lang_en) = second.combine(texts, [0.5, 0.5])
    assert (lang_fr, lang_en) == ("fr", "en") and p_fr > 0.5 > p_en
