"""Personal data told of someone without a number of its own (``phases.doxxing``): a user unmasked by full name with
where they work or live, a phone given as someone's with too few digits for ``phonenumbers``."""

import pytest

from .helpers import verdict_of

HELD = [
    "c'est Thierry X, prof au lycée Y, il habite rue des Lilas",
    "real name's John X, works at Tesco on High St, lives on Elm Road",
    "@troll_du_59 en vrai c'est Marc Dupont, il bosse chez Leroy Merlin à Lille",
    "his real name is Dave Smith and he lives on Oak Street",
    "derrière ce pseudo c'est Julie M., caissière chez Carrefour",
    "here's her cell … 555-0134",
    "son portable : 612 34 56",
    # A member of staff named, then the street they live on.
    "Le vendeur s'appelle Kevin Martin, il habite rue des Lilas à Lyon, allez lui dire bonjour.",
    "The cashier's name is Julie Smith and she lives on Elm Street.",
    "The manager, Dave Jones, lives on Elm Road, number 12, go tell him what you think.",
    "Le livreur, Kevin Martin, habite rue des Lilas, allez le voir.",
]
PUBLISHED = [
    "the shop on rue des Lilas is great",
    "I live on Elm Road and delivery was quick",
    "Lovely lad called Tom sorted it at your Market Street store",
    "son numéro de commande 12345678",
    "Great book by John Smith, who lives on a farm road in the story",
    "J'ai rencontré Marie Curie au musée, super expo",
    # Staff named where they work, or as hosts who live on site: no street of their own.
    "The manager, Dave Jones, works at the Leeds branch and was very helpful.",
    "Le vendeur s'appelle Kevin Martin, il travaille au rayon vélo, super conseils.",
    "The host, Mary Smith, lives on site and cooks breakfast.",
    "Le vendeur s'appelle Kevin Martin, super conseils, et j'habite rue des Lilas juste à côté.",
]


@pytest.mark.parametrize("text", HELD)
def test_held_as_personal_data(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["personal_data"], verdict.matches
    assert all(m.excerpt == "[personal data]" for m in verdict.matches if m.reason == "personal_data")


@pytest.mark.parametrize("text", PUBLISHED)
def test_published(text):
    assert verdict_of(text).hold_reasons == [], verdict_of(text).matches
