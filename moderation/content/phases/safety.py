"""Safety language, French and English: it does not hold anything, it lifts the case to the top of the queue.

Patterns name harm (injury, burn, fire, smoke, shock, allergy, choking, cuts, hospital), hazardous behaviour of a
product (overheating, sparks, explosion, brakes failing, a thermostat that does not cut out) and the words of
the trade (hazard, dangerous, recall). Figurative uses stay out by shape rather than by listing them: "fire" needs
"caught/catch/on fire" or "fire hazard" ("this price is fire", "fire sale" do not), "smoking hot" and
"dangerously good" are excluded, "shock" needs "electric" or a body ("shocked by the price" is not), "allergic" needs
a reaction, "recall" needs a product ("I recall" is memory), "killer", "bomb", "ça déchire" and "qui tue" are not
in the list at all. Words end where they end ("Samuel" is no "samu", "hospitality" no hospital, "choker" no choking),
and idioms and trades keep their sense: "là où le bât blesse", "au risque de", "m'a rappelé", "faire des étincelles",
"an explosion of flavours", smoked salmon, a knit's stitches, a dye that bleeds in the wash. Smoke is smoke that
comes out of something, not a flavour or a smoker; a hospital is a stay or a trip there, not a place nearby. A harm
said not to be there ("no danger", "pas toxique", "won't choke"), a collar that is "choking me" and a bed that "hurt
my back" do not lift. Matching is on the accent-folded ``base`` view.
"""

from __future__ import annotations

import re
from itertools import chain

from moderation.content.phases.harm import harms
from moderation.content.phases.safety_talk import talk_not_hazard
from moderation.content.phases.shapes import NARRATIVE, quoted, sentence_around
from moderation.content.verdict import Action, Context, Match, Reason

# Things with a motor, a battery or a plug: what smokes ("the charger started smoking") and what a story does not
# own ("long story short, the charger exploded": see ``_THING``).
_APPLIANCES = (
    r"(?:unit|motor|engine|charger|batter(?:y|ies)|device|machine|appliance|toaster|heater|kettle|plug|cable|cord|"
    r"outlet|socket|adapter|fan|dryer|lamp|bulb|oven|stove|grill)"
)
# Appliances whose job is heat, praised for it (above).
_COOKERS = r"(?:oven|stove|grill|griddle|plancha|hob|skillet|pan)"
_EN = [
    r"fire (?:hazard|risk|danger)",
    r"(?:caught|catch(?:es|ing)?|set|sets|went up|goes up) (?:on )?(?:fire|in flames)",
    r"burst into flames?|flames? (?:came|coming|shot)",
    r"(?:started|start|starts) a fire|house fire",
    # Not food burnt in a pan, a cooking complaint: "burnt my toast", "burned our dinner".
    r"burn(?:s|ed|t|ing)? (?:(?:my|his|her|their|our)(?! (?:\w+ )?(?:toast|food|dinner|lunch|breakfast|pan|pot|bacon|"
    r"onions?|popcorn|rice|pizza|steak|sauce|cake|bread|coffee)\b)|the (?:skin|hand|finger)s?|mark|marks|"
    r"hole|smell)|burn(?:s|ed|t)? (?:him|her|me|us)",
    r"(?:\d|first|second|third)[- ]degree burns?|burns? (?:on|to) (?:my|his|her)",
    r"smell(?:s|ed|ing)? (?:of |like )?burn(?:ing|t)|burning smell",
    # Smoke from the thing, not smoked salmon, liquid smoke, a smoky flavour, smokers or a smoking area: smoke that
    # comes out, something that starts to smoke or is smoking, a room that fills with it.
    r"smoke (?:came|comes|coming|poured|pouring|billow\w*|rose|rising|started|starting|started coming) ?(?:out|"
    r"from|of)?|(?:started|starts|start|began|begins|begin) (?:to )?smok(?:e|ing)|(?:it|which|that|"
    rf"{_APPLIANCES}|board) (?:\w+ ){{0,2}}?(?:is|was|were|are|kept|keeps)? ?"
    r"smok(?:ing|ed|es)\b(?! (?:hot|deal|area|room|section|ban|zone|jacket))|(?:puff|cloud|plume|smell|wisp)s? "
    r"of (?:\w+ )?smoke(?! flavou?r)|smoke (?:out of|from) (?:the|it|my)|(?:set|sets|setting|triggered|set off) "
    r"(?:off )?(?:the |our |my )?(?:smoke|fire) alarm|(?:full of|filled with|filled up with) smoke",
    r"sparks?(?:ed|ing)? (?:came|flew|fly|coming|out)|sparks? (?:from|when)|sparking|(?:threw|throws|throwing|shot|"
    r"shooting|gave off|giving off|spat|spitting|emit\w*) sparks|could(?:'ve| have) (?:been|started|caused) a fire",
    r"electric(?:al)? shocks?|(?:got|gave|get|gives|giving) (?:me |him |her |us )?(?:a |an )?(?:nasty |little |"
    r"small |slight |mild |tiny |painful |"
    r"bad )?(?:electric )?shock|shocked (?:me|him|her|us)\b|electrocut\w*",
    r"overheat\w*|over-heat\w*|too hot to (?:touch|hold)|scorching hot|red hot|hot to the touch|melted (?:the|"
    r"my|a|through)|(?:plug|cable|cord|wire|plastic|casing|batter(?:y|ies)|charger|adapter|socket) "
    r"(?:\w+ ){0,3}?melted",
    r"explod\w*|explosion\b(?! (?:of|de) (?:flavou?rs?|tastes?|colou?rs?|saveurs?|gouts?|couleurs?))|blew up|blows up",
    r"(?:batter(?:y|ies)) (?:\w+ ){0,3}?(?:swell|swelled|swollen|swelling|bulg\w*)",
    # A device too hot, not a warm jacket: "the charger got so hot it left a brown mark", "scorch marks on the desk".
    # Not a cooker praised for its heat: "the oven gets so hot so fast", "the grill gets so hot it sears".
    rf"(?!{_COOKERS}s? (?:\w+ ){{0,3}}?(?:gets|got|is) (?:so |very |really |super )hot (?:so |very |really )?(?:fast|"
    rf"quickly|quick|evenly)\b|{_COOKERS}s? (?:\w+ ){{0,3}}?(?:gets|got|is) (?:so |very |really |super )hot (?:that )?"
    r"it (?:sears|cooks|crisps|browns|chars|leaves (?:perfect|nice|great|lovely|beautiful)))"
    rf"{_APPLIANCES}s? (?:\w+ ){{0,3}}?(?:got|gets|getting|became|becomes|was|is|ran|runs) (?:so |very |really |"
    r"extremely |super |dangerously |way too |too |incredibly |insanely )hot\b|scorch(?:ed|ing)? (?:marks?|the)|"
    r"scorch marks?",
    # A near miss told by what it could have done: "could have been fatal", "could've killed my son". Not boredom.
    r"could (?:have|'?ve|of) (?:been (?:fatal|deadly|lethal)|killed (?:me|him|her|us|them|someone|somebody|my \w+|"
    r"a (?:child|kid|baby)))\b(?! (?:with|from) (?:boredom|laughter|laughing))",
    # Not French "injures" (insults): "des injures racistes".
    r"injur(?:y|ies|ed|ing|ious|iously)\b|(?<!des )(?<!les )(?<!d')(?<!une )(?<!l')injures?\b|(?:hurt|hurts) (?:my|"
    r"his|her|me|him|myself|himself|herself|their)|nobody was hurt|got hurt|was hurt",
    r"(?:cut|cuts|sliced) (?:my|his|her|their|our) (?:hand|finger|thumb|leg|foot|arm|face)|(?:nasty|deep|"
    r"bad) cut|bleed(?:s|ing)?\b|bled\b",
    # Stitches in a person, not in a knit.
    r"(?:needed|need|got|get|required|had|gave (?:me|him|her)) (?:\d+ |a few |several |some )?stitches|stitches "
    r"(?:in|on|to) (?:my|his|her|their|the) (?:hand|finger|head|face|leg|arm|knee|chin|lip|foot|thumb|forehead)",
    # A stay or a trip, not a hotel near the hospital or a dress like a hospital gown.
    r"hospitali[sz](?:ed|ation)\b|in hospital\b|(?:the |to )(?:er|a&e)\b|emergency room|urgent care|ambulance",
    r"allergic reactions?|(?:had|having|got|caused?|causing|triggered) (?:an? )?(?:severe |bad )?(?:allergic|"
    r"allergy|allergies)|anaphyla\w*|rash(?:es)? all over|broke out in",
    r"chok(?:e|ed|es|ing)\b|suffocat\w*|strangl\w*|(?:started|start|was|were|began|kept) gagging",
    # "the brakes failed", "hydraulic brakes on this e-bike just quit": a few words between the brakes and the verb.
    r"brakes? (?:[\w-]+ ){0,4}?(?:fail\w*|gave out|gave way|stopped working|quit|died|cut out|don'?t work|do not work|"
    r"doesn'?t work|didn'?t work|did nothing|locked)|brakes? (?:stopped|went)\b|brake failure",
    r"(?:doesn'?t|does not|won'?t|will not|didn'?t|never) (?:switch|turn|shut|cut) (?:itself )?off|boil(?:s|ed)? dry",
    r"hazard(?:ous)?|dangerous(?!ly)|unsafe|not safe|safety (?:issue|risk|hazard|concern)",
    r"recall (?:this|the|it|these|them|immediately)|recalled|product recall|should be recalled",
    r"collapsed|collapses|tipped over|gave way under",
    # A fall nearly taken: "the sole peeled off on a ladder and I nearly fell 3 metres". Not asleep, in love, for a
    # trick, or off one's chair at the price.
    r"(?:nearly|almost) (?:fell|fallen|fall|slipped|went flying|came off (?:the|my))\b(?! (?:asleep|for|in love|"
    r"apart|off (?:my|his|her|the) (?:chair|seat|sofa|couch)|over laughing|out of love|behind))",
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
    # Not the smoke detector itself ("le détecteur de fumée a sonné quand j'ai cramé mes toasts").
    r"fumee(?<!pas de fumee)(?<!detecteur de fumee)(?<!detecteurs de fumee)\w*|fume (?:noire|blanche)",
    r"(?<!faire des )(?<!fait des )(?<!font des )(?<!fera des )etincelles?",
    r"court[- ]circuit\w*|decharge\w*|electrocut\w*|electrise\w*|choc electrique",
    r"surchauff\w*|chauffe (?:enormement|beaucoup trop|trop|anormalement)|(?:devient|(?<!\bes )trop) (?:tres )?chaud",
    r"(?:batterie|chargeur|prise|cable|cordon|fil|adaptateur|plastique|boitier|multiprise)s? (?:\w+ ){0,4}?(?:fondu|"
    r"noirci|fumait|fumaient|a fume|ont fume|s.est mis a fumer|se met a fumer)",
    r"explos(?!if|ive)\w*\b(?! (?:de|of) (?:saveurs?|gouts?|couleurs?|flavou?rs?|tastes?|colou?rs?))|a (?:explose|"
    r"eclate)|(?:visage|levres?|yeux|mains?|gorge)s? (?:\w+ ){0,2}gonfl\w*|(?:batterie|pile)s? (?:\w+ ){0,5}?gonfl\w*|"
    r"gonflement",
    # Hurt, not "là où le bât blesse" (the catch) or English "blessed".
    r"(?<!bat )bless(?:e|ee|es|ees|er|ure|ures)\b|(?:s'est|me suis|se sont|s'etait) (?:coupe|brule|blesse)\w*|"
    r"coupure\w*|saign\w*|points de suture",
    # A stay or a trip, not a story set in a hospital or the television series "Urgences".
    r"(?:(?:fini|finir|finit|termine|terminer|atterri|emmene|emmenee|emmener|transporte|transportee|conduit|conduite|"
    r"envoye|envoyee|alle|allee|aller|allés|passe|passee|passer|sejour|direction|file|partir|parti|partie|amene|"
    r"amenee|amener|emmenes|transportes) (?:\w+ ){0,2}?(?:a|de) l'hopital|(?:aux|des|les) urgences)|samu\b|"
    r"pompiers|hospitalise(?:e|s|es)?\b",
    # A reaction, not a shop that caters for allergies: "j'ai fait une allergie", "réaction allergique".
    r"(?:reaction|crise|choc) allergique|(?:fait|fais|faire|eu|provoque\w*|donne|declenche\w*|cause\w*) (?:une |des "
    r"|de l'|d')?(?:grosse |forte |violente )?allergie\w*|allergique (?:a|au|aux) (?:ce|cette|ces)\b|"
    # Eczema that a product set off, not the customer's own skin: "doesn't irritate my eczema".
    r"(?:poussee|crise|plaques?) d'eczema|eczema (?:sur|on|aux?|all over|partout)\b|"
    r"(?:donne|declench\w*|provoqu\w*|cause\w*|fait) (?:\w+ ){0,2}d?e? ?l?'?eczema|"
    r"plaques rouges|urticaire|oedeme",
    r"etouff(?!ant)\w*|asphyx\w*|etrangl\w*",
    r"freins? (?:[\w-]+ ){0,4}?(?:ne (?:fonctionne|marche|freine)\w* (?:plus|pas)|(?:a|ont) lache|lache\w*|"
    r"defaillant\w*|ne repond\w* plus)",
    r"ne (?:se )?(?:coupe|s'arrete|s'eteint|disjoncte) (?:pas|plus|jamais)",
    # Not the figure of speech: "la pente dangereuse" (a slippery slope), "Les Liaisons dangereuses".
    r"(?<!pente )(?<!liaisons )danger(?<!sans danger)(?!ously)\w*|(?<!au )(?<!sans )risque (?:d'|de |pour )|"
    r"(?:pas|non) securis\w*|(?:probleme|defaut|risque) de securite",
    r"rappel(?:e|er)? (?:produit|de securite|du produit)|produit rappele|(?:a|ont) ete rappele\w* par (?:le "
    r"fabricant|la marque|le constructeur)|retir\w* de la vente",
    r"(?<!by )(?<!on )(?<!happy )(?<!par )accidents?\b|toxiques?\b|intoxi\w*|emanations?",
    r"(?:failli|manque de) (?:s'|m'|t')?(?:etouffer|bruler|electrocuter|tomber)",
    # The near miss: "ça aurait pu être mortel", "ça aurait pu tuer mon fils". Not "me tuer d'ennui".
    r"aurai(?:t|ent) pu (?:etre (?:mortel(?:le)?s?|fatale?s?|dramatiques?)|(?:me |le |la |nous |les |l')?tuer\b"
    r"(?! d'ennui| de rire))",
]
_BLADE = re.compile(r"couteau|lame|ciseaux|knife|blade|scissors|tondeuse")
# A colour that bleeds in the wash is a dye, not blood: "the red bled onto the white", "it did bleed in the wash".
_BLEED = re.compile(r"bleed(?:s|ing)?|bled")
# French "le bled" (the home village) is no bleeding.
_VILLAGE = re.compile(r"\b(?:au|du|le|leur|mon|son|ton|en) $")
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


_SPARK_MAKER = re.compile(
    r"\b(?:fire ?starters?|fire ?steels?|ferro ?rods?|ferrocerium|flint|firesteel|pierre a feu|allume[- ]feux?|"
    r"briquet tempete|spark plugs?|bougies? d.allumage)\b"
)


def _fuel_catching_fire(text: str, m: re.Match[str]) -> bool:
    """Whether ``m`` is a fuel catching fire, the fuel right before it ("les bûches prennent feu", "the charcoal
    quickly caught fire"), or fire set to a fuel right after it ("set fire to the logs in minutes"). A material is no
    fuel ("la table en bois a pris feu", "set fire to the wood table"), nor is anything further away ("the stove
    caught fire next to the wood pile")."""
    words = m.group(0)
    # Sparks are what a fire steel is for: "fire starter works great, throws sparks on the first strike".
    if "spark" in words and _SPARK_MAKER.search(text):
        return True
    if not _CATCHING_FIRE.search(words):
        return False
    if words.startswith("set"):
        return _FUEL_AFTER.match(text, m.end()) is not None
    return _FUEL_BEFORE.search(text[max(0, m.start() - 60) : m.start()]) is not None


# A harm said not to be there: "no danger", "not toxic", "won't choke", "pas dangereux", "aucun risque d'étouffement",
# "didn't have to worry about him choking". The negation counts only when every word between it and the harm is one
# of these (an article, an adverb, "worry about him"), so "do not buy this dangerous thing", "not only dangerous" and
# "never felt so unsafe" still lift; so do a question ("isn't this dangerous?") and a harm that is itself said with a
# negation ("not safe", "ne coupe pas").
_NEGATORS = frozenset("no not never without nothing none zero cannot nor pas aucun aucune sans jamais non ni".split())
_BETWEEN = frozenset(
    """a an the any at all too very really remotely even ever overly in of about worry worried worrying worries
    concern concerned fear afraid have has had to be been being get getting got is was were are it it's its him her
    them my his their our your me us real slightest single little problem problems issue issues sign signs hint risk
    chance danger seem seems seemed look looks looked
    de d' du des la le les l' un une est etait c'est n'est n'etait tres trop vraiment tout rien risque peur il elle
    ce cela ca y a ai avons ont semble parait souci soucis fait fais eu""".split()
)
_CLAUSE_END = re.compile(r"[.;:!?,()]|\b(?:but|however|though|although|yet|and|mais|cependant|pourtant|et)\b")
_NEGATED_ALREADY = re.compile(r"\b(?:no|not|nobody|never|ne|n'|pas|plus)\b|n['’]t\b")


_ANSWERED_NO = re.compile(
    r"\s*(?:no|nope|not at all|not really|not once|never|absolutely not|certainly not|of course not|non|pas du tout|"
    r"pas vraiment|jamais|absolument pas|bien sur que non|aucunement)\b(?! (?:idea|clue|way to know|one told|seulement|"
    r"plus|moins))"
)


def _said_not_there(text: str, m: re.Match[str]) -> bool:
    """Whether the harm ``m`` names is negated in its own clause (see ``_NEGATORS``)."""
    if _NEGATED_ALREADY.search(m.group(0)):
        return False
    after = re.search(r"[.!?]", text[m.end() :])
    if after and after.group(0) == "?":
        # A question the reviewer answers no: "Strangled by the strap? No, it's comfy", "Dangereux ? Pas du tout."
        return _ANSWERED_NO.match(text, m.end() + after.end()) is not None
    before = text[max(0, m.start() - 80) : m.start()]
    ends = list(_CLAUSE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    for word in reversed(before.replace("’", "'").split()[-8:]):
        if word in _NEGATORS or word.endswith("n't"):
            return True
        if word not in _BETWEEN:
            return False
    return False


# A garment that is tight is no hazard: "the collar was choking me", "strangled around my neck", "I felt like I was
# choking"; a child choking, or a strap choking someone else, still lifts. Nor is the ache of a bad bed or shoe:
# "it hurt my back", "hurts my feet" (an injury still lifts: "I hurt my back", "injured my back", "hurt my hand").
_FIT = re.compile(
    r"(?:chok|strangl|suffocat)\w* (?:me|my neck|around my neck)\b|(?:feel|feels|felt|feeling|like) (?:i(?:'m| am| "
    r"was| were|'d be)|i'm being|as if i (?:was|were|am)) (?:\w+ )?(?:chok|strangl|suffocat)\w*"
)
_ACHE = re.compile(
    r"(?<!\bi )(?<!\bhe )(?<!\bshe )(?<!\bwe )(?<!\bthey )hurts? (?:my|his|her) (?:back|shoulders?|neck|feet|knees?|"
    r"hips?|ears?|eyes?|head)\b"
)


def _figure_of_fit(text: str, m: re.Match[str]) -> bool:
    """Whether ``m`` is part of a garment's tight fit or an ache (``_FIT``, ``_ACHE``)."""
    for pattern in (_FIT, _ACHE):
        for found in pattern.finditer(text, max(0, m.start() - 40), m.end() + 20):
            if found.start() <= m.start() < found.end():
                return True
    return False


# What a product is for or what its box says. A hot sauce that "burned my mouth" as promised and chips that "burned
# my face off" burn as sold: a burn or a fire in a mouth, in a text about spice. A warning printed on the box and
# quoted in praise ("love that the box says 'choking hazard, small parts'") is the label's, not a report.
_SPICE = re.compile(
    r"\b(?:piment\w*|spicy|spice|epice\w*|piquant\w*|hot sauce|chil+i(?:es|s)?|jalapenos?|habaneros?|wasabi|"
    r"sriracha|harissa|tabasco|hot peppers?|ghost peppers?|reaper|chips)\b"
)
_MOUTH = re.compile(r"\b(?:mouth|tongue|throat|face|lips|bouche|langue|gorge|levres|palais)\b")
_BURN_OR_FIRE = re.compile(r"burn|brul|fire|feu")
_LABEL = re.compile(
    r"\b(?:box|packaging|package|label|sticker|instructions|manual|warnings?|boite|emballage|etiquette|notice|"
    r"avertissements?|mise en garde|pictogrammes?)\b"
)
_LABEL_ABOUT = re.compile(
    r"\b(?:warnings?|avertissements?|mises? en garde|pictogrammes?)\s+(?:\w+\s+){0,2}?(?:about|on|for|of|sur|"
    r"concernant|contre|du|de|des)\b"
)
# A warning missing is a complaint: "no warning on the box that the small parts are a choking hazard".
_NO_LABEL = re.compile(
    r"\b(?:no|not|without|any|sans|aucune?|pas d'|pas de|nul(?:le)? part)\s+(?:\w+\s+)?(?:warnings?|"
    r"avertissements?|mises? en garde|pictogrammes?|mention)\b"
)
# Ears or eyes that "bleed" from noise or ugliness: "mes oreilles saignent lol", "my eyes are bleeding".
_SENSES = re.compile(r"\b(?:oreilles|ears|yeux|eyes)\b")
# A product's own name, capitalised after the word that names it: "this lipstick is called Poison Apple", "la teinte
# Toxic Berry" (not "I called poison control").
_NAMING = re.compile(
    r"\b(?:called|named|appel[ée]e?|nomm[ée]e?|shade|teinte|parfum|perfume|scent|fragrance|flavou?r|saveur|colou?r|"
    r"couleur|coloris|edition|édition|collection|model|mod[èe]le)\s+(?:the |le |la |l'|[«\"“']\s*)?$",
    re.IGNORECASE,
)


def _a_products_name(original: str, start: int) -> bool:
    return original[start : start + 1].isupper() and _NAMING.search(original, max(0, start - 30), start) is not None


# A figure of joy: "j'ai failli m'étouffer de bonheur", "choking with laughter".
_JOY = re.compile(r"\s+(?:de (?:bonheur|rire|joie|plaisir)|with (?:laughter|joy)|laughing|from laughing)\b")
# Smoke of high-heat cooking: searing in cast iron sets off alarms by design.
_SEARING = re.compile(
    r"\b(?:sear\w*|blacken\w*|cast iron|wok|stir[- ]fry|fonte|saisir|saisi|grill\w*|steaks?|toast|toasts|bacon|"
    r"(?:burnt|burned) (?:my |the |some )?(?:toast|food|dinner|pan|bacon|onions?|popcorn))\b"
)
# What a burn, a heat or a steam is for, said right after it: "la vapeur est brûlante comme il faut", "le piment brûle
# juste ce qu'il faut", "gets hot just right".
_AS_IT_SHOULD = re.compile(
    r"\s+(?:\w+\s+)?(?:comme il faut|juste ce qu.il faut|ce qu.il faut|just right|as (?:it|they) should|as intended|"
    r"a merveille|parfaitement|perfectly|nicely)\b"
)
_LABEL_SAYS = re.compile(
    r"\b(?:box|packaging|package|label|sticker|instructions|manual|boite|emballage|etiquette|notice)\s+(?:\w+\s+)?"
    r"(?:says|say|states|warns|reads|clearly|indique|precise|mentionne|signale|dit|avertit)\b"
)
# What the box says, after a colon: "Sur l'emballage du biberon : attention risque d'étouffement", "On the box: choking
# hazard, small parts".
_PRINTED_ON = re.compile(
    r"\b(?:sur|on) (?:l'|la |le |the )?(?:emballage|boite|packaging|package|box|label|etiquette|notice|sticker)\b"
    r"[^.!?:]{0,30}:"
)
# A question that wonders, not one that worries: "would it catch fire if left on all day?", "est-ce que ça risque
# de surchauffer ?" ("isn't this a fire hazard?" still lifts).
_WONDERING = re.compile(
    r"^\s*(?:would|could|will|might|can|what if|est-ce que|est-ce qu|pourrait|peut-(?:il|elle|on)|risque-t-(?:il|"
    r"elle)|y a-t-il)\b"
)
# "Toxic" said of people, places and colours: "toxic swamp sludge", "une relation toxique", "toxic fandom".
_FIGURATIVE_TOXIC = re.compile(
    r"(?:(?:like|more like|looks like|comme|genre) (?:a |an |du |de la |une |un )?toxic\w*|toxic (?:waste|swamp|"
    r"sludge|green|yellow|orange|colou?r|relationship|positivity|masculinity|fandom|community|people|person|boss|ex|"
    r"workplace|environment|culture|behaviou?r|traits?|friends?|family|parents?|mother|father|love)|(?:relations?|"
    r"personnes?|ambiance|mere|pere|homme|femme|couple|amitie|famille|masculinite|amour|entourage|patron) toxiques?)"
)
# Explode with an object is a figure ("it exploded the dust out of my carpet", "a explosé les compteurs", "je vais
# exploser mon record").
_EXPLODED_SOMETHING = re.compile(
    r"\s+(?!all over)(?:the|my|your|his|her|our|their|every|all|les|mes|tes|ses|des|tous|toutes|le|la|mon|ma|ton|ta|"
    r"son|sa|notre|votre|nos|vos|leur|leurs)\b"
)


def _what_it_is_for(text: str, m: re.Match[str]) -> bool:
    """A burn in the mouth from a spicy food, a hazard quoted from the label, a harm wondered about, a figure."""
    words = m.group(0)
    sentence = sentence_around(text, m.start(), m.end())
    if _BURN_OR_FIRE.search(words) and _MOUTH.search(sentence) and _SPICE.search(text):
        return True
    if _LABEL_SAYS.search(sentence) or (_LABEL.search(sentence) and quoted(text, m.start(), m.end())):
        return True
    printed = _PRINTED_ON.search(sentence)
    if printed and sentence.find(printed.group(0)) < sentence.find(words):
        return True
    label = _LABEL_ABOUT.search(sentence)
    if label and sentence.find(label.group(0)) < sentence.find(words) and not _NO_LABEL.search(sentence):
        return True
    if _JOY.match(text, m.end()) or ("smoke alarm" in words and _SEARING.search(text)):
        return True
    if _BURN_OR_FIRE.search(words) and _AS_IT_SHOULD.match(text, m.end()):
        return True
    if ("saign" in words or "bleed" in words or "bled" in words) and _SENSES.search(sentence):
        return True
    question = re.search(r"[.!?]", text[m.end() :])
    if question and question.group(0) == "?" and _WONDERING.search(sentence):
        return True
    if words.startswith("toxi") and any(
        f.start() <= m.start() < f.end() for f in _FIGURATIVE_TOXIC.finditer(text, max(0, m.start() - 20))
    ):
        return True
    return "explo" in words and _EXPLODED_SOMETHING.match(text, m.end()) is not None


def _harmless_here(text: str, m: re.Match[str]) -> bool:
    """Whether what ``m`` matched is harmless in this text: a blade that "ne coupe pas" is blunt, a colour that bleeds
    in the wash is a dye, a fuel catching fire is what it is for (``_fuel_catching_fire``), a harm said not to be
    there is none (``_said_not_there``), a tight collar or a sore back is no hazard (``_figure_of_fit``), nor is a
    spicy food's burn, a label's warning, a question or a figure (``_what_it_is_for``), nor food cooked too long,
    hurt feelings or a danger that is someone's advice (``safety_talk``)."""
    words = m.group(0)
    if _CUT_OUT.fullmatch(words):
        return _BLADE.search(text) is not None
    if _BLEED.fullmatch(words):
        return (
            _DYE.search(text, max(0, m.start() - 40), m.end() + 40) is not None
            or _VILLAGE.search(text, max(0, m.start() - 6), m.start()) is not None
        )
    return (
        _fuel_catching_fire(text, m)
        or _said_not_there(text, m)
        or _figure_of_fit(text, m)
        or _what_it_is_for(text, m)
        or talk_not_hazard(text, m)
    )


# A story's events are not a product hazard. In a review that tells a plot (it names a novel, a character, a plot,
# an author…), a harm word lifts only in a sentence where the reviewer speaks of themselves or their own ("je me suis
# blessé", "mon fils", "I", "my"), names a thing that is sold ("the charger exploded"), or when it is one of a product
# hazard's own words (a hazard, a recall, a fire caught, a shock, overheating, a battery that swells, brakes, an
# allergic reaction): "un accident de voiture", "un danger dont il faudra découvrir l'origine" and "les blessures de
# l'enfance" are the book's.
_PRODUCT_HAZARD = re.compile(
    r"hazard|recall|rappel|caught|catch|pris feu|prend feu|electri|shock|overheat|surchauff|melted|fondu|swell|gonfl|"
    r"brake|frein|stitches|points de suture|allerg|court-circuit|spark|chok|etouffement|suffocation|strangulation"
)
_OWN = re.compile(r"\b(?:je|me|moi|mon|ma|mes|nous|notre|nos|i|my|me|we|our|us)\b|\b[jm]'")
# A thing that is sold, named in the sentence: "long story short, the charger exploded" is the product's.
_THING = re.compile(
    rf"\b(?:product|item|{_APPLIANCES}|helmet|bike|brakes?|seat|toy|bottle|"
    r"appareil|batterie|chargeur|moteur|prise|cordon|adaptateur|radiateur|lampe|ampoule|four|"
    r"plaque|casque|velo|freins?|siege|jouet|biberon|bouteille|trottinette)s?\b"
)


# A clause about the story itself: "the hero gets shot, stabbed and electrocuted", "the poisoning subplot had me up
# until 3am", "les boss t'empoisonnent à chaque phase". Its harms are the story's, whoever else it names.
_STORY_SENTENCE = re.compile(
    r"\b(?:chapters?|subplot|storyline|scenes?|episodes?|plot|characters?|hero|heroes|heroine|villains?|boss|bosses|"
    r"protagonists?|antagonists?|twists?|chapitres?|intrigue|personnages?|heros|mechants?|antagonistes?|"
    r"protagonistes?|rebondissements?|films?|movies?|novels?|romans?|thriller|polar|saga|video ?games?|"
    r"jeux? video|gameplay|in-game)\b"
)


_CLAUSES = re.compile(r"[;:—]|\b(?:but|however|though|except|mais|cependant|pourtant|sauf que|par contre)\b")


def _clause_around(sentence: str, words: str) -> str:
    """The clause of ``sentence`` that holds ``words``: "J'adore les personnages, mais mon fils s'est coupé" puts the
    cut in a clause of its own."""
    at = sentence.find(words)
    starts = [m.end() for m in _CLAUSES.finditer(sentence, 0, max(at, 0))]
    end = _CLAUSES.search(sentence, at + len(words)) if at >= 0 else None
    return sentence[starts[-1] if starts else 0 : end.start() if end else len(sentence)]


def _story_event(text: str, m: re.Match[str]) -> bool:
    """Whether ``m``, in a text that tells a story (``NARRATIVE``), is the story's rather than the reviewer's."""
    sentence = sentence_around(text, m.start(), m.end()).replace("’", "'")
    if _STORY_SENTENCE.search(_clause_around(sentence, m.group(0))):
        return True
    if _THING.search(sentence):
        return False
    if _PRODUCT_HAZARD.search(m.group(0)):
        return False
    return _OWN.search(sentence) is None


# Reading alone does not make an English text a story's: "I read on a facebook group that there's a recall", "read
# the label". A story word besides does. (French book reviews are often told with "histoire" and "lu" alone: those
# keep the story reading.)
_READING = frozenset(("read", "reading"))


def _tells_a_story(text: str) -> bool:
    return any(m.group(0) not in _READING for m in NARRATIVE.finditer(text))


def safety(ctx: Context) -> list[Match]:
    view = ctx.text.base
    narrative = None  # searched for at the first harm word: most texts have none
    found: list[Match] = []
    for m in chain(_SAFETY.finditer(view.text), harms(view.text)):
        start, end = view.span(*m.span())
        if any(f.start < end and start < f.end for f in found) or _harmless_here(view.text, m):
            continue
        if _a_products_name(ctx.text.original, start):
            continue
        if narrative is None:
            narrative = _tells_a_story(view.text)
        if narrative and _story_event(view.text, m):
            continue
        found.append(Match(Reason.SAFETY.value, m.group(0), start, end, ctx.text.original[start:end], Action.LIFT))
    return found
