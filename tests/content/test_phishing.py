"""Phishing in a comment: a commenter who calls themselves the brand's support and asks to be written to, or asks
for a card's digits and expiry date, is held as spam; customers telling of support or warning of scams are not."""

import pytest

from .helpers import assert_published, verdict_of


@pytest.mark.parametrize(
    "text",
    [
        "Hi, this is Mark from the official Support Team. So sorry about this. Please DM me your order number, full "
        "name and the card's last 4 digits + expiry date so I can process your refund today.",
        "Hi, this is Mark from the official Support Team, message me on WhatsApp for your refund",
        "Bonjour, je suis Julie du service client, écrivez-moi en MP pour le remboursement",
        "Please send your full name and the card's last four digits so we can refund you",
        "Merci de nous communiquer votre nom et la date d'expiration de la carte",
    ],
)
def test_phishing_is_held_as_spam(text):
    assert "spam" in verdict_of(text).hold_reasons


@pytest.mark.parametrize(
    "text",
    [
        "the support team was great, refund in two days",
        "I spoke to Mark from support, he was great, contact me if you need his name",
        "they asked for the card's last 4 digits, obviously a scam, never give your expiry date",
        "Please send your order number so we can check",
        "Enter your card's expiry date in the app and it works",
        "Send me your size and colour and I'll check the expiry date on the batch",
        "Le service client m'a demandé les 4 derniers chiffres de ma carte pour vérifier, normal",
        # A scam quoted to warn others: "it's fake", "heads up", "c'est bidon".
        "Heads up: a post is going round saying 'just enter your card details to claim your voucher'. Don't.",
        "Someone commented 'enter your card details to verify your refund' under my review. It's fake, ignore it.",
    ],
)
def test_customers_telling_of_support_are_published(text):
    assert_published(text)
