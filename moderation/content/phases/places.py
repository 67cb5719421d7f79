"""Every country and region by its English and French name, for the shapes that name where people come from
(``hate``'s people called animals by place, ``hate_whistles``' people sent back)."""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from moderation.content.normalise import base_view


@lru_cache(maxsize=1)
def places() -> str:
    """Every country and region by its English and French name, accents and case folded as the ``words`` view has
    them: Unicode CLDR's names, as Babel ships them (no list of our own to keep up to date)."""
    names = {"middle east", "moyen orient", "moyen-orient", "third world", "tiers monde", "tiers-monde"}
    for locale in ("en", "fr"):
        for name in Locale(locale).territories.values():
            name = re.sub(r"\s*\(.*?\)", "", name)  # "Congo (RDC)": the name people write is before the brackets
            folded = base_view(name).text.replace("’", "'").strip()
            if len(folded) >= 4:
                names.add(folded)
    return "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True)) + ")"
