"""Classes mended after a blind probe (a helper that read neither rules nor tests wrote it): a quoted product name
or words said to a thing, a shop's after-sales line, a business named before its address, a member of staff named
with the street they live on, a Discord tag, insults in verlan and "sale chien", stupidity called inborn, and the
safety lane's burns that are what a product is for, food burnt in a pan, a fall nearly taken."""

import pytest

from .helpers import assert_held_as_abuse, assert_published, verdict_of

PUBLISHED = [
    "Got the 'Bad Bitch Energy' phone case for my sister, she loves it. Print quality is great.",
    "Le mug « Connard professionnel » est top, mon collègue a ri.",
    "le t-shirt 'Idiot Sandwich' est drôle et taille bien",
    "My son keeps yelling 'you stupid robot!' at this toy and honestly it deserves it.",
    "J'ai appelé le SAV au 09 69 32 10 00 indiqué sur la facture, très réactifs.",
    "J'ai appelé le SAV au 01 45 32 10 00, très réactifs.",
    "I found it at La Grande Epicerie de Paris at 38 rue de Sevres, where everything can be found!",
    "le restaurant Chez Paul au 4 rue de la Paix est top",
    "mon chien est un sale chien, il mange tout",
    "le serveur discord de la marque est sympa, ticket #4821 résolu",
    "The manager is Greg Hollis, he was kind. The shop on Maple Ave is great.",
]

ABUSE = [
    ("I said to the cashier 'you stupid bitch'", "bitch"),
    ("Par contre le livreur Mehdi est un sale chien.", "sale chien"),
    ("le vendeur c'est un gros tarba et la meuf de la caisse une vraie teupu", "tarba"),
    ("Was the guy at checkout born this stupid or did he have to practice?", "harassment: "),
]

HELD_ELSE = [
    ("le magasin m'a livré chez moi au 12 rue des Lilas", "personal_data"),
    ("Le SAV m'a donné le portable du technicien: 06 12 34 56 78", "personal_data"),
    ("appelle moi au 09 51 23 45 67", "personal_data"),
    ("The rude manager is Greg Hollis, lives on Maple Ave in Dayton. Go tell him what you think.", "personal_data"),
    ("dispo sur discord : Karim#4821 pour comparer les tailles", "links"),
    ("add me on discord Karim#4821", "links"),
]

NOT_A_HAZARD = [
    "Le piment d'Espelette brûle comme il faut, parfait pour mes plats.",
    "Fer à repasser top, la vapeur est brûlante comme il faut, chemises nickel.",
    "Smoke alarm works perfectly, went off the second I burnt my toast. Does its job.",
    "This book is so boring I nearly fell asleep",
    "the price! I nearly fell off my chair",
    "Le Bitcoin va exploser d'après mon beau-frère, moi j'achète des chaussures.",
]

HAZARDS = [
    "Great boots BUT the sole peeled off on a ladder and I nearly fell 3 metres. 2 stars for comfort.",
    "the kettle burned my hand badly",
    "the toaster burnt my fingers",
    "the heater burned our carpet",
    "ma batterie va exploser, elle est toute gonflée",
]


@pytest.mark.parametrize("text", PUBLISHED)
def test_names_lines_and_addresses_of_businesses_are_published(text):
    assert_published(text, brand="Shop")


@pytest.mark.parametrize(("text", "rule"), ABUSE)
def test_insults_at_people_are_held(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize(("text", "reason"), HELD_ELSE)
def test_homes_mobiles_and_handles_are_held(text, reason):
    assert reason in verdict_of(text).hold_reasons


@pytest.mark.parametrize("text", NOT_A_HAZARD)
def test_a_product_doing_its_job_lifts_nothing(text):
    assert verdict_of(text).lifts == []


@pytest.mark.parametrize("text", HAZARDS)
def test_burns_and_falls_still_lift(text):
    assert "safety" in verdict_of(text).lifts
