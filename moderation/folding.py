"""Text folded for search: accents, case and look-alike letters removed, so that "echange" finds "Échange" and
"idiot" finds "idiоt" (a Cyrillic "о").

Folded once, when a row is written (``models.search``), into a ``search_text`` column that both databases search
with a plain ``LIKE`` (and PostgreSQL serves from a trigram index): no ``unaccent`` extension, no per-row function
at query time, the same answer on SQLite and PostgreSQL. The query is folded by the same function.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent, and typographic look-alikes.
_EXTRA = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ħ": "h",
        "ı": "i",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
    }
)


# Letters of other scripts that look like a Latin letter (lower case: the view is casefolded first), from Unicode's
# confusables (UTS #39) for Cyrillic, Greek, Armenian and Latin small capitals. "idiоt" and "www.bоnplan.fr" with a
# Cyrillic "о" read as "idiot" and "www.bonplan.fr" to a customer, and must to the rules.
_LOOKALIKES = str.maketrans(  # two strings of one length: maketrans refuses any other
    "авеімнорстухѕԁһӏԛԝьүпјкг"  # Cyrillic
    "αβγεηικνορτυχωϲϳ"  # Greek
    "օսհոց"  # Armenian
    "ıɩɑɡɪʀꜱᴄᴠᴡᴢʜɴᴍᴋᴛᴜᴘᴇᴅʙʟғ",  # dotless i, small capitals
    "abeimhopctyxsdhlqwbynjkrabyenikvoptuxwcjouhngiiagirscvwzhnmktupedblf",
)
_LOOKALIKE_SET = frozenset(chr(c) for c in _LOOKALIKES)
_TOKEN = re.compile(r"\S+")
_LATIN = re.compile(r"[a-z]")


def unmask_lookalikes(text: str) -> str:
    """Look-alike letters read as the Latin letter they imitate, in a token (a run without spaces: a word, a
    domain) that also holds Latin letters. A word wholly in another script (Russian, Greek) stays as it is; one
    character for one, so the view keeps its map."""
    if _LOOKALIKE_SET.isdisjoint(text):
        return text
    return _TOKEN.sub(lambda m: m.group(0).translate(_LOOKALIKES) if _LATIN.search(m.group(0)) else m.group(0), text)


def fold(text: str | None) -> str:
    """``text`` without accents, in lower case, with runs of white space made one space (``None`` → ``""``)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # Look-alikes last: "idiоt" with a Cyrillic "о" is found by "idiot", as the content rules read it (after the
    # accents are gone, so "ö" in a Latin word is "o" already and "о" in a Russian word stays Cyrillic).
    return " ".join(unmask_lookalikes(bare.translate(_EXTRA)).split())


def fold_fields(*parts: str | None) -> str:
    """Several fields folded into one searchable text; a newline between them, so no match spans two fields."""
    return "\n".join(fold(p) for p in parts if p)
