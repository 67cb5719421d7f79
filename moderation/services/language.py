"""A cheap guess of a text's language when the client did not say, for filters and reply templates.

French and English are the platform's languages; anything else stays unknown rather than guessed wrong.
"""

from __future__ import annotations

import re

WORD_RE = re.compile(r"[a-zàâäçéèêëîïôöùûüœ']+")
FRENCH = frozenset(
    "le la les un une des du de et est pas très trop mais pour avec sur dans ce cette ces je j'ai il elle nous "
    "vous ils sont été être avoir produit qualité rien tout bien mal peu plus moins déçu cher chaussures "
    "n'est c'est qu'il au aux ne que qui".split()
)
ENGLISH = frozenset(
    "the a an and is are was were not very too but for with on in this that these i i'm it's it he she we you "
    "they have has had be been product quality nothing all good bad little more less disappointed expensive "
    "shoes don't doesn't would could of to".split()
)


def guess_language(text: str) -> str | None:
    """'fr', 'en', or None when the evidence is too thin or split."""
    words = WORD_RE.findall(text.lower())
    fr = sum(w in FRENCH for w in words)
    en = sum(w in ENGLISH for w in words)
    if fr + en < 2:
        return None
    if fr >= 2 * en + 1:
        return "fr"
    if en >= 2 * fr + 1:
        return "en"
    return None
