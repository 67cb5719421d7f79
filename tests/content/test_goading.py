"""Goading (``phases.goading``): self-harm told to someone, a pile-on called for, a dare or a wait for someone, each
held in many phrasings, French and English; the close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

TOLD_TO_HARM_THEMSELVES = [
    "go unalive yourself",
    "just unalive urself lol",
    "neck yourself mate",
    "u should just off yourself",
    "Jump off a bridge.",
    "pls go jump off a cliff 🙏",
    "do us all a favour and disappear permanently",
    "Do everyone a favor and drop dead",
    "the world would be a better place without you",
    "nobody would miss you if you died",
    "go drink bleach",
    "Pends-toi.",
    "va te jeter d'un pont",
    "allez vous suicider bande de nazes",
    "tu devrais te foutre en l'air",
    "jte conseille de te pendre",
    "rends service à tout le monde et crève",
    "le monde serait mieux sans toi",
    "fous-toi en l'air 😘",
    # said of a person named by what they do, to the page
    "the seller should just kill himself",
    "that cashier needs to go hang herself",
    "the manager might as well off himself",
    "ce vendeur devrait aller se pendre",
    "le livreur ferait mieux de se jeter d'un pont",
]
NOT_TOLD = [
    "the character unalives himself in chapter 3",
    "I could jump off a cliff with joy, these boots are perfect",
    "tu vas te tuer avec ce vélo sans freins, attention",
    "You can take the lid off yourself, no tools needed",
    "Jetez-vous sur ce produit, il est génial",
    "Le héros finit par se pendre, un roman très sombre",
    "Don't drink bleach, obviously, but this cleaner is strong",
    "the main character should kill himself already, so boring",
    "he should kill himself, says the villain in chapter 2",
    "the owner might as well shoot himself in the foot with this policy",
    "the manager should shoot himself a reminder email",
    "le héros devrait se pendre, tout le roman l'annonce",
    "le vendeur devrait se tuer à la tâche pour ce salaire",
]

PILE_ON = [
    "everybody tell her what we really think of her 👇",
    "Let him know what y'all think about him",
    "go flood his DMs",
    "spam her reviews",
    "everyone go at @karen_lol",
    "share this everywhere so he can't hide",
    "let's make her life hell",
    "allez on se fait @X",
    "on se fait ce vendeur",
    "balancez-lui ce que vous en pensez",
    "allez lui dire en face",
    "inondez ses mp les gars",
    "partagez un max pour qu'il ne puisse plus se cacher",
    "allez tous le harceler",
]
NOT_PILE_ON = [
    "tell the shop what you think in the survey",
    "everybody should try this",
    "Tell them what you think of the new colour, they listen",
    "let's cancel her subscription, she never uses it",
    "on se fait un resto après le magasin",
    "envoyez-leur vos avis, le SAV répond vite",
    "Share this with your friends who love hiking",
]

DARES = [
    "say that to my face at the store and see what happens",
    "say it 2 my face",
    "come say it in person",
    "post that again and see what happens",
    "I'll be waiting by your car",
    "ill be waitin outside ur work 😈",
    "we'll be waiting for you after your shift",
    "let's see how tough u are irl",
    "répète ça et …",
    "Répète un peu pour voir",
    "viens me le dire en face",
    "je t'attendrai devant ta voiture",
    "jtattends devant ton taf",
    "je viens te chercher à la sortie du magasin",
    "on va voir si tu fais toujours le malin",
    "tu feras moins le malin",
]
NOT_DARES = [
    "I'll be waiting for the restock",
    "je viens chercher ma commande à la sortie du travail",
    "I'll be waiting for the next drop outside the store, can't wait",
    "Je répète ça et ça marche à chaque fois",
    "je viens te chercher à la sortie de l'école, dit la maman dans le livre",
    "on se retrouve au magasin samedi",
]


@pytest.mark.parametrize("text", TOLD_TO_HARM_THEMSELVES + DARES)
def test_told_to_harm_themselves_or_dared_is_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize("text", PILE_ON)
def test_a_pile_on_is_held(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize("text", NOT_TOLD + NOT_PILE_ON + NOT_DARES)
def test_close_reviews_are_published(text):
    assert_published(text)


# Round 2: a dare to keep speaking, and self-harm said as the speaker's choice in the other's place.
DARED_TO_GO_ON = [
    "I know which gym you go to, @CoachMia. Keep posting and see what happens.",
    "I know which pub you drink in @dan_r. Carry on and see what happens.",
    "Keep running your mouth @jay_b and see what happens",
    "keep talking about me, you'll find out",
    "Je sais dans quelle salle tu t'entraînes. Continue comme ça et tu verras.",
    "continue à l'ouvrir et tu vas voir ce qui va se passer",
    "Continuez de poster vos avis bidons, vous allez voir",
]
IN_YOUR_PLACE = [
    "Avec une tronche pareille à ta place je me pendrais avec la corde à sauter 😂",
    "si j'avais ta tête je me tirerais une balle",
    "@kev si j'étais toi je me jetterais d'un pont",
    "If I looked like you I'd kill myself lol",
    "I'd honestly hang myself if I had your face @mia",
    "with a face like that I'd jump off a bridge",
]
NOT_DARED = [
    "I know which gym sells it cheaper",
    "Keep using it and see what happens to the battery",
    "keep charging it overnight and see what happens",
    "continue comme ça et tu verras les résultats",
    "Continue à parler à ton bébé, tu verras il adore",
    "à ta place je prendrais la taille au-dessus",
    "If I were you I'd kill myself laughing at this film",
    "à ta place je me tuerais à la tâche pour finir",
    "if I were you I'd return it",
]


@pytest.mark.parametrize("text", DARED_TO_GO_ON + IN_YOUR_PLACE)
def test_dares_and_self_harm_in_your_place_are_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize("text", NOT_DARED)
def test_advice_and_products_are_published(text):
    assert_published(text)
