"""Hate (``phases.hate``): a group sent away as a pronoun or a slogan, the slur for trans people in the plural, a group
called thugs or sick after "they're"; held in many phrasings; the close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

HELD = [
    "faut les renvoyer au bled ces arabes",
    "Les migrants ? faudrait tous les expulser de France",
    "qu'ils rentrent chez eux les migrants",
    "retour au pays pour les immigrés",
    "Les immigrés ? Retour au pays.",
    "send them all back, the migrants",
    "Refugees everywhere in town, deport them all",
    "these trannies, they're mentally ill and dangerous",
    "trannies ruin everything",
    "les rebeus du quartier c'est des racailles",
    "Muslims, they are all criminals",
]
PUBLISHED = [
    "faut les renvoyer au vendeur ces chaussures",
    "les migrants rêvent du retour au pays",
    "retour au pays après dix ans, les réfugiés sont heureux",
    "Ces chaussures noires, faut les renvoyer chez eux",
    "trans people, they are so brave in this documentary",
    "send them back if they don't fit, returns are free",
]


@pytest.mark.parametrize("text", HELD)
def test_held(text):
    assert_held_as_abuse(text)


@pytest.mark.parametrize("text", PUBLISHED)
def test_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "Bought three of these Chinese chargers, all dead in a week, send them all back.",
        "Indian takeaways round here are all the same, send them back if cold",
        "pregnant women shouldn't work in heavy lifting jobs, this support belt helps",
    ],
)
def test_a_thing_named_by_its_origin_and_advice_to_pregnant_women_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "chinese people everywhere in this shop, send them all back",
        "the chinese are ruining this country, send them all back",
        "women shouldn't work in bike shops",
    ],
)
def test_the_people_themselves_are_still_held(text):
    assert_held_as_abuse(text, "hate: ")
