"""Personal data: phone numbers (``phonenumbers``), e-mail addresses (plain and spelled out), street addresses,
payment card numbers, IBANs and social security numbers (their check digits, ``python-stdnum``).

Excerpts are masked: a match is evidence for the console, which highlights the span in the stored text; the
verdict itself must not copy personal data into logs and audit rows.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher
from stdnum import iban, luhn
from stdnum.fr import nir
from stdnum.us import ssn

from moderation.content.lexicon import is_own, public_suffixes
from moderation.content.normalise import WEBMAIL
from moderation.content.phases.business_places import a_business
from moderation.content.phases.doxxing import MASK, plates, possessive_phones, unmasked
from moderation.content.phases.phone_cues import international_after_a_cue
from moderation.content.verdict import Context, Match, Reason

# The number of a thing, not of a person: "order 4471-2290-88", "commande n° 2024…", "ref", "suivi", "tracking", a
# book's "ISBN-10: 0738551856" (ten digits from 0, like a French number).
_NOT_A_PHONE_BEFORE = re.compile(
    r"(?:order|commande|cde|n[o°]|numero de (?:commande|suivi|serie)|ref(?:erence)?|suivi|tracking|invoice|facture"
    r"|serial|serie|sku|model|modele|isbn(?:[- ]?1[03])?|ean|upc|asin|#)\s*[:.#°]*\s*$"
)
# French numbers are written in groups of two or as ten digits; elsewhere we want the grouping a person uses,
# so a bare run of digits (an order or a serial) does not read as a US number.
_REGIONS = (("FR", Leniency.VALID), ("US", Leniency.EXACT_GROUPING), ("GB", Leniency.EXACT_GROUPING))

_EMAIL = re.compile(
    r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{0,63}\s*@\s*(?:[a-z0-9-]+\s*\.\s*)+(?P<tld>[a-z]{2,24})(?![\w-])"
)
_SEP = r"(?:\s*\.\s*|\s+(?:dot|point)\s+)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.])(?P<local>[a-z0-9]+(?:{_SEP}[a-z0-9]+)*)\s+(?P<sign>at|arobase|chez)\s+(?P<domain>[a-z0-9-]+)"
    rf"(?:{_SEP}[a-z0-9-]+)*(?P<last_sep>{_SEP})(?P<tld>[a-z]{{2,10}})\b"
)

_FR_STREET_ALWAYS = r"rue|avenue|av|boulevard|bd|bvd|allee|impasse|quai|faubourg|fbg"
_FR_STREET_NAMED = r"place|chemin|route|cours|passage|square|voie|sentier|residence"
_FR_ADDRESS = re.compile(
    rf"(?<!\d)\d{{1,4}}\s*(?:bis|ter|[a-d])?\s*,?\s+(?:(?P<always>{_FR_STREET_ALWAYS})\.?|(?P<named>{_FR_STREET_NAMED}))"
    r"\s+(?P<name>(?:de\s+la\s+|d[eu]s?\s+|d'|l')?[a-z][\w'-]+)"
)
_EN_STREET = (
    r"street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|terrace|close|crescent|place|pl"
    r"|square|parkway|highway|row|mews|grove|gardens"
)
_EN_ADDRESS = re.compile(
    rf"(?<![\w.])\d{{1,5}}[a-z]?\s+(?P<name>(?:[a-z][a-z'-]+\s+){{1,3}})(?:{_EN_STREET})\b\.?(?:\s+(?:nw|ne|sw|se))?"
)


def _mask(reason_rule: str, start: int, end: int) -> Match:
    return Match(Reason.PERSONAL_DATA.value, reason_rule, start, end, MASK)


# Where a phone number could be: eight digits or more, with the separators people put between them.
_RUN_DIGITS = 8
_RUN_SEPARATOR = r"[\s.\-()/]"
_DIGIT_RUN = re.compile(rf"(?:\+|\(|\b)\d(?:{_RUN_SEPARATOR}{{0,3}}\d){{{_RUN_DIGITS - 1},}}")
# Most reviews hold no such run, and finding that out through the letter rewrite and the run search over the whole
# text was most of this rule's cost. A letter reads as a digit only right beside one, so before the rewrite the
# digits of a run are chained by at most such a letter, up to three separators and another such letter: they lie in
# one cluster chained that way, and the run has no more digits than the cluster has digits and letters, plus a
# letter at either end ("O6 l2 3O 5l 78"). A text with no cluster that could give eight is skipped.
_DIGIT_CLUSTER = re.compile(rf"\d(?:[oil]?{_RUN_SEPARATOR}{{0,3}}[oil]?\d)*")
_SEPARATORS = re.compile(_RUN_SEPARATOR)


def _may_hold_a_digit_run(text: str) -> bool:
    return any(
        len(_SEPARATORS.sub("", cluster.group(0))) + 2 >= _RUN_DIGITS for cluster in _DIGIT_CLUSTER.finditer(text)
    )


# Letters typed for digits beside a digit, with no letter on their other side: "O6 12 34 56 78", "06 l2 …".
_LETTER_FOR_DIGIT = re.compile(r"(?<![a-z])[oil](?=\d)|(?<=\d)[oil](?![a-z])")
_AS_DIGIT = {"o": "0", "i": "1", "l": "1"}


# A company's service line, not a person's: freephone ("0 800 …", "1-800-…"), shared-cost ("0 825 …") and
# universal access numbers. A customer quoting the brand's after-sales number is not giving out personal data.
_SERVICE_LINES = frozenset(
    {phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.SHARED_COST, phonenumbers.PhoneNumberType.UAN}
)


def _personal(number: phonenumbers.PhoneNumber) -> bool:
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) not in _SERVICE_LINES


# A shop's own landline, given as the shop's: "le magasin de Nantes répond au 02 …", "the Manchester store's customer
# line is 0161 …", "leur standard c'est le 05 …"; and any business place's desk or counter, given as such: "ring the
# Portsmouth terminal desk on 023 …", "le guichet de la gare au 04 …", "the hotel's front desk, 020 …". A mobile is a
# person's whoever it is said to belong to, and a number called someone's own is personal whatever else the sentence
# names: "the owner's personal number", "son portable perso".
_SHOP_BEFORE = re.compile(
    r"\b(?:magasins?|boutiques?|enseignes?|agences?|succursales?|standard|accueil|stores?|shops?|branch(?:es)?|"
    r"showrooms?|outlets?|sav|service (?:client|clients|clientele|consommateurs?|apres[- ]vente)|hotline|hot line|"
    r"helpline|customer (?:service|care|support)|support line|help ?desk|"
    r"desks?|counters?|reception|comptoirs?|guichets?|billetteries?|(?:ticket|box|booking|sales|head|tourist|post) "
    r"office|office de tourisme|terminals?|gares?|(?:train|railway|bus|coach|ferry) station|airports?|aeroports?|"
    r"hotels?|restaurants?|garages?|concessions?|concessionnaires?|dealerships?|pharmac(?:y|ies?)|"
    r"ateliers?|workshops?|depots?|entrepots?|warehouses?|mairie|town hall|(?:booking|reservations?) (?:line|desk))\b"
)
_PERSON_BEFORE = re.compile(
    r"\b(?:perso\w*|private|prive\w*|home|domicile|mobile|portable|cell|his|her|son|sa|owner|"
    r"proprio\w*|gerante?|manager|directeur|directrice|patron(?:ne)?)\b"
)
# A number introduced as a phone number that no operator has assigned yet (a fiction range, a typo, a number
# invented to harass with): "son portable perso c'est le 06 39 98 00 71". The library calls it possible, not valid.
_PHONE_CUE = re.compile(
    r"\b(?:portable|mobile|cell|tel|telephone|phone|numero|number|num|appel\w*|call|text|sms|whats ?app|wh?ats?ap+|"
    r"telegram|signal|viber|joindre|joignable|rappel\w*|reach|ring|contact\w*)\b[^.!?\d]{0,30}$"
)


# A line on a landline or an internet-telephony range (France's "09", which after-sales lines use), never a mobile.
_LANDLINES = frozenset({phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.VOIP})


def _a_shops_line(text: str, start: int, number: phonenumbers.PhoneNumber) -> bool:
    if phonenumbers.number_type(number) not in _LANDLINES:
        return False
    sentence_start = max(text.rfind(".", 0, start), text.rfind("!", 0, start), text.rfind("?", 0, start)) + 1
    before = text[max(sentence_start, start - 100) : start]
    return _SHOP_BEFORE.search(before) is not None and _PERSON_BEFORE.search(before) is None


# Grouped as a phone is written: ten digits from a leading 0 (French and British numbers), or an international "+".
_PHONE_SHAPED = re.compile(r"\+\d[\d .-]{7,}|0\d(?:[ .-]?\d){8,9}")


def _possible_after_a_cue(text: str, run: re.Match[str]) -> bool:
    if not _PHONE_SHAPED.fullmatch(run.group(0).strip()):
        return False  # a date ("le 12/03/2024"), an amount, a reference
    if not _PHONE_CUE.search(text, max(0, run.start() - 40), run.start()):
        return False
    for region, _ in _REGIONS:
        try:
            number = phonenumbers.parse(run.group(0), region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number) and phonenumbers.number_type(number) not in _SERVICE_LINES:
            return True
    return False


def phones(ctx: Context) -> list[Match]:
    if not _may_hold_a_digit_run(ctx.text.base.text):
        return []
    view = ctx.text.base.sub(_LETTER_FOR_DIGIT, lambda m: _AS_DIGIT[m.group(0)])
    text = view.text
    found: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        if _NOT_A_PHONE_BEFORE.search(text[max(0, run.start() - 30) : run.start()]):
            continue
        # The matcher on the run alone (with a little context for "+" and brackets): it is slow on a whole text.
        lo, hi = max(0, run.start() - 2), min(len(text), run.end() + 1)
        window = text[lo:hi]
        matched = False
        for region, leniency in _REGIONS:
            for pm in PhoneNumberMatcher(window, region, leniency=leniency):
                a, b = lo + pm.start, lo + pm.end
                matched = True
                if any(x < b and a < y for x, y in found) or not _personal(pm.number):
                    continue
                if _a_shops_line(text, a, pm.number):
                    continue
                found.append((a, b))
        if not matched and (_possible_after_a_cue(text, run) or international_after_a_cue(text, run)):
            found.append(run.span())
    return [_mask("phone", *view.span(a, b)) for a, b in found]


# "ne sort plus de chez lui. Il recourt …" and "at one point in the night" are prose, not "lui.il" or "one.in": a full
# stop right after a word and before a space ends a sentence, and after a spelled "dot" or "point" the suffix is no
# short French or English word (the domains "in", "it", "be", "me" are spelled that way in sentences far more often
# than in addresses).
_WORD_SUFFIXES = frozenset(
    "in it is be me to at as am an on no so do go us my by of or la le de et il au ne se ce ma es tu".split()
)


def _sentence_not_address(m: re.Match[str]) -> bool:
    separator = m.group("last_sep")
    if separator.strip() == ".":
        return not separator[:1].isspace() and separator[-1:].isspace()
    return m.group("tld") in _WORD_SUFFIXES


_DOMAIN_LABEL = re.compile(r"\s*\.\s*(?P<label>[a-z0-9-]+)")


def _address_end(m: re.Match[str]) -> int | None:
    """Where the address ends: the longest run of its domain's labels that ends on a public suffix. Spaces around
    dots are allowed for "gmail . com", so the run may carry on past a sentence end into the next word
    ("… @gmail.com. Partagez"): such a word is cut off, not a reason to drop the address. None when no label of the
    domain after the first is a public suffix."""
    at = m.group(0).index("@")
    ends = [
        (m.start() + label.end(), label.group("label"))
        for label in _DOMAIN_LABEL.finditer(m.group(0), at + 1)
        if label.start() > at + 1
    ]
    suffixes = public_suffixes()
    return next((end for end, label in reversed(ends) if label in suffixes), None)


def emails(ctx: Context) -> list[Match]:
    found: list[Match] = []
    view = ctx.text.links
    if "@" in view.text:
        for m in _EMAIL.finditer(view.text):
            end = _address_end(m)
            if end is None:
                continue
            # An address at the site's own domain ("sav@shop.fr") is the brand's, which a customer may quote.
            domain = re.sub(r"\s+", "", view.text[m.start() : end]).rpartition("@")[2]
            if not is_own(domain, ctx.own_domains):
                found.append(_mask("email", *view.span(m.start(), end)))
    base = ctx.text.base
    if re.search(r"\b(?:at|arobase|chez)\b", base.text):
        start = 0
        while (m := _SPELLED_EMAIL.search(base.text, start)) is not None:
            # A refused candidate may hold the start of an address ("write to me at marie point dupont arobase
            # gmail point com"): the next search starts at its next word, an accepted one's after it.
            start = m.start() + 1
            # "at" and "chez" are everyday words ("prices at jerseyking dot com", "acheté chez decathlon point com"
            # name a shop, a link's to hold): with them it is an address before a mail provider ("tom at gmail dot
            # com") or after a dotted name ("tom dot baker at acme dot com"), as ``hidden_domains`` reads it.
            everyday = m.group("sign") != "arobase"
            if everyday and m.group("domain") not in WEBMAIL and not re.search(_SEP, m.group("local")):
                continue
            if _sentence_not_address(m) or m.group("tld") not in public_suffixes():
                continue
            start = m.end()
            span = base.span(*m.span())
            if not any(f.start < span[1] and span[0] < f.end for f in found):
                found.append(_mask("email", *span))
    return found


def addresses(ctx: Context) -> list[Match]:
    base = ctx.text.base
    original = ctx.text.original
    found = []
    for m in _FR_ADDRESS.finditer(base.text):
        if a_business(base.text, m.start()):
            continue
        if m.group("named"):
            # "2 places", "3 routes": with these words the street's name must be capitalised as written.
            start, _ = base.span(m.start("name"), m.end("name"))
            if not original[start : start + 1].isupper() and not m.group("name").startswith(("de", "du", "d'")):
                continue
        found.append(_mask("street_address", *base.span(*m.span())))
    for m in _EN_ADDRESS.finditer(base.text):
        if a_business(base.text, m.start()):
            continue
        # English street names are capitalised ("221B Baker Street"); "3 days down the road" is not an address.
        start, end = base.span(m.start("name"), m.end("name"))
        words = original[start:end].split()
        if words and all(w[:1].isupper() for w in words):
            found.append(_mask("street_address", *base.span(*m.span())))
    return found


# Payment cards: each network's issuer prefixes (lowest, highest) and card lengths, as the networks publish them.
# A number must also pass the Luhn check and be written as people write a card: unbroken, or in groups of four
# (4-6-5 and 4-6-4 for American Express and Diners). Order numbers ("405-1234567-1234567"), EAN barcodes (13 digits
# from 3: no network issues those) and most serials fail one of the three.
_CARD_NETWORKS = (
    ("4", "4", (13, 16, 19)),  # Visa (French Cartes Bancaires are co-badged Visa or Mastercard)
    ("51", "55", (16,)),  # Mastercard
    ("2221", "2720", (16,)),  # Mastercard, 2-series
    ("34", "34", (15,)),  # American Express
    ("37", "37", (15,)),
    ("6011", "6011", (16, 17, 18, 19)),  # Discover
    ("644", "649", (16, 17, 18, 19)),
    ("65", "65", (16, 17, 18, 19)),
    ("3528", "3589", (16, 17, 18, 19)),  # JCB
    ("300", "305", (14, 15, 16, 17, 18, 19)),  # Diners Club
    ("36", "36", (14, 15, 16, 17, 18, 19)),
    ("38", "39", (16, 17, 18, 19)),
    ("62", "62", (16, 17, 18, 19)),  # UnionPay
)
_CARD_RUN = re.compile(r"(?<![\w.,])\d{1,19}(?:[ -]\d{1,6}){0,5}(?![\w])")
_CARD_GROUPS = ((4, 6, 5), (4, 6, 4))
_CARD_WORDS = re.compile(r"\b(?:carte|card|cb|visa|mastercard|amex|credit|debit|paiement|payment)\b")
# An IBAN: country, check digits, then 11 to 30 letters and digits, in groups of four or unbroken.
_IBAN_RUN = re.compile(r"(?<![\w])[a-z]{2}\d{2}(?:[ -]?[a-z0-9]){11,30}")


_EXPIRY_AFTER = re.compile(
    r"\s*,?\s*(?:exp\w*|valid(?: thru| until)?|date d.expiration|expire\w*)\.?\s*:?\s*\d{2}\s*/\s*\d{2}"
)
# A British account by its sort code: "sort code 20-45-77" (with or without the account number beside it).
_SORT_CODE = re.compile(r"\bsort ?code\s*(?:is\s*)?:?\s*\d{2}[- ]\d{2}[- ]\d{2}\b")


def sort_codes(ctx: Context) -> list[Match]:
    """A British sort code given with its digits: half of what moves money from an account."""
    view = ctx.text.base
    return [_mask("sort_code", *view.span(*m.span())) for m in _SORT_CODE.finditer(view.text)]


def _card_network(number: str) -> bool:
    return any(lo <= number[: len(lo)] <= hi and len(number) in lengths for lo, hi, lengths in _CARD_NETWORKS)


def _grouped_as_a_card(groups: list[str]) -> bool:
    sizes = tuple(len(g) for g in groups)
    if len(sizes) == 1 or sizes in _CARD_GROUPS:
        return True
    return all(size == 4 for size in sizes[:-1]) and 1 <= sizes[-1] <= 4


def cards(ctx: Context) -> list[Match]:
    """Payment card numbers: a network's prefix and length, the Luhn check digit, a card's grouping."""
    view = ctx.text.base
    text = view.text
    found = []
    for run in _CARD_RUN.finditer(text):
        groups = re.split(r"[ -]", run.group(0))
        before = text[max(0, run.start() - 30) : run.start()]
        if sum(len(g) for g in groups) < 13 or (_NOT_A_PHONE_BEFORE.search(before) and not _CARD_WORDS.search(before)):
            continue  # "commande n° 4111…" names an order; "carte n° 4111…" still a card
        # The longest leading groups that make a card: an expiry date or a code may follow the number.
        for count in range(len(groups), 0, -1):
            number = "".join(groups[:count])
            end = run.start() + len(" ".join(groups[:count]))
            # A mistyped card is still a card when its expiry follows: "4532 7791 0034 8812 exp 09/27".
            checked = luhn.is_valid(number) or _EXPIRY_AFTER.match(text, end) is not None
            if _card_network(number) and _grouped_as_a_card(groups[:count]) and checked:
                found.append(_mask("payment_card", *view.span(run.start(), end)))
                break
    return found


def ibans(ctx: Context) -> list[Match]:
    """IBANs: the country's length and format, and the mod-97 check digits (``stdnum.iban``)."""
    view = ctx.text.base
    found = []
    for run in _IBAN_RUN.finditer(view.text):
        # The run may carry on into the next word ("… 189 merci"): the longest prefix that is a valid IBAN.
        positions = [i for i, char in enumerate(run.group(0)) if char.isalnum()]
        compact = "".join(run.group(0)[i] for i in positions)
        for length in range(min(34, len(compact)), 14, -1):
            if iban.is_valid(compact[:length]):
                end = run.start() + positions[length - 1] + 1
                found.append(_mask("iban", *view.span(run.start(), end)))
                break
    return found


# A French social security number (NIR): sex, year, month, department (2A/2B for Corsica), commune, order, key.
_NIR_RUN = re.compile(
    r"(?<![\w.,])[1278][ .-]?\d{2}[ .-]?\d{2}[ .-]?(?:\d{2}|2[ab])[ .-]?\d{3}[ .-]?\d{3}(?:[ .-]?\d{2})?(?![\w])"
)
_NIR_GROUPED = re.compile(r"\d \d{2} \d{2} (?:\d{2}|2[ab]) \d{3} \d{3}(?: \d{2})?")
_NIR_WORDS = re.compile(r"\b(?:secu|securite sociale|nir|insee|carte vitale|ss|social security)\b")
# A US social security number is nine digits, which orders and parcels have too: only with its name before it.
_SSN_RUN = re.compile(r"(?<![\w.,])\d{3}[ -]?\d{2}[ -]?\d{4}(?![\w])")
_SSN_WORDS = re.compile(r"\b(?:ssn|social security|social-security|soc sec)\b")


def national_ids(ctx: Context) -> list[Match]:
    """Social security numbers: a French NIR (its mod-97 key, ``stdnum.fr.nir``) written in its groups or named,
    and a US SSN (``stdnum.us.ssn``) named as one."""
    view = ctx.text.base
    text = view.text
    found = []
    for run in _NIR_RUN.finditer(text):
        before = text[max(0, run.start() - 40) : run.start()]
        named = bool(_NIR_WORDS.search(before))
        if named or (_NIR_GROUPED.fullmatch(run.group(0)) and not _NOT_A_PHONE_BEFORE.search(before)):
            compact = re.sub(r"[ .-]", "", run.group(0)).upper()
            if (len(compact) == 15 and nir.is_valid(compact)) or (len(compact) == 13 and named):
                found.append(_mask("national_id", *view.span(*run.span())))
    for run in _SSN_RUN.finditer(text):
        if _SSN_WORDS.search(text[max(0, run.start() - 40) : run.start()]) and ssn.is_valid(run.group(0)):
            found.append(_mask("national_id", *view.span(*run.span())))
    return found


# Phone numbers said in words, the way a French number is read out in pairs ("zéro six, douze, trente-quatre …")
# or an English one digit by digit ("five five five, oh one three two …").
_UNITS = {"zero": 0, "oh": 0, "un": 1, "une": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4,
          "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8, "eight": 8, "neuf": 9,
          "nine": 9}  # fmt: skip
_TEENS = {"dix": 10, "ten": 10, "onze": 11, "eleven": 11, "douze": 12, "twelve": 12, "treize": 13, "thirteen": 13,
          "quatorze": 14, "fourteen": 14, "quinze": 15, "fifteen": 15, "seize": 16, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"vingt": 20, "vingts": 20, "twenty": 20, "trente": 30, "thirty": 30, "quarante": 40, "forty": 40,
         "cinquante": 50, "fifty": 50, "soixante": 60, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}  # fmt: skip
_NUMBER_WORD = re.compile(r"[a-z]+")
_BETWEEN_NUMBER_WORDS = re.compile(r"[\s,.\-]*")


def _spoken_digits(words: list[str]) -> str:
    """The digits a run of number words says: each unit alone is one digit, each number from 10 to 99 two."""
    digits, i = [], 0
    while i < len(words):
        word = words[i]
        if word in ("et", "and"):
            i += 1
            continue
        if word == "quatre" and i + 1 < len(words) and words[i + 1] in ("vingt", "vingts"):
            value, i = 80, i + 2
        elif word in _TENS:
            value, i = _TENS[word], i + 1
        elif word in _TEENS:
            if word == "dix" and i + 1 < len(words) and words[i + 1] in ("sept", "huit", "neuf"):  # "dix-neuf": 19
                digits.append(str(10 + _UNITS[words[i + 1]]))
                i += 2
                continue
            digits.append(str(_TEENS[word]))
            i += 1
            continue
        else:
            digits.append(str(_UNITS[word]))
            i += 1
            continue
        # After a ten: "et un", a unit, or (soixante, quatre-vingt) a teen: "soixante-dix-huit" is 78.
        if i < len(words) and words[i] in ("et", "and"):
            i += 1
        if i < len(words) and value in (60, 80) and words[i] in _TEENS:
            if words[i] == "dix" and i + 1 < len(words) and words[i + 1] in _UNITS:  # "soixante-dix-sept": 77
                value += 10 + _UNITS[words[i + 1]]
                i += 2
            else:  # "soixante-douze": 72, "quatre-vingt-dix": 90
                value += _TEENS[words[i]]
                i += 1
        elif i < len(words) and words[i] in _UNITS and _UNITS[words[i]] > 0:
            value += _UNITS[words[i]]
            i += 1
        digits.append(f"{value:02d}")
    return "".join(digits)


def spelled_phones(ctx: Context) -> list[Match]:
    view = ctx.text.base
    text = view.text
    known = _UNITS.keys() | _TEENS.keys() | _TENS.keys()
    runs: list[list[re.Match[str]]] = []
    for m in _NUMBER_WORD.finditer(text):
        if m.group(0) not in known and m.group(0) not in ("et", "and"):
            continue
        last = runs[-1][-1] if runs else None
        if last is not None and _BETWEEN_NUMBER_WORDS.fullmatch(text, last.end(), m.start()):
            runs[-1].append(m)
        elif m.group(0) not in ("et", "and"):
            runs.append([m])
    found = []
    for run in runs:
        if len(run) < 5:  # "deux ou trois fois", "one two three": no phone number is that short
            continue
        number = _spoken_digits([m.group(0) for m in run])
        # After "text me on", "call me at", as typed numbers: a range no operator has assigned is still given out.
        cued = len(number) in (10, 11) and _PHONE_CUE.search(text, max(0, run[0].start() - 40), run[0].start())
        if 9 <= len(number) <= 15 and (
            cued
            or any(
                _personal(pn.number)
                for region, leniency in _REGIONS
                for pn in PhoneNumberMatcher(number, region, leniency=Leniency.VALID)
            )
        ):
            found.append(_mask("phone", *view.span(run[0].start(), run[-1].end())))
    return found


def personal_data(ctx: Context) -> list[Match]:
    """Every kind above; a span inside one already found is not evidence twice ("her number is 07700 900 12" is a
    phone said to be someone's both ways)."""
    kept: list[Match] = []
    for match in (
        phones(ctx)
        + spelled_phones(ctx)
        + emails(ctx)
        + addresses(ctx)
        + cards(ctx)
        + ibans(ctx)
        + sort_codes(ctx)
        + national_ids(ctx)
        + plates(ctx)
        + unmasked(ctx)
        + possessive_phones(ctx)
    ):
        if not any(other.start <= match.start and match.end <= other.end for other in kept):
            kept.append(match)
    return kept
