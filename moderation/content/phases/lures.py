"""Comment spam told as a lure, in French and English: held as ``spam``. Read by
:func:`moderation.content.phases.promotions.promotions`, beside its shapes.

Each shape needs the scam's parts together, never one word: real reviews say "working from home", "I paid with a
gift card", "same factory as the expensive brand" or "répondez au sondage" every day.

- **a payment oddity**: a sale or a deal paid only in vouchers or transfers no bank can take back ("paiement en
  coupons PCS uniquement", "payment by Steam gift cards only", "Western Union only"), the scammer's only way to be
  paid. "I paid with a gift card" tells what happened;
- **a survey for a prize**: answer a survey and receive a gift card or a sum, with a limit or a pointer to a link
  ("répondez à ce sondage et recevez 500 €… offre limitée aux 100 premiers", "take this quick survey to get a $100
  voucher, link in bio");
- **income with a call to search**: money from home, or the poster's own gain from a method or a guru, told with
  "google X and start today", "search his name" ("I earned it working from home 2 hrs a day, google 'X'");
- **an audience or reviews for sale**: a number of followers, or 5-star reviews, offered to the reader at a price
  or in private ("Vous voulez 5000 abonnés ou des avis 5 étoiles ? Prix imbattables, MP moi");
- **counterfeits on a trader's terms**: replicas or "copies parfaites 1:1" at factory or wholesale prices, for
  resellers, shipped discreetly or worldwide;
- **the first commenters win**: "les 50 premiers qui commentent OUI gagnent une PS5", "first 20 who comment win".

Pitches told with a price (goods at a cut price bought in private, an audience at a price, an income rate from trading
or an app) are :mod:`moderation.content.phases.pitches`'s, read here.

A customer warning others ("an account asks to be paid in PCS coupons, it's a scam") is no lure.
"""

from __future__ import annotations

import re

from moderation.content.phases.literals import words_of
from moderation.content.phases.pitches import pitches
from moderation.content.phases.scams import _WARNING
from moderation.content.verdict import Context, Match, Reason

_MONEY = r"(?:[$€£] ?\d[\d,. ]*|\d[\d,. ]* ?(?:€|\$|£|euros?\b|dollars?\b|bucks\b))"
# Paid in what no bank takes back: transfer services, prepaid vouchers, store cards, crypto.
_ODD_MEANS = (
    r"(?:(?:coupons? |tickets? |recharges? |cartes? )?(?:pcs|transcash|neosurf|paysafe ?card|toneo|flexepin)|"
    r"western union|moneygram|(?:steam|itunes|google play|apple|amazon|xbox|playstation|psn) (?:gift )?cards?|"
    r"gift ?cards?|cartes? cadeaux?|bitcoins?|btc|usdt|crypto\w*)"
)
_PAID_ODDLY = re.compile(
    r"\b(?:paiement|payment|payments|pay|payable|paid|reglement|paye[rz]?|regle[rz]?|accepte\w*|accepting|"
    r"i take|je prends)\b[^.!?\n]{0,25}?\b(?:en|par|by|in|with|via|through|thru)? ?(?:des |les |the |a |an )?"
    rf"{_ODD_MEANS}\b"
)
# Only those: "uniquement", "only", or the means alone as the way to pay ("paiement : PCS").
_ONLY = re.compile(r"\b(?:uniquement|only|seulement|exclusivement|exclusively|strictly|just)\b")
# A sale or a deal the poster makes: a price and a way to reach them, or an offer word.
_SALE = re.compile(
    rf"{_MONEY}|\b(?:vends|revends|vendre|selling|for sale|a vendre|sell|neufs?|new|brand new|prix|price|deal|"
    r"ecri\w*[- ]moi|contact\w*[- ]moi|dm|pm|mp|message me|text me|whatsapp|telegram)\b"
)
# A survey or a quiz for a prize, with a limit or a pointer ("link in bio", "clique ici").
_SURVEY = re.compile(
    r"\b(?:repondez|reponds|repondre|answer|complete[rz]?|take|fill (?:in|out)|remplissez|remplis|participez|do)\b"
    r"[^.!?\n]{0,30}\b(?:sondage|survey|questionnaire|quiz|enquete)\b[^\n]{0,80}?\b(?:recevez|recois|receive|get|"
    r"gagnez|gagne|win|obtenez|earn|remportez|touchez)\b[^\n]{0,50}?(?:\b(?:gift ?cards?|cartes? cadeaux?|bons? "
    rf"d.achat|vouchers?|iphone|ps5|coupons?)\b|{_MONEY})"
)
_LIMIT = re.compile(
    r"\b(?:offre limitee|limited|(?:aux |the )?(?:first|premiers?) \d+|\d+ premiers?|aujourd.hui seulement|today "
    r"only|ce soir|tonight|(?:link|lien)s? (?:is )?(?:in|dans|en|on|sur) (?:my |ma |mon )?(?:bio|profile|profil)|"
    r"click|cliquez|clique)\b"
)
# Money from home or the poster's own gain, then a call to look it up and begin: "google 'HomeCash Pro' and start
# today", "search his name", "tapez son nom sur Google". "I earned it working from home" alone is a customer.
_EARNED = re.compile(
    r"\b(?:(?:money|cash|income|salary)\b[^.!?\n]{0,20}\b(?:i|we) (?:earn|earned|make|made)|(?:i|we) (?:earn|earned|"
    r"make|made) (?:good |extra |real )?(?:money|cash|income)|argent (?:que )?(?:j.ai|je) gagn\w*|je gagne (?:ma vie|"
    r"de l.argent|bien ma vie)|j.ai gagne (?:de l.argent|\d))\b[^\n]{0,80}?\b(?:from home|at home|a domicile|depuis "
    r"(?:chez moi|la maison)|(?:\d+|two|three|deux|trois) ?(?:h|hrs?|hours?|heures?) (?:a|per|par) (?:day|jour))\b"
)
_CALL = re.compile(
    r"\b(?:google|search(?: for)?|look up|cherchez|tapez|recherchez)\b (?:[\"'‘“«]|(?:his|her|their|son|leur) "
    r"(?:name|nom)|(?:it|him|her|them|le|la)\b)|\b(?:start|begin|commencez|demarrez|join|rejoignez|sign up|"
    r"inscrivez[- ]vous) (?:today|now|aujourd.hui|maintenant|des maintenant|des aujourd.hui)\b"
)
# The poster's own income from a method or a guru ("I made $740 last week with Mr X's forex signals") is read by
# promotions' income shape, with its lure there.
# An audience or reviews offered to the reader, at a price or in private.
_WANT = (
    r"\b(?:want|need|looking for|voulez|veux|voulez-vous|besoin d.|cherchez|envie d.|get|obtenez|achetez|buy|"
    r"(?:we|i|on|nous|je) (?:write|post|sell|offer|provide|ecri\w*|redige\w*|vend\w*|propose\w*|poste\w*))\b"
)
_AUDIENCE_OR_REVIEWS = (
    r"(?:\d[\d,. ]*k?\+? (?:(?:real|vrais|actifs|active|insta\w*|tiktok|youtube|ig) )?(?:followers|abonnes|likes|"
    r"subscribers|vues|views)|(?:des |more |plus d.|positive |fake |faux )?(?:avis|reviews|ratings|notes) "
    r"(?:\d ?(?:etoiles|stars?)|positifs|5\*)|\d ?.?(?:star|etoiles?) "
    r"(?:(?:google|amazon|trustpilot|tripadvisor|yelp) )?(?:reviews|avis|ratings))\b"
)
_OFFERED = (
    r"\b(?:prix (?:imbattables?|casses?|bas|mini|d.ami)|unbeatable|cheap\w*|pas chers?|low prices?|best prices?|"
    r"tarifs?|mp moi|dm me|pm me|contact me|contactez[- ]moi|ecrivez[- ]moi|inbox me|whatsapp|telegram|en mp|in dms?)\b"
    r"|(?:^|[,.!?]\s*)(?:mp|dm|pm)\b"
)
_AUDIENCE_SALE = re.compile(rf"{_WANT}[^.!?\n]{{0,20}}?{_AUDIENCE_OR_REVIEWS}[^\n]{{0,100}}?(?:{_OFFERED})")
# The first commenters win: "les 50 premiers qui commentent OUI gagnent une PS5", "first 20 who comment win".
_FIRST_COMMENTERS = re.compile(
    r"\b(?:(?:les )?\d+ premi(?:er|ere)s? (?:qui (?:commente\w*|partage\w*|repond\w*|like\w*)|a (?:commenter|"
    r"partager|repondre))|(?:the )?first \d+ (?:people |persons |users |followers )?(?:who|that|to) (?:comment|"
    r"share|reply|like)\w*)\b[^.!?\n]{0,50}\b(?:gagnent|gagneront|remportent|remporteront|recoivent|recevront|auront|"
    r"win|wins|will (?:win|get|receive)|get|gets|receive|receives)\b"
)
# Counterfeits offered on a trader's terms: "copies parfaites 1:1, prix usine, livraison discrète", "replicas, AAA
# quality, bulk discount for resellers". "I bought replicas by mistake", "a cheap replica" or "obvious knock-offs,
# 70% off was too good to be true" is a customer: a cut price or a catalogue is no trader's term here.
_FAKES = re.compile(
    r"\b(?:replicas?|knock-?offs?|copies? parfaites?|contrefacons?|qualite miroir|mirror quality|aaa quality|"
    r"qualite aaa|super ?fakes?|repliques?|reps 1:1|1:1)\b"
)
_TRADE = re.compile(
    r"\b(?:prix (?:d.)?usine|factory prices?|wholesale|prix de gros|bulk|resellers?|revendeurs?|en gros|"
    r"(?:livraison|envoi|expedition) discrete|discreet (?:shipping|delivery|packaging)|worldwide shipping|ships "
    r"worldwide)\b"
)
_GATE = frozenset(
    "pcs transcash neosurf paysafe paysafecard toneo flexepin western moneygram gift cards card carte cartes cadeau "
    "cadeaux bitcoin bitcoins btc usdt crypto sondage survey questionnaire quiz enquete google search look cherchez "
    "tapez recherchez start begin commencez demarrez join rejoignez sign inscrivez followers abonnes likes "
    "subscribers vues views avis reviews ratings notes premiers premieres premier premiere first replica replicas "
    "knockoff knockoffs parfaite parfaites contrefacon contrefacons miroir mirror aaa superfake superfakes "
    "replique repliques reps".split()
)


def _match(ctx: Context, m: re.Match[str], rule: str) -> Match:
    start, end = ctx.text.words.span(*m.span())
    return Match(Reason.SPAM.value, f"lure: {rule}", start, end, ctx.text.original[start:end])


def lures(ctx: Context) -> list[Match]:
    text = ctx.text.words.text
    found = pitches(ctx)
    if not found and not _GATE.intersection(words_of(text)):
        return []
    if (m := _PAID_ODDLY.search(text)) is not None and _ONLY.search(text) and _SALE.search(text):
        found.append(_match(ctx, m, "paid in vouchers or transfers only"))
    if (m := _SURVEY.search(text)) is not None and _LIMIT.search(text):
        found.append(_match(ctx, m, "a survey for a prize"))
    if (m := _EARNED.search(text)) is not None and _CALL.search(text):
        found.append(_match(ctx, m, "income with a call to search"))
    # Read on ``base``: the ``words`` view reads "10k" as leetspeak ("1ok").
    if (m := _AUDIENCE_SALE.search(ctx.text.base.text)) is not None:
        start, end = ctx.text.base.span(*m.span())
        found.append(
            Match(Reason.SPAM.value, "lure: an audience or reviews for sale", start, end, ctx.text.original[start:end])
        )
    if (m := _FAKES.search(text)) is not None and _TRADE.search(text):
        found.append(_match(ctx, m, "counterfeits on a trader's terms"))
    if (m := _FIRST_COMMENTERS.search(text)) is not None:
        found.append(_match(ctx, m, "the first commenters win"))
    if found and _WARNING.search(text):
        return []
    return found
