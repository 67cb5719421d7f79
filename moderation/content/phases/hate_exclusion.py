"""A group kept out of a job or a place, or a person shown as what the group is called, in French and English (held as
``abusive`` through ``hate.coded_hate``). Each shape needs its parts together:

- a group declared unfit for a job by nature: "women aren't suited to mechanical work", "stop hiring women for the
  workshop, it's biology", "les femmes ne sont pas faites pour la mécanique", a faith or an origin the same;
- women told they do not belong, sent back to the kitchen, called a breeding animal: "les femmes n'ont rien à faire
  sur ce forum", "ladies, back to the kitchen", "retournez à la cuisine les pondeuses";
- a group to be banned from a place, with dirt, disease or "their customs" said of it ("on devrait interdire les
  piscines aux voilées, avec leurs microbes"), or a group said to bring its germs ("les migrants et leurs maladies");
- staff shown as a monkey in a zoo: "le nouveau vendeur 🐒🍌", "the new cashier 🦍 feels like the zoo", "escaped from
  the zoo" (🐒 and 🦍 are read "monkey" and "gorilla" by the ``words`` view);
- a scare-quoted coded group with a wink, an expulsion hashtag or an "88" signed off: "the same 'youths' again, you
  know the ones", "the 'urban youth' again, funny how", "#sendthemback"; a wink ("we all know who they are") with an
  "88" or "1488" signed off is one too;
- (a woman sent off to make a sandwich and a person called an animal by their origin are ``hate_dismissed``'s);
- staff whose origin is hinted at ("les caissiers, on sait d'où ils viennent..."), or to be replaced by "real" French
  or British people ("remettez des vrais Français derrière les caisses").

The parts apart stay published: women staffing a workshop, a saddle not suited to women, "retourné à la caisse", a
plush monkey at the zoo, "vrai français ce fromage", where the problems come from, a youths' section, "#sendthemback
if they don't fit", dogs banned from a beach, a text that condemns the prejudice it reports.
"""

from __future__ import annotations

import re

from moderation.content.phases.hate_dismissed import animal_by_origin, sent_to_the_kitchen
from moderation.content.phases.hate_groups import GROUPS_EN, GROUPS_FR
from moderation.content.phases.literals import words_of
from moderation.content.phases.shapes import STAFF_EN, STAFF_FR

_WOMEN_EN = r"(?:women|females|girls)"
_WOMEN_FR = r"(?:femmes|nanas|meufs|gonzesses|filles|bonnes femmes)"
_WHO_EN = rf"(?:{GROUPS_EN}|{_WOMEN_EN})"
_WHO_FR = rf"(?:{GROUPS_FR}|{_WOMEN_FR}|(?:femmes |filles )?voilees|barbus)"
# A text that condemns or reports the prejudice: "who says women don't belong in a workshop?", "un cliché sexiste".
_CONDEMNS = re.compile(
    r"racis|sexis|misogyn|prejudic|prejuge|stereotyp|cliche|idee recue|myths?\b|bigot|discrimin|xenophob|islamophob|"
    r"scandal|honte|honteux|shameful|disgrac|\bwho (?:says|said)\b|\bqui a dit\b|\bqui dit\b|\bnot true\b|\bpas vrai\b"
)

# ---- Unfit for a job by nature -------------------------------------------------------------------------------------
_WORK_EN = (
    r"(?:[a-z-]+ ){0,3}?(?:work|jobs?|trades?|roles?|positions?|careers?|professions?|labou?r|mechanics|engineering|"
    r"repairs?|workshops?|management|leadership|tech|science|fixing (?:bikes|cars|things))\b"
)
_WORK_FR = (
    r"(?:(?:la|le|les|l.|ce|cet|cette|ces|un|une|des|du|de) )?(?:[a-z-]+ )?(?:mecanique|metiers?|travail|boulot|taf|"
    r"job|postes?|technique|atelier|chantiers?|bricolage|reparations?|manutention|informatique|ingenierie|sciences?|"
    r"bosser|travailler|reparer|diriger|commander|management)\b"
)
_ADV = r"(?: (?:just|simply|really|naturally|biologically|generally|physically|mentally))?"
_ABLE = r"(?:suited|suitable|cut out|built|made|fit|wired|designed|equipped|capable|competent|good enough)"
_UNFIT_EN = (
    rf"(?:(?:{_ADV} (?:are not|aren.?t|arent|ain.?t|are never|were never|will never be|can never be)|.re not){_ADV} "
    rf"{_ABLE}|(?:{_ADV} are|.re){_ADV} (?:unsuited|unsuitable|unfit|incapable)) (?:for|to|at|of)(?: doing)? "
)
_UNFIT_FR = (
    r",? (?:ne |n.)?(?:sont|seront|etaient|c.est|c.etait) (?:(?:vraiment|tout simplement|simplement|biologiquement|"
    r"naturellement|juste) )?(?:pas|jamais|pas du tout) (?:(?:vraiment|naturellement) )?(?:faite?s|faits|fait|"
    r"taillee?s|douee?s|capables|aptes|competente?s|adaptee?s|programmee?s|concue?s|bonne?s) (?:pour|a|en|de) "
)
# The group as the subject: "boots for women aren't made for heavy work" is about the boots.
_NOT_FOR = r"(?<!\bfor )(?<!\bpour )(?<!\bde )(?<!\bof )(?<!\bwith )(?<!\bby )(?<!\bavec )(?<!\bpar )"
_UNFIT = re.compile(
    rf"{_NOT_FOR}\b{_WHO_EN}\b{_UNFIT_EN}{_WORK_EN}|\b(?:les |ces )?{_NOT_FOR}{_WHO_FR}\b{_UNFIT_FR}{_WORK_FR}"
)
# Not hired for who they are: "stop hiring women for the workshop", searched with a reason of nature (``_NATURE``).
_NOT_HIRED = re.compile(
    rf"\b(?:stop(?:ped)?|quit|avoid(?:ed)?|refuse to|no more|not) (?:hiring|employing|recruiting|taking on) "
    rf"{_WOMEN_EN}\b|\b{_WOMEN_EN} (?:shouldn.?t|should not|should never) be (?:working|employed|hired)\b|"
    r"\b(?:arrete\w*|evite\w*|cesse\w*|plus) (?:d.|de )?(?:embaucher|recruter|engager|employer) "
    rf"(?:des |les )?{_WOMEN_FR}\b"
)
_GROUP_NAMED = re.compile(rf"\b(?:{_WHO_EN}|{_WHO_FR})\b")
# "They" for the group named before it: "stop hiring women... they aren't suited to mechanical work".
_UNFIT_THEY = re.compile(rf"\bthey\b{_UNFIT_EN}{_WORK_EN}|\b(?:elles|ils)\b{_UNFIT_FR}{_WORK_FR}")
_NATURE = re.compile(
    r"\b(?:biolog\w*|nature|naturally|naturellement|genetic\w*|genetique\w*|hormon\w*|brains?|cerveaux?|"
    r"men.s (?:work|job)|a man.s job|(?:metier|boulot|travail|job) d.hommes?)\b"
)
_UNFIT_WORDS = frozenset(
    "suited suitable cut built made fit wired designed equipped capable competent unsuited unsuitable unfit incapable "
    "faites faits fait taillee taillees douees douee capables aptes competentes competente adaptees adaptee "
    "programmees concues bonnes hiring employing recruiting embaucher recruter engager employer".split()
)

# ---- Women told they do not belong -----------------------------------------------------------------------------------
_WOMEN_WORDS = re.compile(
    r"\b(?:voilees|barbus|femmes|nanas|meufs|gonzesses|mesdames|pondeuses|femelles|bobonnes?|menageres|women|females|"
    r"ladies|bitches)\b"
)
_NOT_BELONG = re.compile(
    r"\b(?:les|ces) (?:femmes|nanas|meufs|gonzesses|bonnes femmes|voilees|barbus)(?: voilees)?\b,? (?:n.ont rien a "
    r"(?:faire|foutre)|n.ont pas leur place) (?:ici|sur|dans|chez|au|aux|en|a|derriere)\b(?! (?:ce|ces) cas)|"
    r"\b(?:women|females)\b (?:don.?t|do not|shouldn.?t|should not) belong (?:here|in|on|at|behind|near)\b|"
    r"\b(?:women|females) have no (?:place|business) (?:here|in|on|at|behind|being)\b|"
    # Sent back to the kitchen, a women's word in the text (``_WOMEN_WORDS``): "retournez à la cuisine les pondeuses".
    r"(?:^|[.!?,;:]\s*)(?:et )?(?:(?:les )?(?:femmes|nanas|meufs|mesdames),? )?(?:retourne|retournez|retour|rentre|"
    r"rentrez|file|filez) (?:a la cuisine|dans (?:ta|votre|vos|la) cuisine|a (?:tes|vos) fourneaux|aux fourneaux)\b|"
    r"\b(?:women|females|ladies|bitches)\b[^.!?\n]{0,30}\b(?:(?:should|must|need to|ought to|can|to|go|get|send "
    r"(?:them|em)|put (?:them|em)) (?:all )?(?:go |get |be sent )?back|belongs?|should (?:stay|be|remain)) (?:in|to|"
    r"into) (?:the|your|their|ur) kitchens?\b|(?:^|[.!?,;:]\s*)(?:ladies|women|girls|females)\s*,\s*(?:now )?(?:go "
    r"|get )?back (?:in|to|into) (?:the|your) kitchens?\b"
)
# Women called a breeding animal: "les pondeuses", "ces femelles", "femoids". Not a farm's, a kennel's or a tank's.
_BREEDERS = re.compile(
    r"\b(?:les|ces|des|sales?|bande de|espece de|vous les|tas de|que des) (?:pondeuses|femelles|truies|genisses|"
    r"poulinieres)\b|\b(?:those|these|the|you|dumb|stupid|filthy|just) (?:breeders|broodmares)\b|"
    r"\b(?:femoids?|foids?)\b"
)
_ANIMALS = re.compile(
    r"\b(?:poules?|oeufs?|eggs?|hens?|elevages?|fermes?|fermiers?|chiens?|chiennes?|chiots?|portees?|chats?|chattes?|"
    r"chatons?|chevaux|cheval|juments?|vaches?|cochons?|porcs?|lapins?|aquariums?|poissons?|betail|veaux|males?|"
    r"especes?|oiseaux|canards?|cailles?|dogs?|puppy|puppies|kennels?|horses?|mares?|cattle|cows?|pigs?|litters?|"
    r"fish|tanks?|breeding|reptiles?|serpents?)\b"
)
_BELONG_WORDS = frozenset(
    "rien pas belong place business cuisine fourneaux kitchen kitchens pondeuses femelles truies genisses "
    "poulinieres breeders broodmares femoid femoids foid foids".split()
)

# ---- Banned from a place, with dirt or disease ---------------------------------------------------------------------
_BANNED = re.compile(
    rf"\b(?:ban|banned|banning|bar|barred|keep|kick|throw) (?:all )?(?:the |those |these )?{_WHO_EN} (?:from|out "
    rf"of)\b|\b{_WHO_EN} (?:should|must|need to|ought to) (?:all )?be (?:banned|barred|kept out|kicked out|thrown "
    rf"out) (?:from|of)\b|"
    rf"\b(?:interdire|interdisez|interdisons|bannir|bannissez|refuser|refusez|fermer|fermez) (?:l.acces |l.entree )?"
    rf"(?:(?:a|au|aux|de|des|du|les|la|le|l.|nos|vos|ces) )?(?:[a-z-]+ ){{0,2}}?(?:aux|a ces|a nos|pour les) "
    rf"{_WHO_FR}\b|\b(?:interdire|bannir|virer|chasser|sortir|interdisez|bannissez|virez|chassez|sortez) (?:les |ces "
    rf"|tous les )?{_WHO_FR} (?:de|des|du|d.)\b|\b{_WHO_FR} (?:devraient|doivent) (?:etre )?(?:interdite?s|bannie?s|"
    rf"refusee?s|chassee?s) (?:de|des|du|d.|a|au|aux|dans)\b"
)
_FILTH = re.compile(
    r"\b(?:microbes?|germes?|germs|maladies?|diseases?|poux|lice|fleas|puces|sales|salete|crasse\w*|dirty|filthy|"
    r"filth|stink\w*|smell\w*|puent|pue|odeurs?|hygiene|contagi\w*|virus|infect\w*|vermine?|parasites?|n.ont rien a "
    r"faire|n.ont pas leur place|don.?t belong|have no place|coutumes|customs|their ways|leur culture)\b"
)
# A group said to bring its germs: "les migrants et leurs maladies", "immigrants bringing their diseases".
_GERMS = re.compile(
    rf"\b(?:les|ces|des|aux|tous ces|toutes ces) (?!noir){_WHO_FR}\b[^.!?\n]{{0,60}}?\b(?:avec|et) (?:tous |toutes )?"
    r"leurs (?:[a-z]+ (?:et|,) leurs )?(?:microbes|maladies|poux|puces|germes|virus|saletes|crasse)\b|"
    rf"\b{GROUPS_EN}\b[^.!?\n]{{0,60}}?\b(?:with|and|bringing|bring|brought|spreading|spread|carrying|carry) "
    r"(?:all |in )?their (?:[a-z]+ and their )?(?:germs|diseases|lice|fleas|filth|viruses)\b"
)
_BANNED_WORDS = frozenset(
    "ban banned banning bar barred keep kick throw interdire interdisez interdisons bannir bannissez refuser refusez "
    "fermer fermez virer chasser sortir virez chassez sortez interdits interdites interdit interdite bannis bannies "
    "refuses refusees chasses chassees".split()
)
_GERM_WORDS = frozenset(
    "microbes maladies poux puces germes virus saletes crasse germs diseases lice fleas filth viruses".split()
)

# ---- Staff shown as a monkey in a zoo --------------------------------------------------------------------------------
_PERSON = (
    rf"(?:{STAFF_EN}|{STAFF_FR}|drivers?|delivery (?:guy|man|driver|boy|lad)s?|postman|postie|facteur|guy|lad|bloke|"
    r"mecs?|types?|gars|nouveau|nouvelle|new (?:guy|lad|girl|hire|starter|recruit))"
)
# The emoji read as the word, not "a monkey" (a sticker, a toy) nor "monkey bars".
_APE = (
    r"(?<!\ba )(?<!\bthe )(?<!\bun )(?<!\bune )(?<!\ble )(?<!\bmy )(?<!\bhis )(?<!\bher )(?<!\bmon )(?<!\bson )"
    r"(?:monkey|gorilla)\b(?! (?:bars|wrench|business|around|suit|nut|island|puzzle|bread|stickers?))"
)
_ZOO = re.compile(
    rf"\b{_PERSON}\b[^.!?\n]{{0,40}}?(?:\b{_APE}\s*🍌|🍌\s*{_APE})|\b{_PERSON}\b[^.!?\n]{{0,40}}?\b{_APE}[^.!?\n]"
    r"{0,60}?\b(?:zoo|jungle|cage|bananas?|bananes?|singes?|apes?)\b|"
    rf"\b{_PERSON}\b[^.!?\n]{{0,40}}?\b(?:(?:escaped|fresh|straight|just out|released) (?:out of |from )(?:the|a) zoo|"
    r"(?:echappee?s?|evadee?s?|tout droit sortie?s?|sortie?s? tout droit|sortie?s? direct) (?:du|d.un) zoo|"
    r"(?:recrute|embauche|trouve|pris)e?s? (?:au|dans un) zoo|hired (?:from|at) (?:the|a) zoo)\b"
)
_TOYS = re.compile(
    r"\b(?:peluches?|plush\w*|toys?|jouets?|doudous?|figurines?|costumes?|deguis\w*|stuffed|marionnettes?|puppets?|"
    r"soft toys?|teddy|sock monkey|t-shirt|tee|print|motif|pattern|stickers?|autocollants?)\b"
)
_ZOO_WORDS = frozenset(("monkey", "gorilla", "zoo"))

# ---- A scare-quoted coded group with a wink or an expulsion hashtag ------------------------------------------------
# People by a coded name, in scare quotes: "the same 'youths'", « les jeunes », 'new Britons'; not a quoted range
# name ("the 'Urban' backpack").
_SCARE = re.compile(
    r"(?<![\w'’])['‘\"“«]\s*(?:the |les |des |nos |our )?(?:(?:urban|inner[- ]city|local|young|troubled|"
    r"disadvantaged|certain|diverse|vibrant|new) )?(?:youths?(?! (?:range|collection|line|model|edition|series))|"
    r"yoofs|youngsters|young (?:men|lads)|jeunes|"
    r"migrants|refugees|refugies|asylum seekers|demandeurs d.asile|gens du voyage|travell?ers|mineurs isoles|mna|"
    r"locals|new (?:europeans|britons|brits)|nouveaux (?:francais|europeens)|(?:cultural )?enrichers|enrichisseurs|"
    r"chances? pour la france|(?:issue?s? )?de la diversite|diversity hires?|lads|gentlemen|messieurs|individus|"
    r"people|folks|communit(?:y|ies)|quartiers?(?: sensibles| populaires)?)(?: (?:des|de) (?:quartiers?|banlieues?|"
    r"cites?|la cite))?\s*['’\"”»](?! (?:range|collection|line|model|edition|series|gamme|modele|pousses?)\b)"
)
_STRONG_WINK = (
    r"can.?t say (?:it|that|who|what|which|more|where)|(?:not|never) allowed to say|(?:i.ll|i.d|i will|i would|gonna|"
    r"going to) (?:get|be) (?:banned|censored|deleted|cancelled)|get me banned|suivez mon regard|vous voyez de qui je "
    r"parle|tu vois de qui je parle|je vous laisse deviner|on (?:ne )?peut (?:plus rien|pas le|rien) dire|on (?:n.a|a) "
    r"(?:pas|plus) le droit de (?:le )?dire|je vais (?:me faire|etre) (?:bannie?|censuree?|ban)|pas besoin de faire "
    r"un dessin|no need to spell it out|wink wink|you didn.?t hear it from me"
)
_WINK = re.compile(
    rf"\b(?:{_STRONG_WINK}|(?:you|we all|we) know (?:the ones|who i mean|which ones|the type|the sort)"
    r"(?=\s*(?:$|[.!?,;…]|[^\w\s]))|if you know,? you know|iykyk|the usual suspects|les suspects habituels|"
    r"on sait tous (?:qui|lesquels|de qui on parle)|toujours les memes|always the same ones|(?:we all|we|you all|you|"
    r"everyone|everybody) knows? (?:exactly )?who (?:they are|they.re|it is|it.s|it always is)|"
    r"(?:on sait|vous savez|tout le monde sait) (?:tous |bien |tres bien )?qui (?:c.est|ils sont|sont)|"
    r"comme par hasard|funny how|what a surprise|surprise,? surprise|quelle surprise|"
    r"no surprises? there|shocker|guess who)\b"
)
# "88" or "1488" signed off after the text, a sentence of its own (the neo-Nazi numbers): a wink too.
_SIGN_OFF = re.compile(r"(?:[.!?…]\s*|\s)(?:14)?88\s*[.!]*\s*$")
_STRONG = re.compile(rf"\b(?:{_STRONG_WINK})\b")
_HASHTAG = re.compile(
    r"#(?:send(?:them|em)(?:all)?(?:back|home|out)|deport(?:them|em)?(?:all)?|remigration|stoptheboats|stopinvasion|"
    r"stopimmigration|renvoyez?les\w*|expulsez?les\w*|dehorsles\w*|rentrezchezvous|retouraubled|"
    r"(?:la)?franceauxfrancais|onestchieznous|onestchez(?:nous|soi)|englandfortheenglish|britainforthebritish)\b"
)

# ---- Staff whose origin is hinted at, or to be replaced by "real" natives ------------------------------------------
_STAFF_ALL = rf"(?:{STAFF_EN}|{STAFF_FR}|workers?|people|guys|lads|gens|jeunes|personnel|equipe|employes|team)"
_ORIGIN = re.compile(
    rf"\b{_STAFF_ALL}\b[^.!?\n]{{0,60}}?\b(?:(?:on sait (?:tous |bien |tous tres bien )?|vous savez (?:tous )?|tout "
    r"le monde sait |on voit (?:bien )?|devinez |je vous laisse deviner |inutile de (?:vous )?dire |on devine )d.ou "
    r"(?:ils|elles) (?:viennent|sortent|venaient)|(?:we (?:all )?know|everyone knows|you can guess|guess|you know|no "
    r"prizes for guessing|i.ll let you guess) where (?:they|these people|those people)(?:.re| are| come| came)? "
    r"(?:(?:really|originally|actually) )?(?:from|come from|came from))\b"
)
_ORIGIN_HINTED = re.compile(r"\s*(?:$|\.\.+|…|[😉😏🙄👀🤔🤷🙃]|,? (?:hein|quoi|lol|mdr|if you know what i mean))")
_REAL_NATIVES = re.compile(
    r"\b(?:remettez|remettre|mettez|mettre|embauchez|embaucher|recrutez|recruter|engagez|engager|prenez|redonnez|"
    r"donnez(?:-nous)?|rendez(?:-nous)?|il faut|faut|faudrait|on veut|je veux|on voudrait|je voudrais|bring back|hire|"
    r"employ|put|give us|we want|get)\b[^.!?\n]{0,20}?\b(?:(?:des |de |du |nos |les )?(?:vrais|vrai|veritables|bons|"
    r"authentiques) (?:francais|gaulois)(?: de souche)?|(?:des |de |nos )?francais de souche|(?:some )?(?:real|proper|"
    r"actual|native|true) (?:british|english|french|american|white) (?:people|staff|workers|folk|lads|employees|"
    r"cashiers)|(?:some )?(?:real|proper) (?:brits|englishmen|frenchmen))\b(?! (?:products?|produits?|food|cheese))"
    r"[^.!?\n]{0,40}?\b(?:caisses?|comptoirs?|rayons?|accueil|magasins?|boutiques?|guichets?|derriere|tills?|counters?|"
    r"checkouts?|desks?|shops?|stores?|reception|behind|au travail|at work)\b"
)
_QUOTES = frozenset("'‘\"“«")
_ORIGIN_WORDS = frozenset(("ou", "where"))
_NATIVE_WORDS = frozenset(("vrais", "vrai", "veritables", "bons", "authentiques", "souche", "real", "proper", "actual"))


def excluded_group(text: str) -> list[re.Match[str]]:
    """The shapes of this module in the ``words`` view ``text``, but in a text that condemns the prejudice."""
    words = words_of(text)
    found: list[re.Match[str]] = []
    if _UNFIT_WORDS & words:
        found += _UNFIT.finditer(text)
        # Not hired, and "they" unfit for the work: each needs the other or a reason of nature.
        hired = list(_NOT_HIRED.finditer(text))
        they = [m for m in _UNFIT_THEY.finditer(text) if _GROUP_NAMED.search(text, 0, m.start())]
        if hired and they or _NATURE.search(text):
            found += hired + they
    if _BELONG_WORDS & words and _WOMEN_WORDS.search(text):
        found += _NOT_BELONG.finditer(text)
        if not _ANIMALS.search(text):
            found += _BREEDERS.finditer(text)
    if _BANNED_WORDS & words and _FILTH.search(text):
        found += _BANNED.finditer(text)
    if _GERM_WORDS & words:
        found += _GERMS.finditer(text)
    if _ZOO_WORDS & words and not _TOYS.search(text):
        found += _ZOO.finditer(text)
    hashtag = _HASHTAG.search(text) if "#" in text else None
    scare = _SCARE.search(text) if _QUOTES & set(text) else None
    sign = _SIGN_OFF.search(text) if "88" in text else None
    if scare or hashtag or sign:
        wink = _WINK.search(text)
        if scare and (wink or hashtag or sign) or wink and sign:
            found += [m for m in (scare, wink, hashtag, sign) if m]
        elif hashtag and (strong := _STRONG.search(text)):
            found += [hashtag, strong]
    if _ORIGIN_WORDS & words:
        natives = _NATIVE_WORDS & words and _REAL_NATIVES.search(text)
        found += [m for m in _ORIGIN.finditer(text) if natives or _ORIGIN_HINTED.match(text, m.end())]
    if _NATIVE_WORDS & words:
        found += _REAL_NATIVES.finditer(text)
    found += sent_to_the_kitchen(text, words) + animal_by_origin(text, words)
    if found and _CONDEMNS.search(text):
        return []
    return found
