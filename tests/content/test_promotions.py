"""Comment spam without a link (``phases.promotions``): held as ``spam``; customers who mention money are not."""

import pytest

from .helpers import verdict_of


@pytest.mark.parametrize(
    "text",
    [
        "I earned $8,000 last month working from home! Check my profile",
        "Earn 5000 dollars a week, ask me how",
        "Moms make 5k a month easily with this",
        "Je gagne 3000 € par mois grâce à cette méthode",
        "Gagnez de l'argent depuis chez vous, contactez-moi",
        "Working from home changed my life, I make good money. DM me",
        "Bitcoin trading with Mrs Anna: 30% weekly returns, message me on WhatsApp",
        "Recovery expert got my lost bitcoin back, reach him on his gmail",
        "J'ai récupéré mon argent perdu grâce à un hacker, contactez-le",
        "lien dans ma bio pour la suite",
        "Grand marabout africain, retour de l'être aimé en 7 jours",
        "Powerful spell caster brought my ex back",
        "Buy cheap v1agra without prescription",
        "I make $5000 a week from my phone, ask me how",
        "We make 10k a month with this system, join us",
        # Codes handed out: told to use it, one's own, set out as an advert, any referral code.
        "Use code SARAH15 for 15% off everything",
        "Apply my code JULIE25 at checkout and save 25%",
        "My referral code is TRAIL2024, you both get 10€",
        "Referral code: RUNFAST50 gives you 50€ off",
        "Code promo : RUN10 (-10% sur le site)",
        "Entrez le code MARIE20 à la caisse pour avoir 20% de réduction",
        "Utilise mon code promo LEA15 pour 15% de remise",
        "Mon code parrainage ABC123 vous offre 15€ sur votre première commande",
        "Code de parrainage ZX81K, 10€ offerts",
        # Doubled money and guaranteed profit, with a way to get in touch.
        "Double your money in 7 days with bitcoin, contact me on telegram",
        "Triple your bitcoin in 48 hours, message me on whatsapp",
        "Doublez votre capital en une semaine grâce au trading, écrivez-moi",
        "Guaranteed profit every week, message me on WhatsApp",
        "Gains garantis chaque semaine avec le forex, contactez-moi sur telegram",
        "I was scammed but a recovery hacker got my funds back, contact him",
        # Phishing: asked for a card, a password or bank details.
        "Hello this is Decathlon support, please DM your order number and password",
        "Bonjour, je suis le service client officiel, envoyez-moi votre numéro de carte pour le remboursement",
        "Pour être remboursé, communiquez votre RIB et votre code secret en message privé",
        "Please send us your card details and CVV to process the refund",
        # The poster's own channel or shop, and prize draws.
        "Abonnez-vous à ma chaîne YouTube Running Passion",
        "Check out my Etsy shop, same bags for half the price",
        "Subscribe to my channel for more hiking gear reviews",
        "Congratulations! You've won a $1000 gift card, claim it now",
        "Félicitations, vous avez gagné un iPhone 15, cliquez ici",
        "Envoyez un SMS au 81212 pour gagner un iPhone",
        # Counterfeits, drugs and reviews for sale; a giveaway that asks for addresses.
        "Replica Rolex and designer bags at 90% off, WhatsApp me",
        "Sac Louis Vuitton copie parfaite pas cher, contactez moi",
        "Vends cannabis livraison discrète, snap: dealer75",
        "Get paid $50 for every review you write, DM me",
        "Je vends des avis 5 étoiles, 2€ l'avis, contactez-moi",
        "FREE iPhone giveaway, comment your email below",
        # An audience for sale.
        "Buy followers cheap, DM me",
        "get 10k followers for $5, message me on insta",
        "Vends abonnés Instagram pas cher, DM",
        "Achat d'abonnés TikTok garantis, contactez-moi",
        "Boostez vos vues YouTube, 1000 vues pour 5€, contactez-moi",
        "Cheap YouTube subscribers, 500 for $9, message me",
        # A named code set out with its discount, a bio, a trader's contact, loans, referral links, casinos.
        "Code promo JULIE15 pour -15% sur tout le site !",
        "Lien en bio pour gagner un iPhone 16 gratuit",
        "Contactez-moi en MP pour des prix de gros",
        "Je vends le même 30€ moins cher, écrivez-moi sur Vinted",
        "Vends compte Netflix premium à vie 20€, écrivez-moi",
        "Prêt entre particuliers rapide et sans frais, contactez M. Dupont",
        "Use my referral link to get 20€ off your first order",
        "Forex signals, 40% monthly returns guaranteed, follow @fx.master.signals",
        "Placement crypto, rendement garanti 25% par mois, écrivez à @trader_lucie",
        "Virement à 0x52908400098527886E0F7030069857D2E4169EE7 et je vous envoie la montre",
        "Pay to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq, shipped same day",
        "Le meilleur casino en ligne, bonus de bienvenue 200%",
        # Goods at a price asked for in private; dating spam.
        "dm me for cheap nikes",
        "hit me up for discounted tickets",
        "écrivez-moi pour des maillots pas chers",
        "hot singles in your area",
        "meet lonely housewives near you tonight",
        "célibataires chaudes près de chez vous",
        "Femmes seules dans ta ville, clique sur mon profil",
        # Oneself on a platform.
        "follow me on onlyfans",
        "Suivez-moi sur TikTok pour plus de looks",
        "Follow us on Instagram for deals",
    ],
)
def test_comment_spam_is_held(text):
    verdict = verdict_of(text)
    assert "spam" in verdict.hold_reasons, verdict.matches
    assert any(m.rule.startswith("promotion: ") for m in verdict.matches)


@pytest.mark.parametrize(
    "text",
    [
        "I make $15 an hour so this was expensive",
        "I make 4 a day with it and it still works",
        "I earn $5 a month in cashback with this card",
        "I paid $20 a month for the subscription and cancelled",
        "Ça me fait économiser 30 € par mois sur le chauffage",
        "Je travaille à domicile et cette chaise est parfaite",
        "Working from home with this desk is great",
        "Ce livre sur le trading promet 10% de rendement, une arnaque",
        "Les éditions Marabout font de bons livres de cuisine",
        "My doctor prescribed Cialis and the pharmacy was out of stock",
        "Check the size chart on the product page before ordering",
        "Got my money back after I contacted the seller by e-mail, good service",
        "J'ai récupéré mon argent, il suffit de contacter le service client",
        # What a customer earns, said to weigh the price, with no way to it offered.
        "Je suis infirmière et je gagne 1800 € par mois, ce sac vaut son prix",
        "I earn $4,000 a month and this blender was still worth it",
        # Codes a customer used, or that failed: neither handed out nor their own.
        "J'ai utilisé le code promo du site, -10%, sympa",
        "The discount code from the newsletter did not work at checkout",
        "Le code de réduction BIENVENUE n'a pas fonctionné, dommage",
        "Le code promo WELCOME10 ne fonctionne pas sur ce produit",
        "Used the code from the newsletter, got 15% off",
        "Got these with a 20% off code, worth it",
        "Error code E404 on the display after a week",
        "My code didn't work at checkout",
        "Mon code promo LEA15 n'a pas marché",
        "Error code: E404 on the display",
        "Enter code E3F1 to reset the watch",
        # Doubling and guarantees that are not money.
        "Doubled my running distance in a week with these shoes!",
        "These doubled my mileage without blisters",
        "Garantie 2 ans, contactez le SAV sur WhatsApp si besoin",
        # Warnings about phishing, and a manual's instructions.
        "Ne donnez jamais votre numéro de carte par téléphone",
        "Never give your password to anyone who calls",
        "They asked me to send my card number, scam",
        "Type your password twice when you set up the watch app",
        "Entrez votre code PIN sur le terminal, rien de compliqué",
        # A customer's shop, advice, a giveaway they won.
        "My local shop had it cheaper",
        "Check out my review of the other model",
        "Follow my advice: size up",
        "Suivez mon conseil, prenez une taille au-dessus",
        "I won this in a giveaway, honest review: great",
        "Vous avez gagné un client fidèle, merci ! Contactez le SAV si souci",
        "You have won me over, click the link in the description for the size guide",
        # A replica design, a legal CBD shop, a garden, a cracked sole, a disclosed free sample, a bike for sale.
        "The replica of the 1970s design is faithful, love it",
        "The store sells replica jerseys of the 1998 team",
        "Le magasin vend du cannabis CBD légal, bonne qualité",
        "This shop sells weed killer too, handy",
        "Selling my old pair because the sole has a crack",
        "I received this product for free in exchange for an honest review",
        "Buying reviews should be illegal, this brand does it",
        "Vends mon vélo, contactez moi",
        "Leave your email below and the brand will reply? no answer",
        # Followers, likes and views of a customer's own, and buying the product for them.
        "Buying followers should be banned",
        "I get so many likes when I wear this dress, and it was cheap",
        "My photos get 200 likes now, thanks to this lens for 300$",
        "I wouldn't buy this for the likes, it's cheap plastic",
        "Buy it, your subscribers will love the sound, only 49€",
        "J'ai 3 000 abonnés sur ma chaîne photo grâce à lui, 80€ bien investis",
        "Bought it for my YouTube channel, the sound is great for 89€.",
        "le code promo WELCOME10 de -10% ne marche pas",
        "Je l'ai trouvé moins cher en magasin, écrivez-moi si besoin du lien",
        "I used my friend's referral link",
        "Selling my old one soon, DM me if you want it",
        "Le casino en ligne de mon roman est le vrai héros",
        "Contactez-moi si vous voulez des conseils de taille",
        "Paid in bitcoin years ago, now I just use my card",
        "Colour code 0x1F on the display means the filter needs a clean",
        "dm me if you want the size chart",
        "The shoes feel cheap, dm me for photos",
        "I found it cheaper at Lidl, message me for the link",
        "The hotel bar was full of singles, fun vibe",
        "They said to find us on Instagram for the sale, we never did",
        "I follow the brand on Instagram for the sales",
        "The beautiful women in your ads are photoshopped",
        "Real women in your size range would love it",
        "Les femmes seules dans ce quartier ne se sentent pas en sécurité le soir",
    ],
)
def test_customers_who_mention_money_or_home_are_published(text):
    assert verdict_of(text).hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        "Service client officiel : pour valider votre remboursement merci de transmettre votre numéro de carte et le "
        "cryptogramme.",
        "Support team here. To unlock your account please confirm your login and password by replying here.",
        "Veuillez fournir vos identifiants bancaires pour recevoir votre remboursement de 49,99 €.",
    ],
)
def test_phishing_asked_politely_is_held(text):
    verdict = verdict_of(text)
    assert verdict.hold_reasons, verdict.matches


@pytest.mark.parametrize(
    "text",
    [
        "Attention, j'ai reçu un mail soi-disant de la marque qui me demandait de communiquer mon mot de passe !",
        "Got a text asking me to send my card number to get a refund. Obviously a scam.",
        "Le site m'a demandé de confirmer mon mot de passe deux fois, c'est pénible.",
    ],
)
def test_a_customer_reporting_phishing_is_published(text):
    assert verdict_of(text).hold_reasons == []
