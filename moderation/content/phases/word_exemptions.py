"""Where a listed insult is not the writer's: said of a story's character, quoted as its dialogue, part of a title,
called at pests a customer got rid of, or what one complains of being taken for ("ils nous prennent pour des cons").
``words`` asks these after it has found a word aimed at someone."""

from __future__ import annotations

import re

from moderation.content.normalise import base_view
from moderation.content.phases.shapes import (
    NARRATIVE,
    SECOND_PERSON,
    STAFF,
    STAFF_EN,
    STAFF_FR,
    quoted,
    sentence_around,
)
from moderation.content.verdict import Context

# Who a book, a film or a game is about: "the villain is a total idiot", "le héros est un vrai crétin".
_CHARACTER = re.compile(
    r"\b(?:characters?|villains?|heroe?s?|heroines?|protagonists?|antagonists?|narrators?|personnages?|mechants?|"
    r"protagonistes?|narrat(?:eur|rice)s?)\b"
)

# The character as the one the word is said of: "le méchant du film est un vrai connard" (not "un rôle de …", where the
# word may be a slur the review itself uses).
_CHARACTER_IS = re.compile(
    rf"{_CHARACTER.pattern}[^.!?]{{0,40}}\b(?:is|was|s|est|etait|c.est|c.etait)\b[^.!?]{{0,30}}$"
)
# A story's roles, in a text that tells one (``NARRATIVE``): "le tueur dans ce polar est un vrai salaud".
_ROLE_IS = re.compile(
    r"\b(?:tueur|tueuse|killer|serial killer|meurtri\w+|murderer|assassin|psychopathe?|psycho|monstre|monster|"
    r"bourreau|kidnappeur|ravisseur|inspecteur|commissaire|detective|antagonist\w*|bad guy)s?\b[^.!?]{0,40}\b(?:is|"
    r"was|s|est|etait|c.est|c.etait)\b[^.!?]{0,30}$"
)

# A story by its name, not by reading it ("learn to read", "elle a pas lu la description" are about a customer).
_STORY = re.compile(
    r"\b(?:novels?|books?|films?|movies?|plot|chapters?|series|episodes?|sitcom|romans?|livres?|bouquins?|tomes?|"
    r"sagas?|intrigue|scenario|polar|thriller|serie|bd|manga)\b"
)


def said_of_a_character(view: str, start: int, end: int) -> bool:
    """Whether "X is a …" is said in a sentence about a story and no one on the page: "Ignatius is a fat slob,
    hilarious book", "the villain is a total idiot but the film is fun". A staff member or "you" in it still is."""
    sentence = sentence_around(view, start, end)
    if _CHARACTER.search(sentence):
        return True
    return bool(_STORY.search(sentence)) and not STAFF.search(sentence) and not SECOND_PERSON.search(sentence)


# Besides a book's words (``NARRATIVE``), those of a film, a series, a game or a song, said of what is quoted: "les PNJ
# passent leur temps à te traiter de « connard »", "the villain's line 'you worthless…'", a song's played through
# the headphones under review ("'F*** you, I won't do what you tell me' has never sounded so clean").
_ON_SCREEN = re.compile(
    r"\b(?:series|serie|episodes?|scenes?|villains?|mechants?|pnj|npcs?|gameplay|dialogues?|"
    r"repliques?|jeu video|video ?games?|acteurs?|actrices?|actors?|actress|songs?|lyrics|chansons?|paroles|albums?|"
    r"tracks?|rap|rappeur|rapper|chorus|refrain|karaoke|playlist|full volume|plein volume|headphones?|earbuds?|"
    r"speakers?|casque audio|enceintes?)\b"
)


def dialogue_in_a_story(ctx: Context, start: int, end: int) -> bool:
    """Whether the original ``[start:end]`` is quoted in a text that tells a story (``NARRATIVE``, ``_ON_SCREEN``):
    "the inspector yells « sale ordure » at the suspect" is the book's line, not the reviewer's insult."""
    if not quoted(ctx.text.original, start, end):
        return False
    return NARRATIVE.search(ctx.text.base.text) is not None or _ON_SCREEN.search(ctx.text.base.text) is not None


# What follows a quotation that names a product ("the 'Bad Bitch Energy' phone case", "le mug « Connard
# professionnel »"), or that was said to a thing ("yelling 'you stupid robot!' at this toy", "crier « sale machine »
# à l'imprimante").
_CLOSING_QUOTE = re.compile("['\"»”’]")
_PRODUCTS = (
    r"(?:phone ?cases?|coques?|t-?shirts?|tees?|shirts?|hoodies?|sweat\w*|mugs?|"
    r"tasses?|stickers?|autocollants?|posters?|affiches?|prints?|cards?|cartes?|albums?|songs?|chansons?|board games?|"
    r"sauces?|candles?|bougies?|caps?|casquettes?|hats?|totes?|tote bags?|bags?|sacs?|designs?|slogans?|motifs?|"
    r"socks?|chaussettes?|keyrings?|porte-cles|magnets?|editions?|versions?|flavou?rs?|parfums?|scents?|colou?rways?|"
    r"models?|modeles?|range|gamme|collection)"
)
_PRODUCT_AFTER = re.compile(rf"\W{{0,3}}\s*(?:[\w-]+\s+)?{_PRODUCTS}\b")
_OPENING_QUOTE = re.compile("['\"«“‘][^'\"«“‘]*$")
_PRODUCT_BEFORE = re.compile(rf"\b{_PRODUCTS}\W{{0,3}}$")
_TO_A_THING = re.compile(
    r"\W{0,3}\s*(?:at|to|a|au|contre) (?:the |this |that |my |his |her |our |ce |cette |mon |ma |son |sa |le |la |"
    r"l')?(?:toys?|robots?|dolls?|speakers?|alexa|siri|tv|telly|screens?|games?|consoles?|controllers?|computers?|"
    r"laptops?|phones?|printers?|apps?|machines?|devices?|cars?|gps|satnav|it|jouets?|poupees?|enceintes?|ecrans?|"
    r"jeux?|manettes?|ordis?|ordinateurs?|telephones?|imprimantes?|applis?|voitures?|television|tele)\b"
)


# A stain is "une vraie tache" too, where what it is of or where it is follows.
_A_STAIN = re.compile(
    r"\S*\s*t[aâ]ches?\s+(?:de|d'|d’|du|des|sur|sous|au|aux|a|dans|qui ne|indelebiles?|noires?)\b(?! merde| service)"
)


def not_at_anyone(ctx: Context, start: int, end: int) -> bool:
    """Whether the original ``[start:end]`` is said of a story's character in a sentence with no one of the page in
    it ("le méchant du film est un vrai connard", "the villain in this novel is a spineless bastard": any listed word,
    not only the ``@target`` ones ``said_of_a_character`` reads; ``_CHARACTER_IS``), or is quoted as a story's dialogue
    (``dialogue_in_a_story``), as a product's name, or as words said to a thing (``_PRODUCT_AFTER``,
    ``_TO_A_THING``)."""
    if dialogue_in_a_story(ctx, start, end):
        return True
    original = ctx.text.original
    if _A_STAIN.match(base_view(original[start : end + 30]).text):  # "une vraie tache de gras sur le col"
        return True
    sentence = base_view(sentence_around(original, start, end)).text
    before = base_view(original[max(0, start - 90) : start]).text
    in_a_story = _CHARACTER_IS.search(before) or (_ROLE_IS.search(before) and NARRATIVE.search(ctx.text.base.text))
    if in_a_story and not STAFF.search(sentence) and not SECOND_PERSON.search(sentence):
        return True
    if not quoted(original, start, end):
        return False
    opening = _OPENING_QUOTE.search(original, max(0, start - 60), start)
    if opening is not None and _PRODUCT_BEFORE.search(
        base_view(original[max(0, opening.start() - 40) : opening.start()]).text
    ):
        return True
    closing = _CLOSING_QUOTE.search(original, end, end + 60)
    if closing is None:
        return False
    after = base_view(original[closing.end() : closing.end() + 60]).text
    return _PRODUCT_AFTER.match(after) is not None or _TO_A_THING.match(after) is not None


# Pests a customer got rid of, and the words they are called: "six of the little bastards dead in the first week",
# "ces saloperies de limaces". A text names the pest and the trap, bait or poison sold against it; a sentence spoken
# to someone or naming staff keeps its insult.
_PESTS = re.compile(
    r"\b(?:mice|mouse|rats?|slugs?|snails?|wasps?|hornets?|moles?|ants|fleas?|ticks|cockroach\w*|roaches|flies|"
    r"mosquito\w*|squirrels?|pigeons?|gophers?|voles?|bed ?bugs?|termites?|moths?|aphids?|rodents?|vermin|souris|"
    r"limaces?|escargots?|guepes?|frelons?|taupes?|fourmis|puces|tiques|cafards?|blattes?|mouches?|moustiques?|"
    r"punaises?|mites?|rongeurs?|nuisibles|pucerons?|chenilles?)\b"
)
_PEST_CONTROL = re.compile(
    r"\b(?:traps?|mousetraps?|bait|baits|repellents?|poison|raticide|insecticides?|pieges?|appats?|repulsifs?|"
    r"tapettes?|zappers?|pest control)\b"
)
_SPOKEN_OR_STAFF = re.compile(
    rf"\b(?:you|u|ur|your|tu|t'|vous|toi|te|{STAFF_EN}|{STAFF_FR}|customer service|support|sav|service client|"
    r"company|team|equipe|boite|societe|entreprise|people|gens|they|ils|elles)\b"
)


def said_of_pests(ctx: Context, start: int, end: int) -> bool:
    """Whether the original ``[start:end]`` calls pests names (``_PESTS`` and ``_PEST_CONTROL``, nobody spoken to)."""
    base = ctx.text.base.text
    if _PESTS.search(base) is None or _PEST_CONTROL.search(base) is None:
        return False
    return _SPOKEN_OR_STAFF.search(base_view(sentence_around(ctx.text.original, start, end)).text) is None


# A title or a name in a review of a story: the word capitalised inside a sentence ("déjà refroidi par Motherfucker",
# "un Dumb and Dumber des temps modernes", "le groupe Fuck Off", "une sorte de Freak show"), not at its start, not in
# capitals throughout (shouting), and not after words that aim it ("t'es un Connard", "you Moron").
_TITLE_CASE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+")
_AIMING = re.compile(
    r"(?:\b(?:you|u|ur|your|t'es|tu es|t’es|espèce de|espece de|sale|bande de|ce|cette|ces|quel|quelle|what an?|"
    r"(?:est|sont|était|etait|is|are|was|were|c'est|c’est)(?: un| une| des| a| an| the| le| la| les)?)\s+"
    r"(?:\w+\s+)?)$",
    re.IGNORECASE,
)


def a_title_in_a_story(ctx: Context, start: int, end: int) -> bool:
    """Whether the original ``[start:end]`` reads as a title or a name in a text that tells a story (see above)."""
    original = ctx.text.original
    first = original[start:end].split()[0] if original[start:end].split() else ""
    if not _TITLE_CASE.fullmatch(first):
        return False
    before = original[max(0, start - 40) : start]
    if not before.strip() or before.rstrip()[-1:] in '.!?:«"“' or _AIMING.search(before):
        return False
    return NARRATIVE.search(ctx.text.base.text) is not None or _ON_SCREEN.search(ctx.text.base.text) is not None


# A word the lists mark ``@fan`` ("freak") is a fan after a noun, the dictionary's "ardent enthusiast": "she was a
# candy freak", "a fitness freak", "I'm a neat freak". After a word that scorns ("a total freak", "that creepy freak",
# "circus freak") or an adjective's ending ("useless", "pathetic"), or called at someone ("you gym freak"), it stays
# the insult.
# No noun before it: the words that scorn, and the little words of a sentence.
_SCORNING = frozenset(
    "total complete absolute utter real little big old sick sicko weird creepy crazy crazed stupid dumb ugly fat gross "
    "nasty dirty evil mean lazy insane twisted deranged psycho perverted demented depraved wretched inbred fucking "
    "freaking bloody damn damned circus sideshow jesus religious "
    "a an the this that these those such what some any you your u ur is are was were be been am like as of and or to "
    "for with at by from in on not so very too just".split()
)
_ADJECTIVE_ENDING = re.compile(r"(?:less|ful|ous|ive|ish|able|ible|ic|al)$")
# Fans' nouns that end like adjectives: "music freak", "comic freak", "metal freak".
_FAN_NOUNS_LIKE_ADJECTIVES = frozenset({"music", "comic", "metal", "animal"})
_NOUN_BEFORE = re.compile(r"(?:^|[^a-z'-])([a-z]+)(?:-| +)$")
_CALLED_AT = re.compile(r"\b(?:you|your|u|ur)\s*$")


def a_fan(view: str, start: int) -> bool:
    """Whether the ``@fan`` word at ``start`` of ``view`` names a fan of what the word before it names."""
    window = view[max(0, start - 40) : start]
    m = _NOUN_BEFORE.search(window)
    if m is None:
        return False
    noun = m.group(1)
    if noun in _SCORNING or (_ADJECTIVE_ENDING.search(noun) and noun not in _FAN_NOUNS_LIKE_ADJECTIVES):
        return False
    return not _CALLED_AT.search(window, 0, m.start(1))


# Clowns in costume are clowns: "the staff were clowns in costumes for Halloween", "on avait engagé des clowns".
_CLOWNS_HIRED = re.compile(
    r"\b(?:costumes?|dressed (?:up )?as|make-?up|maquill\w*|deguis\w*|halloween|carnival|carnaval|circus|cirque|"
    r"kermesse|balloons?|ballons? sculpt\w*|red nose|nez rouge|hired|engage\w*|embauch\w*)\b"
)


def clowns_in_costume(view: str, start: int, end: int) -> bool:
    """Whether the "clown" at ``[start:end]`` of ``view`` is one in costume (``_CLOWNS_HIRED`` in its sentence)."""
    return view.startswith("clown", start) and _CLOWNS_HIRED.search(sentence_around(view, start, end)) is not None


# Up to two words between a cue and the insult (as ``words`` reads it).
_FILLER = r"(?:[a-z'*-]+\s+){0,2}$"
# Being treated as, or taken for, a fool is a complaint, not a name called: "ils nous prennent pour des idiots", "tu
# me prends pour un con ?", "treating customers like idiots", "je suis passé pour un idiot", "they must think we are
# idiots", an actor who "joue un formidable imbécile".
_TREATED_AS = re.compile(
    r"\b(?:pren\w*|pris|prises?|passe\w*|take|takes|taking|took|treat\w*|trait\w*)(?:\s+[a-z']+){0,3}"
    r"\s+(?:pour|like|as|for|comme)\s+(?:[a-z'*-]+\s+){0,6}$"  # "pour des vaches à lait et des abrutis"
    r"|\b(?:think|thinks|thought|assumes?|assumed|believes?)\s+(?:that\s+)?(?:we|we'?re|us|people|customers|their"
    rf" customers|everyone|everybody|consumers|buyers|shoppers)(?:\s+(?:are|were|r|all))?\s+{_FILLER}"
    r"|\b(?:pens\w*|croi\w*)\s+(?:qu'?on|que nous|que les (?:gens|clients|consommateurs))\s+(?:est|sont|sommes)"
    rf"\s+{_FILLER}"
    rf"|\b(?:jou\w+|incarn\w+|interpret\w+|plays?|played|playing)\s+(?:un|une|des|les|le|la|a|an|the)\s+{_FILLER}"
)
# Name-calling inside what follows the idiom is still name-calling: "prends pour ta gueule, espèce d'idiot".
_NAME_CALLING = re.compile(r"\b(?:espece|bande|sale|sales)\b|\b(?:t'?es|tu es|vous etes|you are|you'?re)\s")


def treated_as_a_fool(before: str) -> bool:
    """Whether ``before`` (the words view before a listed word) ends in being treated as or taken for one."""
    treated = _TREATED_AS.search(before)
    return treated is not None and not _NAME_CALLING.search(treated.group(0))
