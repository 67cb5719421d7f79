"""Sales pitches told with a price, in French and English: held as ``spam``. Read by
:func:`moderation.content.phases.lures.lures`.

Each shape needs its parts together, never one word or one figure: customers write "400 € au lieu de 2000 € pendant
les soldes", "I trade crypto as a hobby", "10 000 pas par jour" or "contactez le SAV en MP" every day.

- **goods at a cut price, to be bought in private**: something offered (sold, new, in stock, shipped) at half its
  price or less ("400 € au lieu de 2000 €", "was £500 now £89", "-80 %", "moitié prix"), and the poster asks to be
  reached in private ("contactez-moi en MP", "DM me", "dispo en MP"). A customer who tells what they paid
  ("j'ai payé", "got mine for") or sells their own thing ("je vends mon vélo") is no pitch;
- **an audience at a price**: a number of followers, likes, views or subscribers for a sum ("10 000 abonnés réels pour
  15 €", "15 € les 1000 abonnés"), with what a seller adds: a handle or a private ask, a delivery time, a boost or a
  guarantee. Reviews sold by the piece ("3 € l'avis", "$2 each") with a handle or a private ask;
- **an income rate from trading, crypto or an app**: an amount per day, week or month ("jgagne 300€/jour", "+600 € par
  semaine", "$400 a day") beside the method that makes it (trading, crypto, a bot, an app), and a private ask ("dmd
  moi en privé", "jte montre", "inbox me to learn how"). What the method cost or lost ("l'appli m'a fait perdre
  300 €", "I spend $300 a month on crypto") is a customer.

The private ask is the poster's own ("moi", "me", "en MP" after an offer): "contactez le SAV en MP" sends the reader
to someone else.
"""

from __future__ import annotations

import re

from moderation.content.verdict import Context, Match, Reason

# An amount in the ``base`` view (the ``words`` view reads digits as letters): "2 000 €", "$1,200", "150e", "15 balles".
_NUM = r"\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_CUR_AFTER = r"(?:€|\$|£|e\b|eur\b|euros?\b|dollars?\b|usd\b|bucks\b|balles\b|boules\b)"


def _money(name: str) -> str:
    return rf"(?:[$€£]\s?(?P<{name}>{_NUM})|(?P<{name}_>{_NUM})\s?{_CUR_AFTER})"


def _amount(m: re.Match[str], name: str) -> float:
    """The amount of the first group named ``name`` followed by a digit or "_" that took part in ``m``."""
    raw = next(v for k, v in m.groupdict().items() if v is not None and re.fullmatch(rf"{name}\d?[_b]?", k))
    raw = raw.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", raw):  # "2,000", "2.000": thousands
        return float(re.sub(r"[,.]", "", raw))
    whole, cents = re.fullmatch(r"(.*?)([.,]\d{1,2})?", raw).groups()  # "1.200,50", "9,99"
    return float(re.sub(r"[,.]", "", whole) + "." + (cents or ".0")[1:])


# The poster asks to be reached in private, in full or in SMS spelling.
_PRIVATE = r"(?:mp|dm|dms|pm|pv|prive|private|privately|inbox|message prive)"
_ASK_ME = re.compile(
    r"\b(?:(?:dm|pm|mp|pv|inbox|message|msg|text|txt|contact|reach|write(?: to)?|whatsapp|telegram|snap|ask|call|"
    r"email)(?: me| moi| mw)\b|hit me up|hmu|slide (?:in|into) my dms?"
    r"|(?:contacte[rz]?|contact|ecri[rstz]?|ecrivez|envoie[rz]?|envoyez|demande[rz]?|dmd|ajoute[rz]?|appelle[rz]?)"
    r"[- ]?(?:moi|mw)\b|\bme (?:contacter|joindre|ecrire|demander)\b"
    rf"|(?:dispo|disponibles?|infos?|renseignements?|details|prix|tarifs?|commandes?|available|reserv\w*|"
    rf"(?:interested|interesse)\S*|(?:\w+ )?\?)\W{{0,3}}(?:en |in |par |by |via |on )?{_PRIVATE}\b"
    # "contact en MP", or the private word alone closing the offer ("…, MP").
    rf"|(?:contact\w*|ecri\w*|write|message|reponse|repond\w*)\s(?:en|in|par|by|via) {_PRIVATE}\b"
    rf"|(?:(?<=[,;:)!-])|(?<=[,;:)!-] ))(?:mp|dm|pm|pv)\W*$"
    rf"|(?:viens|venez|passe[sz]?|go|come|slide) (?:en|in|to|into) (?:{_PRIVATE}|my dms?)\b"
    rf"|(?:dm|pm|mp|pv|inbox)(?: me| moi)? (?:for|pour|si|if|to)\b"
    rf"|(?:demande[rz]?|ask|parle[rz]?|discut\w*|talk)(?: moi| me)? (?:en|in) {_PRIVATE}\b"
    r"|(?:je (?:te|vous) |j.?te |j.?vous )(?:montre|explique|donne (?:le|la|les) (?:nom|lien|infos?))\b"
    r"|i.?ll (?:show|teach|tell) (?:you|u|ya)\b)"
)
# A handle to write to, on ``base``: "contactez @growfast_fr" (not an e-mail address: the "@" opens the word).
_HANDLE = re.compile(r"(?:^|[\s:(])@[a-z0-9_.]{3,}")


def _asks_in_private(ctx: Context) -> bool:
    return _ASK_ME.search(ctx.text.words.text) is not None or _HANDLE.search(ctx.text.base.text) is not None


# --- goods at a cut price -------------------------------------------------------------------------------------------
_CUT = re.compile(
    rf"{_money('now1')}\s*(?:au lieu de|au lieu des|instead of|rather than|not|pas|vs\.?|versus|contre)\s*"
    rf"(?:the |les |le |leur |their )?(?:usual |normal |habituels? |retail )?(?:{_money('was1')}|(?P<was1b>{_NUM})\b)"
    rf"|\b(?:was|were|valued at|value|worth|retail(?:s| price)?|rrp|msrp|prix (?:public|normal|neuf|magasin|"
    rf"d.origine|initial|conseille)|valeur|vaut|valent|coute|coutent|costs?)\s?:? (?:de |at |a )?{_money('was2')}"
    rf"[^.!?\n]{{0,40}}?\b(?:now|only|just|seulement|juste|for|pour|a|at|chez moi|ici|here|mine|mon prix|my price)"
    rf"\s*(?:only |just |seulement )?{_money('now2')}"
    rf"|{_money('now4')}\s*[(\[,-]\s*(?:prix (?:magasin|neuf|public|normal|conseille)|retail|rrp|msrp|valeur|value|"
    rf"worth|instead of|au lieu de)\s?:?\s?{_money('was4')}"
    rf"|{_money('now3')}[^.!?\n]{{0,30}}\b(?:alors qu.(?:ils|elles|il|elle)|while (?:they|it)|when (?:they|it)|but "
    rf"(?:they|it)) (?:valent|vaut|coutent|coute|cost|costs|sell for|retail (?:for|at)|are|is) (?:de |at )?"
    rf"{_money('was3')}"
)
_PERCENT = re.compile(
    r"-\s?(?P<p>[5-9]\d)\s?%|\b(?P<q>[5-9]\d)\s?% (?:off|de (?:reduction|remise|rabais)|moins cher)|"
    r"\b(?:a moitie prix|moitie prix|half (?:the )?price)\b"
)
_OFFERED = re.compile(
    r"\b(?:je vends?|j.?vends?|vends|vend|vente|selling|sell|for sale|a vendre|a saisir|dispo|disponibles?|available|"
    r"en stock|in stock|stock|left|neufs?|neuves?|brand new|new|sous blister|jamais (?:servie?s?|utilisee?s?|"
    r"portee?s?)|never used|livraison|livre|shipping|ships?|envoi|expedi\w*|delivery|delivered|lots?|destockage|"
    r"liquidation|clearance)\b"
)
# What the customer paid or sold of their own, just before the price: "I paid 400 € instead of 2000 €".
_BOUGHT = re.compile(
    r"\b(?:paid|payed|pay|paye\w*|bought|achete\w*|got (?:it|mine|them|this|these|one)|snagged|(?:je l.ai|on l.a) eu|"
    r"eu (?:pour|a)|trouve\w*|found (?:it|them|mine)|ordered|commande\w*|scored|picked (?:it|them) up|sold|vendu|"
    r"revendu|spent|depense|pris|prise|chope\w*|obtenu)\b"
)
# A customer's own purchase anywhere in the text, or a sale event they bought in: "j'ai eu le même", "in the sales".
_CUSTOMER = re.compile(
    r"\b(?:(?:j.ai|i|i.ve|we|on a|nous avons|je l.ai|je les ai|je l.?ai) (?:\w+ )?(?:paid|payed|paye|bought|achete\w*|"
    r"got|pris|eu|trouve|found|commande|ordered|snagged|scored)|soldes|the sales|black friday|cyber monday|prime day|"
    r"french days|ventes? privees?)\b"
)
_OWN_THING = re.compile(r"\b(?:je vends?|j.?vends?|vends|selling|i sell|a vendre) (?:mon|ma|mes|my|our|notre|nos)\b")


def _cut_price(ctx: Context) -> re.Match[str] | None:
    base = ctx.text.base.text
    for m in _CUT.finditer(base):
        bought = _BOUGHT.search(base[max(0, m.start() - 60) : m.start()])
        if 0 < _amount(m, "now") <= 0.5 * _amount(m, "was") and not bought:
            return m
    m = _PERCENT.search(base)
    if m is not None and not _BOUGHT.search(base[max(0, m.start() - 60) : m.start()]):
        return m
    return None


# --- an audience at a price -----------------------------------------------------------------------------------------
_AUDIENCE = r"(?:followers|abonnes|likes|subscribers|subs|views|vues|j.aime|streams|ecoutes)"
_KIND = r"(?:(?:real|active|organic|targeted|instant|premium|vrais|reels|actifs|francais|french|youtube|twitch|"
_KIND += r"tiktok|instagram|insta|ig|yt|twitter|facebook|fb|spotify) ){0,3}"
_PRICE = (
    rf"(?:(?:for|pour|a|at|only|seulement|just|juste|a partir de|from|des|starting at)\s*(?:only |just |seulement )?)?"
    rf"{_money('p')}"
)
_PRICED_AUDIENCE = re.compile(
    rf"\b\d[\d,. ]*k?\+? {_KIND}{_AUDIENCE}\b[^.!\n]{{0,40}}?{_PRICE}"
    rf"|{_money('q')} (?:les|the|for|pour) \d[\d,. ]*k?\+? {_KIND}{_AUDIENCE}\b"
)
_REVIEWS_EACH = re.compile(
    rf"\b(?:avis|reviews?|ratings?|notes)\b[^.!?\n]{{0,40}}{_money('r')}\s*(?:l.avis|par avis|per review|each|"
    rf"chacun|l.unite|la piece|piece|/ ?avis|/ ?review)"
)
_SELLER = re.compile(
    r"\b(?:livraison|livre\w*|delivered|delivery|en \d+ ?h|in \d+ ?(?:h|hours?)|resultats?|results?|boost\w*|"
    r"augmente[rz]?|grow|garanti\w*|guaranteed|instant\w*|rapide|fast)\b"
)


# --- an income rate from trading, crypto or an app -----------------------------------------------------------------
_RATE = re.compile(
    rf"{_money('g')}\s*(?:/\s*(?:j|jr|jour|day|d|sem|semaine|week|wk|w|mois|month|mo|h|heure|hr|hour)\b|(?:par|per|a|"
    r"an|each|every|chaque|la|le|ce|cette|this|last|in a|en une?) (?:jour|journee|day|semaine|week|mois|month|heure|"
    r"hour)\b|daily|weekly|monthly|hourly|quotidien\w*|hebdo\w*|mensuel\w*)"
)
_METHOD = re.compile(
    r"\b(?:crypto\w*|bitcoins?|btc|eth|ethereum|trading|trade[rs]?|tradant|forex|bourse|nft|signa(?:ls|ux)|bot|"
    r"robot|appli\w*|app|apps|application|plateforme|platform|invest\w*|options? binaires?|binary)\b"
)
_LOSS = re.compile(
    r"\b(?:perd\w*|perte|pertes|lose|loses|lost|losing|loss|depens\w*|spend\w*|spent|cout\w*|cost\w*|paid|pay\w*|"
    r"paie|paye\w*|facture\w*|frais|fees?|abonnement|subscription|charge\w*|prix|price|tarif\w*)\b"
)


def _income_rate(ctx: Context) -> re.Match[str] | None:
    base = ctx.text.base.text
    for m in _RATE.finditer(base):
        if _amount(m, "g") < 100 or _LOSS.search(base[max(0, m.start() - 30) : m.start()]):
            continue
        if _METHOD.search(base[max(0, m.start() - 80) : m.end() + 80]):
            return m
    return None


def _match(ctx: Context, m: re.Match[str], rule: str) -> Match:
    start, end = ctx.text.base.span(*m.span())
    return Match(Reason.SPAM.value, f"lure: {rule}", start, end, ctx.text.original[start:end])


_DIGIT_AND_SIGN = re.compile(r"\d|%|moitie|half")


def pitches(ctx: Context) -> list[Match]:
    base = ctx.text.base.text
    if _DIGIT_AND_SIGN.search(base) is None or not _asks_in_private(ctx) and _SELLER.search(base) is None:
        return []
    found = []
    private = _asks_in_private(ctx)
    words = ctx.text.words.text
    if private and _OFFERED.search(words) and not _OWN_THING.search(words) and not _CUSTOMER.search(words):
        if (m := _cut_price(ctx)) is not None:
            found.append(_match(ctx, m, "goods at a cut price, in private"))
    if (m := _PRICED_AUDIENCE.search(base)) is not None and (private or _SELLER.search(base)):
        found.append(_match(ctx, m, "an audience at a price"))
    if private and (m := _REVIEWS_EACH.search(base)) is not None:
        found.append(_match(ctx, m, "reviews at a price"))
    if private and (m := _income_rate(ctx)) is not None:
        found.append(_match(ctx, m, "an income rate from trading or an app"))
    return found
