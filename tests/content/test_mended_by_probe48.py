"""Classes mended after a second blind probe, scored once before them (docs/benchmarks.md, twenty-sixth session): a
story's character insulted with any listed word, harm wished on "the manager of this hotel", income per day, a
ticker pumped, gift-card codes asked for, a prize for sharing, a coach who doubled the capital, a private sale with
"MP", "je fais partie de la direction", "mon tiktok c …", a hotel's address, sparks thrown, a smoke detector."""

import pytest

from .helpers import assert_held_as_abuse, assert_published, verdict_of

PUBLISHED = [
    "Le méchant du film est un vrai connard, j'ai adoré le détester. Blu-ray de bonne qualité.",
    "The villain in this novel is such a spineless bastard, I hated him, which means the author nailed it.",
    "J'ai utilisé le code BIENVENUE15 et j'ai eu 15% de réduc, merci",
    "Ce livre explique pourquoi le bitcoin va exploser selon ses fans, essai intéressant.",
    "I shared the post with my sister and she loved the colour.",
    "Je fais partie de la direction d'une autre pharmacie et ce produit est top.",
    "The hotel address is 12 Harbour Road, Brighton, right by the station, easy to find.",
]

ABUSE = [
    "The cashier acted like a movie villain, what a bastard",
    "Le héros est un connard fini et tu le sais",
    "Hope the manager of this hotel gets hit by a bus. Worst stay ever.",
    # A slur the review itself uses of a role is the review's own word, not a character's name-calling.
    "Un film avec des personnages ratés et Rob dans un rôle de tarlouze efféminée.",
]

HELD = [
    ("Work from home, 2 hrs/day, earn $450 daily. No experience. Limited spots!!! DM me", "spam"),
    ("🚀🚀 $PEPEX is going to 100x this week, get in before it's too late!! 🚀", "spam"),
    ("give me ur amazon gift card codes and I'll send double back in paypal, legit 100%", "spam"),
    ("Concours !!! Partagez ce commentaire 10 fois et gagnez une Playstation 5 🎁", "spam"),
    ("invesstissez dans le bitcoin avec mon coach, j'ai doubler mon capital en 2 semaines garantie", "spam"),
    ("Vends le même vélo neuf jamais servi 250€ au lieu de 499, intéressés MP", "spam"),
    (
        "Bjr je fais partie de la direction de la pharmacie, donnez moi votre n° de sécu en message privé",
        "impersonation",
    ),
    ("mon tiktok c julie_makeup_off, g fait une vidéo sur ce mascara", "links"),
    ("My address is 12 Harbour Road, Brighton, come and get the old one", "personal_data"),
]

NOT_A_HAZARD = [
    "le détecteur de fumée a sonné quand j'ai cramé mes toasts, au moins il marche lol",
]

HAZARDS = [
    "hotel hairdryer threw sparks and tripped the power, could've been a fire",
    "le chargeur fumait et le détecteur de fumée a sonné",
]


@pytest.mark.parametrize("text", PUBLISHED)
def test_stories_reports_and_addresses_of_businesses_are_published(text):
    assert_published(text, brand="Shop")


@pytest.mark.parametrize("text", ABUSE)
def test_insults_and_wishes_at_people_are_held(text):
    assert_held_as_abuse(text)


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_spam_posing_handles_and_homes_are_held(text, reason):
    assert reason in verdict_of(text, brand="Shop").hold_reasons


@pytest.mark.parametrize("text", NOT_A_HAZARD)
def test_a_smoke_detector_doing_its_job_lifts_nothing(text):
    assert verdict_of(text).lifts == []


@pytest.mark.parametrize("text", HAZARDS)
def test_sparks_and_smoke_from_a_device_lift(text):
    assert "safety" in verdict_of(text).lifts
