"""Author names that pose as the brand or its staff (``phases.impersonation``)."""

import pytest

from moderation.content import evaluate


def held(name: str, body: str = "Très bien, rien à dire", brand: str | None = "Décathlon") -> list[str]:
    return evaluate({"body": body, "author_name": name}, brand=brand).hold_reasons


@pytest.mark.parametrize(
    "name",
    ["Service client", "Modérateur", "ADMIN", "the admin team", "S.A.V.", "Décathlon", "DECATHLON France",
     "Décathlon Support", "Décathlon - SAV", "Équipe Décathlon", "Service client de Décathlon", "d3cathl0n"],
)  # fmt: skip
def test_a_name_that_claims_to_be_the_brand_or_its_staff_is_held(name):
    assert held(name) == ["impersonation"]


@pytest.mark.parametrize(
    "name", ["Léa", "Léa from support", "Max Modo", "Marc Admin", "Décathlon fan", "Brandon", "Jean-Marc"]
)
def test_people_and_fans_are_not(name):
    assert held(name) == []


def test_only_the_name_is_read_and_the_brand_alone_needs_the_site():
    assert held("Léa", body="Le service client Décathlon m'a rappelé, merci") == []
    # No brand given (an imported post, whose name came from where it was written): no name is checked.
    assert held("Décathlon", brand=None) == [] and held("Modérateur", brand=None) == []
    [match] = evaluate({"body": "ok", "author_name": "  Service client "}, brand="Shop").matches
    assert (match.field, match.rule) == ("author_name", "impersonation")
