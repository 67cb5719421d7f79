"""Slurs for peoples, sexual orientation and gender identity that the built-in word lists lack, and the short forms
that need the words around them ("pd", "négro", "bamboula", "romano"); held as ``abusive`` through
``hate.coded_hate``, whether said of one person or a group.

The lists themselves live in ``moderation/content/data``, read by ``words``; these are kept here, matched the same
way (``words.entry_regex``: accents, case, leetspeak, masked letters and plurals), until they are merged there.
A slur quoted as what someone said to the author is not held (``shapes.unquoted`` drops quoted spans).
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderation.content.phases.literals import words_of
from moderation.content.phases.shapes import NARRATIVE, SECOND_PERSON, STAFF, sentence_around
from moderation.content.phases.words import entry_regex

# Slurs that are nothing else: a people, a faith, a sexual orientation or gender identity called by its insult.
_SLURS = (
    # English: Latin Americans, Arabs and Muslims, South Asians, Roma and Travellers, East Asians, Black people,
    # trans and gay people.
    "wetback beaner raghead towelhead sandnigger paki pikey gyppo gippo chinky chinkies gook zipperhead wog jigaboo "
    "shemale troon poofter faggit fagg0t niggah nigguh"
    # French: Arabs, Asians, Jews, gay and trans people.
    " bougnoul bounioul crouille niakoue chinetoque youtre tafiole fiotte travelo"
).split()
_PHRASES = ("porch monkey", "porch monkeys", "jungle bunny", "jungle bunnies", "batty boy", "batty boys")
# Short forms read only as a person: "le vendeur est un pd", "truc de pd", "les pd du SAV"; not USB Power Delivery
# ("chargeur PD 65W", "compatible PD 3.0", "prise en charge du PD"), a police department ("the PD"), a PDG.
_PD = (
    r"(?<![a-z0-9-])(?:les|des|un|de|d.|pour|ces|ce|sale|sales|gros|sont|est|es|t.es|c.est|tous|en|entre|vieux|petit|"
    r"espece de|bande de|que des|qu.un|quel|quelle|comme un|comme des) pds?(?![a-z0-9])(?!\s*(?:\d|de \d|[-/.]\d|"
    r"charg\w*|w\b|watts?|ports?|usb|type|fast|rapide|compatible|protocol\w*|power|pps|qc|max|in\b|out\b|input|output|"
    r"entree|sortie))"
)
_CONTEXTUAL = (
    _PD,
    # "ce négro de livreur", "les négros"; not a wine or a beer ("vino negro", "Negroamaro").
    r"\b(?:ce|cet|un|les|des|sale|sales|ces|gros|espece de|bande de|que des|sont des) negro(?:s|es)?\b(?! (?:wine|"
    r"vino|beer|modelo|pinot|amaro)\b)",
    # "ce bamboula"; not the party ("on a fait la bamboula").
    r"(?<!\bla )(?<!\bune )\bbamboulas?\b",
    # "les romanos du parking"; not the cheese ("pecorino romano").
    r"\b(?:les|des|ces|un|ce|sale|sales|sont|c.est|espece de|bande de|que des|sont des|une) romanos?\b",
)
_GATE_WORDS = frozenset(
    {w for s in _SLURS for w in (s, s + "s", s + "es", s + "e", s + "es")}
    | {w for p in _PHRASES for w in p.split()[:1]}
    | {"pd", "pds", "negro", "negros", "negroes", "bamboula", "bamboulas", "romano", "romanos", "niggahs", "nigguhs"}
)


_AT_SOMEONE = re.compile(f"{STAFF.pattern}|{SECOND_PERSON.pattern}")


@lru_cache(maxsize=1)
def _slurs_re() -> re.Pattern[str]:
    listed = [entry_regex(entry) for entry in (*_SLURS, *_PHRASES)]
    return re.compile("|".join(f"(?:{p})" for p in (*listed, *_CONTEXTUAL)))


def slurs(text: str) -> list[re.Match[str]]:
    """The slurs above in the ``words`` view; a masked one ("p*ki") is looked for wherever a "*" is."""
    if not (_GATE_WORDS & words_of(text) or "*" in text):
        return []
    found = list(_slurs_re().finditer(text))
    if found and NARRATIVE.search(text):
        # A role in a film or a word in a book ("jouer les travelos"): only a slur at staff or at "you" is held.
        return [m for m in found if _AT_SOMEONE.search(sentence_around(text, m.start(), m.end()))]
    return found
