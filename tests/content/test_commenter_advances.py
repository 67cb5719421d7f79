"""A commenter's looks in their picture appraised with a pet name, a leer or "send me more" ("nice profile pic babe …
slide into my dms"), an innuendo about a saleswoman, and someone's phone handed over for others to call. Not a
friend's "lovely photo 😘", a trail photo asked for, a phone case or an order number."""

import pytest

from tests.content.helpers import verdict_of

ADVANCES = [
    "@Chloe_runs nice profile pic babe 😘 bet those leggings look even better on you in person, slide into my dms",
    "@lea_trail sexy legs in that pic, send me more 😏",
    "@sam nice pic hun, hop into my dms",
    "@julie_r t'es canon sur ta photo 😏 écris-moi",
    "@marine.v jolies jambes sur la photo, envoie la suite 🥵",
    "@tom_b hot bod in that pfp ;) slide into my inbox",
    "The blonde girl on the Saturday counter, absolute stunner, would let her demo a lot more than headphones if u "
    "know what i mean 😏",
    "la vendeuse du rayon lingerie, une vraie bombe, elle m'a fait essayer bien plus que des soutifs si vous voyez ce "
    "que je veux dire",
]
GIVEN_PHONES = [
    "here's her cell if anyone wants to tell her what they think of her 1 star review 555-0134 👀",
    "voilà son portable pour ceux qui veulent lui dire ce qu'ils pensent de son avis à 1 étoile : 06 39 98 00 71",
    "this is his number for anyone who wants a word about the refund he refused: 07700 900461",
]
PUBLISHED = [
    "@rob nice pic of the trail! dm me where that is",
    "@emma lovely photo 😘 thanks for the tip on the sizing",
    "@anna gorgeous legs on that table, which brand?",
    "@kev hot pic lol send me more of the route",
    "the lady at the till was great, fixed my refund if you know what i mean, fast",
    "Here's her phone case, fits the Pixel 7 perfectly, order 12345678",
    "voici son numéro de commande pour le SAV 123456789",
    "@marie_k jolie photo du sommet, tu peux m'envoyer la trace en mp ?",
]


@pytest.mark.parametrize("text", ADVANCES)
def test_looks_appraised_with_a_leer_or_a_pet_name_is_harassment(text):
    assert verdict_of(text).hold_reasons == ["abusive"]


@pytest.mark.parametrize("text", GIVEN_PHONES)
def test_a_phone_handed_over_as_someones_is_personal_data(text):
    assert "personal_data" in verdict_of(text).hold_reasons


@pytest.mark.parametrize("text", PUBLISHED)
def test_compliments_photos_asked_for_and_order_numbers_are_not(text):
    assert verdict_of(text).hold_reasons == []
