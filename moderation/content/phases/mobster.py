"""The mobster's idioms, said of what a person owns or of the staff, in French and English (searched by ``threats``,
held as ``abusive``; ``menace`` has the plain ones):

- hoping never to meet the speaker: "staff better hope I don't bump into them", "le livreur a intérêt à prier pour
  que je le croise pas"; not "you'd better hope you never need their customer service";
- the staff's car or tyres to be watched: "M. Dufresne a intérêt à surveiller ses pneus", "your manager should keep
  an eye on his tyres from now on"; not "vous avez intérêt à surveiller votre voiture, le parking n'est pas gardé",
  "on a intérêt à surveiller ses pneus" with a pump, "mon mari a intérêt à surveiller ses pneus";
- "shame if something happened" to anything "of yours", or to it "one night", or "if your windows got smashed",
  unless a remedy follows ("…, so get a case", "prenez le point relais");
- a mishap coming to the staff: "il va finir par arriver des bricoles au vendeur".

Each shape is searched only around the words it needs (``near.Near``). Matching is on the ``words`` view: accents
and case folded.
"""

from __future__ import annotations

import re

from moderation.content.phases.literals import words_of
from moderation.content.phases.menace import EN_NAMED_DESCRIBED, FR_NAMED_NOUN
from moderation.content.phases.near import Near
from moderation.content.phases.shapes import Q as _Q

# ---- Hoping not to meet the speaker; the staff's car watched --------------------------------------------------------
_UNMET = Near(
    [
        (
            rf"\b(?:better|best|should|{_Q}d better|had better) (?:hope|pray) (?:that )?(?:i|we) (?:don.?t|do not|"
            r"never|won.?t|will never|dont)(?: ever)? (?:(?:see|bump into|run into|catch|clock|come across|find) "
            rf"(?:you|u|ya|him|her|them|{EN_NAMED_DESCRIBED})\b|(?:meet|cross paths)\b)",
            "hope pray",
        ),
        (
            rf"\b(?:prier|prie|priez|priera|esperer|espere|esperez) (?:pour )?(?:que |qu{_Q}\s*)(?:je|j{_Q}\s*|"
            rf"on)\s*(?:ne |n{_Q}\s*)?(?:le |la |l{_Q}\s*|les |te |t{_Q}\s*|vous )(?:croise|recroise|chope|attrape|"
            r"rattrape|retrouve|trouve)\w* (?:pas|jamais|plus)\b",
            "prier prie priez priera esperer espere esperez",
        ),
    ],
    back=30,
    ahead=80,
)
# "M. Dufresne a intérêt à surveiller ses pneus", "the manager should keep an eye on his tyres from now on". Not "vous
# avez intérêt à surveiller votre voiture", the hotel's car park, nor "on a intérêt à surveiller ses pneus" with a pump,
# nor "mon mari a intérêt à surveiller son vélo": only the staff or someone named by their title, or "il" and "elle"
# from now on.
_FR_TARGETS = r"(?:pneus|voiture|bagnole|caisse|vitres|vitrine|maison|baraque|boite aux lettres|arrieres)"
_EN_TARGETS = r"(?:tyres|tires|car|windows|brakes|letterbox|mailbox)"
_FROM_NOW = (
    r"(?:a partir de (?:maintenant|ce soir|demain|aujourd.hui)|desormais|dorenavant|from now on|if i were (?:him|her)|"
    r"just saying|je dis ca)"
)
# Or themselves, as "she'd better watch her back" is in English: "la caissière a intérêt à faire gaffe à elle".
_FR_WATCH = (
    r"(?:(?:a|aura|aurait) (?:tout |bien |vraiment )?interet a|ferait (?:bien|mieux) de) (?:bien |tres bien "
    rf")?(?:(?:surveiller|garder un oeil sur|faire attention a) (?:ses|sa|son) {_FR_TARGETS}\b|(?:faire gaffe|faire "
    r"attention) a (?:elle|lui|eux|elles)(?: desormais| maintenant)?\b(?! (?:et|pour|en|quand|avec)\b)|se mefier\b|"
    r"regarder derriere (?:elle|lui|eux))"
)
_WATCHED = Near(
    [
        (
            rf"(?:\b(?:{FR_NAMED_NOUN}|chef|responsable)\b(?: [a-z]+){{0,3}}|\bm\.? [a-z]+|\b(?:monsieur|madame|mme|mr|"
            rf"mlle) [a-z]+),? {_FR_WATCH}",
            "interet ferait",
        ),
        (
            rf"\b(?:il|elle) {_FR_WATCH}[^.!?]{{0,30}}\b{_FROM_NOW}",
            "interet ferait",
        ),
        (
            rf"\b(?:he|she|{EN_NAMED_DESCRIBED})(?:{_Q}d| had| should| better|{_Q}d better| had better| might want to| "
            r"would do well to)(?: better)? (?:keep (?:a close |an )?eye on|watch|check|look after|mind) (?:his|her|"
            rf"their) {_EN_TARGETS}\b[^.!?]{{0,20}}\b{_FROM_NOW}",
            "tyres tires car windows brakes letterbox mailbox",
        ),
    ],
    back=80,
    ahead=60,
)

# ---- The mobster's "shame if something happened" to anything of theirs ----------------------------------------------
# At night, or by their home: "…to your car one of these nights", "…à ta moto garée devant chez toi". Not "while
# you're away" (a camera's review) nor "one day" (advice to insure it).
_ONE_NIGHT = (
    r"(?:one (?:night|evening)|one of these nights|some ?night|une nuit|une de ces nuits|un de ces soirs|cette nuit|"
    r"pendant (?:la nuit|ton sommeil|que tu dors)|(?:garee?s? |stationnee?s? )?(?:devant|en bas de) chez (?:toi|lui|"
    r"elle))"
)
# "…, so use the throw", "…, prenez le point relais": a shame avoided by buying or doing something.
_NO_REMEDY = (
    r"(?![^.!?]{0,50}\b(?:so|get|buy|use|take|insure|when you|if you|prenez|prends|achetez|utilisez|alors|donc|pensez|"
    r"quand (?:tu|vous)|si (?:tu|vous))\b)"
)
_SHAME = Near(
    [
        (
            r"\b(?:shame|pity) if (?:something|anything|sth|smth|owt)(?: bad| terrible| unfortunate| nasty)? "
            r"(?:happened|happens|happen|were to happen|was to happen|should happen|would happen) to (?:it|them|your|"
            r"ur|that|those|this|these|his|her|their)\b(?:(?: [a-z']+){0,4}? of (?:yours|urs|his|hers|theirs)\b|(?: "
            rf"[a-z']+){{0,4}}? {_ONE_NIGHT}){_NO_REMEDY}",
            "shame pity",
        ),
        (
            rf"\b(?:dommage|malheureux|triste) (?:qu{_Q}\s*il|s{_Q}\s*il|si jamais il) (?:(?:te|vous|lui|leur) "
            r")?(?:arrive|arrivait|arrivera|arriverait) (?:quelque chose|qqch|qqc|un truc|un malheur|un accident|un "
            rf"pepin|malheur|des bricoles) (?:a|au|aux)\b(?: [a-z']+){{1,5}}? {_ONE_NIGHT}{_NO_REMEDY}",
            "dommage malheureux triste",
        ),
        # "…if your shop windows got smashed one night", "…if your tyres got slashed".
        (
            r"\b(?:shame|pity) if (?:your|ur|his|her|their) (?:[a-z]+ ){0,2}?(?:windows?|tyres|tires|car|van|bike|"
            r"shop|store|house|door|sign|paintwork) (?:got|get|gets|were|was|ended up) (?:smashed|slashed|keyed|"
            rf"torched|vandali[sz]ed|broken into|set on fire|burn[te]d?|spray[- ]painted|kicked in){_NO_REMEDY}",
            "shame pity",
        ),
    ],
    back=10,
    ahead=120,
)
# "il va finir par arriver des bricoles au vendeur": a mishap coming to a person by their job.
_MISHAP_TO = Near(
    [
        (
            r"\bil (?:va|pourrait|risque de|peut|finira par) (?:(?:finir par|bien) )?arriver (?:des bricoles|malheur|"
            rf"un malheur|des ennuis|un accident) (?:a (?:ce|cette|la|le|l{_Q}\s*|ton|ta|votre)|au|aux) (?:[a-z]+ "
            rf")?{FR_NAMED_NOUN}\b",
            "arriver",
        ),
    ],
    back=40,
    ahead=60,
)

_ANCHORS = frozenset().union(*(near.anchors for near in (_SHAME, _UNMET, _WATCHED, _MISHAP_TO)))


def mobster(text: str) -> list[re.Match[str]]:
    """The mobster's idioms in the ``words`` view (see the module's docstring)."""
    if _ANCHORS.isdisjoint(words_of(text)):
        return []
    return _SHAME.finditer(text) + _UNMET.finditer(text) + _WATCHED.finditer(text) + _MISHAP_TO.finditer(text)
