"""Scams by class, each held only with its parts together (``phases.scams``, ``phases.promotions``,
``phases.lures``, ``phases.links``): staff who ask for a private channel, lures that pay in vouchers, surveys for a
prize, income with a call to search, audiences and counterfeits for sale, and links hidden by a space."""

import pytest

from .helpers import assert_published, verdict_of


def _held_for(text: str, reason: str, rule: str) -> None:
    verdict = verdict_of(text, brand="Shop")
    assert reason in verdict.hold_reasons, verdict.matches
    assert any(m.reason == reason and m.rule.startswith(rule) for m in verdict.matches), verdict.matches


# A staff role claimed (a heading with the brand's name, "im staff", a claims adviser "chez vous") and a private
# channel asked for (reply privately, send a DM, contact our agent in private).
POSING = [
    "Hi, this is the refunds team. Reply privately with your booking reference and we'll sort it.",
    "Gestionnaire sinistres ici, répondez-moi en privé avec votre numéro de contrat pour accélérer.",
    "im a moderator on this page, dm me ur email n ill fix ur account",
    "TrailGear Help — so sorry! Send us a private message with your order and we will refund you today.",
    "Conseiller clientèle chez vous 🙂 contactez notre équipe en privé, on règle ça vite.",
    "As a moderator here I can restore your review, reach out to me directly on Telegram.",
    "Salut, Julien du service client 👋 écrivez-moi en privé pour le remboursement.",
    "Official TrailGear staff: you have been selected, DM us to get your voucher.",
    "Je travaille au siège de la marque, contactez-moi en privé pour accélérer votre dossier.",
]

POSING_NEAR_MISSES = [
    "Their support replied: 'please DM us your order number and we'll sort it out'. They did, refund in 2 days.",
    "Le SAV chez vous ne répond jamais, écrivez-moi en privé si vous avez le même souci.",
    "Decathlon support: terrible, nobody answered for two weeks.",
    "Im staff at a school and these shoes are great for standing all day.",
    "Le conseiller client m'a répondu en privé très vite, merci.",
    "Someone claiming to be support asked me for my RIB in private, don't answer.",
    "Quelqu'un se disant du SAV m'a demandé mon RIB en privé, ne répondez pas.",
    "Reply privately? No, the seller never answered me at all.",
]


@pytest.mark.parametrize("text", POSING)
def test_a_staff_claim_with_a_private_channel_is_held_as_impersonation(text):
    _held_for(text, "impersonation", "scam: speaks as the brand")


@pytest.mark.parametrize("text", POSING_NEAR_MISSES)
def test_customers_telling_of_support_or_warning_are_published(text):
    assert_published(text, brand="Shop")


# The reader's account or payment details asked for, in a notice with no audience.
PHISHING = [
    "Your account has been suspended. Confirm your billing info within 12 hours to avoid closure.",
    "Votre compte est bloqué. Merci de confirmer vos informations de paiement sous 24h.",
    "Security check: send your account login to keep your purchases.",
]


@pytest.mark.parametrize("text", PHISHING)
def test_account_and_payment_details_asked_for_are_held_as_spam(text):
    _held_for(text, "spam", "scam: asks for details")


# (text, rule prefix)
LURES = [
    ("Vends iPhone 14 neuf sous blister 300€, paiement uniquement en Transcash, contactez-moi", "lure: paid"),
    ("Brand new PS5 for $200, payment by Steam gift cards only, message me", "lure: paid"),
    ("Take this quick survey and get a $100 Amazon gift card! Only for the first 50, link in bio", "lure: a survey"),
    ("Complétez ce questionnaire et gagnez un bon d'achat de 200€, cliquez vite !", "lure: a survey"),
    ("Les 100 premières qui partagent gagnent un sac Louis Vuitton 😍", "lure: the first commenters"),
    ("First 20 people who comment YES win a free pair!!", "lure: the first commenters"),
    (
        "I quit my job thanks to the money I make from home, 3 hours a day. Search 'EasyIncome' and start now",
        "lure: income with a call",
    ),
    (
        "J'ai gagné de l'argent depuis chez moi 2h par jour, tapez 'CashFacile' sur Google et commencez aujourd'hui",
        "lure: income with a call",
    ),
    ("Need 10k Instagram followers or 5-star reviews for your shop? Cheap, DM me", "lure: an audience"),
    ("Envie de 2000 abonnés TikTok ? Tarifs mini, écrivez-moi", "lure: an audience"),
    ("We sell 5-star Google reviews for your business, cheapest on the market", "lure: an audience"),
    ("Montres Rolex répliques, qualité AAA, prix de gros pour revendeurs", "lure: counterfeits"),
    ("Designer bag replicas 1:1, discreet shipping to your door", "lure: counterfeits"),
    # Promotions' shapes with their new ways to be reached or to lure.
    ("I made $650 last week, all thanks to Linda, search her name", "promotion: "),
    ("Selling 1:1 replica watches, same factory as the originals, pm for prices", "promotion: "),
    ("Sacs de luxe qualité miroir, livraison discrète, demandez en privé pour le catalogue", "promotion: "),
    ("Mon placement bitcoin est garanti à 100%, contactez-le sur telegram", "promotion: "),
    ("Thanks to Mr Smith I tripled my investment in 10 days, write to him on WhatsApp", "promotion: "),
    ("Gagnez un chèque de 300€ en 2 minutes, lien dans mon profil 😉", "promotion: "),
]


@pytest.mark.parametrize(("text", "rule"), LURES)
def test_lures_with_their_parts_together_are_held_as_spam(text, rule):
    _held_for(text, "spam", rule)


LURE_NEAR_MISSES = [
    "I bought replicas by mistake from another site, these are the real thing.",
    "I work from home so a good chair matters, this one is great.",
    "Same factory as the expensive brand, half the price, great shoes.",
    "I paid with a gift card and it worked fine.",
    "J'ai payé avec une carte cadeau, aucun souci.",
    "The shop only accepts gift cards for returns, annoying.",
    "Attention : un vendeur sur Leboncoin demande un paiement en coupons PCS uniquement, c'est une arnaque.",
    "J'ai répondu au sondage de satisfaction et reçu un bon d'achat de 10€, sympa.",
    "Take the survey after purchase, you get a 5€ voucher for the next order.",
    "The first 10 who commented all said it runs small, and they were right.",
    "Les 3 premiers qui commentent sous la vidéo ont gagné des autocollants, sympa de la part de la marque.",
    "Vous voulez des avis 5 étoiles ? Alors baissez vos prix et répondez aux mails.",
    "I wanted more likes on my photos so I bought this lens, 300$ well spent.",
    "I earned the money working from home 2 hours a day and treated myself, love it.",
    "Bought this forex trading book, I made $200 last week using its strategy, great read.",
    "Ma vie a changé grâce à ce vélo électrique, investissement rentable en 6 mois.",
    "J'ai récupéré 2 fois ma mise en revendant les cartes Pokémon, lol.",
    "I sent a DM for a refund, still waiting.",
    "These are obvious knock-offs, 70% off was too good to be true.",
    "Feels like a cheap replica of the original, the catalogue photos lied.",
    "Hi, this is the customer care team, please send us your order number by private message so we can look into it.",
    "I sold my old bike privately and bought this one, no regrets.",
    "Used code SPRING20 at checkout, worked fine, arrived in 2 days.",
]


@pytest.mark.parametrize("text", LURE_NEAR_MISSES)
def test_customers_with_one_part_of_a_lure_are_published(text):
    assert_published(text, brand="Shop")


def test_a_cut_price_pitch_with_a_spaced_domain_is_spam_and_a_link():
    verdict = verdict_of("Top brands 80% off at bestkicks 4 u dot com, ships worldwide")
    assert sorted(verdict.hold_reasons) == ["links", "spam"], verdict.matches


# A link hidden by a space: for the dot before a path, inside the label, or a handle after "my ig bio:".
HIDDEN_LINKS = [
    "my latest haul is on tiktok com/@jess.hauls",
    "all the deals on kicksdealz fr/promo",
    "prices way lower at bestkicks 4 u dot com",
    "dm on whatsapp, my insta bio: @jules.runs",
    "follow me on youtube @TrailSteve for more tests",
]


@pytest.mark.parametrize("text", HIDDEN_LINKS)
def test_links_hidden_by_a_space_or_behind_a_bio_are_links(text):
    assert "links" in verdict_of(text).hold_reasons


LINK_NEAR_MISSES = [
    "J'ai fait une vidéo de test sur ma chaîne YouTube, le vélo est top.",
    "I posted a review on my YouTube channel, the tent held up in the storm.",
    "Just bought 2 4.com? no idea what that means",
    "The speed is in km/h and the range in miles com/pared to the old one",
    "works with 5 4.0 firmware",
]


@pytest.mark.parametrize("text", LINK_NEAR_MISSES)
def test_channels_without_a_handle_and_odd_spacing_are_no_links(text):
    assert_published(text)
