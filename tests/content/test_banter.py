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
    ("text", "rule"),
    [
        ("you absolute muppet, nobody here wants to read your rubbish", "muppet*"),
        ("t'es un boulet, personne veut de toi sur ce forum", "boulet"),
        ("you idiot, I hope you get what's coming, see you at the store", "idiot"),
        # Warmth does not excuse staff named, nor a word worse than a fool.
        ("the cashier is a total muppet, see you in court", "muppet*"),
        ("la caissière est une vraie neuneu, à demain pour le remboursement", "neuneu*"),
        ("you absolute cunt, see you saturday x", "cunt*"),
    ],
)
def test_the_same_names_said_to_hurt_are_held(text, rule):
    assert_held_as_abuse(text, rule)


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
    assert_held_as_abuse(text, "threat: ")


# A killing word said, laughing, of one's own people named just before ("mon mari … je vais le tuer 😂"); staff named
# there, or no laughter, keep it a threat.
@pytest.mark.parametrize(
    "text",
    [
        "Ma femme a utilisé ma poêle neuve pour la peinture, je vais la tuer 😂 sinon super poêle",
        "My son ate the last of the protein bars, I'm going to kill him lol. Tasty though.",
        "mon pote a cassé la manette au bout de 2 jours, je vais le buter mdr",
    ],
)
def test_a_laughing_threat_at_ones_own_people_is_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le livreur a jeté mon colis, je vais le tuer 😂",
        "Mon mari a commandé chez vous, le livreur a jeté le colis, je vais le tuer 😂",
        "Mon mari a rempli ma gourde de vin, je vais le tuer.",
    ],
)
def test_staff_named_or_no_laughter_keep_the_threat(text):
    assert_held_as_abuse(text, "threat: ")
