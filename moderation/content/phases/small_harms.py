"""Harms told small (``hazards`` yields these too): a device so hot it marked the skin, a mild shock from touching an
appliance, a fire that only started, and a swelling after a food said to be free of an allergen.

Customers shrug these off ("bof bof", "bit spicy lol", "heureusement que j'étais à côté"), so the words are mild;
each shape needs two parts that are harmless apart, as in ``harm``: heat and a mark on a body ("chauffe tellement
que j'ai une cloque sur le front", not "la poêle chauffe vite"), a tingle and an appliance touched ("gives you a
little zing when you touch the metal side", not "this sauce gives a nice zing"), a fire and a device it started in
("un début de feu dans la multiprise", not "un feu de cheminée"), a swelling of a person and an allergen or a doctor
after a food ("gonflé comme un ballon depuis vos barres, pourtant sans arachides", not "gonflé à bloc pour la rando"
or a bloated stomach after a cassoulet). Matching is on the accent-folded ``base`` view.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderation.content.phases.shapes import Q, sentence_around

# Devices with a plug, a battery or a heating part: what heats, shocks or starts a fire. Not candles, fireplaces,
# barbecues or wood stoves, which burn by design.
_DEVICE = re.compile(
    r"\b(?:batter(?:y|ies)|batteries?|chargers?|chargeurs?|plugs?|sockets?|outlets?|adapt(?:e|o)rs?|adaptateurs?|"
    r"cables?|cords?|extension(?: leads?| cords?)?|power ?(?:banks?|strips?|boards?|supply)|multiprises?|"
    r"rallonges?|prises?|e-?bikes?|velo electrique|scooters?|trottinettes?|hoverboards?|laptops?|computers?|"
    r"ordinateurs?|pc|phones?|telephones?|portables?|tablets?|tablettes?|consoles?|controllers?|manettes?|"
    r"heaters?|radiateurs?|chauffage|toasters?|grille-pain|kettles?|bouilloires?|lamps?|lampes?|frontales?|"
    r"headlamps?|bulbs?|ampoules?|fans?|ventilateurs?|irons?|fer a repasser|hair ?dryers?|seche-cheveux|"
    r"straighteners?|lisseurs?|fers? a lisser|curling irons?|fairy lights|guirlandes?|appliances?|appareils?|"
    r"machines?|motors?|moteurs?|microwaves?|micro-ondes?|air ?fryers?|friteuses?|blenders?|mixeurs?|"
    r"electric blankets?|couvertures? chauffantes?|heat(?:ing)? pads?|coussins? chauffants?|"
    r"bouillottes? electriques?|semelles? chauffantes?|heated \w+|fridges?|frigos?|refrigerateurs?|freezers?|"
    r"congelateurs?|washing machines?|washers?|dryers?|lave-linge|seche-linge|lave-vaisselle|dishwashers?|ovens?|"
    r"fours?|cookers?|hobs?|plaques? (?:de cuisson|a induction|induction)|cafetieres?|coffee (?:machines?|"
    r"makers?)|tv|tele|televiseurs?|screens?|ecrans?|monitors?|speakers?|enceintes?|amps?|amplis?|routers?|"
    r"earbuds?|ecouteurs?|headphones?|casques?|smart ?watch(?:es)?|montres? connectees?|mouse|souris|keyboards?|"
    r"claviers?|vapes?|cigarettes? electroniques?|drones?|ebikes?|devices?|gadgets?|docks?|wires?|"
    r"fils? electriques?|cordons?|alimentations?|transfos?|transformateurs?|disjoncteurs?)\b"
)

# ---- Heat that marked the skin ---------------------------------------------------------------------------------------
# "chauffe tellement que", "devient tellement chaude", "gets so hot", "hot enough to", "heats up so much", "tellement
# ça chauffe". Not the weather ("il faisait tellement chaud"): it is none of these verbs.
_HOT = re.compile(
    r"\bchauff(?:e|ent|ait|aient)\s+(?:\w+\s+)?(?:tellement|tant|trop|si fort|tellement fort|a tel point|"
    r"a un point|au point|beaucoup trop|enormement|de ouf|grave)\b"
    r"|\b(?:tellement|tant|trop) (?:ca|il|elle|ils|elles|le \w+|la \w+) chauff\w*"
    r"|\b(?:devien\w*|devenu\w*|est|etait|sont|etaient)\s+(?:tellement|si|trop|hyper|super|tres tres) chaud\w*"
    r"|\b(?:gets?|got|getting|gotten|becomes?|became|runs?|ran|is|was|are|were|goes|went)\s+(?:so|too|really|very|"
    r"super|crazy|insanely|dangerously|way too|ridiculously|scarily) hot\b"
    r"|\bhot enough to\b|\bheats? up (?:so|too|way too) (?:much|fast|hot)\b|\bheats? up so\b"
)
# A mark on a body: a blister, a red mark or patch, redness, skin "marked" or left red.
_BODY = (
    r"(?:arms?|forearms?|hands?|fingers?|thumbs?|wrists?|palms?|legs?|thighs?|lap|knees?|feet|foot|toes?|face|"
    r"forehead|cheeks?|chin|neck|ears?|scalp|head|back|chest|stomach|belly|skin|bras|avant-bras|mains?|doigts?|"
    r"pouces?|poignets?|paumes?|jambes?|cuisses?|genoux|genou|pieds?|orteils?|visage|front|joues?|menton|cou|"
    r"oreilles?|cuir chevelu|tete|dos|poitrine|ventre|peau)"
)
_POSS = r"(?:my|his|her|their|our|your|mon|ma|mes|son|sa|ses)"
_SKIN_MARK = re.compile(
    r"\b(?:blisters?|blistered|cloques?)\b|\b(?:burn|scald|blister|mark) (?:you|u|skin|me|(?:your|my|his|her) \w+)\b"
    r"|\bbruler (?:la peau|les doigts|les mains|la main|le doigt)\b"
    r"|\b(?:red|angry|raw) (?:marks?|patch(?:es)?|spots?|welts?|rings?|skin)\b|\b(?:marques?|traces?|taches?|"
    r"plaques?|zones?) (?:toute )?(?:rouges?|de brulure)\b|\brougeurs?\b"
    r"|\b(?:left|leaves|leaving|gave|gives|giving) (?:\w+ ){0,2}?(?:a |an )?(?:\w+ )?(?:marks?|welts?|imprint) "
    r"(?:on|across|in) " + _POSS + r" (?:\w+ )?" + _BODY + r"\b"
    r"|\b(?:marked|reddened|left) " + _POSS + r" (?:\w+ )?" + _BODY + r"(?: (?:all )?(?:red|raw|sore|pink|"
    r"stinging|burning|marked))?\b"
    r"|\b(?:m|lui|t|nous|leur)" + Q + r"?\s?(?:a|ont|avait) (?:\w+ )?(?:marque|rougi|irrite|brule) "
    r"(?:le |la |les |l" + Q + r")" + _BODY + r"\b"
    r"|\blaisse (?:une |des )(?:marques?|traces?)\b|\brougi (?:la peau|" + _POSS + r" " + _BODY + r")\b"
    r"|\b" + _POSS + r" " + _BODY + r" (?:\w+ )?(?:came up in|turned red|went red|was red|were red|all red|toute? "
    r"rouges?)\b"
)
# Blisters of walking are the shoe's, and the weather's heat is nobody's product.
_WALKING_OR_WEATHER = re.compile(
    r"\b(?:walk\w*|hik\w*|running|en marchant|la marche|de marche|rando\w*|courir|weather|outside|dehors|soleil|"
    r"sun|sunburn|canicule|heatwave|heat wave|summer|en ete|l" + Q + r"ete|cet ete|il fait|il faisait|meteo|clim|"
    r"air ?con\w*|plage|beach|sauna|hammam)\b"
)
_HEAT_WORDS = frozenset(
    "chauffe chauffent chauffait chauffaient chaud chaude chauds chaudes hot heat heats heated heating".split()
)


def _heat_marks(text: str) -> Iterator[re.Match[str]]:
    for heat in _HOT.finditer(text):
        lo, hi = max(0, heat.start() - 100), min(len(text), heat.end() + 140)
        if _WALKING_OR_WEATHER.search(text, lo, hi):
            continue
        for mark in _SKIN_MARK.finditer(text, lo, hi):
            yield mark
            return


# ---- A mild shock from an appliance touched --------------------------------------------------------------------------
# "gives you a little zing", "I get a buzz off the fridge", "got a mild zap off the lid", "the casing tingles", "ça
# picote quand on touche le boîtier", "des fourmillements dans les doigts", "on sent le courant passer", "le grille-pain
# m'a filé une châtaigne". A zing, a tingle or a buzz is also a taste, a balm, a sound or coffee's: what shocks is a
# device, with a hand on it or the current named (``_LIVE``, ``_CONTACT``), and someone who felt it.
_TINGLE = r"(?:zing|tingle|buzz|jolt|zap|secousse)"
_MILD_SHOCK = re.compile(
    r"\b(?:gives?|gave|giving|given)\s+(?:(?:you|u|me|him|her|us|them|(?:my|his|her|your|our) \w+)\s+)?"
    r"(?:a |an |quite a |such a )?(?:\w+ )?" + _TINGLE + r"\b"
    r"|\b(?:get|gets|got|getting|felt|feel|feels|feeling|had|received|took)\s+(?:a |an |quite a |such a )?(?:\w+ )?"
    + _TINGLE
    + r"s?\b"
    r"|\b(?:tingles|tingled|tingling|zings|zinged|zaps|zapped)\b"
    r"|\b(?:ca|cela|il|elle|doigts?|mains?)\s+(?:m" + Q + r"|me |nous |vous |lui |te |t" + Q + r")?(?:a |avait )?"
    r"(?:picot\w*|pique|piquait|a pique|fourmill\w*)\b"
    r"|\b(?:fourmillements?|picotements?)\b"
    r"|\b(?:sent|sens|senti|sentir|sentait|ressen\w*) (?:\w+ )?(?:le courant|l" + Q + r"electricite|une "
    r"(?:\w+ )?decharge)\b"
    r"|\b(?:m|lui|nous|t)" + Q + r"?\s?(?:a|ont|avait) (?:file|mis|colle|envoye|fout|foutu|donne|balance|flanque) "
    r"(?:une |un )(?:\w+ )?(?:chataigne|coup de jus|jus|decharge)\b"
)
_LIVE = re.compile(
    r"\b(?:courant|l" + Q + r"electricite|electricity|current|mains|plugged(?: in)?|branche\w*|en charge|charging|"
    r"earth(?:ed|ing)?|grounded|mise a la terre|volts?|voltage|fuite)\b"
)
# A hand put on the device: what makes a tingle a shock, not the vibration of a long ride ("my hands were tingling
# after an hour on the e-bike").
_TOUCHED = re.compile(r"\b(?:touch\w*|toucher|touche|touchant|contact|frol\w*|brush\w* against|effleur\w*)\b")
_CONTACT = re.compile(
    r"\b(?:touch\w*|toucher|touche|touchant|contact|hold\w*|holding|tenant|tiens|frol\w*|brush\w* against|"
    r"fingers?|hands?|palm|doigts?|mains?|off (?:the|my|its|it|this)|from (?:the|my|its|this))\b"
)
# A metal part: what a buzz comes off ("a buzz off the fridge door handle"), not a phone's buzz in the hand.
_METAL = re.compile(r"\b(?:metal\w*|chassis|carcasse|boitier|casing|frame|cadre|inox|handles?|poignees?|carters?)\b")
# Tastes and balms tingle on the lips by design; muscle stimulators by purpose; a buzz that is heard is a sound.
_NOT_A_SHOCK = re.compile(
    r"\b(?:lips?|tongue|mouth|gums?|teeth|throat|levres?|langue|bouche|gencives?|dents|gorge|tens|ems|"
    r"electrostim\w*|massag\w*|masseur|stimulat\w*|loud|noise|noisy|hum|humming|sound|bruit|annoying|coffee|cafe|"
    r"caffeine|sauce|flavou?r|taste|saveur|gout|prix|price|facture|cher|portefeuille|vibrat\w*|vibre\w*|"
    r"notifications?|notifs?|haptic|rumble)\b"
)
_SLANG = re.compile(r"chataigne|jus|decharge|courant|electricite")
_CURRENT = re.compile(r"\b(?:courant|current|electricity|electricite)\b")
_GIVE_OR_GET = tuple("give gave giving get got felt feel had received took".split())
# "Le courant passe entre les acteurs" is chemistry.
_COURANT_PASSE = re.compile(r"\bcourant (?:\w+ )?pass\w* (?:\w+ )?entre\b")
_SHOCK_WORDS = frozenset(
    """zing zings zinged tingle tingles tingled tingling buzz jolt zap zaps zapped shock secousse picote picotent
    picotait picotait pique piquait fourmille fourmillent fourmillements fourmillement picotements picotement courant
    jus electricite decharge chataigne""".split()
)


def _mild_shocks(text: str) -> Iterator[re.Match[str]]:
    for m in _MILD_SHOCK.finditer(text):
        words = m.group(0)
        sentence = sentence_around(text, m.start(), m.end())
        if not _DEVICE.search(sentence) or _COURANT_PASSE.search(sentence):
            continue
        if _NOT_A_SHOCK.search(sentence) and not _CURRENT.search(sentence):
            continue
        if _SLANG.search(words) or _LIVE.search(sentence):
            yield m
        elif "buzz" in words or not words.startswith(_GIVE_OR_GET):
            # A buzz, a bare "tingles", "ça picote", "des fourmillements": a metal part or a hand put on the device.
            if _METAL.search(sentence) or _TOUCHED.search(sentence):
                yield m
        elif _CONTACT.search(sentence) or _METAL.search(sentence):
            yield m


# ---- A fire that started ---------------------------------------------------------------------------------------------
# "un début de feu dans la multiprise", "un petit feu s'est déclaré dans la rallonge", "le feu a pris dans la prise",
# "le grille-pain s'est enflammé", "le chargeur a flambé", "a small fire started in the power strip", "a little fire
# inside the charger", "the extension lead ignited". A fire laid by someone (lit, made, started by "we"), in a
# fireplace or on fuel, is what they wanted; prices that "flambent" are prices.
_FIRE_STARTED = re.compile(
    r"\b(?:un |une )?(?:debut|depart|commencement|amorce) (?:de feu|d" + Q + r"incendie|d" + Q + r"embrasement)\b"
    r"(?! (?:d" + Q + r"artifice|de camp|de cheminee|de bois))"
    r"|(?<!\ba )\b(?:petit|mini|leger|minuscule) (?:feu|incendie)\b(?! (?:de camp|de bois|d" + Q + r"artifice))"
    r"|\b(?:le )?feu (?:a pris|avait pris|a demarre|s" + Q + r"est declare|s" + Q + r"est propage|a pris naissance)\b"
    r"|\b(?:s" + Q + r"est|s" + Q + r"etait|se sont|se met a|s" + Q + r"est mise? a|commence a) (?:\w+ )?"
    r"(?:enflamme\w*|embrase\w*|bruler|flamber|s" + Q + r"enflammer)\b(?! (?:le|la|les|mes|mon|ma|du|des|nos)\b)"
    r"|\b(?:a|ont|avait) (?:\w+ )?(?:flambe|pris flamme|commence a bruler|commence a flamber)\b"
    r"(?! (?:le|la|les|mes|mon|ma|du|des|nos)\b)"
    r"|\b(?:a |an )?(?:small|little|mini|tiny|minor) (?:electrical )?fire\b(?! (?:pit|place|starter|steel|bowl|sale))"
    r"|\bfire (?:started|broke out|erupted|starting|inside|in the back)\b"
    r"|\b(?:ignited|ignites|igniting|started burning|started to burn|began burning|began to burn|burst into flames?|"
    r"went up in flames)\b"
)
_FUEL_OR_HEARTH = re.compile(
    r"\b(?:cheminee|fireplace|fire ?pit|brasero|braseros|poele a bois|wood ?(?:stove|burner)|log ?burner|campfire|"
    r"feu de camp|barbecue|bbq|grill|logs?|feu de bois|du bois|bois de chauffage|buches?|allume[- ]feux?|"
    r"firelighters?|fire ?starters?|kindling|charbon|charcoal|briquettes?|bougies?|candles?|meche|wick|chalumeau|"
    r"flambe(?:e|ed|ing)? (?:au|with|a la)|cognac|rhum|rum|creme brulee|creme brule)\b"
)
# Laid by someone, or a price: "we lit a small fire", "j'ai allumé un petit feu", "les prix des chargeurs ont flambé".
_LAID_OR_PRICE = re.compile(
    r"\b(?:lit|light|lighting|build|built|building|allum\w*|prix|price|prices|"
    r"tarifs?|cours|couts?|costs?|ventes?|sales|factures?)\b"
)
_BEGUN = re.compile(r"debut|depart|commencement|amorce")
_DEVICE_BEFORE = re.compile(
    _DEVICE.pattern + r"(?! (?:series|show|shows|programme|program|ads?|adverts?))(?: [\w-]+){0,2} $"
)
_EN_VERBS = ("ignit", "started", "began", "burst", "went up")
_FIRE_WORDS = frozenset(
    """feu incendie embrasement enflamme enflammee enflammes enflammees enflammer embrase embrasee bruler flamber
    flambe brule flamme fire ignited ignites igniting burning burn flame flames""".split()
)


def _fires_started(text: str) -> Iterator[re.Match[str]]:
    for m in _FIRE_STARTED.finditer(text):
        sentence = sentence_around(text, m.start(), m.end())
        if _FUEL_OR_HEARTH.search(sentence):
            continue
        if _LAID_OR_PRICE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if m.group(0).startswith(_EN_VERBS):
            # "The extension lead ignited", not "this TV series ignited my love of history": the device before it.
            if _DEVICE_BEFORE.search(text, max(0, m.start() - 60), m.start()):
                yield m
        elif _BEGUN.search(m.group(0)) or _DEVICE.search(sentence):
            yield m


# ---- A swelling after a food said to be free of an allergen, or with a doctor ----------------------------------------
# "jsuis gonflé comme un ballon depuis que j'ai mangé vos barres, pourtant sans arachides", "my son swelled up like a
# balloon after two bites, the packet says nut free", "elle a gonflé de partout après la crème, direction urgences".
# Not cheek ("t'es gonflé de nous vendre ça"), "gonflé à bloc", tyres or prices ("les prix sont gonflés"), nor a
# pastry that puffs up or a stomach bloated after a cassoulet (no allergen and no doctor).
_SUBJECT_FR = (
    r"(?:fils|fille|enfant|bebe|mari|femme|copain|copine|petite?|soeur|frere|mere|pere|gamine?|loulou|ptite?) "
)
_IS_FR = (
    r"je suis|jsuis|j"
    + Q
    + r"suis|suis|chui|chuis|shui|il est|elle est|ils sont|elles sont|on est|on etait|"
    + r"(?:"
    + _SUBJECT_FR
    + r"(?:est|etait))"
)
_SWOLLEN = re.compile(
    # Swelled, not inflated something: "elle a gonflé de partout", not "j'ai gonflé les pneus" or "de 3 kilos".
    r"\b(?:j" + Q + r"ai|il a|elle a|ils ont|elles ont|on a|(?:" + _SUBJECT_FR + r"(?:a|avait)))\s+(?:\w+\s+)?(?:tout |"
    r"toute |completement )?(?:gonfle|enfle|boursoufle)e?s?\b(?! (?:a bloc|a \d|de \d|de (?:nous|me|te|vous|lui|"
    r"leur|\w+(?:er|ir|re))\b|d" + Q + r"\w+|(?:les|la|le|des|ses|mes|nos|vos|leurs|un|une|sa|son|ma|mon|ta|ton|"
    r"notre|votre|leur)\b))"
    # Swollen, not cheeky: "jsuis gonflé comme un ballon", "elle est toute gonflée", not "il est gonflé, le vendeur".
    r"|\b(?:" + _IS_FR + r")\s+(?:(?:tout|toute|toutes|tous|completement) (?:gonfle|enfle|boursoufle)e?s?|(?:gonfle|"
    r"boursoufle)e?s? (?:comme|de partout|partout|depuis|apres|des que)|enflee?s?)\b"
    r"|\b(?:visage|levres?|yeux|paupieres?|gorge|langue|bouche|joues?|face|lips?|eyes?|eyelids?|tongue|throat|cheeks?|"
    r"mouth)\b (?:[\w" + Q + r"]+ ){0,4}?(?:gonfl|enfl)\w*"
    r"|\b(?:i|he|she|we|they|son|daughter|kid|child|baby|toddler|husband|wife|partner|boyfriend|girlfriend|face|lips|"
    r"eyes|tongue|throat|mouth|body)\s+(?:\w+\s+)?(?:(?:swelled|swole|puffed|blew|ballooned) up|swelled like|"
    r"ballooned)\b(?! (?:at|the|a|an|my|his|her|their|our|your|some|all|over|about|on)\b)"
    r"|(?:^|[.!?] )(?:swelled|swole|puffed|blew|ballooned) up like\b"
    r"|\b(?:i" + Q + r"?m|i am|i was|he" + Q + r"?s|he was|she" + Q + r"?s|she was|we were|they were|(?:son|daughter|"
    r"kid|child|baby|toddler|husband|wife) (?:is|was)) (?:all |completely |totally |so )?(?:swollen|puffed up|puffy)\b"
)
_ALLERGEN = re.compile(
    r"\b(?:arachides?|cacahuetes?|fruits a coque|noix|noisettes?|amandes?|pistaches?|sesame|gluten|lactose|"
    r"crustaces|fruits de mer|allerg\w*|peanuts?|nuts?|nut-free|tree nuts?|almonds?|hazelnuts?|cashews?|pistachios?|"
    r"shellfish|dairy[- ]free|gluten[- ]free)\b"
)
_DOCTOR = re.compile(
    r"\b(?:urgences?|hopital|medecin|docteur|doc|samu|pompiers|antihistamin\w*|epi-?pen|adrenaline|cortisone|a&e|"
    r"a and e|er|hospital|doctor|gp|urgent care|benadryl|pharmac\w*|emergency)\b"
)
_AFTER_EATING = re.compile(
    r"\b(?:apres|depuis|des que|after|since|right after|une fois)\b[^.!?]{0,40}\b(?:mange\w*|goute\w*|bu|pris|"
    r"avale\w*|croque\w*|bouchees?|ate|eaten|eating|tasting|tasted|bites?|drank|drinking|took|taking|applying|"
    r"applied|using|used|barres?|bars?|cookies?|biscuits?|gateaux?|sauce|creme|cream|plat|dish|meal|repas|snack)\b"
)
_SWELL_WORDS = frozenset(
    """gonfle gonflee gonfles gonflees gonfler enfle enflee enfles enflees enfler boursoufle boursouflee swelled swole
    puffed blew ballooned swollen puffy hives welts""".split()
)


# Hives or welts that came up are a reaction whatever set them off: "came up in hives after the protein bar".
_HIVES = re.compile(r"\b(?:came|come|comes|coming) up in (?:hives|welts|blotches)\b|\bcovered in (?:hives|welts)\b")


def _swellings(text: str) -> Iterator[re.Match[str]]:
    yield from _HIVES.finditer(text)
    for m in _SWOLLEN.finditer(text):
        if _ALLERGEN.search(text) or (_DOCTOR.search(text) and _AFTER_EATING.search(text)):
            yield m


def small_harms(text: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    """The shapes above in ``text`` (the accent-folded base view, ``words`` its words)."""
    if not _HEAT_WORDS.isdisjoint(words):
        yield from _heat_marks(text)
    if not _SHOCK_WORDS.isdisjoint(words):
        yield from _mild_shocks(text)
    if not _FIRE_WORDS.isdisjoint(words):
        yield from _fires_started(text)
    if not _SWELL_WORDS.isdisjoint(words):
        yield from _swellings(text)
