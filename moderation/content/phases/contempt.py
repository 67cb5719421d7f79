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
    rf"\b(?:you|u|they|{_EN_STAFF_SUBJECT})(?: clearly| obviously| really| all| must)?(?: have| has| had| got|"
    rf"{_Q}ve got| ve got) (?:the )?(?:iq|brains?|brain cells?) of (?:a |an )?"
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
    r"\b(?:you|u|she|her)\b[^.!?\n]{0,30}\b(?:look|looks|looked|be|would be)\b[^.!?\n]{0,20}\bbent over\b",
    rf"\b{_THE_WOMAN_EN}\b[^.!?\n]{{0,60}}\b(?:has|had|got) (?:a |an |such a |some )?(?:nice|great|fit|fine|lovely|big|"
    r"perfect|tight) (?:tits|a[s$*]{2}|arse|rack|boobs|bum|booty)(?![a-z])",  # "a nice a$$"
    # The same in French, and what the speaker wants to do to her: "la caissière a de beaux nichons", "I want to
    # fuck the cashier so hard".
    rf"\b{_WOMAN_FR}\b[^.!?\n]{{0,60}}\b(?:a|avait|elle a|elle avait) (?:de |des |un |une )?(?:(?:beaux|belles|gros|"
    r"grosses|jolis|jolies|sacres|sacrees|super) (?:seins|nichons|nibards|lolos|fesses|obus|pare-chocs)|(?:beau|gros|"
    r"joli|sacre|super|bon) (?:cul|boule|fessier|popotin))\b",
    rf"\b(?:i|id|i.d|i would|i want to|i wanna|i.d love to|i would love to|i.m gonna|i.ll|i will) (?:fuck|f.ck|fck|"
    rf"bang|shag|screw|smash|rail|pound|fuk) {_THE_WOMAN_EN}\b",
    rf"\b{_WOMAN_FR}\b[^.!?\n]{{0,80}}?(?:\bje (?:la|me la|les) (?:baiserais|sauterais|culbuterais|defoncerais|"
    r"prendrais bien (?:dans la cabine|sur le comptoir|contre|par derriere))\b|\belle (?:peut|pourrait) (?:venir )?me "
    rf"(?:faire|sucer|rejoindre)\b[^.!?\n]{{0,60}}(?:\bperso\b|quand elle veut|{_LEWD_EMOJI})|{_LEWD_EMOJI})",
]
# Sexual remarks about a woman in a video, a photo or an ad, or on the staff, said of her: "the girl in the unboxing
# video can unbox me anytime 😏", "the model in the pics is so hot 🥵", "la vendeuse du rayon chaussures elle est trop
# bonne 🥵"; and her handle or number asked for: "whats her insta", "anyone got the number of the blonde at till 2",
# "quelqu'un a son snap ?". Not "the girl in the video explains the settings well", "quelqu'un a le lien de la
# vidéo ?", "what's the brand's insta?", nor "quelqu'un a son insta ?" with no woman named (a shop has one).
_MEDIA_EN = (
    r"(?:video|vid|unboxing|ad|advert|commercial|photos?|pics?|pictures?|thumbnail|tutorial|review|clip|reel|tiktok|"
    r"short|demo|listing|catalogu?e?|images?|banner|campaign|shoot|lookbook)"
)
_WOMAN_SEEN_EN = (
    rf"(?:{_THE_WOMAN_EN}|(?:the|that|this|your) (?:[a-z]+ ){{0,2}}?(?:girl|woman|lady|model|chick|blonde|brunette|"
    rf"redhead|presenter|host|actress|lass|milf|youtuber|influencer)s? (?:in|from|on|doing) (?:the|this|that|your|ur|"
    rf"these) (?:[a-z]+ )?{_MEDIA_EN})"
)
_LEER = "[\U0001f975\U0001f924\U0001f4a6\U0001f351\U0001f346\U0001f445\U0001f60f\U0001f608]"  # 🥵🤤💦🍑🍆👅😏😈
_WOMAN_SEEN_FR = (
    r"(?:la|cette|ta|votre|une|les) (?:[a-z]+ )?(?:fille|nana|meuf|vendeuse|caissiere|serveuse|hotesse|conseillere|"
    r"blonde|brune|rousse|presentatrice|mannequin|demonstratrice|livreuse|influenceuse|youtubeuse)s?"
)
_HER_HANDLE_EN = (
    r"(?:insta|instagram|ig|snap|snapchat|number|digits|socials|social media|tiktok|onlyfans|of|handle|whatsapp|phone "
    r"number|cell|cell number|mobile number|fb|facebook|telegram|discord)"
)
_HANDLE_FR = (
    r"(?:snap|snapchat|onlyfans|insta|instagram|tiktok|numero|num|tel|telephone|portable|whatsapp|06|07|facebook)"
)
# Not what she can show: "the lady in the video can show me how to fold it".
OGLING += [
    rf"\b{_WOMAN_SEEN_EN}\b[^.!?\n]{{0,40}}\b(?:can|could|may|should|is gonna|gonna) (?:come (?:and |over and )?)?"
    r"(?:unbox|ride|sit on|do|have|take|wreck|rail|undress|blow|suck|bounce on|smash|get on top of|test|demo|try|"
    rf"review|show|use|handle) me\b(?! (?:how|what|where|which|why|the|an?|around|round|through|to|into|some|my|our|"
    rf"your|its?|that|this)\b)(?:[^.!?\n]{{0,15}}(?:anytime|any time|whenever|all (?:day|night)|tonight|"
    rf"{_LEER}))?",
    rf"\b{_WOMAN_SEEN_EN}\b[^.!?\n]{{0,40}}\b(?:is|s|looks) (?:so |really |soo+ |fucking |damn |bloody |proper )?"
    r"(?:hot|sexy|thicc|thick|bangin|banging|peng|smokin|smoking hot|fuckable|a smokeshow|a snack|a milf)\b|\b"
    rf"{_WOMAN_SEEN_EN}\b[^.!?\n]{{0,40}}\b(?:i.?d|i would|id) (?:smash|hit (?:it|that)|tap (?:it|that)|bang her|"
    r"destroy her|rail her|ruin her|eat her|do her)\b",
    rf"\b{_WOMAN_SEEN_EN}\b[^.!?\n]{{0,40}}{_LEER}",
    rf"\b{_WOMAN_SEEN_FR}\b[^.!?\n]{{0,60}}?(?:\b(?:bandante|chaudasse|baisable|bonnasse|je me la (?:ferais|taperais)|"
    rf"je la (?:fourrerais|defoncerais))\b|\b(?:est|etait|c.est une|c.etait une) (?:trop |grave |tellement |vraiment |"
    rf"bien |super )?(?:bonne|canon|sexy|chaude)\b[^.!?\n]{{0,10}}{_LEER}|\belle (?:peut|pourrait) (?:venir )?me "
    r"(?:faire|sucer|deballer|chevaucher)\b[^.!?\n]{0,30}(?:quand elle veut|quand elle le veut))",
    rf"\b{_WOMAN_SEEN_FR}(?: (?:du|de la|de l.|des|au|a la|dans la|sur la|en) [a-z]+){{0,3}},? (?:elle )?(?:est|etait) "
    r"(?:trop |grave |tellement |vraiment bien |bien )(?:bonne|chaude)\b(?=\s*(?:$|[^\w\s]))",
    rf"\b(?:what.?s|whats|wats|wots|what is|anyone (?:got|have|has|know)|any1 (?:got|have|know)|does anyone (?:have|"
    r"know)|who (?:has|got|knows)|someone (?:drop|send|give me|get me)|can (?:someone|somebody|anyone|u|you) (?:drop|"
    rf"send|share|get|give me)|drop|i need|i want|send me|give me|link) (?:me )?her {_HER_HANDLE_EN}\b",
    rf"\b(?:the )?(?:number|digits|insta|snap|socials|ig|onlyfans|whatsapp) (?:of|for) {_WOMAN_SEEN_EN}\b",
    rf"\b(?:quelqu.un|qqn|qq1|quelqu1|kelkun)(?: [a-z]+){{0,2}}? (?:son|sa) (?:snap|snapchat|onlyfans|0[67])\b|"
    rf"\b{_WOMAN_SEEN_FR}\b[^\n]{{0,120}}\b(?:quelqu.un|qqn|qq1|quelqu1|kelkun|vous|c.est quoi|donnez|balancez|"
    rf"envoyez)(?: [a-z]+){{0,2}}? (?:son|sa) {_HANDLE_FR}\b|\b(?:le |l.)?{_HANDLE_FR} (?:de|d.) {_WOMAN_SEEN_FR}\b",
]
# An innuendo about her: "the blonde on the Saturday counter … would let her 'demo' a lot more than headphones if u know
# what i mean 😏", "la vendeuse du rayon lingerie, elle m'a fait essayer bien plus que des soutifs si vous voyez ce que
# je veux dire". Not "the girl at the till knows what she's talking about".
_HOT = r"(?:stunner|sexy|peng|gorgeous|babe|smokeshow|fit as|bonne|canon|bombe|bandante)"
_WINK_EN = r"(?:if (?:u|you|ya) know what i mean|iykwim|wink wink|nudge nudge|know what i.m saying)"
_WINK_FR = r"si (?:tu|vous) (?:vois|voyez) ce que je (?:veux dire|veut dire|dis)"
OGLING += [
    rf"\b(?:{_THE_WOMAN_EN}|{_WOMAN_SEEN_EN})\b[^\n]{{0,160}}(?:\b{_HOT}\b[^\n]{{0,100}}\b{_WINK_EN}\b|\b{_WINK_EN}\W{{0,3}}"
    rf"{_LEER})",
    rf"\b{_WOMAN_SEEN_FR}\b[^\n]{{0,160}}(?:\b{_HOT}\b[^\n]{{0,100}}\b{_WINK_FR}\b|\b{_WINK_FR}\W{{0,3}}{_LEER})",
]
# Her invitation, imagined: "the girl who packed my order … she can come 'unpack' me anytime 😉", "the blonde cashier
# can scan my barcode anytime 😏", "she can come round and show me more than lawnmowers", "wouldn't mind watching her
# bend over again", "la conseillère … elle peut venir chez moi me montrer autre chose que des tondeuses 😏". A verb
# in scare quotes, or a leer after "anytime": "the girl at the till can help me anytime, so kind" is service, "la
# vendeuse peut me refaire un prix quand elle veut 😉" a customer's joke, "watching her bend over backwards" help.
_LEER_OR_WINK = _LEER[:-1] + "\U0001f609\U0001f618]"  # and 😉😘
_ANYTIME = r"[^.!?\n]{0,15}\b(?:anytime|any time|whenever (?:she|you) (?:wants?|likes?)|all night)\b"
OGLING += [
    rf"\b{_WOMAN_SEEN_EN}\b[^.!?\n]{{0,80}}?\b(?:can|could|may) (?:come (?:and |over and |round and |over |round )?)?"
    rf"(?:['\"‘][a-z]+['\"’] (?:me|my [a-z]+)\b(?:{_ANYTIME}|\W{{0,3}}{_LEER_OR_WINK})|[a-z]+ (?:me|my [a-z]+)\b"
    rf"{_ANYTIME}\W{{0,3}}{_LEER})",
    rf"\b{_WOMAN_SEEN_EN}\b[^.!?\n]{{0,80}}?\b(?:can|could) come (?:round|over|to mine|to my place|home with me)\b"
    r"[^.!?\n]{0,40}?\b(?:more than|something other than|other things than|a lot more than)\b",
    r"\b(?:wouldn.?t mind|would love to|i.?d love to|love|loved|enjoy(?:ed|s)?|like|liked|worth)\b[^.!?\n]{0,20}\b"
    r"(?:watch\w*|see\w*|look\w* at|perv\w* on|ogl\w+) her bend(?:s|ing)? over\b(?! backwards)",
    rf"\b{_WOMAN_SEEN_FR}\b[^\n]{{0,120}}?\belle (?:peut|pourrait) (?:venir |passer )?(?:(?:chez moi|a la maison|dans "
    r"mon lit|dans ma chambre) me [a-z]+\b[^.!?\n]{0,60}?(?:\bautre chose que\b|\bbien plus que\b|\bplus que\b|"
    rf"{_LEER_OR_WINK})|me [a-z]+\b[^.!?\n]{{0,60}}?{_LEER})",
]
OGLING_GATE = (
    r"girl|woman|lady|model|chick|blonde|brunette|redhead|presenter|host|actress|lass|milf|youtuber|influencer|"
    r"cashier|waitress|receptionist|saleswoman|assistant|fille|nana|meuf|vendeuse|caissiere|serveuse|hotesse|"
    r"conseillere|blonde|brune|rousse|presentatrice|mannequin|demonstratrice|livreuse|youtubeuse|her |son |sa "
)

# ---- Put-downs of a commenter ---------------------------------------------------------------------------------------
# The internet's ways to tell one person they do not count: "nobody asked you", "who asked", "touch grass", "ratio + L",
# "cope and seethe", "keep crying, princess", "get a life", "personne t'a demandé ton avis", "on s'en fout de ton avis",
# "va toucher de l'herbe", "trouve-toi une vie". Not "nobody asked for my order number", "Get a grip on the lid", "cope
# with", "on vous a demandé votre avis par mail".
_ALONE_AFTER = r"(?=\s*(?:$|[.!?,;:+]|[^\w\s]))"
_SENTENCE_START = r"(?:^|[.!?,;:]\s*)(?:and |but |lol |lmao |ok |okay |just |so |now |bah |ben |allez |va )?"
PUT_DOWNS = [
    r"\b(?:nobody|no one|no1|noone|who|didn.?t|did not|never)(?: even| tf| the fuck)? ask(?:ed)? (?:you|u|ya|for "
    r"(?:your|ur|yo|ya) (?:opinion|input|life story|take|2 cents|two cents|thoughts|comment|review|advice))\b",
    rf"{_SENTENCE_START}(?:who (?:even |tf |the fuck )?asked|(?:i |we )?didn.?t ask|nobody asked|no one asked)"
    rf"{_ALONE_AFTER}",
    r"(?:^|[.!?,;:]\s*|\b(?:go|pls|please|plz|just|need to|needs to|should|gotta|have to|go and|maybe) )touch "
    r"(?:some )?grass\b|\bva toucher (?:de )?l.herbe\b",
    r"\bratio(?:.?d)?\s*(?:\+|and|&|plus)\s*(?:l|you fell off|didn.?t ask|who asked|cope)\b|\bl\s*\+\s*ratio\b|"
    r"(?:^|[.!?]\s*)ratio(?=\s*(?:$|[.!?]))",
    rf"\bcope (?:and|&|\+|n) seethe\b|\bseethe (?:and|&|\+|n) cope\b|{_SENTENCE_START}(?:cope|seethe|mald|stay mad|"
    rf"keep crying|cry about it|cry more|cry harder|cope harder|seethe harder){_ALONE_AFTER}",
    rf"{_SENTENCE_START}get a (?:life|job)(?=\s*(?:$|[.!?,;:]|\b(?:loser|mate|bro|dude|man|lol|kid|pal|buddy|"
    r"karen)\b))",
    rf"\b(?:personne|qui)\s*(?:ne\s*)?t{_Q}\s*(?:a|as)\s*(?:rien |jamais )?(?:demande|sonne)\b|\bon\s*t{_Q}\s*(?:a|as)"
    r"\s*(?:pas|rien) (?:demande|sonne)\b|\bpersonne (?:ne )?vous a demande votre avis\b",
    r"\b(?:on s.en (?:fout|fiche|bat (?:les couilles|les steaks)|tape)|tout le monde s.en (?:fout|fiche|tape)|osef|"
    r"balek) (?:de |d.)?(?:ton avis|ta vie|tes conseils|ton commentaire|tes commentaires)\b|\b(?:ton avis|ta vie),? "
    r"(?:on|tout le monde|personne) (?:s.en|n.en a rien a) (?:fout|fiche|tape|bat|foutre|cirer|carrer)\b",
    r"\b(?:trouve|achete|fais)[- ]toi une vie\b|\bt.?\s*(?:as|a) pas de vie\b|\btu n.as pas de vie\b",
    rf"{_SENTENCE_START}(?:pleure|chiale|chouine)(?: (?:encore|plus fort|un coup|bien))?{_ALONE_AFTER}|\bcontinue "
    r"(?:a|de) (?:pleurer|chialer|chouiner)\b",
]
PUT_DOWNS_GATE = (
    r"ask|grass|herbe|ratio|cope|seethe|mald|mad|cry|life|job|demande|sonne|fout|fiche|bat|tape|osef|balek|vie|pleur|"
    r"chiale|chouine"
)

# ---- A commenter's wits, literacy or life mocked --------------------------------------------------------------------
# Doubting that someone can read ("you clearly can't read", "do u even read", "tu sais pas lire", "apprends à lire",
# "vu ton orthographe"), thanking them as a genius ("thanks Sherlock", "bravo Einstein", "merci le génie", ", genius,"
# in a sentence to "you"), calling them the stupidest of a place ("you're the thickest person on this thread", "t'es
# le plus con du forum"), and their solitude or family thrown at them ("no wonder your husband left", "pas étonnant
# que ta femme se soit barrée", "no wonder ur single"). Not "I can't read the small print", "genius design", "Sherlock
# Holmes", "the thickest duvet", "mon fils apprend à lire", "pas étonnant que ma femme l'adore".
_YOU = r"(?:you|u|ya|ye)"
_TU = rf"(?:tu|t{_Q}?|vous)"
_STUPIDEST_EN = (
    r"(?:dumbest|stupidest|thickest|densest|dimmest|slowest|most (?:stupid|clueless|ignorant|brainless|thick|dense|"
    r"idiotic)|biggest (?:idiot|moron|clown|muppet|loser|numpty|fool|melt|tool))"
)
_STUPIDEST_FR = r"(?:con|conne|bete|debile|idiot|idiote|stupide|abruti|abrutie|cretin|cretine|neuneu|demeure|demeuree)"
_PARTNER = (
    r"(?:husband|wife|hubby|wifey|bf|gf|boyfriend|girlfriend|partner|man|missus|ex|kids?|family|mum|mom|dad|mari|femme|"
    r"mec|copain|copine|meuf|gosses?|enfants?|famille|ex)"
)
WITS = [
    rf"\b{_YOU}(?: clearly| obviously| really| seriously| actually| just| must)? (?:can.?t|cannot|can not|don.?t know "
    r"how to|never learned to) (?:read|spell|count)\b(?=\s*(?:$|[^\w\s]|\b(?:properly|either|mate|lol|dude|bro|"
    r"genius|or|clearly|obviously|apparently|can you)\b))",  # not "you can't read the display", "count on"
    rf"\b(?:do|did|can) {_YOU} (?:even |actually )?read\b|(?:^|[.!?,;:]\s*|\b(?:mate|bro|pls|please|just|go|maybe) )"
    r"learn (?:how )?to (?:read|spell|count)\b|"
    r"\breading (?:is hard|comprehension (?:is|isn.?t|is not) (?:hard|your))\b",
    rf"\b{_TU} (?:ne )?(?:sais|savez|sait) (?:pas|meme pas|toujours pas|vraiment pas) (?:lire|ecrire|compter)\b|"
    r"(?:^|[.!?,;:]\s*)(?:va |allez )?(?:apprends?|apprenez|reapprends?) (?:a|a bien) (?:lire|ecrire|compter)\b|"
    r"\b(?:vu|avec) (?:ton|votre) orthographe\b",
    r"\b(?:thanks|thank you|thx|ty|cheers|nice one|well done|good job|great job|bravo|merci|bien joue|bien vu|"
    r"felicitations)(?: (?:for that|pour ca))?,? (?:sherlock|einstein|captain obvious|professor|le genie|mister genius|"
    r"mr genius|genius|inspecteur gadget|columbo)(?! holmes)\b",
    rf"\b{_YOU}\b[^.!?\n]{{0,60}},\s*(?:genius|einstein|sherlock|smart ?ass|smarty ?pants|big brain|professor)"
    r"(?=\s*(?:$|[.!?,;:]))|(?:^|[.!?]\s*)(?:genius|einstein|sherlock)\s*,[^.!?\n]{0,60}\b(?:you|u|your|ur)\b",
    rf"\b{_YOU}(?:.re| are| r|re)(?: [a-z]+)? the {_STUPIDEST_EN}\b",
    rf"\b(?:t{_Q}?\s*es|tu es|vous etes)(?: [a-z]+)? (?:le|la) (?:plus|pire) {_STUPIDEST_FR}\b",
    rf"\bno wonder (?:your|ur|yo) {_PARTNER} (?:left|leaves|cheated|walked|ran|divorced|dumped|moved out|hates?|"
    rf"can.?t stand|doesn.?t (?:talk|speak|visit|call)|never (?:visits|calls))\b|"
    rf"\bno wonder (?:{_YOU}(?:.re| are| r)?|ur) "
    r"(?:single|alone|lonely|divorced|unemployed|a virgin)\b|\bno wonder (?:nobody|no one|noone) (?:likes|loves|"
    rf"wants|talks to|invites) {_YOU}\b",
    rf"\bpas (?:etonnant|etonant|etonnnant) (?:que|qu.) (?:ton|ta|tes|votre|vos) {_PARTNER}\b[^.!?\n]{{0,30}}"
    r"(?:quitte|parti|partie|barre|barree|tire|tiree|largue|trompe|casse|enfui|enfuie|fui)|\b(?:pas (?:etonnant|"
    rf"etonant) (?:que|qu.) {_TU}|c.est pour ca (?:que|qu.) {_TU}) ?(?:es|sois|soyez|etes|t.es)? ?(?:tout |toute )?"
    r"(?:seule?|celibataire|vieille fille|puceau|puceaux|pucelle|au chomage)\b",
]
# Stupidity said to be inborn: "was the guy at checkout born this stupid?", "il est né aussi con ?". Things are not
# born ("born this way" is a song).
WITS += [
    r"\bborn (?:this|that|so) (?:stupid|dumb|thick|dense|slow|ugly|rude|useless|incompetent|clueless|lazy)\b",
    r"\bmust be (?:hard|tough|exhausting) being (?:this|that|so) (?:stupid|dumb|thick|dense|ignorant|clueless)\b|"
    r"\bdoit etre (?:dur|difficile|fatigant) d.etre aussi (?:con|conne|bete|debile|stupide|idiot|idiote)\b",
    r"\b(?:did|has|had) (?:your|ur|yo) (?:mum|mom|mother|mama|parents?|dad) (?:ever )?drop(?:ped)? (?:you|u) on "
    r"(?:your|ur) head\b|\bdropped on (?:your|ur|his|her) head as a (?:baby|child|kid)\b|\bt.es tombe sur la tete "
    r"(?:a la naissance|petit|quand t.etais petit)\b",
    r"\bnee?s? (?:aussi|si|comme ca|tellement|autant) (?:con|conne|cons|connes|bete|betes|debile|debiles|idiot|idiote|"
    r"stupide|moche|abruti|abrutie)\b",
]
# Their mother mocked, the playground way: "ur mum is so fat she needs two return labels", "ta mère est tellement
# grosse que…". Not "my mum is so happy with it".
WITS += [
    r"\b(?:ur|your|yo|you.?re|youre) (?:mum|mom|mother|momma|mama|mam|ma)(?:.?s)? (?:is|s|was|so) "
    r"(?:so |that |such a )?(?:fat|ugly|stupid|dumb|poor|old|hairy|thick|fat cow|whore|slag|hoe|ho)\b",
    r"\bta (?:mere|daronne|maman|reum|grand-mere)(?: elle)? (?:est|etait) (?:tellement|si|trop|tant|tellemen|tlm) "
    r"(?:grosse|moche|conne|bete|pauvre|vieille|laide|chaude)\b",
]
WITS_GATE = (
    r"read|spell|count|lire|ecrire|compter|orthographe|sherlock|einstein|genius|genie|obvious|professor|gadget|columbo|"
    r"smart|brain|dumbest|stupidest|thickest|densest|dimmest|slowest|most|biggest|plus|pire|wonder|etonn|etonant|"
    r"pour ca|mum|mom|mother|mama|momma|mam|ma|mere|daronne|maman|reum|born|\bnee?s?\b|"
    r"hard|tough|exhausting|dur|difficile|fatigant|drop|tombe"
)
PUT_DOWNS += WITS
PUT_DOWNS_GATE += "|" + WITS_GATE
