"""Abuse the customer received, told without quotation marks or to someone beside them, is theirs to complain of
(``shapes.received``); a clause of their own after it ("…, what a bitch", "and she is a cow") is not."""

import pytest

from .helpers import assert_held_as_abuse, assert_published, verdict_of

RECEIVED = [
    "He muttered something like useless old bitch under his breath when I asked about the warranty.",
    "Receptionist told my partner he was 'too dumb to work a keycard'. We checked out early.",
    "au tel le technicien m'a dit texto : vous êtes trop con pour brancher une box. sympa l'accueil",
    "Mechanic said I was a 'clueless wanker who shouldn't own a carbon frame'. Great wheel truing, awful manners.",
    "Le vendeur m'a traité de con devant tout le monde.",
    "the driver said I was an idiot for not being home",
    "il m'a lancé espèce d'abrutie en partant",
    "she told me I'm a moron for buying this",
]

OWN = [
    ("The cashier called me an idiot, what a bitch.", "bitch"),
    ("The manager called me a liar, he is a total asshole.", "asshole"),
    ("Le vendeur m'a traitée de conne, quel connard ce vendeur.", "connard"),
    ("the cashier told me to wait and she is a stupid cow", "cow"),
    ("I told the cashier she was a stupid bitch.", "bitch"),
    ("My son called me, you idiot", "idiot"),
]


@pytest.mark.parametrize("text", RECEIVED)
def test_abuse_received_is_published(text):
    assert_published(text)


@pytest.mark.parametrize(("text", "rule"), OWN)
def test_the_authors_own_clause_is_still_held(text, rule):
    assert_held_as_abuse(text, rule)


def test_a_fire_steels_sparks_lift_nothing_and_a_grinders_in_an_eye_do():
    assert verdict_of("Fire starter works great, throws sparks on the first strike even when wet.").lifts == []
    assert "safety" in verdict_of("The grinder threw sparks into my eye, no guard included").lifts


# The quotation opened right after a verb of saying is someone else's words; SMS French drops the apostrophe ("ma
# dit"). The author's own name for them after it is still held.
@pytest.mark.parametrize(
    "text",
    [
        "The delivery guy muttered 'lazy old bitch' when I asked him to bring it upstairs. Appalling.",
        "Cashier hissed 'stupid bitch' at the lady in front of me. Not going back.",
        'le livreur ma dit "dégage connasse" quand j\'ai demandé de monter le colis',
        'la caissière ma dit "salope" devant tout le monde, honteux',
    ],
)
def test_a_quotation_after_someone_elses_verb_of_saying_is_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("il m'a dit que j'étais con, et c'est lui le con", "con"),
        ("elle m'a traitée de nulle, mais c'est elle la conne", "conne"),
    ],
)
def test_the_authors_own_insult_beside_a_report_is_held(text, rule):
    assert_held_as_abuse(text, rule)


def test_the_authors_own_words_quoted_are_still_held():
    assert_held_as_abuse("I said 'you stupid bitch' to the cashier and walked out", "bitch")
