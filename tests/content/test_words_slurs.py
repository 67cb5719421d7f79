"""Abbreviated, ableist and obfuscated insults at a person: held; the same letters elsewhere, and names called of a
story's characters, published."""

import pytest

from .helpers import assert_published, verdict_of


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("fdp de vendeur, il m'a raccroché au nez", "fdp"),
        ("le livreur est un fdp", "fdp"),
        ("espèce de sac à merde, rends-moi mon argent", "sac à merde"),
        ("bande de gogols au SAV", "gogols"),
        ("le vendeur est un gogol", "gogol"),
        ("t'es triso ou quoi, je t'ai dit taille M", "triso"),
        ("les t@rlouzes du SAV m'ont encore raccroché", "t@rlouzes"),
        ("the manager is a mouth-breather", "mouth-breather"),
        ("that cashier is a total mouth breather", "mouth breather"),
        ("Dave is a fat slob, took ages to serve me", "fat slob"),
        ("the cashier is a slob", "slob"),
    ],
)
def test_insults_are_held(text, word):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["abusive"], verdict.matches
    assert word in [text[m.start : m.end] for m in verdict.matches]


@pytest.mark.parametrize(
    "text",
    [
        "fdp offerts dès 50€, livraison rapide",
        "prix 20€ + fdp, correct",
        "Moi qui préférais Tolstoï, Gorki, Gogol, j'avais qu'une envie",
        "Si Gogol avait écrit sa comédie sommairement, elle serait oubliée",
        "aussi expressif qu'un trisomique",  # a medical word, not the insult's short form
        "The main character is a slob and a liar, great novel",
        "Ignatius is a fat slob, hilarious book",
        "The villain is a total idiot but the film is fun.",
        "Le héros est un vrai crétin, mais le roman se lit vite",
        "My flatmate calls me a slob, so I bought this hoover",
    ],
)
def test_the_same_words_elsewhere_are_published(text):
    assert_published(text)
