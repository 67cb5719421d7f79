"""A group blamed for a defect or a crime, as a guess or a joke, in French and English (held as ``abusive`` through
``hate.coded_hate``).

Nobody calls the group a name: the complaint is real (a parcel lost, a tent that fell down, a price), and the group
is who the author says must have done it. The shapes have two parts: the group as the culprit or the maker, and
what makes it a guess, a jibe or a generalisation rather than a fact about an order:

- a guess: "sûrement un rom", "bet the driver was a gypsy", "must've been put together by gypsies", "à tous les
  coups des migrants";
- a joke about who made or took it: "sewn by pikeys lol", "c'est des arabes qui l'ont monté mdr";
- "typical X", "typique des X", "du travail d'arabe", "a gypsy job";
- the person's "lot", "kind" or "race", with a trait: "exactly what you'd expect from his lot - tight, shifty",
  "radine comme tous les gens de sa race";
- a group named, and "you know what they're like" / "on sait comment ils sont";
- who they are, then "what did I expect" / "forcément" / "no surprise".

The groups are peoples, faiths, sexual orientations, gender identity, Roma and Travellers, migrants: not a country
where a product is made ("made in China, typical of cheap stuff" is about the product). A text that condemns the
prejudice it reports ("racist nonsense", "les préjugés contre les Roms") is not held, nor a ROM in a text about
consoles, nor a colour.
"""

from __future__ import annotations

import re

from moderation.content.phases.literals import words_of

# The groups a culprit is said to belong to, singular and plural. Not "black"/"noir" alone (a colour: "probably a
# black, the box didn't say"), nor a country's people for whom a product's origin is the likelier reading.
_WHO_EN = (
    r"(?:gypsy|gypsies|gipsy|gipsies|gyppos?|gippos?|pikeys?|roma|romani|romanies|romanians?|albanians?|jews?|"
    r"muslims?|moslems?|muzzies|arabs?|pakis?|immigrants?|migrants?|refugees?|illegals|foreigners?|asylum seekers?|"
    r"blacks|gays?|trannies|trannys?|poofs?|homos?|lesbians?|dykes?)"
)
# "Travellers" only after "those"/"them" (a hotel review's "solo travellers" are guests).
_WHO_EN_DEMONSTRATIVE = r"(?:travell?ers|tinkers)"
_WHO_FR = (
    r"(?:gitan(?:e|s|es)?|roms?|romanos?|juif(?:s|ve|ves)?|feujs?|arabes?|rebeus?|bougnoules?|musulman(?:e|s|es)?|"
    r"immigre(?:e|s|es)?|migrant(?:e|s|es)?|clandestin(?:e|s|es)?|etranger(?:e|s|es)?|roumain(?:e|s|es)?|"
    r"albanais(?:e|es)?|noirs|noires|renois|negres?|pds?|pedes?|homos?|tarlouzes?)"
)
# What may follow the group in a guess: the end of the clause, a laugh, "who …", "qui …" ("sûrement un gitan qui l'a
# piqué"), not a noun it qualifies ("a gypsy skirt", "tomates Roma bien mûres", "des roms de jeux").
_LAUGH = r"(?:lol|lmao|lmfao|rofl|haha\w*|mdr|ptdr|xd|[😂🤣😆😹🙄😏😉🤡])"
_TAIL = (
    rf"(?=\s*(?:$|[^\w\s'’]|{_LAUGH}|(?:who|that|and|or|again|as usual|obviously|probably|innit|mate|qui|et|ou|ca|"
    r"encore|comme d.hab|evidemment|forcement|a tous les coups|bien sur|quoi|normal|du|d.en face|d.a cote)\b))"
)
_HEDGE_EN = (
    r"(?:probably|prob|prolly|must (?:have|of) been|must.ve been|must be|bet|betting|no doubt|doubtless|obviously|"
    r"clearly|surely|definitely|defo|i reckon|reckon|i guess|guess|i suppose|presumably|of course|inevitably|"
    r"typical|you can tell|you could tell|i.d say|100%)"
)
_HEDGE_FR = (
    r"(?:surement|probablement|forcement|certainement|sans doute|sans aucun doute|a tous les coups|evidemment|"
    r"bien sur|comme par hasard|devait etre|doit etre|a du etre|aura ete|je parie|j.parie|on voit (?:bien )?que|ca se "
    r"voit que|on sent que|encore|pas etonnant|normal)"
)
_ARTICLE_EN = (
    r"(?:(?:a|an|some|them|those|these|the|one of (?:the|them|those|these)|a (?:bunch|load|gang|pack|couple) of|"
    r"by|was|were|is|are|it was|it.s|they were) )"
)
_ARTICLE_FR = r"(?:(?:un|une|des|les|encore des|encore un|encore une|par des|par un|par une|c.est des|c.etait des) )"
# Made, packed, taken or driven by the group: the joke needs a laugh beside it.
_MADE_EN = (
    r"(?:made|built|sewn|stitched|assembled|put together|packed|packaged|installed|fitted|delivered|driven|stolen|"
    r"nicked|pinched|robbed|taken|swiped|resold|designed|fixed|repaired|cleaned|run|staffed) by"
)
_MADE_FR = (
    r"(?:fabrique|fait|monte|assemble|cousu|emballe|installe|livre|vole|pique|chourave|repare|nettoye|tenu|revendu)"
    r"(?:e|s|es)? par"
)
# Traits said of a person's "lot" or "race": what makes "his lot" a people and not an auction.
_TRAIT = (
    r"(?:tight|stingy|mean|shifty|sly|sneaky|greedy|thieving|thie(?:f|ves)|lazy|dirty|filthy|smelly|stinky|dodgy|"
    r"crooked|scroung\w*|bone idle|untrustworthy|grabby|money[- ]grabbing|penny[- ]pinching|watching you|"
    r"counting (?:every|each) (?:penny|pound|cent)|rip(?:ped|ping)? (?:you|me|us|people) off|overcharg\w*|"
    r"radin(?:e|s|es)?|fourbes?|sournois(?:e|es)?|voleu(?:r|rs|se|ses)|malhonnetes?|rapaces?|feignant\w*|"
    r"faineant\w*|sales?|puant\w*|arnaqu\w*|menteu(?:r|rs|se|ses)|pingres?|grippe-sous|escrocs?|fainéants)"
)
_KIND = r"(?:lot|kind|sort|tribe|race|breed|ilk|clan)"
# Where staff are: "à la caisse", "behind the counter", "working here".
_AT_WORK = (
    r"(?:a la caisse|en caisse|aux caisses|au sav|au comptoir|a l.accueil|au rayon|derriere le comptoir|au volant|"
    r"at the (?:till|tills|counter|desk|checkout|checkouts)|on the (?:till|tills|desk|checkout|phones?)|behind the "
    r"(?:counter|desk|till)|at reception|working (?:here|there|the (?:till|counter|desk)))"
)
# The staff after the group: "typical muslim staff", "typical immigrant drivers".
_STAFF_EN = r"(?:staff|workers?|employees?|drivers?|cashiers?|people|service|behaviou?r|attitude|manners)"
_KIND_FR = r"(?:race|espece|engeance|communaute|tribu|ethnie|clan)"
# Peoples as "they" in "you know what they're like": the groups above and the peoples of other countries.
_ANY_PEOPLE = re.compile(
    rf"\b(?:{_WHO_EN}|{_WHO_FR}|{_WHO_EN_DEMONSTRATIVE}|blacks|africans?|nigerians?|somalis?|indians?|pakistanis?|"
    r"bangladeshis?|chinese|asians?|mexicans?|turks?|moroccans?|algerians?|poles|lithuanians?|bulgarians?|"
    r"africains?|nigerians?|somaliens?|indiens?|pakistanais|chinois|asiatiques?|mexicains?|turcs?|marocains?|"
    r"algeriens?|tunisiens?|maghrebins?|polonais|bulgares?|sa race|his lot|their lot|her lot)\b"
)

_BLAME = [
    # A guess: "bet the driver was a gypsy", "must've been put together by gypsies", "no doubt one of those
    # travellers", "sûrement un rom", "à tous les coups des migrants".
    rf"\b{_HEDGE_EN}\b[^.!?\n]{{0,40}}?\b{_ARTICLE_EN}?(?:a bunch of |a load of |some )?{_WHO_EN}{_TAIL}",
    rf"\b{_HEDGE_EN}\b[^.!?\n]{{0,40}}?\b(?:one of )?(?:those|them|these) {_WHO_EN_DEMONSTRATIVE}\b",
    rf"\b{_HEDGE_FR}\b[^.!?\n]{{0,40}}?(?:\b{_ARTICLE_FR}|\bd.|\b){_WHO_FR}{_TAIL}",
    # Made or taken by the group, with a laugh: "sewn by pikeys in a caravan lol", "c'est des arabes qui l'ont monté
    # mdr".
    rf"\b{_MADE_EN} (?:a bunch of |a load of |a gang of |some |the )?{_WHO_EN}\b(?=[^.!?\n]{{0,40}}{_LAUGH})",
    rf"\b{_MADE_FR} (?:des |les |un |une )?{_WHO_FR}\b(?=[^.!?\n]{{0,40}}{_LAUGH})",
    rf"\bc.(?:est|etait) (?:des|les|un|une) {_WHO_FR} qui (?:l.|les )?(?:ont|a|avaient|avait) (?:monte|fabrique|"
    rf"fait|assemble|cousu|emballe|vole|pique|livre|casse|perdu|revendu)\w*\b(?=[^.!?\n]{{0,40}}{_LAUGH})",
    # "Typical X", "typique des X", "du travail d'arabe", "a gypsy job".
    rf"\btypical(?:ly)? (?:of )?(?:a |an |the |those |them |these )?{_WHO_EN}(?: {_STAFF_EN})?{_TAIL}",
    rf"\b(?:typique(?:ment)?|du pur|bien) (?:des |d.un |d.une |de |du |les |un |une |d.)?{_WHO_FR}{_TAIL}",
    # The group at the till, and what one expected of them after: "des arabes à la caisse, forcément c'est le bordel",
    # "immigrants behind the counter now, no wonder nothing works". At work: "a book about refugees, no wonder it won
    # prizes" and "lots of foreigners in August, no wonder the pool was crowded" are not about staff.
    rf"\b(?:{_WHO_EN}|{_WHO_FR})\b (?:[a-z]+ )?{_AT_WORK}\b[^.!?\n]{{0,30}}?(?:,|-|\.\.\.) ?(?:so |alors |donc )?(?:no "
    r"wonder|what did (?:i|you|we) expect|what do you expect|figures|go figure|that explains (?:it|everything)|"
    r"forcement c.est|pas etonnant|ca m.etonne pas|ca ne m.etonne pas|tout s.explique|ca explique tout|"
    r"comme par hasard)\b",
    r"\b(?:travail|boulot|taf|bricolage|montage|reparation|job) (?:de |d.)(?:gitan|romano|rom|arabe|negre|bougnoule|"
    r"juif|nomade)s?\b",
    rf"\b(?:a|typical|proper|right|real|total|classic|such a|what a) {_WHO_EN} (?:job|workmanship|bodge|repair|fix|"
    r"behaviou?r|logic|mentality|standards?|timekeeping|efficiency|tricks?|moves?|prices?|tactics?|deal|haggl\w*)\b",
    r"\b(?:prix|truc|plan|coup|arnaque|mentalite|reflexe|comportement) (?:de |d.)(?:gitan|romano|arabe|negre|"
    r"bougnoule|juif|rebeu|renoi|feuj|musulman|immigre|migrant|clandestin)s?\b",
    rf"\b(?:tight|stingy|greedy|dirty|lazy|thieving|mean|shifty|sly|cheap) (?:as|like) (?:a |an |the |some )?{_WHO_EN}"
    rf"{_TAIL}|\b{_TRAIT} comme (?:un|une|des|les|tous les) {_WHO_FR}{_TAIL}|\bjew(?:ed|ing|s)? (?:me|him|her|them|us|"
    r"you|the \w+|it) down\b",
    # The person's "lot" or "race", with a trait: "exactly what you'd expect from his lot - tight, shifty", "like
    # the rest of his lot", "radine comme tous les gens de sa race".
    rf"\b(?:expect(?:ed)?|typical|like all|like the rest|same as (?:all|the rest)|just like) (?:from |of )?(?:all )?"
    rf"(?:the rest of )?(?:his|her|their|that|your) {_KIND}\b(?!\s+(?:of|in|at|on|from)\b)(?=[^.!?\n]{{0,80}}\b"
    rf"{_TRAIT}\b|\s*(?:$|[.!?]))|\b{_TRAIT}\b[^.!?\n]{{0,60}}\b(?:like|as|same as) (?:all |the rest of )?(?:his|her|"
    rf"their) {_KIND}\b(?!\s+(?:of|in|at|on|from)\b)|\bexactly what you.d expect from (?:his|her|their) {_KIND}\b"
    r"(?!\s+(?:of|in|at|on|from)\b)",
    rf"\b(?:comme|typique de|bien de|digne de) (?:tous |toutes )?(?:ceux |celles |les gens |les siens )?(?:de )?"
    rf"(?:sa|leur|son) {_KIND_FR}\b(?=[^.!?\n]{{0,80}}\b{_TRAIT}\b)|\b{_TRAIT}\b[^.!?\n]{{0,60}}\b(?:comme|typique de|"
    rf"bien de|digne de) (?:tous |toutes )?(?:ceux |celles |les gens |les siens )?(?:de )?(?:sa|leur|son) "
    rf"{_KIND_FR}\b|\bles gens de (?:sa|leur) race\b",
    # Who they are, then what one expected of them: "he's a jew so what did I expect", "c'est un gitan, forcément".
    rf"\b(?:he.s|she.s|he is|she is|they.re|they are|is|are|was|were|c.est|c.etait|il est|elle est|est|sont) "
    rf"(?:a |an |un |une |des )?(?:{_WHO_EN}|{_WHO_FR})\b(?:,? (?:so |alors |donc )?(?:what did (?:i|you|we) "
    r"expect|what do you expect|no surprise|figures|go figure|of course|obviously|naturally|"
    r"quelle surprise|forcement|evidemment|normal|pas etonnant|comme par hasard|"
    r"tout s.explique|ca explique tout|that explains it)|, (?:as usual|typical|comme d.hab|comme toujours))\b",
]
# A group named, then "you know what they're like", "on sait comment ils sont": said of kittens it is no group.
_THEY_ARE_LIKE = re.compile(
    r"\b(?:you know|we (?:all )?know|everyone knows|we all know|on sait (?:tous |bien )?|tout le monde sait|vous savez|"
    r"tu sais) (?:what|how|comment) (?:they|ils|elles|ces gens(?:[- ]?la)?|those people|that lot)(?:.re| are| sont)?"
    r"(?: like)?\b"
)
# The money trope needs no group named: "landlord's one of them, you know what they're like with money".
_BLAME.append(
    r"\b(?:you know|we (?:all )?know|everyone knows|on sait (?:tous |bien )?|tout le monde sait|vous savez|tu sais) "
    r"(?:what|how|comment) (?:they|ils|those people|ces gens(?:[- ]?la)?)(?:.re| are| sont)? (?:like )?(?:with|avec) "
    r"(?:money|cash|their money|l.argent|le fric|les sous|leur argent|le pognon)\b"
)
_MONEY_SHAPE = _BLAME[-1]
_KIND_SHAPES = [p for p in _BLAME if _KIND in p or _KIND_FR in p]
# Each searched only where its words are: a group named, a "lot" or "race" said of someone, money and "they".
_BY_GROUP = re.compile("|".join(f"(?:{p})" for p in _BLAME if p not in _KIND_SHAPES and p != _MONEY_SHAPE))
_BY_KIND = re.compile("|".join(f"(?:{p})" for p in _KIND_SHAPES))
_BY_MONEY = re.compile(_MONEY_SHAPE)
_KIND_NEEDS = re.compile(
    r"\b(?:his|her|their|that|your) (?:lot|kind|sort|tribe|race|breed|ilk|clan)\b|\b(?:sa|leur|son) (?:race|espece|"
    r"engeance|communaute|tribu|ethnie|clan)\b"
)
_MONEY_WORDS = frozenset(("money", "cash", "argent", "fric", "sous", "pognon"))
# "They" and money said of banks, companies or children is no people.
_MONEY_THEY_SAID_OF = re.compile(
    r"\b(?:banks?|bankers?|banques?|banquiers?|compan(?:y|ies)|corporations?|big business|supermarkets?|retailers?|"
    r"kids|children|teenagers|enfants|ados|students|etudiants|politicians|politiques|government|gouvernement|"
    r"landlords|brands|marques|entreprises)\b"
)
# A text that condemns the prejudice it reports, unless it is the "I'm not racist, but" of the prejudice itself.
_CONDEMNS = re.compile(
    r"racis|prejudic|prejuge|stereotyp|bigot|discrimin|xenophob|homophob|transphob|antisemit|islamophob|hate speech|"
    r"amalgame|cliches?\b"
)
_NOT_RACIST_BUT = re.compile(r"\b(?:not|pas|sans etre|never been) (?:a |un )?racist")
# A ROM is a chip or a game file in a text about consoles.
_ROM_TECH = re.compile(
    r"\b(?:consoles?|emulat\w*|bios|firmware|flash\w*|cartouches?|cartridges?|jeux?|games?|retro|custom|android|iso|"
    r"nintendo|sega|playstation|ps\d|gameboy|memoire|memory|eeprom|cd-?rom|hack)\b"
)
# The words every shape above names: most texts have none and pay one set intersection.
_GATE_WORDS = frozenset(
    "gypsy gypsies gipsy gipsies gyppo gyppos gippo gippos pikey pikeys roma romani romanies romanian romanians "
    "albanian albanians jew jews muslim muslims moslem moslems muzzies arab arabs paki pakis immigrant immigrants "
    "migrant migrants refugee refugees illegals foreigner foreigners asylum blacks gay gays trannies tranny trannys "
    "poof poofs homo homos lesbian lesbians dyke dykes travellers travelers tinkers gitan gitane gitans gitanes rom "
    "roms romano romanos juif juifs juive juives feuj feujs arabe arabes rebeu rebeus bougnoule bougnoules musulman "
    "musulmane musulmans musulmanes immigre immigree immigres immigrees migrante migrantes clandestin clandestine "
    "clandestins clandestines etranger etrangere etrangers etrangeres roumain roumaine roumains roumaines albanais "
    "albanaise albanaises noirs noires renois negre negres pd pds pede pedes tarlouze tarlouzes nomade nomades jewed "
    "jewing".split()
)
_KIND_WORDS = frozenset("lot kind sort tribe race breed ilk clan espece engeance communaute tribu ethnie".split())

_KNOW_WORDS = frozenset(("know", "knows", "sait", "savez", "sais"))


def blamed_group(text: str) -> list[re.Match[str]]:
    """A group blamed for a defect or a crime (``_BLAME``, ``_THEY_ARE_LIKE``) in the ``words`` view, but in a text
    that condemns the prejudice or where "rom" is a console's."""
    words = words_of(text)
    found = list(_BY_GROUP.finditer(text)) if _GATE_WORDS & words else []
    if _KIND_WORDS & words and _KIND_NEEDS.search(text):
        found += _BY_KIND.finditer(text)
    if _MONEY_WORDS & words and _KNOW_WORDS & words and not _MONEY_THEY_SAID_OF.search(text):
        found += _BY_MONEY.finditer(text)
    if _KNOW_WORDS & words and _ANY_PEOPLE.search(text):
        found += _THEY_ARE_LIKE.finditer(text)
    if not found:
        return []
    if _CONDEMNS.search(text) and not _NOT_RACIST_BUT.search(text):
        return []
    if _ROM_TECH.search(text):
        found = [m for m in found if not re.search(r"\broms?\b", m.group(0))]
    return found
