"""Safety language, French and English: it does not hold anything, it lifts the case to the top of the queue.

Patterns name harm (injury, burn, fire, smoke, shock, allergy, choking, cuts, hospital), hazardous behaviour of a
product (overheating, sparks, explosion, brakes failing, a thermostat that does not cut out) and the words of
the trade (hazard, dangerous, recall). Figurative uses stay out by shape rather than by listing them: "fire" needs
"caught/catch/on fire" or "fire hazard" ("this price is fire", "fire sale" do not), "smoking hot" and
"dangerously good" are excluded, "shock" needs "electric" or a body ("shocked by the price" is not), "allergic" needs
a reaction, "recall" needs a product ("I recall" is memory), "killer", "bomb", "ça déchire" and "qui tue" are not
in the list at all. Words end where they end ("Samuel" is no "samu", "hospitality" no hospital, "choker" no choking),
and idioms and trades keep their sense: "là où le bât blesse", "au risque de", "m'a rappelé", "faire des étincelles",
"an explosion of flavours", smoked salmon, a knit's stitches, a dye that bleeds in the wash. Matching is on the
accent-folded ``base`` view.
"""

from __future__ import annotations

import re

from moderation.content.verdict import Action, Context, Match, Reason

_EN = [
    r"fire (?:hazard|risk|danger)",
    r"(?:caught|catch(?:es|ing)?|set|sets|went up|goes up) (?:on )?(?:fire|in flames)",
    r"burst into flames?|flames? (?:came|coming|shot)",
    r"(?:started|start|starts) a fire|house fire",
    r"burn(?:s|ed|t|ing)? (?:my|his|her|their|our|the (?:skin|hand|finger)s?|mark|marks|hole|smell)|burn(?:s|"
    r"ed|t)? (?:him|her|me|us)",
    r"(?:\d|first|second|third)[- ]degree burns?|burns? (?:on|to) (?:my|his|her)",
    r"smell(?:s|ed|ing)? (?:of |like )?burn(?:ing|t)|burning smell",
    # Smoke from the thing, not smoked salmon or glass, smokers, or a smoking area.
    r"smokes?\b(?<!no smoke)(?<!no-smoke)(?!-free)(?! free)|smoking\b(?! (?:hot|deal|area|room|section|ban|zone|"
    r"jacket))",
    r"sparks?(?:ed|ing)? (?:came|flew|fly|coming|out)|sparks? (?:from|when)|sparking",
    r"electric(?:al)? shocks?|(?:got|gave|get|gives|giving) (?:me |him |her |us )?(?:a |an )?(?:nasty |"
    r"bad )?(?:electric )?shock|shocked (?:me|him|her|us)\b|electrocut\w*",
    r"overheat\w*|over-heat\w*|too hot to (?:touch|hold)|scorching hot|red hot|hot to the touch|melted (?:the|"
    r"my|a|through)|(?:plug|cable|cord|wire|plastic|casing|batter(?:y|ies)|charger|adapter|socket) "
    r"(?:\w+ ){0,3}?melted",
    r"explod\w*|explosion\b(?! (?:of|de) (?:flavou?rs?|tastes?|colou?rs?|saveurs?|gouts?|couleurs?))|blew up|blows up",
    r"(?:batter(?:y|ies)) (?:swell|swelled|swollen|swelling|bulg\w*)",
    r"injur\w*|(?:hurt|hurts) (?:my|his|her|me|him|myself|himself|herself|their)|nobody was hurt|got hurt|was hurt",
    r"(?:cut|cuts|sliced) (?:my|his|her|their|our) (?:hand|finger|thumb|leg|foot|arm|face)|(?:nasty|deep|"
    r"bad) cut|bleed(?:s|ing)?\b|bled\b",
    # Stitches in a person, not in a knit.
    r"(?:needed|need|got|get|required|had|gave (?:me|him|her)) (?:\d+ |a few |several |some )?stitches|stitches "
    r"(?:in|on|to) (?:my|his|her|their|the) (?:hand|finger|head|face|leg|arm|knee|chin|lip|foot|thumb|forehead)",
    r"hospital(?:s|i[sz]ed|i[sz]ation)?\b|(?:the |to )(?:er|a&e)\b|emergency room|urgent care|ambulance",
    r"allergic reactions?|(?:had|having|got|caused?|causing|triggered) (?:an? )?(?:severe |bad )?(?:allergic|"
    r"allergy|allergies)|anaphyla\w*|rash(?:es)? all over|broke out in",
    r"chok(?:e|ed|es|ing)\b|suffocat\w*|strangl\w*",
    r"brakes? (?:fail\w*|gave out|gave way|stopped|don'?t work|do not work|doesn'?t work|went|locked)|brake failure",
    r"(?:doesn'?t|does not|won'?t|will not|didn'?t|never) (?:switch|turn|shut|cut) (?:itself )?off|boil(?:s|ed)? dry",
    r"hazard(?:ous)?|dangerous(?!ly)|unsafe|not safe|safety (?:issue|risk|hazard|concern)",
    r"recall (?:this|the|it|these|them|immediately)|recalled|product recall|should be recalled",
    r"collapsed|collapses|tipped over|gave way under",
    r"toxic|poison\w*|fumes",
    r"(?:sent|went|ended up|rushed) (?:\w+ ){0,2}(?:to )?(?:the )?(?:hospital|er|a&e)",
]
_FR = [
    r"(?:a |ont |avait |as )?(?:pris|prend|prendre|prennent) feu|(?:en|au) feu\b|incendi\w*|depart de feu",
    r"(?:des|en|les) flammes|flammes? (?:sort|sortent|jaillis)\w*",
    # Not the dessert, food burnt in a pan (a cooking complaint), or a topic that is "brûlant".
    r"brulure\w*|(?<!creme )brule[es]{0,2}\b(?! (?:(?:les?|la|l'|mes|mon|ma|du|des) )?(?:saucisses?|riz|pates|"
    r"gateaux?|pain|viande|steaks?|oignons?|sauces?|toasts?|tartines?|crepes?|pizzas?|legumes|fond|lait|cafe)\b)"
    r"|(?<!sujet )(?<!question )(?<!actualite )(?<!dossier )brulant\w*|odeur de (?:brule|plastique brule|cram)"
    r"|cram[ae]\w*",
    r"fumee(?<!pas de fumee)\w*|fume (?:noire|blanche)",
    r"(?<!faire des )(?<!fait des )(?<!font des )(?<!fera des )etincelles?",
    r"court[- ]circuit\w*|decharge\w*|electrocut\w*|electrise\w*|choc electrique",
    r"surchauff\w*|chauffe (?:enormement|beaucoup trop|trop|anormalement)|(?:devient|trop) (?:tres )?chaud",
    r"(?:batterie|chargeur|prise|cable|cordon|fil|adaptateur|plastique|boitier|multiprise)s? (?:\w+ ){0,3}?fondu",
    r"explos(?!if|ive)\w*\b(?! (?:de|of) (?:saveurs?|gouts?|couleurs?|flavou?rs?|tastes?|colou?rs?))|a (?:explose|"
    r"eclate)|(?:batterie|pile|visage|levres?|yeux|mains?|gorge)s? (?:\w+ ){0,2}gonfl\w*|gonflement",
    # Hurt, not "là où le bât blesse" (the catch) or English "blessed".
    r"(?<!bat )bless(?:e|ee|es|ees|er|ure|ures)\b|(?:s'est|me suis|se sont|s'etait) (?:coupe|brule|blesse)\w*|"
    r"coupure\w*|saign\w*|points de suture",
    r"hopital|urgences|samu\b|pompiers|hospitalise(?:e|s|es)?\b",
    # A reaction, not a shop that caters for allergies: "j'ai fait une allergie", "réaction allergique".
    r"(?:reaction|crise|choc) allergique|(?:fait|fais|faire|eu|provoque\w*|donne|declenche\w*|cause\w*) (?:une |des "
    r"|de l'|d')?(?:grosse |forte |violente )?allergie\w*|allergique (?:a|au|aux) (?:ce|cette|ces)\b|eczema|"
    r"plaques rouges|urticaire|oedeme",
    r"etouff\w*|asphyx\w*|etrangl\w*",
    r"freins? (?:ne (?:fonctionne|marche)\w* (?:plus|pas)|(?:a|ont) lache|lache\w*|defaillant\w*|ne repond\w* plus)",
    r"ne (?:se )?(?:coupe|s'arrete|s'eteint|disjoncte) (?:pas|plus|jamais)",
    r"danger(?<!sans danger)\w*|(?<!au )(?<!sans )risque (?:d'|de |pour )|(?:pas|non) securis\w*|(?:probleme|defaut|"
    r"risque) de securite",
    r"rappel(?:e|er)? (?:produit|de securite|du produit)|produit rappele|(?:a|ont) ete rappele\w* par (?:le "
    r"fabricant|la marque|le constructeur)|retir\w* de la vente",
    r"(?<!by )(?<!par )accidents?\b|toxiques?\b|intoxi\w*|emanations?",
    r"(?:failli|manque de) (?:s'|m'|t')?(?:etouffer|bruler|electrocuter|tomber)",
]
_BLADE = re.compile(r"couteau|lame|ciseaux|knife|blade|scissors|tondeuse")
# A colour that bleeds in the wash is a dye, not blood: "the red bled onto the white", "it did bleed in the wash".
_BLEED = re.compile(r"bleed(?:s|ing)?|bled")
_DYE = re.compile(r"colou?r|dye|ink|fabric|white|wash|stripe|onto|into|through")
_SAFETY = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in _EN + _FR) + r")")
# The knife that "ne coupe pas" is blunt, not dangerous; the thermostat that "ne coupe pas" overheats.
_CUT_OUT = re.compile(r"ne (?:se )?coupe (?:pas|plus|jamais)")
# Fuel catching fire is what a firelighter, charcoal or a stove is bought for: "les bûches prennent feu vite", "set
# fire to the logs in minutes". Only the fire words, and only with the fuel as what burns: "le barbecue a pris feu"
# has no fuel, and "les flammes ont brûlé ma main" is still a burn.
_CATCHING_FIRE = re.compile(
    r"\b(?:caught|catch\w*|set|sets|went up|goes up|pris|prend|prendre|prennent) .*(?:fire|feu)"
)
_FUEL = (
    r"(?:logs?|wood|firewood|kindling|charcoal|coals?|briquettes?|firelighters?|fire ?starters?|tinder|bois|buches?|"
    r"charbon|braises?|allume[- ]feux?|brindilles)"
)
# The fuel, up to two words (an adverb, an adjective) and the fire words; not a material ("en bois", "de bois").
_FUEL_BEFORE = re.compile(rf"(?<!\ben )(?<!\bde )\b{_FUEL}(?:\s+[a-z]+){{0,2}}\s+$")
# "to" the fuel, then the end of the clause or how it burns: "set fire to the logs in minutes", not "… wood table".
_FUEL_AFTER = re.compile(
    rf"\s+to\s+(?:the |some |my |our |a few )?{_FUEL}s?(?=\s*(?:$|[.,;:!?]|(?:in|within|quickly|fast|easily|"
    r"without|with|and|at once|instantly)\b))"
)


def _fuel_catching_fire(text: str, m: re.Match[str]) -> bool:
    """Whether ``m`` is a fuel catching fire, the fuel right before it ("les bûches prennent feu", "the charcoal
    quickly caught fire"), or fire set to a fuel right after it ("set fire to the logs in minutes"). A material is no
    fuel ("la table en bois a pris feu", "set fire to the wood table"), nor is anything further away ("the stove
    caught fire next to the wood pile")."""
    words = m.group(0)
    if not _CATCHING_FIRE.search(words):
        return False
    if words.startswith("set"):
        return _FUEL_AFTER.match(text, m.end()) is not None
    return _FUEL_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) is not None


def _harmless_here(text: str, m: re.Match[str]) -> bool:
    """Whether what ``m`` matched is harmless in this text: a blade that "ne coupe pas" is blunt, a colour that bleeds
    in the wash is a dye, and a fuel catching fire is what it is for (``_fuel_catching_fire``)."""
    words = m.group(0)
    if _CUT_OUT.fullmatch(words):
        return _BLADE.search(text) is not None
    if _BLEED.fullmatch(words):
        return _DYE.search(text, max(0, m.start() - 40), m.end() + 40) is not None
    return _fuel_catching_fire(text, m)


def safety(ctx: Context) -> list[Match]:
    view = ctx.text.base
    found = []
    for m in _SAFETY.finditer(view.text):
        if _harmless_here(view.text, m):
            continue
        start, end = view.span(*m.span())
        found.append(Match(Reason.SAFETY.value, m.group(0), start, end, ctx.text.original[start:end], Action.LIFT))
    return found
