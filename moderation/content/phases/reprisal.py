"""A sentence passed on a person, in French and English: death pronounced ("you're dead", "t'es mort"), or a reprisal
the speaker will make ("I'll make you pay", "I'll make you disappear", "si je le recroise je le démonte"). Searched by
``threats``, held as ``abusive``.

- **Death pronounced** at the head of a clause, then nothing, whom it is said to, or the condition it waits on:
  "you're dead", "ur dead meat bro", "t'es mort fdp", "t'es mort si je te recroise". Not the figures of a review:
  "you're dead wrong", "you're dead to me", "t'es mort de rire", nor a plight ("if you forget the charger, you're
  dead": an "if" that is no meeting);
- **a meeting, then the harm**: "if I see him again he's dead", "next time I see you you're dead", "si je le revois je
  le défonce", "si je la recroise je la démonte". A product seen again ("si je le revois en promo je le prends") has
  no verb of harm after it;
- **a reprisal the speaker will make**: "I'll make you pay", "we'll make you disappear", "I'll make the manager
  suffer", "tu vas comprendre ta douleur". Not "this cream will make your wrinkles disappear" (no speaker), "I'll make
  you a deal", nor "you'll regret it", which reviews say of a purchase.

Matching is on the ``words`` view: accents and case folded, leetspeak and spaced letters undone.
"""

from __future__ import annotations

import re

from moderation.content.phases.menace import EN_NAMED_DESCRIBED, FR_NAMED_NOUN
from moderation.content.phases.shapes import EN_SPEAKER, Q, any_of

_CLAUSE_START = r"(?:^|[.!?,;:\n]\s*|\b(?:and|then|so|or|bro|mate|et|sinon|alors|bah|ben|toi)\s+)"
# Whom it is said to, or nothing after it: "you're dead, mate", "t'es mort fdp", "t'es mort !".
_EN_ADDRESSEE = (
    r"(?=\s*(?:$|[.!?,;:)]|(?:mate|bro|pal|buddy|dude|man|kid|boy|son|bitch|bastard|idiot|moron|asshole|arsehole|"
    r"prick|cunt|fucker|motherfucker|scum)\b|(?:if|when|once|next time|the (?:minute|moment|second))\b))"
)
_FR_ADDRESSEE = (
    r"(?=\s*(?:$|[.!?,;:)]|(?:mon (?:gars|pote|grand|coco|vieux)|fdp|ntm|connard|connasse|enfoire|salope|batard|"
    r"sale \w+|pauvre \w+|mec|gros|frere|frerot)\b|(?:si|quand|des que|la prochaine fois)\b))"
)
# A meeting the threat waits on: "if I see you (again)", "next time I catch him", "si je te recroise".
_EN_MEETING = (
    r"\b(?:if|when|next time|once|the (?:minute|moment|second)|as soon as) (?:i|we) (?:ever )?(?:see|catch|find|meet|"
    rf"run into|bump into|spot|get (?:hold of|my hands on)) (?:you|u|ya|him|her|them|{EN_NAMED_DESCRIBED})"
    r"(?: (?:again|around|here|there|outside|in (?:the )?(?:street|car park|parking lot)))?,?"
)
_FR_MEETING = (
    rf"\bsi (?:je|j{Q}\s*|on) (?:te |t{Q}\s*|vous |le |la |l{Q}\s*|les )(?:revois|recroise|croise|vois|chope|"
    r"attrape|retrouve|reprends|recroiserai|reverrai|revoit|recroise)\b(?: encore| un jour| une fois)?"
    r"(?: (?:dans|sur|a|au|devant|en|pres) (?:la |le |l.|les |ce |cette |mon |ton )?[a-z]+)?,?"
)
_EN_DEAD = r"(?:so |fucking |fkn |effing )?(?:dead(?: meat)?|a dead (?:man|woman|boy|girl))"
_FR_DEAD = r"(?:un homme mort|une femme morte|mort|morte|morts|mortes)"
# After a meeting only, "finished" too: "if I see him again he's finished" ("assemble it and you're finished" is not).
_EN_DONE = rf"(?:{_EN_DEAD}|finished|toast)"
_EN_YOU_ARE = rf"(?:you{Q}?re|you are|ur|u r|u are|youre|ya{Q}?re|your)"
_FR_YOU_ARE = rf"(?:t{Q}\s*es|t es|tes|tu es|tu est|vous etes)"
# Verbs of harm done to a person, said in the present as the speaker's next act: "je le défonce", "je te bute".
_FR_HARM_NOW = (
    r"(?:defonce|demonte|eclate|explose|massacre|bute|tue|nique|tabasse|egorge|saigne|cogne|frappe|fume|plante|"
    r"defigure|detruis|casse la gueule|pete la gueule|refais le portrait|fais la peau|creve)"
)
_EN_REPRISAL = (
    r"(?:pay|suffer|disappear|vanish|bleed|regret (?:it|this|that|the day|ever|everything|being|saying|writing|"
    r"posting|what))"
)

# The reader's own coming or saying, a condition that still threatens: "if you come back, you're dead", "si tu
# reviens ici t'es mort".
_THEIR_DOING = (
    r"\b(?:if|when|si|quand) (?:you|u|tu|vous) (?:ever |dare |oses? )?(?:come|show|post|say|write|touch|call|go near|"
    r"reviens|revenez|remets|remettez|repasses|repassez|recommences|recommencez|touches|touchez|approches|dis|dites|"
    r"ecris|ecrivez|postes|postez)"
)

_SHAPES = [
    rf"{_THEIR_DOING}\b[^.!?]{{0,40}}? (?:{_EN_YOU_ARE} {_EN_DEAD}|{_FR_YOU_ARE} {_FR_DEAD})\b",
    # Death pronounced: "you're dead", "ur dead meat bro", "you're dead if I see you again".
    rf"{_CLAUSE_START}{_EN_YOU_ARE} {_EN_DEAD}\b(?! (?:to|wrong|right|on|set|serious|tired|center|centre|cheap|"
    r"easy|simple|last|in the water|on arrival|inside|weight|end|zone|ringer|battery|accurate|quiet|silent|straight|"
    rf"ahead|sexy|cute|gorgeous|with|already|at)\b){_EN_ADDRESSEE}",
    rf"{_CLAUSE_START}{_FR_YOU_ARE} {_FR_DEAD}\b(?! (?:de|d{Q}|a force|avec|pour|en|dans|ou|et|quand tu vois)\b)"
    rf"{_FR_ADDRESSEE}",
    # A staff member said to be dead meat: "that cashier is dead meat", "ce vendeur est un homme mort".
    rf"\b{EN_NAMED_DESCRIBED}(?: is|{Q}s) (?:so )?(?:dead meat|a dead (?:man|woman))\b",
    rf"\b(?:ce|cette|le|la|l{Q}\s*) ?{FR_NAMED_NOUN} (?:est|c{Q}\s*est) (?:un homme mort|une femme morte)\b",
    # A meeting, then the harm: "if I see him again he's dead", "si je le revois je le défonce".
    rf"{_EN_MEETING} (?:(?:he|she|they){Q}?(?:s|re)|(?:he|she) is|they are|{_EN_YOU_ARE}) {_EN_DONE}\b",
    rf"{_EN_MEETING} \b(?:{EN_SPEAKER}) (?:kill|murder|stab|smash|destroy|end|hurt|beat|batter|wreck|break)\b",
    rf"{_FR_MEETING} (?:(?:je|j{Q}\s*|on) (?:vais |va )?(?:te |t{Q}\s*|vous |le |la |l{Q}\s*|les |lui |leur )"
    rf"{_FR_HARM_NOW}|(?:il|elle) est {_FR_DEAD}|{_FR_YOU_ARE} {_FR_DEAD})\b",
    rf"{_CLAUSE_START}{_FR_YOU_ARE} {_FR_DEAD} {_FR_MEETING}",
    # A reprisal the speaker will make: "I'll make you pay", "we'll make the manager disappear".
    rf"\b(?:{EN_SPEAKER}) make (?:you|u|ya|him|her|them|{EN_NAMED_DESCRIBED}) {_EN_REPRISAL}\b(?! (?:with|by) (?:the|"
    r"this|these|our|my)\b)",
    r"\b(?:tu vas|tu va|vous allez) (?:comprendre|connaitre) (?:ta|votre) douleur\b",
    # A blow nearly given, or promised: "j'ai failli lui en coller une", "je vais lui en mettre une".
    rf"\b(?:j{Q}\s*ai failli |j{Q}\s*etais a deux doigts de |(?:je|j{Q}\s*) ?(?:vais|va) |la prochaine fois je )"
    rf"(?:lui|leur|te|t{Q}\s*|vous) en (?:coller|mettre|foutre|retourner|claquer|collerai|mettrai|foutrai|"
    r"retournerai) une\b",
]

PATTERN = any_of(_SHAPES)
# A word each shape cannot do without: most texts have none, and the shapes never run on them.
GATE = re.compile(
    r"dead|mort|finished|toast|make (?:you|u|ya|him|her|them|the|that|this|your|ur)\b|douleur|revois|recrois|croise|"
    r"chope|attrape|reverr|en (?:coller|mettre|foutre|retourner|claquer|collerai|mettrai|foutrai|retournerai) une|"
    r"(?:if|when|next time|once|as soon as) (?:i|we) (?:ever )?(?:see|catch|find|meet|run into|bump into|spot|get)"
)


# A plight rather than a threat, in the words before it: "if you forget the charger, you're dead", "sans GPS, t'es
# mort". A condition of the reader's own coming or saying still threatens (``_THEIR_DOING``).
_PLIGHT = re.compile(r"\b(?:if|unless|without|once|when|si|sans|sauf|quand|une fois)\b")
_THEIR_DOING_RE = re.compile(_THEIR_DOING)


def reprisal(text: str) -> list[re.Match[str]]:
    """The shapes of this module found in the ``words`` view ``text``."""
    found = []
    for m in PATTERN.finditer(text):
        before = text[max(0, text.rfind(".", 0, m.start()), m.start() - 80) : m.start()]
        if _PLIGHT.search(before) and not _THEIR_DOING_RE.search(before) and not _PLIGHT.search(m.group(0)):
            continue
        found.append(m)
    return found
