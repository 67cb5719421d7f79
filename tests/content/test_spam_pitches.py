"""Pitches told with a price (``phases.pitches``, read by ``phases.lures``): goods at a cut price to be bought in
private, an audience or reviews at a price, an income rate from trading or an app with a private ask. Each class is
written the ways different people would write it, beside customers who share one of its parts."""

import pytest

from .helpers import assert_published, verdict_of


def _held_as_spam(text: str, rule: str) -> None:
    verdict = verdict_of(text)
    assert "spam" in verdict.hold_reasons, verdict.matches
    assert any(m.reason == "spam" and m.rule.startswith(rule) for m in verdict.matches), verdict.matches


CUT_PRICE_IN_PRIVATE = [
    "Trottinettes électriques neuves à 150€ au lieu de 900€, envoi gratuit, écrivez-moi en privé",
    "Brand new AirPods Pro in stock, $40 instead of $249, free shipping anywhere, DM me",
    "iPhone 15 neufs sous blister, 300 euros au lieu de 1200, me contacter en MP",
    "Brand new Dyson vacuums, was £500 now only £89, message me on WhatsApp",
    "jvend des ps5 neuves 150e au lieu de 550e, ecri moi en mp",
    "Got 20 new Nike Air Max left at 50€ instead of 180€, inbox me if interested",
    "Parfums de marque neufs à -80%, dispo en MP, livraison partout",
    "Canapés neufs 300€ au lieu de 1500€, livraison dans toute la France, whatsapp moi",
    "New MacBook Airs 85% off, only $199 each, text me for details",
    "Des montres connectées neuves à 30€ alors qu'elles valent 250€ en magasin, contactez moi en privé",
    "Vends iPhone 14 neufs à 200€ (prix magasin 999€), MP",
    "Nike Dunk neuves 60€ au lieu de 150€ 📦 envoi rapide, intéressé(e) DM",
    "Perfumes brand new, retail $120, mine $25, message me",
]

CUT_PRICE_NEAR_MISSES = [
    "I paid 400€ instead of 2000€ in the sales, great deal",
    "J'ai payé 400€ au lieu de 2000€ pendant les soldes, super affaire",
    "contactez le SAV en MP ils répondent vite",
    "Acheté 150€ au lieu de 300€ grâce aux soldes, contactez le SAV en MP si souci, ils répondent vite",
    "Got mine for 40€ instead of 90€ on Black Friday, brand new, ask me if you want the shop's name",
    "Brand new in box, was £120 now £35 at Argos, bargain",
    "Je vends mon vieux vélo électrique 400€ au lieu de 2000€ neuf, contactez-moi en MP",
    "Half price in store this week, 20€ instead of 40€, ask the staff",
    "J'ai vendu mon ancien vélo et acheté celui-ci, 900€ au lieu de 1200€, contactez-moi si questions",
    "Vélo pris à 400€ au lieu de 2000€ en destockage, écrivez-moi si vous voulez le lien du magasin",
    "J'ai acheté ce vélo neuf l'an dernier. Il était à 900€ au lieu de 2000€, écrivez-moi si questions",
    "Le SAV m'a répondu en 24h, dommage que le modèle neuf soit passé de 200€ à 90€ une semaine après",
]


@pytest.mark.parametrize("text", CUT_PRICE_IN_PRIVATE)
def test_goods_at_a_cut_price_to_buy_in_private_are_spam(text):
    _held_as_spam(text, "lure: goods at a cut price")


@pytest.mark.parametrize("text", CUT_PRICE_NEAR_MISSES)
def test_customers_telling_a_bargain_or_selling_their_own_are_published(text):
    assert_published(text)


AUDIENCE_AT_A_PRICE = [
    "Grow your TikTok fast: 5k followers, all real, just $9, delivered in 24h, DM @boostking",
    "1000 likes garantis sur tes posts pour 5€ seulement, écris à @likes_pro",
    "Besoin de visibilité ? 50 000 vues YouTube à 20€, livraison en 48h",
    "Plus de 10k abonnés en une semaine, 100% réels, à partir de 9,99€, contacte @insta.croissance",
    "Want 2k followers on IG? Only 12 bucks, real accounts, hit up @growthlab",
    "10k followers instantanés pour ton compte, 15 balles, dm moi",
    "Augmente ta visibilité : 20 000 vues TikTok garanties, 10€ le pack, écris à @viral_fr",
    "15€ les 1000 abonnés Instagram, actifs et français, MP moi",
    "Avis Google 5 étoiles pour votre resto, 3€ l'avis, contactez @avis_pro",
    "Get 500 five-star Amazon reviews for your product, $2 each, message @reviewhub",
    "1000 abonnés = 5€, contact en mp",
]

AUDIENCE_NEAR_MISSES = [
    "10 000 pas par jour avec cette montre",
    "My photos get 200 likes now, thanks to this lens for 300$",
    "Ce youtubeur à 500 000 abonnés l'a conseillé, payé 15€, top",
    "The book has 5,000 five-star reviews on Amazon for $12, worth every penny",
    "Mon compte Insta a 10 000 abonnés réels et ils adorent ce rouge à lèvres à 15€",
    "Buying followers should be banned, this brand clearly did it",
    "Sa vidéo de test a fait 2 millions de vues, casque acheté 15€, contactez le SAV en MP si souci",
    "Her channel has 300k subscribers for a reason, the tutorials are great",
]


@pytest.mark.parametrize("text", AUDIENCE_AT_A_PRICE)
def test_an_audience_or_reviews_at_a_price_is_spam(text):
    _held_as_spam(text, "")


@pytest.mark.parametrize("text", AUDIENCE_NEAR_MISSES)
def test_audiences_told_of_without_a_sale_are_published(text):
    assert_published(text)


INCOME_RATE = [
    "Je me fais 500€ par semaine avec le trading, écris moi en privé je t'explique",
    "im at $400/day trading crypto with this app, dm me and ill show u",
    "400€/jour grâce à une appli de crypto, contacte moi en mp 🔥",
    "Depuis que j'utilise cette appli de trading je touche 2000€ la semaine, demande moi en privé",
    "j'me fais 250 balles par jour avec le bitcoin, mp moi",
    "Pulling in 1,200 dollars every week with a forex bot, inbox me to learn how",
    "Ma cousine se fait 350€ par jour avec une appli crypto, écris-moi je te donne le nom",
    "jsuis a 300e/j avec le trading, dm pour + d'infos",
    "Earning 500 USD daily from crypto signals, message me privately",
    "+600€ par semaine avec mon robot de trading 🤖 intéressé ? MP",
    "$300 daily with this crypto app, hmu",
    "Je gagne 3000€/mois avec le trading, ajoute moi sur snap",
]

INCOME_NEAR_MISSES = [
    "I trade crypto as a hobby",
    "I trade crypto as a hobby, some weeks I make 300€ and others I lose it all",
    "Ce livre sur le trading promet 300€ par jour, c'est du vent",
    "L'appli de trading m'a fait perdre 300€ en une semaine, contactez le SAV en MP ils répondent vite",
    "Je dépense 300€ par mois en crypto, écrivez-moi si vous avez des conseils",
    "10 000 pas par jour avec cette montre, l'appli est top",
    "L'abonnement à l'appli coûte 120€ par mois, demandez-moi si vous voulez mon avis",
    "My husband works 300 days a year on his trading desk, these boots are great",
]


@pytest.mark.parametrize("text", INCOME_RATE)
def test_an_income_rate_from_trading_or_an_app_with_a_private_ask_is_spam(text):
    _held_as_spam(text, "")


@pytest.mark.parametrize("text", INCOME_NEAR_MISSES)
def test_trading_or_an_app_told_of_without_a_pitch_is_published(text):
    assert_published(text)
