"""Domains written out or split to get past the link filter, whatever their suffix: "watch-outlet-uk dot shop",
"bestwatchez d0t c0m", "trainersoutlet DOT co DOT uk", "outletparis .shop", "premium outlet dot online (no
spaces)". Read by :func:`moderation.content.phases.links.links`, after the ``links`` view has undone the classic
forms ("bonplan dot com", "x[.]com", "x . com").

A host is a label, a separator and a public suffix, perhaps more labels. The separator is the dot said as a word
("dot", "point", "punkt", leetspeak too), a bracketed dot or word, or a dot with a space on one side. It is a link when
the text tells the reader to remove the spaces, when the suffix has two levels ("co DOT uk"), or when the label or the
suffix does not read as a word: a hyphenated or made-up label ("cheap-kicks", "jerseyking", "kicks4less"), or a
suffix that is no word of the text's language ("com" in French, "fr" anywhere). Prose with the same words stays
prose: "the dot on the i", "polka dot bikini" (two words, and ".bikini" is a suffix), "un point fort", "mise au point
de", "at this point in time", "photo.jpg" (no public suffix).

An address is personal data's to find: "jean arobase monsite point fr", and after a plain "at" or "chez" a webmail
("tom at gmail dot com") or a dotted name before it ("tom dot baker at acme dot com"). "Best prices at jerseyking dot
com" and "chez decathlon point com" name a shop (``personal_data`` reads them the same way).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderation.content.lexicon import frequency, is_folded_word, is_own, public_suffixes, suffix_extractor
from moderation.content.normalise import WEBMAIL
from moderation.content.phases.literals import words_of
from moderation.content.verdict import Context, Match, Reason

_SPOKEN = r"\s+(?:d[o0]t|p[o0][i1]nt|punkt)(?:\s+|(?=c[o0]m\b))"  # "dot com", "d0t c0m", "dotcom"
_BRACKETED = r"\s*[(\[{<]\s*(?:d[o0]t|p[o0][i1]nt|punkt|\.)\s*[)\]}>]\s*"
# A space before the dot, or after it and before a suffix that starts no sentence ("cheapjerseys. com").
_AFTER_SPACE = frozenset("com net org fr eu shop store online site xyz info biz io club co".split())
_ONE_SIDED = rf"\s+\.(?=[a-z0-9])|\.\s+(?=(?:{'|'.join(sorted(_AFTER_SPACE))})\b)|\.(?=[a-z]*\d[a-z0-9]*\b)"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOST = re.compile(
    rf"(?<![\w@.-])(?P<host>{_LABEL}(?:(?:{_SPOKEN}|{_BRACKETED}|\s+\.\s+|{_ONE_SIDED}){_LABEL})+)(?![\w-])"
)
_SEPARATOR = re.compile(rf"{_SPOKEN}|{_BRACKETED}|\s+\.\s+|{_ONE_SIDED}")
_UNLEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t"})
# The text tells the reader to put the pieces back together.
_REJOIN = re.compile(
    r"\b(?:(?:remove|delete|take out|minus|without|no|sans|w/o)(?: the| all| les| l.)? (?:spaces?|blanks?|espaces?)|"
    r"(?:enleve[rz]?|retire[rz]?|supprime[rz]?|ote[rz]?|efface[rz]?)(?: les| l.)? espaces?|"
    r"(?:replace|remplace[rz]?) (?:the )?(?:dot|point)|(?:join|stick|colle[rz]?) (?:the |les )?(?:words|mots))\b"
)
_REJOIN_WORDS = frozenset({"space", "spaces", "espace", "espaces", "blanks", "replace", "remplacez", "join", "mots"})
# Words that are never a domain's label: "the dot com era", "un site en point com", "à ce point de vue".
_NOT_LABELS = frozenset(
    "the a an one this that these those my your our its his her their at on in of by to from with and or "
    "le la les un une des du de au aux ce cet cette en mon ton son ma ta sa mes tes ses notre votre nos vos et ou "
    "a y sur dans par pour".split()
)
_AT_BEFORE = re.compile(r"(?:(?P<sign>@|\barobase|\bchez|[(\[{<]\s*(?:at|arobase)\s*[)\]}>])|(?P<at>\bat))\s*$")
_DOTTED_NAME_BEFORE = re.compile(r"(?:\s+(?:dot|point)\s+|\.)[a-z0-9_-]+\s+(?:at|chez)\s*$")
# A common word of the language (function words, "live", "top", "shop" in English): as a suffix, prose follows a dot.
_COMMON_WORD = 1_000_000
_WORD = 50


def _languages(ctx: Context) -> tuple[str, ...]:
    return (ctx.language,) if ctx.language in ("fr", "en") else ("fr", "en")


def _made_up(label: str) -> bool:
    """A label that is no word: hyphenated ("cheap-kicks"), letters and digits ("kicks4less"), or unknown."""
    if "-" in label:
        return True
    if re.search(r"[a-z]", label) and re.search(r"\d", label):
        return True
    return len(label) >= 4 and not is_folded_word(label)


def _a_link(m: re.Match[str], ctx: Context, rejoin: bool) -> bool:
    view_text = m.string
    pieces = _SEPARATOR.split(m.group("host"))
    separators = _SEPARATOR.findall(m.group("host"))
    labels = [*pieces[:-1], pieces[-1].translate(_UNLEET)]
    if not re.search(r"[a-z]", labels[-1]) or labels[-1] not in public_suffixes():
        return False
    host = ".".join(labels)
    parts = suffix_extractor()(host)
    if not parts.suffix or not parts.domain or is_own(f"{parts.domain}.{parts.suffix}", ctx.own_domains):
        return False
    label = parts.domain.rsplit(".", 1)[-1]
    if label in _NOT_LABELS or not re.search(r"[a-z]", label):
        return False
    before = _AT_BEFORE.search(view_text, max(0, m.start() - 12), m.start())
    if before is not None and before.group("sign") and before.group("sign") != "chez":
        return False  # an e-mail address: personal data's
    if (
        before is not None
        and (before.group("at") or before.group("sign") == "chez")
        and (label in WEBMAIL or _DOTTED_NAME_BEFORE.search(view_text, max(0, m.start() - 60), m.start()))
    ):
        return False
    if rejoin or "." in parts.suffix:
        return True
    suffix = parts.suffix
    common = frequency(suffix, _languages(ctx))
    if common >= _COMMON_WORD:
        return False
    if any(s.strip() == "." and not (s[0].isspace() and s[-1].isspace()) for s in separators):
        # A plain dot with a space on one side only ("outletparis .shop", "cheapjerseys. com"): a made-up label, and
        # no new sentence after the dot. A space after it is how sentences end: the suffix must be no word either.
        after_only = any(s.startswith(".") for s in separators)
        return _made_up(label) and not (after_only and common >= 10_000) and not _capitalised(m, ctx)
    return _made_up(label) or common < _WORD


def _capitalised(m: re.Match[str], ctx: Context) -> bool:
    """The suffix starts with a capital in the original: a new sentence ("chaussures. Net et propre")."""
    end = m.end("host")
    start = end - len(_SEPARATOR.split(m.group("host"))[-1])
    a, b = ctx.text.links.span(start, end)
    original = ctx.text.original[a:b]
    return original[:1].isupper() and not original.isupper()


# Whether a hidden dot may be there at all, most texts answered without a pattern: the dot said as a word, or one of
# the usual suffixes, among the words of the ``words`` view (leetspeak undone: "d0t" is "dot", "c0m" is "com"), which
# the phases before this one have listed already; a space before a dot.
_DOT_WORDS = frozenset({"dot", "point", "punkt", "dotcom"})
_SPACE_DOT = re.compile(r" \.[a-z0-9]")
_AFTER_SPACE_DOT = re.compile(rf"\.\s+(?:{'|'.join(sorted(_AFTER_SPACE))})\b")
_LEET_DOT = re.compile(r"\.[a-z]+\d")
_SEPARATOR_AT = re.compile(rf"{_SPOKEN}|{_BRACKETED}|\s+\.\s*|\.\s+|\.(?=[a-z]*\d)")
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _hidden_dot(ctx: Context, text: str) -> bool:
    words = words_of(ctx.text.words.text)
    if not _DOT_WORDS.isdisjoint(words):
        return True
    if " ." in text and _SPACE_DOT.search(text) is not None:
        return True
    return not _AFTER_SPACE.isdisjoint(words) and (
        _AFTER_SPACE_DOT.search(text) is not None or _LEET_DOT.search(text) is not None
    )


def _hosts(text: str) -> Iterator[re.Match[str]]:
    """The hosts around each separator: the label before it is found by stepping back, then the host is read."""
    position = 0
    for sep in _SEPARATOR_AT.finditer(text):
        start = sep.start()
        if start < position:
            continue
        while start > position and text[start - 1] in _LABEL_CHARS:
            start -= 1
        if start == sep.start():
            continue
        m = _HOST.match(text, start)
        if m is not None:
            position = m.end()
            yield m


# A space for the dot before a path: "youtube com/@SneakerSteve", "monsite fr/promo". The path says it is an address
# ("km/h", "and/or" have no suffix before the slash): an account's "@" after it, or a made-up label before it.
_PATH_SUFFIXES = "|".join(sorted(_AFTER_SPACE | {"tv", "gg", "me", "uk", "be"}))
_SPACE_FOR_DOT = re.compile(
    rf"(?<![\w@.-])(?P<host>(?P<label>[a-z][a-z0-9-]{{2,}})\s+(?:{_PATH_SUFFIXES}))/(?P<at>@)?(?=[a-z0-9])"
)
# The label's last characters spaced out, the rest of it a word: "cheapkicks 2 4 dot c o m" (the ``links`` view
# reads "cheapkicks 2 4.com"). Joined, the label must be made up: "kicks24".
_SPACED_TAIL = re.compile(
    rf"(?<![\w@.-])(?P<host>[a-z][a-z0-9-]{{2,}}(?: [a-z0-9]){{1,6}}\.(?:{'|'.join(sorted(_AFTER_SPACE))}))(?![\w-])"
)


def _spaced(ctx: Context, text: str) -> list[re.Match[str]]:
    hits = [
        m
        for m in (_SPACE_FOR_DOT.finditer(text) if "/" in text else ())
        if (m.group("at") or _made_up(m.group("label")))
        and not is_own(".".join(m.group("host").split()), ctx.own_domains)
    ]
    for m in _SPACED_TAIL.finditer(text) if "." in text else ():
        label = m.group("host").rsplit(".", 1)[0]
        # The word before the spaced characters is no word either: "bought 2 4.com" is a sentence gone wrong.
        if _made_up(label.split(" ", 1)[0]) and _made_up(label.replace(" ", "")):
            if not is_own(m.group("host").replace(" ", ""), ctx.own_domains):
                hits.append(m)
    return hits


def hidden_domains(ctx: Context, found: list[Match]) -> list[Match]:
    """Links hidden by a spelled or split dot that ``found`` (the links already found) does not cover."""
    view = ctx.text.links
    text = view.text
    spaced = []
    for m in _spaced(ctx, text):
        start, end = view.span(*m.span("host"))
        if not any(f.start < end and start < f.end for f in found):
            spaced.append(Match(Reason.LINKS.value, "url", start, end, ctx.text.original[start:end]))
    if not _hidden_dot(ctx, text):
        return spaced
    rejoin = not _REJOIN_WORDS.isdisjoint(words_of(ctx.text.words.text)) and _REJOIN.search(text) is not None
    hits = []
    for m in _hosts(text):
        if not _a_link(m, ctx, rejoin):
            continue
        start, end = view.span(*m.span("host"))
        if any(f.start < end and start < f.end for f in found):
            continue
        hits.append(Match(Reason.LINKS.value, "url", start, end, ctx.text.original[start:end]))
    return spaced + [h for h in hits if not any(s.start < h.end and h.start < s.end for s in spaced)]
