"""Teasing between friends and a rival's boast at a game are published; the same words said to hurt are held."""

import pytest

from .helpers import assert_held_as_abuse, assert_published


@pytest.mark.parametrize(
    "text",
    [
        "lol Sam you absolute muppet, you left your helmet at the café again 😂 see you saturday x",
        "Mdr t'es vraiment un boulet Karim, t'as oublié les pneus, je te prête les miens, tu me dois une bière",
        "Quelle andouille ce Jérôme, il a encore crevé 😂 à demain les gars",
        "lol you idiot, love you mate, pints on me friday",
        "Vous êtes deux nazes au ravito mais sans vous ce serait moins drôle, rdv dimanche au départ",
        "Tom you numpty, wrong car park AGAIN 🤣 coffee's on me next time",
        "t'es un guignol 😂 bisous, à samedi",
        "you plonker, you owe me a pint for carrying your bag up that hill ❤️",
        "Haha Tom you absolute muppet, the only guy I know who gets a flat indoors. See you Sunday, I'll bring tubes",
    ],
)
def test_a_mild_name_said_with_warmth_is_teasing(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "you absolute muppet, nobody here wants to read your rubbish",
        "t'es un boulet, personne veut de toi sur ce forum",
        "you idiot, I hope you get what's coming, see you at the store",
        # Warmth does not excuse staff named, nor a word worse than a fool.
        "the cashier is a total muppet, see you in court",
        "la caissière est une vraie neuneu, à demain pour le remboursement",
        "you absolute cunt, see you saturday x",
    ],
)
def test_the_same_names_said_to_hurt_are_held(text):
    assert_held_as_abuse(text, "")


@pytest.mark.parametrize(
    "text",
    [
        "mon fils va te tuer au classement Strava cette semaine 😂",
        "she'll destroy you on the climbs, trust me",
        "I'm going to kill you at chess tonight, loser buys the beers",
        "je vais te défoncer au prochain 10 km, prépare-toi",
    ],
)
def test_a_rivals_boast_at_a_game_is_no_threat(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "il va te tuer si tu recommences",
        "je vais te tuer, je sais où tu habites",
        "I'm going to kill you at the car park tonight",
    ],
)
def test_a_threat_with_no_game_after_it_is_held(text):
    assert_held_as_abuse(text, "")
