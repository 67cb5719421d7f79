"""Comment spam that carries no link, in French and English: held as ``spam``.

Spam that a links rule does not catch sells by its promise and asks to be contacted another way. The staples of
comment spam on review and forum pages are matched by shape, never by a sender or a product name:

- an income per period: "Earn $5,000 a week", "moms make 5k a month" (a verb of earning, an amount, a period: "I paid
  $20 a month" or "saves me 30 € par mois" is a customer); the poster's own income ("je gagne 3000 € par mois") only
  with the way to it (contact me, from home, this method, easily…): "je gagne 1800 € par mois, ce sac vaut son prix"
  is a customer;
- money from home with a call to get in touch: "work from home, DM me", "gagnez de l'argent depuis chez vous";
- a rate of return on crypto, trading or an investment: "bitcoin investment, 30% weekly returns";
- the "recovery expert" or "hacker" who got someone's lost funds back (a customer refunded by the seller, "got my
  money back, contacted them by e-mail", names neither);
- a pointer to the poster's profile or bio: "check my profile", "lien dans ma bio";
- love spells and "marabouts" (the word alone is also a cookbook publisher, so it needs a marabout's claim);
- prescription drugs offered cheap or without a prescription;
- the poster's own promo or referral code: "use code SARAH15", "mon code parrainage ABC123", "referral code:
  RUNFAST50". A code is letters and digits together; a customer naming the code they used or that failed ("le
  code promo WELCOME10 ne fonctionne pas") neither hands it out nor owns it;
- a promise to double one's money or of a guaranteed profit, with a call to get in touch.

Payment in vouchers only, surveys for a prize, income with a call to search and audiences for sale are
:mod:`moderation.content.phases.lures`'s.

Matching is on the ``words`` view (accents and case folded, leetspeak and spacing undone), amounts on ``base``.
"""

from __future__ import annotations

import re

from moderation.content.phases.lures import lures
from moderation.content.phases.scams import scams
from moderation.content.verdict import Context, Match, Reason

_Q = "['’]"
# An amount a spammer would promise: hundreds at least ("$5 a month in cashback" is a customer), with its currency
# or in thousands ("I make 2 a day" is coffee; "5k a month" is money).
_SUM = r"(?:\d{1,3}(?:[,. ]\d{3})+|\d{3,}|\d+(?:[.,]\d+)? ?k)"
_MONEY = rf"(?:[$€£] ?{_SUM}|{_SUM} ?(?:\$|€|£|euros?|dollars?|usd|eur|bucks)|\d+(?:[.,]\d+)? ?k\b)"
_PERIOD = (
    r"(?:(?:a|per|/|every|each|par|chaque|in (?:a|one)|en (?:un|une)|last|this|ce|cette)\s*(?:day|week|month|hour|jour|"
    r"semaine|mois|heure)|la semaine derniere|le mois dernier|daily|weekly|monthly|hourly|quotidien\w*|"
    r"hebdomadaire\w*|mensuel\w*)"
)
_CONTACT = (
    r"(?:dm me|pm me|inbox me|message me|text me|contact me|reach (?:out to )?me|write to me|ask me how|hit me up|"
    r"(?:contactez|ecrivez|contacte|ecris)[- ]moi en (?:mp|prive|dm)|en mp|in (?:my )?dms?|"
    r"contactez[- ]moi|ecrivez[- ]moi|contacte[- ]moi|ecris[- ]moi|envoyez[- ]moi|demandez[- ]moi|whatsapp|telegram|"
    # Asked in private, for the list: "DM for catalogue", "demandez en privé"; a third party to write to: the guru.
    r"(?<!\ba )(?<!\bthe )(?<!\bun )(?<!\bmy )(?<!\bsent )(?:dm|pm|mp|inbox)(?: me| moi)? (?:for|pour) (?:the |a |le |"
    r"les |more |plus d.)?(?:catalog\w*|prices?|prix|tarifs?|info\w*|details|orders?|commandes?|pics|photos|menu|"
    r"list\w*|liste)|(?:demandez|ask|ask me|write|ecrivez)(?:[- ]moi)? (?:en|in|by|via|par) (?:prive|private|mp|dm|"
    r"pm)|(?:contactez|contacte|ecrivez)[- ](?:le|la|lui)|(?:contact|reach|message|text) (?:him|her)|"
    r"signal app|wechat|viber|(?:interesse\w*|interested),? (?:en )?(?:mp|dm|pm)|(?:ecrire|me contacter|me joindre) "
    r"en (?:prive|mp|dm))"
)
_HOME = (
    r"(?:work(?:ing)? (?:from|at) home|from (?:the comfort of )?(?:your|my) home|home[- ]based (?:job|business|work)|"
    r"depuis (?:chez )?(?:vous|soi|moi|toi|la maison|votre domicile)|a domicile|sans quitter (?:votre|son) domicile)"
)
_GAIN = (
    r"(?:earn|earned|made|make|income|money|cash|profit|salary|revenu|argent|gagner|gagnez|gagne|salaire|\$|€|£|"
    r"\d+ ?/ ?(?:day|d|hr|hour|week|wk|jour|j|h|semaine|mois|month))"
)
_INVESTMENT = r"(?:crypto\w*|bitcoin|btc|ethereum|forex|binary options?|trading|invest\w*|placement|portefeuille)"
_RETURN = (
    r"\d+(?:[.,]\d+)? ?% (?:(?:weekly|daily|monthly|guaranteed|garanti) )?(?:returns?|profits?|roi|rendement|de "
    r"(?:gains?|rendement|profit)|(?:per|a|par|chaque) (?:day|week|month|jour|semaine|mois)|weekly|daily|monthly)"
)
_DRUGS = r"(?:viagra|cialis|levitra|tramadol|oxycodone|oxycontin|xanax|valium|adderall)"
# Not "crack" (a cracked sole) nor "coke" (the drink).
_STREET_DRUGS = (
    r"(?:weed|cannabis|cocaine|mdma|ecstasy|lsd|ketamine|beuh|haschich|hashish|heroine|heroin|meth)"
    r"(?! (?:cbd|light|legal|killer|control|barrier|puller|wacker|whacker|eater|trimmer|burner|membrane|fabric|tool))"
)
# A code to type at checkout: letters and digits together ("sarah15", "zx81k"), read on ``base`` (``words`` would read
# the digits as leetspeak). A word alone ("BIENVENUE") is too often the brand's own code, quoted by a customer.
_CODE_TOKEN = r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{4,20}\b"
_CODE_KIND = r"(?:promo|promotion(?:al|nel)?|discount|coupon|voucher|reduction|reduc|remise)"  # accents folded
_REFERRAL = r"(?:referral|refer|invite|invitation|affiliate|affiliation|parrainage|parrain)"
_NAMED_CODE = rf"(?:(?:{_CODE_KIND}|{_REFERRAL}) code|code(?: de)? (?:{_CODE_KIND}|{_REFERRAL}))"
_ANY_CODE = rf"(?:{_NAMED_CODE}|code)"
_OWN_REFERRAL = rf"(?:{_REFERRAL} code|code(?: de)? {_REFERRAL})"
# A customer telling that a code failed names it too: "le code promo WELCOME10 de -10 % ne marche pas".
_FAILED = (
    r"[^.!?\n]{0,60}\b(?:ne (?:marche|fonctionne|passe)|n.(?:a|est) pas|marche pas|fonctionne pas|doesn.t|didn.t|"
    r"does not|did not|not work|invalid|invalide|expir|refus|rejected)"
)
# Selling something that is not one's own used thing ("vends mon vélo, contactez-moi" is a neighbour's small ad).
_SELLING = r"(?:je vends?|j.en vends?|vends|selling|i sell|i.m selling|for sale|a vendre)(?! (?:mon|ma|mes|my)\b)"
# A trader's price ("moins cher" or "best price" alone is a customer's tip: "found it cheaper in store, write to me").
_BETTER_PRICE = r"(?:prix de gros|wholesale|prix casses?|prix imbattables?|unbeatable prices?)"
# "Avec le code X" hands it out unless the customer tells what it came to ("avec le code RENTREE15 le cartable revient
# à 34,99 €", "avec le code X j'ai payé 20 €").
_HANDED = (
    r"(?:use|enter|apply|try|type|grab|utilise[rz]?|entre[rz]?|tape[rz]?|saisi(?:r|ssez)|profite[rz]? (?:de|du)|"
    r"avec(?![^.!?\n]{0,70}\b(?:j.ai|je l.ai|m.a|me revient|revient|revenait|reviens|on a paye|nous a)\b))"
)
# Not what the customer did: "j'ai utilisé le code BIENVENUE15 et j'ai eu 15 %", "I used code X".
_NOT_MINE = r"(?<!j.ai )(?<!\bi )(?<!i.ve )(?<!\bwe )(?<!on a )(?<!\bje )"
_OWN = r"(?:my|mon|ma|our|notre)"
_THE = r"(?:my |mon |ma |the |le |la |this |ce )?"
# Self-promotion and prize draws (see their shapes below).
_PLATFORM = r"(?:youtube|twitch|tiktok|instagram|insta|etsy|ebay|vinted|onlyfans)"
_FOLLOW_EN = r"(?:subscribe to|sub to|follow|check out|visit|come see|go see|see)"
_FOLLOW_FR = (
    r"(?:abonnez[- ]vous|abonne[- ]toi|suivez[- ]moi|rejoignez[- ]moi|visitez|venez voir|allez voir|passez voir)"
)
_WON = (
    r"(?:you(?:.ve| have)? won|you(?:.ve| have) been (?:selected|chosen|picked)|you are (?:our|the) (?:lucky )?winner|"
    r"vous avez (?:ete )?(?:gagne|selectionne)|"
    r"tu as gagne|vous etes (?:le|notre) (?:grand )?gagnant|"
    r"(?:you are|you.re|vous etes|tu es) (?:the|our|le|notre) \d+(?:th|st|nd|rd|e|eme|ieme)? (?:visitor|customer|user|"
    r"visiteur|client|utilisateur))"
)
_CLAIM = (
    r"(?:claim|click|cliquez|clique|reclamez|recuperez|sms|text|call|appelez|contact|contactez|visit|visitez|link|lien|"
    r"reply|respond|repondez|reponds)"
)
_PRIZE = (
    r"(?:(?:iphone|ipad|samsung|playstation|ps5|gift card|carte cadeau|bon d.achat|voucher|prize|cash|lot)\b|"
    r"[$€£] ?\d|\d[\d,. ]* ?(?:€|\$|£|euros?\b|dollars?\b))"
)
# A giveaway that asks readers for their address or number in the comments.
_GIVEAWAY = r"(?:giveaway|win|winner|gagner|gagnant|concours|free|gratuit|gratuits|cadeau|prize|tirage au sort)"
_ASK_ADDRESS = (
    r"\b(?:comment|leave|drop|post|write|laisse[rz]?|ecri(?:s|vez)|mettez|mets)\b (?:your|votre|ton|vos|tes) "
    r"(?:e-?mail|email|phone(?: number)?|number|numero|adresse(?: e-?mail| mail)?|whatsapp)\b[^.!?\n]{0,30}"
    r"\b(?:below|in the comments?|en commentaires?|ci-dessous|en dessous)\b"
    # Commenting it is posting it here: "first 50 people to comment their email", "commentez votre numéro".
    r"|\b(?:comment|commentez|commente)\b (?:with )?(?:your|their|votre|ton|vos|tes|leur|leurs) (?:e-?mail|email|"
    r"phone(?: number)?|number|numero|adresse(?: e-?mail| mail)?|whatsapp)\b"
)
# What a phisher asks for, the verbs that ask, and the negations of a customer's warning before them.
_ASK = (
    r"(?:send|give|dm|pm|message|provide|share|envoyez|envoie|envoyer|donnez|donne|donner|communiquez|communique|"
    r"indiquez|transmettez|transmets|fournissez|renseignez|(?:merci de|veuillez|priere de|il (?:vous )?suffit de|"
    r"please|kindly)(?: nous| me| m.)? ?(?:communiquer|transmettre|envoyer|donner|indiquer|fournir|renseigner|"
    r"confirmer|confirm|verify|send|provide|share|reply with))"
)
_SECRET = (
    r"(?:(?:credit |debit |bank )?card (?:number|details|info\w*)|card number|cvv|cvc|security code|password|passcode|"
    r"pin(?: code)?|login details|online banking|bank details|iban|numero de (?:carte|cb)|carte (?:bancaire|bleue)|"
    r"code (?:de securite|secret|pin|confidentiel)|mot de passe|identifiants?|coordonnees bancaires|rib|cryptogramme|"
    r"(?:card.?s? )?(?:last (?:4|four) digits|expiry(?: date)?|expiration date)|date d.(?:expiration|validite)|"
    r"(?:4|quatre) derniers chiffres)"
)
_NOT_A_WARNING = r"(?<!\bne )(?<!\bn.)(?<!\bnever )(?<!\bdon.t )(?<!\bnot )"
_DISCOUNT = r"[^.!?\n]{0,60}(?:%|\boff\b|€|\$|£|\bremise\b|\breduction\b|\bdiscount\b|\brabais\b|\bofferts?\b)"
# An audience for sale: "buy followers cheap, DM me", "get 10k followers for $5", "vends abonnés Instagram pas cher".
# Buying or selling it needs a price or a contact beside it ("buying followers should be banned" is an opinion);
# getting or gaining a number of them, its price right after or a contact ("my photos get 200 likes now, thanks to this
# lens for 300$" is a customer).
_AUDIENCE = r"(?:followers|abonnes|likes|subscribers|subs|views|vues|j.aime|streams|ecoutes)"
_AUDIENCE_CONTACT = r"(?:\bdm\b|\bmp\b|inbox|message me|contact|whatsapp|telegram)"
_AUDIENCE_DEAL = (
    rf"(?:cheap|pas cher|bon marche|[$€£] ?\d|\d+(?:[.,]\d+)? ?(?:€|\$|£|euros?\b|dollars?\b)|{_AUDIENCE_CONTACT}|"
    r"instant\w*|garantis?|guaranteed)"
)
# Between the verb and the audience only its size and kind: "buy 1000 real Instagram followers"; "buy this for the
# likes, it's cheap plastic" buys the product.
_AUDIENCE_KIND = (
    r"(?:(?:real|active|organic|targeted|cheap|instant|premium|vrais|reels|actifs|youtube|twitch|tiktok|instagram|"
    r"insta|ig|yt|twitter|facebook|fb|spotify|des|d.|your|vos|votre|tes|ton) ?){0,3}"
)
_AUDIENCE_SALE = (
    rf"(?:\b(?:buy|buying|sell|selling|vends?|achetez|acheter|boost|boostez|cheap)\b |\b(?:vente|achat) d(?:e |.\s*))"
    rf"(?:\d[\d,. ]*k?\+? )?{_AUDIENCE_KIND}{_AUDIENCE}\b"
)
_AUDIENCE_GAIN = (
    rf"\b(?:get|gain|grow|obtenez|obtenir|gagnez|gagner)\b (?:up to |over |jusqu.a |plus de )?\d[\d,. ]*k?\+? "
    rf"{_AUDIENCE_KIND}{_AUDIENCE}\b"
)
# Each shape with the view it reads and a cheap test of a word it cannot do without: most reviews pass none of
# them, and then the shape's own pattern never runs (together they cost more than every other content rule when
# run on every text). Amounts are read on the ``base`` view: the ``words`` view reads "5k" as leetspeak ("sk").
_SHAPES = [
    (
        "words",
        r"single|girl|wom[ae]n|wives|milf|mom|mum|babe|lad|celibataire|femme|fille|meuf|cougar",
        # Dating spam, the lure of who waits nearby: "hot singles in your area", "meet lonely housewives near you",
        # "célibataires chaudes près de chez vous". A hotel "full of singles" is near no one.
        r"\b(?:hot|sexy|lonely|horny|naughty|local|bored|cute) (?:singles?|girls?|women|wom[ae]n|"
        r"(?:house)?wives|milfs?|moms?|mums|babes|ladies|cougars)\b(?: [a-z]+){0,3}? (?:(?:in|near|around|from) "
        r"(?:your|ur) (?:area|city|town|zone|region|neighbou?rhood|location)|(?:near|around) (?:you|u))\b"
        r"|\b(?:celibataires?|femmes?|filles?|meufs?|cougars?|mamans?)(?: [a-z]+){0,2}? (?:chaudes?|seules?|coquines?|"
        r"sexy|libres?|disponibles?|dispo)(?: [a-z]+){0,3}? (?:pres de chez (?:vous|toi)|dans (?:ta|votre) (?:ville|"
        r"region|coin|quartier)|de (?:ta|votre) (?:ville|region)|autour de (?:vous|toi))\b",
    ),
    (
        "base",
        r"follower|abonne|likes|subscriber|subs\b|views|vues|j.aime|streams|ecoutes",
        rf"{_AUDIENCE_SALE}[^\n]{{0,60}}?{_AUDIENCE_DEAL}|{_AUDIENCE_DEAL}[^\n]{{0,60}}?{_AUDIENCE_SALE}"
        # Grown to a number: "grow your Insta to 10k followers in a week, guaranteed".
        r"|\b(?:grow|boost|booste[rz]?|fais|faites) (?:your|ur|votre|ton|ta) (?:[a-z]+ )?(?:to|a|jusqu.a) "
        rf"\d[\d,. ]*k?\+? {_AUDIENCE_KIND}{_AUDIENCE}\b"
        # A number of them at a price: "10k real Instagram followers for only $19".
        rf"|\b\d[\d,. ]*k?\+? {_AUDIENCE_KIND}{_AUDIENCE}\b (?:for|pour|a) (?:only |just |seulement )?[$€£]? ?\d"
        rf"|{_AUDIENCE_GAIN}(?: (?:for|pour|only|seulement|just|a|at|a partir de) [$€£]? ?\d|[^\n]{{0,60}}?"
        rf"{_AUDIENCE_CONTACT})",
    ),
    (
        "base",
        r"day|week|month|hour|jour|semaine|mois|heure",
        rf"\b(?P<own>(?:i|we|je|nous|on) )?(?:earn|earned|earning|make|made|making|get paid|got paid|gagne|gagnez|"
        rf"gagner|gagnais|gagnait|touche|touchez|empoche) (?:up to |over |more than |about |around |jusqu{_Q}a |"
        rf"plus de |environ )?{_MONEY}\s*{_PERIOD}\b",
    ),
    (
        "words",
        r"funds|money|bitcoin|crypto|btc|argent|fonds|investment",
        r"\b(?:recover(?:ed|y of)?|got back|retriev(?:e|ed)|recuper\w+|got) (?:all )?(?:of )?(?:my|your|his|her|mes|"
        r"vos|votre|mon|ses) (?:lost |stolen |scammed )?(?:funds|money|bitcoins?|crypto\w*|btc|argent|fonds|"
        r"investment)\b(?: back)?[^\n]{0,160}\b(?:hacker|recovery|whatsapp|telegram|gmail)\b",
    ),
    (
        "words",
        r"profil|bio\b|page\b",
        r"\b(?:check|visit|see|click|view|look at|voir|visitez|voyez|consultez|regardez|allez voir|cliquez sur|clique "
        r"sur|click on|tap on) (?:out )?(?:on )?(?:my|mon|ma) (?:profile|profil|bio|page)\b|\b(?:link|lien) (?:is )?"
        r"(?:in|dans|en|on|sur) (?:my |ma |mon )?(?:bio|profile|profil)\b",
    ),
    (
        "words",
        r"spell|retour|envout|marabout|medium",
        r"\b(?:spell ?casters?|love spells?|retour (?:de l.etre aime|affectif)|envoutement\w*|desenvoutement\w*|"
        r"marabout (?:africain|voyant|medium|competent|puissant|serieux|efficace)|(?:grand |puissant )?medium "
        r"voyant)\b",
    ),
    (
        "base",
        r"code",
        # Handed out: told to use a promo code ("use code SARAH15 for 15% off"), one's own with what it takes off, set
        # out as an advert ("Code promo : RUN10"), or any referral code, which pays whoever posts it. A bare "code"
        # needs the discount beside it: "enter code E3F1 to reset the watch" and "error code: E404" are not promos.
        rf"{_NOT_MINE}\b{_HANDED} {_THE}{_NAMED_CODE}(?: is| est)?\s*:?\s*{_CODE_TOKEN}"
        rf"|{_NOT_MINE}\b(?:{_HANDED} {_THE}|{_OWN} ){_ANY_CODE}(?: is| est)?\s*:?\s*{_CODE_TOKEN}{_DISCOUNT}"
        rf"|\b{_NAMED_CODE}\s*:\s*{_CODE_TOKEN}|\b{_NAMED_CODE}\s+{_CODE_TOKEN}(?!{_FAILED}){_DISCOUNT}"
        rf"|\b{_OWN_REFERRAL}(?: is| est)?\s*:?\s*{_CODE_TOKEN}",
    ),
    (
        "words",
        r"chaine|channel|shop|store|boutique|blog|etsy|ebay|vinted|youtube|twitch|tiktok|instagram|insta\b|onlyfans",
        # The poster's own channel or shop: "subscribe to my channel", "check out my Etsy shop", "abonnez-vous à ma
        # chaîne". "My shop" or "my YouTube channel" alone is a customer's ("my local shop had it cheaper", "bought it
        # for my YouTube channel").
        rf"\b{_FOLLOW_EN} (?:my|our) (?:{_PLATFORM} |online )?(?:channel|page|shop|store|blog|account|profile)\b"
        rf"|\b{_FOLLOW_FR} (?:a |sur |dans )?(?:ma|mon|notre|nos) (?:chaine|page|boutique|blog|compte|profil|"
        rf"{_PLATFORM})\b"
        # Oneself on a platform: "follow me on onlyfans", "suivez-moi sur TikTok".
        rf"|\b(?:(?:follow|find|sub|subscribe to|check) me|(?:follow|subscribe to) us) (?:on|at) {_PLATFORM}\b"
        rf"|\b(?:suivez|retrouvez|retrouve)[- ]moi sur {_PLATFORM}\b",
    ),
    (
        "base",
        r"won|win|gagne|prize|lot\b|gift|cadeau|iphone|selected|chosen|picked",
        # A prize for the reader, with what to do to claim it: "you've won a $1000 gift card, claim it now",
        # "vous avez gagné un iPhone, cliquez ici", "envoyez un SMS pour gagner un iPhone".
        rf"\b{_WON} (?:[^\s.!?]+ ){{0,3}}?{_PRIZE}[^\n]{{0,120}}\b{_CLAIM}\b"
        rf"|\b{_WON}\W[^\n]{{0,40}}?\b{_CLAIM}\w* (?:[^\s.!?]+ ){{0,3}}?{_PRIZE}"
        rf"|\b(?:sms|text|envoyez|envoie|send|appelez|call|click|cliquez)\b[^.!?\n]{{0,60}}\b(?:pour gagner|to win) "
        rf"(?:un|une|a|an|des) {_PRIZE}\b",
    ),
    (
        "words",
        r"hacker|recovery",
        # The recovery scam told the other way round: "a recovery hacker got my funds back".
        r"\b(?:hacker|recovery (?:expert|agent|specialist|company|team))\b[^\n]{0,160}\b(?:recover(?:ed)?|got back|"
        r"retriev(?:e|ed)|recuper\w+|got) (?:all )?(?:of )?(?:my|your|his|her|mes|vos|votre|mon|ses) (?:lost |stolen "
        r"|scammed )?(?:funds|money|bitcoins?|crypto\w*|btc|argent|fonds|investment)\b",
    ),
    (
        "words",
        r"password|passe|card|carte|cvv|cvc|pin\b|iban|login|identifiant|bancaire|banking|rib\b|\bcb\b|cryptogramme",
        # Phishing: asked for a card, a password or bank details ("this is support, DM your card number and
        # password", "merci de nous communiquer votre mot de passe"). A customer's warning says "never" ("ne donnez
        # jamais votre numéro de carte") or "my" ("they asked me to send my card number"); "enter" and "type" are how
        # a manual sets up an app, not an ask, and "confirm" asks only after "please" or "merci de".
        rf"{_NOT_A_WARNING}\b{_ASK}(?:[- ]?(?:moi|nous|me|us))? (?:with |avec )?(?:your|votre|vos|ton|tes|ta) "
        rf"(?:(?!(?:my|mon|ma|mes)\b)[a-z'’]+,? ){{0,8}}?{_SECRET}\b",
    ),
    (
        "words",
        _DRUGS,
        rf"\b{_DRUGS}\b[^.!?\n]{{0,60}}\b(?:buy|cheap|order|discount|without (?:a )?prescription|no prescription|"
        rf"sans ordonnance|pas cher|acheter|commander)\b|\b(?:buy|cheap|order|discount|acheter|commander)\b"
        rf"[^.!?\n]{{0,40}}\b{_DRUGS}\b",
    ),
    (
        "words",
        _STREET_DRUGS,
        # Street drugs for sale: "selling weed and pills, discreet delivery", "vends cannabis, livraison discrète".
        # Offered by the poster ("vends", "selling"): "le magasin vend du cannabis CBD" is a shop, and CBD is legal;
        # "this shop sells weed killer" is a garden.
        rf"\b(?:selling|for sale|vends|je vend|on vend|vente de|a vendre|dispo|plug)\b[^.!?\n]{{0,40}}"
        rf"\b{_STREET_DRUGS}\b"
        rf"|\b{_STREET_DRUGS}\b[^.!?\n]{{0,40}}\b(?:discreet delivery|livraison discrete|for sale|a vendre|dm me|"
        rf"snap|telegram|whatsapp)\b",
    ),
    (
        "words",
        _GIVEAWAY,
        # A giveaway that asks readers for their address or number in the comments: "comment your email below".
        rf"\b{_GIVEAWAY}\b[^\n]{{0,80}}{_ASK_ADDRESS}|{_ASK_ADDRESS}[^\n]{{0,80}}\b{_GIVEAWAY}\b",
    ),
    (
        "words",
        r"vend|sell|for sale|a vendre|gros|wholesale|casse|imbattable|unbeatable",
        # Selling, or a better price, with the poster's own contact: "contactez-moi en MP pour des prix de gros", "je
        # vends le même 30 € moins cher, écrivez-moi", "vends compte Netflix, écrivez-moi". A customer who resold
        # theirs ("je l'ai revendu sur Leboncoin") or who "would write to the seller" gives no contact of their own.
        rf"\b(?:{_SELLING}|{_BETTER_PRICE})\b[^.!?\n]{{0,80}}\b{_CONTACT}\b"
        rf"|\b{_CONTACT}\b[^.!?\n]{{0,80}}\b(?:{_SELLING}|{_BETTER_PRICE})\b",
    ),
    (
        "words",
        r"pret|loan|credit",
        # Loan offers between private people, the French classic ("prêt entre particuliers rapide, contactez M. X").
        r"\b(?:pret|credit)s? (?:entre particuliers|d.argent (?:rapide|serieux|fiable)|rapide et (?:serieux|fiable|"
        r"sans frais))\b|\b(?:loan offers?|quick loans?|fast loans?|instant loans?|personal loans? (?:available|"
        r"offer))\b",
    ),
    (
        "words",
        r"referral|refer|invite|parrain|affiliat",
        # The poster's own referral link pays them for every reader who follows it: "use my referral link", "mon lien
        # de parrainage". A friend's link a customer used is not the poster's.
        rf"\b{_OWN} (?:{_REFERRAL} link|(?:lien|url) (?:de |d.)?{_REFERRAL})\b",
    ),
    (
        "base",
        r"bc1|0x|btc|bitcoin|wallet|portefeuille",
        # A crypto wallet to pay to: a bech32 or Ethereum address, or an older Bitcoin one named as such. No review
        # needs one; a scam that ships nothing does.
        r"\bbc1[a-z0-9]{25,62}\b|\b0x[a-f0-9]{40}\b|\b(?:btc|bitcoin|wallet|portefeuille)\b[^\n]{0,30}\b[13][a-z0-9]{25,34}\b",
    ),
    (
        "words",
        r"gift|card|carte|coupon|recharge|ticket",
        # Paying in gift cards or prepaid coupons to release a refund, a prize or a parcel: the scammer's only way to
        # be paid. An order: a customer who "paid with a gift card" tells what happened.
        r"\b(?:pay|send|buy|purchase|payez|envoyez|achetez|reglez|payer|envoyer|acheter|regler)\b[^.!?\n]{0,40}"
        r"\b(?:gift ?cards?|"
        r"(?:itunes|google play|steam|amazon|apple) (?:gift )?cards?|cartes? cadeaux?|(?:coupons?|recharges?|tickets?) "
        r"(?:pcs|transcash|neosurf|paysafecard))\b[^.!?\n]{0,40}\b(?:to|pour|afin de) (?:unlock|release|receive|claim|"
        r"get|verify|debloquer|recevoir|valider|liberer|recuperer)\b",
    ),
    (
        "base",
        r"crypto|bitcoin|btc|token|coin|trading|forex|\$[a-z]",
        # A coin pumped before its launch, or a multiple promised: "buy $LAMPX token before launch, 100x guaranteed",
        # "le Bitcoin va exploser, j'ai fait x10 avec mon coach crypto". A book on Bitcoin's history that "went x10"
        # promises no one anything: the multiple needs a guarantee, a launch, a coach or the poster's own gain.
        r"\b(?:buy|get|grab|achetez|achete|acheter)\b[^.!?\n]{0,30}\b(?:tokens?|coins?)\b[^\n]{0,40}\b(?:before "
        r"(?:launch|listing|it pumps)|avant (?:le )?(?:lancement|listing)|to the moon)\b"
        r"|(?:\b\d{2,} ?x|\bx ?\d{2,})\b[^\n]{0,40}\b(?:guaranteed|garanti\w*)\b"
        r"|\b(?:crypto\w*|bitcoin|btc|tokens?|trading|forex)\b[^\n]{0,60}(?:\b\d{1,4} ?x|\bx ?\d{1,4})\b[^\n]{0,40}"
        r"\b(?:coach|mentor|expert|account manager|gestionnaire|guaranteed|garanti\w*)\b"
        r"|\b(?:j.ai|i|i.ve|we) (?:fait|made|did|got)\b (?:un )?(?:\d{1,4} ?x|x ?\d{1,4})\b[^\n]{0,60}"
        r"\b(?:crypto\w*|bitcoin|btc|tokens?|trading|forex|coach|mentor)\b"
        # A ticker said to multiply, "get in before…": "$PEPEX is going to 100x this week, get in before it's too late".
        r"|(?:\$[a-z]{2,10}|\b(?:tokens?|coins?|crypto|bitcoin|btc))\b[^\n]{0,30}\b(?:is going to|going to|will|gonna|"
        r"va|vont) (?:\d{1,4} ?x|x ?\d{1,4}|the moon|moon|exploser)\b[^\n]{0,60}\b(?:get in|buy|before|achetez|avant)\b"
        # A coach who doubled the poster's capital: "bitcoin avec mon coach, j'ai doublé mon capital … garantie".
        r"|\b(?:crypto\w*|bitcoin|btc|trading|forex)\b[^\n]{0,80}\b(?:coach|mentor|expert)\b[^\n]{0,80}"
        r"\b(?:doubl\w*|tripl\w*|garanti\w*|guaranteed)\b",
    ),
    (
        "words",
        r"gift ?card|cartes? cadeaux?|partag|share|repost|giving away|give ?away|offrons|on offre|to comment|"
        r"a commenter",
        # Gift-card codes asked for ("give me ur amazon gift card codes and I'll send double back"), and a prize for
        # sharing the comment ("partagez ce commentaire 10 fois et gagnez une PS5"). A customer who "shared the
        # link with a friend" wins nothing.
        r"\b(?:give|send|dm|pm|donne[zs]?|envoie[zs]?)(?: me| moi)? (?:ur|your|vos|tes|ton|votre) (?:[a-z]+ )?"
        r"(?:gift ?cards?|cartes? cadeaux?)(?: codes?)?\b[^.!?\n]{0,60}\b(?:double|back|retour|rembours\w*|paypal|send|"
        r"renvoie)\b"
        r"|\b(?:partagez|partage|share|repost)\b (?:ce |cet |this |le |the |mon |my )?(?:commentaire|comment|post|"
        r"publication|avis)?[^.!?\n]{0,30}\b(?:et|and|to|pour) (?:gagne[rz]?|win|remporte[rz]?)\b"
        # Given away to whoever comments or shares: "we're giving away 50 free iPhones to people who comment".
        r"|\b(?:(?:the )?first \d+ (?:people |persons |users )?to comment|(?:les )?\d+ premier(?:e)?s? a commenter)\b"
        r"|\b(?:giving away|give away|giveaway|offrons|on offre|nous offrons)\b[^.!?\n]{0,60}\b(?:who|qui) "
        r"(?:comment|share|like|follow|tag|commente\w*|partage\w*|like\w*|suiv\w*|identifie\w*)\b",
    ),
    (
        "words",
        r"casino|spins|betting|paris sportif|tours gratuits",
        # Gambling adverts: an online casino, free spins or betting, with its bonus or a sign-up.
        r"\b(?:online casinos?|casinos? (?:en ligne|online)|free spins|tours gratuits|sports? betting|betting sites?|"
        r"paris sportifs)\b[^\n]{0,80}(?:\bbonus\b|%|€|\$|\bcode\b|\binscri\w*|\bsign ?up\b|\bregister\b|\bjoin\b)",
    ),
]
# Money from home and a rate of return are promises only when the poster also asks to be contacted: "je travaille
# à domicile" or "ce livre sur le trading promet 10 % de rendement" is a customer.
_WITH_CONTACT = [
    rf"\b{_HOME}\b[^.!?\n]{{0,80}}\b{_GAIN}|\b{_GAIN}[^.!?\n]{{0,80}}\b{_HOME}\b",
    # Crypto or trading that "changed my life", with a way to get in touch: "Crypto changed my life, message me for
    # the strategy", "le trading a changé ma vie, contactez-moi". A book on trading that changed a life asks no one to
    # write.
    rf"\b{_INVESTMENT}\b[^.!?\n]{{0,60}}\b(?:changed my life|changed everything|a change ma vie|m.a change la vie)\b",
    rf"\b(?:changed my life|a change ma vie|m.a change la vie|ma vie a change)\b[^\n]{{0,80}}\b{_INVESTMENT}\b",
    # "investissement crypto 100% garanti", "j'ai récupéré 8 fois ma mise", "tripled my stake in two weeks".
    rf"\b{_INVESTMENT}\b[^.!?\n]{{0,30}}\b(?:\d+ ?% )?(?:garanti\w*|guaranteed|sans risque|risk.?free)\b",
    r"\b(?:\d+|deux|trois|quatre|cinq|dix) fois (?:ma|sa|votre|leur|mon|son) (?:mise|capital|investissement)\b|"
    r"\b(?:doubled|tripled|multiplied|(?:\d+|ten|five) ?(?:x|times)) (?:my|his|her|their) (?:money|investment|capital|"
    r"stake|savings)\b",
    rf"\b{_INVESTMENT}\b[^\n]{{0,120}}{_RETURN}|{_RETURN}[^\n]{{0,120}}\b{_INVESTMENT}\b",
    # "Double your money", "triplez votre capital", "guaranteed profit every week", "gains garantis": "these doubled
    # my mileage" doubles no money, and a guarantee of two years is no profit.
    r"\b(?:double|triple|multiply|doublez|doubler|triplez|tripler|multipliez|multiplier) (?:your|votre|vos|ton|tes) "
    r"(?:money|capital|investment|investissement|argent|mise|gains|bitcoins?|btc|crypto\w*|portefeuille|savings|"
    r"epargne)\b",
    # Goods at a price, asked for in private: "dm me for cheap nikes", "hit me up for discounted tickets",
    # "contactez-moi pour des prix" (a customer's tip names a shop: "found it cheaper at Lidl").
    rf"\b{_CONTACT} (?:for|pour) (?:some |des |du |de )?(?:(?:cheap|discount(?:ed)?|bargain) [a-z]+|(?:cheap(?:er)?|"
    r"better|the best|great|low(?:er)?|bas|petits?|meilleurs?|super) (?:prices?|deals?|prix)|prix|[a-z]+ (?:pas|moins) "
    r"chers?)\b",
    # Counterfeits and reviews for sale, offered with a way to get in touch: "replica Rolex, WhatsApp me", "sac copie
    # parfaite pas cher, contactez-moi", "je vends des avis 5 étoiles", "get paid $50 for every review you write".
    r"\b(?:replicas?|knock-?offs?|fake (?:bags?|watch(?:es)?|rolex|designer)|copies? parfaites?|contrefacons?|"
    r"qualite miroir|mirror quality|aaa quality|qualite aaa|super ?fakes?|(?:copies?|replicas?|reps) 1:1|"
    r"1:1 (?:copies?|replicas?|reps|quality|qualite)|"
    r"repliques?)\b",
    r"\b(?:sell(?:ing)?|buy(?:ing)?|vends?|vente d.|achete|achetons)\b (?:des |of |some |your |vos )?(?:\d+ )?"
    r"(?:\d ?(?:star|etoile)s? |positive |fake |faux )?(?:reviews|avis|ratings)\b|\b(?:get paid|earn|gagne[rz]?|"
    r"paid|payes?|remuneres?|(?:i|we) pay|je paie|je paye|on paie|on paye)\b[^.!?\n]{0,30}\b(?:per|for (?:each|every)|"
    r"par|pour chaque) (?:\w+ )?(?:review|avis)\b|\b\d ?-?(?:star|etoiles?) (?:reviews?|avis) (?:for )?[$€£]? ?\d+"
    r"(?:[.,]\d+)? ?(?:[$€£]|euros?)? ?(?:each|chacun|piece|l.unite)\b",
    # Staff of the brand, as a commenter calls themselves before asking to be written to: "Hi, this is Mark from the
    # official Support Team… DM me", "je suis Julie du service client, écrivez-moi". A customer tells of them ("I
    # spoke to Mark from support"); "the support team was great" claims nothing.
    r"\b(?:this is|i am|i.m|je suis|ici|c.est) (?:[a-z]+ )?(?:from|of|at|de|du|chez) (?:the |l.|le |la |votre |your )?"
    r"(?:official |officiel |officielle )?(?:[a-z]+ )?(?:customer support|customer service|customer care|support|"
    r"help ?desk|service client|service apres.vente|sav)(?: team| equipe| officiel)?\b",
    # A private date or a generous partner sought: "jeune femme cherche homme généreux pour rencontre discrète,
    # écris-moi", "looking for a sugar daddy, dm me". A hotel "for a discreet weekend" seeks no one.
    r"\b(?:cherche|recherche|looking for|seeking|searching for)\b[^.!?\n]{0,40}\b(?:rencontres? (?:discretes?|"
    r"coquines?|sans lendemain|d.un soir|intimes?|chaudes?)|plan (?:cul|q|d.un soir)|sugar ?(?:dadd(?:y|ies)|"
    r"mumm(?:y|ies)|babys?)|generous (?:man|men|gentlem[ae]n|guy)|hommes? genereux|discreet (?:fun|meet(?:ing|up)s?|"
    r"relationship|encounters?|dates?)|hook ?ups?|one night stands?|nsa fun)\b",
    r"\b(?:guaranteed|garantis?|garanties?) (?:daily |weekly |monthly )?(?:profits?|returns?|income|gains|revenus?|"
    r"rendements?)\b|\b(?:profits?|returns?|income|gains|revenus?|rendements?) (?:quotidiens? |hebdomadaires? |"
    r"mensuels? )?(?:garantis?|garanties?|guaranteed)\b",
]
_GATED = tuple((view, re.compile(gate), re.compile(pattern)) for view, gate, pattern in _SHAPES)
_PROMISE = re.compile("|".join(f"(?:{p})" for p in _WITH_CONTACT))
_CONTACT_RE = re.compile(rf"\b{_CONTACT}\b")
# A handle to write to, in the base view (the words view reads "@" as the letter a): "DM @cryptoking_fx".
_HANDLE_CONTACT = re.compile(
    r"\b(?:dm|pm|message|text|contact|follow|add|ecrivez|contactez|ajoutez|suivez)(?: (?:me|moi))?(?: (?:on|sur|a))?"
    r" @[a-z0-9_.]{3,}"
)
# A customer may say what they earn ("je gagne 1800 € par mois, ce sac vaut son prix"); a spammer's own income comes
# with the way to it: getting in touch, from home, a method, a system, easily, no experience needed.
_LURE = re.compile(
    rf"\b(?:{_CONTACT}|{_HOME}|grace a (?:cette|ce|mon|ma|une?)|thanks to (?:this|my|a)|with this (?:method|system|"
    r"app|program|platform)|avec (?:cette|ce) (?:methode|systeme|appli\w*|programme|plateforme)|easily|facilement|"
    r"without (?:any )?experience|no experience|sans experience|join (?:us|me|my)|rejoins|rejoignez|ask me|"
    r"demandez[- ]moi|opportunit\w+|ask how|learn how|decouvrez comment|click|cliquez|search (?:his|her|their) name|"
    r"look (?:him|her|them) up|google (?:him|her|them|his name|her name)|(?:cherchez|tapez) (?:son|leur) nom)\b"
)


def _own_income(m: re.Match[str]) -> bool:
    """The income shape matched with a first person ("je gagne …"), which needs a lure beside it."""
    return "own" in m.re.groupindex and m.group("own") is not None


def promotions(ctx: Context) -> list[Match]:
    views = {"base": ctx.text.base, "words": ctx.text.words}
    text = views["words"].text
    hits = [
        (views[name], m)
        for name, gate, pattern in _GATED
        if gate.search(views[name].text)
        for m in pattern.finditer(views[name].text)
    ]
    if any(_own_income(m) for _, m in hits) and not _LURE.search(text):
        hits = [(view, m) for view, m in hits if not _own_income(m)]
    if _CONTACT_RE.search(text) or _HANDLE_CONTACT.search(views["base"].text):
        hits += [(views["words"], m) for m in _PROMISE.finditer(text)]
    found = []
    for view, m in hits:
        start, end = view.span(m.start(), m.end())
        rule = f"promotion: {m.group(0)[:48]}"
        found.append(Match(Reason.SPAM.value, rule, start, end, ctx.text.original[start:end]))
    return found + scams(ctx) + lures(ctx)
