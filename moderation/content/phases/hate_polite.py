"""Hate said politely, in French and English (searched by ``threats``, held as ``abusive`` under the label "hate"):

- a shop asked not to hire a group, or not to put it at the till: "I'd prefer the store stopped hiring people from
  certain countries", "ce serait bien que le magasin évite de mettre des musulmans en caisse". Hiring "more staff"
  or "students" names no group, and "évitez de mettre des noirs avec les blancs" is the laundry;
- (people sent back "where they came from", said politely, are ``hate._EXPULSION``'s, with the group it needs named
  before them).

Matching is on the ``words`` view: accents and case folded.
"""

from __future__ import annotations

import re

from moderation.content.phases.shapes import any_of

_GROUP_EN = (
    r"(?:people from (?:certain|some|those|other|these|third world|poor) countries|foreigners|immigrants|migrants|"
    r"muslims|arabs|blacks|black people|africans|asians|jews|gypsies|roma|pakis|mexicans|refugees|women in hijabs)"
)
_GROUP_FR = (
    r"(?:(?:des |les )?(?:gens|personnes) (?:de certains pays|de ces pays|venus d.ailleurs|d.origine etrangere)|"
    r"(?:des |les )?(?:etrangers|etrangeres|immigres|immigrees|migrants|musulmans|musulmanes|arabes|noirs|noires|"
    r"africains|africaines|asiatiques|juifs|roms|gitans|maghrebins|beurs|renois|rebeus|voilees|femmes voilees|"
    r"refugies))"
)
_SHAPES = [
    rf"\b(?:stop(?:ped)?|quit|avoid(?:ed)?|refuse to|no more|not) (?:hiring|employing|putting|recruiting|seating) "
    rf"{_GROUP_EN}\b",
    rf"\b(?:arrete\w*|evite\w*|cesse\w*|refuse\w*|plus) (?:d.|de )?(?:(?:embaucher|recruter|engager|employer) "
    rf"{_GROUP_FR}\b|(?:mettre|placer) {_GROUP_FR} (?:en caisse|a la caisse|aux caisses|a l.accueil|au comptoir|en "
    r"rayon|au service|derriere (?:le|la) (?:comptoir|caisse)))",
]
_PATTERN = any_of(_SHAPES)
GATE = re.compile(
    r"hiring|employing|recruiting|seating|putting|embaucher|recruter|engager|employer|(?:mettre|placer) (?:des|les) "
)


def polite_hate(text: str) -> list[re.Match[str]]:
    """The shapes of this module in the ``words`` view ``text``."""
    return list(_PATTERN.finditer(text))
