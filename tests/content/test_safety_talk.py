"""Cooking gone too far, hurt feelings and a danger that is someone's advice are no product hazard; the hazard's own
words beside them still lift."""

import pytest

from .helpers import verdict_of


@pytest.mark.parametrize(
    "text",
    [
        "Mon beau-frère a encore cramé les saucisses au barbecue, on a mangé du charbon 😂",
        "Ce grille-pain crame les tartines d'un côté et les laisse crues de l'autre",
        "Ma fille m'a dit que mon gâteau était immangeable. Blessée à vie 😭",
        "Il a critiqué ma pâte à crêpes, blessé dans mon orgueil de pâtissier",
        "Recommending a car seat from a garage sale is dangerous advice, you don't know if it's been in a crash.",
        "Tu conseilles de l'huile essentielle pour un nourrisson ? C'est dangereux, renseigne-toi.",
        "you're wrong about alloy rims being unsafe, mine have done 30,000 miles",
        "Mon forfait a explosé ce mois-ci, j'ai failli tomber de ma chaise en voyant la facture 😅",
        "Ma facture d'électricité a explosé depuis que j'ai ce radiateur",
        "my sales have literally exploded since I bought this camera",
        # Money spent.
        "Les soldes c'est tout cramer en promos, super prix",
        "J'ai cramé tout mon budget en une heure sur ce site 😅",
        "j'ai cramé 200€ en équipement de rando, aucun regret",
    ],
)
def test_no_product_hazard_is_told(text):
    assert "safety" not in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        "Le grille-pain a pris feu ce matin, flammes jusqu'au placard",
        "Odeur de cramé et fumée noire qui sort du chargeur",
        "Ma fille s'est blessée avec la lame du mixeur, 3 points",
        "This heater is dangerous, the casing gets too hot to touch",
        "Dangerous product: the blade guard falls off while the saw is running.",
        "Ce radiateur est dangereux, le câble a fondu",
        "The toaster burnt my hand when the lever stuck, you should recall it",
        # A warning to other customers in the writer's own words, however it speaks to them.
        "Do not buy this, you will regret it, dangerous for kids, I don't recommend it",
        "Je vous le dis, ce siège auto est dangereux.",
        "La batterie a explosé dans ma poche",
        "Ma fille a failli tomber de la chaise haute, la sangle a lâché",
        "The charger exploded and burned the carpet",
        "La batterie a cramé mon sac à dos pendant la charge",
        "La prise a cramé en 2 minutes, heureusement j'étais là",
    ],
)
def test_a_hazard_still_lifts(text):
    assert "safety" in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        # Money "burnt" by prices or a spree.
        "Ces soldes m'ont complètement cramé, j'ai acheté trois manteaux",
        "Cette console m'a cramé le portefeuille en jeux",
        "These upgrades burned my whole budget",
        # Blasts on a screen, and things blown up by the players.
        "The explosions in the final battle sound incredible through this soundbar's Dolby Atmos",
        "Sur ce Blu-ray 4K, les explosions font trembler tout le salon avec ma barre de son, superbe image",
        "Great squad game, we blew up their tanks in the last mission",
        "Fun raid night with the lads, we cleared the map twice and blew up the whole fortress",
        "The kids blew up every balloon in the pack, none popped",
    ],
)
def test_money_burnt_or_blasts_on_a_screen_are_no_hazard(text):
    assert "safety" not in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        "I plugged it in and it blew up the fuse box",
        "I was asleep and the charger blew up the socket",
        "There was an explosion and the battery caught fire",
        "The bottle exploded in my hand and cut my palm",
        "La prise a cramé, les soldes n'y sont pour rien",
    ],
)
def test_a_device_that_blew_up_still_lifts(text):
    assert "safety" in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        "Blew up the whole bridge with a rocket launcher in mission two, pure chaos. Story's a bit thin though.",
        "The explosions in level 3 are epic.",
        "j'ai fait exploser tout le niveau au lance-roquettes, trop bien",
        "Exploded a whole convoy with one sticky bomb on the second mission, 10/10.",
        "Ça explose de partout dès la première mission, quel pied.",
        "Blew up my own squad with a grenade lol, the respawn is quick at least.",
    ],
)
def test_destruction_in_a_game_is_no_hazard(text):
    assert "safety" not in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        "The console blew up while I was playing the first mission.",
        "My controller battery exploded mid-level, burnt my hand.",
        "The charger blew up as the map was loading.",
    ],
)
def test_a_players_device_that_blew_up_still_lifts(text):
    assert "safety" in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        "The oven gets so hot so fast, perfect pizza base",
        "Our new grill gets so hot it leaves perfect marks on the steak",
        "This cast iron pan gets really hot it sears beautifully",
        "the griddle is so hot it browns pancakes in a minute",
    ],
)
def test_a_cooker_praised_for_its_heat_lifts_nothing(text):
    assert verdict_of(text).lifts == []


@pytest.mark.parametrize(
    "text",
    [
        "The oven gets so hot the door burned my son's hand",
        "the grill gets so hot it melted the handle",
        "the charger gets so hot so fast, I unplug it now",
        "the toaster got so hot it left a scorch mark on the counter",
    ],
)
def test_a_device_too_hot_still_lifts(text):
    assert "safety" in verdict_of(text).lifts
