"""Reviews tell what happened: abuse told in the past tense is held as it is in the present. The idioms of a dim,
vile or ugly person are abuse only when said of a person."""

import pytest

from .helpers import assert_published, verdict_of


@pytest.mark.parametrize(
    "text",
    [
        # Sexual remarks about staff, the staff's brains, a group named as the staff: each in the present and the past.
        "The cashier has a great arse.",
        "The cashier had a great arse.",
        "La vendeuse est trop bonne 🥵",
        "La vendeuse était trop bonne 🥵",
        "The staff have the IQ of a goldfish.",
        "The staff had the IQ of a goldfish.",
        "The whole staff is black, those people are lazy.",
        "The whole staff was black, those people are lazy.",
        # Idioms of a dim or vile person, said of one.
        "The delivery guy was brain dead.",
        "The guy at the till was thick as two short planks.",
        "Le vendeur était un bon à rien.",
        "Le livreur était bête comme ses pieds.",
        "Le livreur est un gros porc.",
        "Le patron est un escroc et un pédophile.",
        "The owner is a pedophile.",
    ],
)
def test_abuse_is_held_whatever_the_tense(text):
    assert verdict_of(text).hold_reasons == ["abusive"], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "Un rôti de porc bien cuit, c'est un porc fermier de qualité.",
        "Ce filet mignon de porc est délicieux.",
        "The app is brain dead, it forgets my login every time.",
        "Ce chargeur est bon à rien.",
        "The documentary about a pedophile priest was hard to watch.",
        "Le roman raconte l'histoire d'un pédophile et c'est dérangeant.",
        "The girl at the till was so helpful, she had a great eye for sizes.",
    ],
)
def test_the_same_words_of_things_and_stories_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    ["@paul I've seen your photos, you're ugly as hell.", "The guy at the till is ugly and rude."],
)
def test_looks_said_of_a_person_are_held(text):
    assert verdict_of(text).hold_reasons == ["abusive"], verdict_of(text).matches


def test_the_conditional_insult_is_held_and_lifts_no_safety_case():
    verdict = verdict_of("If you had a brain you'd be dangerous.")
    assert verdict.hold_reasons == ["abusive"]
    assert verdict.lifts == []


@pytest.mark.parametrize(
    "text",
    [
        "These trainers are ugly but comfy.",
        "The ugly duckling is my kid's favourite book.",
        "The ugly truth is that the zip breaks.",
        # French "il" and "elle" are things as often as people: "moche" is not in the lists.
        "Les personnages sont nuls, ils sont super moches comme d'habitude.",
    ],
)
def test_ugly_things_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "Le vendeur m'a parlé comme à un chien, quel sale type.",
        "Le livreur est un gros lourdaud incompétent.",
        "La caissière, une vraie peste.",
        "Ce conseiller est un vrai charlot.",
        "T'es qu'un troll, casse-toi du forum.",
        "Va te faire voir, toi et tes conseils pourris.",
        "Encore un facho qui vient donner des leçons.",
    ],
)
def test_french_names_for_a_person_are_held(text):
    assert verdict_of(text).hold_reasons == ["abusive"], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "La Peste de Camus est un chef-d'œuvre.",
        "Charlot est génial dans ce film muet.",
        "Le troll des montagnes est le meilleur personnage du livre.",
        "Alors peut-être suis-je un sale type sans scrupules, mais ce film ne m'a pas ému.",
        "On a envie de voir Magda réussir rien que pour clouer le bec au sale type qui dirige la villa.",
    ],
)
def test_the_same_french_words_in_stories_and_books_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "That delivery driver is a knob.",
        "The guy at the counter was a total tool.",
        "Staff are inbred hicks.",
        "Manager was a smug git.",
        "The waitress was a miserable old bag.",
        "That clerk is a nutcase.",
        "Their support staff are a pack of morons.",  # "a pack of" links as "a bunch of" does
    ],
)
def test_british_and_american_names_for_a_person_are_held(text):
    assert verdict_of(text).hold_reasons == ["abusive"], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "The door knob is loose after a week.",
        "My old bag finally broke, this one is sturdier.",
        "A total tool for DIY lovers, the drill is great.",
        "I use git for my projects and this laptop handles it fine.",
        "The pack of batteries was a load of rubbish.",
    ],
)
def test_the_same_english_words_for_things_are_published(text):
    assert_published(text)
