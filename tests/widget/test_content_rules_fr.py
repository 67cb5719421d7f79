"""A French delivery complaint is a negative review, not abuse: it stays published (spine fix found via the demo)."""

from __future__ import annotations

from moderation.content import SiteRule, evaluate
from tests.conftest import review, submit


def test_livraison_en_retard_is_not_abusive():
    assert evaluate({"body": "Livraison en retard de deux semaines"}).hold_reasons == []


def test_a_late_delivery_review_is_published(client, world):
    response = submit(client, review(rating=1, body="Colis arrivé avec trois semaines de retard, très déçu."))
    assert response.status_code == 202
    assert response.get_json()["status"] == "published"


def test_a_site_can_still_hold_the_word_itself():
    assert "site_word" in evaluate({"body": "what a retard"}, [SiteRule("retard", "hold")]).hold_reasons
