"""Hate said politely, in French and English (searched by ``threats``, held as ``abusive`` under the label "hate"):

- a shop asked not to hire a group, or not to put it at the till: "I'd prefer the store stopped hiring people from
  certain countries", "ce serait bien que le magasin évite de mettre des musulmans en caisse". Hiring "more staff"
  or "students" names no group, and "évitez de mettre des noirs avec les blancs" is the laundry;
- people sent back "where they came from" in a text about people: "the whole cabin crew was foreign and frankly they
  should all be sent back where they came from". Parcels sent back where they came from are returns.

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
    r"\b(?:they|these people|those people|them|ils|ces gens|ces gens-la)\b[^.!?\n]{0,30}\b(?:should|must|need to|"
    r"ought to|devraient|doivent|faudrait les) (?:all |tous )?(?:be sent|go|get sent|renvoyer|etre renvoyes|rentrer|"
    r"retourner|repartir) (?:back )?(?:to )?(?:where they came from|d.ou ils viennent|chez eux|dans leur pays)\b",
]
_PATTERN = any_of(_SHAPES)
# A text about people, for the third shape: "foreign", "ces gens", "the crew".
_PEOPLE = re.compile(
    r"\b(?:foreign|foreigners?|immigrants?|migrants?|these people|those people|crew|staff|employees|workers|"
    r"etrangers?|etrangeres?|immigres?|ces gens|personnel|equipe|employes)\b"
)
GATE = re.compile(
    r"hiring|employing|recruiting|seating|putting|embaucher|recruter|engager|employer|(?:mettre|placer) (?:des|les) |"
    r"where they came|d.ou ils viennent|chez eux|leur pays"
)


def polite_hate(text: str) -> list[re.Match[str]]:
    """The shapes of this module in the ``words`` view ``text``."""
    return [m for m in _PATTERN.finditer(text) if m.lastindex is None and (m.re is _PATTERN) and _about_people(text, m)]


def _about_people(text: str, m: re.Match[str]) -> bool:
    said = m.group(0)
    if said.startswith(("they", "these", "those", "them", "ils", "ces")):
        return _PEOPLE.search(text) is not None
    return True
