"""What is said to another commenter (``phases.commenters``): advances, veiled threats and emoji threats are held; a
body in a fit review, advice, gear talk and a knife's emoji are not."""

import pytest

from .helpers import assert_held_as_abuse, assert_published


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("@camille_run t'as des fesses de rêve dans ce short, envoie-moi d'autres photos en mp", "harassment: "),
        ("@mike.lifts nice ass bro, send pics", "harassment: "),
        ("@laura_yoga hey sexy, dm me, I wanna see more of you 😘", "harassment: "),
        ("@tom_bike gros nichons la meuf sur ta photo, elle est dispo ?", "harassment: "),
        ("@anna.trail those shorts look great, bet you look even better without them", "harassment: "),
        ("send me nudes lol", "harassment: "),
        ("@paul_rando je te retrouve 🔪", "threat: "),
        ("@jess.climbs keep talking 🔫💀", "threat: "),
        ("@lucas_vtt si j'étais toi je fermerais bien ma porte à clé cette nuit", "threat: "),
        ("@run_anna I've seen your Strava, same park every evening at 7. Be careful out there.", "threat: "),
    ],
)
def test_an_advance_or_a_threat_at_a_commenter_is_held(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize(
    "text",
    [
        # A body in a fit review, said to nobody.
        "Ce legging fait de jolies fesses, tissu épais, pas transparent. Je recommande.",
        "These leggings make your butt look amazing and they are squat proof.",
        "Taille parfaite pour une poitrine généreuse, les bretelles ne glissent pas.",
        # Spoken to a commenter, about the product or the fit, with no body appraised and no private pictures.
        "@julie merci pour ta photo, ça m'aide à choisir la taille ! Tu fais quelle taille de soutien-gorge ?",
        "@marc send pics of the sole after a month please, mine peeled off",
        "@sarah bouge ton cul et va l'essayer en magasin, il taille grand",
        "@julie oui il fait un beau cul, je confirme, le tissu est épais",
        # Gear and pet names that are not pet names.
        "@tom nice rack, which brand? mine scratches the boot",
        "@anna this is a sexy bike, message me the frame size",
        "@mike my baby loves it too, message me if you want the pattern",
        "@sophie merci ma belle, écris-moi si tu veux le lien du guide des tailles",
        # A knife aimed at nobody.
        "@marc ce couteau 🔪 tranche tout, merci du conseil",
        "Super couteau 🔪💀 il tranche tout",
        "💣 price!",
        # Advice in the second person keeps its object.
        "@lucas_vtt à ta place je prendrais la taille au-dessus, ça taille petit",
        "@run_anna saw your route on the forum, the trail is muddy after rain, be careful on the descent",
    ],
)
def test_fit_gear_and_advice_between_commenters_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        "@Camille_R t'es bonne sur ta photo, envoie des photos sans la robe",
        "@lea_run t'es trop chaude toi",
        "@tom send pics without your top",
        "@sarah montre-moi des photos toute nue",
        "@ana nice fit 😏🍑",
        "@julie 🍆🥵",
    ],
)
def test_pictures_without_clothes_slang_and_leers_at_a_commenter_are_held(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize(
    "text",
    [
        "@tom send pics without the jacket so I can see the fit",
        "@julie envoie des photos de la robe portée stp",
        "@marc tu es bonne en cuisine toi, merci pour la recette",
        "@marie tu veux ma recette de ratatouille 🍆",
        "@lea t'es trop forte, 10 km en 45 minutes",
    ],
)
def test_fit_pictures_cooking_and_praise_are_published(text):
    assert_published(text)


# Round 2: a body "like that" with an invitation, and the commenter's mother brought in.
@pytest.mark.parametrize(
    "text",
    [
        "@LenaRuns with legs like that in your profile pic you can test my equipment anytime 😏",
        "@sarah_fit with a body like that you can ride my bike anytime",
        "@julie avec des fesses pareilles tu peux venir essayer mon lit quand tu veux 😏",
        "@mia_k with curves like those I'd let you try my gear all night 🥵",
        "ur mum must be so ashamed of u @xXSniperXx, trash player trash human",
        "your mom must be embarrassed of you @gamer",
        "@lucas ta mère doit avoir honte de toi",
        "tes parents doivent avoir honte de toi franchement",
    ],
)
def test_bodies_like_that_and_ashamed_mothers_are_held(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize(
    "text",
    [
        "these legs hold my equipment fine",
        "the table with legs like that holds my equipment fine",
        "@tom with legs like that you'll need the XL size",
        "my mum would be ashamed of me if I bought this",
        "Ma mère a honte de moi quand je porte ce pull haha",
        "trash bags are thin",
    ],
)
def test_gear_and_own_family_are_published(text):
    assert_published(text)
