"""A commenter who claims a staff role and asks for a private channel is posing (``phases.scams``): the brand
answers in public, from the console, under its badge."""

import pytest

from .helpers import assert_published, verdict_of

POSING = [
    "[OFFICIAL SUPPORT] Hi, I'm a moderator for this store. DM me your order details so I can process your refund.",
    "Hello from the TechZone Customer Care team! Reach our agent directly on Telegram for faster help.",
    "Bonjour, ici le service client officiel. Pour traiter votre réclamation, contactez-nous en message privé avec "
    "votre numéro de commande.",
    "Équipe Librairie — Support officiel. Suite à votre avis, merci de nous contacter en privé pour recevoir un bon.",
    "hi dis is hotel management, pm us ur booking ref n we sort ur refund asap",
    "Modérateur de la page ici 👋 écrivez moi sur mon compte perso pour le remboursement, le SAV est saturé",
    "Hi, I'm the store manager, please DM me your order number so I can sort it out.",
    "Bonjour, ici l'équipe officielle, écrivez-nous sur WhatsApp au plus vite.",
]

CUSTOMERS = [
    "Le service client m'a demandé de les contacter en message privé, réponse rapide.",
    "Customer care team told me to DM them my order number, sorted in a day.",
    "SAV : ils m'ont dit de les contacter par whatsapp, jamais de réponse.",
    "Moderator here: please keep the thread on topic.",
    "Beware, someone posing as the support team asks people to DM them on Telegram.",
    "I work at the store, ask me anything here.",
    "Our team replied directly by email within an hour, great service.",
    "I am a moderator on another forum, this tent is great.",
]


@pytest.mark.parametrize("text", POSING)
def test_a_staff_claim_with_a_private_channel_is_held_as_impersonation(text):
    verdict = verdict_of(text, brand="Shop")
    assert "impersonation" in verdict.hold_reasons, verdict.matches


@pytest.mark.parametrize("text", CUSTOMERS)
def test_customers_telling_of_support_and_staff_asking_nothing_private_are_published(text):
    assert_published(text, brand="Shop")
