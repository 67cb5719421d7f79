"""Threats of violence, harassment, hate against a group (``hate``), and self-harm, in French and English.

A threat aimed at a person (the customer answered, the seller, the delivery driver) is held as ``abusive``: no
brand publishes "I'll kill you" or "je sais où tu habites" under a product, and none of them is a word the
abuse lists could name, because every word in them ("kill", "tuer", "find", "live") is an everyday word. So the
rules read the shape of a threat rather than a word:

- someone who speaks for themselves (I, we, je, on) + intent (will, gonna, vais, veux) + a verb of violence
  + a person: "I'm gonna kill you", "we will find you and hurt you", "j'vais t'buter", "je te tuerai",
  "je vais lui casser la gueule". The person is what keeps reviews out: "this blender will kill you" has no
  speaker, "I'd kill for these shoes" and "je vais le démonter" (the shelf) have no person, "I'll shoot you an
  e-mail" is excluded by what follows. In French a third-person object ("le", "la") is a person only with a
  verb done to people (tuer, égorger, tabasser), since "je vais la défoncer" may be a box;
- "watch your back", "you're a dead man" (not "Dead Man Walking", a film), and veiled threats, whose shapes live
  in ``menace`` (knowing someone's movements, "would be a shame if something happened"), ``veiled`` (knowing a
  person with a warning, the speaker coming with a harm to people, ending badly for someone), ``mobster`` (the same
  idioms of what a person owns, the staff's tyres to be watched) and ``attacks`` (a call to bomb or burn a place);
- a call on others to do it: "someone should shoot him", "faudrait le buter";
- burning or smashing up someone's shop, home or car;
- telling one person to go away, as a sentence of its own ("Dégage.", "Casse-toi.", "Get lost, …");
- hate against a group, whose shapes live in ``hate`` and are searched here, held as the same ``abusive``.

Self-harm ("I want to kill myself", "je vais me suicider", "idées suicidaires"; ``self_harm``) holds nothing: the
case goes up the queue (``safety``, a lift) so that a person reads it within the safety deadline and can answer with
help.
Hyperbole about a product ("this manual makes me want to die") is left to the reply queue: only the speaker's
own intent or state counts.

Matching is on the ``words`` view: accents and case folded, leetspeak and spaced letters undone ("k i l l").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from moderation.content.normalise import base_view
from moderation.content.phases.attacks import attacks
from moderation.content.phases.banter import a_boast, joking_at_kin
from moderation.content.phases.contempt import CONTEMPT, DISMISSAL, OGLING, OGLING_GATE, PUT_DOWNS, PUT_DOWNS_GATE
from moderation.content.phases.goading import goading
from moderation.content.phases.hate import (
    ANAPHORIC_GATE,
    CODED_GATE,
    HATE_GATE,
    anaphoric_hate,
    coded_hate,
    hate_matches,
)
from moderation.content.phases.hate_polite import GATE as POLITE_HATE_GATE
from moderation.content.phases.hate_polite import polite_hate
from moderation.content.phases.literals import Alternation
from moderation.content.phases.menace import EN_NAMED as _EN_NAMED
from moderation.content.phases.menace import EN_NAMED_DESCRIBED as _EN_NAMED_DESCRIBED
from moderation.content.phases.menace import EN_NAMED_NOUN as _EN_NAMED_NOUN
from moderation.content.phases.menace import EN_PROPERTY as _EN_PROPERTY
from moderation.content.phases.menace import FR_NAMED as _FR_NAMED
from moderation.content.phases.menace import FR_NAMED_NOUN as _FR_NAMED_NOUN
from moderation.content.phases.menace import FR_PROPERTY as _FR_PROPERTY
from moderation.content.phases.menace import MENACE_GATE, menace
from moderation.content.phases.mobster import mobster
from moderation.content.phases.reprisal import GATE as REPRISAL_GATE
from moderation.content.phases.reprisal import reprisal
from moderation.content.phases.shapes import EN_GO_TO, EN_SOON, EN_WISH, FR_HOPE, FR_WISH, any_of, unquoted
from moderation.content.phases.shapes import EN_INTENT as _EN_INTENT
from moderation.content.phases.shapes import EN_SPEAKER as _EN_SPEAKER
from moderation.content.phases.shapes import Q as _Q
from moderation.content.phases.veiled import veiled
from moderation.content.phases.wished import wished
from moderation.content.verdict import Action, Context, Match, Reason

# ---- English --------------------------------------------------------------------------------------------------
# The speaker's intent ("I'll", "imma", "i swear ill") is ``shapes.EN_SPEAKER``.
_EN_MANNER = (
    r"(?: (?:really|fucking|personally|literally|actually|just|totally|seriously|come|come over|come round|go|"
    r"and|find you|hunt you down|track you down|get you))*"
)
# Verbs done to people ("I'll kill him"), and verbs also done to things, a threat only aimed at "you" or a named
# person ("I'll cut them" is a hem, "I'll shoot them in daylight" photos, "I'll break them in" shoes).
_EN_HARM_PERSON = r"(?:kill|murder|stab|strangle|choke|behead|punch|slap|hurt|rape|torture|run over)"
_EN_HARM_EITHER = r"(?:shoot|slit|bash|beat|smash|cut|end|break|burn|knife|gut)"
_EN_BODY = r"(?:face|head|skull|neck|legs?|arms?|teeth|jaw|nose|knees?|bones|throat|house|car|family|kids|children)"
_EN_YOU = rf"(?:you|u|ya|y{_Q}all|(?:your|ur|yo) {_EN_BODY}|{_EN_NAMED})"
# Someone else's bones, only with a verb that breaks them: "I'll break his legs", not "I'll cut her hair".
_EN_LIMBS = r"(?:face|head|skull|neck|legs?|arms?|teeth|jaw|nose|knees?|bones|throat|fingers|ribs|spine)"
_EN_PERSON = rf"(?:{_EN_YOU}|him|her|them)"
# "shoot you an e-mail", "beat you to it", "beat your price": what follows says it is not violence.
_EN_NOT_VIOLENCE = (
    r"(?! (?:an?|the|my|our) (?:e-?mail|email|message|note|line|text|dm|pm|invite|invitation|quote|call|link|reply|"
    r"answer|offer|update|photo|picture|pic))(?! (?:to it|on price|on the price|at)\b)"
)
# "They should kill him off": a writer's choice about a character, in a book or TV review.
_EN_NOT_FICTION = r"(?! off\b)"
_EN_FIND_YOU = r"(?:find|hunt down|track down|hunt|track) (?:you|u)(?: (?:all|people|guys|down))?"
_EN = [
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} {_EN_HARM_PERSON} {_EN_PERSON}\b{_EN_NOT_FICTION}",
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} {_EN_HARM_EITHER}(?: the (?:shit|crap|hell|life) out of)? {_EN_YOU}\b"
    rf"{_EN_NOT_VIOLENCE}",
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} (?:beat|kick|slap|smash|knock) (?:you|u|him|her|them) (?:up|down|senseless|"
    r"to death|unconscious)\b|\b(?:kick|beat|whoop) (?:your|his|her|their) (?:ass|arse|butt)\b",
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} (?:put|send) (?:you|u|ya|him|her|them) in (?:the |a )?(?:hospital|grave|ground|"
    r"hosp|icu|a&e|morgue|wheelchair)\b",
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} (?:break|smash|bash|snap|crack|slit|cut) (?:his|her|their|{_EN_NAMED}{_Q}?s?) "
    rf"{_EN_LIMBS}\b",
    # "I will find you", "we'll hunt you down (and hurt you)": the whole clause, so "we'll find you a replacement" or
    # "I'll find you one, promise" is a shop. A taunt before it ("keep talking and …") or a menace after the comma
    # ("…, it's not that hard to find people", "…, trust me") makes it one whatever follows.
    rf"\b(?:{_EN_SPEAKER}) {_EN_FIND_YOU}(?= *(?:$|[.!?;]| and (?:then )?(?:make|teach|destroy|ruin|end) (?:you|u)\b|"
    rf" and (?:you|u)(?:{_Q}ll| will) (?:regret|pay|be sorry)\b|"
    r", (?:it.?s not (?:that |so )?hard|trust me|mark my words|believe me|count on it|you can.?t hide|wherever you|"
    r"no matter where|just wait)))",
    rf"\b(?:keep (?:talking|it up|going|lying)|(?:say|post|write|do) (?:that|this|it) (?:again|one more time)|one more "
    rf"(?:word|review|comment|lie)|try (?:that|it|me)(?: again)?),? and (?:{_EN_SPEAKER}) {_EN_FIND_YOU}"
    r"(?! (?:a|an|one|some|the|another|something|better|cheaper)\b)",
    rf"\bwatch your back\b|\byou{_Q}?(?:re| are) (?:a )?dead (?:man|woman|meat)\b",
    rf"\b(?:someone|somebody|they|you) (?:should|needs? to|ought to|has to|have to) (?:{_EN_HARM_PERSON} "
    rf"(?:him|her|them|{_EN_NAMED})|{_EN_HARM_EITHER} {_EN_NAMED})\b{_EN_NOT_FICTION}",
    # Finding the person, or coming to them: "I'll find out where you live", "we're coming to your house", "I'm
    # coming for you". Only "you" and one's home or work: "I'll find out where the store is" is a customer.
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} (?:find|find out|figure out|track down|hunt down|look up|get) (?:where "
    rf"(?:you|u) (?:live|work|sleep)|where {_EN_NAMED_DESCRIBED} (?:lives|sleeps)|your (?:address|home address))\b",
    rf"\b(?:(?:{_EN_SPEAKER}){_EN_MANNER} come|(?:i|we)(?:{_Q}m|{_Q}re| am| are) coming)(?: over| round| back)? "
    rf"(?:for (?:you|u)|to (?:your|ur) (?:house|home|place|door|family|kids)|after (?:you|u))\b",
    # Going there, then harming the people in it: "I'll come to your store and hurt someone", "I'm going down to the
    # shop to punch the manager". Someone there: not "I'll hurt someone with these heels", "punch the bag".
    rf"\b(?:{_EN_SPEAKER}|(?:i|we)(?:{_Q}m|{_Q}re| am| are)) {EN_GO_TO} (?:the|that|this|your|ur|their) "
    rf"(?:[a-z]+ ){{0,2}}?{_EN_PROPERTY}{EN_SOON},? (?:and|to) "
    rf"(?:(?:i|we){_EN_INTENT} )?{_EN_HARM_PERSON} (?:someone|somebody|anyone|everyone|people|the staff|your staff|"
    rf"{_EN_NAMED}|{_EN_PERSON})\b",
    # "Refund me or I'll make sure your staff get hurt": harm arranged for them. Not "…nobody gets hurt".
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} make sure (?:that )?(?:you|u|he|she|they|your (?:staff|employees|people|"
    rf"family|kids|driver|drivers)|{_EN_NAMED}) (?:gets?|is|are|ends? up|will (?:get|be)) (?:hurt|injured|killed|"
    r"stabbed|punched|slapped|beaten up|in (?:the |a )?(?:hospital|grave|wheelchair))\b(?!-)",
    # Wishing it, or saying it is deserved: "I hope someone stabs you", "hope you die", "you deserve to be shot".
    rf"\b(?:hope|wish|pray) (?:that )?(?:someone|somebody|some1) (?:\w+ ){{0,2}}?(?:kills|murders|stabs|shoots|"
    rf"rapes|beats|hurts|runs over) (?:you|u|him|her|them|{_EN_NAMED})\b",
    r"\b(?:hope|wish|pray) (?:that )?(?:you|u) (?:\w+ ){0,2}?(?:die|dies|rot|burn|choke|get (?:killed|shot|stabbed|"
    r"raped|beaten|run over|cancer))\b",
    # Wished on someone else: "I hope the manager dies in a fire", "hope the CEO chokes on his bonus", "may the seller
    # rot in hell", "I hope whoever designed this strap burns in hell". A person named, and the harm right after
    # them: not "I hope the battery dies", "I hope the driver doesn't get hurt", "dies of laughter", "rots in jail";
    # nor "he" or "she", who in a book or film review is the villain ("I hope he dies in the sequel").
    # The person's name may follow: "hope the support agent 'Tom' gets hit by a car", "the manager, Kevin, dies".
    rf"\b{EN_WISH} (?:{_EN_NAMED_DESCRIBED}(?: ['\"‘“][a-z]+['\"’”]|,? [a-z]+,)?(?: (?:who|that|at|in|on|from|of)\b"
    r"[^.!?]{0,40}?)?|whoever\b[^.!?]{0,40}?) (?:(?:finally|just|eventually|slowly|soon|will|would) )?(?:dies?\b(?! "
    r"(?:(?:of|from|with) (?:laughter|laughing|shame|embarrassment|envy|jealousy|boredom|happiness)|peacefully|in "
    r"(?:peace|(?:his|her|their) sleep)))|drops? dead|croaks?|rots?(?! (?:in|behind) (?:jail|prison|bars|a cell))|"
    r"burns? in hell|chokes? on|gets? (?:killed|shot|stabbed|run over|hit by a (?:bus|car|truck|lorry|train)|"
    r"cancer))\b",
    # "you should just die", not "you should die your hair" (a misspelt dye).
    r"\b(?:you|u) (?:should|need to|ought to|can) (?:just |all |go )?(?:die|drop dead|rot in hell)\b"
    r"(?! (?:your|ur|it|the|my|them|their|his|her|a|laughing)\b)",
    rf"\b(?:you|u|he|she|they|{_EN_NAMED}) (?:deserves?|deserved|deserving) (?:to (?:die|be (?:shot|killed|stabbed|"
    r"beaten|raped|"
    r"hanged|hung|murdered|tortured)|get (?:shot|killed|stabbed|beaten|raped|murdered))|a bullet)\b",
    r"\b(?:put|send|give) (?:a bullet|bullets) (?:in|into|through|between) (?:your|ur|his|her|their)\b",
    # A beating deserved by a person: "whoever packed this box deserves to get slapped", "the driver deserves a good
    # beating". Not "a slap on the wrist", a mild rebuke, nor dialogue that "deserves a slap".
    rf"\b(?:you|u|he|she|they|whoever\b[^.!?]{{0,40}}|(?:anyone|someone|somebody|the (?:one|person|guy)) who\b"
    rf"[^.!?]{{0,40}}|{_EN_NAMED_DESCRIBED}) deserves? "
    r"(?:to (?:get|be) (?:slapped|punched|beaten|beaten up|smacked|kicked|shot|stabbed)|a (?:good |proper )?"
    r"(?:beating|kicking|punch|slap|smack|hiding)(?! on the (?:wrist|back)))\b",
    # A lesson, a visit or a beating with a weapon: "someone should teach that delivery guy a lesson with a baseball
    # bat", "pay you a little visit with my crowbar". Without the weapon a lesson is a lesson, and a lesson given is
    # teaching ("gave her a lesson with the knife set").
    rf"\b(?:teach (?:you|u|him|her|them|{_EN_NAMED_DESCRIBED}|[a-z]+ (?:guy|man|"
    r"woman|driver)) (?:a lesson|some manners|manners|some respect|respect)|pay (?:you|u|him|her|"
    rf"them|{_EN_NAMED}) a (?:little |quick |friendly )?visit|give (?:you|u|him|her|them|{_EN_NAMED}) a (?:good |"
    r"proper )?beating)\b[^.!?]{0,40}\bwith (?:a|an|my|the|some|his|our) (?:baseball bat|bat|knife|gun|crowbar|"
    r"hammer|machete|pipe|tyre iron|tire iron|brick|axe|brass knuckles|fist|boot|belt)s?\b",
    r"\bmake (?:you|u) (?:regret|wish) (?:(?:that )?(?:you|u) (?:were|was) (?:ever )?born|being born)\b",
]

# ---- French -----------------------------------------------------------------------------------------------------
# Verbs of violence done to people, as infinitives (after "vais", "veux") and, by their stem, conjugated.
_FR_PERSON_VERBS = (
    "tuer",
    "buter",
    "egorger",
    "poignarder",
    "etrangler",
    "assassiner",
    "flinguer",
    "tabasser",
    "violer",
    "trucider",
    "zigouiller",
)
# Verbs also done to things: a threat only with "te"/"vous" ("je vais te défoncer", not "la défoncer"; "l'achever"
# a book, "le saigner" a radiator, "le frapper" a nail). Not "descendre": "je vais vous descendre le colis".
_FR_EITHER_VERBS = (
    "defoncer",
    "demolir",
    "exploser",
    "eclater",
    "bruler",
    "cramer",
    "planter",
    "fumer",
    "frapper",
    "cogner",
    "massacrer",
    "saigner",
    "crever",
    "achever",
)
_FR_BODY = (
    r"(?:la gueule|la tete|le crane|la figure|le portrait|les dents|les (?:deux )?jambes|les (?:deux )?genoux|le nez|"
    r"la face|les (?:deux )?bras)"
)
_FR_SPEAKER = rf"(?:je|j{_Q}?|on|nous)\s*(?:vais|vai|va|allons|veux|voudrais|compte|vas)"
_FR_YOU = rf"(?:te |t{_Q}\s*|vous )"
_FR_THEM = rf"(?:le |la |l{_Q}\s*|les |lui |leur )"
_FR_FILLER = rf"(?:(?:[a-z]+|{_Q}) ){{0,4}}?"  # "on va te retrouver et te …", "je vais bien te …"


def _infinitives(verbs: tuple[str, ...]) -> str:
    return "(?:" + "|".join(verbs) + ")"


def _conjugated(verbs: tuple[str, ...]) -> str:
    """Present and future, singular and plural: "tue", "tuerai", "tuerons"; "bute", "buterai"."""
    stems = [verb[:-2] for verb in verbs]  # all -er verbs
    return "(?:" + "|".join(stems) + r")(?:e|es|ons|ez|erai|eras|era|erons|erez)"


_FR_EITHER_ER = tuple(verb for verb in _FR_EITHER_VERBS if verb.endswith("er"))  # "démolir" is no -er verb

# "le", "la", "les" may be the product, worn out with use: "je vais le tuer à force de l'utiliser", "on la tue à
# l'usage", "je vais les buter tellement je les porte".
_FR_WORN_OUT = (
    rf"(?! (?:a force d|a l{_Q}\s*usage|tellement (?:je|j{_Q}|on)|avec (?:le temps|l{_Q}\s*usage)|en "
    rf"(?:l{_Q}\s*|le |la |les )?(?:utilisant|portant|lavant)))"
)

_FR = [
    # "je vais te tuer", "j'vais t'défoncer", "on va te retrouver et te buter", "je veux vous égorger"
    rf"\b{_FR_SPEAKER}\s+{_FR_FILLER}{_FR_YOU}{_infinitives(_FR_PERSON_VERBS + _FR_EITHER_VERBS)}\b"
    rf"(?! (?:les prix|la concurrence|le prix)\b)",
    rf"\b{_FR_SPEAKER}\s+{_FR_FILLER}{_FR_THEM}{_infinitives(_FR_PERSON_VERBS)}\b{_FR_WORN_OUT}",
    # "je te tuerai", "je vous bute", "on va lui casser la gueule", "je vais te faire la peau"
    rf"\b(?:je|j{_Q}?|on|nous)\s*(?:te |t{_Q}\s*|vous |le |la |l{_Q}\s*|les ){_conjugated(_FR_PERSON_VERBS)}\b"
    rf"{_FR_WORN_OUT}",
    rf"\b(?:je|j{_Q}?|on|nous)\s*{_FR_YOU}{_conjugated(_FR_EITHER_VERBS)}\b",
    rf"\b(?:{_FR_SPEAKER}\s+)?{_FR_FILLER}(?:te |t{_Q}\s*|vous |lui |leur )(?:casser|peter|defoncer|exploser|"
    rf"eclater|refaire|arracher|fracasser)(?:ai|a|ons)? {_FR_BODY}\b",
    # The same in the present, said by the speaker: "si je le croise je lui refais le portrait", "je te pète la gueule".
    rf"\b(?:je|j{_Q}?|on)\s*(?:te |t{_Q}\s*|vous |lui |leur )(?:casse|pete|defonce|explose|eclate|refais|refait|"
    rf"arrache|fracasse) {_FR_BODY}\b",
    rf"\b(?:(?:{_FR_SPEAKER})\s+{_FR_FILLER}|(?:je|j{_Q}?|on|nous)\s*)(?:te |t{_Q}\s*|vous |lui |leur )"
    r"(?:faire|ferai|fera|ferons) la peau\b",
    # A person by their job, the speaker's own verb: "je crève le premier livreur que je croise", "je vais buter ce
    # vendeur".
    rf"\b(?:{_FR_SPEAKER}\s+{_FR_FILLER}{_infinitives(_FR_PERSON_VERBS + _FR_EITHER_VERBS)}|(?:je|j{_Q}?|on)\s*"
    rf"{_conjugated(_FR_PERSON_VERBS + _FR_EITHER_ER)}) (?:ce|cette|ces|le|la|les|l{_Q}\s*|un|une) (?:premier |"
    rf"premiere |prochain |prochaine |petit |petite )?{_FR_NAMED_NOUN}\b",
    rf"\b(?:t{_Q}\s*es|tu es|vous etes) (?:un homme mort|une femme morte|des hommes morts)\b",
    rf"\b(?:faut|faudrait|il faut|il faudrait|quelqu{_Q}un devrait|on devrait) (?:le |la |l{_Q}\s*|les |lui )?"
    rf"{_infinitives(_FR_PERSON_VERBS)} (?:ce |cette |ces |le |la |les )?(?:vendeur|livreur|patron|gerant|"
    r"directeur|pdg|type|mec|gars|conseiller|technicien|connard|con)\b",
    # Finding the person, knowing their address, coming to them: "on va trouver où tu bosses", "je connais ton
    # adresse", "on sait où te trouver", "je vais venir chez toi". "chez vous" is the shop ("on va venir chez vous
    # samedi"): only "toi".
    rf"\b{_FR_SPEAKER}\s+{_FR_FILLER}(?:trouver|chercher|savoir|decouvrir) ou (?:tu (?:habites|vis|bosses|travailles|"
    r"dors|creches)|(?:il|elle) (?:habite|vit|bosse|travaille))\b",
    # "je vais vous retrouver", "on va te choper (et tu vas voir)": the whole clause, so "je vais vous retrouver le
    # lien" is help and "on va te retrouver, promis, à la braderie" a friend.
    rf"\b{_FR_SPEAKER}\s+{_FR_FILLER}(?:te |t{_Q}\s*|vous )(?:retrouver|trouver|choper|attraper|rattraper)"
    rf"(?:,? (?:fdp|ntm|connard|connasse|enfoire|salope|batard|sale [a-z]+|mon (?:gars|pote|grand|coco)))?"
    rf"(?= *(?:$|[.!?;]| et (?:tu |vous |te |t{_Q}\s*)|,? (?:tkt|t{_Q}\s*inquiete|tu vas voir|crois[- ]moi)\b))",
    # "tu vas me le payer", "vous me le paierez": revenge, said to the person ("vous allez le payer cher" is a price).
    r"\b(?:tu (?:vas|va)|vous allez) me le payer\b|\b(?:tu|vous) me (?:le|la) (?:paieras|payeras|paierez|payerez)\b",
    # Coming to someone's home only with what one will do there: "je vais passer chez toi te rendre ton livre" is not.
    rf"\b{_FR_SPEAKER}\s+{_FR_FILLER}(?:venir|passer|debarquer|monter) (?:chez toi|a ton domicile|devant chez toi|"
    r"a ton travail)(?: ce soir| cette nuit| demain)?,? (?:et |pour )?(?:tout (?:casser|peter|defoncer|bruler)|regler "
    rf"(?:ca|ton compte|tes comptes|nos comptes)|te (?:regler|casser|defoncer|tuer|buter|apprendre|montrer)|"
    rf"t{_Q}\s*(?:apprendre|expliquer|eclater|exploser)|tu vas (?:voir|comprendre|regretter|le regretter))\b",
    # Wishing it, or saying it is deserved: "j'espère que tu vas crever", "j'espère que quelqu'un va te buter", "tu
    # mérites de crever", "tu mériterais qu'on te casse la gueule", "je vais te faire regretter d'être né".
    rf"\b(?:j{_Q}?\s*espere|esperons|je souhaite) (?:{FR_HOPE})?(?:que |qu{_Q}\s*)?(?:tu (?:vas |va )?(?:crever|"
    rf"mourir|creves|meurs|creveras|mourras|creve)|(?:quelqu{_Q}\s*un|on) (?:va |vienne |finira par )?(?:te |"
    rf"t{_Q}\s*|le |la |l{_Q}\s*|lui )(?:{_infinitives(_FR_PERSON_VERBS)}|{_conjugated(_FR_PERSON_VERBS)}|"
    r"casse la gueule|fasse la peau))\b",
    # The same wished on someone named: "j'espère que le gérant crève", "pourvu que ce livreur se fasse écraser", and
    # the curse "qu'il crève, ce vendeur". Not "j'espère que la batterie ne va pas mourir", nor "qu'il crève ou non".
    rf"\b{FR_WISH}(?:{_FR_NAMED}|(?:le|la|les|ce|cette|ces) "
    rf"(?:pdg|boss|ceo|dirigeants?|createurs?|concepteurs?))(?: (?:de|du|des|d{_Q}\s*|qui|que)[^.!?,]{{0,60}}?)? "
    r"(?:va |vont "
    r"|finira par |finisse par )?(?:crever|creve|crevent|crevera|creveront|mourir|meure|meurent|mourra|mourront|"
    rf"pourrisse|pourrissent|brule en enfer|brulent en enfer|s{_Q}\s*etouffe|s{_Q}\s*etouffent|se (?:fasse|fassent|"
    r"fera|feront|faire) (?:ecraser|renverser|buter|tuer|egorger|tabasser|lyncher)|se (?:prenne|prennent|prendra|"
    r"prendront) (?:un camion|une voiture|un bus|un train|une balle|un coup de couteau))\b",
    # The curse beside the one it names, in one sentence ("qu'il crève !" alone may be said of a film's villain).
    rf"(?:^|[.!?,;:]\s*)qu{_Q}\s*(?:il|elle|ils|elles) (?:creve|crevent|meure|meurent|pourrisse|pourrissent)\b"
    rf"(?! ou\b)(?=[^.!?]{{0,40}}\b{_FR_NAMED})|\b{_FR_NAMED}\b[^.!?]{{0,40}}[,;:]\s*qu{_Q}\s*(?:il|elle|ils|elles) "
    r"(?:creve|crevent|meure|meurent|pourrisse|pourrissent)\b(?! ou\b)",
    rf"\b(?:tu|vous|il|elle) (?:merite|merites|meritez|meriterais|meriteriez|meriterait) (?:de (?:crever|mourir|"
    rf"te faire (?:tuer|buter|tabasser|defoncer|egorger)|vous faire (?:tuer|buter|tabasser|defoncer))|qu{_Q}\s*on "
    rf"(?:te|t{_Q}\s*|vous|le|la|l{_Q}\s*|lui) (?:tue|bute|tabasse|defonce|egorge|casse la gueule|creve|"
    r"fasse la peau))\b",
    rf"\b(?:te|vous) (?:faire|ferai|fera|ferons) regretter d{_Q}\s*etre nee?s?\b",
    # The same wish for "vous", "il", "ils": "j'espère que vous crèverez", "j'espère qu'il va crever".
    rf"\b(?:j{_Q}?\s*espere|esperons|je souhaite) (?:{FR_HOPE})?(?:que |qu{_Q}\s*)(?:vous (?:allez )?(?:crever|"
    r"mourir|creverez|mourrez|creviez|mouriez)|(?:il|elle|ils|elles) (?:va |vont )?(?:crever|mourir|creve|crevent|"
    r"meure|meurent|crevera|creveront|mourra|mourront))\b",
    # Deserved by someone named, with a relative clause: "le livreur qui balance les colis mériterait qu'on lui crève
    # les pneus", "… qu'on l'attende à la sortie du dépôt".
    rf"\b{_FR_NAMED}\b(?: qui\b[^.!?,]{{0,50}}?)? merit(?:e|ent|erait|eraient) qu{_Q}\s*on (?:lui|le|la|l{_Q}\s*|leur|"
    r"les) (?:creve les pneus|raye la voiture|attende (?:gentiment )?(?:a la sortie|dehors|en bas)|casse la gueule|"
    r"tabasse|defonce|bute|tue|fasse la peau)\b",
    # A beating deserved by a person: "ce livreur mérite une bonne raclée", "il mérite des baffes" (dialogue that
    # "mérite des baffes" is a film's).
    rf"\b(?:tu|vous|il|elle|ils|elles|{_FR_NAMED}) merit(?:e|es|ent|ez|erait|eraient|erais) "
    r"(?:une (?:bonne )?(?:raclee|rouste|derouillee|trempe|baffe|gifle|"
    r"tarte)|une bonne correction|des (?:baffes|gifles|claques|coups|tartes)|de se faire (?:tabasser|frapper|"
    r"casser la gueule|defoncer))\b",
    # Waiting for someone outside, the playground threat: "je t'attends à la sortie", "on vous attendra à la sortie
    # du magasin". Only "you": "je l'attendrai à la sortie du prochain tome" waits for a book.
    rf"\b(?:je|j{_Q}?|on|nous)\s*(?:t{_Q}\s*|vous )(?:attends|attend|attendrai|attendra|attendrons|attendons)"
    r" (?:a la sortie|en bas de chez (?:toi|vous)|devant chez (?:toi|vous))\b",
    # Whoever it is said of, a bullet or death deserved: "ce vendeur mérite une balle dans la tête" (a dog that "mérite
    # une balle" wants a ball).
    r"\bmerit(?:e|es|ent|ez|erait|eraient|erais) (?:une balle (?:dans|entre)|des balles dans|de (?:crever|mourir|se "
    r"faire (?:tuer|buter|abattre|descendre))|d.etre (?:tue|tuee|abattue?|pendue?|fusille|fusillee|bute|butee))\b",
    # A person named, a bullet alone: "ce vendeur mérite une balle" (not a ball "de match", "de golf", "neuve").
    rf"\b{_FR_NAMED}\b[^.!?]{{0,20}}? merit(?:e|ent|erait|eraient) (?:une balle|des balles|une bastos)"
    r"(?=\s*(?:[.!?,;)]|$|et\b|point\b))",
    # A lesson given with a weapon or fists: "lui donner une leçon à coups de batte", "lui apprendre la politesse à
    # coups de poing" (a cooking lesson "avec un couteau" is not).
    rf"\b(?:lui|te|t{_Q}\s*|leur|vous) (?:donner|apprendre|filer|donne|donnerai|apprendrai) (?:une (?:bonne |petite )?"
    r"lecon|la politesse|le respect|les bonnes manieres|la vie)\b[^.!?]{0,40}\b(?:a coups? de (?:batte|barre de fer|"
    r"poing americain|couteau|machette|hache|marteau|poings?|pieds?|tatanes|latte)|avec "
    r"(?:une|ma) (?:batte|barre de fer)|avec (?:un|mon) (?:flingue|fusil|pistolet|poing americain))",
]

# ---- Threats that need a word of their own (see ``_GATED``) ---------------------------------------------------------
_ARSON = [
    # Setting fire to or smashing up the person's shop, home or car: "I'll burn your store down", "we're
    # gonna torch your warehouse". Only theirs: "I'd burn through a set of tyres" has no speaker, "burn the CD" no
    # building, and "bomb", "blow up" or "trash" (a page with bad reviews, a phone) are left out.
    rf"\b(?:{_EN_SPEAKER}){_EN_MANNER} (?:burn|torch|firebomb|set fire to|set alight|smash up|smash|"
    rf"vandali[sz]e)(?: down)? (?:your|ur|his|her|their|the seller{_Q}?s|the owner{_Q}?s) (?:[a-z]+ )?{_EN_PROPERTY}\b",
    # Setting fire to or wrecking the person's shop, home or car: "je vais brûler ton magasin", "on va foutre le feu
    # à votre entrepôt", "je cramerai ta baraque". Only theirs, with a building or a vehicle named.
    rf"\b(?:{_FR_SPEAKER}\s+{_FR_FILLER}(?:bruler|incendier|cramer|saccager|faire sauter|"
    rf"(?:foutre|mettre|bouter) le feu a)|(?:je|j{_Q}?|on|nous)\s*(?:brul|incendi|cram|saccag)(?:erai|era|erons)|"
    r"(?:je|j.|on|nous)\s*(?:fous|fout|foutrai|foutra|mets|met|mettrai|mettra) le feu a) "
    rf"{_FR_PROPERTY}\b",
    # Wishing it: "I hope your warehouse burns down", "j'espère que votre magasin va cramer", or burns "with all of you
    # inside". Not "blows up" or "exploser", which is how a small shop is wished success.
    # Coming with petrol: "je débarque avec un bidon d'essence devant votre entrepôt", "I'll turn up with a petrol
    # can".
    rf"\b(?:je|j{_Q}?|on)\s*(?:debarque|viens|reviens|passe|vais venir|vais passer|vais debarquer)[^.!?]{{0,30}}\b"
    r"(?:avec )?(?:un |une )?(?:bidon|jerrican|jerrycan|jerricane) d.essence\b|\b(?:i.ll|i will|gonna|i.m going to|"
    r"we.ll) (?:come|show up|turn up|be back)[^.!?]{0,30}\bwith (?:a )?(?:petrol can|can of (?:petrol|gasoline|gas)|"
    r"jerry ?can)\b",
    rf"\b(?:hope|wish|pray)(?: that)? (?:your|ur|his|her|their|the (?:seller|owner|{_EN_NAMED_NOUN}){_Q}?s) "
    rf"(?:[a-z]+ )?{_EN_PROPERTY} (?:burns? (?:down|to the ground)|gets? (?:burned|burnt|torched)(?: down)?|catches "
    r"fire|goes up in flames)\b",
    rf"\b(?:j{_Q}?\s*espere|esperons|je souhaite) (?:{FR_HOPE})?(?:que |qu{_Q}\s*){_FR_PROPERTY} (?:va |vont )?"
    r"(?:brule|brulent|bruler|crame|crament|cramer|prenne feu|prennent feu|parte en fumee)\b",
    # Deserved: "this store deserves to burn", "votre entrepôt mérite de cramer". Not foretold ("the house will burn
    # with this heater on" warns), nor "deserves to burn its old stock".
    rf"\b(?:your|ur|this|that|the) (?:[a-z]+ )?{_EN_PROPERTY} (?:deserves? to|should|needs? to) (?:burn|be "
    r"(?:burned|burnt|torched)|go up in flames)(?: down| to the ground| in hell)?(?=\s*(?:$|[.!?,;)]|and\b))",
    rf"\b{_FR_PROPERTY} (?:merite de|meritent de|devrait|devraient) (?:bruler|cramer|flamber|partir en fumee|partir "
    r"en flammes)(?: entierement| jusqu.au sol)?(?=\s*(?:$|[.!?,;)]|et\b|avec\b))",
    # Or sinks, crashes or blows up with them aboard: "j'espère que son bateau coule avec lui dedans".
    rf"\b(?:hope|wish|pray|espere)\b[^.!?]{{0,60}}(?<!\bne )(?<!\bn{_Q})(?<!not )(?<!n{_Q}t )\b(?:burns?|burned|burnt|"
    r"torched|explodes?|brule|crame|sinks?|sank|crash(?:es)?|goes down|coule|coulent|sombre|s.ecrase|explose|"
    rf"deraille)\b[^.!?]{{0,40}}\b(?:with (?:all of )?(?:you|u|y{_Q}all|them|him|her|everyone|your (?:family|kids|"
    r"staff))(?: all)? (?:still )?(?:inside|in it|in there|on board|aboard)|avec (?:vous|toi|eux|lui|elle) (?:tous )?"
    r"(?:dedans|a bord|avec))\b",
]


_THREAT = Alternation(_EN + _FR)


def _finder(pattern: re.Pattern[str] | Alternation) -> Callable[[str], Iterable[re.Match[str]]]:
    return pattern.finditer


def _hate(text: str) -> Iterable[re.Match[str]]:
    return hate_matches(text)  # the pattern is built on first use (``hate_pattern``)


# Shapes that need a word of their own, each searched only where one of its words is (most reviews have none), with
# the label of what fired: (gate, what finds the shape in the words view, label). Every hate shape names a group,
# women or their kitchen, an animal or a Nazi slogan; without the gate its dozen alternations over group names ran
# at every word. "Those people" carries a group's hate only where a group was named before (``anaphoric_hate``).
_GATED = (
    (
        re.compile(
            r"burn|torch|fire|flame|alight|smash|vandal|explo|brul|incendi|cram|saccag|feu|sauter|fumee|essence|petrol|"
            r"gasoline|jerry|sink|sank|crash|goes down|coule|sombre|ecrase|deraille"
        ),
        _finder(any_of(_ARSON)),
        "threat",
    ),
    (
        MENACE_GATE,
        menace,
        "threat",
    ),
    (REPRISAL_GATE, reprisal, "threat"),
    (POLITE_HATE_GATE, polite_hate, "hate"),
    (
        HATE_GATE,
        _hate,
        "hate",
    ),
    (
        ANAPHORIC_GATE,
        anaphoric_hate,
        "hate",
    ),
    (
        CODED_GATE,
        coded_hate,
        "hate",
    ),
    (
        re.compile(r"ferme|casse|barre|tire|degage|fous|piss|bugger|sod|lost|hell out"),
        _finder(any_of(DISMISSAL)),
        "harassment",
    ),
    (
        re.compile(
            r"bend|bent over|tits|ass|arse|rack|boobs|bum|booty|baiserais|sauterais|culbuterais|defoncerais|prendrais|"
            r"me faire|sucer|rejoindre|[🍆💦🍑👅]|" + OGLING_GATE
        ),
        _finder(any_of(OGLING)),
        "harassment",
    ),
    (
        re.compile(r"shut|allowed|droit de|qi |iq |brain"),
        _finder(any_of(CONTEMPT)),
        "harassment",
    ),
    (
        re.compile(PUT_DOWNS_GATE),
        _finder(Alternation(PUT_DOWNS)),
        "harassment",
    ),
)


def _matches(
    ctx: Context, pattern: re.Pattern[str] | Alternation, reason: str, label: str, action: Action
) -> list[Match]:
    return unquoted(ctx, ctx.text.words, pattern.finditer(ctx.text.words.text), label, reason, action)


def threats(ctx: Context) -> list[Match]:
    """Threats against a person and calls to harm a group: held as ``abusive``."""
    text = ctx.text.words.text
    found = _matches(ctx, _THREAT, Reason.ABUSIVE.value, "threat", Action.HOLD)
    # Each searches only near the words it needs.
    found += unquoted(ctx, ctx.text.words, veiled(text) + mobster(text) + attacks(text) + wished(text), "threat")
    for gate, find, label in _GATED:
        if gate.search(text):
            found += unquoted(ctx, ctx.text.words, find(text), label)
    # A rival's boast ("il va te tuer au classement Strava") is no threat, nor a laugh at one's husband ("je vais le
    # tuer 😂").
    found = [
        m for m in found + goading(ctx) if not _boast(ctx, m) and not joking_at_kin(ctx, m.start, m.end, m.excerpt)
    ]
    # In the order of the text, whichever shape found them: the case page lists the evidence as it reads.
    return sorted(found, key=lambda match: (match.start, match.end))


def _boast(ctx: Context, match: Match) -> bool:
    after = ctx.text.original[match.end : match.end + 60]
    return a_boast(base_view(match.excerpt).text, base_view(after).text)
