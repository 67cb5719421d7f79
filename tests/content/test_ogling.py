"""Sexual remarks about a woman on the staff, said of her in the third person: held as abuse; service published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published


@pytest.mark.parametrize(
    "text",
    [
        "only went back to watch the girl at the till bend over again, she knows exactly what she's doing 😉 ask for "
        "Chloe",
        "Go in just to see the blonde cashier bending over the freezers, worth the trip",
        "the waitress on Fridays has a great arse, tip her well lads",
        "la vendeuse blonde du rayon lingerie elle peut venir me faire l'essayage perso quand elle veut, je repasse "
        "samedi 😘🍆",
        "la vendeuse blonde du rayon running, Chloé, je la prendrais bien dans la cabine d'essayage",
        "La caissière du soir 🍑🍆 je repasse demain",
        "la caissière a de beaux nichons",
        "la vendeuse du rayon vélo avait un gros cul",
        "I want to f*ck the cashier so hard",
    ],
)
def test_remarks_about_a_woman_on_the_staff_are_held(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize(
    "text",
    [
        "les vendeuses du rayon lingerie sont de bon conseil",
        "la vendeuse peut me faire un prix quand elle veut, je reviendrai",
        "the saleswoman helped me bend the frame over my knee",
        "I had to bend over to see the bottom shelf, the cashier helped",
        "la vendeuse m'a conseillé la robe, je la prendrais bien en M",
        "The waitress has a great memory, remembered our order",
        "Ratatouille réussie, la vendeuse du marché avait de belles aubergines",
        "la vendeuse a de beaux yeux et un grand sourire",
        "la vendeuse a de gros soucis avec son stock",
    ],
)
def test_service_by_women_on_the_staff_is_published(text):
    assert_published(text)


def test_a_reviewer_describing_herself_is_published():
    assert_published(
        "as a petite (5'4\", 130 lbs) lady with big boobs, i hate clingy cardigans with buttons since they are just so "
        "unflattering"
    )
    assert_published("I had my daughter bend over to check the leggings, the girl at the till said they're opaque")


# Her invitation imagined, a verb in scare quotes or a leer after "anytime", a masked body part, watching her bend
# over wished for; "autre chose que" at the speaker's home.
@pytest.mark.parametrize(
    "text",
    [
        "The lass who did my fitting has a nice a$$, she can come 'adjust' me anytime",
        "the redhead at the pharmacy counter can check my pulse anytime 🥵",
        "the new waitress, she could come round and show me a lot more than the dessert menu",
        "the brunette on the tills, would love to watch her bending over to stack the shelves",
        "La serveuse du resto, elle peut passer dans mon lit me servir autre chose que le café",
        "La caissière du magasin de Lille, elle peut me scanner quand elle veut 🥵",
    ],
)
def test_innuendo_about_a_woman_on_the_staff_is_held(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize(
    "text",
    [
        "the girl at the till can help me anytime, so kind",
        "la vendeuse peut me refaire un prix quand elle veut 😉",
        "I loved watching her bend over backwards to help, the cashier was great",
        "la conseillère peut venir chez moi me montrer comment régler la tondeuse, très pro",
        "The lady in the video can show me how to fold it anytime, clearest demo I've seen",
    ],
)
def test_service_offered_by_a_woman_on_the_staff_is_published(text):
    assert_published(text)
