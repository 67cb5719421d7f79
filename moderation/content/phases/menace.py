"""Veiled threats, in French and English: menace said without a verb of violence (searched by ``threats``, held as
``abusive``).

Three kinds, each read as a class of texts rather than a sentence:

- knowing a person's movements: when the manager, the cashier or "you" finish, leave, lock up or go home, where they
  live, park or walk, what car they drive, their route ("I know u finish at 9", "je sais à quelle heure le gérant
  ferme", "on sait quand tu sors du boulot", "je connais ton trajet"). A shop's hours are no one's movements: "je sais
  à quelle heure le magasin ouvre", "I know where the store is" and "I know you close at 6, but…" stay published;
- the mobster's idioms, which stand alone: "would be a shame if something happened", "ce serait dommage qu'il vous
  arrive quelque chose", "elle ferait bien de regarder derrière elle", "he should watch his back", "you won't see it
  coming" (not a film's twist), "tes jours sont comptés";
- a farewell or a taunt ("see you soon", "à bientôt", "on se reverra", "on verra qui rira le dernier") only after
  one of these or after a grievance aimed at a person ("you laughed in my face"), and care to be taken on the way
  home only beside one: "see you soon for the next order" is a customer.

The people and places threatened (staff by their job, "your family", "votre boutique") are named here and used by
``threats`` too. Matching is on the ``words`` view: accents and case folded, leetspeak and spaced letters undone.
"""

from __future__ import annotations

import re

from moderation.content.phases.literals import Alternation
from moderation.content.phases.shapes import DAYS as _DAYS
from moderation.content.phases.shapes import STAFF_EN, STAFF_FR, any_of
from moderation.content.phases.shapes import Q as _Q

# ---- Who and what is threatened ---------------------------------------------------------------------------------
EN_NAMED_NOUN = (
    rf"(?:{STAFF_EN}|driver|delivery (?:guy|man|driver)|boss|ceo|guy|woman|man|lady|bitch|bastard|idiot|moron|person|"
    r"people)"
)
EN_NAMED = rf"(?:the|that|this|your) {EN_NAMED_NOUN}"
# The same with up to two words before the noun: "that lazy courier", "the smug store clerk".
EN_NAMED_DESCRIBED = rf"(?:the|that|this|your|ur) (?:[a-z]+ ){{0,2}}?{EN_NAMED_NOUN}"
EN_KIN = r"(?:your|ur) (?:family|kids|children|wife|husband|son|daughter|mother|mum|mom|parents|girlfriend|boyfriend)"
EN_PROPERTY = (
    r"(?:store|shop|house|home|office|warehouse|building|factory|restaurant|business|place|car|van|truck|hq|"
    r"headquarters)s?"
)
FR_PROPERTY = (
    r"(?:ton|ta|tes|votre|vos|son|sa|ses|leur|leurs) (?:[a-z]+ )?(?:magasins?|boutiques?|entrepots?|maisons?|"
    r"bureaux?|voitures?|bagnoles?|baraques?|usines?|agences?|locaux|local|camions?|restos?|restaurants?|"
    r"appartements?|apparts?|rayons?)"
)
FR_NAMED_NOUN = rf"(?:{STAFF_FR}|types?|mecs?|gars|connards?|connes?)"
FR_NAMED = rf"(?:ce|cette|ces|le|la|les|l'|un|une) {FR_NAMED_NOUN}(?: [a-z]+)?"
_FR_KIN = r"(?:tes|vos|ses) (?:enfants|gosses|gamins|filles?|fils|petits)|(?:ta|votre|sa) (?:femme|famille|fille|mere)"
_FR_SOMEONE = (
    rf"(?:(?:le|la|l{_Q}\s*|ce|cette|ton|ta|tes|votre|vos|son|sa|ses|les|ces) (?:[a-z]+ )?{FR_NAMED_NOUN}|{_FR_KIN})"
)

# ---- Knowing a person's movements ---------------------------------------------------------------------------------
_EN_KNOWER = (
    rf"\b(?:(?:i|we)(?: (?:already|now|also|even|all|do|still|totally))?(?: know| kno| knw| found out| figured out| "
    rf"worked out|{_Q}ve found out|{_Q}ve figured out|{_Q}ve worked out| have found out| saw| have seen|{_Q}ve seen| "
    r"noticed)|ik)(?: (?:exactly|precisely|full well))?"
)
# Someone pointed at by their looks or their place: "the girl at the till", "that lad on the counter".
_EN_POINTED = (
    r"(?:the|that|this|your|ur) (?:[a-z]+ )?(?:girl|lass|lad|boy|bloke|woman|lady|guy|man)(?: (?:at|on|behind|from|in) "
    r"the [a-z]+)?"
)
_EN_WHO = rf"(?:you|u|ya|he|she|{EN_NAMED_DESCRIBED}|{EN_KIN}|{_EN_POINTED})"
# Where a person goes, not a shop's hours: "you close at 6" is the shop, so closing up is said only of "he", "she" or
# the staff by their job ("I know when the manager locks up").
_EN_MOVES = (
    r"(?:finish(?:es)?(?: work| up| your shift| (?:his|her) shift)?|leave(?:s)?(?: work| the (?:shop|store|office))?|"
    r"get(?:s)? off(?: work)?|clock(?:s)? (?:off|out)|knock(?:s)? off|go(?:es)? home|get(?:s)? home|head(?:s)? home|"
    r"walk(?:s)? (?:home|to (?:your|ur|his|her|the) car|the dog)|drive(?:s)? home|take(?:s)? (?:your|ur|his|her) "
    r"(?:break|lunch)|go(?:es)? on (?:your |ur |his |her )?break|park(?:s)?|live(?:s)?|sleep(?:s)?|jog(?:s)?|run(?:s)? "
    r"in the (?:morning|evening)|are (?:alone|on your own)|(?:is|are) home alone|work(?:s)? late|"
    r"work(?:s)? (?:the )?(?:morning|evening|night|late|early|weekend) shifts?)"
)
_EN_STAFF_MOVES = r"(?:close(?:s)?(?: up)?|lock(?:s)? up|open(?:s)? up|cash(?:es)? up)"
# "…, but you could at least…": a customer who knows the hours and complains of them.
_NO_CONCESSION = r"(?![^.!?\n]{0,60}\b(?:but|though|although|however|anyway|mais|pourtant|quand meme)\b)"
_FR_KNOWER = (
    rf"\b(?:je|j{_Q}\s*|on|nous) (?:(?:le |la |les )?(?:sais|sait|savons|connais|connait|connaissons)|ai (?:repere|"
    r"vu|trouve|appris|decouvert)|a (?:repere|vu|trouve|appris|decouvert)|avons (?:repere|vu|trouve|appris|decouvert))"
    r"(?: (?:tres bien|bien|exactement|parfaitement|deja|aussi|meme|tous))*"
)
_FR_WHO = rf"(?:tu|t{_Q}\s*|vous|il|elle|{_FR_SOMEONE})"
_FR_MOVES = (
    r"(?:finis|finit|finissez|finissent|sors|sort|sortez|sortent|rentres|rentre|rentrez|rentrent|termines|termine|"
    r"terminez|terminent|quittes|quitte|quittez|quittent|pars|part|partez|partent|debauches|debauche|debauchez|"
    r"debauchent|habites|habite|habitez|habitent|vis|vit|vivez|dors|dort|dormez|gares|gare|garez|garent|(?:te|se|vous) "
    r"gare(?:s|z|nt)?|promenes|promene|promenez|t{_Q}\s*en vas|s{_Q}\s*en va|vous en allez|es seule?|est seule?|"
    r"etes seule?s?|bosses|bosse|bossez|travailles|travaille|travaillez|fais ta pause|fait sa pause)"
)
# Said of the staff by their job or of "il"/"elle", not of "vous" (the shop): "je sais à quelle heure le gérant ferme".
_FR_STAFF_MOVES = r"(?:fermes|ferme|ferment|fais la caisse|fait la caisse|fermes boutique|ferme boutique)"
_FR_WHEN = (
    rf"(?:a quelle heure|vers quelle heure|quand|a quel moment|l{_Q}\s*heure (?:a laquelle|ou|de sortie de)|ou|par "
    r"ou|quel chemin|quelle route|quel trajet|quel bus|quel train)"
)

_KNOWING = [
    # "I know what time you get off", "we found out where the manager parks", "i know when ur wife gets home".
    rf"{_EN_KNOWER} (?:(?:what|wat|wot|wht) time|when|wen|where|wher|which way|how late|the (?:time|route|way)"
    r"(?: that)?)(?: exactly)? "
    rf"{_EN_WHO} (?:usually |always |normally )?{_EN_MOVES}\b{_NO_CONCESSION}",
    rf"{_EN_KNOWER} (?:(?:what|wat|wot) time|when|wen|where|how late)(?: exactly)? (?:he|she|{EN_NAMED_DESCRIBED}|"
    rf"{_EN_POINTED}) (?:usually |always |"
    rf"normally )?{_EN_STAFF_MOVES}\b{_NO_CONCESSION}",
    # "I know you finish at 9", "i know she walks home alone".
    rf"{_EN_KNOWER} (?:that )?{_EN_WHO} (?:usually |always |normally )?{_EN_MOVES} (?:at|around|by|after|every|each|"
    rf"alone|on (?:your|ur|his|her) own|(?:[a-z]+ ){{0,3}}?on (?:mondays|tuesdays|wednesdays|thursdays|fridays|"
    rf"saturdays|sundays|weekends))\b{_NO_CONCESSION}",
    # What they drive, and, after "and", when they leave: "I know what he drives and what time he clocks out".
    rf"{_EN_KNOWER} what (?:you|u|he|she|{EN_NAMED_DESCRIBED}) drives?\b",
    rf"{_EN_KNOWER}\b[^.!?\n]{{0,40}}? and (?:(?:what|wat) time|when|where) {_EN_WHO} (?:usually |always |"
    rf"normally )?{_EN_MOVES}\b{_NO_CONCESSION}",
    # Where one person works on which day: "I know you work the Lyon store on Tuesdays" (not "the staff work on
    # Sundays", the shop's hours).
    rf"{_EN_KNOWER} (?:that )?(?:you|u|he|she) works? (?:at |in )?(?:the )?(?:[a-z]+ ){{0,2}}?(?:store|shop|branch|"
    rf"tills?|counter|desk|checkout|office|reception)s? (?:on|every) {_DAYS}s?\b{_NO_CONCESSION}",
    # Their car, route and hours: "I know what car you drive", "we know your route home", "I know the manager's shifts".
    rf"{_EN_KNOWER} (?:(?:what|which|wat) (?:car|van|bike|bus|train|route|way)|the route)(?: home)?(?: that)? "
    rf"{_EN_WHO} (?:drives?|takes?|rides?|parks?|uses?|gets?|walks?)\b",
    rf"{_EN_KNOWER} (?:your|ur|his|her|{EN_NAMED_DESCRIBED}{_Q}?s) (?:schedule|rota|shifts?|shift pattern|routine|"
    r"commute|route(?: home)?|way home|movements|car|license plate|number plate|reg|plates?|home address|address)\b"
    rf"{_NO_CONCESSION}(?! (?:is|are|was|were)\b)",
    rf"{_EN_KNOWER} where (?:you|u|he|she|they|{EN_KIN}) (?:live|lives|work|works|sleep|sleeps|park|parks)\b",
    # How easy finding them is: "does the manager know how easy it is to find where he lives?", "c'est pas dur de
    # trouver où tu habites".
    rf"\b(?:easy|not hard|not difficult|simple) (?:it is |it.s )?to (?:find|work|figure) (?:out )?where (?:you|u|he|"
    rf"she|they|{EN_NAMED_DESCRIBED}) (?:live|lives|sleep|sleeps|park|parks)\b|\b(?:facile|pas dur|pas difficile|"
    r"simple) de (?:trouver|savoir) ou (?:tu|il|elle|vous) (?:habites?|habitez|vit|vis|vivez|dors|dort|gares?)\b",
    r"\b(?:i|we) know (?:which|what) school (?:your|ur) (?:kids|children|sons?|daughters?) (?:go|goes) to\b|"
    r"\b(?:i|we) know where (?:your|ur) (?:kids|children|sons?|daughters?) (?:go|goes) to school\b",
    # Watched: "I see you lock up every night", "on te voit partir tous les soirs".
    rf"\b(?:i|we)(?: (?:can|have|{_Q}ve))? (?:see|watch|seen|watched|been watching) (?:you|u|her|him|"
    rf"{EN_NAMED_DESCRIBED}) (?:leave|lock up|close up|walk (?:home|to)|get (?:in|into) (?:your|ur|her|his) car|go "
    r"home)\b[^.!?\n]{0,30}\b(?:every|each) (?:night|evening|day|morning)\b",
    rf"\b(?:je|on|nous) (?:te|t{_Q}\s*|la|l{_Q}\s*|le) (?:vois|voit|voyons|regarde|regardons|observe) (?:partir|sortir|"
    r"rentrer|fermer|quitter)\b[^.!?\n]{0,30}\b(?:tous les (?:soirs|jours|matins)|chaque (?:soir|jour|matin))\b",
    # "je sais à quelle heure le gérant ferme", "on sait quand tu sors du boulot", "je sais où tu te gares".
    rf"{_FR_KNOWER} {_FR_WHEN} (?:que |qu{_Q}\s*)?{_FR_WHO}\s*(?:[a-z]+ ){{0,4}}?{_FR_MOVES}\b{_NO_CONCESSION}",
    rf"{_FR_KNOWER} {_FR_WHEN} (?:qu{_Q}\s*)?(?:il|elle|{_FR_SOMEONE})\s*(?:[a-z]+ ){{0,4}}?{_FR_STAFF_MOVES}\b"
    rf"{_NO_CONCESSION}",
    # The subject last, as French writes it: "je sais à quelle heure sortent vos employés", "quand finit ta caissière".
    rf"{_FR_KNOWER} {_FR_WHEN} (?:{_FR_MOVES}|{_FR_STAFF_MOVES}) {_FR_SOMEONE}\b",
    # "je sais que tu finis à 21h", "on sait que la caissière rentre seule".
    rf"{_FR_KNOWER} (?:que |qu{_Q}\s*){_FR_WHO}\s*{_FR_MOVES} (?:a \d\w*|vers|seule?s?|tard|tous les|chaque|le (?:soir|"
    rf"{_DAYS}))\b",
    # Their car, route and hours: "je connais ton trajet", "on connaît la voiture du gérant".
    rf"{_FR_KNOWER} (?:ton|ta|tes) (?:trajet|chemin|parcours|itineraire|horaires|emploi du temps|planning|voiture|"
    r"bagnole|plaque|immatriculation|adresse|habitudes|routine|quartier|immeuble|digicode|rue|tete|gueule)\b",
    rf"{_FR_KNOWER} (?:son|sa|ses) (?:trajet|chemin|parcours|itineraire|voiture|bagnole|plaque|immatriculation|"
    r"habitudes|routine|domicile)\b",
    rf"{_FR_KNOWER} (?:le |la |les |l{_Q}\s*)(?:trajet|chemin|parcours|horaires|emploi du temps|planning|voiture|"
    rf"bagnole|plaque|adresse|habitudes) (?:du|de la|de l{_Q}\s*|des|de ce|de cette|de ton|de ta|de votre|de vos) "
    rf"(?:[a-z]+ )?{FR_NAMED_NOUN}\b",
    rf"{_FR_KNOWER} (?:quelle|quel) (?:voiture|bagnole|velo|scooter|bus|train) (?:tu|il|elle|{_FR_SOMEONE}) "
    r"(?:conduis|conduit|prends|prend|as|a)\b",
    rf"\b(?:je|on|nous) (?:sais|sait|savons) ou (?:te|vous) trouver\b|\b(?:je|j{_Q}?|on|nous)\s*(?:connais|connait|"
    r"connaissons|ai|a|avons) ton adresse\b",
    r"\b(?:je|on|nous) (?:sais|sait|savons|connais|connait) (?:ou|dans quelle ecole) (?:sont|vont) (?:tes|vos) "
    r"(?:enfants|gosses|gamins|filles?|fils|petits)\b|\b(?:je|on|nous) (?:sais|sait|savons|connais|connait) "
    r"l.ecole de (?:tes|vos) (?:enfants|gosses|gamins|filles?|fils|petits)\b",
]

# ---- The mobster's idioms ---------------------------------------------------------------------------------------
_EN_SHAME = (
    rf"\b(?:(?:would|{_Q}d|will|{_Q}ll|could|might|s) )?be (?:a )?(?:real |such a |terrible |great |big |awful |right "
    r")?(?:shame|pity) if (?:something|anything|sth|smth|owt)(?: bad| terrible| unfortunate| nasty)? (?:happened|"
    r"happens|happen|were to happen|was to happen|should happen|would happen)"
)
_EN_TO_SOMEONE = (
    rf"(?:you|u|ya|y{_Q}all|{EN_KIN}|(?:your|ur|his|her|their) (?:[a-z]+ )?(?:{EN_PROPERTY}|family|kids|staff|"
    rf"employees|wife|pets?|dog)|{EN_NAMED_DESCRIBED}|him|her|them)"
)
_WINK = r"(?:\.{2,}|…|[😉🙂😏😈🔥🔪]|,? (?:wouldn.?t it|would it|eh|hm+|right|innit)\b)"
_SAID = r"(?=\s*(?:$|[.!?…]|[😉🙂😏😈🔥🔪]|,? (?:wouldn.?t it|would it|eh|hm+|right|innit)\b))"
_FR_DOMMAGE = (
    rf"\b(?:dommage|malheureux|triste|bete) (?:qu{_Q}\s*(?:il|un malheur)|que (?:quelque chose|qqch|qqc)|si "
    rf"(?:jamais )?(?:il|quelque chose)|s{_Q}\s*il|s{_Q}\s*(?:il )?(?:y avait))"
)
_FR_ARRIVE = r"(?:arrive|arrivait|arrivera|arriverait|se passe|se passait|se passerait)"
_FR_MISHAP = (
    r"(?:quelque chose(?: de (?:grave|mal|facheux|regrettable|triste))?|qqch|qqc|malheur|un (?:malheur|accident|"
    r"pepin|drame)|des (?:bricoles|ennuis|problemes))"
)
_FR_FAREWELL = r"(?=\s*(?:$|[.!?…]|[😉🙂😏😈🔥🔪]|,? (?:hein|non|pas vrai|n.est-ce pas)\b))"

_IDIOMS = [
    rf"{_EN_SHAME} to {_EN_TO_SOMEONE}\b",
    rf"{_EN_SHAME}(?: to it| to (?:it|this|that) (?:[a-z]+ )?{EN_PROPERTY})?(?=\s*{_WINK})",
    # On the person's way, after their routine was told: "Be a shame if something happened on that path.", "…on your
    # way home 😉" (not "…in transit", a parcel's, nor "…on the road, so I bought the insurance").
    rf"{_EN_SHAME} (?:on|along|at|in|near) (?:that|your|ur|his|her) (?:[a-z]+ )?(?:path|towpath|route|road|"
    r"way home|walk home|commute|trail|street|lane|car park|carpark|bridge|canal|run|ride|jog|walk|shift)s?(?: home)?"
    rf"(?=\s*(?:$|[.!?…]|{_WINK}))",
    # Standing alone, or "to it" at the end ("…happened to it, so I bought the cover too" is a customer's care).
    rf"{_EN_SHAME}(?: to it)?{_SAID}",
    rf"\b(?:shame|pity) if (?:your|ur|his|her|their|the seller{_Q}?s|the owner{_Q}?s) (?:[a-z]+ )?{EN_PROPERTY} "
    r"(?:burned|burnt|caught fire|went up in flames|got (?:burned|burnt|smashed|torched|vandali[sz]ed|broken into|"
    r"wrecked)|was (?:vandali[sz]ed|smashed|broken into|torched)|were to (?:burn|catch fire|get smashed))\b",
    rf"\b(?:shame|pity) if (?:you|u|{EN_KIN}|{EN_NAMED_DESCRIBED}) (?:had|were to have|was to have|got into|met "
    r"with) (?:an|a little|a nasty|some kind of|some sort of) (?:accident|fall|mishap)\b",
    rf"\bsomething (?:bad|terrible|nasty|awful) (?:is going to|is gonna|will|could|might) happen to (?:you|u|"
    rf"{EN_KIN})\b",
    r"\b(?:your|ur|(?:his|her|their) (?:little )?) days are numbered\b",
    # The mobster's compliment first: "nice house you've got on Maple Crescent… would be a shame if anything happened
    # to it".
    rf"\b(?:nice|lovely|beautiful|pretty|cute) (?:little |big |new )?(?:{EN_PROPERTY}|family|kids|garden|dog) "
    rf"(?:you|ya|u)(?:{_Q}ve got| have got| have| got| own)\b[^!?]{{0,80}}"
    rf"\b(?:shame|pity) if (?:something|anything)(?: bad| terrible| unfortunate| nasty)? (?:happened|were to happen|"
    r"was to happen|happens) to (?:it|them|her|him)\b",
    rf"(?:^|[.!?,;:]\s*|you{_Q}?d better |you had better |you should )sleep with one eye open\b",
    # Watching their back, and the blow they won't see coming (not a film's twist: ``_TWIST``).
    rf"\b(?:he|she|they|you|u|{EN_NAMED_DESCRIBED})(?:{_Q}d| had| should| better| needs to| ought to|{_Q}d better| "
    r"had better| best| would do well to)(?: better)? (?:watch|mind|cover) (?:her|his|their|your|ur) (?:back|six)\b",
    rf"\b(?:he|she|they|{EN_NAMED_DESCRIBED})(?:{_Q}d| had| should| better| needs to|{_Q}d better| had better) "
    r"(?:watch|mind) (?:her|his|their) step\b",
    rf"\b(?:keep|start|always|better|should|{_Q}d be|would be|{_Q}ll be|will be|be) look(?:ing)? over (?:your|ur|his|"
    r"her|their) shoulders?\b",
    rf"\b(?:you|u|ya|he|she|they|{EN_NAMED_DESCRIBED})(?:{_Q}ll| will)? (?:won{_Q}?t|wont|will not|never|will never|"
    rf"{_Q}ll never) (?:see|c) (?:it|me|us|this|them) coming\b(?=\s*(?:$|[.!…]|[😉🙂😏😈🔥🔪]|,? (?:trust me|believe "
    r"me|mark my words)\b))",
    r"\b(?:tu|vous|il|elle|ils|elles)\s*(?:ne |n.)?(?:le |la |les |me |nous |l.)?(?:verras|verrez|verra|verront) "
    r"(?:pas|jamais|rien) venir\b",
    # "ce serait dommage qu'il vous arrive quelque chose", "dommage s'il arrivait malheur à ta boutique…".
    rf"{_FR_DOMMAGE} (?:te |t{_Q}\s*|vous |lui |leur ){_FR_ARRIVE} {_FR_MISHAP}",
    rf"{_FR_DOMMAGE} (?:{_FR_ARRIVE} )?(?:{_FR_MISHAP} )?(?:{_FR_ARRIVE} )?(?:a|au|a la|aux|a ce|a cette|a ton|a ta|a "
    rf"tes|a votre|a vos) (?:(?:[a-z]+ )?{FR_NAMED_NOUN}|{FR_PROPERTY}|(?:ta |votre |sa )?famille|(?:tes |vos |ses )?"
    r"(?:enfants|gosses|gamins|petits)|(?:ta |votre |sa )?femme)\b",
    rf"{_FR_DOMMAGE} {_FR_ARRIVE} {_FR_MISHAP}{_FR_FAREWELL}",
    rf"{_FR_DOMMAGE} (?:{_FR_MISHAP} )?(?:te |t{_Q}\s*|vous |lui |leur ){_FR_ARRIVE}\b",
    rf"\bdommage (?:que|si) {FR_PROPERTY} (?:brule|brulait|prenne feu|prenait feu|parte en fumee|crame|cramait|soit "
    r"(?:saccagee?|vandalisee?|incendiee?))\b",
    # "elle ferait bien de regarder derrière elle", "surveille tes arrières", "il a intérêt à raser les murs".
    r"\b(?:ferai[st]?|ferait|feriez|feraient|devrai[st]?|devrait|devriez|devraient|(?:a|as|avez|ont) (?:tout |bien )?"
    r"interet a)(?: bien| mieux)? (?:de )?(?:regarder (?:bien )?derriere (?:elle|lui|toi|vous|eux|soi)|surveiller "
    r"(?:ses|tes|vos|leurs) arrieres|faire gaffe (?:a (?:elle|lui|toi|vous|eux|ses|tes|vos) (?:fesses|arrieres)|en "
    r"rentrant)|faire attention en (?:rentrant|sortant|partant) (?:chez (?:elle|lui|toi|vous)|ce soir|le soir|tard))\b",
    r"(?:^|[.!?,;:]\s*)(?:surveille|surveillez|fais gaffe a|faites gaffe a) (?:bien )?(?:tes|vos) arrieres\b|(?:^|"
    r"[.!?,;:]\s*)(?:regarde|regardez) (?:bien )?derriere (?:toi|vous)(?: (?:en rentrant|le soir|ce soir))?"
    rf"{_FR_FAREWELL}|(?:^|[.!?,;:]\s*)gare a (?:toi|ta gueule){_FR_FAREWELL}",
    rf"\bil (?:va|pourrait|risque de|peut) (?:t{_Q}\s*|vous |lui )arriver (?:des bricoles|malheur|des ennuis|un "
    r"malheur|quelque chose)\b",
    r"\b(?:tes|vos|ses) jours sont comptes\b",
    rf"(?<!\bje )(?<!\bj{_Q})\b(?:ne )?dors (?:plus )?(?:que |qu{_Q}\s*)d{_Q}\s*un oeil\b",
    rf"\b(?:je|j{_Q}\s*|on) (?:te|vous) (?:croiserai|croisera|recroiserai|recroisera|retrouverai|retrouvera) (?:bien )?"
    r"un (?:jour|soir)\b|\bon (?:se|va se) (?:croisera|recroisera|croiser|recroiser) (?:bien )?un (?:jour|soir)\b",
    # The same of staff by their job: "dommage qu'il arrive quelque chose au vendeur à lunettes en sortant", "he'd
    # better be careful walking home" ("you should be careful walking home in these, they're slippery" is advice).
    rf"\b(?:she|he|they)(?:{_Q}d| had) better (?:be careful|watch (?:herself|himself|themselves|out)) (?:walking|"
    r"going|on (?:her|his|their) way) (?:home|to|back|out)\b",
    # Hospital promised on the next meeting: "la prochaine fois que je croise le gérant il finit à l'hosto", "next time
    # I see that driver he's ending up in hospital". Not "votre enfant finira à l'hôpital", a product warning.
    rf"\b(?:si|quand|la prochaine fois que?|le jour ou) (?:je|j{_Q}\s*|on) (?:le |la |l{_Q}\s*|les |te |t{_Q}\s*|"
    r"vous )?(?:croise|recroise|revois|vois|chope|attrape|retrouve|tombe sur)\b[^.!?]{0,50}\b(?:il|elle|ils|tu|vous) "
    r"(?:finit|finira|finiront|va finir|vont finir|finis|finiras|finirez|termine|terminera|part|partira) "
    r"(?:a l.hosto|a l.hopital|aux urgences|en reanimation|en rea|au cimetiere|six pieds sous terre|en fauteuil)\b",
    r"\b(?:next time|if|when|the day) (?:i|we) (?:see|catch|meet|run into|bump into)\b[^.!?]{0,50}\b(?:he|she|they|"
    r"you)(?:.ll| will| is| are|.s|.re) (?:ending up|end up|wind up|winding up) in (?:the )?(?:hospital|"
    r"a&e|er|icu|morgue|a wheelchair|a grave)\b",
    # Revenge on a third person: "ce vendeur va me le payer", "il va payer pour ce qu'il a fait".
    rf"\b(?:il|elle|ils|elles|{FR_NAMED}) (?:va|vont) (?:me le payer|payer pour ce qu.(?:il|elle|ils) (?:a|ont) fait)",
    # Told to keep out of the speaker's way, or promised a stretcher: "il a intérêt à changer de trottoir", "t'as
    # intérêt à raser les murs", "he's going home in a body bag", "you'll leave in an ambulance" (a report of one
    # that came, past tense, is a safety case).
    rf"\b(?:il|elle|ils|elles|tu|t{_Q}\s*|vous|{FR_NAMED})\s*(?:a|as|ont|avez|aura|auras|auront|aurez) (?:tout |tous |"
    r"bien |vraiment )?"
    r"interet a (?:changer de trottoir|raser les murs|se planquer|te planquer|vous planquer|se cacher|te cacher|vous "
    r"cacher|ne (?:plus |pas )?(?:me|nous) croiser|pas (?:me|nous) croiser)\b",
    rf"\b(?:he|she|you|they|u)(?:{_Q}s|{_Q}re|{_Q}ll|{_Q}ll be| is| are| will| will be| gonna| is gonna| are gonna) "
    r"(?:leaving|leave|going home|go home|going out|come out|coming out|be carried out|carried out) (?:of here |of "
    r"there )?in (?:an ambulance|a body ?bag|a box|a coffin|a stretcher|pieces)\b",
]
# "You won't see it coming" is also how a film's twist is sold.
_TWIST = re.compile(
    r"\b(?:twists?|ending|endings|plot|reveal|finale|films?|movies?|books?|novels?|seasons?|episodes?|series|shows?|"
    r"punchline|jokes?|chute|final|rebondissements?|romans?|livres?|episodes?|intrigue|spoilers?|scenario|thriller|"
    r"polar|suspense)\b"
)
_UNSEEN = re.compile(r"\bcoming\b|verr\w+ (?:pas|jamais|rien) venir")

# ---- A farewell after a grievance -------------------------------------------------------------------------------
_GRIEVANCE = any_of(
    [
        rf"\b(?:you|u|he|she|{EN_NAMED_DESCRIBED}) (?:disrespected|humiliated|insulted|mocked|laughed at|laughed in|"
        r"mugged (?:me|my \w+) off|made fun of|made a fool of|embarrassed|shouted at|yelled at|swore at|hung up on|"
        r"(?:was|were) rude to|lied to|ripped off|scammed|cheated|threw|pushed|touched|disrespect) (?:me|my)\b|"
        r"\b(?:the way|how) (?:you|u|he|she) (?:spoke|talked|spoken|treated|looked at) (?:to )?me\b",
        rf"\b(?:tu|vous|il|elle|{FR_NAMED})\s*(?:m{_Q}\s*|me )(?:as|a|avez|ont) (?:mal parle|manque de respect|"
        r"humilie|humiliee|ridiculise|ridiculisee|insulte|insultee|pris pour (?:un|une)|ri au nez|rigole au nez|menti|"
        r"arnaque|arnaquee|raccroche au nez|engueule|engueulee|crie dessus|bouscule|bousculee|manque)",
        rf"\b(?:tu t{_Q}\s*es|vous vous etes|il s{_Q}\s*est|elle s{_Q}\s*est) (?:foutue? de ma gueule|moquee? de moi|"
        r"fichue? de moi)",
        r"\b(?:you|u)(?:.ll| will| are going to| re going to| gonna) (?:regret (?:this|it|that)|pay for (?:this|it|"
        r"that))\b|\bthis (?:isn.?t|is not|ain.?t) over\b|\b(?:tu vas|vous allez) (?:le regretter|regretter)\b|"
        r"\b(?:c.est|ce n.est|c.est pas) (?:pas )?(?:fini|termine)\b|\bca (?:ne )?va pas se passer comme ca\b",
    ]
)
# A farewell or a taunt, said after the grievance or the menace.
_CLOSER = re.compile(
    r"\b(?:see (?:you|u|ya)(?: (?:real|very))? (?:soon|around)|we.ll meet again|be seeing (?:you|u|ya)|catch (?:you|"
    r"u|ya) later|(?:we.ll|let.s|we will) see who laughs last|he who laughs last|a (?:tres )?bientot|a tres vite|on se "
    r"(?:reverra|recroisera|retrouvera)(?: bientot)?|on (?:va )?(?:bien )?(?:voir|verra) qui (?:rira|rigolera) le "
    r"dernier|rira bien qui rira le dernier|on verra (?:bien )?si (?:tu|vous) (?:rigole|rigolez|riez|ris) (?:toujours|"
    r"encore))(?=\s*(?:$|[.!?…,]|[😉🙂😏😈🔥🔪👋]))"
)
# Care to be taken on the way home, before or after the grievance ("should be careful walking to the tube after the
# way she spoke to me"): advice without one ("you should be careful walking home in these, they're slippery").
_CAREFUL = re.compile(
    r"\b(?:should|better|ought to|had better|would do well to) (?:be careful|watch (?:herself|himself|themselves|"
    r"out)) (?:walking|going|on (?:her|his|their|your|ur) way)\b|\b(?:fera|ferait|ferais|devrait|devrais) (?:bien )?"
    r"(?:de )?(?:faire attention|faire gaffe) en (?:rentrant|sortant|partant)\b"
)

_MENACE = Alternation(_KNOWING + _IDIOMS)

# The words one of the shapes above needs (most reviews have none): ``threats`` searches them only where one is.
MENACE_GATE = re.compile(
    r"know|kno|knw|\bik\b|found out|figured|worked out|\bsee|seen|saw|watch|noticed|shame|pity|something|numbered|"
    r"one eye|school|dommage|malheureux|triste|arriver|comptes|sai|savons|connai|repere|vois|voit|oeil|interet|"
    r"better|back|step|shoulder|coming|venir|bientot|vite|reverra|recroisera|retrouvera|rira|meet again|laughs|"
    r"later|careful|gaffe|attention|ferai|ferait|feriez|devrai|devriez|arriere|derriere|gare a|croise|bete|"
    r"ambulance|body ?bag|a box|coffin|stretcher|in pieces|hosto|hopital|urgences|rea|cimetiere|pieds sous|fauteuil|"
    r"hospital|a&e|er\b|icu|morgue|wheelchair|grave|payer|to (?:find|work|figure) (?:out )?where|"
    r"de (?:trouver|savoir) ou"
)


def menace(text: str) -> list[re.Match[str]]:
    """Veiled threats in the ``words`` view: knowing someone's movements, the mobster's idioms, and a farewell after
    either or after a grievance aimed at a person."""
    found = [m for m in _MENACE.finditer(text) if not (_UNSEEN.search(m.group(0)) and _TWIST.search(text))]
    if _CLOSER.search(text) or _CAREFUL.search(text):
        after = [m.start() for m in found] + [m.start() for m in _GRIEVANCE.finditer(text)]
        if after:
            found += [m for m in _CLOSER.finditer(text) if min(after) < m.start()]
            found += list(_CAREFUL.finditer(text))
    return found
