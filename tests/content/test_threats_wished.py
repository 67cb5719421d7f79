"""Harm wished on a person or called for (``phases.wished``), however the person is named: a pronoun after a sentence
that names them, a disaster with them aboard, others called on to throw, push or beat them; French and English. The
close reviews (a bus that nearly hit the author, a battery, a kettle thrown away, a story's villain) stay published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

HARM_WISHED = [
    "Customer service rep Brenda hung up on me twice. I hope she gets hit by a bus on her way home.",
    "The rep at the desk was rude. Hope she gets run over by a lorry tbh",
    "That manager, Gary. I hope he gets cancer.",
    "the waiter ignored us for an hour, hope he chokes to death on his tips",
    "the landlord kept our deposit. Can't wait till he has a heart attack",
    "the receptionist laughed at me, honestly hoping she falls down the stairs",
    "La caissière m'a parlé comme à un chien. J'espère qu'elle va se faire écraser en rentrant.",
    "Le livreur a balancé mon colis, pourvu qu'il chope un cancer",
    "ce conseiller est une honte, j'espère qu'il se prenne un bus",
    "I hope you get hit by a bus @troll99",
]
ABOARD = [
    "Hope the CEO's yacht sinks with him on it, honestly. Would make my week.",
    "I hope his jet crashes with him on it",
    "the boss's boat going down with him aboard would make my year",
    "j'espère que son bateau coule avec lui dessus",
    "pourvu que leur avion s'écrase avec eux dedans",
]
CALLED_FOR = [
    "The steward on deck 7, the Polish guy with the neck tattoo, is a filthy animal. "
    "Someone should throw him overboard.",
    "That guy at the bar was a creep, somebody needs to push him off the pier",
    "the driver was vile. he should be thrown overboard",
    "Le serveur du pont 5 est un porc. Quelqu'un devrait le jeter par-dessus bord.",
    "ce type est une ordure, faudrait le pendre",
    "the manager screamed at my kid, someone should beat him up",
    "quelqu'un devrait la balancer à la flotte, cette vendeuse",
]
CLOSE = [
    "the bus nearly hit me outside the store",
    "I hope the battery lasts",
    "I hope the battery dies soon so I can get a new one",
    "someone should throw this kettle away",
    "someone should throw them in the bin, they're useless",
    "My nan is 98 and in hospital, I hope she dies peacefully",
    "In the novel the captain is cruel, I hope he gets hit by a bus in book 2",
    "the ferry sank with him on board in 1912",
    "I hope she gets better soon, the nurse was lovely",
    "Faudrait le pendre au mur, ce tableau",
    "my son loves the bus, I hope he gets the train set too",
    "hope the driver never gets hit by a car in that dark uniform",
    "J'espère que le vendeur va se faire virer",
    "j'espère qu'il ne coule pas avec nous dedans",
    "the captain said someone should throw the rope to him",
]


@pytest.mark.parametrize("text", HARM_WISHED + ABOARD + CALLED_FOR)
def test_harm_wished_or_called_for_is_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize("text", CLOSE)
def test_close_reviews_are_published(text):
    assert_published(text)
