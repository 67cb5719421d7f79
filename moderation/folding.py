"""Text folded for search: accents, case and a few look-alike letters removed, so that "echange" finds "Échange".

Folded once, when a row is written (``models.search``), into a ``search_text`` column that both databases search
with a plain ``LIKE`` (and PostgreSQL serves from a trigram index): no ``unaccent`` extension, no per-row function
at query time, the same answer on SQLite and PostgreSQL. The query is folded by the same function.
"""

from __future__ import annotations

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


def fold(text: str | None) -> str:
    """``text`` without accents, in lower case, with runs of white space made one space (``None`` → ``""``)."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.translate(_EXTRA).split())


def fold_fields(*parts: str | None) -> str:
    """Several fields folded into one searchable text; a newline between them, so no match spans two fields."""
    return "\n".join(fold(p) for p in parts if p)
