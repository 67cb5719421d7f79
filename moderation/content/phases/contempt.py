"""Harassment by dismissal and contempt, in French and English (searched by ``threats``, held as ``abusive``): telling
one person to go away, to shut their mouth, that they should not breed, that they or the staff have an oyster's IQ.

Matching is on the ``words`` view: accents and case folded, leetspeak and spaced letters undone.
"""

from __future__ import annotations

from moderation.content.phases.shapes import STAFF_EN, STAFF_FR
from moderation.content.phases.shapes import Q as _Q

# ---- Telling someone to go away --------------------------------------------------------------------------------------
# A dismissal said as a sentence of its own, to one person: "Dégage, personne ne veut de toi", "Casse-toi.", "Ferme-la
# !", "Piss off, troll". In French only the "tu" forms, which speak to a person (a brand is "vous"); "la vue dégage",
# "get lost in this book" and "shut up and take my money" are not sentences of their own, and "shut up" and "go away"
# are left out (said in delight, or of a pain).
DISMISSAL = [
    r"(?:^|[.!?;:,]\s*)(?:allez,? |bon,? |maintenant,? )?(?:ferme[- ]la|casse[- ]toi|barre[- ]toi|tire[- ]toi|degage|"
    r"fous le camp|fous[- ]moi la paix)(?: un peu| donc| maintenant)?(?=\s*(?:$|[.!?,;:]))",
    r"(?:^|[.!?;:,]\s*)(?:now |just |so )?(?:piss off|bugger off|sod off|get lost|get the hell out)"
    r"(?=\s*(?:$|[.!?,;:]))",
]

# ---- Contempt for the person --------------------------------------------------------------------------------------
# Telling someone to shut their mouth, that they should not breed, that they have an oyster's IQ: said to a person
# ("t'as un QI d'huître") or of staff ("the people in your returns department have the IQ of a houseplant", "les
# vendeurs de ce magasin ont un QI de bulot"), not of a robot vacuum, and "shut up and take my money" is delight.
_EN_STAFF_SUBJECT = (
    rf"(?:the|your|these|those|this|that|their) (?:[a-z]+ ){{0,3}}?(?:{STAFF_EN}|people|guys|folks|team|crew|workers|"
    r"support)(?: [a-z]+){0,4}?"
)
_FR_STAFF_SUBJECT = (
    rf"(?:les|ces|vos|tes|leurs|le|la|ce|cette|votre|ton|ta|leur) (?:[a-z]+ )?(?:{STAFF_FR}|gens|mecs?|types?|"
    r"personnel|equipes?|staff|sav)(?: [a-z']+){0,4}?"
)
CONTEMPT = [
    r"\bshut (?:your|ur|yo) (?:mouth|face|trap|gob|pie ?hole)\b",
    r"\b(?:shouldn.?t|should not|should never|ought not to) be allowed to (?:breed|reproduce|procreate|have (?:kids|"
    r"children))\b|\bne (?:devrai(?:en)?t|devrais|devriez) (?:pas|jamais) avoir le droit de (?:se reproduire|procreer|"
    r"faire des enfants|avoir des enfants)\b",
    rf"\b(?:t{_Q}?\s*as|tu as|vous avez|t{_Q}?\s*a|{_FR_STAFF_SUBJECT} (?:ont|a))\s+(?:clairement |vraiment |"
    r"franchement |tous |toutes )?(?:le|un) qi "
    rf"(?:d{_Q}\s*une?\s*|de |d{_Q}\s*)(?:huitre|moule|bulot|poulpe|poisson rouge|mouche|palourde|bigorneau|endive|"
    r"courgette)s?\b|"
    rf"\b(?:you|u|they|{_EN_STAFF_SUBJECT})(?: clearly| obviously| really| all| must)?(?: have| has| got|{_Q}ve got|"
    r" ve got) (?:the )?(?:iq|brains?|brain cells?) of (?:a |an )?"
    r"(?:goldfish|potato|rock|brick|oyster|toaster|doorknob|peanut|turnip|houseplant)\b",
]

# ---- Sexual remarks about a woman on the staff -----------------------------------------------------------------------
# Said of her, not to her: "only went back to watch the girl at the till bend over again", "the cashier has a great
# arse", "la vendeuse blonde du rayon lingerie elle peut venir me faire l'essayage perso 😘🍆", "je la prendrais bien
# dans la cabine d'essayage". A woman by her job or her looks, then the remark: "the saleswoman helped me bend the
# frame" and "la vendeuse peut me faire un prix" are service.
_WOMAN_EN = r"(?:girl|lass|woman|lady|cashier|waitress|receptionist|saleswoman|assistant|blonde|brunette|redhead)"
# Someone else, pointed at: "the girl at the till", not "as a petite lady with big boobs" (the reviewer).
_THE_WOMAN_EN = rf"(?:the|that|this|your|their) (?:[a-z]+ ){{0,2}}?{_WOMAN_EN}"
_WOMAN_FR = (
    r"(?:la|cette|ta|votre|une|les) (?:[a-z]+ )?(?:vendeuse|caissiere|serveuse|hotesse|conseillere|receptionniste|"
    r"stagiaire|blonde|brune|rousse|meuf|nana|livreuse)s?"
)
_LEWD_EMOJI = "[🍆💦🍑👅]"
OGLING = [
    r"\b(?:watch\w*|see|saw|look(?:ing)? at|star(?:e|ing) at|perv(?:ing)? on|ogl\w+|check(?:ing)? out)\b"
    rf"[^.!?\n]{{0,40}}\b{_THE_WOMAN_EN}\b[^.!?\n]{{0,40}}\bbend(?:s|ing)? over\b",
    rf"\b{_THE_WOMAN_EN}\b[^.!?\n]{{0,60}}\b(?:has|got) (?:a |an |such a |some )?(?:nice|great|fit|fine|lovely|big|"
    r"perfect|tight) (?:tits|ass|arse|rack|boobs|bum|booty)\b",
    rf"\b{_WOMAN_FR}\b[^.!?\n]{{0,80}}?(?:\bje (?:la|me la|les) (?:baiserais|sauterais|culbuterais|defoncerais|"
    r"prendrais bien (?:dans la cabine|sur le comptoir|contre|par derriere))\b|\belle (?:peut|pourrait) (?:venir )?me "
    rf"(?:faire|sucer|rejoindre)\b[^.!?\n]{{0,60}}(?:\bperso\b|quand elle veut|{_LEWD_EMOJI})|{_LEWD_EMOJI})",
]
