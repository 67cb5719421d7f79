"""Veiled threats that need two parts, or aim at what ``menace`` does not name, in French and English (searched by
``threats``, held as ``abusive``).

Each is read as a class of texts, by who is aimed at and what is claimed, threatened or asked:

- knowing a person, said with a warning: where "you", "your wife" or the staff live, work, train or take the kids,
  which gym or school, that they coach on Sundays, their real name or address dug up; then "think on", "be
  careful.", "tu es prévenu", "fais gaffe à toi", "un de ces jours", "à bon entendeur". The knowledge is the threat
  and the warning says so. Neither alone: "I know where the store is" and "je sais que tu bosses à la mairie, tu as
  les horaires ?" are customers, "be careful, it runs small" is advice;
- the speaker coming to the place or the person, then a harm aimed at people: "je passe au magasin et ça va mal
  finir pour le gérant", "I'll turn up at your office, you won't like what happens", "si je le recroise il va le
  regretter". Coming to ask for the manager is not, nor "si tu achètes ça tu vas le regretter", a warning to buyers;
- ending badly for a person ("ça va mal finir pour toi", "things won't end well for you, mate", "the cashier is
  going to get what's coming to her"), not for a battery, a wallet or whoever washes the jumper at 60°.

The mobster's idioms of what a person owns live in ``mobster``, calls to attack a place in ``attacks``.

Each shape is searched only around the words it needs (``near.Near``): most reviews hold none of them and pay one set
lookup per shape, a long one pays for the sentences that hold one. Matching is on the ``words`` view: accents and
case folded.
"""

from __future__ import annotations

import re

from moderation.content.phases.literals import words_of
from moderation.content.phases.menace import EN_KIN, EN_NAMED_DESCRIBED, FR_NAMED_NOUN
from moderation.content.phases.near import Near
from moderation.content.phases.shapes import EN_GO, FR_I_GO, NARRATIVE, sentence_around
from moderation.content.phases.shapes import Q as _Q

# ---- Knowing a person, with a warning ------------------------------------------------------------------------------
_EN_KNOWS = (
    r"\b(?:(?:i|we)(?: (?:already|now|also|even|all|do|still|totally|actually))?(?: know| kno| knw| found out| "
    rf"figured out| worked out|{_Q}ve found out| have found out)|ik)(?: (?:exactly|precisely|full well|for a fact))?"
)
_EN_WHO = (
    rf"(?:you|u|ya|he|she|{EN_KIN}|{EN_NAMED_DESCRIBED}|(?:your|ur) (?:little )?(?:boy|girl|lad|missus|hubby|partner|"
    r"family|mrs))"
)
# What a person does somewhere, regularly: "where you train", "you coach the U12s", "where your wife works".
_EN_ROUTINE = (
    r"(?:live|lives|work|works|train|trains|drink|drinks|park|parks|sleep|sleeps|stay|stays|study|studies|teach|"
    r"teaches|coach|coaches|play|plays|go|goes|hang out|hangs out|eat|eats|walk|walks|run|runs|jog|jogs|swim|swims|"
    r"cycle|cycles|ride|rides|drop|drops|pick up|picks up|take|takes|volunteer|volunteers|do|does|shop|shops|worship|"
    r"attend|attends)"
)
_EN_PLACE = (
    r"(?:gym|school|nursery|club|team|pub|bar|church|mosque|temple|parkrun|class|classes|office|street|road|house|flat|"
    r"estate|bus|train|car|van|bike|route|shifts?|college|uni|branch|floor|building|village|town|area|postcode|desk|"
    r"clinic|ward|site|depot|cafe|park|pitch|stop|platform|door|garage|warehouse|store|shop|job|workplace|company|firm|"
    r"practice|surgery|yard|allotment|stables|dojo|studio|pool|track)"
)
_EN_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|nights|mornings|evenings"
# "...in Wigan on Sundays", "...at the leisure centre", "...every morning": a place or a time of their own.
_EN_WHEN_WHERE = (
    rf"(?:on {_EN_DAYS}|every (?:day|morning|evening|night|week|weekend|{_EN_DAYS})|each (?:morning|evening|night|"
    r"week)|at (?:\d|night|the weekends?)|after (?:work|school|(?:your|his|her) shift)|(?:at|in|near) (?:the |a |an "
    r")?[a-z']+)"
)
_FR_KNOWS = (
    rf"\b(?:je |j{_Q}\s*|on |nous )(?:(?:le |la |les )?(?:sais|sait|savons|se|connais|connait|connaissons)|(?:ai|a|"
    r"avons) (?:repere|trouve|retrouve|decouvert|appris|chope))(?: (?:tres bien|bien|exactement|parfaitement|deja|"
    r"aussi|meme|tous))*"
)
_FR_WHO = (
    rf"(?:tu|t{_Q}\s*|il|elle|(?:ta|ton|sa|son) (?:femme|mari|fils|fille|copine|copain|gamin|gamine|mere|pere)|(?:tes|"
    rf"ses) (?:enfants|gosses|gamins|petits)|(?:le|la|ton|ta|ce|cette|son|sa) (?:[a-z]+ )?{FR_NAMED_NOUN})"
)
_FR_ROUTINE = (
    r"(?:bosses|bosse|travailles|travaille|habites|habite|vis|vit|vas|va|vont|fais|fait|font|entraines|entraine|"
    r"t.entraines|s.entraine|joues|joue|deposes|depose|emmenes|emmene|recuperes|recupere|cours|court|enseignes|"
    r"enseigne|etudies|etudie|gares|gare|te gares|se gare|manges|mange|bois|boit|dors|dort|passes|passe|prends|prend|"
    r"nages|nage|traines|traine|sors|sort|rentres|rentre)"
)
_KNOWN = Near(
    [
        # "I know where you train", "we know where your wife works", "I know where your Leeds warehouse is".
        (
            rf"{_EN_KNOWS} where (?:exactly )?{_EN_WHO} (?:[a-z']+ )?{_EN_ROUTINE}\b",
            "know kno knw ik found figured worked",
        ),
        (
            rf"{_EN_KNOWS} where (?:your|ur|his|her) (?:[a-z]+ ){{0,2}}?(?:{_EN_PLACE}|kids|children|wife|husband|"
            r"family|parents|mum|mom) (?:is|are|lives?|works?|goes|go)\b",
            "know kno knw ik found figured worked",
        ),
        # "I know which parkrun you do", "we know what school your kids go to", "which branch the manager works at".
        (
            rf"{_EN_KNOWS} (?:which|what|wat|wot) (?:[a-z]+ ){{0,2}}?{_EN_PLACE} {_EN_WHO} (?:[a-z']+ "
            rf")?{_EN_ROUTINE}\b",
            "know kno knw ik found figured worked",
        ),
        # "I know you coach the U12s in Wigan on Sundays", "ik u play five a side at the leisure centre".
        (
            rf"{_EN_KNOWS} (?:that )?{_EN_WHO} (?:[a-z']+ )?{_EN_ROUTINE}\b(?: [a-z0-9']+){{0,5}}? {_EN_WHEN_WHERE}",
            "know kno knw ik found figured worked",
        ),
        # Who they are: "I know who you are", "got your full name off your profile", "found your real name".
        (
            rf"{_EN_KNOWS} who (?:you|u) (?:really )?are\b",
            "know kno knw ik found figured worked",
        ),
        (
            rf"\b(?:(?:i|we)(?:{_Q}ve| have)? )?(?:got|found|dug up|looked up|tracked down|pulled|googled)(?: up)? "
            r"(?:your|ur) (?:full |real |actual |whole |home |work )?(?:name|surname|address|employer|workplace|"
            r"details)\b",
            "got found dug looked tracked pulled googled",
        ),
        (
            rf"{_EN_KNOWS} (?:your|ur) (?:full |real |actual )?(?:name|surname|address|employer|workplace)\b",
            "know kno knw ik found figured worked",
        ),
        # "je sais dans quelle salle de sport tu vas", "on sait où ta femme bosse", "je sais à quelle école vont tes
        # gosses".
        (
            rf"{_FR_KNOWS} (?:ou |dans (?:quel|quelle|quels|quelles) (?:[a-z]+ ){{1,3}}?|a (?:quel|quelle) (?:[a-z]+ "
            rf"){{1,3}}?|(?:quel|quelle) (?:[a-z]+ ){{1,2}}?)(?:que |qu{_Q}\s*)?{_FR_WHO}\s*(?:[a-z]+ "
            rf"){{0,2}}?{_FR_ROUTINE}\b",
            "sais sait savons ke connais connait connaissons repere trouve retrouve decouvert appris chope",
        ),
        (
            rf"{_FR_KNOWS} (?:ou|dans (?:quel|quelle|quels|quelles) (?:[a-z]+ ){{1,3}}?|a (?:quel|quelle) (?:[a-z]+ "
            rf"){{1,3}}?)\s*{_FR_ROUTINE} {_FR_WHO}\b",
            "sais sait savons connais connait connaissons repere trouve retrouve decouvert appris",
        ),
        # "je sais que tu bosses à la mairie de Montauban", "je sé ke ta femme travaille a la pharmacie".
        (
            rf"{_FR_KNOWS} (?:que |qu{_Q}\s*|ke |k{_Q}\s*){_FR_WHO}\s*(?:[a-z]+ )?{_FR_ROUTINE} (?:a|au|aux|chez|dans|"
            r"en|le|les|tous|chaque|pres|du cote|vers|pour)\b",
            "sais sait savons ke connais connait connaissons repere trouve retrouve decouvert appris chope",
        ),
        # Who they are: "je connais ton nom, ton adresse", "j'ai retrouvé ton vrai nom et ton employeur", "je sais qui
        # tu es".
        (
            rf"{_FR_KNOWS} (?:ton|ta|tes|son|sa) (?:vrai |veritable )?(?:nom|prenom|adresse|employeur|boulot|travail|"
            r"lieu de travail|boite|numero|plaque|immatriculation|famille|femme|mari|copine|copain|enfants|gosses|"
            r"fils|fille|ecole|club|salle|quartier|rue|immeuble)\b",
            "sais sait savons connais connait connaissons repere trouve retrouve decouvert appris chope",
        ),
        (
            rf"\b(?:je|on|nous) (?:sais|sait|savons|se) (?:tres bien |bien )?qui (?:tu es|t{_Q}\s*es|vous etes)\b",
            "sais sait savons se",
        ),
    ],
    back=60,
    ahead=140,
)
# The end of a clause: a warning said as a sentence of its own ("Be careful.", "fais gaffe à toi 😉"), not advice that
# goes on ("be careful with the zip", "fais gaffe, la taille est petite") nor care ("be careful!").
_SAID = (
    r"(?=\s*(?:$|[.…?]|,? *[😉😏😈🙂🔪👀]|,? (?:mate|pal|buddy|bro|son|sunshine|sweetheart|love|x+|mon pote|"
    r"mon gars)\b))"
)
# What may come before a warning: the start of a sentence or a clause, or "so", "and", "alors".
_OPENS = r"(?:^|[.!?,;:…]\s*|\b(?:so|and|now|alors|donc|et|bon) )"
# Warnings said as a clause of their own only (``_SAID``), with the word each needs.
_WARNINGS_SAID = [
    ("think on", "think"),
    ("careful now|be careful", "careful"),
    ("watch yourself|mind yourself", "yourself"),
    (rf"just sayin(?:g|{_Q})?", "saying sayin"),
    (rf"remember that|don{_Q}?t forget (?:that|it)|(?:keep|bear) that in mind", "remember forget mind"),
    ("your move", "move"),
    ("sleep (?:well|tight)", "sleep"),
    ("see (?:you|u|ya) around|be seeing (?:you|u|ya)", "around seeing"),
    ("(?:fais|faites) gaffe(?: a (?:toi|vous|tes fesses|vos fesses))?", "gaffe"),
    ("mefie[- ]toi|mefiez[- ]vous", "mefie mefiez"),
    ("un de ces (?:jours|quatre|soirs)", "jours quatre soirs"),
    ("dors bien|reflechis bien", "dors reflechis"),
    ("je dis ca,? (?:je dis rien|comme ca)", "dis"),
]
# Warnings wherever they stand.
_WARNINGS = [
    (rf"consider yourself warned|you(?:{_Q}?ve| have) been warned", "warned"),
    ("not so anonymous now", "anonymous"),
    ("choose your (?:next )?words (?:carefully|wisely)", "carefully wisely"),
    ("tick tock", "tock"),
    (
        rf"(?:tu es|t{_Q}\s*es|vous etes|te voila|vous voila) (?:bien )?prevenue?s?",
        "prevenu prevenue prevenus prevenues",
    ),
    ("a bon entendeur", "entendeur"),
    ("on (?:va )?(?:bien )?finir par se (?:re)?croiser|on (?:va )?se (?:re)?croiser un de ces", "croiser recroiser"),
    ("tu (?:ne )?perds rien pour attendre", "perds"),
    # A dare after the knowing: "Keep posting and see what happens.", "continue comme ça et tu verras".
    (
        r"(?:keep|carry on|go on|continue)(?: (?:it up|going|like that|posting|talking|commenting|reviewing|"
        r"trolling|typing))?,? (?:and|&|n) (?:see|watch|find out) what happens|try me",
        "keep carry go continue try",
    ),
    (
        r"(?:continue|continuez|continues)(?: (?:comme ca|a [a-z]+|de [a-z]+))?,? (?:et|tu vas voir|vous allez "
        r"voir)(?: (?:tu (?:vas|verras)|vous (?:allez|verrez)|on (?:va )?(?:voir|verra)))?(?: voir| bien| ce qui "
        r"(?:va se passer|se passe|arrive))?(?=\s*(?:$|[.!…?]|[😉😏😈🔪]))",
        "continue continuez continues",
    ),
]
_WARNING = Near(
    [(rf"{_OPENS}(?:{p})(?![a-z]){_SAID}", a) for p, a in _WARNINGS_SAID]
    + [(rf"{_OPENS}(?:{p})(?![a-z])", a) for p, a in _WARNINGS],
    back=30,
    ahead=40,
)

# ---- The speaker coming, and a harm aimed at people -----------------------------------------------------------------
_EN_TO_PLACE = (
    r"(?:to|at|into|in|over to|round to|down to|up to) (?:your|ur|the|that|their|this|his|her) (?:[a-z]+ "
    rf"){{0,2}}?(?:{_EN_PLACE}|branch|depot|hq|headquarters|premises|place|counter|desk|till)\b|(?:down|over|round|up) "
    r"(?:there|here)\b"
)
_VISIT = re.compile(
    rf"\b(?:i|we|i{_Q}ll|we{_Q}ll|i{_Q}m|we{_Q}re|im|ill)(?: will| am| are| shall)?(?: (?:going to|gonna|just|then|"
    rf"personally|be))? {EN_GO} (?:{_EN_TO_PLACE})|\b(?:pay|paying) (?:you|u|him|her|them|{EN_NAMED_DESCRIBED}) a "
    r"(?:little |personal |quick )?visit\b|\bif (?:i|we) (?:ever )?(?:see|catch|meet|bump into|run into|find) "
    rf"(?:you|u|him|her|them|{EN_NAMED_DESCRIBED})\b|{FR_I_GO} (?:au|a la|"
    rf"a l{_Q}\s*|aux|chez (?:toi|vous|lui|eux)|dans (?:ton|ta|votre|leur|le|la|ce|cette)|devant|a ton|a ta|a votre|"
    r"(?:les|le|la|vous|te|t.) voir)\b|\b(?:si|quand|la prochaine fois que?|le jour ou) (?:je|j.|on) (?:le |la |l.|"
    r"les |te |t.|vous )(?:croise|recroise|revois|vois|chope|attrape|retrouve|tombe sur)\b"
    # The same of someone named: "si je recroise ce livreur il va le regretter".
    r"|\b(?:si|quand|la prochaine fois que?|le jour ou) (?:je|j.|on) (?:croise|recroise|revois|vois|chope|attrape|"
    rf"retrouve|tombe sur) (?:ce|cette|le|la|l.|ton|ta|votre) (?:[a-z]+ )?{FR_NAMED_NOUN}\b"
)
_EN_PEOPLE = rf"(?:you|u|ya|he|she|they|someone|somebody|{EN_NAMED_DESCRIBED}|(?:the|your|ur) staff)"
_EN_FOR_PEOPLE = (
    rf"for (?:you|u|ya|him|her|them|everyone|someone|somebody|{EN_NAMED_DESCRIBED}|(?:the|your|ur) staff)\b"
)
_EN_WILL = (
    rf"(?:{_Q}ll| will| is going to| are going to|{_Q}s going to|{_Q}re going to| is gonna| are gonna|{_Q}s gonna|"
    rf"{_Q}re gonna| gonna)"
)
_EN_WONT = rf"(?: won{_Q}?t| will not| is not going to| isn{_Q}?t going to|{_Q}s not going to| ain{_Q}?t gonna)"
_FR_FOR_PEOPLE = (
    rf"pour (?:toi|vous|lui|elle|eux|elles|le|la|les|l{_Q}\s*|ce|cette|ces|ton|ta|votre|m\.?|monsieur|madame)\b"
)
# Where it goes badly, and for whom: "ça va mal finir pour le gérant", "ça va mal finir." Not "ça va mal finir cette
# histoire de garantie", "this will end badly for my wallet".
_CLAUSE_END = r"(?=\s*(?:$|[.!…,;]|[😉😏😈🔪]))"
_BADLY_FOR = rf"(?=\s*(?:$|[.!…,;]|[😉😏😈🔪]|{_FR_FOR_PEOPLE}|{_EN_FOR_PEOPLE}))"
_HARM = Near(
    [
        (
            rf"\b(?:someone|somebody|some1|people|one of (?:you|them|your staff))(?:{_Q}s| is| are)? (?:getting|going "
            r"to get|gonna get|will get|ending up|going) (?:hurt|hospitali[sz]ed|a slap|a smack|a kicking|to "
            r"(?:hospital|a&e))\b",
            "hurt hospitalised hospitalized slap smack kicking hospital",
        ),
        (
            rf"\b(?:it|this|things|that){_EN_WILL} (?:end badly|get ugly|turn ugly|get nasty|get physical|turn "
            rf"nasty){_BADLY_FOR}",
            "badly ugly nasty physical",
        ),
        (
            rf"\b(?:it|this|things|that){_EN_WONT} (?:end well|be pretty|be nice){_BADLY_FOR}",
            "won wont",
        ),
        (
            rf"\b{_EN_PEOPLE}{_EN_WILL} (?:regret (?:it|this|that)|be sorry|pay for (?:it|this|that)){_CLAUSE_END}",
            "regret sorry pay",
        ),
        (
            rf"\b{_EN_PEOPLE}{_EN_WONT} like what happens(?: next| then)?{_CLAUSE_END}",
            "happens",
        ),
        (
            rf"\bi (?:won{_Q}?t|will not|can{_Q}?t|cannot) (?:be responsible for (?:my actions|what (?:i do|happens))|"
            rf"promise (?:i{_Q}ll|to) (?:stay|keep) calm)\b",
            "responsible calm",
        ),
        (
            r"\b(?:ca|cela|tout ca) (?:va|risque de|pourrait) (?:tres |vraiment )?(?:(?:mal (?:finir|se finir|se "
            rf"terminer|tourner|se passer)|saigner|degenerer){_BADLY_FOR}|(?:chauffer|barder) {_FR_FOR_PEOPLE})",
            "finir terminer tourner passer saigner degenerer chauffer barder",
        ),
        (
            rf"\b(?:je |j{_Q}\s*)(?:ne )?(?:reponds|repondrai) plus de (?:rien|moi|mes actes)\b",
            "reponds repondrai",
        ),
        (
            rf"\b(?:quelqu{_Q}\s*un|ils|il|elle|le [a-z]+|la [a-z]+) (?:va|vont) (?:prendre cher|le sentir passer|"
            rf"morfler|derouiller|souffrir|le regretter|regretter|passer un sale quart d.heure){_CLAUSE_END}",
            "cher sentir morfler derouiller souffrir regretter quart",
        ),
        (
            rf"\b(?:tu vas|vous allez|t{_Q}\s*vas) (?:le regretter|regretter|le sentir passer|morfler|prendre cher|"
            rf"derouiller|avoir affaire a moi){_CLAUSE_END}",
            "regretter sentir morfler cher derouiller affaire",
        ),
        (
            r"\bil y aura (?:du grabuge|des blesses|de la casse)\b",
            "grabuge blesses casse",
        ),
        # What the speaker will do there: "sort the manager out", "make them pay", "tout casser", "lui apprendre la
        # politesse" ("make them pay for the postage" is a refund).
        (
            rf"\b(?:i|we|i{_Q}ll|we{_Q}ll|ill|and)(?: will| shall| am going to| are going to|{_Q}m going to|"
            rf"{_Q}m gonna| gonna)?(?: personally| just| then)? (?:sort (?:him|her|them|you|u|{EN_NAMED_DESCRIBED}) "
            rf"out|make (?:him|her|them|you|u|{EN_NAMED_DESCRIBED}) pay(?! for\b| the\b| back\b| me\b| us\b| to\b)|"
            r"smash (?:the place|it all|the (?:shop|store|office|counter)|everything) up|wreck the place|trash the "
            r"place)\b",
            "sort pay smash wreck trash",
        ),
        (
            rf"\b(?:je |j{_Q}\s*)(?:vais )?(?:(?:tout (?:casser|peter|defoncer|demolir|saccager)|casse tout|pete "
            r"tout)(?=\s*(?:$|[.!…,;]|dans|chez|la-bas|sur place))|(?:lui|leur|te|vous) (?:apprendre|montrer) (?:la "
            r"politesse|les bonnes manieres|le respect|la vie)|"
            r"(?:lui|leur|te|vous) regler (?:son|leur|ton|votre) compte)\b",
            "casser peter defoncer demolir saccager casse pete apprendre montrer regler",
        ),
    ],
    back=60,
    ahead=20,
)
# A warning to buyers that comes before the speaker's visit: "si tu achètes ça, tu vas le regretter".
_BUYER = re.compile(
    r"\b(?:si|if) (?:tu|vous|you|u) (?:l.|le |la |les )?(?:achet|command|pren|buy|order|get|purchas|choos|choisi)"
)


def _visit_then_harm(text: str) -> list[re.Match[str]]:
    """The speaker coming, then a harm to people within the next 150 characters ("je passe au magasin et vous allez
    le regretter"); a meeting ("si je le recroise") either side of it."""
    found = []
    for harm in _HARM.finditer(text):
        if _BUYER.search(text, max(0, harm.start() - 60), harm.start()):
            continue
        for visit in _VISIT.finditer(text, max(0, harm.start() - 250), min(len(text), harm.end() + 80)):
            meeting = visit.group(0).startswith(("si ", "quand ", "la prochaine", "le jour", "if "))
            if 0 <= harm.start() - visit.end() <= 150 or (meeting and 0 <= visit.start() - harm.end() <= 60):
                found += [visit, harm]
    return list({m.span(): m for m in found}.values())


# A harm aimed at a person, alone: "ça va mal finir pour toi", "this won't end well for you, mate", said to them; of
# the staff only with the speaker's word on it ("je vous jure que ça va mal finir pour le gérant").
_ENDS_BADLY = (
    r"(?:(?:ca|cela|tout ca) (?:va |risque de |pourrait |finira |va finir )?(?:tres |vraiment )?mal (?:finir|se finir|"
    rf"se terminer|tourner|se passer)|(?:it|this|things|that)(?:{_EN_WILL} end (?:badly|in tears)|{_EN_WONT} end "
    r"(?:well|nicely)))"
)
_SWORN = (
    r"\b(?:je (?:vous|te) (?:le )?(?:jure|promets|garantis|previens|assure)|crois[- ]moi|croyez[- ]moi|trust me|"
    r"believe me|mark my words|i swear|i promise|i guarantee)\b"
)
_ENDS_BADLY_FOR = Near(
    [
        (
            rf"\b{_ENDS_BADLY} (?:pour (?:toi|ta gueule)\b|for (?:you|u|ya)(?=,? (?:mate|pal|buddy|bro|son|sunshine|"
            r"love|believe me|trust me|mark my words)\b))",
            "finir terminer tourner passer end",
        ),
        (
            rf"{_SWORN}[^.!?]{{0,40}}\b{_ENDS_BADLY} (?:{_FR_FOR_PEOPLE}|{_EN_FOR_PEOPLE})",
            "finir terminer tourner passer end",
        ),
        (
            rf"\b{_ENDS_BADLY} (?:{_FR_FOR_PEOPLE}|{_EN_FOR_PEOPLE})[^.!?]{{0,40}}{_SWORN}",
            "finir terminer tourner passer end",
        ),
        # "the cashier is going to get what's coming to her".
        (
            rf"\b(?:he|she|they|you|u|{EN_NAMED_DESCRIBED}|(?:the|your|ur) staff){_EN_WILL} get what{_Q}?s "
            r"coming(?: to (?:him|her|them|you|u))?\b",
            "coming",
        ),
    ],
    back=80,
    ahead=60,
)
# The addressee's own doing, which makes "ça va mal finir pour toi" advice ("si tu laves ce pull à 60°").
_OWN_DOING = re.compile(
    r"\b(?:si|if) (?:tu|vous|you|u) (?!continu|insist|recommenc|me cherch|keep|carry on|do that|say that|try|post|"
    r"write|ecri)"
)


def _ends_badly(text: str) -> list[re.Match[str]]:
    return [
        m
        for m in _ENDS_BADLY_FOR.finditer(text)
        if not NARRATIVE.search(sentence := sentence_around(text, m.start(), m.end()))
        and (not _OWN_DOING.search(sentence) or _VISIT.search(text))
    ]


# Every word a shape needs (``_KNOWN`` is searched only after a warning): most reviews hold none of them.
_ANCHORS = frozenset().union(*(near.anchors for near in (_ENDS_BADLY_FOR, _HARM, _WARNING)))


def veiled(text: str) -> list[re.Match[str]]:
    """Veiled threats in the ``words`` view (see the module's docstring)."""
    if _ANCHORS.isdisjoint(words_of(text)):
        return []
    found = _ends_badly(text) + _visit_then_harm(text)
    warnings = _WARNING.finditer(text)
    known = _KNOWN.finditer(text) if warnings else []
    return found + (known + warnings if known else [])
