"""Scams that speak as the brand, in French and English: held as ``spam``, and as ``impersonation`` too when the
commenter claims to be the brand's staff. Read by :func:`moderation.content.phases.promotions.promotions`.

By roles, not by wording:

- **posing and asking**: a commenter who claims to be the brand, its support, its moderators or "the team" ("this
  is the customer care team", "ici le service client officiel", "Moderator here", "[ADMIN]") and asks the reader for
  what only a thief needs (a card's numbers, even described in words: "the long number on the front of your card",
  "les 3 chiffres au dos"; an IBAN; a date of birth; a password; the code sent by SMS) or for a small fee. The ask
  alone, to the reader, with no claim, is spam;
- **a notice to all customers**: spoken to all of them ("all customers", "chers clients", "OFFICIAL NOTICE",
  "[MODERATOR]"), with something to do now (re-verify, claim, click the link in the bio, confirm) and a deadline or
  an event (a breach, a bug, a compensation, a voucher, an account about to be closed);
- **a small fee to pay**: for something free or to win, for a parcel held or a refund, with a deadline or to all the
  customers, or asked by the brand's "staff" ("just cover the $2.95 shipping, ends tonight", "réglez 1,50 € pour
  débloquer votre colis avant ce soir"). "I had to pay the customs fees" is a customer;
- **a sales pitch with a link**: a link away with a cut price, told to the reader or claimed to be the brand's
  official outlet ("same exact watch for £89 at …, they're the official clearance site").

Left alone: a customer warning others ("a fake SAV asks for your IBAN, never answer"), telling what support asked
of them ("le service client m'a demandé mon numéro de commande"), the brand's own reply style that asks for nothing
secret, a bank that made them confirm a payment, and deadlines, prices and vouchers in a review.
"""

from __future__ import annotations

import re

from moderation.content.phases.links import links
from moderation.content.phases.literals import words_of
from moderation.content.verdict import Context, Match, Reason

_ROLE = (
    r"(?:customer (?:care|service|support|relations|success|experience|team|advisor|agent|representative|rep)"
    r"(?: team| department)?|client (?:care|service|support|relations|team)|(?:tech |technical )?support(?: team| "
    r"staff| department)?|help ?(?:desk|cent(?:re|er))|centre d.aide|service (?:client|clients|clientele|"
    r"consommateurs?|apres.vente)|relations? clients?|conseill(?:er|ere)s? (?:client\w*|commercia\w*)|sav|"
    r"equipe (?:client\w*|commerciale)|conseill(?:er|ere)s? (?:sinistres?|clientele|de vente|vente|technique|"
    r"bancaires?|(?:en )?assurance)|gestionnaires? (?:de )?(?:sinistres?|comptes?|dossiers?|clientele)|"
    r"claims? (?:advis[eo]rs?|handlers?|agents?|adjusters?|team|department)|"
    r"(?:refunds?|billing|returns) (?:team|department|desk)|guest (?:relations|services)(?: team)?|"
    r"(?:support|assistance) (?:technique|client)|(?:directeur|directrice|gerante?|responsable) (?:du|de la|de l.) "
    r"(?:magasin|boutique|agence|hotel|enseigne)|"
    r"moderat(?:or|ors|ion|eur|eurs|rice)(?: team)?|modo|admins?|administrat(?:or|ors|eur|eurs|ion)|staff|"
    r"community manager|webmaster|(?:hotel |store |shop )?management|(?:store|shop|hotel|branch) manager|la direction|"
    r"(?:official |officielle? )?(?:team|equipe)(?: (?:sav|support|officielle?|official|moderation))?)"
)
# What a role is of: "le modérateur de la page", "a moderator for this store".
_OF_HERE = (
    r"(?: (?:de|of|for|du|on|sur) (?:la |the |this |cette |ce |le |l.)?(?:page|site|forum|store|shop|boutique|"
    r"magasin|groupe|group|marque|brand))?"
)
_ROLE_GATE = frozenset(
    "support service sav care team equipe moderator moderators moderation moderateur moderateurs modo admin admins "
    "administrator administrateur staff official officiel officielle helpdesk help aide relations relation "
    "webmaster manager conseiller conseillere advisor agent representative rep management direction work bosse "
    "travaille gestionnaire gestionnaires claims claim department desk assistance".split()
)
_OFFICIAL = r"(?:official |officiel |officielle |brand.?s? |marque )?"
# A claim to speak as the brand: "this is the Customer Care team", "ici le service client officiel", "Moderator
# here", "nous sommes le support de la marque", "[MODERATOR]", "message de la modération", "Official support team".
_CLAIM = re.compile(
    # Working at the place: "je bosse à la concession", "I work at the store" (a claim only with an ask beside it).
    r"\b(?:i work|je (?:bosse|travaille)) (?:at|in|for|a|au|a la|chez|dans) (?:the |this |that |la |le |l.|ce |cette )?"
    r"(?:store|shop|branch|dealership|magasin|boutique|concession|agence|enseigne|hotel|siege|head office|"
    r"headquarters)\b|"
    rf"\b(?:this is|dis is|thi?s is|it.s|here is|we are|we.re|i am|i.m|im|i work (?:for|in|at)|ici|c.est|je suis|"
    rf"nous sommes|on est|je (?:travaille|bosse) (?:pour|au|a la|chez|dans)|je fais partie (?:de|du|des)|i.m part of|"
    rf"i am part of|je suis membre (?:de|du|des)|hello from|hi from|here from|as (?:a|an|the)|en tant que|greetings "
    rf"from|message (?:from|de)|a message from|de la part d|on behalf of|au nom d)\s*(?:(?:[a-z]+ )?(?:from|of|at|de|"
    rf"du|chez) )?(?:the |l.|le |la |les |votre |your |notre |our |du |de la |de l.|a |an |un |une )?"
    rf"(?:[a-z0-9]+ ){{0,2}}?{_OFFICIAL}{_ROLE}\b"
    rf"|(?:^|[.!?,:;\n]\s*|\b(?:hi|hello|hey|bonjour|bonsoir|salut|dear [a-z]+)\W+)(?:the |your |votre |l.|le |la )?"
    rf"{_OFFICIAL}{_ROLE}{_OF_HERE} (?:here|ici)\b"
    rf"|\b(?:hi|hello|hey|bonjour|bonsoir|salut)\W+[a-z]+ (?:from|de|du|at|chez) (?:the |l.|le |la )?(?:[a-z0-9]+ )?"
    rf"{_OFFICIAL}{_ROLE}\b"
    rf"|\b(?:official|officiel|officielle) {_ROLE}\b|\b{_ROLE} (?:official|officiel|officielle)\b"
    rf"|[\[(]\s*{_OFFICIAL}{_ROLE}\s*[\])]|\b(?:{_ROLE}) (?:notice|alert|warning|announcement|message)\b"
    # Heading the comment: "Moderation team: your account…". A signature ("- The Team") is left to the shapes.
    # With the brand's name before the role ("GameVault Support:"; not "Their support replied:") or after it, then a
    # dash ("SAV Ferries —").
    rf"|^\W*(?:the |l.|le |la )?(?!(?:their|his|her|my|your|leur|leurs|son|sa|ses|mon|ma|mes|ton|ta|votre|vos)\b)"
    rf"(?:[a-z0-9]+ )?{_OFFICIAL}(?:{_ROLE}|care|assistance|help)\s*[:\-\u2013\u2014|]"
    rf"|^\W*{_OFFICIAL}(?:{_ROLE}|care|assistance) [a-z0-9]+\s*[\-\u2013\u2014|]"
    rf"|^\W*(?:official|officiel|officielle) [a-z0-9]+ (?:{_ROLE}|care|assistance|help)\s*[:\-\u2013\u2014|]"
    # A role opening the comment, at the reader's firm: "Conseillère sinistres chez vous 👋". "Le SAV chez vous est
    # nul" goes on with a verb; the greeting ends with a sign.
    rf"|^\W*{_ROLE} chez vous(?=\s*(?:[^\w\s]|$))"
)
# The reader is asked: "your card", "the code you received", "ton IBAN". "Confirmer mon mot de passe" is a customer's.
_FIRST_PERSON = re.compile(r"\b(?:my|mine|me|mon|ma|mes|moi|m)\b")
_MINE_AFTER = re.compile(r"\s*(?:de |of |on |sur |du |from |d.)?(?:la |the |le )?(?:my|mon|ma|mes)\b")
_SECOND_PERSON = re.compile(r"\b(?:your|you|ur|u|yours|votre|vos|ton|ta|tes|toi|vous|te)\b")
# What only a thief needs. A card by its numbers, said in words too; an IBAN; a date of birth; a password; the code
# the bank sends by SMS.
_CARD = r"(?:card|carte|cb)"
_SECRET = (
    rf"(?:(?:credit |debit |bank |payment )?{_CARD} (?:number|numbers|details|digits|info\w*|no)|"
    rf"(?:numero|numeros|chiffres|digits|numbers?)(?: de| of| on| sur| du)? (?:la |votre |ta |your |the )?{_CARD}|"
    rf"(?:long |full |whole |(?:\d+|three|four|sixteen|trois|quatre|seize) )(?:number|numbers|digits|chiffres)\b"
    rf"[^.!?\n]{{0,40}}\b{_CARD}\b|\b{_CARD}\b[^.!?\n]{{0,40}}\b(?:\d+|all|full|long|whole|sixteen|seize|tous "
    rf"les) (?:numbers|digits|chiffres)\b|"
    r"(?:\d+|three|four|trois|quatre|security|little|small|petits?) (?:digits|numbers|chiffres)\b[^.!?\n]{0,20}"
    r"\b(?:back|reverse|dos|verso)\b|(?:digits|numbers|chiffres|code)(?: printed| written| inscrits?)? (?:on|at|au) "
    r"(?:the )?(?:back|dos|verso)\b|"
    r"cvv|cvc|cryptogramme|security code|code de securite|(?:card.?s?|carte) (?:expiry|expiration)|(?:expiry|"
    r"expiration) date (?:of|on) (?:your |the )?card|date d.(?:expiration|validite) (?:de |sur )?(?:la |votre |ta )?"
    r"carte|(?:4|four|quatre) (?:last|derniers) (?:digits|chiffres)|last (?:4|four) digits|"
    r"iban|rib|bic|swift|sort code|account number|numero de compte|bank details|coordonnees (?:bancaires|de paiement)|"
    r"(?:payment|account|billing|banking) (?:details|info\w*|credentials|data)|online banking|login details|"
    r"account login|login credentials|identifiants?|(?:informations?|infos?|donnees) (?:de paiement|bancaires|de "
    r"connexion)|"
    r"password|passcode|mot de passe|mdp|pin(?: code)?|code (?:pin|secret|confidentiel)|"
    r"date of birth|birth ?date|dob|date (?:et lieu )?de naissance|social security|securite sociale|numero de secu|"
    r"n[°o]\.? ?de secu|(?:the |la )?card (?:you )?(?:paid|used|pay)(?: with)?|la carte (?:utilisee|avec laquelle)|"
    r"mother.s maiden name|nom de jeune fille|(?:photo|scan|copie|copy|picture)s? (?:[a-z]+ ){0,3}?(?:of |de |du )?"
    r"(?:your |votre |ta |the |la |le )?(?:id|passport|passeport|piece d.identite|carte d.identite|card|carte|cb|"
    r"recto)|"
    r"one.time (?:code|password|passcode)|otp|verification code|code de (?:verification|confirmation|validation)|"
    r"(?:\d|six|four|quatre)[- ](?:digit|chiffres?) code|code (?:a|de) (?:\d|six|quatre) chiffres|"
    r"code\b[^.!?\n]{0,40}\b(?:sms|texto|text(?:ed)?(?: message)?)\b|(?:sms|text) code)"
)
# The words a secret cannot do without: one alone, or one of each of a pair ("card" and "number", "code" and "sms").
_SECRET_WORDS = frozenset(
    "iban rib bic swift cvv cvc cryptogramme password passcode passe mdp pin expiry expiration validite birth "
    "birthdate dob naissance maiden secu otp identifiant identifiants coordonnees bancaires banking".split()
)
_SECRET_PAIRS = tuple(
    (frozenset(a.split()), frozenset(b.split()))
    for a, b in (
        (
            "card cards carte cartes cb",
            "number numbers digits chiffres numero numeros details info information paid used utilisee",
        ),
        ("code", "sms text texto texted digit chiffres verification confirmation validation securite security"),
        ("digits chiffres numbers", "back dos verso reverse security"),
        (
            "account compte payment paiement login bank billing banking informations information infos donnees",
            "number numero details info information credentials data login paiement connexion",
        ),
        ("id passport passeport identite card carte cb recto", "photo photos scan copie copy picture"),
        ("sort social securite", "code security sociale"),
    )
)
# The asks: an order to the reader, or "we need your …"; never after a warning's "never" or "ne".
_ASK = re.compile(
    r"(?<!\bne )(?<!\bn.)(?<!\bnever )(?<!\bdon.t )(?<!\bnot )(?<!\bjamais )"
    r"\b(?:send|give|dm|pm|message|provide|share|submit|post|leave|drop|comment|write|reply with|respond with|"
    r"answer with|confirm|verify|re-?enter|update|tell us|let us know|"
    r"envoyez|envoie|envoyer|donnez|donne|donner|communiquez|communique|communiquer|indiquez|indique|indiquer|"
    r"transmettez|transmets|transmettre|fournissez|fournir|renseignez|renseigner|repondez avec|laissez|laisse|"
    r"ecrivez|ecris|mettez|mets|postez|confirmez|confirmer|verifiez|verifier|precisez|"
    r"(?:we|we.ll|we will|i|i.ll) need|(?:nous (?:avons|aurons)|on a|j.ai|j.aurai) besoin|il (?:nous|me) faut|"
    r"(?:is |are |sont |est )?(?:required|needed|requis|requise|requises|necessaires?|obligatoires?))"
    rf"(?:[- ]?(?:moi|nous|me|us))?\b[^.!?\n]{{0,90}}?\b{_SECRET}\b"
)
# A small fee to pay, told to the reader: "just cover the $2.95 shipping", "réglez seulement 1,99€ de frais de
# port", "pay a small £1.50 verification fee". Not "I had to pay the shipping" nor "je n'ai rien payé".
_FEE_NOUN = r"(?:fees?|frais|shipping|postage|delivery|livraison|port|p&p|s&h)"
_FEE = re.compile(
    r"(?<!\bhad to )(?<!\bi )(?<!\bwe )(?<!\bi.ll )(?<!\bdidn.t )(?<!\bne )(?<!\bn.)"
    r"\b(?:pay|cover|payez|payer|paie|paies|reglez|regler|regle|regles|only pay|just pay)\b"
    rf"(?:[^.!?\n]|(?<=\d)[.,](?=\d)){{0,40}}?\b{_FEE_NOUN}\b"
)
_FEE_GATE = frozenset("fee fees frais shipping postage delivery livraison port".split())
_PAY_GATE = frozenset("pay cover payez payer paie paies reglez regler regle regles".split())
_PRIZE = re.compile(
    r"\b(?:free|gratuit\w*|offert\w*|(?:to )?win|winners?|won|gagne\w*|gagnant\w*|giveaway|concours|contest|"
    r"competition|prize|lots?|cadeaux?|gifts?|tirage)\b"
)
# What the small fee is said to free: a parcel held, a refund, a prize.
_RELEASE = re.compile(
    r"\b(?:unlock|release|debloquer|liberer|receive|recevoir|recuperer|get|obtenir|claim|reclamer) (?:your |votre |ton "
    r"|vos |tes |le |la |les |the )?(?:parcel|package|colis|refund|remboursement|order|commande|prize|lot|gift|cadeau|"
    r"delivery|livraison)s?\b"
)
# The reader's own parcel or refund said to be held: no customer knows of it ("votre colis est bloqué, payez 1,99 €
# de frais de douane pour le débloquer", "your package is on hold").
# Said now, and paid now: "your parcel will be held at customs and you'll pay the fees" is a customer's warning.
_YOURS_HELD = re.compile(
    r"\b(?:your|votre|ton|vos|tes) (?:parcel|package|colis|commande|order|delivery|livraison|refund|remboursement)s? "
    r"(?:is|est|sont|are|a ete|has been|is currently|est actuellement) (?:held|on hold|blocked|stuck|suspended|"
    r"bloquee?s?|retenue?s?|en attente|suspendue?s?)\b[^\n]{0,80}(?<!vous )(?<!tu )(?<!on )(?<!je )(?<!il )"
    r"\b(?:payez|reglez|paie|regle|please pay|pay now|just "
    r"pay|only pay|kindly pay|merci de (?:payer|regler))\b"
)
# Spoken to all the customers, or as the brand: "all customers", "chers clients", "OFFICIAL NOTICE", "jeu concours
# officiel", "pour nos 20 ans".
_AUDIENCE = re.compile(
    r"\b(?:(?:to |attention |a |notice to )?(?:all|every) (?:of )?(?:our |the |my )?(?:valued |loyal )?"
    r"(?:customers?|clients?|shoppers?|buyers?|users?|members?|subscribers?|followers?|account holders?)|"
    r"dear (?:valued |loyal )?(?:customers?|clients?|shoppers?|members?|users?)|"
    r"(?:attention|avis|notice|alerte?|important) (?:aux |a nos |a tous |les |nos |to )?(?:customers?|clients?|"
    r"clientes?|shoppers?|buyers?|acheteurs?)|"
    r"(?:tous|toutes|a tous|a toutes) (?:les |nos )?(?:clients?|clientes?|acheteurs?|membres?|abonnes?|"
    r"utilisateurs?|utilisatrices?)|chers? clients?|cheres? clientes?|infos? clients?|avis aux clients|"
    r"(?:official|officiel|officielle|important) (?:notice|announcement|giveaway|contest|competition|message|"
    r"annonce|avis|communique|information|info)|"
    r"(?:notice|announcement|giveaway|contest|jeu concours|concours|annonce|communique|message) (?:official|"
    r"officiel|officielle)|(?:for|pour) (?:our|nos|notre) \d+(?:th|st|nd|rd|e|eme)? ?(?:ans|anniversaire|"
    r"anniversary|birthday|years?)|"
    r"(?:customers?|clients?|buyers?|shoppers?|everyone|anyone) (?:who|that) (?:has |have )?(?:bought|ordered|"
    r"purchased|paid)|(?:clients?|acheteurs?|tous ceux) (?:ayant|qui ont) (?:commande|achete|paye)|"
    r"(?:we.re|we are|nous) (?:giving away|offering|offrons)|on vous offre|nous vous offrons|(?:to celebrate|pour "
    r"(?:feter|celebrer)) (?:our|nos|notre)|giveaway|jeu concours|grand jeu|tirage au sort|sweepstakes?)\b"
)
_AUDIENCE_GATE = frozenset(
    "all every dear tous toutes chers cher chere cheres clients client clientes info infos avis official officiel "
    "officielle important notice announcement giveaway contest competition concours annonce communique ans "
    "anniversary anniversaire birthday who ayant ceux giving offering offrons offre celebrate feter celebrer jeu "
    "tirage sweepstake sweepstakes attention alert alerte".split()
)
_EVENT = re.compile(
    r"\b(?:breach|data leak|leak(?:ed)?|fuite|piratage|pirate|hack(?:ed|ing)?|security (?:incident|issue|alert)|"
    r"incident|bug|glitch|(?:system|technical|billing|payment) (?:error|issue|problem|fault)|erreur|"
    r"probleme technique|compensation|compensated|dedommag\w+|indemnis\w+|refunds?|refunded|rembours\w+|"
    r"vouchers?|bons? d.achat|bons? de \d+|coupons?|gift ?cards?|cartes? cadeaux?|free|gratuit\w*|offert\w*|"
    r"to win|a gagner|giveaway|concours|contest|prizes?|flagged|suspen\w+|supprime\w*|deleted|closed|blocked|"
    r"bloque\w*|ferme\w*|desactive\w*|signalement|reported|violat\w+|charged twice|double charge|"
    r"preleve\w* deux fois|debite\w* deux fois|droit a)\b"
)
_URGENCY = re.compile(
    r"\b(?:(?:within|in the next|under|sous|dans les|d.ici|in) \d+ ?(?:h|hrs?|hours?|heures?|min\w*|days?|jours?)|"
    r"(?:before|avant|until|till|jusqu.a|by|fin|ends?|ending|termine|se termine) (?:ce soir |tonight )?(?:a |at )?"
    r"(?:midnight|minuit|tonight|ce soir|demain|tomorrow|today|aujourd.hui|\d+ ?h(?:\d\d)?|\d+ ?(?:am|pm))|"
    r"ends? (?:tonight|today|soon)|today only|aujourd.hui (?:seulement|uniquement)|last chance|derniere chance|"
    r"(?:expires?|expire) (?:today|tonight|soon|ce soir|aujourd.hui|dans)|limited time|temps limite|"
    r"or (?:your |all |pending |the )?(?:account|orders?|refund|voucher|compensation)s? (?:will|may) be|"
    r"sinon (?:votre|vos|ton|tes|le|la|les|il|ils|elle|elles) [a-z ]{0,20}(?:sera|seront)|immediately|"
    r"immediatement|sans delai|asap|(?:valable|valid|available|disponible)(?: for| pendant)? (?:\d+ ?(?:h|hours?|"
    r"heures?)|today|aujourd.hui|ce soir|tonight)|(?:before|avant) (?:the |l.|la )?(?:offer|deadline|offre|"
    r"expiration)(?: expires)?|for \d+ ?(?:h|hours) only)\b"
)
# Something to do now, told to the reader: at the start of a clause or after "must", "please", "vous devez"; or the
# verb with "your" after it.
_DO = (
    r"(?:re-?verify|verify|re-?confirm|confirm|update|re-?enter|claim|click|tap|register|sign up|log ?in|sign in|"
    r"validate|verifiez|verifier|confirmez|confirmer|mettez a jour|mettre a jour|ressaisissez|resaisissez|"
    r"renseignez|renseigner|validez|valider|reclamez|reclamer|recuperez|recuperer|cliquez|cliquer|clique|"
    r"inscrivez|connectez|identifiez)"
)
_DONE = (
    r"(?:re-?)?(?:verified|confirmed|validated|updated|re-?entered|valide\w*|confirme\w*|verifie\w*|mises? a jour|"
    r"revalide\w*|reconfirme\w*)"
)
_ACTION = re.compile(
    rf"(?:^|[.!?:;,\n)\]]\s*|\b(?:please|kindly|must|have to|has to|need to|needs to|merci de|veuillez|devez|"
    rf"doivent|doit|il faut|just|simply|juste|simplement|now|maintenant|to avoid [a-z ]{{1,30}}|pour eviter "
    r"[a-z ]{1,30}|to get [a-z ]{1,20}|pour (?:obtenir|recevoir|toucher) [a-z ]{1,20})\s*)"
    rf"{_DO}\b|(?<!\bi )(?<!\bcan )(?<!\bwill )(?<!\bto )(?<!\bje )(?<!\bj.)\b{_DO}(?:[- ](?:le|la|les|it|them))?"
    r" (?:your|yours|votre|vos|ton|ta|tes|here|ici|now|maintenant|via|sur le lien|on the link)\b"
    r"|\b(?:link|lien) (?:is )?(?:in|dans|en) (?:our|notre|the|la) (?:bio|profile|profil)\b"
    rf"|\b(?:must|need to|needs to|have to|has to|will need to|doivent|doit|devez|devront|devra) (?:be|etre) {_DONE}\b"
)
# Asked to go on in private, with the writer or "us": "DM me your order details", "pm us ur booking ref", "reach our
# agent directly on Telegram", "contactez-nous en message privé", "écrivez-moi sur mon compte perso". The brand
# answers in public, from the console, under its badge: a commenter who claims a staff role and asks for a private
# channel is posing (the fake-support scam's first step). The same ask without the claim is a customer's.
_CHANNEL = (
    r"(?:in private|privately|private(?:ly)? messages?|directly|direct|dm|pm|mp|inbox|whatsapp|telegram|signal|"
    r"messenger|(?:on|via|by) (?:e-?mail|mail|sms|text)|en prive|message prive|par (?:mail|e-?mail|sms|texto)|"
    r"(?:my|mon|notre|our) (?:personal |perso )?(?:account|profile|number|numero|compte|profil|insta\w*)"
    r"(?: (?:perso|personnel|prive))?)"
)
_PRIVATE = re.compile(
    r"\b(?:dm|pm|mp|inbox|whatsapp|telegram) (?:me|us|moi|nous)\b"
    r"|\b(?:contact|reach(?: out to)?|write to|e-?mail|message|text|call|add|ping|join) (?:me|us|our "
    rf"(?:[a-z]+ ){{0,2}}?(?:agents?|team|staff|advisors?|support|managers?|department|desk|office|line))\b"
    rf"[^.!?\n]{{0,40}}?\b{_CHANNEL}\b"
    r"|\b(?:contactez|contacte|contacter|ecrivez|ecris|ecrire|envoyez|envoie|ajoutez|ajoute|appelez|appelle|"
    rf"joignez|rejoignez|rejoins|donnez|donne|passez|passe)[- ](?:moi|nous)\b[^.!?\n]{{0,40}}?\b{_CHANNEL}\b"
    rf"|\b(?:nous|me|m.)\s*(?:contacter|ecrire|joindre|envoyer)\b[^.!?\n]{{0,40}}?\b{_CHANNEL}\b"
    # Told to answer or write in private, or to a desk of "ours": "reply privately with…", "send a private message
    # to our agent", "contactez notre agent en privé".
    r"|(?<!\bi )(?<!\bwe )(?<!\bje )\b(?:reply|respond|answer|repondez|repondre|reponds|ecrivez|ecris|write)\b"
    r"(?:[- ](?:to )?(?:me|us|moi|nous))? (?:in private|privately|directly|en prive|in (?:a )?(?:dm|pm)s?|"
    r"(?:by|via|par|en) (?:dm|pm|mp|message prive|private message))\b"
    r"|(?<!\bi )(?<!\bwe )\b(?:send|drop|envoyez|envoie|laissez|laisse)(?: (?:me|us|moi|nous))? (?:a |an |un )?"
    r"(?:private message|direct message|dm|pm|mp|message prive)\b"
    r"|\b(?:contactez|contacte|ecrivez a|ecris a|joignez|appelez) (?:notre|nos) (?:[a-z]+ ){0,2}?(?:agents?|"
    rf"conseill\w+|equipe|service\w*|responsables?|gestionnaires?)\b[^.!?\n]{{0,40}}?\b{_CHANNEL}\b"
)
_PRIVATE_GATE = frozenset(
    "dm pm mp inbox whatsapp telegram signal messenger private privately prive direct directly perso personnel "
    "personal".split()
)
# A customer warning others, or telling of a scam, is no scam.
_WARNING = re.compile(
    r"\b(?:scam\w*|arnaque\w*|escroc\w*|phishing|hameconnage|fraudsters?|fake (?:support|accounts?|giveaways?|"
    r"profiles?|sav|service|team|notices?|comments?)|faux (?:sav|support|service|compte|concours|profil)|"
    r"fausses? (?:annonces?|equipes?)|posing as|pretending to be|"
    r"claim(?:ing|ed|s) to be|(?:qui )?se (?:disant|dit|pretendant)|se fai(?:t|sant|sent) passer|usurp\w+|"
    r"don.t (?:answer|reply|click|give|send|pay)|do not (?:answer|reply|click|give|send|pay)|never (?:give|send|"
    r"share|pay|answer)|ne (?:repondez|cliquez|donnez|payez|envoyez|communiquez)|beware|mefiez|mefiance|"
    r"(?:be |soyez )?careful|prudence|heads up|psa|(?:it.s|its|that.s|thats|this is|is|c.est) (?:a |an |un |une )?"
    r"(?:fake|faux|fausse|bidon|hoax|canular))\b"
)
# A cut price or a trader's offer, beside a link, said to the reader or with a claim to be the official outlet.
_DEAL = re.compile(
    r"(?:-\s?\d+ ?%|\d+ ?% (?:off|de (?:reduction|remise|moins)|moins cher)|"
    r"\b(?:half (?:the )?price|moitie prix|a moitie prix|prix d.usine|factory prices?|wholesale|prix de gros|"
    r"prix casses?|clearance|destockage|liquidation|free (?:shipping|delivery)|livraison (?:offerte|gratuite)))"
)
_DEAL_GATE = frozenset(
    "off half moitie usine factory wholesale gros casse casses clearance destockage liquidation free livraison "
    "cher".split()
)
_TOLD = re.compile(
    r"\b(?:go to|check out|head to|head over to|visit|allez sur|allez voir|rendez-vous sur|foncez sur|"
    r"va sur|visitez|jetez un oeil|regardez sur|trust me|(?:remove|without|no|sans|enlevez) (?:the |les )?spaces?|"
    r"sans (?:les )?espaces|"
    r"croyez[- ]moi|crois[- ]moi|official (?:clearance|outlet|store|site|shop|seller|reseller|distributor)|"
    r"(?:site|magasin|boutique|revendeur|distributeur) officiel|same factory|meme usine|prix d.usine|factory "
    r"prices?|wholesale|prix de gros|(?:free (?:shipping|delivery)|livraison (?:offerte|gratuite)) (?:worldwide|"
    r"partout|dans le monde|monde entier)|ships? worldwide|worldwide (?:shipping|delivery)|(?:expedition|envoi|"
    r"livraison) (?:dans le monde entier|partout dans le monde|internationale))\b"
)


def _match(ctx: Context, m: re.Match[str], reason: str, rule: str) -> Match:
    start, end = ctx.text.words.span(*m.span())
    return Match(reason, rule, start, end, ctx.text.original[start:end])


_ASK_WORDS = frozenset(
    "send give dm pm message provide share submit post leave drop comment write reply respond answer confirm verify "
    "enter reenter update tell let envoyez envoie envoyer donnez donne donner communiquez communique communiquer "
    "indiquez indique indiquer transmettez transmets transmettre fournissez fournir renseignez renseigner repondez "
    "laissez laisse ecrivez ecris mettez mets postez confirmez confirmer verifiez verifier precisez need besoin faut "
    "required needed requis requise requises necessaire necessaires obligatoire obligatoires".split()
)
_ACTION_WORDS = frozenset(
    "verify reverify confirm reconfirm update enter reenter claim click tap register log login sign validate "
    "verifiez verifier confirmez confirmer mettez mettre ressaisissez resaisissez renseignez renseigner validez "
    "valider reclamez reclamer recuperez recuperer cliquez cliquer clique inscrivez connectez identifiez bio "
    "verified confirmed validated updated validees validee valides revalidees revalidee revalides confirmees "
    "confirmee confirmes verifiees verifiee verifies mises mise".split()
)
_TOLD_WORDS = frozenset(
    "go check head visit allez rendez foncez va visitez jetez regardez trust croyez crois official "
    "officiel factory usine wholesale gros spaces espaces worldwide partout monde entier".split()
)

_GATES = frozenset().union(
    _ASK_WORDS,
    _SECRET_WORDS,
    *(a | b for a, b in _SECRET_PAIRS),
    _FEE_GATE,
    _PAY_GATE,
    _ACTION_WORDS,
    _AUDIENCE_GATE,
    _ROLE_GATE,
    _DEAL_GATE,
    _TOLD_WORDS,
    _PRIVATE_GATE,
)


class _Claim:
    """The claim to speak as the brand, searched for once and only when a shape needs it."""

    def __init__(self, text: str, words: frozenset[str]) -> None:
        self.text = text
        self.possible = not _ROLE_GATE.isdisjoint(words)
        self._match: re.Match[str] | None = None
        self._searched = False

    def get(self) -> re.Match[str] | None:
        if self.possible and not self._searched:
            self._searched = True
            self._match = _CLAIM.search(self.text)
        return self._match


def scams(ctx: Context, links_found: bool | None = None) -> list[Match]:
    """The scam shapes of this module. ``links_found`` says whether the text holds a link (the pitch needs one); None
    finds out, only when a cut price is told to the reader.

    Each shape runs only when the words it cannot do without are all there (a secret and a verb that asks; a fee and
    a verb that pays; a verb of action and an audience or a role; a cut price and a pointer): most reviews have none
    of these pairs, and pay for no pattern."""
    text = ctx.text.words.text
    words = _GATES.intersection(words_of(text))
    if not words:
        return []
    asking = not _ASK_WORDS.isdisjoint(words) and (
        not _SECRET_WORDS.isdisjoint(words)
        or any(not a.isdisjoint(words) and not b.isdisjoint(words) for a, b in _SECRET_PAIRS)
    )
    paying = not _FEE_GATE.isdisjoint(words) and not _PAY_GATE.isdisjoint(words)
    noticing = not _ACTION_WORDS.isdisjoint(words) and not (
        _AUDIENCE_GATE.isdisjoint(words) and _ROLE_GATE.isdisjoint(words)
    )
    pitching = not (_DEAL_GATE.isdisjoint(words) and "%" not in text) and not _TOLD_WORDS.isdisjoint(words)
    private = not _PRIVATE_GATE.isdisjoint(words) and not _ROLE_GATE.isdisjoint(words)
    if not (asking or paying or noticing or pitching or private):
        return []
    claim = _Claim(text, words)
    found: list[Match] = []
    if asking:
        # Asked of the reader ("your card", "the code you got"), or of no one in particular by someone who speaks as
        # the brand or to all its customers ("il nous faut le code reçu par SMS", "Dear customer, reply with the
        # code we sent"); never of the writer's own ("confirmer mon mot de passe").
        for m in _ASK.finditer(text):
            asked = m.group(0)
            yours = [you.end() for you in _SECOND_PERSON.finditer(asked)]
            if (yours and _FIRST_PERSON.search(asked, yours[-1]) is not None) or _MINE_AFTER.match(text, m.end()):
                continue  # "j'ai besoin de votre avis : le cryptogramme de ma carte…" is the writer's card
            if yours or (
                not _FIRST_PERSON.search(asked)
                and (
                    claim.get() is not None
                    or (not _AUDIENCE_GATE.isdisjoint(words) and _AUDIENCE.search(text) is not None)
                )
            ):
                found.append(_match(ctx, m, Reason.SPAM.value, "scam: asks for details"))
                break
    if paying and (fee := _FEE.search(text)) is not None:
        # Paid to the brand's voice, or for a prize or a parcel with a deadline or to all customers. "I had to pay
        # the customs fees" is a customer.
        audience = not _AUDIENCE_GATE.isdisjoint(words) and _AUDIENCE.search(text) is not None
        urgent = _URGENCY.search(text) is not None
        bait = _PRIZE.search(text) is not None or _RELEASE.search(text) is not None
        yours = _YOURS_HELD.search(text) is not None
        if claim.get() is not None or (bait and (audience or urgent)) or (audience and urgent) or yours:
            found.append(_match(ctx, fee, Reason.SPAM.value, "scam: a small fee to pay"))
    if noticing and not found and _ACTION.search(text) is not None:
        audience = claim.get() or (_AUDIENCE.search(text) if not _AUDIENCE_GATE.isdisjoint(words) else None)
        if audience is not None and (_URGENCY.search(text) or _EVENT.search(text)):
            found.append(_match(ctx, audience, Reason.SPAM.value, "scam: a notice to all customers"))
    if found and (speaker := claim.get()) is not None:
        found.append(_match(ctx, speaker, Reason.IMPERSONATION.value, "scam: speaks as the brand"))
    if private and not found and (speaker := claim.get()) is not None and _PRIVATE.search(text):
        found.append(_match(ctx, speaker, Reason.IMPERSONATION.value, "scam: speaks as the brand, asks for a private"
                            " channel"))  # fmt: skip
    if pitching and not found and (deal := _DEAL.search(text)) is not None and _TOLD.search(text):
        if links_found is None:
            links_found = bool(links(ctx))
        if links_found:
            found.append(_match(ctx, deal, Reason.SPAM.value, "scam: a sales pitch with a link"))
    # A customer warning others, or telling of a scam, is no scam.
    if found and _WARNING.search(text):
        return []
    return found
