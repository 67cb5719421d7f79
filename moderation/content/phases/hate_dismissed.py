"""A woman sent off to the kitchen and a person called an animal by their origin, in French and English (searched
from ``hate_exclusion.excluded_group``, held as ``abusive`` through ``hate.coded_hate``). Each shape needs its parts
together:

- a woman told to go make a sandwich, do the dishes or get back to the kitchen, with her addressed as one
  ("sweetheart", "hun", "ma belle"), the talk left to the men, or "nobody asked": "nobody asked sweetheart, go make a
  sandwich", "shut up and make me a sandwich, woman", "va faire la vaisselle et laisse parler les hommes"; the talk
  left to the men with her addressed or dismissed is the same ("let the men talk, sweetie");
- a person named by their origin and called an animal with a slur's word: "the Polish guy with the tattoo is a filthy
  animal", "le livreur roumain, un vrai sale animal", "ce Polonais est un porc", "that filthy Pakistani animal".

The parts apart stay published: "go make a sandwich with this bread", "va faire la vaisselle avec ce liquide", "let the
men's team know", "my husband said let the men handle it", a Polish cashier praised, a mechanic who is "an absolute
beast", an animal lover, a French bulldog.
"""

from __future__ import annotations

import re

from moderation.content.phases.shapes import STAFF_EN, STAFF_FR

# ---- A woman sent off to the kitchen -------------------------------------------------------------------------------
_START = r"(?:^(?:@?\w+,?\s+)?|[.!?,;:]\s*|@\w+\s+|\band\s+|\bnow\s+|\bjust\s+|\bso\s+|\bshut up\s+(?:and\s+)?)"
_KITCHEN_EN = (
    rf"{_START}(?:(?:go|run along and|off you go and|get back in the kitchen and) )?(?:go )?make (?:me |us |him )?"
    r"(?:a |some |another )?(?:sandwich|sammich|sandwhich|sandwiches|sarnie|butty)\b|"
    rf"{_START}(?:go |get )?back (?:in|to|into) (?:the|your|ur|ya) kitchen\b|"
    rf"{_START}go (?:do|wash) (?:the|your) (?:dishes|laundry|washing up|ironing)\b|\bkitchen.s that way\b"
)
_KITCHEN_FR = (
    rf"{_START}(?:va|allez) (?:plutot |donc )?faire (?:la vaisselle|la cuisine|le menage|a manger|un sandwich|la "
    rf"lessive|le repassage|tes courses)\b|{_START}(?:retourne|retournez|file|filez) (?:a|dans) "
    r"(?:ta|tes|la|votre|vos) (?:cuisine|casseroles|fourneaux|vaisselle|menage)\b|"
    rf"{_START}(?:retourne|retournez) faire (?:la vaisselle|le menage|la cuisine|a manger)\b|\ba tes casseroles\b"
)
_KITCHEN = re.compile(rf"{_KITCHEN_EN}|{_KITCHEN_FR}")
_MEN_TALK = re.compile(
    r"\blet (?:the )?(?:men|guys|boys|lads|blokes|grown-?ups) (?:talk|speak|handle|do|discuss|deal|sort|take care|"
    r"chat)\b|\bleave (?:it|this|that|(?:the )?[a-z]+) to the (?:men|guys|boys|lads)\b|\bthe men are talking\b|"
    r"\blaisse[rz]? (?:parler |faire |discuter )?les (?:hommes|mecs|gars|messieurs)"
    r"(?: (?:parler|discuter|gerer|faire))?\b|\bentre hommes\b"
)
_PET_NAMES = (
    r"(?:sweetheart|sweetie|sweetcheeks|honey|hun|hon|love|luv|darling|darlin|babe|baby|dear|dearie|princess|missy|"
    r"girlie|girly|little girl|lady|ladies|woman|toots|doll|ma belle|ma cherie|cherie|ma poule|ma grande|ma petite|"
    r"ma jolie|cocotte|poupee|ma fille|la meuf|mademoiselle|ma puce)"
)
# Her addressed: the pet name set off by a comma or the text's edge, or right after "nobody asked" ("love it" is
# praise, ", love." is her).
_ADDRESSED = re.compile(
    rf"(?:[,@]\s*|\basked (?:you )?|\bup |\bdemande )\b{_PET_NAMES}\b|\b{_PET_NAMES}\s*(?:[,.!?]|$)"
)
_DISMISSED = re.compile(
    r"\b(?:nobody|no one|noone|no-one|who) asked\b|\bshut up\b|\bstay in your lane\b|\bpersonne (?:ne )?t.a (?:rien )?"
    r"demande|\bon t.a (?:rien|pas) demande|\btais-toi\b|\bferme-la\b"
)
_KITCHEN_WORDS = frozenset(
    "sandwich sammich sandwhich sandwiches sarnie butty kitchen dishes laundry washing ironing vaisselle cuisine "
    "menage manger lessive repassage courses casseroles fourneaux men guys boys lads blokes hommes mecs gars messieurs "
    "grown-ups".split()
)


def sent_to_the_kitchen(text: str, words: frozenset[str]) -> list[re.Match[str]]:
    """A woman sent off to the kitchen, or the talk left to the men, with her addressed or dismissed."""
    if not _KITCHEN_WORDS & words:
        return []
    kitchen = list(_KITCHEN.finditer(text))
    men = list(_MEN_TALK.finditer(text))
    if not kitchen and not men:
        return []
    cue = _ADDRESSED.search(text) or _DISMISSED.search(text)
    if kitchen and (cue or men):
        return kitchen + men + ([cue] if cue else [])
    if men and cue:
        return [*men, cue]
    return []


# ---- A person called an animal by their origin ----------------------------------------------------------------------
_DEMONYM_EN = (
    r"(?:polish|romanian|albanian|bulgarian|russian|ukrainian|lithuanian|latvian|czech|slovak|hungarian|serbian|"
    r"kosovan|turkish|kurdish|arab|arabic|african|nigerian|somali|eritrean|sudanese|ethiopian|ghanaian|kenyan|"
    r"congolese|senegalese|moroccan|algerian|tunisian|egyptian|libyan|lebanese|syrian|iraqi|iranian|afghan|"
    r"pakistani|indian|bangladeshi|sri lankan|chinese|vietnamese|filipino|thai|korean|japanese|asian|mexican|"
    r"brazilian|colombian|jamaican|haitian|gypsy|roma|romani|jewish|muslim|black|foreign|immigrant|italian|spanish|"
    r"portuguese|greek|german|french|irish|scottish|welsh|english|british|american|dutch)"
)
_DEMONYM_FR = (
    r"(?:polonais|roumain|albanais|bulgare|russe|ukrainien|lituanien|tcheque|slovaque|hongrois|serbe|kosovar|turc|"
    r"turque|kurde|arabe|africain|nigerian|somalien|erythreen|soudanais|ethiopien|ghaneen|congolais|senegalais|"
    r"malien|ivoirien|camerounais|comorien|marocain|algerien|tunisien|egyptien|libanais|syrien|irakien|iranien|afghan|"
    r"pakistanais|indien|bangladais|sri-lankais|chinois|vietnamien|philippin|thailandais|coreen|japonais|asiatique|"
    r"mexicain|bresilien|haitien|gitan|rom|juif|musulman|noir|maghrebin|rebeu|renoi|beur|etranger|immigre|italien|"
    r"espagnol|portugais|grec|allemand|anglais|americain|belge|suisse)(?:n?e)?s?"
)
_PEOPLE_EN = (
    rf"(?:{STAFF_EN}|guy|man|woman|lady|bloke|lad|girl|chap|fella|fellow|dude|driver|cleaner|worker|employee|"
    r"steward|stewardess|porter|guard|mechanic|chef|cook|nurse|doctor|delivery (?:guy|man|driver)|neighbou?r|"
    r"customer|passenger|attendant|server|host|hostess|bartender|barman|security)"
)
_PEOPLE_FR = (
    rf"(?:{STAFF_FR}|mecs?|types?|gars|homme|femme|nana|meuf|stewards?|hotesses?|mecanicien(?:ne)?s?|cuisinier(?:e)?s?|"
    r"infirmier(?:e)?s?|agents? de securite|vigiles?|femmes? de menage|voisin(?:e)?s?|clients?|cliente?s?|"
    r"ouvrier(?:e)?s?|manutentionnaire?s?|preparateur|preparatrice)"
)
# The person: a demonym before a person's noun ("the Polish guy"), or as the noun ("that Romanian is"); in French
# after a person's noun ("le livreur roumain") or an article ("ce Polonais").
_ORIGIN_EN = (
    rf"\b{_DEMONYM_EN}(?: [a-z-]+){{0,2}}? {_PEOPLE_EN}s?\b|\b(?:the|that|this|some|a|an) {_DEMONYM_EN}"
    r"(?=,| (?:is|was|at|on|in|from|who|with|behind)\b)"
)
_ORIGIN_FR = (
    rf"\b{_PEOPLE_FR} {_DEMONYM_FR}\b|\b(?:le|la|ce|cet|cette|un|une|les|ces) {_DEMONYM_FR}\b"
    r"(?= ?,| (?:est|etait|de|du|a|au|qui|avec|derriere|sont)\b)"
)
_SLUR_ADJ_EN = (
    r"(?:filthy|dirty|disgusting|stinking|stinky|smelly|fucking|fucken|bloody|vile|rabid|feral|mangy|sub-?human)"
)
_ALWAYS_EN = r"(?:pigs?|swine|vermin|cockroach(?:es)?|roach(?:es)?|rats?|monkeys?|apes?|subhumans?|baboons?|parasites?)"
_WITH_ADJ_EN = r"(?:animals?|beasts?|savages?|creatures?|dogs?|mongrels?|pigs?|rats?)"
_ANIMAL_EN = (
    rf"(?:(?:{_SLUR_ADJ_EN} )*{_ALWAYS_EN}|(?:{_SLUR_ADJ_EN} )+{_WITH_ADJ_EN})\b(?! (?:lovers?|friendly|welfare|"
    r"shelter|print|prints|rescue|charity|charities)\b)"
)
_SLUR_ADJ_FR = r"(?:sale|degoutante?|degueulasse|immonde|repugnante?|crasseu(?:x|se)|puante?|ignoble)"
_ALWAYS_FR = r"(?:porcs?|pourceaux|vermines?|cafards?|rats?|singes?|macaques?|sous-hommes?|babouins?|parasites?)"
_WITH_ADJ_FR = r"(?:animal|animaux|betes?|sauvages?|chiens?|chiennes?|cochons?|truies?)"
_ANIMAL_FR = (
    rf"(?:(?:{_SLUR_ADJ_FR} )*{_ALWAYS_FR}(?: {_SLUR_ADJ_FR})?|(?:{_SLUR_ADJ_FR} )+{_WITH_ADJ_FR}|{_WITH_ADJ_FR} "
    rf"{_SLUR_ADJ_FR})\b"
)
_ANIMAL_BY_ORIGIN = re.compile(
    rf"(?:{_ORIGIN_EN})[^.!?\n]{{0,60}}?\b(?:is|was|are|were|.s|is just|acts like|behaves like|looks like)(?: just| "
    rf"nothing but| such| like| basically| literally)? (?:a |an |some )?(?:(?:total|absolute|complete|proper|real) )?"
    rf"{_ANIMAL_EN}|\b(?:is|was|are|were|.s) (?:a |an )?{_DEMONYM_EN}\b[^.!?\n]{{0,20}}?(?: and|,) (?:a |an )?"
    rf"(?:(?:total|absolute|complete|proper|real) )?{_ANIMAL_EN}|\b{_SLUR_ADJ_EN} {_DEMONYM_EN} "
    rf"(?:{_WITH_ADJ_EN}|{_ALWAYS_EN})\b|"
    rf"(?:{_ORIGIN_FR})[^.!?\n]{{0,60}}?(?:\b(?:est|etait|c.est|sont|c.etait)|,)(?: vraiment| juste| rien d.autre "
    rf"qu.)? ?(?:un |une |des )?(?:(?:vrai|vraie|veritable|gros|grosse) )?{_ANIMAL_FR}|"
    rf"\b(?:sale|espece de|ce|cette|ces) {_WITH_ADJ_FR} de {_DEMONYM_FR}\b"
)
_ANIMAL_WORDS = frozenset(
    "pig pigs swine vermin cockroach cockroaches roach roaches rat rats monkey monkeys ape apes subhuman subhumans "
    "baboon baboons parasite parasites animal animals beast beasts savage savages creature creatures dog dogs mongrel "
    "mongrels sous porc porcs pourceaux vermine vermines cafard cafards singe singes macaque macaques sous-homme "
    "sous-hommes babouin babouins animaux bete betes sauvage sauvages chien chiens chienne chiennes cochon cochons "
    "truie truies".split()
)


def animal_by_origin(text: str, words: frozenset[str]) -> list[re.Match[str]]:
    """A person named by their origin and called an animal with a slur's word."""
    if not _ANIMAL_WORDS & words:
        return []
    return list(_ANIMAL_BY_ORIGIN.finditer(text))
