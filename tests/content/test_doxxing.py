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
]
PUBLISHED = [
    "the shop on rue des Lilas is great",
    "I live on Elm Road and delivery was quick",
    "Lovely lad called Tom sorted it at your Market Street store",
    "son numéro de commande 12345678",
    "Great book by John Smith, who lives on a farm road in the story",
    "J'ai rencontré Marie Curie au musée, super expo",
]


@pytest.mark.parametrize("text", HELD)
def test_held_as_personal_data(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["personal_data"], verdict.matches
    assert all(m.excerpt == "[personal data]" for m in verdict.matches if m.reason == "personal_data")


@pytest.mark.parametrize("text", PUBLISHED)
def test_published(text):
    assert verdict_of(text).hold_reasons == [], verdict_of(text).matches
