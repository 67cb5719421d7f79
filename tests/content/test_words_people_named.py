"""Staff and people called names by how reviews name them: "the lad on the till", "the bloke at returns", a name in
apposition ("the manager, Kevin, a lazy useless slob"), not what a person is reported to have said of a thing."""

import pytest

from tests.content.helpers import assert_held_as_abuse, assert_published

HELD = [
    ("Ordered running shoes. The lad on the till is a brain-dead muppet.", "muppet*"),
    ("Store manager Kevin, a lazy useless slob, ignored us for twenty minutes.", "slob"),
    ("the girl at the checkout is a thick cow, rang everything up twice", "cow"),
    ("Returns desk was a joke, the bloke there is a complete waste of space", "waste of space"),
    ("Only downside was the assistant at the Oxford St store, Gary, a useless fat slob. Fire him.", "fat slob"),
    ("The dude who delivered it is a total halfwit, left it in the rain", "halfwit*"),
    ("Asked for help and the chap in the paint aisle, a smug little pillock, laughed at me.", "pillock*"),
]

PUBLISHED = [
    "The girl in the video said the charger is a waste of space, and she was right.",
    "the cashier said the old model is a waste of space, so I took this one",
    "Bought the XL, a stupid mistake on my part, runs big.",
    "The tent, a total disaster in the wind, leaked at the seams.",
    "The lad on the till was lovely, sorted my refund in minutes.",
    "My kid is a waste of space at chores lol but he loves this game",
    "The bloke at returns said the box is a waste of space, recycle it.",
]


@pytest.mark.parametrize(("text", "rule"), HELD)
def test_a_person_named_as_reviews_name_them_is_insulted(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize("text", PUBLISHED)
def test_a_thing_called_names_or_a_person_reporting_it_is_not(text):
    assert_published(text)


# A person by a role (captain, pilot, moderator, CEO), "t1" for "t'es un", a sentence that is only the name called
# after one that named them, "c'est lui le con", and "brainless".
@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Le capitaine du ferry est un gros porc", "porc"),
        ("the pilot was a brainless idiot and nearly missed the runway", "brainless"),
        ("wsh le modo t1 gros fdp", "fdp"),
        (
            "Le livreur qui fait la tournée de Lens-Liévin a balancé mon colis par-dessus la grille. Un vrai débile.",
            "debile*",
        ),
        ("La conseillère de l'agence de Lille n'a rien compris à mon dossier. Une vraie débile.", "debile*"),
        ("you lot in the returns department are brainless", "brainless"),
        ("le PDG de cette boîte est un alcoolo", "alcoolo"),
    ],
)
def test_a_person_named_by_a_role_or_the_sentence_before_is_insulted(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        "Le scénario est nul. Un vrai débile aurait écrit mieux, mais les décors sont beaux.",
        "The plot is brainless fun, perfect for a flight.",
        "un ti punch et au lit, le rhum est top",
        "Le capitaine du bateau était adorable, traversée parfaite.",
        "Mon fils a adoré ce jeu. Un vrai débile de rire, comme dit sa soeur.",
    ],
)
def test_things_and_kind_words_about_a_role_are_published(text):
    assert_published(text)


# Round 2: French scorn said of a person by a noun that is also a thing ("une vraie tache", "ce bouffon"), and a
# person called rubbish as a human being.
@pytest.mark.parametrize(
    "text",
    [
        "Le vendeur du rayon vélo à Villeneuve, le gros roux, une vraie tache. "
        "J'espère qu'il va se faire virer ce bouffon.",
        "La caissière blonde, une vraie tache celle-là",
        "Le technicien est venu 3 fois sans rien réparer, quelle sacrée tache ce mec",
        "Ce guignol m'a raccroché au nez deux fois",
        "J'ai attendu 40 min et ce bouffon n'a même pas regardé mon dossier",
        "what a garbage person you are",
        "@kev you're human garbage",
        "trash player trash human",
    ],
)
def test_scorn_of_a_person_is_held(text):
    assert_held_as_abuse(text)


@pytest.mark.parametrize(
    "text",
    [
        "cette tache ne part pas",
        "le bouffon du roi dans le film",
        "ce bouffon du roi est drôle dans la pièce",
        "le vin a laissé une tache sur la nappe",
        "ce guignol de GPS m'a perdu",
        "Il y a une vraie tache de gras sur le col",
        "the beach was covered in human trash",
        "trash bags are thin",
    ],
)
def test_stains_jesters_and_litter_are_published(text):
    assert_published(text)
