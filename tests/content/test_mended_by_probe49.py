"""Classes mended after a third blind probe, scored once before them (docs/benchmarks.md, twenty-sixth session):
hate said politely, harm wished on the driver "qui a balancé mon colis", a blow nearly given, stupidity that "must be
hard", a head dropped on as a baby, how easy it is to find where someone lives, a story's killer, a card
mistyped but with its expiry, a sort code, followers at a price, a giveaway to commenters, reviews paid for, a
bead out of a rattle, a row of the keyboard, and the warning printed on a box."""

import pytest

from .helpers import assert_held_as_abuse, assert_published, verdict_of

ABUSE = [
    "With all due respect, I'd prefer the store stopped hiring people from certain countries.",
    "Sans vouloir offenser personne, ce serait bien que le magasin évite de mettre des musulmans en caisse.",
    "Typical of these people, the whole cabin crew was foreign and they should all be sent back where they came from",
    "ils devraient arrêter d'embaucher des étrangers",
    "J'espère que le livreur qui a balancé mon colis par-dessus le portail se prendra un camion.",
    "la caissière blonde de ce matin j'ai failli lui en coller une, la prochaine fois je me retiens pas",
    "Oh wow @PriyaS, another genius take. Must be hard being this stupid and this loud at the same time",
    "@jenny_k did your mother drop you on your head as a baby?",
    "ça doit être dur d'être aussi con",
    "Does the manager at the Leeds branch know how easy it is to find where he lives? Just asking.",
    "The killer in this book is a total bastard, like the cashier",
]

PUBLISHED = [
    "The parcels were damaged, they should all be sent back where they came from",
    "The store stopped hiring students in summer, shame",
    "évitez de mettre des noirs sur les t-shirts blancs au lavage",
    "I must be hard to please, this blender is stupid loud",
    "j'ai failli en coller une étiquette sur le colis",
    "It was easy to find where the store is",
    "Le tueur dans ce polar est un vrai salaud, il égorge ses victimes une par une. Lu d'une traite !",
    "The killer in this book is a total bastard",
    "order 4532 7791 0034 8812 arrived",
    "Ask the bank for your sort code",
    "clavier azerty parfait",
    "My photos get 200 likes now thanks to this lens",
]

HELD = [
    (
        "Card got declined at checkout, tried again with 4532 7791 0034 8812 exp 09/27 and still nothing.",
        "personal_data",
    ),
    ("my account number is 41829904, sort code 20-45-77, can someone look", "personal_data"),
    ("Need more followers? 10k real Instagram followers for only $19, results in 24h. Message us.", "spam"),
    ("🎁 GIVEAWAY 🎁 We're giving away 50 free iPhone 15s to people who comment on this review and share it!", "spam"),
    ("Je paie 5€ par avis 5 étoiles laissé sur ma boutique, sérieux et rapide, écrivez moi", "spam"),
    ("azertyuiopqsdfghjklm wxcvbn", "gibberish"),
]


@pytest.mark.parametrize("text", ABUSE)
def test_hate_wishes_blows_and_mockery_are_held(text):
    assert_held_as_abuse(text)


@pytest.mark.parametrize("text", PUBLISHED)
def test_their_lookalikes_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(("text", "reason"), HELD)
def test_cards_accounts_and_spam_are_held(text, reason):
    assert reason in verdict_of(text).hold_reasons


def test_a_bead_out_of_a_rattle_lifts_and_the_warning_on_the_box_does_not():
    assert (
        "safety"
        in verdict_of(
            "Le hochet s'est cassé et une petite bille est sortie, ma fille de 7 mois l'avait dans la bouche"
        ).lifts
    )
    assert verdict_of("Sur l'emballage du biberon : attention risque d'étouffement, tenir hors de portée.").lifts == []
    assert "safety" in verdict_of("My son choked on a piece that came off, on the box: nothing").lifts
