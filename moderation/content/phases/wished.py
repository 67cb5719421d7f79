"""Harm wished on a person or called for, in French and English, however the person is named (searched by
``threats``, held as ``abusive``).

Three classes, each read by its parts rather than by a sentence:

- an accident, an illness or a death wished on someone: "I hope she gets hit by a bus on her way home", "hope he gets
  cancer", "can't wait till the manager has a heart attack", "j'espère qu'elle se fasse écraser", "pourvu qu'il chope
  un cancer". "He" and "she" count only where the text names a person before ("Customer service rep Brenda hung up
  on me twice. I hope she …"), never in a review that tells a story (a villain's fate is the reader's business), and a
  death wished only outside the family ("my nan is 98, I hope she dies peacefully" is love). "I hope the battery
  dies" and "the bus nearly hit me" name nobody, nor wish;
- a disaster wished with them aboard: "hope the CEO's yacht sinks with him on it", "would love it if his jet
  crashed with him in it", "j'espère que son bateau coule avec lui à bord". The wish is said before, or the pleasure
  after ("…, would make my week"); "the ferry sank with him on board" in a history book is neither;
- others called on to do violence to a person: "someone should throw him overboard", "somebody needs to push her
  under a bus", "he should be thrown overboard", "quelqu'un devrait le jeter par-dessus bord", "faudrait le pendre,
  ce type". A thing is thrown too ("someone should throw this kettle away", "throw them in the bin"), so only to where
  people are thrown to harm them, or with a verb done only to people, and a pronoun only after a person is named.

Matching is on the ``words`` view: accents and case folded.
"""

from __future__ import annotations

import re

from moderation.content.phases.menace import EN_NAMED_NOUN, FR_NAMED_NOUN
from moderation.content.phases.shapes import NARRATIVE, PERSON_NOUN, any_of
from moderation.content.phases.shapes import Q as _Q

# ---- Who: a person named before, then "he", "she" -------------------------------------------------------------------
# A role or a person, wider than the staff: a review names the steward, the rep, the host, the landlord.
_ROLE = (
    r"(?:reps?|ceos?|boss|stewards?|stewardess|crew|captain|pilot|host|hostess|guide|instructor|coach|trainer|teacher|"
    r"landlord|landlady|neighbou?r|mechanic|plumber|electrician|guard|bouncer|barman|bartender|barista|chef|cook|"
    r"doctor|dentist|nurse|pharmacist|optician|hairdresser|stylist|therapist|vet|porter|concierge|maid|cleaner|"
    r"director|founder|owner|president|ex|bloke|lad|girl|dude|chick|karen|idiot|moron|cow|bitch|bastard|twat|"
    r"hote|hotesse|guide|prof|medecin|docteur|infirmiere?|coiffeuse?|proprio|voisine?|chef|capitaine|pilote|"
    r"steward|moniteur|monitrice|coach|pdg|boss|meuf|nana|gars|mec|type|connard|connasse|conne|con|bouffon|"
    rf"{PERSON_NOUN}|{EN_NAMED_NOUN}|{FR_NAMED_NOUN})"
)
_A_PERSON = re.compile(rf"\b{_ROLE}\b|\b(?:mr|mrs|ms|miss|monsieur|madame|mme|m)\.? [a-z]+|@[a-z0-9_]{{3,}}")
# Whose death is mourned, not wished: "my nan is 98, I hope she dies peacefully", a pet.
_KIN = re.compile(
    r"\b(?:my|mon|ma|notre|our) (?:nan|nana|gran|grandma|granny|grandmother|grandad|grandpa|grandfather|mum|mom|"
    r"mother|dad|father|wife|husband|son|daughter|dog|cat|pet|horse|mamie|papi|grand-mere|grand-pere|mere|pere|"
    r"femme|mari|fils|fille|chien|chienne|chat|chatte)\b"
)
_EN_SHE = r"(?:he|she|they|him|her|them)"
_EN_NAMED = rf"(?:(?:the|that|this|your|ur|our|my) (?:[a-z]+{_Q}?s? ){{0,2}}?{_ROLE})"

# ---- An accident, an illness, a death wished ------------------------------------------------------------------------
_EN_WISHING = (
    rf"(?:hope|hoping|wish|pray|may|(?:i{_Q}?d|i would|would) (?:love|like) (?:it )?(?:if|to see|for)|can{_Q}?t wait "
    rf"(?:till|until|for|to see)|here{_Q}?s hoping|fingers crossed|if only)(?: that)?"
)
_VEHICLE = r"(?:bus|car|truck|lorry|train|tram|van|taxi|cab|bike|motorbike|drunk driver|coach|tractor|plane)"
_EN_HARM = (
    rf"(?:(?:gets?|got|get|is|was|be|will (?:get|be)|would (?:get|be)) (?:hit|run over|knocked down|mowed down|"
    rf"flattened|killed|crushed) by (?:a|an|the|some) (?:[a-z]+ )?{_VEHICLE}|(?:gets?|got|get|will get|would get) "
    r"(?:run over|hit by (?:a|an|the) (?:[a-z]+ )?(?:bus|car|truck|lorry|train)|cancer|covid|ebola|aids|leprosy|the "
    r"plague|a (?:terminal|incurable|horrible|painful) (?:disease|illness)|stabbed|shot|murdered|mugged|beaten up|"
    r"lynched|raped)|(?:has|have|had|gets?|got) (?:a (?:heart attack|stroke|fatal (?:accident|crash)|car crash|car "
    r"accident)|an accident on (?:her|his|their|the) way)|(?:breaks?|broke) (?:her|his|their) (?:neck|back|spine|"
    r"skull)|(?:falls?|fell) (?:down the stairs|off a (?:cliff|bridge|roof|building)|under a (?:bus|train))|"
    r"(?:chokes?|choked) to death|(?:burns?|burned|burnt) (?:alive|to death|in hell)|(?:drowns?|drowned)|drops? dead|"
    r"(?:dies?|died)(?! (?:peacefully|in (?:peace|(?:her|his|their) sleep)|of (?:old age|laughter|shame|"
    r"embarrassment)|happy|quickly and painlessly|without pain|down|off|out)))\b"
)
_FR_WISHING = (
    rf"(?:j{_Q}?\s*espere|esperons|je souhaite|pourvu|vivement|j{_Q}?\s*aimerais (?:bien )?|ce serait (?:bien|cool|"
    r"top|parfait|genial))(?: (?:sincerement|vraiment|franchement|de tout coeur|tellement|bien|juste))? "
    rf"(?:que |qu{_Q}\s*)"
)
_FR_HARM = (
    r"(?:(?:va |vont |finisse par |finira par |puisse )?(?:se (?:fasse|fassent|fera|feront|faire) (?:ecraser|renverser|"
    r"faucher|percuter|tuer|buter|egorger|tabasser|lyncher|poignarder|violer|agresser|defoncer)|(?:se )?(?:prenne|"
    r"prennent|prendra|prendre|se prenne) (?:un camion|une voiture|un bus|un train|un tram|une balle|un coup de "
    r"couteau|un poteau)|(?:chope|choppe|chopent|attrape|attrapent|choper|attraper|ait|aient|avoir|fasse|fassent|"
    r"faire|chopera|attrapera) (?:un cancer|le cancer|le covid|le sida|la peste|la lepre|une sale maladie|une "
    r"maladie (?:incurable|grave|mortelle)|un accident|un avc|une crise cardiaque|un infarctus|une crise de "
    r"coeur)|(?:se )?(?:casse|cassent|casser|pete|peter|brise) (?:le cou|la nuque|les deux jambes|le crane)|"
    r"(?:creve|crevent|crever|meure|meurent|mourir) (?:la bouche ouverte|dans (?:d.atroces|d.horribles) souffrances|"
    r"seule?|comme un chien|dans un accident)|(?:brule|brulent) vif|(?:se )?noie|se noient))\b"
)
_WISHED = any_of(
    [
        rf"\b{_EN_WISHING} (?:{_EN_SHE}|you|u|{_EN_NAMED}(?:,? [a-z]+,)?)(?: (?:[a-z]+ly|just|finally|soon|one day|"
        rf"eventually|actually))* {_EN_HARM}",
        rf"\b{_FR_WISHING}(?:il|elle|ils|elles|tu|(?:le|la|les|ce|cette|ces|ton|ta|son|sa|votre) (?:[a-z]+ )?{_ROLE})"
        rf"(?: [a-z]+){{0,2}}? {_FR_HARM}",
    ]
)

# ---- A disaster wished, with them aboard ---------------------------------------------------------------------------
_WRECK = (
    r"(?:sinks?|sank|sunk|sinking|crash(?:es|ed|ing)?|go(?:es|ing)? down|went down|blows? up|blew up|blowing up|"
    r"explodes?|exploded|exploding|burns?(?: down)?|burning|"
    r"catches fire|caught fire|capsizes?|derails?|falls? out of the sky|hits? an iceberg|coule|coulent|sombre|"
    r"s.ecrase|explose|deraille|chavire|brule|crame|prend feu|s.abime en mer|tombe)"
)
_ABOARD = (
    r"(?:with|avec) (?:(?:him|her|them|you|u|lui|elle|eux|toi|vous|the (?:whole )?(?:family|board|crew|lot))(?: all| "
    r"still| tous| toutes| encore| dessus| dedans)?|(?:all|everyone|tout le monde)) (?:on it|on board|onboard|aboard|"
    r"inside|in it|in there|on there|dedans|dessus|a bord|a l.interieur)\b"
)
_PLEASED = (
    r"(?:would|will|.d|that.d|it.d) (?:make my (?:day|week|month|year)|be (?:karma|justice|hilarious|great|nice|"
    r"perfect|poetic justice))|(?:ca|cela) (?:me )?(?:ferait|ferai) (?:plaisir|ma journee|ma semaine)|ce serait "
    r"(?:le karma|justice|bien fait|parfait|genial)|bien fait"
)
_ABOARD_WISHED = any_of(
    [
        rf"\b(?:{_EN_WISHING}|(?:j{_Q}?\s*)?espere|pourvu|vivement|j{_Q}?\s*aimerais)\b[^.!?]{{0,60}}"
        rf"(?<!\bne )(?<!\bn{_Q})(?<!not )(?<!n{_Q}t )\b{_WRECK}\b[^.!?]{{0,30}}\b{_ABOARD}",
        rf"\b{_WRECK}\b[^.!?]{{0,30}}\b{_ABOARD}[^!?]{{0,60}}\b(?:{_PLEASED})\b",
    ]
)

# ---- Others called on to do violence ---------------------------------------------------------------------------------
_EN_CALLER = (
    r"(?:someone|somebody|some1|anyone|they|you|we|people|the (?:company|airline|cruise line|captain|crew|passengers))"
    r" (?:should|needs? to|ought to|oughta|has to|have to|must|could) (?:just |really |seriously |honestly |actually "
    r"|all |go |go and )?"
)
_OVERBOARD = (
    r"(?:overboard|off (?:a|the) (?:boat|ship|deck|bridge|cliff|roof|balcony|plane|pier)|out (?:of )?(?:a|the) "
    r"(?:window|plane)|in(?:to)? the (?:sea|river|ocean|lake|canal|harbou?r|bay|thames)|under (?:a|the) (?:bus|train|"
    r"truck|lorry)|in front of (?:a|the) (?:bus|train|truck)|to the (?:sharks|crocodiles|lions|pigs)|down the stairs)"
)
_EN_DONE = (
    rf"(?:(?:throw|push|shove|chuck|toss|kick|drag) {_EN_SHE} {_OVERBOARD}|(?:drown|hang|lynch|deck|smack|flog|"
    rf"keelhaul|string up) (?:him|her)\b(?! (?:up|on|in|out)\b)|(?:beat|kick) {_EN_SHE} (?:up|senseless|to death|"
    rf"to a pulp|black and blue|unconscious|into next week)|"
    rf"beat the (?:shit|crap|hell|living daylights) out of {_EN_SHE}|"
    rf"knock {_EN_SHE} (?:out|the fuck out|into next week)|feed {_EN_SHE} to the (?:sharks|fish|crocodiles|pigs|dogs|"
    rf"lions)|set {_EN_SHE} on fire|string {_EN_SHE} up|put {_EN_SHE} (?:in the ground|six feet under))\b"
)
_EN_PASSIVE = (
    rf"\b(?:he|she|{_EN_NAMED})(?: (?:really|honestly|seriously))? (?:should|needs to|deserves to|ought to|must) be "
    r"(?:thrown|pushed|chucked|tossed|kicked) (?:overboard|off (?:a|the) (?:boat|ship|bridge|cliff|roof)|under "
    r"(?:a|the) (?:bus|train)|to the sharks)\b|\b(?:he|she|{_EN_NAMED}) (?:should|needs to|deserves to|ought to|"
    r"must) be (?:hanged|hung|lynched|drowned|flogged|keelhauled|beaten|beaten up|shot|stabbed|put down)"
    r"(?=\s*(?:$|[.!?,;]|and\b|for\b|like\b))"
)
_FR_CALLER = (
    rf"(?:quelqu{_Q}\s*un|qqn|qq1|on|vous) (?:devrait|devriez|doit|devrait bien|pourrait|aurait du)(?: vraiment| "
    rf"juste| bien)? |(?:il )?(?:faut|faudrait|faudra)(?: vraiment| juste| bien)? |y a (?:plus )?qu{_Q}\s*a "
)
_FR_THEM = rf"(?:le |la |l{_Q}\s*|les )"
_FR_DONE = (
    rf"(?:{_FR_THEM}(?:jeter|balancer|pousser|lancer|foutre) (?:par-dessus bord|par dessus bord|a la (?:mer|flotte|"
    r"seine)|a l.eau|dans la (?:mer|riviere|seine|flotte)|par la fenetre|du haut d.un (?:pont|immeuble|toit)|sous un "
    rf"(?:bus|train|camion)|aux requins)|{_FR_THEM}(?:pendre|lyncher|tabasser|noyer|fusiller|abattre|passer a tabac|"
    r"egorger|buter|tuer|trucider)(?! (?:a|au|aux|sur|dans|avec|le poisson|de|du)\b)|lui (?:casser la gueule|defoncer "
    r"la gueule|(?:mettre|foutre|coller|filer) (?:une|des|sa) (?:raclee|rouste|branlee|derouillee|balle)|faire la "
    r"peau|regler son compte))"
)
_CALLED = any_of([rf"\b{_EN_CALLER}{_EN_DONE}", _EN_PASSIVE, rf"\b(?:{_FR_CALLER}){_FR_DONE}\b"])

_GATE = re.compile(
    r"hope|hoping|wish|pray|may|love|like|wait|fingers|if only|espere|souhaite|pourvu|vivement|aimerais|serait|"
    r"should|needs|ought|must|has to|have to|could|devrai|doit|pourrait|aurait|faut|faudr|y a"
)
_ABOARD_GATE = re.compile(r"board|on it|in it|inside|in there|on there|dedans|dessus|bord|interieur")
_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|il|elle|ils|elles|le|la|l.|les|lui)\b")


def wished(text: str) -> list[re.Match[str]]:
    """Harm wished on a person or called for (see the module's docstring), in the ``words`` view."""
    if any(m.group(0) not in ("boss", "bosses") for m in NARRATIVE.finditer(text)):  # a workplace has a boss too
        return []
    found = list(_ABOARD_WISHED.finditer(text)) if _ABOARD_GATE.search(text) else []
    if not _GATE.search(text):
        return found
    for m in list(_WISHED.finditer(text)) + list(_CALLED.finditer(text)):
        said = m.group(0)
        # A pronoun is someone only where the text names a person; a death wished only outside the family.
        if _PRONOUN.search(said) and not _A_PERSON.search(said) and not _A_PERSON.search(text):
            continue
        if re.search(r"\b(?:dies?|died|drops? dead|meure|mourir|creve)\b", said) and _KIN.search(text):
            continue
        found.append(m)
    return found
