"""Personal data: phone numbers (``phonenumbers``), e-mail addresses (plain and spelled out), street addresses.

Excerpts are masked: a match is evidence for the console, which highlights the span in the stored text; the
verdict itself must not copy personal data into logs and audit rows.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from moderation.content.lexicon import public_suffixes
from moderation.content.verdict import Context, Match, Reason

MASK = "[personal data]"
# The number of a thing, not of a person: "order 4471-2290-88", "commande n° 2024…", "ref", "suivi", "tracking".
_NOT_A_PHONE_BEFORE = re.compile(
    r"(?:order|commande|cde|n[o°]|numero de (?:commande|suivi|serie)|ref(?:erence)?|suivi|tracking|invoice|facture"
    r"|serial|serie|sku|model|modele|#)\s*[:.#°]*\s*$"
)
# French numbers are written in groups of two or as ten digits; elsewhere we want the grouping a person uses,
# so a bare run of digits (an order or a serial) does not read as a US number.
_REGIONS = (("FR", Leniency.VALID), ("US", Leniency.EXACT_GROUPING), ("GB", Leniency.EXACT_GROUPING))

_EMAIL = re.compile(
    r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]{0,63}\s*@\s*(?:[a-z0-9-]+\s*\.\s*)+(?P<tld>[a-z]{2,24})(?![\w-])"
)
_SEP = r"(?:\s*\.\s*|\s+(?:dot|point)\s+)"
_SPELLED_EMAIL = re.compile(
    rf"(?<![\w.])[a-z0-9]+(?:{_SEP}[a-z0-9]+)*\s+(?:at|arobase|chez)\s+[a-z0-9-]+(?:{_SEP}[a-z0-9-]+)*"
    rf"(?P<last_sep>{_SEP})(?P<tld>[a-z]{{2,10}})\b"
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
_DIGIT_RUN = re.compile(r"(?:\+|\(|\b)\d(?:[\s.\-()/]{0,3}\d){7,}")


def phones(ctx: Context) -> list[Match]:
    view = ctx.text.base
    text = view.text
    found: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        if _NOT_A_PHONE_BEFORE.search(text[max(0, run.start() - 30) : run.start()]):
            continue
        # The matcher on the run alone (with a little context for "+" and brackets): it is slow on a whole text.
        lo, hi = max(0, run.start() - 2), min(len(text), run.end() + 1)
        window = text[lo:hi]
        for region, leniency in _REGIONS:
            for pm in PhoneNumberMatcher(window, region, leniency=leniency):
                a, b = lo + pm.start, lo + pm.end
                if any(x < b and a < y for x, y in found) or not phonenumbers.is_valid_number(pm.number):
                    continue
                found.append((a, b))
    return [_mask("phone", *view.span(a, b)) for a, b in found]


def emails(ctx: Context) -> list[Match]:
    found: list[Match] = []
    view = ctx.text.links
    if "@" in view.text:
        for m in _EMAIL.finditer(view.text):
            if m.group("tld") in public_suffixes():
                found.append(_mask("email", *view.span(*m.span())))
    base = ctx.text.base
    if re.search(r"\b(?:at|arobase|chez)\b", base.text):
        for m in _SPELLED_EMAIL.finditer(base.text):
            spelled = m.group(0)
            # "at" is an everyday English word: with it, the dots must be spelled out too ("tom dot baker at …").
            plain_at = re.search(r"\sat\s", spelled) is not None
            if m.group("tld") in public_suffixes() and (not plain_at or re.search(r"\b(?:dot|point)\b", spelled)):
                span = base.span(*m.span())
                if not any(f.start < span[1] and span[0] < f.end for f in found):
                    found.append(_mask("email", *span))
    return found


def addresses(ctx: Context) -> list[Match]:
    base = ctx.text.base
    original = ctx.text.original
    found = []
    for m in _FR_ADDRESS.finditer(base.text):
        if m.group("named"):
            # "2 places", "3 routes": with these words the street's name must be capitalised as written.
            start, _ = base.span(m.start("name"), m.end("name"))
            if not original[start : start + 1].isupper() and not m.group("name").startswith(("de", "du", "d'")):
                continue
        found.append(_mask("street_address", *base.span(*m.span())))
    for m in _EN_ADDRESS.finditer(base.text):
        # English street names are capitalised ("221B Baker Street"); "3 days down the road" is not an address.
        start, end = base.span(m.start("name"), m.end("name"))
        words = original[start:end].split()
        if words and all(w[:1].isupper() for w in words):
            found.append(_mask("street_address", *base.span(*m.span())))
    return found


def personal_data(ctx: Context) -> list[Match]:
    return phones(ctx) + emails(ctx) + addresses(ctx)
