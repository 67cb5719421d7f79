"""Normalised views of a customer's text, each with a map back to the original characters.

Rules match on a normalised view; the console highlights the span in the text as the customer typed it. Every
view is a :class:`Mapped` string: for each of its characters, the ``[start, end)`` range of original characters it
came from. A rewrite that replaces a run (``(dot)`` → ``.``, ``c o n`` → ``con``) maps every new character to the
whole run, so a span in any view always maps back to whole original characters.

Three views, each built from the one before:

* ``base``: NFKC (fullwidth letters, ligatures), format characters (Unicode Cf: zero-width space, joiners, soft
  hyphen, bidi marks) removed, casefolded, accents folded, ideographic full stops turned into ``.``.
* ``links``: ``base`` with obfuscated punctuation undone — ``(dot)``, ``[point]``, ``(at)``, ``arobase``, spaced
  dots ``x . com`` and spelled-out schemes ``h t t p s : / /``.
* ``words``: ``base`` with leetspeak undone inside words (``a55hole``, ``c0nn4rd``, ``b!tch``), letters separated by
  single spaces or dots joined (``c o n n a r d``), and runs of three or more identical letters cut to one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from moderation.content.lexicon import is_word
from moderation.folding import unmask_lookalikes

# NFKC leaves these as they are, but customers (and spammers) use them as full stops.
_FULL_STOPS = {"\u3002": ".", "\uff61": ".", "\u2024": ".", "\ufe52": "."}
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s"})


@dataclass(frozen=True)
class Mapped:
    """A string and, per character, the ``[start, end)`` of the original characters it stands for.

    ``starts``/``ends`` are ``None`` while the string maps one to one onto the original (the common case, kept
    cheap: most reviews need no rewrite beyond case and accents).
    """

    text: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span behind ``text[start:end]``."""
        if self.starts is None or self.ends is None:
            return start, end
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]

    def _maps(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        if self.starts is None or self.ends is None:
            n = len(self.text)
            return tuple(range(n)), tuple(range(1, n + 1))
        return self.starts, self.ends

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> Mapped:
        """Like ``pattern.sub``, keeping the map: a replacement of the same length maps character by character,
        any other replacement maps each of its characters to the whole replaced run."""
        replacements = [(m.start(), m.end(), new) for m in pattern.finditer(self.text) if (new := repl(m)) != m[0]]
        if not replacements:
            return self
        old_starts, old_ends = self._maps()
        pieces: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        last = 0
        for a, b, new in replacements:
            pieces.append(self.text[last:a])
            starts.extend(old_starts[last:a])
            ends.extend(old_ends[last:a])
            pieces.append(new)
            if len(new) == b - a:
                starts.extend(old_starts[a:b])
                ends.extend(old_ends[a:b])
            elif new:
                lo, hi = old_starts[a], old_ends[b - 1]
                starts.extend([lo] * len(new))
                ends.extend([hi] * len(new))
            last = b
        pieces.append(self.text[last:])
        starts.extend(old_starts[last:])
        ends.extend(old_ends[last:])
        return Mapped("".join(pieces), tuple(starts), tuple(ends))


_LIGATURES = {"œ": "oe", "æ": "ae"}


# Letters in white on a black circle or square ("🅸🅳🅸🅾🆃", "🅘🅓🅘🅞🅣"): NFKC unboxes the outlined ones ("🄰", "Ⓐ") but
# not these, which spell words in comments as bold letters do.
_BOXED = {chr(base + i): chr(ord("a") + i) for base in (0x1F150, 0x1F170) for i in range(26)}


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    if char.isascii():
        return char.lower()
    char = _BOXED.get(char, char)
    char = _FULL_STOPS.get(char, char)
    if unicodedata.category(char) == "Cf":
        return ""
    out = unicodedata.normalize("NFKC", char).casefold()
    decomposed = unicodedata.normalize("NFD", out)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    # "œ" and "æ" do not decompose: spelled out, as French keyboards without them type them ("tête de noeud" is "tête
    # de nœud"). "ø", "ł" stay as they are, which is fine for FR/EN word lists.
    folded = _LIGATURES.get(folded, folded)
    return _FULL_STOPS.get(folded, folded)


def base_view(text: str) -> Mapped:
    """NFKC, no format characters, casefolded, accents folded, look-alike letters in Latin words unmasked."""
    if text.isascii():
        return Mapped(text.lower())
    folded = [_fold_char(c) for c in text]
    if set(map(len, folded)) == {1}:
        return Mapped(unmask_lookalikes("".join(folded)))  # "é" → "e" and the like: still one to one
    starts: list[int] = []
    ends: list[int] = []
    for i, out in enumerate(folded):
        starts.extend([i] * len(out))
        ends.extend([i + 1] * len(out))
    return Mapped(unmask_lookalikes("".join(folded)), tuple(starts), tuple(ends))


# Letters (or digits) one by one, each followed by the same single space, dot, hyphen or underscore: "c o n n a r d",
# "c.o.n.n.a.r.d.s", "f-u-c-k". Three at least, so "i.e." and "y a" stay as they are; a double space ends a run,
# so "f u c k  y o u" becomes two words; a change of separator too, so "a d.i.c.k" keeps its article apart.
_SPACED_LETTERS = re.compile(r"(?<![\w@$*])[a-z0-9@$*]([ ._\-])(?:[a-z0-9@$*]\1)+[a-z0-9@$*](?![\w@$*])")
_SEPARATORS = re.compile(r"[ ._\-]")
# A token that mixes letters with digits or leet symbols: a55hole, c0nn4rd, b!tch, tw@t, n00b. Pure numbers
# (prices, sizes, order numbers) never match: a letter must be there.
_LEET_TOKEN = re.compile(r"(?<![\w@$!])(?=[\w@$!]*[a-z])(?=[\w@$!]*[0-9@$!][\w@$!]*)[\w@$!]*\w")
_RUN3 = re.compile(r"([a-z])\1{2,}")


def _unleet(m: re.Match[str]) -> str:
    token = m.group(0)
    # "!" stands for "i" only between letters ("b!tch"); a trailing "!!!" is punctuation.
    token = re.sub(r"(?<=[a-z])!(?=[a-z])", "i", token)
    return token.translate(_LEET)


_LEET_HINT = re.compile(r"[a-z][0-9@$!]|[0-9@$][a-z]")


def _join_letters(m: re.Match[str]) -> str:
    """ "c o n" → "con"; a leading "a" or "i" stays a word of its own when only the rest is one: "what a m o r o n"
    is "a moron", while "a s s h o l e" is one word (word frequencies, ``lexicon``)."""
    joined = _SEPARATORS.sub("", m.group(0))
    if joined[0] in "ai" and m.group(1) == " " and len(joined) >= 5:
        if not is_word(joined) and is_word(joined[1:]):
            return f"{joined[0]} {joined[1:]}"
    return joined


# The emoji people use as the insult itself: "the seller is a 🐖", "you 🤡", "🐒🐒" aimed at someone. Read as the word,
# so the lists decide as they do for the word ("top produit 🐷", a piggy bank, has no one it is aimed at).
_INSULT_EMOJI = {"🐖": "pig", "🐷": "pig", "🐽": "pig", "🐒": "monkey", "🐵": "monkey", "🦍": "gorilla", "🤡": "clown"}
_INSULT_EMOJI_RE = re.compile("(" + "|".join(_INSULT_EMOJI) + ")\ufe0f?")


def _joined_letters_view(base: Mapped) -> Mapped:
    """``base`` with the emoji of an insult written as its word and spaced letters joined: what leetspeak is read in."""
    if _INSULT_EMOJI_RE.search(base.text):
        base = base.sub(_INSULT_EMOJI_RE, lambda m: f" {_INSULT_EMOJI[m.group(1)]} ")
    return base.sub(_SPACED_LETTERS, _join_letters)


def _has_leet(joined: Mapped) -> bool:
    return _LEET_HINT.search(joined.text) is not None


def _words_from(joined: Mapped, unleet: bool) -> Mapped:
    view = joined.sub(_LEET_TOKEN, _unleet) if unleet else joined
    return view.sub(_RUN3, lambda m: m.group(1))


def words_view(base: Mapped) -> Mapped:
    """``base`` with spaced letters joined, leetspeak undone, letter runs of three or more cut to one and the emoji
    of an insult written as its word."""
    joined = _joined_letters_view(base)
    return _words_from(joined, _has_leet(joined))


_BRACKETED_DOT = re.compile(r"\s*[(\[{<]\s*(?:dot|point|punkt|period|\.)\s*[)\]}>]\s*")  # "example[.]com" too
_BRACKETED_AT = re.compile(r"\s*[(\[{<]\s*(?:at|arobase|chez)\s*[)\]}>]\s*|\s+arobase\s+|\s*\barobase\b\s*")
# Both sides spaced ("cheapstuff . com"); one side only is a sentence ("St. Malo", "Dr. Brown").
_SPACED_DOT = re.compile(r"(?<=[a-z0-9])\s+\.\s+(?=[a-z0-9])")
# A space before the dot and none after, then a suffix that is no French or English word: "cheapstuff .com".
# Some customers type a space before every full stop, so a word there ("dragons .même", .meme is a suffix) is prose.
_SPACE_BEFORE_DOT = re.compile(r"(?<=[a-z0-9])\s+\.(?=(?:com|net|org|fr|eu|be|ch|ca|io|biz|info|xyz|ru|cn|co)\b)")
# After "www", any spacing around the dots of the next label and its suffix: "www .bonplan. fr", "www. bonplan .fr".
# "www . bonplan . com", and with spaces for dots, "www bonplan com": "www" says what follows is a host.
_SPACED_WWW = re.compile(
    r"\bwww(?:\s*\.\s*([a-z0-9-]+)\s*\.\s*(?=[a-z]{2,24}\b)|\s+([a-z0-9-]+)\s+(?=(?:com|net|org|fr|co|eu|io|info|"
    r"biz|xyz|ru|cn|shop|store|online|top|site|de|be|ch|ca|us|uk|me)\b))"
)
# Link shorteners: a link whatever follows. With a space for the dot, one is still a link before its path: "bit ly
# slash freeiphone", "tinyurl com/abc123"; not "a tiny cc of oil", "the short io port", "is gd", "t co", "wa me".
SHORTENERS = frozenset(
    "bit.ly tinyurl.com t.co goo.gl ow.ly is.gd buff.ly rebrand.ly cutt.ly youtu.be tiny.cc shorturl.at rb.gy "
    "s.id lnkd.in discord.gg wa.me t.me amzn.to amzn.eu bl.ink short.io linktr.ee".split()
)
_SPACED_SHORTENER = re.compile(
    r"\b("
    + "|".join(
        sorted(rf"{re.escape(h.split('.')[0])}\s+{h.split('.')[1]}" for h in SHORTENERS if len(h.split(".")[0]) >= 3)
    )
    + r")(\s*)(?=/|slash\b)"
)
_SPACED_SCHEME = re.compile(r"\b(https?|ftp)\s*:\s*/\s*/\s*")
# A dot that is another character before a usual suffix: "example·com", "bonplan•fr", "site。com". Not French inclusive
# writing ("client·es", "lecteur·ices": no such suffix follows).
_ODD_DOT = re.compile(
    r"(?<=[a-z0-9])\s*[\u00b7\u2022\u2219\u2027\u22c5\u3002\uff61]\s*"
    r"(?=(?:com|net|org|fr|eu|io|co|info|biz|xyz|ru|cn|shop|store)\b)"
)
# The dot said as a word before a suffix that is no word: "bonplan dot com", "bonplan point fr". Not "point com" alone
# ("un bon point. Com…" has a full stop, which the view keeps) and not before a word ("a dot on the screen").
# An article is no domain: "the dot com era".
_SPOKEN_DOT = re.compile(
    r"\b(?!(?:the|a|an|one|this|that|le|la|les|un|une|des|du|de|au|ce|en)\s)([a-z0-9][a-z0-9-]*)\s+(?:dot|point|punkt)"
    r"\s+(?=(?:com|net|org|fr|eu|be|ch|ca|io|biz|info|xyz|ru|cn)\b)"
)


# Mail providers: "tom at gmail dot com" is an address (personal data's), "prices at jerseyking dot com" a shop.
WEBMAIL = frozenset(
    "gmail googlemail hotmail outlook live msn yahoo ymail aol icloud me mac protonmail proton pm gmx orange free "
    "sfr wanadoo laposte neuf bbox numericable yandex mail zoho tutanota".split()
)
_SPELLED_AT = re.compile(r"(?:\bat|\barobase|@)\s*$")
_CHEZ = re.compile(r"\bchez\s*$")


def _spoken_dot(m: re.Match[str]) -> str:
    """ "bonplan dot com" → "bonplan.com"; after a spelled "at" it is an e-mail's domain, personal data's to find
    ("tom dot baker at gmail dot com" is one address, not a link), and after "chez" when it is a mail provider's
    ("jean chez orange point fr"; "acheté chez decathlon point com" names a shop, a link)."""
    if _SPELLED_AT.search(m.string, 0, m.start()):
        return m.group(0)
    if m.group(1) in WEBMAIL and _CHEZ.search(m.string, 0, m.start()):
        return m.group(0)
    return m.group(1) + "."


# Two spaced-out words joined by a spaced hyphen, as a domain is hidden: "r a y b a n s - o u t l e t [dot] top".
_SPACED_HYPHENATED = re.compile(r"(?<![\w@$*])(?:[a-z0-9] ){2,}[a-z0-9] +- +(?:[a-z0-9] ){2,}[a-z0-9](?![\w@$*])")


def links_view(base: Mapped) -> Mapped:
    """``base`` with the usual ways of hiding a URL or an address undone."""
    view = base.sub(_SPACED_HYPHENATED, lambda m: m.group(0).replace(" ", ""))
    view = view.sub(_SPACED_LETTERS, lambda m: _SEPARATORS.sub("", m.group(0)) if " " in m.group(0) else m.group(0))
    view = view.sub(_SPACED_SCHEME, lambda m: m.group(1) + "://")
    view = view.sub(_BRACKETED_DOT, lambda m: ".")
    view = view.sub(_ODD_DOT, lambda m: ".")
    view = view.sub(_BRACKETED_AT, lambda m: "@")
    view = view.sub(_SPACED_WWW, lambda m: f"www.{m.group(1) or m.group(2)}.")
    view = view.sub(_SPACED_SHORTENER, lambda m: re.sub(r"\s+", ".", m.group(1)) + m.group(2))
    view = view.sub(_SPACE_BEFORE_DOT, lambda m: ".")
    view = view.sub(_SPOKEN_DOT, _spoken_dot)
    return view.sub(_SPACED_DOT, lambda m: ".")


@dataclass(frozen=True)
class Normalised:
    """The original text and its views; views are built on first use and kept."""

    original: str

    @cached_property
    def base(self) -> Mapped:
        return base_view(self.original)

    # The ``words`` view's first step and its one choice, kept for :func:`joined_words`.
    @cached_property
    def _letters_joined(self) -> Mapped:
        return _joined_letters_view(self.base)

    @cached_property
    def _leet_hinted(self) -> bool:
        return _has_leet(self._letters_joined)

    @cached_property
    def words(self) -> Mapped:
        return _words_from(self._letters_joined, self._leet_hinted)

    @cached_property
    def links(self) -> Mapped:
        return links_view(self.base)


def normalise(text: str) -> Normalised:
    """Entry point: ``normalise(text).words.text`` to match on, ``.words.span(a, b)`` to report."""
    return Normalised(text)


def joined_words(lines: Sequence[Normalised]) -> str:
    """``normalise("\\n".join(line.original for line in lines)).words.text``, from each line's own views.

    The content rules normalise each field apart; this joins what they built instead of normalising the joined
    text again. No rewrite of the ``base`` or ``words`` views reaches across a line break, but one choice is made
    for the whole text: leetspeak is undone everywhere when any line hints at it ("2kg" in the body, "file_1" in
    the title), so a line that gave no hint of its own gets that pass here.
    """
    unleet = any(line._leet_hinted for line in lines)
    return "\n".join(
        line.words.text if line._leet_hinted == unleet else _words_from(line._letters_joined, unleet).text
        for line in lines
    )
