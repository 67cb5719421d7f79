"""Hate said politely, in French and English (searched by ``threats``, held as ``abusive`` under the label "hate"):

- a shop asked not to hire a group, or not to put it at the till: "I'd prefer the store stopped hiring people from
  Africa", "please hire fewer foreigners", "n'embauchez plus de gens venus du Maghreb", "ce serait bien que le magasin
  évite de mettre des musulmans en caisse". The group is named by what people are or where they come from (any
  country or region, ``places``); hiring "more staff", "students" or "people from temp agencies" names no group, and
  "évitez de mettre des noirs avec les blancs" is the laundry;
- a group said not to share "our values": "migrants at the counter again, they don't share our values", "trop de
  musulmans à l'accueil, ils ne partagent pas nos valeurs" (a brand that "doesn't share our values" is no group);
- (people sent back "where they came from", said politely, are ``hate._EXPULSION``'s, with the group it needs named
  before them).

Matching is on the ``words`` view: accents and case folded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderation.content.phases.hate_groups import GROUPS_EN, GROUPS_FR
from moderation.content.phases.places import places
from moderation.content.phases.shapes import any_of


def _groups(cldr: str) -> tuple[str, str]:
    # The regions people name that CLDR lacks.
    place = rf"(?:{cldr}|maghreb|balkans|north africa|afrique du nord|eastern europe|europe de l.est)"
    en = (
        r"(?:(?:people|persons|folks?|workers|staff|men|women|guys) (?:(?:who (?:are|come) |coming |originally )?from|"
        rf"of) (?:the )?(?:{place}|certain|some|those|other|these|third world|poor)(?: countries| origins?)?|"
        rf"(?:people|persons|folks) of colou?r|non-?whites|non-?europeans|{GROUPS_EN}|black people|women in hijabs)"
    )
    fr = (
        r"(?:(?:des |les |de |d.)?(?:gens|personnes|employes|salaries|hommes|femmes) (?:(?:venue?s|venant|originaires|"
        rf"issue?s) )?(?:de certains pays|de ces pays|d.ailleurs|d.origine etrangere|de couleur|(?:du |des |de la |de "
        rf"l.|de |d.|en )\s*{place})|(?:des |les |de |d.)?(?:{GROUPS_FR}|beurs|voilees|femmes voilees))"
    )
    return en, fr


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    en, fr = _groups(places())
    return any_of(
        [
            rf"\b(?:stop(?:ped|s)?|quit|avoid(?:ed)?|refuse to|no more|not|no longer) (?:hiring|employing|putting|"
            rf"recruiting|seating|taking on) {en}\b|\b(?:hire|employ|recruit) (?:fewer|less|no more|no) {en}\b",
            rf"\b(?:arrete\w*|evite\w*|cesse\w*|refuse\w*|plus|n.embauchez plus|ne recrutez plus|moins) (?:d.|de )?"
            rf"(?:(?:embaucher|recruter|engager|employer) {fr}\b|(?:mettre|placer) {fr} (?:en caisse|a la caisse|aux "
            r"caisses|a l.accueil|au comptoir|en rayon|au service|derriere (?:le|la) (?:comptoir|caisse)))|"
            rf"\b(?:n.embauchez|ne recrutez|n.engagez|n.employez) plus {fr}\b",
        ]
    )


_VALUES = re.compile(
    r"\b(?:they|these people|those people|ils|elles|ces gens(?:-la)?)\b (?:(?:do not|don.?t|dont|will never|never|"
    r"can.?t|cannot) (?:share|respect|accept|fit with)|(?:ne )?(?:partagent|respectent|partageront|acceptent) "
    r"(?:pas|jamais|aucune de)) (?:our|nos) (?:values|culture|way of life|valeurs|culture|mode de vie)\b"
)


@lru_cache(maxsize=1)
def _group_named() -> re.Pattern[str]:
    en, fr = _groups(places())
    return re.compile(rf"\b(?:{en}|{fr})\b")


GATE = re.compile(
    r"hiring|employing|recruiting|seating|putting|taking on|hire|employ|recruit|embauch|recrut|engag|employ|"
    r"(?:mettre|placer) (?:des|les) |our values|our culture|our way|nos valeurs|notre culture|notre mode"
)


def polite_hate(text: str) -> list[re.Match[str]]:
    """The shapes of this module in the ``words`` view ``text``."""
    found = list(_pattern().finditer(text))
    for m in _VALUES.finditer(text):
        if _group_named().search(text, 0, m.start()):
            found.append(m)
    return found
