"""Harm to a person, and a product failing under one, read by their shape (``safety`` lifts what these find).

The safety lexicon names harms by their own words ("caught fire", "allergic reaction"). Customers often tell the
harm instead: a body part and what happened to it ("il s'est ouvert le doigt", "chipped a tooth", "bruised ribs"),
a part that gave way under someone who then fell ("the deck snapped and I landed on my tailbone", "la poussette
s'est repliée avec mon bébé dedans"), a small part in a toddler's mouth, a recall notice, a fuse blown by a
charger; ``hazards`` reads more (glass, metal or plastic in food, a part swallowed, smoke from a device, …).
Each shape below needs two things that are harmless apart: a body part and an injury, a failure and a person it
happened to, a mouth and a child. Matching is on the accent-folded ``base`` view.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from moderation.content.phases.hazards import hazards
from moderation.content.phases.literals import words_of
from moderation.content.phases.shapes import YOUNG_CHILD as _YOUNG_CHILD
from moderation.content.phases.shapes import Q, sentence_around

# Body parts, English and French (accents folded). A shoe's heel, a chair's "pied" and a book's "dos" are not in
# the lists that follow an article: they need a possessive, as a person's do ("his heel", "son pied").
_BODY_EN = (
    r"(?:hands?|fingers?|thumbs?|wrists?|arms?|forearms?|elbows?|shoulders?|legs?|knees?|ankles?|feet|foot|toes?|"
    r"face|cheeks?|chin|lips?|mouth|tongue|tooth|teeth|nose|eyes?|eyebrows?|forehead|head|scalp|neck|ribs?|"
    r"tailbone|hips?|palms?|skin|shins?|calf|calves|thighs?|jaw|collarbone|heels?)"
)
_BODY_FR = (
    r"(?:mains?|doigts?|pouces?|poignets?|bras|avant-bras|coudes?|epaules?|jambes?|genoux|genou|chevilles?|pieds?|"
    r"orteils?|visage|joues?|menton|levres?|bouche|langue|dents?|nez|oeil|yeux|sourcils?|front|tete|crane|cou|dos|"
    r"cotes?|coccyx|hanches?|paumes?|peau|tibias?|mollets?|cuisses?|machoire|clavicule|talons?|ongles?|arcade|"
    r"col du femur|femur|bassin|rotule|vertebres?|poignet|nuque|sternum)"
)
_POSSESSIVE_EN = r"(?:my|his|her|their|our|your)"
_POSSESSIVE_FR = r"(?:mon|ma|mes|son|sa|ses|leur|leurs|notre|nos)"

# An injury told by what happened to a body part. English: a verb and a part ("sliced my forearm", "chipped a tooth",
# "singed my fingers"); a part and its state ("bruised ribs", "a broken wrist"). French: the reflexive verb ("il
# s'est ouvert le doigt", "je me suis tordu la cheville"), or the part and its state after an article ("avec le
# poignet fracturé", "la lèvre en sang"), and the wound named with where it is ("une entaille sur la joue").
_INJURY = re.compile(
    r"\b(?:cut|cuts|sliced|slashed|gashed|nicked|split|burned|burnt|scalded|singed|blistered|crushed|"
    r"smashed|broke|fractured|sprained|twisted|bruised|chipped|cracked|dislocated|gouged)\s+(?:"
    rf"{_POSSESSIVE_EN}\s+(?:[\w']+\s+)?{_BODY_EN}|the\s+(?:skin|fingers?|hands?|thumbs?|lips?|tongue)|a\s+(?:tooth|"
    r"rib|finger|toe))\b"
    r"|\b(?:bruised|broken|fractured|sprained|dislocated|cracked|chipped|split|scraped|grazed|skinned)\s+(?:ribs?|"
    r"wrists?|ankles?|collarbone|fingers?|toes?|arms?|nose|tooth|teeth|lips?|jaw|hips?|knees?|elbows?|shins?|"
    r"shoulders?|palms?)\b"
    r"|\b(?:gave|give|gives|got|get|gets|had|developed|caused|causing|broke out in) (?:me |him |her |us |them |my "
    r"\w+ )?(?:a |an )?(?:\w+ )?rash(?:es)?\b|\brash(?:es)? (?:on|around|all over|across) "
    r"|\b(?:lips?|face|eyes?|eyelids?|tongue|throat)\s+(?:\w+\s+)?(?:swelled|swell|swelling|swollen|puffed up)\b"
    r"|\b(?:swollen|puffy) (?:lips?|face|eyes?|eyelids?|tongue|throat)\b"
    # Caught, trapped or pinned: "got his head stuck between the slats", "il s'est retrouvé coincé dessous".
    r"|\b(?:got|get|gets|had) (?:his|her|their|my) (?:head|arm|leg|finger|foot|hand|neck) (?:stuck|trapped|caught|"
    r"wedged)\b|\b(?:trapped|pinned|stuck|wedged) (?:under|underneath|beneath) (?:it|the)\b"
    r"|\b(?:retrouvee?s? )?coincee?s? (?:dessous|sous (?:le|la|les|un|une)|entre (?:le|la|les|deux))\b"
    r"|\b(?:la tete|le bras|la jambe|le doigt|le pied|la main) "
    r"coince\w*\b"
    r"|\b(?:gash|laceration|concussion|black eye)(?:es|s)?\b"
    r"|\b(?:lump|bump|bruises?|gash|welt|burn|burns)\s+(?:on|to|across)\s+(?:" + _POSSESSIVE_EN + r"|the)\s+"
    rf"(?:\w+\s+)?{_BODY_EN}\b"
    r"|\b(?:s" + Q + r"est|s" + Q + r"etait|me suis|m" + Q + r"etais|se sont|t" + Q + r"es|s" + Q + r"est fait|"
    r"me suis fait|nous sommes)\s+(?:ouvert|entaille|coupe|brule|blesse|casse|fracture|foule|tordu|pince|ecrase|"
    r"arrache|ebouillante|luxe|demis|fele|abime|entaille)e?s?\s+(?:le |la |les |l" + Q + r"|un |une |deux |"
    rf"trois )?{_BODY_FR}\b"
    r"|\b(?:le|la|les|l" + Q + r"|" + _POSSESSIVE_FR + r")\s?(?:poignets?|avant-bras|coudes?|"
    r"chevilles?|jambes?|doigts?|pouces?|orteils?|nez|dents?|levres?|cotes?|clavicule|machoire|arcade|"
    r"genoux|genou|epaules?|mains?|tete|front)\s+(?:\w+\s+)?(?:fractures?|fracturees?|casses?|cassees?|"
    r"ouverts?|ouvertes?|en sang|entailles?|entaillees?|tumefies?|tumefiees?|ecrases?|ecrasees?|luxes?|luxees?|"
    r"brules?|brulees?|pleine? de sang)\b"
    r"|\b(?:entaille|plaie|hematome|ecchymose|coupure|brulure|fracture|entorse)s?\s+(?:\w+\s+)?"
    r"(?:sur|a|au|aux|dans|du|de)\s+(?:la |le |l" + Q + r"|les |" + _POSSESSIVE_FR + rf" )?{_BODY_FR}\b"
    r"|\b(?:commotion cerebrale|traumatisme cranien|oeil au beurre noir|dent cassee)\b"
    # A part and its state after the event: "it landed on my foot, toe is broken", "my wrist was fractured". Not "the
    # toe is broken" (a shoe's).
    rf"|(?:\b{_POSSESSIVE_EN} |(?<=[,;] )|(?<=^))(?:toes?|fingers?|thumbs?|wrists?|arms?|legs?|ankles?|nose|ribs?|"
    r"collarbone|tooth|teeth|jaw|knees?|elbows?|shoulders?)(?: (?:is|are|was|were|got) (?:\w+ )?(?:broken|fractured|"
    r"sprained|dislocated|crushed|cut open|black and blue))\b"
)
# Something heavy landed on a person: "the kettlebell landed on my foot", "l'haltère m'est tombé sur le pied". Not one
# who "landed on my feet" (luck), nor "je suis tombé sur la tête" (a figure), nor safety shoes that took it
# (``_UNHURT``).
_STRUCK = re.compile(
    rf"\b(?:landed|fell|dropped|came down|crashed down) (?:right |straight )?on (?:{_POSSESSIVE_EN}) "
    r"(?!feet\b)(?:\w+ )?(?:foot|toes?|hands?|fingers?|head|face|leg|knee|chest|back|daughter|son|baby|child|kid)\b"
    r"|\b(?:m|lui|leur|nous)" + Q + r"\s*(?:est|sont) tombee?s? (?:dessus|sur (?:le|la|les) " + _BODY_FR + r")\b"
)
_STRUCK_WORDS = frozenset("landed fell dropped came crashed tombe tombee tombes tombees".split())

# A part that fails suddenly: it snaps, gives way, folds up by itself, comes off.
_FAILURE = re.compile(
    r"\b(?:snapped|snaps|sheared|buckled|shattered|collapsed|gave way|gave out|gives way|caved in|came loose|"
    r"came off|came apart|came undone|popped off|pops off|fell apart|let go|tipped over|folded up|folded on|tore|"
    r"ripped|"
    r"folded in|stopped dead|jerked|locked up|broke (?:in half|in two|clean|off|apart|through)|cracked (?:in half|"
    r"through|clean)|split in (?:half|two)|failed|quit|"
    r"broke|broken|slipped|released|unlatched|unlocked|popped open|on (?:its|their) own|by itself|a glisse|"
    r"s" + Q + r"est deverrouill\w*|without (?:anyone|anybody) touching|ne tient (?:pas|plus)|"
    r"(?:est |s" + Q + r"est )?partie? tout(?:e)? seule?|rolled away|"
    r"(?:a|ont|avait|s" + Q + r"est|se sont) (?:casse|cede|lache|rompu|pete|plie|craque|bascule|cassee|rompue|"
    r"pliee|replie|repliee|effondre|effondree|ecroule|ecroulee|renverse|renversee|detache|detachee|decroche|"
    r"decrochee|desserre|desserree|brise|brisee|ouvert|ouverte|arrete net|arretee net)|casse net|cede d"
    + Q
    + r"un coup|en deux)\b"
)
# What happened to the person: a fall, a throw, a child aboard, a ride under way.
_CONSEQUENCE = re.compile(
    r"\b(?:i|he|she|we|they|son|daughter|kid|child|toddler|baby|wife|husband|mum|mom|dad)\s+(?:\w+\s+)?(?:fell|"
    r"tumbled|went flying|went down (?:hard|in|on|face|flat)|landed on|hit the (?:ground|floor|deck|pavement|road|"
    r"wall)|(?:was|got|were) "
    r"(?:thrown|flung|launched|catapulted|ejected))(?!\s+(?:in love|for|asleep))\b"
    r"|\b(?:tumbled down|flipped over the (?:handlebars|bars)|over the (?:handle)?bars|faceplanted|face[- ]?planted)\b"
    r"|\b(?:threw|throws|thrown|flung|launched|catapulted) (?:me|him|her|them|us|my \w+) (?:off|into|against|onto|"
    r"over|out)\b"
    r"|\b(?:a|l" + Q + r"a|m" + Q + r"a|les a|nous a) (?:projete|ejecte|catapulte|envoye valser|fait tomber)\w*"
    r"|\bfell (?:about |maybe |like |nearly |almost )?\d+ ?(?:feet|ft|foot|metres?|meters?|m)\b|\b(?:fell|tombee?s?) "
    r"(?:off|from|de|du) (?:the |my |l" + Q + r"|la |le )?(?:ladder|stepladder|stool|chair|bike|scooter|board|"
    r"echelle|escabeau|tabouret|chaise|velo|trottinette)\b"
    r"|\b(?:failli|nearly|almost) (?:\w+ ){0,3}?(?:passer sous|se faire renverser|se faire ecraser|get hit|got hit|"
    r"been hit|hit by|run over|ran over)\b|\bpasser sous une voiture\b"
    # Someone or something loose where traffic is: "my dog ran straight into the road", "partie sur la route".
    r"|\b(?:ran|run|runs|bolted|dashed|darted|rolled|went|partie?|filee?|roule) (?:\w+ ){0,2}(?:into|onto|sur|dans|"
    r"vers) (?:the |la )?(?:road|traffic|street|route|rue|circulation)\b"
    r"|\b(?:je|j" + Q + r"|il|elle|on|nous|ils|elles|fils|fille|enfant|bebe|petit|petite|mere|pere|mari|femme|"
    r"copain|copine|grand-mere|grand-pere)\s+(?:\w+\s+)?(?:suis|"
    r"est|sommes|sont|etais|etait)\s+(?:\w+\s+)?(?:tombee?s?|retrouvee?s? (?:par terre|au sol|a terre)|projetee?s?|"
    r"ejectee?s?)(?!\s+(?:en panne|amoureu|sous le charme|a pic|bien|juste|dessus par hasard))\b"
    r"|\b(?:fait|fais|faire|une) (?:\w+\s+)?chute\b(?! (?:de|des|du) (?:prix|tension|cheveux|neige|pluie))"
    r"|\b(?:with|avec) (?:my|our|the|mon|ma|notre|le|la) (?:\d+[- ]?(?:yr|year|month)[- ]old|baby|son|daughter|"
    r"kid|child|toddler|infant|bebe|fils|fille|enfant|petit|petite)\s+(?:inside|in it|on it|on board|aboard|"
    r"dedans|dessus|a bord|assise?)\b"
    r"|\b(?:while|when) (?:i was |he was |she was |we were )?(?:riding|going downhill|cycling|skiing|"
    r"climbing)\b|\b(?:mid-ride|at full speed|at speed)\b"
    r"|\ben (?:roulant|pedalant|pleine descente|pleine course)\b"
)

# Protective gear that broke in the fall it was for: "the helmet cracked on the first small fall", "le casque s'est
# fendu à la première chute de mon fils". A French "casque" is also headphones, which are dropped, not in a fall
# ("mon casque est tombé et s'est cassé"): only a "chute", a "choc" or an accident says a person fell.
_GEAR_BROKE_IN_A_FALL = re.compile(
    r"\b(?:helmet|visor|back protector|body armou?r)s? (?:\w+ ){0,3}?(?:cracked|split|shattered|snapped|broke|caved "
    r"in|came apart)\b[^.!?]{0,60}\b(?:fall|fell|crash\w*|impact|accident|came off|spill|tumble)\b"
    r"|\b(?:fall|crash|impact|accident|spill|tumble)\b[^.!?]{0,40}\b(?:helmet|visor|back protector)s? (?:\w+ ){0,3}?"
    r"(?:cracked|split|shattered|snapped|broke|caved in|came apart)\b"
    r"|\b(?:casque|visiere|dorsale|protection dorsale)s? (?:\w+ ){0,3}?(?:s" + Q + r"est |a |est )?(?:fendu|fissure|"
    r"casse|brise|eclate|cede|craque)e?s?\b[^.!?]{0,60}\b(?:chute|choc|accident|gamelle)s?\b"
    r"|\b(?:chute|choc|accident|gamelle)s?\b[^.!?]{0,40}\b(?:casque|visiere|dorsale)s? (?:\w+ ){0,3}?(?:s"
    + Q
    + r"est |a |est )?(?:fendu|fissure|casse|brise|eclate|cede|craque)e?s?\b"
)
_GEAR_WORDS = frozenset("helmet helmets visor visors protector armour armor casque casques visiere dorsale".split())
# Gear that did its job, and nobody hurt: "it cracked, but it saved my head", "il a fait son travail", "la coque a
# tenu, pas une égratignure".
_UNHURT = re.compile(
    r"\b(?:saved|protected|did (?:its|it'?s|what it|the) job|did its work|worth every|not a scratch|without a scratch|"
    r"unhurt|unharmed|held up|held firm|pas une egratignure|sans (?:une )?egratignure|indemne|a tenu|ont tenu|"
    r"a fait son (?:travail|job|boulot)|m" + Q + r"a (?:sauve|protege)|a (?:sauve|protege))"
)


# A toddler with a part in the mouth: the mouth and what came off or the gagging, in a text about a young child.
_MOUTH = re.compile(
    r"\b(?:in (?:his|her|their|(?:the|my|our) (?:baby|son|daughter|kid|toddler|child)" + Q + r"s) mouth|dans (?:sa|la) "
    r"bouche)\b"
)
_MOUTH_TROUBLE = re.compile(
    r"\b(?:gag\w*|cough\w*|tous\w*|came off|came apart|fell apart|tore|pop\w* off|fell off|snapped off|broke off|"
    r"detach\w*|decroch\w*|loose|"
    r"pieces?|parts?|"
    r"morceaux?|bouts?)\b"
)


# A recall, however told: "fait l'objet d'un rappel", "got the recall notice".
_RECALL = re.compile(
    r"\b(?:fait|font|faisait|faire) l" + Q + r"objet d" + Q + r"un rappel|(?:avis|campagne|courrier|lettre) de "
    r"rappel|rappel (?:conso|consommateurs?|officiel)|recall (?:notice|letter|kit|campaign|notification)|"
    r"(?:safety|voluntary|official|manufacturer"
    + Q
    + r"?s?) recall|(?:got|received|issued|announced|there"
    + Q
    + r"s|there is|under) (?:a |the )?recall\b"
)

# Electricity and heat told by their effects, and flames too high: a fuse or a breaker tripped, a charger that
# sparked, a candle's flame "huge", a glass jar that burst.
_EFFECTS = re.compile(
    r"\bsparked\b|\b(?:tripped|trips|tripping|blew|blows|blown) (?:the |a |my |our |all the )(?:circuit "
    r"breaker|breakers?|fuses?|rcd|gfci|trip switch)\b|\bfai(?:t|re|sait) (?:sauter|disjoncter) (?:\w+ ){0,3}?"
    r"(?:plombs|disjoncteur|compteur|maison|courant|appartement|tableau)\b|\ba (?:fait )?disjonct\w*"
    r"|\b(?:glass|jar|verre|bocal|pot en verre|carafe|vitre|porte du four|oven door|paroi)\s+(?:\w+\s+){0,4}?"
    r"(?:shattered|exploded|burst|a eclate|a explose|s" + Q + r"est brise\w*|a vole en eclats)\b"
    r"|\b(?:singed|singeing|scalded)\b"
    # Smoke from a thing in French, furniture that tips, a neck caught, a blade or disc thrown off.
    r"|\b(?:s" + Q + r"est mise? a|se met a|commence a|a commence a|s" + Q + r"est mise? a) fumer\b"
    r"|\b(?:meuble|commode|armoire|etagere|bibliotheque|dresser|bookcase|wardrobe|chest of drawers|tv stand|"
    r"shelving unit|shelf|tele|tv)\s+(?:\w+\s+){0,4}?(?:a bascule|ont bascule|tipped|toppled|fell forward|fell "
    r"over|came down on|est tombee? sur|s" + Q + r"est renverse\w*)\b"
    r"|\b(?:tire|tiree|pulled|yanked|caught|coincee?|stuck|snagged|accroche\w*)\s+(?:\w+\s+){0,4}?(?:par|by|"
    r"around) (?:le|the|his|her|son|sa|my|mon) (?:cou|neck|gorge|throat)\b"
    r"|\b(?:lame|blade|disque|disc|meule|chaine|chain|embout|foret|drill bit|tete de coupe)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:s" + Q + r"est detachee?|detached|came off|flew off|a ete projetee?|was thrown|were thrown|projetee?|shot "
    r"off|flew across|a vole|shattered|a explose|exploded)\b"
    r"|\b(?:antihistamin\w*|epi-?pen|adrenaline pen|stylo d" + Q + r"adrenaline)\b"
    r"|\b(?:skin|face|peau|visage|cuir chevelu|scalp|eyes|yeux|lips|levres|hands|mains)\s+(?:\w+\s+){0,2}?"
    r"(?:(?:went|turned|became|est devenue?|sont devenue?s) (?:bright |all |tout |toute )?(?:red|rouges?|raw|"
    r"swollen|gonflee?s?)|me brulai\w*|brulai\w*|burned|burning|stung|stinging|piquai\w*)\b"
    # "Pris un coup de jus", "une décharge"; "une châtaigne" (a punch, a chestnut) and "un jus" (a drink) need a thing
    # touched (``hazards``).
    r"|\b(?:pris|prendre|prend|pris une|pris un) (?:une |un |la |le )?(?:coup de jus|decharge)\b"
    r"|\b(?:fils?|cables?|cordons?|prises?) (?:\w+ ){0,2}(?:mal isolee?s?|denudee?s?)\b|\b(?:exposed|bare|live) "
    r"wires?\b"
    r"|\b(?:urgences?|operation|operee?|chirurgie|emergency|surgery|rushed (?:him|her|them))\s+(?:\w+\s+){0,3}?"
    r"(?:chez le |au |at the |to the )?(?:veto|vet|veterinaire)s?\b|\b(?:emergency|urgences?) (?:vet|veto)s?\b"
    r"|\b(?:puffed up|puffing up|puffy|bulging|bulged|swollen|swelled up)\b"
    r"|\b(?:skin irritation|irritated (?:" + _POSSESSIVE_EN + r"|the) skin|irritations? (?:cutanee|de la peau)|"
    r"demangeaisons|chemical burn|(?:hands|face|lips|skin|mains|visage|levres|peau|joues) (?:\w+ )?(?:got|"
    r"became|turned|went|sont devenues?|est devenue?|etaient|etait) (?:all )?(?:red and \w+|raw|cracked|"
    r"rouges? et \w+|a vif|craquelee?s?))\b"
)
# Swelling is a battery's, a power bank's or a phone's, named anywhere in the text: "puffed up" alone is a down
# jacket.
_SWELLING = frozenset(("puffed up", "puffing up", "puffy", "bulging", "bulged", "swollen", "swelled up"))
_GLASS = ("glass", "jar", "verre", "bocal", "pot", "carafe", "vitre", "porte", "oven", "paroi")
_BATTERY = re.compile(r"\b(?:batter\w*|power ?bank|pile|charg\w*|phone|telephone|laptop|tablet|tablette|vape)\b")

# A smell that made someone ill, or someone ill after eating: a chemical smell giving headaches, food poisoning told
# by its symptoms ("vomiting all night after eating it").
_ILL = re.compile(
    r"\b(?:headaches?|migraines?|mal (?:a|au|de) (?:la )?(?:tete|crane|coeur)|nausea|nauseous|nausees?|dizzy|"
    r"dizziness|vertiges?|palpitations|tachycardi\w*|maux de (?:tete|ventre)|"
    r"vomiting|vomited|vomi|threw up|throwing up|diarrh\w*|stomach cramps?|crampes d" + Q + r"estomac|"
    r"(?:got|was|were|been|became|fell) (?:really |very |so )?(?:sick|ill)\b(?! of)|tombee?s? malades?|"
    r"(?:rendu|rendue|rendus) (?:\w+ )?malades?)\b"
)
_ILL_CAUSE = re.compile(
    r"\b(?:smell|odou?r|odeur|fumes|vapeurs|emanations|after (?:eating|drinking|taking|using|each|every)|apres "
    r"(?:avoir )?(?:mange|bu|consomme|ingere|goute|pris)|apres (?:chaque|chacune|la prise)|ate|eaten|eating|mange|"
    r"manger|tasted|drank|shaker|dose)\b"
)
# A pet taken ill: symptoms anywhere in a text that names the vet.
_VET = re.compile(r"\b(?:vets?|veto|veterinaire|vet bills?|frais veterinaires)\b")


# A shoe that pinches the toes is a fit, not an injury; a glass that broke when dropped is an accident.
_FIT = re.compile(r"(?:pinch|crush|squeez)\w* (?:my|his|her|their) (?:\w+ )?(?:toes?|feet|foot|heels?)")
_DROPPED = re.compile(r"\b(?:drop\w*|knocked|fell|fall\w*|tomb\w*|fait tomber)\b")
_ENDS = re.compile(r"[.!?]+")


# Mould where a child's mouth or food goes: "full of black mold, my toddler has been chewing on these".
# Not a cake or ice mould: "black mold", "moldy", "mould inside", "moisissures".
_MOULD = re.compile(
    r"\b(?:black mou?ld|mou?ldy|full of mou?ld|mou?ld (?:inside|in it|in them|in there|growing|growth|spots?)|"
    r"growing mou?ld|moisissures?|moisie?s?)\b"
)
_MOUTH_OR_FOOD = re.compile(
    r"\b(?:chew\w*|mouth|suck\w*|ate|eat|eaten|eating|bouche|mordill\w*|suc(?:e|er|ent)|mange\w*|avale\w*)\b"
)


# A child's restraint or carrier that lets go: "Isofix connector released on one side", "le clip de poitrine casse
# net", "la boucle du harnais s'est ouverte toute seule". The gear named in the text, the part and its failure in
# one sentence.
_CHILD_GEAR = re.compile(
    r"\b(?:car ?seat|child ?seat|booster seat|siege auto|isofix|stroller|pushchair|pram|buggy|poussette|high ?chair|"
    r"chaise haute|porte-bebe|"
    r"baby carrier|harness|harnais|crib|cot|lit bebe|lit parapluie|baby gate|barriere de securite|booster|"
    r"rehausseur|transat|bouncer|leash|laisse|child ?locks?|childproof|child-proof|safety catch|cupboard locks?|"
    r"cabinet locks?|securite enfants?|bloque-portes?|cache-prises?)\b"
)
_RESTRAINT = re.compile(
    r"\b(?:(?:isofix|harness|harnais|buckle|boucle|clip|latch|strap|sangle|ceinture|attache|verrou|lock|hinge|"
    r"charniere|connector|connecteur|pince|mousqueton|clasp|fermoir)s?)\b[^.!?]{0,60}?\b(?:released|came undone|"
    r"pops? open|comes? open|comes? undone|opens? (?:easily|with one|on its own|by itself)|"
    r"unlatched|unbuckled|opened|popped open|snapped|broke|gave way|failed|let go|s" + Q + r"est ouverte?|"
    r"s"
    + Q
    + r"est detachee?|s"
    + Q
    + r"est cassee?|casse net|a lache|a cede|se detache|se defait|s"
    + Q
    + r"est defaite?)\b"
)


def _and_before(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]`` and the sentence before it: the failure is told
    first ("Deck snapped in half on a drop. I landed on my tailbone")."""
    before = [m.end() for m in _ENDS.finditer(text, 0, start)]
    after = _ENDS.search(text, end)
    return text[before[-2] if len(before) > 1 else 0 : after.start() if after else len(text)]


def _forms(*stems: str, endings: tuple[str, ...] = ("", "s")) -> frozenset[str]:
    return frozenset(stem + ending for stem in stems for ending in endings)


_FR_PARTS = ("", "e", "s", "es")
# Words without one of which a shape cannot match: a text's words are looked up in these sets (one pass over the
# text) before the shape's pattern runs over it. Most reviews have none of them.
_INJURY_WORDS = (
    frozenset(
        """cut cuts sliced slashed gashed nicked split burned burnt scalded singed blistered crushed smashed broke
        fractured sprained twisted bruised chipped cracked dislocated gouged broken scraped grazed skinned gave give
        gives got get gets had developed caused causing rash rashes swelled swell swelling swollen puffed puffy stuck
        trapped caught wedged pinned gash gashes laceration lacerations concussion concussions black lump bump bruise
        bruises welt burn burns sang commotion traumatisme beurre fractured sprained dislocated""".split()
    )
    | _forms(
        "ouvert",
        "entaille",
        "coupe",
        "brule",
        "blesse",
        "casse",
        "fracture",
        "foule",
        "tordu",
        "pince",
        "ecrase",
        "arrache",
        "ebouillante",
        "luxe",
        "demis",
        "fele",
        "abime",
        "tumefie",
        endings=_FR_PARTS,
    )
    | _forms("coince", "coincee", "plaie", "hematome", "ecchymose", "coupure", "brulure", "entorse")
)
_RECALL_WORDS = frozenset("rappel recall".split())
_MOUTH_WORDS = frozenset("mouth bouche".split())
_ILL_WORDS = frozenset(
    """headache headaches migraine migraines mal nausea nauseous nausee nausees dizzy dizziness vertige vertiges
    palpitations maux vomiting vomited vomi threw throwing sick ill malade malades rendu rendue rendus stomach
    crampes""".split()
) | frozenset(("tachycardie", "tachycardia"))
_FAILURE_WORDS = frozenset(
    """snapped snaps sheared buckled shattered collapsed gave gives caved came popped pops fell let tipped folded
    stopped jerked locked broke cracked split failed quit broken slipped released unlatched unlocked own itself
    touching tient seule seul rolled glisse net coup deux rompu pete craque bascule rompue pliee replie repliee
    effondre effondree ecroule ecroulee renverse renversee detache detachee decroche decrochee desserre desserree
    brise brisee ouvert ouverte arrete arretee plie lache cede casse cassee tore ripped""".split()
)
_RESTRAINT_WORDS = _forms(
    "isofix",
    "harness",
    "harnais",
    "buckle",
    "boucle",
    "clip",
    "latch",
    "strap",
    "sangle",
    "ceinture",
    "attache",
    "verrou",
    "lock",
    "hinge",
    "charniere",
    "connector",
    "connecteur",
    "pince",
    "mousqueton",
    "clasp",
    "fermoir",
    endings=("", "s", "es"),
)


def _has(words: frozenset[str], text_words: frozenset[str], prefixes: tuple[str, ...] = ()) -> bool:
    if not words.isdisjoint(text_words):
        return True
    return bool(prefixes) and any(w.startswith(prefixes) for w in text_words)


def harms(text: str) -> Iterator[re.Match[str]]:
    """Harms told by their shape in ``text`` (the accent-folded base view), each as the match to report."""
    words = words_of(text)
    if _has(_INJURY_WORDS, words, ("coince",)):
        for m in _INJURY.finditer(text):
            if not _FIT.fullmatch(m.group(0)):
                yield m
    if not _RECALL_WORDS.isdisjoint(words):
        yield from _RECALL.finditer(text)
    for m in _EFFECTS.finditer(text):
        sentence = sentence_around(text, m.start(), m.end())
        if m.group(0) in _SWELLING and _BATTERY.search(text) is None:
            continue
        if m.group(0).startswith(_GLASS) and _DROPPED.search(sentence):
            continue
        yield m
    if _has(_FAILURE_WORDS, words, ("deverrouill",)) and _FAILURE.search(text):
        for m in _CONSEQUENCE.finditer(text):
            if _FAILURE.search(_and_before(text, m.start(), m.end())):
                yield m
    if not _STRUCK_WORDS.isdisjoint(words):
        for m in _STRUCK.finditer(text):
            if not _UNHURT.search(_and_before(text, m.start(), m.end())):
                yield m
    if not _GEAR_WORDS.isdisjoint(words):
        for m in _GEAR_BROKE_IN_A_FALL.finditer(text):
            if not _UNHURT.search(_and_before(text, m.start(), m.end())):
                yield m
    if not _MOUTH_WORDS.isdisjoint(words) and _YOUNG_CHILD.search(text):
        for m in _MOUTH.finditer(text):
            if _MOUTH_TROUBLE.search(_and_before(text, m.start(), m.end())):
                yield m
    if not _RESTRAINT_WORDS.isdisjoint(words) and _CHILD_GEAR.search(text):
        yield from _RESTRAINT.finditer(text)
    if any(w.startswith(("mold", "mould", "moisi")) for w in words) and (
        _YOUNG_CHILD.search(text) or _MOUTH_OR_FOOD.search(text)
    ):
        yield from _MOULD.finditer(text)
    if _has(_ILL_WORDS, words, ("diarrh",)):
        vet = _VET.search(text) is not None
        for m in _ILL.finditer(text):
            if vet or _ILL_CAUSE.search(sentence_around(text, m.start(), m.end())):
                yield m
    yield from hazards(text)
