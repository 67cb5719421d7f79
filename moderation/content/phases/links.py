"""Links: URLs, bare domains checked against the public suffix list, IP addresses, shorteners, and handles on a
messaging or social app ("contact @recovery_pro on Telegram"), which send readers off the page just the same.

A bare "word.word" is a domain only when the public suffix list knows its suffix AND it does not read as two words
run together. Customers often forget the space after a full stop ("appareil.de fitness", "en classe.top",
"produit.Je recommande", "etc.Le"), and many suffixes are also words (de, top, me, it, shop …). So:

* strong signals make it a link whatever the words: a scheme, ``www.``, a path or port after the host, a known
  shortener, a second-level suffix (``co.uk``), an IP address;
* otherwise it is not a link when the part after the dot starts with a capital in the original (a new sentence:
  "etc.Le", "Génial.Top"), or when both sides are ordinary words of the text's language ("appareil" + "de",
  "classe" + "top"). A brand-like label ("cheapstuff", "getrich", "bestdealz") or a suffix that is no word in the
  text's language ("com", "io", "fr", "ai" in English) keeps it a link.
"""

from __future__ import annotations

import ipaddress
import re

from moderation.content.lexicon import frequency, is_folded_word, is_own, public_suffixes, suffix_extractor, url_host
from moderation.content.normalise import SHORTENERS
from moderation.content.phases.hidden_domains import hidden_domains
from moderation.content.phases.shapes import HANDLE
from moderation.content.verdict import Context, Match, Reason

_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_URL = re.compile(
    rf"(?<![\w@.-])(?P<scheme>[a-z][a-z0-9+.-]{{1,15}}://)?(?P<www>www\.)?(?P<host>(?:{_LABEL}\.)+[a-z]{{2,24}})"
    r"(?P<port>:\d{2,5})?(?P<path>/[^\s]*)?(?![\w-])"
)
_IP = re.compile(r"(?<![\w.])(?P<ip>\d{1,3}(?:\.\d{1,3}){3})(?P<port>:\d{2,5})?(?P<path>/[^\s]*)?(?![\w.]*\d)")
# A suffix that is this common a word in the text's language can follow a missing space.
_WORD_SUFFIX_MIN = 10_000
_WORD_LABEL_MIN = 500


def _languages(ctx: Context) -> tuple[str, ...]:
    return (ctx.language,) if ctx.language in ("fr", "en") else ("fr", "en")


def _reads_as_words(label: str, suffix: str, ctx: Context) -> bool:
    languages = _languages(ctx)
    return frequency(suffix, languages) >= _WORD_SUFFIX_MIN and frequency(label, languages) >= _WORD_LABEL_MIN


def _is_link(m: re.Match[str], ctx: Context) -> bool:
    host = m.group("host")
    if host.split(".")[-1] not in public_suffixes():
        return False  # cheap first test: most dotted things end in no suffix at all
    parts = suffix_extractor()(host)
    if not parts.suffix or not parts.domain:
        return False
    registered = f"{parts.domain}.{parts.suffix}"
    if is_own(registered, ctx.own_domains):
        return False  # the brand's own site: "commandé sur shop.fr", a link to another of its product pages
    if m.group("scheme") or m.group("www") or m.group("port") or registered in SHORTENERS:
        return True
    if m.group("path") and len(m.group("path")) > 1:
        return True
    if not re.search(r"[a-z]", parts.domain) or len(parts.domain) < 2:
        return False  # "3.5mm", "a.fr": numbers and initials
    original_suffix = _original_suffix(m, ctx, len(parts.suffix))
    if original_suffix[:1].isupper() and not original_suffix.isupper():
        return False  # a capital after the dot starts a sentence: "etc.Le", "Génial.Top"
    if "." in parts.suffix:
        return True
    if "-" in parts.domain:
        return True  # "cheap-watches", "promo-maison": nobody runs two words together with a hyphen and a dot
    if _sentence_after_spaced_dot(m, ctx, parts.suffix) or _inclusive_writing(parts.domain, parts.suffix):
        return False
    return not _reads_as_words(parts.domain, parts.suffix, ctx)


# The feminine endings of French inclusive writing, which some type with full stops instead of middle dots.
_FEMININE_OF_EUR = frozenset("ice ices rice rices trice trices euse euses".split())
_FEMININE_ENDINGS = frozenset("e es ne nes le les te tes ve ves se ses".split()) | _FEMININE_OF_EUR


def _inclusive_writing(label: str, suffix: str) -> bool:
    """Whether ``label.suffix`` is French inclusive writing typed with a full stop: "lecteur.ice.s", "auteur.ice",
    "étudiant.es", "ancien.ne.s" (a word, then its feminine ending, the two together a word: "étudiantes"). "ice",
    "es", "ne" and "ve" are also country suffixes; "cheapdeals.es" joins into no word and stays a link."""
    if suffix not in _FEMININE_ENDINGS:
        return False
    if label.endswith("eur") and suffix in _FEMININE_OF_EUR:
        return True
    return is_folded_word(label, 500) and is_folded_word(label + suffix)


# Suffixes that are words, but also where a spammer sends readers ("cheap . shop", "bonplan . store"): a spaced dot
# before one stays a link.
_MERCHANT_SUFFIXES = frozenset(
    "shop store site online top club me net live fun page blog web website app link click buzz deals sale market "
    "boutique promo news info pro bio art".split()
)


def _sentence_after_spaced_dot(m: re.Match[str], ctx: Context, suffix: str) -> bool:
    """Whether the dot has spaces on both sides in the original and the "suffix" is an everyday word of the text's
    language: a full stop typed loosely, the next sentence's first word after it ("i chose the xs . love it", "big
    and frumpy . it went back", "a generous tts . it is flattering"). Sizes and shorthand ("xs", "tts", "27p") are
    no dictionary words, so ``_reads_as_words`` alone took them for a domain. A suffix where spam sends readers
    (``_MERCHANT_SUFFIXES``), one that is no word ("cheapwatches . com", "monsite . fr") and one that ends the text or
    its sentence ("cheapstuff . it") stay links."""
    if suffix in _MERCHANT_SUFFIXES or frequency(suffix, _languages(ctx)) < _WORD_SUFFIX_MIN:
        return False
    view = ctx.text.links
    dot = m.end("host") - len(suffix) - 1
    start, end = view.span(dot, dot + 1)
    between = ctx.text.original[start:end]
    # The sentence goes on after the word ("it went back"): an address typed apart ends where it stands.
    goes_on = re.match(r"\s+[a-z]", view.text[m.end("host") :]) is not None
    return between[:1].isspace() and between[-1:].isspace() and goes_on


def _original_suffix(m: re.Match[str], ctx: Context, suffix_len: int) -> str:
    view = ctx.text.links
    host_end = m.end("host")
    start, end = view.span(host_end - suffix_len, host_end)
    return ctx.text.original[start:end]


_EMAIL_NAME = re.compile(r"\s*@\s*[a-z0-9-]+\s*\.")
_SCHEME_URL = re.compile(r"(?<![a-z0-9])(?:https?|ftp)://[^\s/?#]+[^\s]*")


# Messaging apps, then the social ones. Beside a messaging app even the brand's own name is held: that is how refund
# scams pose as its desk ("@decathlon on Telegram"; ``contact_handles``).
_MESSAGING_APPS = r"telegram|tg|whats\s?app|snapchat|snap|discord|wechat|kik|messenger|viber"
_APPS = rf"{_MESSAGING_APPS}|instagram|insta|ig|tiktok|facebook|fb|twitter|x\.com|youtube|twitch|pinterest"
_MESSAGING = re.compile(rf"\b(?:{_MESSAGING_APPS})\b")
# The app, then its handle a few words on ("telegram @x", "insta: @x", "on whatsapp via @x"), or the handle, then
# "on"/"sur"/"via" the app ("contact @x on telegram"). A reply's "@marie" mentions a reader, with no app beside it.
# The handle is each pattern's one group (``m.lastgroup``).
_CONTACT_HANDLE = re.compile(
    rf"\b(?:{_APPS})\b[\s:,-]{{0,3}}(?:[a-z']+(?:\s*[:,-])?\s+){{0,2}}(?P<handle>{HANDLE})"
    rf"|(?P<handle_first>{HANDLE})\s+(?:on|sur|via|par)\s+(?:{_APPS})\b"
)


# The handle without its "@", after one's own account or "on" the app: "follow me on insta jessica_runs", "mon snap :
# kevin_du_13". A handle has a "_" or "." inside, or letters and digits together: "vu sur TikTok, j'ai craqué" and
# "on Instagram 2023" name no account.
_BARE_HANDLE = (
    r"(?=[a-z0-9_.]*[a-z])(?=[a-z0-9_.]*(?:[a-z][_.][a-z0-9]|[a-z][0-9]|[0-9][a-z]))[a-z0-9_.]{4,32}(?<![._])\b"
)
_CONTACT_BARE_HANDLE = re.compile(
    rf"\b(?:(?:my|mon|ma|on|sur)\s+(?:{_APPS}))(?:\s*[:=]\s*|\s+(?:is|c.est|c|cest|est|account|compte|handle|id)"
    r"\s*:?\s*|\s*,?\s*(?:pseudo|username|user name|identifiant)\s*:?\s*|\s+)"
    rf"(?P<bare_handle>{_BARE_HANDLE})"
    # The app as a verb, then a colon: "snap me: hotgirl99", "kik me: sexyguy" (any name: the colon says it is one).
    rf"|\b(?:{_MESSAGING_APPS}) me\s*[:=]\s*(?P<app_verb_handle>[a-z][a-z0-9_.]{{2,31}})\b"
    # A Discord tag, a name and four digits: "dispo sur discord : Karim#4821".
    r"|\bdiscord\b[^.!?\n]{0,30}?(?P<discord_tag>[a-z0-9_.]{2,32}#\d{4})(?!\d)"
)


# What a brand puts after its name in its accounts' handles: a country or language ("decathlon_fr", "decathlonuk").
# Not "support", "sav", "help" or "official": those are what impersonators add ("contact @decathlon_support for your
# refund"), and the brand's own desk answers under its name anyway.
_BRAND_HANDLE_SUFFIXES = frozenset(
    "fr en uk gb us usa de es it be ch ca nl pt ie at lu ma au nz pl se dk no fi "
    "france belgique belgium suisse schweiz canada quebec deutschland espana italia".split()
)


def is_brand_handle(handle: str, ctx: Context) -> bool:
    """Whether ``handle`` (folded, without "@") is the brand's own account: the site's name or the first label of one
    of its own domains, run together, then nothing or a country or language (``_BRAND_HANDLE_SUFFIXES``). A
    customer who saw the ad "sur insta @decathlon" or wrote to "@decathlon_fr on Twitter" sends nobody off the page
    to a stranger. "@decathlon_promo", "@decathlondeals" and "@decathlon_support" are not taken for the brand's, nor
    is any handle beside a messaging app (``_MESSAGING``): those are held as before."""
    core = handle.replace("_", "").replace(".", "")
    names = {domain.split(".")[0].replace("-", "") for domain in ctx.own_domains}
    words = re.findall(r"[a-z0-9]+", ctx.brand)
    if words:
        names.add("".join(words))
        if len(words) > 1 and words[-1] in _BRAND_HANDLE_SUFFIXES:  # "Décathlon France" answers as "@decathlon" too
            names.add("".join(words[:-1]))
    for name in names:
        if len(name) >= 3 and core.startswith(name):
            rest = core[len(name) :]
            if not rest or rest in _BRAND_HANDLE_SUFFIXES:
                return True
    return False


def contact_handles(ctx: Context) -> list[Match]:
    view = ctx.text.base
    patterns = (_CONTACT_BARE_HANDLE, _CONTACT_HANDLE) if "@" in view.text else (_CONTACT_BARE_HANDLE,)
    found = []
    for pattern in patterns:
        for m in pattern.finditer(view.text):
            if not _MESSAGING.search(m.group(0)) and is_brand_handle(m.group(m.lastgroup).lstrip("@"), ctx):
                continue
            start, end = view.span(*m.span())
            found.append(Match(Reason.LINKS.value, "contact_handle", start, end, ctx.text.original[start:end]))
    return found


def links(ctx: Context) -> list[Match]:
    found = contact_handles(ctx)
    view = ctx.text.links
    text = view.text
    if "." not in text:
        return found + hidden_domains(ctx, found)
    for m in _URL.finditer(text):
        if _EMAIL_NAME.match(text, m.end()) and not (m.group("scheme") or m.group("www") or m.group("path")):
            continue  # the name of an e-mail address ("jean.dupont@…": .dupont is a suffix), personal data's to find
        if _is_link(m, ctx):
            start, end = view.span(*m.span())
            found.append(Match(Reason.LINKS.value, "url", start, end, ctx.text.original[start:end]))
    # A scheme says "link" whatever follows: "http://spam.example/", "https://localhost:8000" (no public suffix).
    for m in _SCHEME_URL.finditer(text):
        if is_own(url_host(m.group(0)), ctx.own_domains):
            continue
        start, end = view.span(*m.span())
        if not any(f.start < end and start < f.end for f in found):
            found.append(Match(Reason.LINKS.value, "url", start, end, ctx.text.original[start:end]))
    for m in _IP.finditer(text):
        try:
            address = ipaddress.ip_address(m.group("ip"))
        except ValueError:
            continue
        if address.is_unspecified:
            continue
        start, end = view.span(*m.span())
        found.append(Match(Reason.LINKS.value, "ip_address", start, end, ctx.text.original[start:end]))
    return found + hidden_domains(ctx, found)
