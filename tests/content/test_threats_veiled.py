"""Threats said past the first clause, of a third person, or veiled: held as abuse; close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

THREATS = [
    # "I'll find you" followed by a menace after the comma, or after a taunt whatever follows.
    "keep talking and I'll find you, it's not that hard to find people these days 🙂🔪",
    "I'll find you, it's not that hard to find people",
    "We will find you, trust me.",
    "Post one more review like that and we'll hunt you down",
    "Say that again and I'll find you",
    # Hospital promised on the next meeting; revenge on a third person.
    "la prochaine fois que je croise le gérant du magasin il finit à l'hosto … il va payer",
    "Si je recroise ce livreur il finira aux urgences",
    "Next time I see that driver he'll end up in hospital",
    "Ce vendeur va me le payer, je vous le garantis",
    # Knowing when the staff leave; the mobster's compliment and his line about a shop.
    "Je sais où se trouve votre entrepôt et je sais à quelle heure sortent vos employés le soir. On verra si vous "
    "rigolez toujours.",
    "On sait quand finissent tes vendeuses, fais gaffe",
    "Nice little store you've got on Elm Street. Would be a shame if something happened to it … I know what time "
    "you lock up.",
    "Lovely warehouse you have got there, shame if anything happened to it",
    "Ce serait dommage qu'il arrive quelque chose à votre boutique",
]


@pytest.mark.parametrize("text", THREATS)
def test_veiled_and_third_person_threats_are_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize(
    "text",
    [
        "I'll find you a better deal",
        "keep looking and I'll find you a better deal",
        "Don't worry, we'll find you, just DM us your order number",
        "I'll find you one, promise",
        "je sais où se trouve le magasin, j'y passerai samedi",
        "Je sais à quelle heure ferment les magasins le dimanche",
        "it was a shame the delivery was late",
        "Nice little store, shame it closes so early",
        "Votre enfant finira à l'hôpital avec ce jouet, pièces trop petites",
        "Si tu continues à manger ça tu finiras à l'hôpital",
        "Next time I see my GP I'll ask about the hospital referral",
        "Mon mari a pris la carte, il va payer.",
        "il va payer en trois fois sans frais",
        "Ce serait dommage qu'il arrive quelque chose à ce modèle, je le rachèterais",
        "The shop is on Elm Street, open 9 to 6, they lock up at 6 sharp",
    ],
)
def test_close_reviews_are_published(text):
    assert_published(text)
