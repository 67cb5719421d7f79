"""Staff and people called names by how reviews name them: "the lad on the till", "the bloke at returns", a name in
apposition ("the manager, Kevin, a lazy useless slob"), not what a person is reported to have said of a thing."""

import pytest

from tests.content.helpers import assert_held_as_abuse, assert_published

HELD = [
    "Ordered running shoes. The lad on the till is a brain-dead muppet.",
    "Store manager Kevin, a lazy useless slob, ignored us for twenty minutes.",
    "the girl at the checkout is a thick cow, rang everything up twice",
    "Returns desk was a joke, the bloke there is a complete waste of space",
    "Only downside was the assistant at the Oxford St store, Gary, a useless fat slob. Fire him.",
    "The dude who delivered it is a total halfwit, left it in the rain",
    "Asked for help and the chap in the paint aisle, a smug little pillock, laughed at me.",
]

PUBLISHED = [
    "The girl in the video said the charger is a waste of space, and she was right.",
    "the cashier said the old model is a waste of space, so I took this one",
    "Bought the XL, a stupid mistake on my part, runs big.",
    "The tent, a total disaster in the wind, leaked at the seams.",
    "The lad on the till was lovely, sorted my refund in minutes.",
    "My kid is a waste of space at chores lol but he loves this game",
    "The bloke at returns said the box is a waste of space, recycle it.",
]


@pytest.mark.parametrize("text", HELD)
def test_a_person_named_as_reviews_name_them_is_insulted(text):
    assert_held_as_abuse(text, "")


@pytest.mark.parametrize("text", PUBLISHED)
def test_a_thing_called_names_or_a_person_reporting_it_is_not(text):
    assert_published(text)
