"""A sentence passed on a person (``phases.reprisal``), and the threats' neighbours mended with it: death pronounced,
a meeting then the harm, a reprisal the speaker will make; a house wished burnt with someone inside; finding someone
and their regret; knowing which store someone works on which day."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

HELD = [
    # Death pronounced, to someone or waiting on a meeting.
    "you're dead",
    "ur dead meat bro",
    "t'es mort",
    "toi t'es mort",
    "vous êtes morts",
    "Le vendeur du rayon vélo, t'es mort si je te recroise sur le parking.",
    "Paul, if you come back here, you're dead",
    "Si tu reviens ici t'es mort",
    "You're dead if I see you again",
    # A meeting, then the harm.
    "if I see that guy again he's dead",
    "next time I see you you're dead",
    "if I see him again he's finished",
    "if I see him again im gonna smash him",
    "si je la recroise je la démonte",
    "si je le revois je le défonce",
    "that cashier is dead meat",
    # A reprisal the speaker will make.
    "I'll make you pay",
    "I'll make you regret this",
    "I will make you suffer",
    "we'll make you disappear",
    "Keep ignoring my emails and I'll make you disappear, Sandra from billing.",
    "On va te retrouver Kevin de l'accueil, tu vas comprendre ta douleur",
    "on va te retrouver fdp",
    "Paul, I will find you and you'll regret it.",
    # A house wished burnt with its owner inside; a member of staff's days at a store.
    "Hope the manager's house burns down with him inside it.",
    "I hope the seller's warehouse burns down",
    "@Emily_R saw your other posts, I know you work the Lyon store on Tuesdays. See you there soon",
]

PUBLISHED = [
    "this cream will make your wrinkles disappear",
    "I'll make you a deal",
    "I'll make you regret buying anything else",
    "you'll regret this",
    "Don't buy it, you'll regret it.",
    "you're dead to me",
    "You're dead wrong about this book",
    "If you forget the charger, you're dead.",
    "si t'as pas de chargeur t'es mort",
    "Sans GPS, t'es mort.",
    "si tu crèves un pneu, t'es mort",
    "La batterie ? Une fois vide, t'es mort.",
    "t'es mort de rire",
    "Ce livre m'a tué. T'es mort de rire à chaque page.",
    "we're dead tired after the hike",
    "you're finished",
    "Assemble it and you're finished.",
    "on va te retrouver, promis, à la braderie",
    "I hope my old house burns down lol",
    "I know you work Sundays, but opening at 10 is too late",
    "I know the staff work on Sundays so the shop is open",
    "I know you work hard on mondays",
    # The speaker's intent alone, with no meeting before it, even beside a word of the shapes ("dead").
    "im gonna smash it at the gym, dead easy",
    "next time I see a sale I'll break my budget",
    "This cheap case will make you pay twice",  # "will make", not "ill make": the speaker stands at a word's start
]


@pytest.mark.parametrize("text", HELD)
def test_a_sentence_passed_on_a_person_is_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize("text", PUBLISHED)
def test_their_figures_and_plights_are_published(text):
    assert_published(text)
