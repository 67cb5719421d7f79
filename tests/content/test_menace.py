"""Veiled threats (``phases.menace``) and threats typed carelessly: each class held in many phrasings, French and
English; the close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

# Knowing a person's movements: any subject, word order, tense or spelling.
KNOWING = [
    "I know you finish at 9",
    "i know wat time u get off work 🙂",
    "We know when your manager leaves the shop.",
    "we found out where the cashier parks her car",
    "I know exactly when the girl at the till clocks off",
    "I know what car you drive",
    "I know the route you take home",
    "ik where ur wife parks",
    "I know when the manager locks up. Every night, alone.",
    "I've seen where you park",
    "je sais à quelle heure le gérant ferme",
    "On sait quand tu sors du boulot",
    "Je connais l'heure à laquelle tu finis",
    "Je sais où ta vendeuse gare sa voiture",
    "je sais quel bus tu prends",
    "je connais ton trajet",
    "On connaît la voiture du gérant",
    "Je sais très bien à quelle heure finit ta caissière",
    "je sais que tu finis à 21h",
    "On te voit partir tous les soirs",
    "Je sais à quelle heure le gérant du magasin de Rouen finit son service.",
]
KNOWING_PUBLISHED = [
    "I know where the store is, I'll pop in Saturday",
    "je sais à quelle heure le magasin ouvre",
    "I know you close at 6, but they shut the door at 5:40",
    "Je sais à quelle heure ferment les magasins le dimanche",
    "I know your hours are short on Sundays, still worth it",
    "I know what time the shop opens, no need to ring",
]

# The mobster's idioms, standing alone or said of a person, and their product lookalikes.
IDIOMS = [
    "be a real shame if something happened",
    "It'd be a shame if something happened to your shop…",
    "would be a pity if anything happened to u 😉",
    "Nice little shop you have. Would be a shame if something happened to it.",
    "Shame if your store burned down, wouldn't it",
    "Ce serait dommage qu'il vous arrive quelque chose",
    "ça serait vraiment dommage qu'il lui arrive un malheur",
    "Dommage s'il arrivait quelque chose à tes gosses",
    "La caissière ferait bien de regarder derrière elle",
    "Le gérant devrait surveiller ses arrières",
    "She should watch her back",
    "that driver better watch his back 🔪",
    "You won't see it coming.",
    "u wont c it coming",
    "Tu ne le verras pas venir",
    "vous le verrez jamais venir",
    "Je connais ta tête, je te croiserai bien un jour au magasin.",
]
IDIOMS_PUBLISHED = [
    "Shame the colour faded after one wash",
    "dommage qu'il arrive abîmé",
    "It would be a shame if something happened to this brand, I love it.",
    "Nice car seat. It would be a shame if anything happened to it, so I bought the cover too.",
    "The twist at the end, you won't see it coming",
    "You won't see it coming: the battery dies without warning.",
    "Ce serait dommage qu'il arrive quelque chose à ce modèle, je le rachèterais.",
    "Watch your step on the first stair, this rug slides",
]

# A farewell or a taunt after a grievance aimed at a person or after the knowledge; alone, a customer.
FAREWELLS = [
    "You laughed in my face. See you soon 😉",
    "Tu m'as manqué de respect devant tout le monde. À bientôt.",
    "The manager was rude to me. See you around.",
    "Vous m'avez pris pour un con. On verra qui rira le dernier.",
    "Tu vas le regretter. On va bien voir qui rira le dernier",
    "The lass on the till works lates on Thursdays. Should be careful walking to the tube after the way she spoke to "
    "me 🙂",
]
FAREWELLS_PUBLISHED = [
    "See you soon for the next order",
    "Merci, on se reverra l'an prochain",
    "Super accueil, à bientôt !",
    "You should be careful walking home in these, the soles are slippery when wet.",
    "The delivery was late. See you soon, hopefully with a faster courier!",
]

# Threats in the speaker's careless spelling.
CARELESS = [
    "i swear ill find out where u live and put u in hospital",
    "imma kill u",
    "im gonna smash ur face",
    "i'ma stab u",
    "ill beat u up",
    "we r gonna hurt u",
    "i swear ill break ur legs",
]
CARELESS_PUBLISHED = [
    "I was ill, find the instructions hard to read",
    "ill fitting, sent back",
    "Imma buy two more",
    "im gonna return it",
    "i'll cut the hem, too long",
]


@pytest.mark.parametrize("text", KNOWING + IDIOMS + FAREWELLS + CARELESS)
def test_veiled_and_careless_threats_are_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize("text", KNOWING_PUBLISHED + IDIOMS_PUBLISHED + FAREWELLS_PUBLISHED + CARELESS_PUBLISHED)
def test_their_lookalikes_are_published(text):
    assert_published(text)


# "Be a shame if something happened" on the person's own way, after their routine was told.
@pytest.mark.parametrize(
    "text",
    [
        "You walk your dog along the river at 7 every night. Would be a pity if something happened on that walk 😉",
        "Saw your post, Dave. You cycle to the depot daily. Be a real shame if something happened on your way home.",
        "Love the profile pic. Would be a shame if anything happened along that towpath.",
    ],
)
def test_a_shame_on_the_persons_way_is_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize(
    "text",
    [
        "Lovely vase, would be a shame if something happened in transit.",
        "Be a shame if something happened on the road, so I bought the extra insurance for the bike.",
        "It would be a shame if something happened to the screen, so get the case too.",
    ],
)
def test_a_shame_said_of_a_parcel_or_a_trip_is_published(text):
    assert_published(text)
