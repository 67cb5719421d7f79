"""Classes mended after a fourth blind probe, scored once before them (docs/benchmarks.md, twenty-sixth session):
abuse reported as yelled "at me" or said with an adverb between ("m'a littéralement dit"), "bent over", "cas soc",
tyres deserved slashed, a car and a clock-out time known, a plate with the seller who drives it, a tech named with a
relative clause, a number spelled out after "text me", counterfeits "qualité miroir", reviews and followers at a price,
the first to comment rewarded, "cliquez sur mon profil", a Telegram "pseudo", a desk to contact in private, a card
"you paid with", and a dealership's employee asking for details in private."""

import pytest

from .helpers import assert_held_as_abuse, assert_published, verdict_of

PUBLISHED = [
    "The manager literally yelled 'get out of my store you stupid cow' at me. His words, not mine.",
    "Le vendeur m'a littéralement dit « vous êtes trop conne pour comprendre un contrat ». Je cite mot pour mot.",
    "I work at the store, ask me anything here.",
    "Vends mon vieux vélo, bon état, écrire en privé",
    "I bent over to pick it up and the seam split.",
]

ABUSE = [
    "I yelled 'you stupid cow' at the cashier",
    "Hey Jessica from the Elm St store, bet you look even better bent over that counter",
    "@Karim_R t'es vraiment un cas soc, retourne jouer aux billes",
    "Le livreur qui balance les colis mériterait qu'on lui crève les pneus",
    "Salesman Greg lied to me. I know what he drives and what time he clocks out.",
]

HELD = [
    ("le vendeur Julien roule en Clio grise FG-482-KL, garée tous les soirs devant la boulangerie", "personal_data"),
    (
        "The tech who botched my install is Ryan Fletcher, lives in the blue house at the end of Maple Court",
        "personal_data",
    ),
    (
        "wants to go after them together, text me on five five five, eight six seven, five three oh nine",
        "personal_data",
    ),
    ("Sacs Chanel et Dior qualité miroir 1:1 à prix usine, livraison discrète, écris-moi", "spam"),
    ("Vends iPhone 15 Pro neuf encore sous blister 450€, dispo rapidement, écrire en privé", "spam"),
    ("Grow your Insta to 10k followers in a week, guaranteed, cheap packages, message me", "spam"),
    ("Need more reviews for your shop? 5-star reviews $3 each, real aged accounts, DM me", "spam"),
    ("🎁 CONCOURS 🎁 Les 100 premiers à commenter reçoivent un bon d'achat de 500€ !!", "spam"),
    ("Cliquez sur mon profil pour valider votre gain", "spam"),
    ("Écrivez-moi sur télégram, pseudo Marco_Vintage75, je vous explique", "links"),
    ("[Official Support] We noticed your complaint. Kindly contact our refunds desk privately.", "impersonation"),
    (
        "Hi, this is Jake from the Support Team. Please reply with your full name and the card you paid with",
        "impersonation",
    ),
    ("Je bosse à la concession, passez par moi en direct. Envoyez-moi vos coordonnées en MP", "impersonation"),
]


@pytest.mark.parametrize("text", PUBLISHED)
def test_abuse_received_and_a_customers_own_words_are_published(text):
    assert_published(text, brand="Shop")


@pytest.mark.parametrize("text", ABUSE)
def test_abuse_at_people_is_held(text):
    assert_held_as_abuse(text)


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_doxxing_spam_handles_and_posing_are_held(text, reason):
    assert reason in verdict_of(text, brand="Shop").hold_reasons
