"""Model-free content rules: what is held, and what is not."""

from __future__ import annotations

import pytest

from moderation.services.content_rules import check_content


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        ("Voir https://example.com/promo", ["links"]),
        ("Moins cher sur www.autre-boutique.fr", ["links"]),
        ("code promo sur bit.ly/3xYz", ["links"]),
        ("Appelez-moi au 06 12 34 56 78", ["personal_data"]),
        ("Call me: +1 555-123-4567", ["personal_data"]),
        ("écrivez à jean.dupont@gmail.com", ["personal_data"]),
        ("Le vendeur est un ENCULÉ", ["abusive"]),
        ("Commande n° 123456789012 reçue en retard", []),
        ("Taille 42, acheté le 12.05.2025, 3.5 sur 5", []),
        ("Un produit génial, merci !", []),
        ("Il fait 1.5 kg, parfait", []),
    ],
)
def test_rules(text, reasons):
    assert check_content([text], []).reasons == reasons


def test_site_words_match_whole_words_without_accents():
    assert check_content(["Quelle arnaque !"], ["arnaqué"]).reasons == ["abusive"]
    assert check_content(["arnaques en série"], ["arnaque"]).reasons == []


def test_evidence_never_copies_personal_data():
    result = check_content(["mon numéro 06 12 34 56 78"], [])
    assert "06" not in str(result.evidence)
