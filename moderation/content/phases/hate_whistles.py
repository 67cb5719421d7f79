"""Dog whistles and the conspiracy line, in French and English (held as ``abusive`` through ``hate.coded_hate``).

Said without a slur, to those who know: the "fourteen words" with 88 anywhere beside them (a full stop between), the
nose and the money bag (👃💰), a person shown with a banana or told there are no doors "back in the jungle",
scare-quoted "vibrant", "culturally enriching" or « issus de la diversité » people, the replacement ("remplacement de
population", "they will not replace us"), one person sent back to a country or "au bled" for how they speak or work,
and the people said to own the press, the banks or the publishers ("la même communauté", "a certain tribe", "the
zionists", "we all know who owns the newspapers 😉").

The same signs elsewhere stay published: 88 keys, 14 words per line, a banana bread, a nose pad, a 'vibrant' colour,
a jungle lodge, a battery's "remplacement en cours", a trip back to Spain, banks said to control everything, a book
on the Rothschilds' history.
"""

from __future__ import annotations

import re
from functools import lru_cache

from moderation.content.phases.literals import words_of
from moderation.content.phases.places import places as _places
from moderation.content.phases.shapes import STAFF_EN, STAFF_FR

_PERSON_EN = (
    rf"(?:{STAFF_EN}|drivers?|delivery (?:guy|man|driver|boy|lad)s?|couriers?|guy|lad|bloke|man|woman|girl|lady|"
    r"chap|fella|postie|postman)"
)
_PERSON_FR = rf"(?:{STAFF_FR}|livreurs?|mecs?|types?|gars|bonhomme|facteur|postier|caissiere?s?|nana|meuf)"
# 88 as the hate number, not a quantity: "88 keys", "88 €", "88,50", "8/88".
_EIGHTY_EIGHT = (
    r"(?<![\d.,/€$£#°-])(?<!\bpage )(?<!\bp )(?<!\bno )(?<!\bn )(?<!\broom )(?<!\bsize )(?<!\btaille )(?<!\bbus )"
    r"(?<!\blevel )(?<!\bniveau )(?<!\bchapter )(?<!\bchapitre )(?<!\broute )(?<!\bmodel )(?<!\bscore )"
    r"\b(?:88|eighty[- ]?eight|quatre-vingt-huit)\b(?=\s*(?:$|[^\w\s]|(?:brothers?|heil|hh|to all|my friends?|les "
    r"freres|camarades?)\b))(?![.,]\d)"
)
_FOURTEEN = r"\b(?:fourteen|14|quatorze) (?:words|mots)\b"
_MONEY = r"(?:[💰💵💸🤑💲🪙💶💷]|\$|€|£)"
# The code words of "diversity", in scare quotes before or after the people they mean.
_SCARE_WORDS = (
    r"(?:vibrant|diverse|diversity|urban|multicultural|enrich\w*|culturally \w+|new (?:europeans|britons|brits)|"
    r"youths?|multiculturel\w*|issue?s? de (?:la )?diversite|de la diversite|diversite|jeunes|enrichissant\w*|"
    r"chances? pour la france)"
)
# A range or a style by its quoted name, after its buyers: "kids love the 'urban' range".
_RANGE = (
    r"(?:range|collection|line|model|edition|colou?rs?|colourway|version|style|series|gamme|modele|coloris|pack|"
    r"bundle|set|backpacks?|bags?|shoes?|jackets?|trainers?|frames?|tyres?|fit|look|finish|print|pattern|theme|mode|"
    r"setting|sac|veste|baskets|velo|serie)\b"
)
_QUOTE_OPEN = "['‘\"“«]"
_QUOTE_CLOSE = "['’\"”»]"
_PEOPLE = (
    r"(?:friends?|guys?|lads?|chaps?|blokes?|gentlem[ae]n|fellows?|people|folks?|neighbou?rs?|youths?|kids|men|women|"
    r"drivers?|couriers?|staff|workers?|employees?|cashiers?|amis|copains|voisins|jeunes|livreurs?|types|gars|mecs|"
    r"messieurs|individus|personnes|population|vendeu(?:r|se)s?|caissiere?s?|employes?|equipe|team|crowd|gang|"
    r"bande|racailles?|quartiers?|neighbou?rhoods?|areas?|communit(?:y|ies)|communautes?)"
)
_POWER = (
    r"(?:banks?|bankers?|banques?|banquiers?|media|medias|press|presse|newspapers?|journaux|publishers?|publishing|"
    r"editeurs?|edition|maisons d.edition|hollywood|television|tele|tv|finance|wall street|government|gouvernement|"
    r"politicians?|politiques|the money|l.argent|le fric|the world|le monde|everything|tout|the porn industry|"
    r"l.industrie|universities|universites)"
)
_CODED_WHO = (
    r"(?:you know who|vous savez qui|tu sais qui|qui vous savez|qui tu sais|(?:toujours )?la meme communaute|"
    r"une certaine communaute|un certain peuple|(?:a|one) certain (?:tribe|people|community|group)|"
    r"the same (?:tribe|family|families|people|community)|la meme famille|les memes familles|the tribe|la tribu|"
    r"(?:the )?zionists?|(?:les )?sionistes?|(?:the )?rothschilds?|les rothschild|(?:the )?jewish lobby|"
    r"le lobby (?:juif|sioniste)|the jews|les juifs|des juifs|jews|juifs)"
)
_CONTROL = (
    r"(?:control(?:s|led|ling)?|owns?|owned|own(?:ing)?|runs?|run|running|ran|rule|rules|is behind|are behind|"
    r"pulls? the strings (?:of|at|in|behind)|controle(?:nt)?|controlee?s?|dirige(?:nt)?|possede(?:nt)?|"
    r"detien(?:t|nent)|detenue?s?|tien(?:t|nent)|tenue?s?|sont derriere|est derriere|"
    r"tire(?:nt)? les ficelles (?:de|des|du)|appartien(?:t|nent) (?:tous |toutes )?a|aux mains (?:de|des|d.)|"
    r"entre les mains (?:de|des|d.)|in the hands of|belongs? to|ont la main sur|a la main sur|have their hands on)"
)
_LACK = (
    r"(?:don.?t|didn.?t|do not|did not|never|can.?t|couldn.?t|n.ont|n.avaient|n.a|connaissent|connait|savent|sait|"
    r"pas|have no|had no)"
)


def _whistles(places: str) -> list[str]:
    return [
        # The fourteen words and 88, in either order, whatever punctuation between; "fashy" with the sign or 88.
        rf"{_FOURTEEN}[^\n]{{0,120}}?{_EIGHTY_EIGHT}|{_EIGHTY_EIGHT}[^\n]{{0,120}}?{_FOURTEEN}|\bfashy\b[^\n]{{0,80}}?"
        rf"(?:👌|{_EIGHTY_EIGHT}|\bheil\b|\bhh\b|\bwhite (?:power|pride)\b|{_FOURTEEN})",
        # The nose and the money bag, side by side; a hooked nose beside money or greed.
        rf"👃\ufe0f?[\U0001F3FB-\U0001F3FF]?\s*{_MONEY}|{_MONEY}\s*👃|\b(?:{_PERSON_EN}|{_PERSON_FR}|he|she|they|"
        r"landlord|banker|il|elle|ils|proprio)\b[^.!?\n]{0,30}\b(?:hook(?:ed)?[- ]nose[ds]?|nez crochus?)\b(?=[^.!?\n]"
        r"{0,60}\b(?:greedy|greed|money|bank|banks|fric|argent|rapaces?|radins?|tight|stingy)\b)",
        # A person with a banana: "le livreur 🍌🍌", "the delivery guy 🍌" (the monkey emoji is read as "monkey" and
        # found by ``hate``); the monkey and the banana together in a text that sends someone to the jungle.
        rf"\b(?:{_PERSON_EN}|{_PERSON_FR}|he|she|they|il|elle|ils)\b[^a-z.!?\n]{{0,8}}🍌",
        r"(?:\bmonkey\s*🍌|🍌\s*monkey\b)(?=[^\n]*\b(?:jungle|trees|brousse|arbres?|cocotier|bled)\b)|"
        r"\b(?:jungle|trees|brousse|arbres?|cocotier)\b[^\n]*(?:\bmonkey\s*🍌|🍌\s*monkey\b)",
        # People said not to have doors or streets "back in the jungle": "guess they don't have those back in the
        # jungle", "ils connaissent pas ça dans leur brousse". Not a lodge, a trek, a gym, a game.
        rf"\b(?:they|he|she|them|ils|il|elle|eux)\b[^.!?\n]{{0,40}}\b{_LACK}\b[^.!?\n]{{0,40}}\b(?:back )?(?:in|dans|"
        r"au fond de|from|de|up in) (?:the|their|his|her|la|leur|sa|son|ta|ton) (?:jungle|brousse|trees|arbres?|"
        r"cocotier|tribe|tribu)\b(?!\s*(?:lodge|camp|tour|trek|gym|juice|book|game|level|ride|cruise|safari|of)\b)",
        # Scare-quoted "diverse" people, before or after them: "one of our 'vibrant diverse' friends", "the
        # 'culturally enriching' lads", "livreur « issu de la diversité »".
        rf"{_QUOTE_OPEN}\s*(?:[a-z-]+ ){{0,2}}{_SCARE_WORDS}(?: [a-z-]+){{0,2}}\s*{_QUOTE_CLOSE}\s*(?:[a-z-]+ ){{0,2}}"
        rf"{_PEOPLE}\b",
        rf"\b(?:{_PERSON_EN}|{_PERSON_FR}|{_PEOPLE})\b(?: [a-z-]+){{0,2}}\s*,?\s*{_QUOTE_OPEN}\s*(?:[a-z-]+ ){{0,2}}"
        rf"{_SCARE_WORDS}(?: [a-z-]+){{0,2}}\s*{_QUOTE_CLOSE}(?!\s*{_RANGE})",
        rf"\b(?:ces|des|nos|vos|les|our|the|these|those|a|an|une|un|encore des|more|some)\s*{_QUOTE_OPEN}\s*"
        r"(?:chances? pour la france|new (?:britons|europeans|brits|french)|nouveaux (?:francais|europeens)|"
        r"cultural enrichers?|culturally enriching|enrichers|enrichisseurs|issue?s? de la diversite|diversity hires?)"
        rf"\s*{_QUOTE_CLOSE}",
        # The replacement, by its names and its slogan.
        r"\b(?:the great replacement\b(?! (?:for|of|to|part|parts|battery|blade|filter|item|product)\b)|white "
        r"genocide|genocide blanc|kalergi|eurabia|replacement migration|(?:ethnic|white) replacement|population "
        r"replacement\b(?! (?:of|rate|in) (?!(?:europe|france|britain|the west|our)))|remplacement (?:de (?:la )?"
        r"population\b(?! (?:de|des|d.|du))|ethnique|des populations|des peuples|des "
        r"(?:francais|europeens|blancs|natifs|autochtones))|(?:you|they|jews|ils) (?:will not|won.t|shall not) "
        r"replace us\b(?! (?:with|by) )|(?:vous|ils) ne nous remplacerez pas|ils ne nous remplaceront pas|"
        r"ils nous remplacent|(?:on|nous) "
        r"(?:est|sommes|sera|serons|va etre|allons etre|se fait|se font) (?:en train d.etre )?remplace(?:e|s|es)? "
        r"(?:chez nous|dans notre (?:propre )?pays|par (?:eux|des (?:etrangers|immigres|migrants|africains|arabes|"
        r"musulmans)))|(?:we are|we.re|we.re being|being) replaced (?:in our own country|by (?:them|foreigners|"
        r"immigrants|migrants|muslims|africans)))\b",
        # One person sent back: "send him back to Africa", "qu'il retourne au bled", "the cashier should go back to
        # Pakistan" (a country only after a complaint of their speech or their work: see ``_SENT_BACK_GROUNDS``).
        r"\bsend (?:him|her) (?:straight )?back (?:to (?:the )?"
        + places
        + r"|where (?:he|she) came from|to (?:his|her) "
        r"(?:own )?(?:country|village|jungle|hut|tribe))\b",
        r"\bqu.(?:il|elle) (?:retourne|rentre|reparte|degage|aille|se casse) (?:au bled|dans son (?:pays|bled|village)|"
        r"d.ou (?:il|elle) vient|dans sa brousse)\b|\b(?:"
        + _PERSON_FR
        + r")\b[^.!?\n]{0,30}\b(?:devrai(?:t|ent)|doi(?:t|"
        r"vent)|peu(?:t|vent)|n.a qu.a|ferai(?:t|ent) mieux de) (?:retourner|rentrer|repartir) (?:au bled|dans son "
        r"(?:pays|bled|village)|d.ou (?:il|elle) vient)\b",
        # The people said to own the press, the banks or the publishers.
        rf"\b{_CODED_WHO}\b[^.!?\n]{{0,30}}?\b{_CONTROL}\b[^.!?\n]{{0,20}}?\b{_POWER}\b",
        rf"\b{_POWER}\b[^.!?\n]{{0,30}}?\b(?:(?:are|is|sont|est) (?:all )?)?(?:{_CONTROL}|(?:owned|run|controlled) by|"
        rf"controlee?s? par|dirigee?s? par|tenue?s? par|detenue?s? par|possedee?s? par) (?:tous |toutes |all )?"
        rf"(?:by )?{_CODED_WHO}\b",
        rf"\b(?:we (?:all )?know|everyone knows|we know|tout le monde sait|on sait (?:tous |bien )?|vous savez|devinez|"
        rf"guess) (?:who|qui) (?:really |vraiment |actually )?{_CONTROL} (?:the |les |la |le |l.|toute l.|tout le |"
        rf"toute la |tous les |toutes les )?{_POWER}\b",
        # Who owns the brand or the shop, with a wink: "vous savez qui possède cette marque 😉 pas étonnant les prix".
        rf"\b(?:we (?:all )?know|everyone knows|we know|tout le monde sait|on sait (?:tous |bien )?|vous savez|devinez|"
        rf"guess|you know) (?:who|qui) (?:really |vraiment |actually )?{_CONTROL} (?:this|the|that|cette|la|le|ce|les|"
        r"l.)\s*(?:brand|company|shop|store|chain|firm|site|business|marque|boite|societe|entreprise|boutique|magasin|"
        r"enseigne|chaine|groupe)s?\b(?=[^\n]{0,80}(?:[👃✡💰]|comme par hasard|surprise surprise|suivez mon regard|"
        r"(?:pas etonnant|no wonder|no surprise)[^.!?\n]{0,25}\b(?:prix|prices?|cher|expensive|greedy|rapaces?)\b))",
        # "They control everything ... always the same community": the coded people and "control everything"
        # anywhere in a short stretch, full stops and ellipses between.
        rf"\b{_CODED_WHO}\b[^\n]{{0,120}}?\b(?:ils|they) (?:controlent|control|tiennent|possedent|own|run|dirigent) "
        rf"(?:tout|everything|the world|le monde)\b|\b(?:ils|they) (?:controlent|control|tiennent|possedent|own|run|"
        rf"dirigent) (?:tout|everything|the world|le monde)\b[^\n]{{0,120}}?\b{_CODED_WHO}\b",
        rf"\b{_CODED_WHO}\b[^\n]{{0,80}}?👃|👃[^\n]{{0,40}}?\b{_CODED_WHO}\b",
    ]


# A person sent back to a country for how they speak or work: "barely speak English, she should go back to
# Pakistan", "useless driver, he can go back to Romania". Not a trip ("she should go back to Italy, she loved it").
_SENT_BACK_GROUNDS = re.compile(
    r"\b(?:speak\w*|spoke|english|french|francais|anglais|parle\w*|baragouin\w*|comprend\w*|understand\w*|accent|"
    r"useless|incompetent|idiot\w*|stupid|rude|lazy|nul|nulle|incapable|bon a rien|thick|dumb)\b"
)


@lru_cache(maxsize=1)
def _sent_back() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{_PERSON_EN}|he|she|they|him|her|them)\b[^.!?\n]{{0,30}}?\b(?:should|can|needs? to|ought to|must|"
        r"could|oughta|wants? to|better|go|just) (?:just )?(?:go|fuck off|piss off|clear off|get|be sent|be shipped|be "
        rf"deported|swim|crawl) back (?:to|home to) (?:the )?(?:{_places()}|where (?:he|she|they) (?:came|come) "
        r"from)\b|"
        rf"\b(?:{_PERSON_FR}|il|elle)\b[^.!?\n]{{0,30}}?\b(?:devrai(?:t|ent)|doi(?:t|vent)|peu(?:t|vent)|n.a qu.a|"
        rf"ferai(?:t|ent) mieux de) (?:retourner|rentrer|repartir) (?:en|au|aux|a) (?:{_places()})\b|\bqu.(?:il|elle) "
        rf"(?:retourne|rentre|reparte|degage) (?:en|au|aux|a) (?:{_places()})\b"
    )


_CODED_WORDS = frozenset(
    "know savez sais communaute certain certaine same meme memes tribe tribu zionist zionists sioniste sionistes "
    "rothschild rothschilds jewish jews juifs".split()
)
# The coded people themselves, checked more narrowly than ``_CODED_WORDS`` ("know", "same" and "certain" are in one
# review in ten): a word of their own, or "know who" and its kin.
_CODED_OWN_WORDS = frozenset(
    "communaute tribe tribu zionist zionists sioniste sionistes rothschild rothschilds jewish jews juifs".split()
)
_CODED_PHRASES = ("know who", "savez qui", "sais qui", "qui vous savez", "qui tu sais", "memes familles")
_CODED_SAME = frozenset(("family", "families", "famille", "community", "people", "peuple", "group"))


def _coded_people(text: str, words: frozenset[str]) -> bool:
    if _CODED_OWN_WORDS & words or any(phrase in text for phrase in _CODED_PHRASES):
        return True
    return bool(words & {"same", "certain", "certaine", "meme"}) and bool(_CODED_SAME & words)


_KNOW_WHO = frozenset(("know", "knows", "sait", "savez", "devinez", "guess", "sais"))
_REPLACE_WORDS = frozenset(
    "replacement genocide kalergi eurabia remplacement replace remplacerez remplaceront remplacent remplace remplaces "
    "remplacee remplacees replaced".split()
)
_SCARE_GATE = frozenset(
    "vibrant diverse diversity urban multicultural enriching enrichers enricher enriched enrichment culturally "
    "europeans britons brits youth youths multiculturel multiculturels multiculturelle diversite jeunes "
    "enrichissant enrichissante enrichissants chances chance".split()
)
_STRONG_CODES = frozenset(
    "france britons europeans brits french francais europeens enrichers enricher enriching enrichisseurs diversite "
    "hire hires".split()
)
# What each shape of ``_whistles`` needs, in its order: (words of the text, emoji in it), one of which must be there
# for the shape to be searched at all; most reviews have none and pay a set intersection.
_NEEDS: tuple[tuple[frozenset[str], tuple[str, ...]], ...] = (
    (frozenset(("88", "eighty", "huit", "fashy")), ()),
    (frozenset(("hook", "hooked", "crochu", "crochus")), ("👃",)),
    (frozenset(), ("🍌",)),
    (frozenset(), ("🍌",)),
    (frozenset("jungle brousse trees arbres arbre cocotier tribe tribu".split()), ()),
    (_SCARE_GATE, ()),
    (_SCARE_GATE, ()),
    (_STRONG_CODES, ()),
    (_REPLACE_WORDS, ()),
    (frozenset(("send",)), ()),
    (frozenset(("bled", "pays", "village", "brousse", "vient")), ()),
    (_CODED_WORDS, ()),
    (_CODED_WORDS, ()),
    (_KNOW_WHO, ()),
    (_KNOW_WHO, ()),
    (_CODED_WORDS, ()),
    (frozenset(), ("👃",)),
)

_SENT_BACK_WORDS = frozenset(("back", "retourner", "rentrer", "repartir", "retourne", "rentre", "reparte", "degage"))
_ALL_NEEDS = frozenset().union(*(needs for needs, _ in _NEEDS), _SENT_BACK_WORDS)


@lru_cache(maxsize=1)
def _shapes() -> tuple[tuple[frozenset[str], tuple[str, ...], re.Pattern[str]], ...]:
    patterns = _whistles(_places())
    assert len(patterns) == len(_NEEDS), "one entry of _NEEDS per shape of _whistles"
    return tuple((words, pieces, re.compile(p)) for (words, pieces), p in zip(_NEEDS, patterns, strict=True))


# Replaced by machines, not by people: "they will not replace us, the old staff said when robots came".
_MACHINES = re.compile(
    r"\b(?:robots?|machines?|automation|automatisation|ai|ia|computers?|ordinateurs?|self-checkouts?)\b"
)
_REPLACED = re.compile(r"replace|remplac")
# A text that reports or debunks the sign to condemn it: "debunks the myth that Jews control the banks", "un essai
# sur les théories du complot antisémites".
_CONDEMNS = re.compile(
    r"racis|antisemit|prejudic|prejuge|stereotyp|bigot|debunk|myths?\b|mythes?\b|conspiracy theor|theories? du complot|"
    r"complotis|hate symbol|symboles? de haine|hoax"
)


# Shapes that start from a common word (a person, "he") and end at a rare one (🍌, 👃, a scare-quoted word, "back
# to"): searched only in a window around the rare one, so a long review does not pay a try at each of its words.
# (shape index in ``_whistles``, the rare part, characters before it, characters after it)
_SCARE_QUOTED = re.compile(rf"{_QUOTE_OPEN}\s*(?:[a-z-]+ ){{0,2}}{_SCARE_WORDS}(?: [a-z-]+){{0,2}}\s*{_QUOTE_CLOSE}")
_WINDOWED = {
    2: (re.compile("🍌"), 60, 8),
    6: (_SCARE_QUOTED, 60, 20),
    7: (re.compile(rf"{_QUOTE_OPEN}\s*(?:chances? pour|new |nouveaux |cultural|enrich|issue?s? de|diversity)"), 40, 40),
    10: (re.compile(r"\b(?:au bled|dans son (?:pays|bled|village)|d.ou (?:il|elle) vient|dans sa brousse)\b"), 90, 0),
    12: (re.compile(rf"\b{_CODED_WHO}\b"), 100, 0),
    16: (re.compile("👃"), 100, 60),
}
_BACK_TO = re.compile(
    r"\bback (?:to|home to)\b|\b(?:retourner|rentrer|repartir|retourne|rentre|reparte|degage) (?:en|au|aux|a)\b"
)


def warm() -> None:
    """Compile the shapes now (CLDR's place names make them slow to build): ``hate.hate_pattern`` calls this."""
    _shapes()
    _sent_back()


def _near(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], before: int, after: int) -> list[re.Match[str]]:
    found: dict[tuple[int, int], re.Match[str]] = {}
    for rare in anchor.finditer(text):
        for m in pattern.finditer(text, max(0, rare.start() - before), min(len(text), rare.end() + after)):
            found.setdefault(m.span(), m)
    return list(found.values())


def whistles(text: str) -> list[re.Match[str]]:
    """Dog whistles and the conspiracy line (``_whistles``, ``_sent_back``) in the ``words`` view."""
    words = words_of(text)
    emoji = "👃" in text or "🍌" in text
    if not (emoji or _ALL_NEEDS & words):
        return []
    found = []
    for index, (needs, pieces, pattern) in enumerate(_shapes()):
        if needs is _CODED_WORDS:
            if not _coded_people(text, words):
                continue
        elif not (needs & words or emoji and any(piece in text for piece in pieces)):
            continue
        windowed = _WINDOWED.get(index)
        found += _near(pattern, text, *windowed) if windowed else pattern.finditer(text)
    if _SENT_BACK_WORDS & words and _SENT_BACK_GROUNDS.search(text):
        found += _near(_sent_back(), text, _BACK_TO, 80, 60)
    if found and (_CONDEMNS.search(text) or _MACHINES.search(text) and _REPLACED.search(text)):
        return []
    return found
