"""Hate against a group, in French and English, read by its shape (held as ``abusive`` by ``threats``).

A group word alone, or with any other predicate, is not hate ("les voleurs sont tous des lâches", a book review about
Hitler): a call to kill or expel the group, "dirty"/"sale" before it, the whole group called criminals, vermin or too
stupid, denied a right or a place, the Jewish-conspiracy line, Nazi slogans and codes, people called animals by where
they come from, women as a group called one insult or sent back to the kitchen, and the far right's codes and
words (1488, "14 words", "chances pour la France", the "grand remplacement").

Matching is on the ``words`` view: accents and case folded, leetspeak and spaced letters undone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from moderation.content.phases.hate_blame import blamed_group
from moderation.content.phases.hate_exclusion import excluded_group
from moderation.content.phases.hate_groups import GROUPS_EN, GROUPS_FR
from moderation.content.phases.hate_slurs import slurs
from moderation.content.phases.hate_whistles import warm as warm_whistles
from moderation.content.phases.hate_whistles import whistles
from moderation.content.phases.literals import Alternation
from moderation.content.phases.places import places as _places
from moderation.content.phases.shapes import NARRATIVE, STAFF_EN, STAFF_FR
from moderation.content.phases.shapes import Q as _Q

_GROUPS_EN = GROUPS_EN
_GROUPS_FR = GROUPS_FR


# People called animals by where they come from: "made by monkeys in China", "ces singes d'Africains". An animal with a
# place is a zoo or a travel story ("stolen by monkeys in Bali", "une bande de singes en Inde"): it needs the people
# who made or sold the thing ("made by", "fabriqué par"), or a slur's company ("dirty", "sale").
_ANIMALS_EN = r"(?:monkeys|apes|rats|cockroaches|roaches|vermin|savages|subhumans|baboons|gorillas|orangutans)"
_ANIMALS_FR = (
    r"(?:singes|macaques|rats|cafards|cancrelats|vermines?|sauvages|sous-hommes|babouins|gorilles|porcs|chiens)"
)
_MADE_BY_EN = (
    r"(?:(?:made|built|sewn|stitched|assembled|sold|run|designed|manufactured|produced|staffed|packed|shipped|coded|"
    r"answered|written|translated) by)"
)
_MADE_BY_FR = (
    r"(?:(?:fabrique|fait|cousu|vendu|produit|assemble|concu|tenu|gere|emballe|expedie|ecrit|traduit)e?s? par)"
)
_SLUR_CUE_EN = r"(?:dirty|filthy|fucking|stupid|lazy|damn|bloody)"


def _people_as_animals(places: str) -> list[str]:
    return [
        rf"\b(?:{_MADE_BY_EN}|{_SLUR_CUE_EN}) (?:a )?(?:bunch of |pack of )?(?:[a-z]+ )?(?:{_ANIMALS_EN} (?:in|from) "
        rf"(?:the )?{places}|{_GROUPS_EN} {_ANIMALS_EN})\b",
        rf"\b{_ANIMALS_FR} (?:de |d{_Q}\s*){_GROUPS_FR}\b",
        rf"\b(?:{_MADE_BY_FR} (?:des |ces |les )?(?:[a-z]+ )?|sales? ){_ANIMALS_FR} (?:en|au|aux|du|de|d{_Q}|des)\s*"
        rf"(?:la |l{_Q})?{places}\b",
        # Sent back to a place and called an animal: "go back to Africa, monkey", "retourne en Afrique, sale singe".
        rf"\b(?:go|get) back to (?:the )?{places}\b[^.!?]{{0,30}}\b(?:{_ANIMALS_EN}|monkey|ape|gorilla|baboon)\b",
        rf"\b(?:retourne|rentre|retournez|rentrez) (?:en|au|aux|dans ton|a) (?:la |l{_Q})?{places}\b[^.!?]{{0,30}}\b"
        rf"(?:{_ANIMALS_FR}|singe|macaque|gorille|babouin)\b",
    ]


# "Women can't drive" is the trope; "women can't drive this cargo bike", "shouldn't drive in these heels" the product.
_NOT_DRIVING_IT = r"(?! (?:in|with|wearing|this|that|the|a|an|it|these|those|without)\b)"

# Where a group is said to be: "in this store", "working here", "at the till" ("the blacks in this store steal").
_WHERE_EN = (
    r"(?: (?:in|at|from|of) (?:this|that|the|your|my|our) (?:store|shop|branch|place|warehouse|team|staff|company|"
    r"hotel|restaurant|till|checkout|counter|neighbou?rhood|town|area|city)| (?:working|who work|that work|employed) "
    r"(?:here|there|in (?:this|that|the) (?:store|shop|branch|place|warehouse|hotel|restaurant))| here| there)?"
)

_HATE = [
    rf"\b(?:dirty|filthy|stinking|stinky) {_GROUPS_EN}\b",
    rf"\b(?:(?:all|the|those|these|every) )?(?:fucking |damn |bloody )?{_GROUPS_EN} (?:should|must|need to|deserve to|"
    r"ought to|have to) (?:all )?(?:die|be (?:killed|shot|gassed|hanged|hung|burned|burnt|exterminated|"
    r"wiped out|deported|sent back|banned|kicked out|thrown out|locked up|expelled|sterili[sz]ed|castrated|put in "
    r"camps|institutionali[sz]ed|rounded up|put down|cured))\b",
    rf"\b(?:kill|gas|shoot|hang|exterminate|deport) (?:all )?(?:the |those |these )?{_GROUPS_EN}\b",
    rf"\bdeath to (?:all )?(?:the )?{_GROUPS_EN}\b",
    rf"\b(?:sales?|maudite?s?) (?!noir){_GROUPS_FR}\b",  # "traces sales noires" is dirt; "sale noir" stays in the list
    rf"\b(?:il faut|faut|faudrait|il faudrait|on devrait|on doit) (?:tous )?(?:les )?(?:tuer|gazer|exterminer|bruler|"
    rf"buter|pendre|virer|renvoyer|expulser|degager) (?:tous )?(?:les |ces |ses )?{_GROUPS_FR}\b",
    rf"\bmort aux {_GROUPS_FR}\b",
    # Whole groups called criminals or vermin, and the classic conspiracy and Nazi slogans.
    # Where they are said to be too: "the muslims working here are all terrorists", as "les noirs du magasin".
    rf"(?:\b(?:all|the|those|these) |(?:^|[.!?,;:]\s*)){_GROUPS_EN}{_WHERE_EN} are (?:all )?(?:(?:just|nothing but) )?"
    r"(?:terrorists|thieves|criminals|animals|rapists|vermin|parasites|scum|dogs|pigs|rats|savages|subhuman|"
    r"mentally ill|sick in the head|freaks|"
    r"perverts|groomers|degenerates)\b",
    rf"\b(?:les|tous les|ces) {_GROUPS_FR}\b(?: [^.!?]{{0,40}}?)? (?:sont|c{_Q}\s*est) (?:tous |toutes )?(?:que )?"
    r"(?:des )?(?:voleu(?:rs|ses)|terroristes|criminel(?:le)?s|animaux|violeurs|parasites|chiens|porcs|rats|vermine|"
    r"racailles?|sauvages|sous-hommes|malades mentaux|malades|detraques|pervers|pedophiles|anormaux|degeneres|tares|"
    r"delinquants|voyous|cassos)\b",
    # The group, then "they're …": "these trannies, they're mentally ill and dangerous".
    rf"\b{_GROUPS_EN}\b,?[^.!?]{{0,20}}?\b(?:they|they.re|theyre|they are|who are)(?: all)? (?:just )?(?:mentally ill|"
    r"sick in the head|perverts|groomers|degenerates|freaks|predators|animals|vermin|parasites|criminals|subhuman)\b",
    # The conspiracy line, whatever they are said to control: "the jews run this company", "les juifs contrôlent
    # cette marque".
    r"\b(?:the |those |these )?jews (?:control|run|own|rule|are behind|controlling|running|owning|behind)\b|"
    r"\b(?:les|ces) juifs (?:controlent|dirigent|"
    r"possedent|tiennent|sont derriere)\b",
    # Whole groups called too stupid, or said to steal and rape: "blacks are too dumb to…", "the gypsies steal
    # everything", "les arabes qui bossent chez vous volent les colis". Not "steal the show", "volent la vedette".
    rf"\b(?:all |the )?(?:{_GROUPS_EN}|women) (?:are|r) (?:all )?(?:too |so |just |naturally |genetically )?(?:stupid|"
    r"dumb|retarded|subhuman)\b",
    rf"\b(?:les|toutes les|tous les|ces) (?:femmes|{_GROUPS_FR}) (?:sont|c{_Q}\s*est) (?:toutes |tous )?(?:trop |"
    r"vraiment |que |si )?(?:des )?(?:connes|cons|debiles|stupides|idiotes|idiots|attardee?s)\b",
    rf"\b(?:all|the|those|these) {_GROUPS_EN}\b(?: who [^.!?]{{0,50}}?|{_WHERE_EN})? "
    r"(?:steal|stole|rape|raped|rob|robbed|loot|looted)\b(?! the show)",
    rf"\b(?:les|ces|tous les) {_GROUPS_FR}\b(?: qui [^.!?]{{0,50}}?)? "
    r"(?:(?:ont )?(?:vole|viole|pille|braque|agresse)|volent|violent|pillent|braquent|agressent)"
    r"\b(?! la vedette)",
    r"\b(?:heil hitler|sieg heil|hitler (?:was right|avait raison)|14 ?/ ?88|white power|rahowa)\b",
    # The neo-Nazi numbers (the ADL's hate-symbol list): "14 words" with 88 beside it, and 1488 as a sentence of its
    # own or beside white pride ("Proud white man. 1488"), not a number after a word or in brackets: "Avis 1488",
    # "(#1488)", "commande 1488", "1488 €".
    r"\b14 ?words\b[^.!?\n]{0,20}\b88\b|\b88\b(?! ?(?:keys?|touches|euros?|€|pages?)\b)[^.!?\n]{0,20}\b14 ?words\b|"
    r"\b14 ?(?:/|-) ?88\b|"
    r"(?:(?:^|[.!?,;:]\s*)|\b(?:white|proud|pride|aryan|heil|wpww|nationalist|brothers?)\b[^.!?\n]{0,30}?\b)1488\b"
    r"(?! ?(?:[€$£]|(?:eur|euros?|dollars?|usd|gbp|cm|mm|km|m|g|kg|ml|w|mah|pages?)\b))(?![.,]\d)",
    # The French far right's words for immigrants and the people they serve beside: "que des chances pour la
    # France", "encore une chance pour la France" (not a factory that is one), the "grand remplacement", remigration.
    r"\b(?:que|des|ces|nos|vos|les|encore une|encore un|une belle|un bel) chances? pour la france\b|\bgrand "
    r"remplacement\b|\bremigration\b",
    # The far right's slogans: "on (n')est plus chez nous" (said of a sports hijab, a halal aisle), "la France aux
    # Français"; and the coded words, scare-quoted "diverse" or "urban" staff, a "diversity hire", a "groomer agenda"
    # pushed on "our kids" (said of a trans model), a trans woman called a man.
    rf"\bon (?:n{_Q}\s*)?est plus chez nous\b|\bla france aux francais\b|['‘\"“](?:diverse|vibrant|urban|"
    r"multicultural|enriched|cultural enrichers?|diversity)['’\"”] (?:[a-z]+ )?(?:staff|employees|hires?|workers|"
    r"people|crowd|neighbou?rhoods?|areas?|teams?|folks?|youths?|communit(?:y|ies))\b|\b(?:dei|diversity) hires?\b|"
    r"\b(?:groomer|trans|tranny|lgbtq?|gay|woke|rainbow) (?:agenda|propaganda|ideology)\b[^.!?]{0,30}\b(?:on|to|at) "
    r"(?:our|my|the) (?:kids|children)\b|\bgroomers? agenda\b|\b(?:that|this|it|he|she)(?:.s| is) (?:just |still |"
    r"clearly |obviously |really )?a (?:man|bloke|dude|guy) in a (?:dress|wig|skirt)\b(?=[^.!?]{0,10}(?:[.!?]\s*)?"
    r"[^.!?]{0,60}\b(?:agenda|groom|kids|children|trans|woke|pushing)\b)",
    # The antisemitic "echo", triple brackets around a name or "them" (not a hug: "((( hugs )))").
    r"\({3}\s*(?!(?:hugs?|love|wow|bisous|calins?|xo+)\s*\))[a-z][a-z '-]{0,30}\s*\){3}",
    # A group called vermin "the lot of them", or to be cleared out like rats: "Gypsies camped in the car park again.
    # Vermin, the lot of them".
    rf"\b{_GROUPS_EN}\b[^\n]{{0,60}}\b(?:vermin|rats|parasites|animals|savages|scum|cockroaches|subhumans?),? (?:the "
    r"(?:whole )?lot of them|all of them|every (?:last )?one of them|each and every one)\b|\bclear (?:them|those|"
    r"these) out like (?:you.d clear )?(?:rats|vermin|cockroaches|pests)\b",
    rf"\b{_GROUPS_FR}\b[^\n]{{0,60}}\b(?:vermines?|rats|parasites|animaux|sauvages|racaille|cafards),? (?:tous autant "
    r"qu.ils sont|toutes autant qu.elles sont|jusqu.au dernier)\b",
    # Women kept out of a trade as a group: "females can't handle engineering", "women shouldn't be designing climbing
    # gear", "les nanas comprennent rien à la mécanique". Not the pink tax ("women shouldn't be paying more").
    r"\b(?:women|females|girls) (?:can.?t|cannot|are unable to|aren.?t able to) (?:handle|do|understand|grasp) "
    r"(?:engineering|maths?|science|technology|tech|logic|mechanics)\b|\b(?:women|females) (?:shouldn.?t|should not|"
    r"should never) be (?:designing|engineering|building|making)\b|\b(?:les )?(?:femmes|nanas|meufs|gonzesses) (?:ne )?"
    r"(?:savent|comprennent|connaissent) (?:rien|pas) (?:a |en )?(?:la |l.)?(?:mecanique|technique|maths?|"
    r"ingenierie|informatique|conduite|conduire)\b",
    # Women as a group, in the same shapes: all of them called the same insult, or sent back to the kitchen.
    r"\b(?:all |the )?women (?:are|r) (?:all )?(?:(?:just|nothing but) )?(?:whores|sluts|bitches|hoes|objects|"
    r"property|inferior|stupid)\b|\bwomen belong in the kitchen\b|(?:^|[.!?,;:]\s*)(?:now )?(?:go|get) back "
    r"(?:in|to|into) (?:the|your|ur) kitchen\b|(?:^|[.!?,;:]\s*)(?:retourne|retournez|va|allez|file) (?:dans|a) "
    r"(?:ta|votre) cuisine\b|\b(?:les|toutes les) femmes (?:sont|c.est) "
    r"(?:toutes )?(?:que )?(?:des )?(?:putes|salopes|chiennes|objets|inferieures|connes)\b|\bla place d.une femme est "
    r"(?:a|dans) la cuisine\b|\bles femmes,? (?:c.est (?:fait |faites )?(?:pour )?|sont faites pour |doivent "
    r"rester )(?:a |dans )?la cuisine\b",
    rf"\b(?:les |ces |tous les )?{_GROUPS_FR} (?:doivent|devraient|meritent de) (?:tous )?(?:mourir|crever|"
    r"disparaitre|etre (?:tues|gazes|extermines|expulses|pendus|interdits|bannis|enfermes|chasses|sterilises|castres|"
    r"internes|soignes))\b",
    # Sent back, burned, or called a plague: "all gays should burn in hell", "les noirs devraient retourner en
    # Afrique", "immigrants are ruining this country, send them all back", "les musulmans sont une plaie". A place
    # is named: "les noires devraient revenir en stock" is a colour.
    rf"\b(?:all|the|those|these|every) {_GROUPS_EN} (?:should|must|need to|ought to|can) (?:all )?(?:burn|rot|"
    r"go back (?:to|where|home)|get out of (?:this|our|my) country|leave (?:this|our|my) country)\b",
    rf"\b{_GROUPS_EN} (?:are|r) (?:a |an )?(?:plague|cancer|disease|virus|infestation|invasion|ruining (?:this|our|"
    r"the) country|destroying (?:this|our|the) country|invading (?:this|our|the) country)\b",
    rf"\b{_GROUPS_EN}\b[^.!?\n]{{0,80}}\b(?:send them (?:all )?back|deport them(?: all)?|kick them (?:all )?out)\b",
    rf"\b(?:les |ces |tous les )?{_GROUPS_FR} (?:doivent|devraient|n{_Q}\s*ont qu{_Q}\s*a|peuvent) (?:tous )?"
    r"(?:retourner|rentrer|repartir) (?:chez eux|dans leur pays|d.ou ils viennent|en afrique|au bled|au maghreb|"
    r"en asie|en chine|en arabie)\b",
    rf"\b(?:les |ces )?{_GROUPS_FR} (?:sont|c{_Q}\s*est) (?:une |un |la |le )?(?:plaie|cancer|maladie|fleau|vermine|"
    r"virus|invasion|gangrene)\b",
    # Told they do not belong: "les handicapés n'ont rien à faire dans votre magasin", "immigrants don't belong here".
    rf"\b(?:les |ces )?{_GROUPS_FR} (?:n{_Q}\s*ont rien a faire|n{_Q}\s*ont pas leur place) (?:ici|dans|chez|en|a)\b",
    rf"\b{_GROUPS_EN} (?:don{_Q}?t|do not|shouldn{_Q}?t|should not) belong (?:here|in)\b|\b{_GROUPS_EN} have no "
    r"(?:place|business) (?:here|in)\b",
    # Denied a right as a group: "women shouldn't be allowed to review tools", "les étrangers ne devraient pas avoir le
    # droit de voter". Only the group as the subject: "kids shouldn't be allowed near it" names no group.
    rf"\b(?:{_GROUPS_EN}|women|females) (?:shouldn{_Q}?t|should not|should never|must not|mustn{_Q}?t) be "
    r"(?:allowed|let|permitted) (?:anywhere )?(?:to|in|on|near|here|around|inside)\b|(?<!pregnant )\b(?:women|females) "
    r"(?:shouldn.?t|should not|should never) (?:be hired|be employed|work (?:in|at|on)|be (?:a |an )?(?:[a-z]+ )?"
    r"(?:drivers?|mechanics?|managers?|engineers?|technicians?|in charge)|(?:be allowed to )?drive"
    rf"{_NOT_DRIVING_IT})\b|\b(?:women|females) (?:can.?t|cannot) drive{_NOT_DRIVING_IT}\b",
    rf"\b(?:les |ces )?(?:femmes|{_GROUPS_FR}) (?:ne )?(?:devraient|doivent) (?:meme )?(?:pas|plus|jamais) (?:avoir "
    r"le droit|etre autorise(?:e|s|es)?|pouvoir)\b",
    # Women kept from a trade or the wheel: "les femmes ne devraient pas conduire de camion", "les femmes ne savent pas
    # conduire". Not "les femmes ne peuvent pas conduire ce vélo cargo sans assistance", nor "conduire avec ces talons".
    r"\b(?:les )?(?:femmes|nanas|meufs) (?:ne )?(?:devraient|doivent|savent) (?:meme )?(?:pas|jamais) "
    r"(?:conduire(?! (?:avec|en|dans|ce|cet|cette|ces|le|la|les|un|une|sans)\b)|travailler (?:dans|chez|comme|en)|"
    r"etre (?:livreuses|chauffeurs|mecaniciennes|"
    r"techniciennes|embauchees|recrutees|managers|cheffes))\b",
    # Sent home in the same sentence: "les maudits immigrés du magasin comprennent rien, qu'ils retournent chez eux".
    rf"\b{_GROUPS_FR}\b[^.!?\n]{{0,80}}\bqu{_Q}\s*(?:ils|elles) (?:retournent|rentrent|repartent|degagent|restent) "
    r"(?:chez eux|"
    r"dans leur pays|d.ou ils viennent|au bled)\b",
    # The street slogan, a sentence of a group and "out": "Juifs dehors.", "Immigrants out!". Not "Asians out there"
    # or a colour in a longer sentence ("on laisse les draps noirs dehors").
    rf"(?:^|[.!?;:,]\s*)(?:les |tous les )?{_GROUPS_FR} (?:dehors|out)(?=\s*(?:$|[.!?;:,]))|(?:^|[.!?;:,]\s*)"
    rf"(?:all )?{_GROUPS_EN} out(?=\s*(?:$|[.!?;:,]))",
]


# "Those people", "ces gens-là" after a group is named: "the whole staff is black, those people are lazy by nature",
# "rempli de barbus et de voilées, ces gens-là devraient retourner chez eux". Said of anyone else ("those people at
# the till are lazy") it is a complaint, so the shape needs a group named earlier in the text (``anaphoric_hate``);
# a colour is a group only as what people are ("the staff is black", "les noirs").
_THOSE_PEOPLE = (
    r"(?:(?:those|these) people|people like (?:that|them)|ces gens(?:[- ]?la)?|ce genre de (?:gens|personnes))"
)
_ANAPHORIC = re.compile(
    rf"\b{_THOSE_PEOPLE}\b[^.!?\n]{{0,25}}?\b(?:are (?:all )?(?:just )?(?:lazy|thieves|animals|savages|parasites|"
    r"criminals|vermin|subhuman|inferior)\b|should (?:all )?(?:go back|be deported|be sent back|not be (?:allowed|put|"
    r"hired))\b|(?:shouldn.?t|should not) be (?:allowed|put|hired)\b|(?:don.?t|do not) belong\b|(?:n.)?ont rien a "
    r"faire (?:ici|en france|chez nous|dans)\b|(?:ne )?(?:doivent|devraient|n.ont qu.a) (?:tous )?(?:retourner|rentrer|"
    r"repartir)(?: [a-z]+)? chez eux\b|qu.ils (?:retournent|rentrent|repartent) chez eux\b|sont (?:tous )?(?:que )?"
    r"(?:des )?(?:voleurs|parasites|animaux|sauvages|feignants|faineants|sous-hommes)\b)"
)
_ANTECEDENT = re.compile(
    rf"\b(?!(?:blacks?|noir(?:e|s|es)?)\b)(?:{_GROUPS_EN}|{_GROUPS_FR}|barbus|voilees|muzz|muzzies)\b|\b(?:staff|people|"
    r"employees|workers|team|everyone|they|personnel|vendeurs|employes|equipe|ils|tous) (?:is|are|was|were|sont|est|"
    r"etait|etaient) (?:all |"
    r"tous )?(?:black|noirs?)\b|\b(?:the )?blacks\b|\bles noir(?:e)?s\b"
    # People said to be foreign: "the whole cabin crew was foreign", "ils sont tous étrangers".
    r"|\b(?:is|are|was|were|sont|est|etait|etaient) (?:all |tous |toutes )?(?:foreign|etrangers?|etrangeres?)\b"
)


# The group as a pronoun, to be locked up or treated by force: "Les gays, faudrait les soigner de force", "trans
# people… they should all be sterilised", "ces gens-là sont des malades". Said of anyone else ("the staff who did this
# should be locked up") it names no group, so a group is named before it too.
_PRONOUN = re.compile(
    r"\b(?:faudrait|faut|il faut|il faudrait|on devrait|on doit|faudra) (?:tous )?les (?:soigner|enfermer|interner|"
    r"steriliser|castrer|parquer|reeduquer|gazer|exterminer|deporter|guerir)\b|\b(?:they|those people|these people) "
    r"(?:should|need to|must|ought to) (?:all )?be (?:locked up|sterili[sz]ed|castrated|put in camps|"
    r"institutionali[sz]ed|cured|put down|gassed|rounded up)\b|\b(?:lock|round) them (?:all )?up\b|"
    r"\bsterili[sz]e (?:them|the lot)\b|\b(?:ces gens(?:[- ]?la)?|ce genre de (?:gens|personnes)) (?:sont|c.est) "
    r"(?:tous |vraiment )?(?:que )?(?:des )?(?:malades|detraques|pervers|tares|degeneres)\b|\b(?:those|these) people "
    r"are (?:all )?(?:sick|mentally ill|perverts|degenerates|groomers)\b"
)
# The group sent away as a pronoun or a slogan, the group named before or after it: "faut les renvoyer au bled ces
# arabes", "qu'ils rentrent chez eux les migrants", "les immigrés, retour au pays", "send them all back, the migrants".
# Without a group it is a parcel or a trip ("faut les renvoyer au vendeur", "retour au pays après dix ans").
_EXPULSION = re.compile(
    r"\b(?:faut|faudrait|il faut|il faudrait|on devrait|on doit|y a qu.a|suffit de) (?:tous )?les (?:renvoyer|"
    r"expulser|virer|degager|rapatrier|reexpedier|(?:re)?mettre dans (?:un|le|des) (?:avion|bateau|charter)s?|foutre "
    r"dehors|jeter dehors)(?: tous)? (?:au bled|chez eux|dans leur pays|d.ou ils viennent|de (?:france|chez nous))\b|"
    r"\b(?:renvoyez|expulsez|virez|degagez)[- ]les (?:tous )?(?:au bled|chez eux|dans leur pays)\b|"
    r"\bqu.(?:ils|elles) (?:retournent|rentrent|repartent|degagent) (?:tous |toutes )?(?:chez eux|dans leur pays|d.ou "
    r"(?:ils|elles) viennent|au bled)\b|(?:^|[.!?,;:]\s*)(?:et )?(?:hop,? )?retour au (?:bled|pays)(?=\s*(?:$|[.!?,;:]|"
    r"pour (?:les|ces|tous)))|\b(?:send|ship|deport|kick|throw|put) (?:them|em|the lot of them)(?: all)? (?:back|out|"
    r"home|on a (?:boat|plane))(?: to (?:where they came from|their (?:own )?countr(?:y|ies)))?\b|\bdeport (?:them|em|"
    r"the lot)(?: of them)?(?: all)?(?=\s*(?:$|[.!?,;:]))"
    # Told politely, in the passive: "the whole cabin crew was foreign and they should all be sent back where they came
    # from" (parcels "sent back where they came from" name no group before them).
    r"|\b(?:they|these people|those people|ils|ces gens(?:-la)?)\b[^.!?\n]{0,30}\b(?:should|must|need to|ought to|"
    r"devraient|doivent) (?:all |tous )?(?:be sent|get sent|go|etre renvoyes|rentrer|retourner|repartir) (?:back )?"
    r"(?:to )?(?:where they came from|d.ou ils viennent|chez eux|dans leur pays)\b|\b(?:they|these people|those "
    r"people)\b[^.!?\n]{0,30}\b(?:should|must|need to|ought to) (?:all )?go (?:back )?home\b"
)
# The words the shapes above start from (``threats`` searches them only where one is).
ANAPHORIC_GATE = re.compile(
    r"people|gens|faudrait|faut|devrait|doit|should|need to|must|ought|lock|round|steril|renvoy|expuls|vire|degag|"
    r"rapatri|bled|chez eux|pays|send|ship|deport|kick|throw|put"
)


def anaphoric_hate(text: str) -> list[re.Match[str]]:
    """ "Those people" + a hate predicate, or the group as a pronoun to be locked up or treated, where a group is named
    before it (see ``_THOSE_PEOPLE``, ``_PRONOUN``); the group sent away where it is named anywhere (``_EXPULSION``)."""
    found = [*_ANAPHORIC.finditer(text), *_PRONOUN.finditer(text)]
    kept = [m for m in found if _ANTECEDENT.search(text, 0, m.start())]
    return kept + [m for m in _EXPULSION.finditer(text) if _ANTECEDENT.search(text)]


@lru_cache(maxsize=1)
def hate_pattern() -> Alternation:
    """Hate against a group, people called animals by place included; built on first use (CLDR's place names, about
    70 ms), which ``engine.warm`` does at a process's start."""
    warm_whistles()
    return Alternation(_HATE + _people_as_animals(_places()))


# The conspiracy line named to debunk it: "this documentary debunks the myth that Jews control the banks".
_DEBUNKED = re.compile(
    r"\b(?:debunk\w*|myths?|mythes?|conspiracy theor\w*|theories? du complot|complotis\w*|antisemit\w*)"
)
_CONSPIRACY = re.compile(
    r"(?:the |those |these |les |ces )?(?:jews|juifs) (?:control|run|own|rule|are behind|controlling|running|owning|"
    r"behind|controlent|dirigent|possedent|tiennent|sont derriere)\b"
)


def hate_matches(text: str) -> Iterator[re.Match[str]]:
    """``hate_pattern``'s matches in ``text``, less the conspiracy line where the text names it to debunk it."""
    found = hate_pattern().finditer(text)
    if _DEBUNKED.search(text) is None:
        return found
    return (m for m in found if not _CONSPIRACY.fullmatch(m.group(0)))


# The words every hate shape names (a group, women or their kitchen, an animal, a Nazi slogan or code): ``threats``
# searches the shapes only where one of them is.
HATE_GATE = re.compile(
    rf"\b(?:{_GROUPS_EN}|{_GROUPS_FR}|{_ANIMALS_EN}|{_ANIMALS_FR}|women|femmes?|females|girls|nanas|meufs|gonzesses|"
    r"kitchen|cuisine|heil|hitler|"
    r"14 ?/ ?88|14 ?words|1488|white power|rahowa|chances? pour la france|remplacement|remigration|monkeys?|apes?|"
    r"singes?|chez nous|francais|diverse|vibrant|urban|multicultural|enriched|enrichers?|diversity|dei|agenda)\b|\({3}"
)


# ---- Coded hate and its tropes -------------------------------------------------------------------------------------
# Said without a slur, of a group or of one person: the puppet masters behind the banks and the media ("toujours les
# mêmes qui tirent les ficelles", "you know who", ✡️), the "fourteen words" spelled out, a person sent back to the
# jungle, "descendus des arbres" or shown as a monkey (🐒🦍, which the ``words`` view reads as "monkey", "gorilla"), and
# a group said to groom "our children". A review of a book or a film that shows these (``NARRATIVE``) is criticism.
_STRINGS = (
    r"(?:pull(?:s|ing)? (?:all )?the strings|tir(?:ent|e|ant) les ficelles|control(?:s|ling)? everything|"
    r"run(?:s|ning)? the world|dirigent le monde|controlent tout)"
)
_POWER = (
    r"(?:banks?|bankers?|banques?|banquiers?|media|medias|finance|hollywood|rothschilds?|soros|globalists?|"
    r"cosmopolites?|la presse|the press|wall street|l.argent|the money|le fric|shekels?)"
)
_WHO_CODED = (
    r"(?:you know who|vous savez qui|tu sais qui|qui vous savez|qui tu sais|toujours les memes|always the same "
    r"(?:people|ones|tribe)|a certain (?:people|tribe|community)|un certain peuple|une certaine communaute|la meme "
    r"communaute|the same tribe|la tribu)"
)
_STAR = "✡"
_PERSON_EN = (
    rf"(?:{STAFF_EN}|driver|delivery (?:guy|man|driver|boy)|courier|guy|lad|bloke|man|woman|girl|lady|he|she|they)"
)
_PERSON_FR = rf"(?:{STAFF_FR}|livreurs?|mecs?|types?|gars|il|elle|ils|elles|lui|eux)"
_APE = r"(?:monkeys?|gorillas?|apes?|singes?|macaques?|gorilles?|babouins?|orang-?outans?)"
_CHILDREN_EN = r"(?:our|your|my|the|young|little) (?:kids|children|youth|young people|sons|daughters|babies|boys|girls)"
_CHILDREN_FR = r"(?:nos|vos|tes|mes|les) (?:enfants|gosses|gamins|petits|jeunes|momes|ados|fils|filles)"
_GROOMERS_EN = (
    rf"(?:{_GROUPS_EN}|gays?|queers?|lgbtq?\w*|trans(?: activists| women| folks?| community| lobby)?|drag queens?|the "
    r"(?:rainbow|alphabet) (?:mafia|crowd|lobby|people)|woke (?:teachers|people|lot))"
)
_GROOMERS_FR = rf"(?:{_GROUPS_FR}|lgbt\w*|queers?|transgenres?|travelos?|drag queens?|lobby (?:lgbt|gay|trans))"
_CODED = [
    rf"{_WHO_CODED}[^.!?\n]{{0,40}}{_STRINGS}[^\n]{{0,100}}(?:{_POWER}|{_STAR})|(?:{_POWER}|{_STAR})[^\n]{{0,100}}"
    rf"{_WHO_CODED}[^.!?\n]{{0,40}}{_STRINGS}",
    rf"\b{_WHO_CODED}\b[^.!?\n]{{0,20}}\b(?:controls?|runs?|owns?|is behind|are behind|controle|controlent|dirige|"
    rf"dirigent|possede|possedent|tient|tiennent|est derriere|sont derriere) (?:all |toutes |tous )?(?:the |les |la "
    rf"|le |l.)?{_POWER}",
    rf"{_STAR}[^\n]{{0,80}}(?:{_STRINGS}|{_POWER}|greedy|rapaces?|radins?|control)|(?:{_STRINGS}|{_POWER}|greedy|"
    rf"rapaces?|radins?)[^\n]{{0,80}}{_STAR}",
    # The "fourteen words", spelled out, with 88, white or race beside them, or the slogan itself.
    r"\b(?:fourteen|14) words\b[^.!?\n]{0,60}\b(?:88|eighty[- ]eight|white|race|aryan|heil|our people)\b|\b(?:88"
    r"(?! ?(?:keys?|touches|euros?|€|pages?)\b)|"
    r"eighty[- ]eight|white|race|aryan)\b[^.!?\n]{0,60}\b(?:fourteen|14) words\b|\b(?:quatorze|14) mots\b[^.!?\n]{0,60}"
    r"\b(?:88|quatre-vingt-huit|blanc\w*|race|aryen\w*|notre peuple)\b|\b(?:the|les) (?:fourteen words|quatorze "
    r"mots)\b|(?:^|[.!?]\s*)(?:fourteen words|quatorze mots)(?=\s*(?:$|[.!?…,]))|\bsecure the existence of our "
    r"(?:people|race)\b|\ba future for white children\b|\bun avenir pour (?:les|nos) enfants blancs\b|"
    r"\bl.existence de notre (?:peuple|race)\b",
    # Back to the jungle or the trees: "go back to the jungle", "retourne dans ta brousse", "à peine descendus des
    # arbres". Not "retour dans la jungle", a game's title, nor a jungle gym.
    r"(?:^|[.!?,;:]\s*)(?:now |just |so )?(?:go|get|run|fuck off|piss off|crawl) back (?:to|in|into|up) (?:the|your|"
    r"ur|ya|yo|ye) (?:jungle|trees?|bush)\b(?! gym)",
    rf"\b(?:{_PERSON_EN}|you|u|them) (?:should|can|needs? to|ought to|belongs?|must|could) (?:go back |be sent back "
    r"|get back |go )?(?:to|in|into) (?:the|a|his|her|their) (?:jungle|trees)\b(?! gym)|\bsend (?:him|her|them|it) "
    r"back to (?:the|his|her|their) (?:jungle|trees)\b",
    r"(?:^|[.!?,;:]\s*)(?:retourne|rentre|retournez|rentrez|repars|va|allez|remonte|remontez) (?:dans|a|sur) (?:ta|"
    r"votre|la|ton) (?:jungle|brousse|arbre|cocotier|bananier)\b",
    rf"\b(?:qu.(?:il|elle|ils|elles)|(?:{_PERSON_FR}) (?:peut|peuvent|doit|doivent|devrait|devraient|n.a qu.a|n.ont "
    r"qu.a)) (?:retourne\w*|rentre\w*|remonte\w*|repart\w*) (?:dans|a|sur) (?:sa|leur|la|son) (?:jungle|brousse|"
    r"arbre|cocotier|bananier)\b",
    r"\bdescendue?s? (?:des arbres|du cocotier)\b|\b(?:a peine|tout juste|fraichement|juste|recemment) descendue?s? "
    r"de (?:son|leur|l.)\s*(?:arbre|cocotier)\b|\b(?:just|barely|freshly|"
    r"only just|recently) (?:came|come|climbed|got|down|out) (?:down |out )?(?:from|of) the trees\b|\b(?:fresh|"
    r"straight) out of the trees\b|\bdown from the trees\b",
    # A person shown as a monkey: "the delivery driver 🐒🐒", "ce livreur c'est un singe 🍌", "they 🦍".
    rf"\b{_PERSON_EN}(?: (?:today|again|here|there|yesterday|lol|lmao))?\b[^a-z.!?\n]{{0,8}}(?:monkey|gorilla)\b"
    r"(?! (?:around|business|bars|wrench|suit))|\b"
    rf"{_PERSON_FR}\b[^a-z.!?\n]{{0,8}}(?:monkey|gorilla)\b",
    rf"\b(?:{_PERSON_EN}) (?:is|was|are|were|looks like|look like|acts like|act like)(?: just)? (?:a |an |like a )?"
    rf"(?:fucking |bloody |damn )?{_APE}\b",
    rf"\b(?:{_PERSON_FR}) (?:est|etait|sont|c.est|ressemble a|ressemblent a|on dirait)(?: vraiment| juste)? (?:un |une "
    rf"|des )?(?:vrai |sale |gros )?{_APE}\b",
    r"\b(?:throw|toss|chuck|give) (?:him|her|them) (?:a |some )?bananas?\b|\b(?:jette|jetez|jeter|lance|lancez|lancer|"
    r"donne|donnez|donner)(?:-| )(?:lui|leur) (?:une |des )?bananes?\b",
    # A group said to groom the children: "the LGBT crowd want to indoctrinate our kids", "les pd veulent pervertir nos
    # gosses", "ils endoctrinent nos enfants" after a group is named.
    rf"\b{_GROOMERS_EN}\b[^.!?\n]{{0,50}}?\b(?:indoctrinat\w*|groom\w*|corrupt\w*|pervert\w*|recruit\w*|brainwash\w*|"
    rf"sexuali[sz]\w*|prey(?:s|ing)? on|molest\w*|convert\w*|confus\w*) {_CHILDREN_EN}\b",
    rf"\b{_GROOMERS_FR}\b[^.!?\n]{{0,50}}?\b(?:endoctrin\w*|pervert\w*|pervertiss\w*|corromp\w*|recrut\w*|"
    rf"embrigad\w*|convert\w*|sexualis\w*|(?:laver|lavent|lave) le cerveau (?:a|de)|(?:toucher|touchent) a) "
    rf"{_CHILDREN_FR}\b",
    rf"\b(?:keep|get) (?:the |those |these )?{_GROOMERS_EN} away from {_CHILDREN_EN}\b|\b(?:eloignez|eloigner|"
    rf"tenez|tenir|gardez) (?:les |ces )?{_GROOMERS_FR} (?:loin|eloignes?) (?:de|des) {_CHILDREN_FR}\b",
    r"\b(?:being (?:gay|trans|lesbian|bi)|homosexuality|transgenderism|l.homosexualite|etre (?:gay|homo|trans)|le "
    r"transgenrisme|la transidentite) (?:is|est) (?:a |an |une )?(?:mental )?(?:illness|disorder|disease|sickness|"
    r"maladie(?: mentale)?|perversion|abomination|deviance)\b",
]
# "They" grooming "our kids", a group named before: "Trans ads everywhere. They want to groom our children".
_THEY_GROOM = re.compile(
    r"\b(?:they|them|ils|those people|these people|ces gens(?:[- ]?la)?)\b[^.!?\n]{0,30}?\b(?:indoctrinat\w*|groom\w*|"
    r"corrupt\w*|pervert\w*|brainwash\w*|sexuali[sz]\w*|endoctrin\w*|pervertir|pervertissent|corrompre|corrompent|"
    rf"(?:laver|lavent) le cerveau (?:a|de)) (?:{_CHILDREN_EN}|{_CHILDREN_FR})\b"
)
_CODED_RE = Alternation(_CODED)
_GROOMED_GROUP = re.compile(rf"\b(?:{_GROOMERS_EN}|{_GROOMERS_FR})\b")
_CODED_GATE = re.compile(
    r"string|ficelle|everything|world|monde|tout\b|banks?|banques?|media|✡|fourteen|14 words|quatorze|14 mots|"
    r"existence|white children|enfants blancs|jungle|brousse|arbre|trees|cocotier|bananier|monkey|gorilla|ape|singe|"
    r"macaque|gorille|babouin|orang|banan|indoctrin|groom|corrupt|pervert|recruit|brainwash|sexuali|prey|molest|"
    r"convert|confus|endoctrin|corromp|recrut|embrigad|cerveau|toucher a|touchent a|away from|loin|eloign|illness|"
    r"disorder|disease|sickness|maladie|abomination|deviance"
)


# A review that tells a story is criticism of what it shows, unless it names the staff or the courier too: "the
# delivery man 🐒 couldn't read the number" is about him ("read" is a story word).
_STAFF_NAMED = re.compile(rf"\b(?:{STAFF_EN}|{STAFF_FR}|drivers?|delivery|postman|postie|facteur)\b")


class _CodedGate:
    """``_CODED_GATE``'s words, or any text: the shapes of ``hate_blame``, ``hate_whistles`` and ``hate_slurs`` gate
    themselves on the text's word set (``literals.words_of``)."""

    @staticmethod
    def search(text: str) -> bool:
        return True


CODED_GATE = _CodedGate()


def coded_hate(text: str) -> list[re.Match[str]]:
    """Coded hate and its tropes in the ``words`` view (``_CODED``), but for a review of a book or a film; a group
    blamed for a defect or a crime, dog whistles and the conspiracy line, the slurs the lists lack, and a group kept
    out of a job or a place (``hate_exclusion``)."""
    found = blamed_group(text) + whistles(text) + slurs(text) + excluded_group(text)
    if (NARRATIVE.search(text) and not _STAFF_NAMED.search(text)) or not _CODED_GATE.search(text):
        return found
    found += _CODED_RE.finditer(text)
    found += [m for m in _THEY_GROOM.finditer(text) if _GROOMED_GROUP.search(text, 0, m.start())]
    return found
