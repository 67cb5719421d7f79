"""Goading, in French and English: telling a person to harm themselves, setting others on a person, and daring a
person to come outside (called by ``threats``, held as ``abusive``).

Three classes, each read by its shape rather than a sentence:

- self-harm told to someone, in the euphemisms that dodge the word lists: "go unalive yourself", "neck urself",
  "jump off a bridge", "do us all a favour and disappear permanently", "nobody would miss you", "pends-toi", "va te
  jeter d'un pont", "tu devrais te foutre en l'air", "le monde serait mieux sans toi". "You", or a person named by
  what they do ("the seller should just kill himself", "ce vendeur devrait se pendre"): "the character unalives
  himself" is a book, "I could jump off a cliff with joy" the speaker, and "tu vas te tuer avec ce vélo" a
  warning. The speaker's own intent is ``self_harm``, which lifts;
- a pile-on, others called on to go at one person: "everybody tell her what we really think of her 👇", "go flood
  his DMs", "spam her reviews", "share this everywhere so he can't hide", "allez on se fait @X", "balancez-lui ce que
  vous en pensez", "allez lui dire en face". Only a person: "tell the shop what you think in the survey" is feedback;
- a dare or a wait for someone: "say that to my face and see what happens", "come say it in person", "I'll be
  waiting by your car", "répète ça et …", "je t'attendrai devant ta voiture", "je viens te chercher à la sortie du
  magasin", "on va voir si tu fais toujours le malin". Not "I'll be waiting for the restock", nor "je viens chercher ma
  commande à la sortie du travail".

Matching is on the ``base`` view (accents and case folded, the "@" of a handle kept), typed carelessly too ("ill",
"u", "ur", "jte").
"""

from __future__ import annotations

import re

from moderation.content.phases.literals import Alternation
from moderation.content.phases.menace import EN_NAMED_DESCRIBED, FR_NAMED
from moderation.content.phases.shapes import Q as _Q
from moderation.content.phases.shapes import any_of, unquoted
from moderation.content.verdict import Context, Match

# ---- Self-harm told to someone ------------------------------------------------------------------------------------
_YOURSELF = r"(?:yourself|yourselves|urself|ur self|your self|urslf|yoself|yaself|yerself|u self)"
# Not a thing done to oneself by hand: "hang yourself a shelf", "drown yourself in this perfume".
_NOT_AN_OBJECT = r"(?! (?:in|with|on|into|out|up|from|for|a|an|the|some|it|this|that|laughing)\b)"
_GO = (
    rf"(?:go|go and|just|pls|please|plz|now|better|should|shud|need to|needs to|might as well|why don{_Q}?t (?:you|u)|"
    r"do us (?:all )?a favou?r and|do everyone a favou?r and)"
)
_EN_TOLD = [
    # The words that mean it whatever precedes them: "unalive yourself", "neck urself", "rope yourself".
    rf"\b(?:un-?alive|neck|rope|hang) {_YOURSELF}\b{_NOT_AN_OBJECT}",
    # Verbs also said of a lid or a task ("take the lid off yourself"): only told, "go off yourself", "just end urself".
    rf"\b{_GO} (?:go )?(?:off|end|delete|drown|shoot|poison|kil+|unalive) {_YOURSELF}\b{_NOT_AN_OBJECT}",
    # "jump off a bridge", told: at a sentence's start or after "go", "just", "you should".
    rf"(?:(?:^|[.!?,;:]\s*)|\b(?:{_GO}|(?:you|u) (?:should|can|could)) )(?:go )?(?:jump|leap) (?:off|from) (?:a|the|"
    r"the nearest|the closest|some|a tall) (?:bridge|cliff|building|roof|skyscraper|balcony)\b",
    rf"(?:(?:^|[.!?,;:]\s*)|\b{_GO} )(?:go )?(?:play in (?:the )?traffic|drink (?:some )?bleach|walk into (?:the )?"
    r"(?:sea|traffic|ocean))\b",
    r"\bdo (?:us|everyone|everybody|the world|the rest of us|society|humanity|the planet)(?: all)? a (?:favou?r|"
    r"solid)(?: and| &|,)? (?:just )?(?:die|drop dead|stop breathing|cease to exist|(?:disappear|vanish|go away|leave|"
    r"delete yourself)(?: from (?:this|the) (?:earth|planet|world))? (?:permanently|forever|for good|for ever|off the "
    r"face of)|(?:un-?alive|kill|hang|end|off|neck) (?:yourself|urself|ur self))\b",
    r"\b(?:the world|everyone|we|earth|society|this planet|the planet)(?: would|.d| will) be (?:a )?(?:so much |much "
    r"|a lot )?better(?: place| off)? without (?:you|u|ya|people like (?:you|u))\b(?! (?:guys|lot)\b)",
    r"\b(?:nobody|no one|no1|noone)(?: would|.d| will|.ll) (?:even )?(?:miss|notice|care if) (?:you|u)\b(?! (?:guys|"
    r"lot)\b)(?:(?: if| when) (?:you|u) (?:died|were gone|disappeared|dropped dead))?",
]
# The same said of a person named by what they do, to the reader: "the seller should just kill himself", "that cashier
# needs to go hang herself", "ce vendeur devrait aller se pendre". Named, never "he" or "she" (a book's character).
_THEMSELVES = r"(?:himself|herself|themselves|themself)"
_EN_TOLD.append(
    rf"\b{EN_NAMED_DESCRIBED} (?:should|shud|needs to|need to|ought to|might as well|can|could|better)(?: (?:just|"
    rf"all|really|seriously|honestly|please))? (?:go (?:and )?)?(?:kil+|hang|off|end|unalive|un-alive|neck|rope|shoot|"
    rf"drown|poison) {_THEMSELVES}\b{_NOT_AN_OBJECT}"
)
# Said as the speaker's own choice in the other's place, a call all the same: "if I looked like you I'd kill myself", "à
# ta place je me pendrais avec la corde à sauter 😂". Not "à ta place je prendrais la taille au-dessus".
_IN_YOUR_PLACE = (
    r"(?:if i (?:were|was|looked like|had) (?:you|u|your (?:face|body|life|looks|mug|head))|if i looked like (?:that|"
    r"this)|in (?:your|ur) (?:place|shoes)|with (?:a|your|ur) (?:face|body|mug|head|life|voice) like (?:that|this|"
    r"yours)|a ta place|a votre place|si j.etais (?:toi|vous)|si je te ressemblais|si j.avais (?:ta|ton|votre) (?:tete|"
    r"tronche|gueule|face|physique|visage|vie|corps)|avec (?:une|un|ta|ton) (?:tronche|tete|gueule|face|bouille|"
    r"physique|vie) (?:pareille?|comme (?:ca|la tienne|le tien)|de [a-z]+))"
)
_OWN_END = (
    r"(?:(?:i.d|i would|id|i.d just|i.d honestly)(?: (?:just|honestly|probably|seriously|literally|have))* "
    r"(?:kill(?:ed)? myself|hang myself|shoot myself|end it(?: all)?|off myself|unalive myself|jump off (?:a|the) "
    r"(?:bridge|building|cliff|roof)|throw myself (?:off|under|in front of))(?! laughing)|je (?:me )?"
    r"(?:pendrais|tuerais|suiciderais|tirerais une balle|jetterais (?:d.un pont|sous un train|par la fenetre|"
    r"du haut)|foutrais en l.air|"
    r"flinguerais|defenestrerais|ouvrirais les veines)(?! (?:a la tache|au travail|de rire))|je sauterais d.un pont)"
)
_EN_TOLD.append(rf"\b{_IN_YOUR_PLACE}\b[^.!?\n]{{0,40}}?\b{_OWN_END}|\b{_OWN_END}\b[^.!?\n]{{0,20}}?\b{_IN_YOUR_PLACE}")
_FR_TOLD = [
    rf"\b{FR_NAMED} (?:devrai(?:t|ent)|ferai(?:t|ent) mieux de|ferai(?:t|ent) bien de|n{_Q}\s*(?:a|ont) qu{_Q}\s*a|"
    rf"doi(?:t|vent)|peu(?:t|vent)) (?:aller )?(?:se |s{_Q}\s*)(?:pendre|suicider|foutre en l{_Q}air|jeter (?:d{_Q}un|"
    r"du haut d.un|sous un|sous le|par la fenetre|dans la seine)|tirer une balle|flinguer|ouvrir les veines|tuer)\b"
    r"(?! (?:a la tache|au travail|a la t[aâ]che))",
    # "va te pendre", "allez vous jeter d'un pont", "va donc te foutre en l'air"; not "tu vas te tuer avec ça".
    rf"(?<!tu )(?<!vous )\b(?:va|vas|allez)(?: donc| plutot| juste| vite)? (?:te |t{_Q}\s*|vous )(?:pendre|suicider|"
    rf"foutre en l{_Q}air|jeter (?:d{_Q}un|du haut d{_Q}un|sous un|sous le|par la fenetre|dans la seine)|noyer|"
    r"flinguer|tirer une balle|defenestrer|ouvrir les veines|immoler|tuer)\b",
    # "pends-toi", "suicidez-vous", "jette-toi d'un pont", "fous-toi en l'air" (not "jetez-vous sur ce produit").
    r"\b(?:pends|pendez|suicide|suicidez|tue|tuez|defenestre|defenestrez|flingue|flinguez)[- ](?:toi|vous)\b(?! a la "
    r"tache)|\b(?:jette|jetez)[- ](?:toi|vous) (?:d.un|du haut|sous|par la fenetre|dans la seine)\b|\b(?:fous|foutez)"
    r"[- ](?:toi|vous) en l.air\b",
    rf"\b(?:tu (?:devrais|ferais mieux de|ferais bien de|n{_Q}\s*as qu{_Q}\s*a)|t{_Q}\s*(?:as|a) qu{_Q}\s*a|vous "
    rf"(?:devriez|feriez mieux de|n{_Q}\s*avez qu{_Q}\s*a)|(?:je|j)\s*(?:te|t{_Q}?) conseille de) (?:aller )?(?:te |"
    rf"t{_Q}\s*|vous )(?:pendre|suicider|foutre en l{_Q}air|jeter (?:d{_Q}un|du haut|sous|par la fenetre)|tuer|"
    r"flinguer|ouvrir les veines)\b",
    r"\b(?:rends|rendez|fais|faites)(?:[- ](?:nous|nous tous))? (?:un )?(?:service|plaisir|une faveur)(?: a tout le "
    r"monde| a tous| a l.humanite)?,? (?:et )?(?:disparais pour de bon|disparais a jamais|creve|pends[- ]toi|"
    r"suicide[- ]toi|va te pendre|va crever|tue[- ]toi)\b",
    r"\b(?:le monde|la terre|tout le monde|on)(?: se porterait| serait| irait| sera| ira)(?: bien| vachement)? mieux "
    r"sans (?:toi|vous|des gens comme toi)\b|\bpersonne (?:ne )?(?:te|vous) regretter(?:a|ait|ont)\b",
]

# ---- A pile-on ------------------------------------------------------------------------------------------------------
# One person, never a shop: "him", "her", a handle ("@X" too, shorter than a real one), "this guy".
_AT = r"@[a-z0-9_.]+"
_ONE_EN = (
    rf"(?:him|her|{_AT}|(?:this|that|the) (?:guy|girl|woman|man|lady|dude|clown|idiot|troll|karen|bloke|chick|"
    r"person|loser|creep))"
)
_ONES_EN = (
    rf"(?:his|her|{_AT}{_Q}?s?|(?:this|that|the) (?:guy|girl|woman|man|lady|dude|clown|troll|karen|bloke|chick|"
    rf"person|loser|creep){_Q}s)"
)
_CLAUSE_END = r"(?=\s*(?:$|[^\w\s]|\b(?:guys|everyone|everybody|y.?all|lads|people)\b))"
_EN_PILE_ON = [
    rf"\b(?:tell|show|let) {_ONE_EN} (?:know )?(?:what|how much) (?:we|you|u|y.?all|everyone|everybody|people) "
    rf"(?:all )?(?:really |actually |truly |honestly )?(?:think|feel) (?:of|about) (?:him|her){_CLAUSE_END}",
    rf"\b(?:flood|spam|bombard|blow up|swarm|raid|brigade|dogpile|pile on(?:to)?|mass[- ]report|mass[- ]dm|fill up|"
    rf"go after|go at|light up) {_ONES_EN} (?:dms?|inbox|reviews?|comments?|page|profile|account|socials?|insta|ig|"
    r"phone|mentions|notifications|twitter|tiktok|feed|posts?|messages|mailbox|e-?mail|voicemail|youtube|channel)\b",
    rf"\b(?:everybody|everyone|every1|y.?all|you all|all of you|guys|lads|let.?s|lets) (?:go )?(?:after|at|on|pile "
    rf"on(?:to)?|dogpile|ruin|destroy|expose|dox+|harass|troll|bury|cancel|report) {_ONE_EN}\b(?!{_Q}s)(?! "
    r"(?:subscription|order|account|booking|plan|reservation)\b)",
    r"\b(?:share|repost|retweet|spread|post|rt) (?:this|it|(?:his|her) (?:name|face|pic|photo|address))(?: [a-z]+)"
    r"{0,3}? (?:so|until|till|til|so that) (?:he|she|they|this (?:guy|woman|girl|man)) (?:can.?t|cannot|won.?t be "
    r"able to|has nowhere to|have nowhere to|never gets? to) (?:hide|show (?:his|her|their) face|work again)\b",
    r"\b(?:so|until|till|so that) (?:everyone|everybody|the whole (?:town|world|internet|city|street)) (?:knows|sees|"
    r"finds out) (?:who|what) (?:he|she) (?:is|did|really is)\b",
    r"\b(?:make|let.?s make|we.?ll make|we will make) (?:his|her) life (?:hell|a living hell|miserable)\b",
    r"\b(?:go|go and|come|come and|someone|somebody|everyone|everybody) (?:tell|say (?:it|that|this)(?: to)?) "
    r"(?:him |her )?(?:to )?(?:his|her) face\b",
]
_FR_PILE_ON = [
    rf"\bon se (?:le |la )?(?:fait|farcit|tape|chope) (?:{_AT}|ce (?:mec|type|gars|connard|vendeur|troll|bouffon|"
    r"guignol|clown|rigolo)|cette (?:meuf|nana|conne|vendeuse|pouffiasse|grognasse|folle|cinglee))\b",
    r"\b(?:allez|go|les gars|tout le monde|venez)\b[^.!?\n]{0,20}\bon se (?:le|la) (?:fait|farcit|chope)"
    r"(?=\s*(?:$|[^\w\s]))",
    r"\b(?:balancez|balance|crachez|lachez|envoyez)[- ](?:lui|leur) (?:ce que (?:vous|tu|t.) (?:en )?pense[sz]?|ce "
    r"qu.on (?:en )?pense|vos (?:insultes|quatre verites)|tout ce que vous pensez)\b",
    r"\b(?:dites|montrez|faites savoir|dis|montre)[- ](?:lui|leur) (?:bien )?ce que (?:vous|on|tu|t.) (?:vraiment |"
    r"reellement )?(?:pensez|pense|penses) (?:d.elle|de lui|de ce (?:type|mec|vendeur|gars|connard)|de cette (?:meuf|"
    r"nana|vendeuse|conne))\b",
    r"\ballez (?:tous |toutes )?(?:lui|le lui|la lui) (?:dire|redire) (?:en face|ce que vous en pensez|ce que vous "
    r"pensez d.(?:elle|lui))\b",
    r"\b(?:inondez|spammez|spamez|bombardez|pourrissez|floodez|saturez|allez (?:tous )?(?:spammer|inonder|pourrir|"
    r"bombarder|flooder|saturer))(?:[- ]lui)? (?:ses|son|sa) (?:dms?|mps?|messages|boite(?: mail)?|insta|compte|page|"
    r"profil|avis|commentaires|tel|telephone|portable|snap|tiktok|facebook|fb|mur|publications|posts|vie)\b",
    r"\b(?:pourrissez|allez (?:tous )?(?:lui|leur) pourrir|on va (?:tous )?(?:lui|leur) pourrir)[- ]?(?:lui |leur )?"
    r"la vie\b|\b(?:harcelez|insultez|lynchez)[- ](?:le|la|les)\b|\ballez (?:tous )?(?:le|la) (?:harceler|insulter|"
    r"lyncher|afficher)\b",
    r"\b(?:partagez|partage|faites tourner|fais tourner|diffusez|relayez)\b[^.!?\n]{0,40}\b(?:pour (?:qu.(?:il|elle)|"
    r"que (?:ce|cette) \w+) ne (?:puisse|puissent) plus se (?:cacher|montrer)|(?:pour que|que) tout le monde "
    r"(?:sache|voie|connaisse) (?:qui (?:il|elle) est|sa tete|son visage|sa gueule|ce qu.(?:il|elle) a fait))",
]

# ---- A dare, or a wait for someone -----------------------------------------------------------------------------------
_EN_SPEAKER = (
    rf"(?:i{_Q}?ll|ill|il|i will|we{_Q}?ll|we will|imma|ima|i{_Q}m+a|i{_Q}?m gonna|i am gonna|i{_Q}?m going to|"
    rf"i{_Q}?m|we{_Q}?re|i am|we are|gonna)"
)
_THEIR_PLACE = (
    r"(?:your|ur|yo|his|her) (?:car|van|truck|bike|motorbike|house|home|place|flat|apartment|work|job|office|door|"
    r"front door|school|kids|building|gate|workplace|driveway|street)"
)
_EN_DARE = [
    r"\bsay (?:that|it|this|dat|tht|sth like that|that shit|that crap|that again|it again)(?: again)? (?:to|2) "
    r"(?:my|me|ma) face\b",
    r"\b(?:come|come and|come n|come over and|come down and) (?:say|tell me|repeat|say it|say that)(?: (?:that|it|"
    r"this|dat))? (?:to my face|in person|irl|in real life|outside|face to face)\b",
    r"\b(?:say|do|post|write|try|repeat|comment) (?:that|it|this|dat) (?:one more time|again)\b[^.!?\n]{0,40}\b(?:and|"
    r"&|n) (?:see|watch) what happens\b",
    # Speaking on, dared: "keep posting and see what happens", "keep running your mouth, you'll find out".
    r"\b(?:keep|carry on|go on|continue) (?:posting|talking|commenting|writing|running (?:your|ur|yo) mouth|mouthing "
    r"off|leaving (?:reviews|comments)|lying|trolling|typing|chatting|yapping)(?: (?:like that|about me|shit|crap))?"
    r"(?: @[a-z0-9_.]+)?,? (?:and|&|n) (?:see|watch|find out) what happens\b|\b(?:keep|carry on) (?:posting|talking|"
    r"running (?:your|ur) mouth|mouthing off|trolling)\b[^.!?\n]{0,20}\b(?:you|u)(?:.ll| will) (?:see|find out|"
    r"regret it|learn)\b",
    r"\b(?:meet|catch|cash) me outside\b|\blet.?s (?:take|settle) (?:this|it) (?:outside|irl|in person|offline)\b",
    rf"\b{_EN_SPEAKER}(?: be)? (?:waiting|wait|waitin|lurking|parked|standing|sat) (?:for (?:you|u|ya|him|her) )?"
    rf"(?:right )?(?:by|at|outside|near|next to|beside|in front of|behind|round|around|under) {_THEIR_PLACE}\b",
    rf"\b{_EN_SPEAKER}(?: be)? (?:waiting|wait|waitin) for (?:you|u|ya|him|her) (?:outside|after (?:work|your shift|"
    r"ur shift|closing|school)|in the (?:car ?park|parking lot|parking)|at (?:your|ur) (?:car|house|door|work))\b",
    r"\b(?:we.?ll|let.?s|we will) see (?:if|how) (?:you|u|he|she)(?:.re| are| r|.s| is)? (?:still )?(?:so |as )?"
    r"(?:smug|cocky|brave|tough|mouthy|funny|smart|clever|confident|big|hard|lippy)\b(?: (?:in person|irl|face to "
    r"face|then|now|when))?|\b(?:we.?ll|let.?s|we will) see how (?:smug|cocky|brave|tough|mouthy|big|hard|lippy) "
    r"(?:you|u|he|she) (?:are|r|is|really are) (?:in person|irl|face to face|to my face|then)\b|\b(?:you|u|he|she)"
    r"(?:.re| are| r|.s| is|.ll| will|.d| would)(?: be)? (?:not|n.t|never) "
    r"(?:be )?(?:so|as) (?:smug|cocky|brave|tough|mouthy|lippy|big|hard) (?:in person|irl|face to face|to my face|"
    r"when i)\b",
]
_FR_I_YOU = rf"(?:(?:je|on|nous)\s*(?:te |t{_Q}\s*|vous )|j{_Q}?\s*te |jt{_Q}?\s*|j{_Q}t{_Q}?\s*)"
_FR_DARE = [
    # "continue à l'ouvrir et tu vas voir", "continuez de poster, vous verrez ce qui va se passer".
    rf"\b(?:continue|continues|continuez) (?:a|de|d{_Q}) ?(?:parler|poster|ecrire|commenter|l{_Q}\s*ouvrir|la "
    r"ramener|faire le malin|raconter (?:ta|des|n.importe) [a-z]+|mentir|troller|baver|te la peter|cracher)\b"
    r"[^.!?\n]{0,30}?,? (?:et )?(?:tu (?:vas|verras|va)|vous (?:allez|verrez)|on (?:va|verra))(?: bien)? (?:voir|"
    r"comprendre|le regretter|ce qui (?:va se passer|se passe|va t.arriver|arrive))\b",
    r"\b(?:viens|venez|vient|ose|osez)(?: donc| un peu)? (?:me |nous )?(?:le |la |les |l.)?(?:dire|redire|repeter)"
    r"(?: ca| le)? (?:en face|en vrai|dans la vraie vie|irl|devant moi|dehors)\b|\bdis[- ](?:le|moi|ca)(?:[- ]moi)? "
    r"en face\b",
    rf"(?<!je )(?<!j{_Q})(?<!on )(?<!il )(?<!elle )(?<!tu )\b(?:repete|repetez|redis|redites|ose (?:repeter|redire))"
    r"[- ](?:le|ca|un peu|voir|le moi)\b[^.!?\n]{0,8}?(?:\bet\b|pour voir|…|\.\.\.|(?=\s*[!?]))",
    rf"\b(?:{_FR_I_YOU}|(?:je|on)\s*(?:vais|va|allons)\s*(?:te |t{_Q}\s*|vous ))(?:attends|attend|attendrai|attendra|"
    r"attendrons|attendons|attendre|guette|guetterai|guettera|guetter)\b[^.!?\n]{0,15}?(?:(?:devant|pres de|a cote "
    r"de|derriere|vers|a) (?:ta|ton|tes) (?:voiture|bagnole|caisse|maison|porte|boulot|taf|travail|bureau|immeuble|"
    r"ecole|domicile|appart|scooter|moto|velo|gosses|enfants)|(?:devant|pres de|a cote de|derriere) votre (?:voiture|"
    r"maison|porte|domicile)|sur le parking|au parking|apres ton (?:service|taf|boulot|travail))\b",
    rf"\b(?:je|j{_Q}?|on)\s*(?:viens|vient|vais|va|passe|passerai|passera|viendrai|viendra)\s+(?:venir )?(?:te |"
    r"t.\s*)(?:chercher|choper|cueillir|attraper|recuperer|attendre)\s+(?:a la sortie(?! (?:de l.ecole|du college|du "
    r"lycee|de la creche|de la gare|de l.aeroport|des cours|du metro|de la maternite))|apres ton (?:service|taf|"
    r"boulot|travail)|devant (?:ton|ta|chez toi)|en bas de chez toi|sur le parking|a ton (?:travail|taf|boulot))",
    r"\b(?:on|je) (?:va |vais )?(?:bien )?(?:voir|verra|verrai) si (?:tu|vous|il|elle) (?:fai[st]|faites|feras|ferez|"
    r"fera) (?:toujours|encore) (?:le|la|les) (?:malin|maline|maligne|fier|fiere|mariole|beau|kador|dur|caid|malins)\b"
    r"|\b(?:tu|vous|il|elle) (?:feras|ferez|fera|ferais|feriez|ferait|vas|allez|va) (?:faire )?moins (?:le|la|les) "
    r"(?:malin|maline|maligne|fier|fiere|mariole|beau|kador|dur|caid|malins)\b",
]

_SHAPES = (
    (Alternation(_EN_TOLD + _FR_TOLD), "threat"),
    (any_of(_EN_PILE_ON + _FR_PILE_ON), "harassment"),
    (Alternation(_EN_DARE + _FR_DARE), "threat"),
)
# The words every shape above needs (most reviews have none).
GOADING_GATE = re.compile(
    r"self|jump|leap|traffic|bleach|favou?r|better|miss|notice|pend|suicid|foutre|fous|foutez|jet|tue|tuez|noy|flingu|defenestr|"
    r"service|plaisir|mieux|regrett|think|feel|flood|spam|bombard|blow|swarm|raid|brigade|dogpile|pile|mass|fill|go |"
    r"light|after|share|repost|retweet|spread|post|rt\b|knows|life|face|se (?:le |la )?(?:fait|farcit|tape|chope)|"
    r"balanc|crach|lach|envoy|dites|montr|savoir|dis|allez|inond|pourri|sature|harcel|insult|lynch|partag|tourner|"
    r"diffus|relay|say|repeat|again|outside|wait|lurk|parked|standing|sat\b|see|smug|cocky|tough|brave|repet|redi|"
    r"attend|guett|chercher|chop|cueill|attrap|recuper|malin|fier|mariole|kador|caid|keep|carry|go on|continu|tirerais|"
    r"sauterais|ouvrirais"
)


def goading(ctx: Context) -> list[Match]:
    """Self-harm told to someone, a pile-on called for, a dare or a wait for someone (see the module docstring)."""
    view = ctx.text.base
    text = view.text
    if not GOADING_GATE.search(text):
        return []
    return [match for pattern, label in _SHAPES for match in unquoted(ctx, view, pattern.finditer(text), label)]
