"""What is said to another commenter (``phases.commenters``): advances and emoji threats are held; a body in a fit
review and a knife's emoji are not."""

import pytest

from .helpers import verdict_of


@pytest.mark.parametrize(
    "text",
    [
        "@camille_run t'as des fesses de rêve dans ce short, envoie-moi d'autres photos en mp",
        "@mike.lifts nice ass bro, send pics",
        "@laura_yoga hey sexy, dm me, I wanna see more of you 😘",
        "@tom_bike gros nichons la meuf sur ta photo, elle est dispo ?",
        "@anna.trail those shorts look great, bet you look even better without them",
        "send me nudes lol",
    ],
)
def test_an_advance_at_a_commenter_is_held(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["abusive"], verdict.matches
    assert any(m.rule.startswith("harassment: ") for m in verdict.matches)


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
    ],
)
def test_a_body_in_a_review_or_a_reply_about_the_fit_is_published(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == [], verdict.matches


@pytest.mark.parametrize("text", ["@paul_rando je te retrouve 🔪", "@jess.climbs keep talking 🔫💀"])
def test_a_weapon_in_emoji_aimed_at_a_commenter_is_held(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["abusive"], verdict.matches
    assert any(m.rule.startswith("threat: ") for m in verdict.matches)


@pytest.mark.parametrize(
    "text", ["@marc ce couteau 🔪 tranche tout, merci du conseil", "Super couteau 🔪💀 il tranche tout", "💣 price!"]
)
def test_a_weapon_in_emoji_aimed_at_nobody_is_published(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        "@lucas_vtt si j'étais toi je fermerais bien ma porte à clé cette nuit",
        "@run_anna I've seen your Strava, same park every evening at 7. Be careful out there.",
    ],
)
def test_a_veiled_threat_in_the_second_person_is_held(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons == ["abusive"], verdict.matches
    assert any(m.rule.startswith("threat: ") for m in verdict.matches)


@pytest.mark.parametrize(
    "text",
    [
        "@lucas_vtt à ta place je prendrais la taille au-dessus, ça taille petit",
        "@run_anna saw your route on the forum, the trail is muddy after rain, be careful on the descent",
    ],
)
def test_advice_in_the_second_person_is_published(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        "@julie oui il fait un beau cul, je confirme, le tissu est épais",
        "@tom nice rack, which brand? mine scratches the boot",
        "@anna this is a sexy bike, message me the frame size",
        "@mike my baby loves it too, message me if you want the pattern",
        "@sophie merci ma belle, écris-moi si tu veux le lien du guide des tailles",
    ],
)
def test_customers_talking_about_fit_and_gear_are_published(text):
    assert verdict_of(text).hold_reasons == [], verdict_of(text).matches
