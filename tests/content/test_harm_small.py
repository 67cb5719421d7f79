"""Harms told small (``small_harms``): a device so hot it marked the skin, a mild shock from an appliance touched, a
fire that only started in a device, a swelling after a food said to be free of an allergen or with a doctor. Not a
pan that heats fast, a sauce's zing, fireworks of flavour, a fit of giggles, a game's fire effects, "gonflé à bloc"."""

import pytest

from tests.content.helpers import assert_published, verdict_of


def _lifted(text: str) -> bool:
    return "safety" in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        # A device so hot it marked the skin.
        "La frontale chauffe tellement que j'ai eu une cloque au front, bof.",
        "Le lisseur chauffe tellement que ça m'a laissé une marque rouge dans le cou",
        "The headlamp gets so hot it left a red mark on my forehead.",
        "my laptop got so hot it left a mark on my thigh, not ok",
        "la coque du tel devient tellement chaude que j'ai une trace rouge sur la joue",
        "Heated insoles get so hot they gave me blisters on my toes.",
        "the heat pad got hot enough to leave red patches on my back",
        "Le bracelet de la montre chauffe tellement qu'il m'a marqué le poignet",
        "Le sèche-cheveux chauffe à tel point que j'ai eu des rougeurs sur le cuir chevelu",
        "this mouse heats up so much my palm came up in a blister",
        "ça chauffe si fort que ma fille a une cloque au doigt",
        "the earbuds get so hot they left my ears red and sore",
        "the phone case gets hot enough to burn your fingers when it charges",
        "Le lisseur chauffe au point de brûler les doigts à travers le gant.",
    ],
)
def test_a_device_so_hot_it_marked_the_skin_lifts(text):
    assert _lifted(text), verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "Toaster works ok, just gives you a tiny zing when you touch the chrome side. Bit spicy lol",
        "The kettle gives a slight tingle if you touch the base while it's plugged in.",
        "I get a little buzz off the fridge door handle every single time.",
        "ça picote quand on touche le boîtier du grille-pain, c'est normal ?",
        "Je sens des fourmillements dans les doigts quand je touche le bord du lave-linge.",
        "On sent le courant passer en touchant la carcasse de la machine.",
        "The metal casing of the lamp tingles when it's charging.",
        "Mon doigt a picoté en touchant la prise de la bouilloire.",
        "the microwave door gives my fingers a zing whenever it's running",
        "ça pique les doigts dès qu'on touche le châssis du four branché",
        "Got a mild zap off the washing machine lid, twice.",
        "Le grille-pain m'a filé une châtaigne, jamais vu ça.",
    ],
)
def test_a_mild_shock_from_an_appliance_touched_lifts(text):
    assert _lifted(text), verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "y a eu un début de feu dans la rallonge, heureusement qu'on était réveillés",
        "A small fire started in the power strip overnight.",
        "There was a little fire inside the charger when I unplugged it.",
        "Le grille-pain s'est enflammé ce matin.",
        "un petit feu s'est déclaré dans la multiprise du salon",
        "Le chargeur a flambé pendant la nuit.",
        "The extension lead ignited while my phone was charging.",
        "le feu a pris dans la prise du radiateur",
        "début de feu dans le sèche-linge, merci le détecteur",
    ],
)
def test_a_fire_that_started_in_a_device_lifts(text):
    assert _lifted(text), verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "chui gonflée comme un ballon depuis vos cookies, pourtant écrit sans arachides. urgences cette nuit",
        "My son swelled up like a balloon after two bites, and the packet says nut free.",
        "j'ai enflé de partout après avoir goûté la sauce, pourtant sans cacahuètes d'après l'étiquette",
        'Ma fille est toute gonflée depuis le gâteau "sans fruits à coque", médecin de garde cette nuit.',
        "puffed up like a pufferfish after one of these bars, had to see a doctor, there are clearly nuts in them",
        "Elle a gonflé de partout après la crème, direction urgences.",
        "he ballooned after eating the granola, says almond free on the box",
        "im all swollen after eating your bars, nut free my foot",
        "Came up in hives an hour after the protein shake, never again.",
    ],
)
def test_a_swelling_after_a_food_with_an_allergen_or_a_doctor_lifts(text):
    assert _lifted(text), verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "la poêle chauffe vite",
        "La couette chauffe tellement que je dors sans pyjama.",
        "Ce pull tient tellement chaud que j'ai dû l'enlever dans le métro.",
        "The jacket gets so hot I had to take it off on the bus.",
        "Le radiateur chauffe tellement bien que la pièce est à 22 en dix minutes.",
        "This blanket is so warm it left me sweating all night.",
        "Il faisait tellement chaud que j'ai eu des rougeurs, l'hôtel n'avait pas la clim.",
        "My new boots gave me blisters on my heels on the first hike.",
        "the sun was so hot I got blisters on my shoulders at the beach",
        "this sauce gives a nice zing",
        "The lemon zing in this tart is lovely.",
        "The mint balm gives a cool tingle on the lips.",
        "The scalp serum tingles when you touch it to your skin, that's how you know it works.",
        "L'eau pétillante picote la langue, j'adore.",
        "Le baume picote un peu quand on touche la peau irritée.",
        "This coffee gives you a real buzz in the morning.",
        "The metal straws give a zing to cold drinks, love them.",
        "On sent le courant passer entre les deux acteurs, magnifique film.",
        "My hands were tingling after an hour on the e-bike, the vibration is harsh.",
        "ça pique un peu au niveau du prix mais la machine est top.",
        "Ce café m'a donné un coup de jus, la machine est géniale.",
        "I felt a buzz from my phone every time a notification came in.",
        "The fridge gives a loud buzz when you touch the door.",
        "feu d'artifice de saveurs",
        "un début de fou rire",
        "the game's fire effects",
        "Le feu de cheminée était parfait le soir.",
        "We lit a small fire in the fireplace, cosy room.",
        "a small fire pit on the terrace, lovely evenings",
        "Le public s'est enflammé dès la première chanson.",
        "Cuire à petit feu dans le four pendant 2 heures.",
        "This TV series ignited my love of history.",
        "Le prix des chargeurs a flambé cette année.",
        "Small fire sale on all chargers this weekend!",
        "gonflé à bloc pour la rando",
        "Le ventre gonflé comme un ballon après ce cassoulet, mais quel régal.",
        "T'es gonflé de nous vendre ça sans arachides à ce prix.",
        "Il est gonflé, le vendeur, pas de noix dans le produit alors que c'est écrit.",
        "The pastry puffed up like a balloon in the oven.",
        "Les prix sont gonflés mais le restaurant est bon, sans arachides pour mon fils.",
        "j'ai gonflé mon matelas en deux minutes, sans gluten ce pain au passage",
        "la pâte gonfle comme un ballon, farine sans gluten top",
        "She blew up at me when I said the cake had nuts.",
    ],
)
def test_heat_tingles_fires_and_swelling_of_other_kinds_do_not_lift(text):
    assert not _lifted(text), verdict_of(text).matches
    assert_published(text)
