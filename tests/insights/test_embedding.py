"""The real e5 embedder: French and English complaints about one thing land together."""

from __future__ import annotations

import numpy as np
import pytest

PAIRS = [
    ("The battery dies after two hours.", "La batterie se décharge en deux heures."),
    ("The strap broke after a week.", "Le bracelet s'est cassé au bout d'une semaine."),
    ("Delivery was two weeks late.", "La livraison a eu deux semaines de retard."),
    ("The screen scratches very easily.", "L'écran se raye très facilement."),
    ("It runs far too small, order a size up.", "Ça taille beaucoup trop petit, prenez une taille au-dessus."),
    ("Customer service never answered my emails.", "Le service client n'a jamais répondu à mes mails."),
    ("The app keeps crashing on my phone.", "L'application plante sans arrêt sur mon téléphone."),
    ("It smells strongly of chemicals.", "Ça sent fortement le produit chimique."),
    ("The buckle pinches my wrist.", "La boucle me pince le poignet."),
    ("The colour is nothing like the photo.", "La couleur ne ressemble pas du tout à la photo."),
]


@pytest.mark.model
def test_a_french_and_an_english_complaint_about_one_thing_are_closer_than_unrelated_ones(model_cache_dir):
    from moderation.classifier.embedding import load_embedder

    embedder = load_embedder("cpu", cache_dir=model_cache_dir)
    english = embedder.embed([en for en, _ in PAIRS])
    french = embedder.embed([fr for _, fr in PAIRS])
    assert english.shape == (len(PAIRS), 384) and english.dtype == np.float32
    assert np.allclose(np.linalg.norm(english, axis=1), 1.0, atol=1e-4)
    similarity = english @ french.T  # row: an English complaint; column: a French one
    for i in range(len(PAIRS)):
        unrelated = np.delete(similarity[i], i)
        assert similarity[i, i] > unrelated.max(), PAIRS[i]
    # Order of the input does not change a vector (batches are sorted by length inside).
    again = embedder.embed([en for en, _ in reversed(PAIRS)])[::-1]
    assert np.allclose(again, english, atol=1e-3)


@pytest.mark.model
def test_the_embedder_shares_the_frozen_word_embeddings_with_the_classifier_and_nothing_it_trained(model_cache_dir):
    """A worker that scores and computes topics held the base's word-embedding matrix twice (192 MB in bf16)."""
    from types import SimpleNamespace

    from moderation.classifier.embedding import load_embedder, share_base_tensors
    from moderation.classifier.loading import load_transformer_classifier

    classifier = load_transformer_classifier(None, device="cpu", dtype="float32", cache_dir=model_cache_dir)
    embedder = load_embedder("cpu", dtype="float32", cache_dir=model_cache_dir)
    before = embedder.embed([en for en, _ in PAIRS[:4]])
    assert share_base_tensors(embedder, SimpleNamespace(model=None)) == 0  # an ONNX or int8 classifier: no torch

    freed = share_base_tensors(embedder, classifier)

    base = classifier.model.base_model
    word = "embeddings.word_embeddings.weight"
    assert embedder.model.get_parameter(word) is base.get_parameter(word)
    assert freed >= base.get_parameter(word).numel() * 4  # fp32 here
    trained = "encoder.layer.11.attention.self.query.weight"  # the bundled model trained every layer
    assert embedder.model.get_parameter(trained) is not base.get_parameter(trained)
    assert not np.isclose(
        embedder.model.get_parameter(trained).detach().numpy(), base.get_parameter(trained).detach().numpy()
    ).all()
    assert np.array_equal(embedder.embed([en for en, _ in PAIRS[:4]]), before)
    # Shared once: a second call finds nothing left to share.
    assert share_base_tensors(embedder, classifier) == 0
