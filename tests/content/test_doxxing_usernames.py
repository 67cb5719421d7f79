"""A username unmasked by what it "actually" is or what "everyone knows", with where the person works: "'GymBro_Essex'
is actually Liam Porter, he works at the JD on the high street", "@cycliste_du_dimanche c'est Marc Petit, il bosse à
la poste". Not a book's title that "is actually" its author's best, nor a fault "we all know" is a brand's."""

import pytest

from tests.content.helpers import verdict_of

UNMASKED = [
    "Also the account 'GymBro_Essex' is actually Liam Porter, he works at the JD on the high street lol",
    "'MamanParfaite' c'est Sophie Lemaire, la dame de la pharmacie du centre, elle donne des leçons à tout le monde",
    "everyone knows that's Karen Holt, manager at the Tesco in Hull, posting fake 5 stars",
    "@cycliste_du_dimanche c'est Marc Petit, il bosse à la poste de Rodez",
    "fun fact: 'RunnerDad' is really Paul Greaves, he teaches PE at Hillside Academy",
    "Tout le monde sait que c'est Julien Morel, le mec de la mairie, qui poste sous ce pseudo",
]
PUBLISHED = [
    "'Le Petit Prince' is actually Antoine's best book, I teach it at school",
    "We all know that's Apple's fault, the manager at the store agreed",
    "'GymBro_Essex' is actually right, the sizing works at the bigger end",
    "Tout le monde sait que c'est Nike qui fait les meilleures semelles, mon prof de sport aussi",
]


@pytest.mark.parametrize("text", UNMASKED)
def test_a_username_unmasked_with_a_workplace_is_personal_data(text):
    assert "personal_data" in verdict_of(text).hold_reasons


@pytest.mark.parametrize("text", PUBLISHED)
def test_what_a_title_or_a_brand_actually_is_is_not(text):
    assert "personal_data" not in verdict_of(text).hold_reasons
