"""Spam lures by class (``phases.promotions``): a prize to the "1000th visitor", a giveaway asking for e-mails in
the comments, income from home per day or last week, a private date sought, a coin pumped or a multiple promised."""

import pytest

from .helpers import assert_published, verdict_of

SPAM = [
    "🎁 FÉLICITATIONS ! Vous êtes le 1000e visiteur, réclamez votre iPhone 15 gratuit en répondant OUI",
    "Congratulations, you are our 100000th visitor! Claim your free iPhone now",
    "GIVEAWAY 🔥 first 50 people to comment their email get free Air Max, no catch!!",
    "I made $4,800 last week working from home, 2 hrs a day. Ask me how 💸",
    "w0rk fr0m h0me, 500/d@y, n0 exp n33ded, pm me n0w",
    "Jeune femme 24 ans cherche homme généreux pour rencontre discrète, écris moi en privé 💋",
    "Looking for a sugar daddy, dm me",
    "Le Bitcoin va exploser, j'ai fait x10 avec mon coach crypto, demandez moi son contact 📈",
    "Buy $LAMPX token before launch, 100x guaranteed 🚀🚀🚀",
]

CUSTOMERS = [
    "Avec le code RENTREE15 le cartable revient à 34,99€, bon rapport qualité prix.",
    "I made $300 last month selling my old bikes, this pump helped",
    "Ce livre raconte comment le bitcoin a fait x10 en un an, passionnant.",
    "Leave your email at checkout for free shipping updates.",
    "Hotel perfect for a discreet weekend, staff very kind.",
    "We won the shop's contest last year, the prize arrived quickly.",
]


@pytest.mark.parametrize("text", SPAM)
def test_lures_are_held_as_spam(text):
    assert "spam" in verdict_of(text).hold_reasons


@pytest.mark.parametrize("text", CUSTOMERS)
def test_customers_telling_of_codes_money_and_prizes_are_published(text):
    assert_published(text)
