"""Harm words the safety lane reads that tell of no product hazard: food cooked too long, hurt feelings, and a
danger that is someone's advice or claim in a discussion.

- "il a cramé les merguez", "le grille-pain crame un côté": cooking gone too far is a complaint, not a fire;
- "j'ai cramé tout mon budget", "tout cramer en soldes", "cramé 200 € en une heure", "les prix m'ont cramé le
  portefeuille", "burnt a hole in my wallet": money spent, not a fire;
- "the explosions look amazing on this 4K disc", "we blew up their base": blasts on a screen or in a game, set off
  by the players, not a device that blew up;
- "blessée à vie 😭", "blessé dans mon orgueil": a figure of hurt feelings;
- "mon forfait a explosé", "my phone bill exploded", "le Bitcoin va exploser": an amount that grew, not a blast;
  "j'ai failli tomber de ma chaise" at the price: surprise, not a fall;
- "it's genuinely dangerous advice", "tu conseilles du miel pour un bébé ? C'est dangereux", "you're wrong about
  carbon frames being unsafe": a danger word aimed at what someone says, in a forum's argument. The danger of a
  product still lifts by its own words ("caught fire", "s'est brûlé", "overheats"), which this leaves alone: only
  the bare words "dangerous", "unsafe", "danger" are read here;
- "hope the CEO chokes on his bonus", "j'espère que le gérant s'étouffe avec": harm wished on a person is abuse
  (``threats``), not a report of what the product did.
"""

from __future__ import annotations

import re

from moderation.content.phases.shapes import EN_WISH, FR_WISH, PERSON_NOUN, sentence_around

_FOOD = re.compile(
    r"\b(?:merguez|saucisses?|chipos?|chipolatas?|steaks?|viandes?|pain|toasts?|tartines?|grille-pain|toaster|crepes?|"
    r"gateaux?|pizzas?|frites|riz|pates|oignons?|bbq|barbecue|poeles?|casseroles?|cuisson|burgers?|brochettes?|"
    r"cotes?|gaufres?|biscuits?|cookies?|croissants?|tarte|quiche|roti|poulet|lardons|bacon|omelette|sauce)\b"
)
# Money, or a spree, a few words after "cramer": "cramé tout mon budget", "crame 300 balles", "tout cramer en promos".
_MONEY_AFTER = re.compile(
    r"^(?: [\w']+){0,3}? (?:budget|argent|fric|thunes?|tunes|pognon|oseille|salaire|paie|paye|economies|"
    r"cagnotte|credits?|forfait|data|points|bons? d.achat|cheques? cadeaux?|cartes? cadeaux?|balles|euros?|eur|"
    r"portefeuilles?|porte-monnaie|porte-feuille|compte(?: en banque| bancaire)?|cb|carte bleue|livret|epargne|"
    r"\d+(?:[.,]\d+)? ?(?:€|e|eur|euros?|balles|k|\$|dollars?)|"
    r"en (?:soldes|promos?|achats|shopping|courses|cadeaux|black friday))(?!\w)"
)
# Prices or a spree that "burnt" someone, before the word: "les prix de ce magasin m'ont cramé", "les soldes m'ont
# cramé"; and English money burnt: "burnt a hole in my wallet", "burned through my savings".
_SPEND_BEFORE = re.compile(
    r"\b(?:prix|tarifs?|soldes|promos?|achats|factures?|frais|abonnements?|courses|black friday)\b(?: [\w']+){0,4}? "
    r"(?:m|t|nous|vous|l|les)'?\s?(?:ont|a|avaient|avait|ont completement|a completement) $"
)
_MONEY_BURNT = re.compile(
    r"burn\w* (?:a hole in |through |up )?(?:my|your|our|his|her|their|the) (?:\w+ )?(?:wallets?|pockets?|budgets?|"
    r"savings|bank|account|money|cash|cards?|pay ?checks?|paycheques?|wages|credit)\b"
)
# Blasts on a screen or in a game: the noun, in a sentence about a film's picture or sound or a game ("the
# explosions look amazing on this 4K disc", "les explosions en Dolby Atmos"), and "blew up" done by the players to
# something ("we blew up their base", "we cleared the raid and blew up their base", "I blew up the balloons"). "The
# battery blew up" and "I was asleep and the charger blew up the socket" have no player right before it.
_SCREEN = re.compile(
    r"\b(?:4k|uhd|hdr|blu-?ray|dvd|disc|cgi|vfx|special effects|effets speciaux|visual effects|sound design|surround|"
    r"dolby|atmos|dts|soundtrack|bande[- ]son|movies?|films?|cinema|scenes?|director|realisateur|trailer|"
    r"bande-annonce|episodes?|series|anime|cartoon|video ?games?|jeux? video|gameplay|graphics|graphismes|"
    r"multiplayer|multijoueur|co-?op|shooter|fps|campaign|missions?|on[- ]screen|a l'ecran|hollywood|blockbuster)\b"
)
_BLAST_NOUN = re.compile(r"explosions?")
_PLAYER_BEFORE = re.compile(
    r"\b(?:we|i|you|u|they|he|she|ya|y'all|kids|children|son|daughter|husband|wife|friends|team|squad)"
    r"(?:(?: (?!(?:it|which|that|this|something|thing)\b)[\w']+){0,2}|"
    r"(?: (?!(?:it|which|that|this|something|thing)\b)[\w']+){0,5} (?:and|then|&|also|just)) $"
)
_SOMETHING_AFTER = re.compile(
    r" (?:the|their|a|an|his|her|my|our|your|every|all|some|enemy|enemies|them|stuff|things|everything|balloons?|"
    r"tanks?|bases?|buildings?|bridges?|cars?)\b"
)
# Destruction in a game: a blast in a sentence with a weapon or a word of games ("blew up half the map with the rocket
# launcher in the first mission", "j'ai fait exploser tout le niveau au lance-roquettes", "the explosions in level 3"),
# and no kit of the player's in it ("the console blew up during the first mission" is a device that blew up).
_GAME = re.compile(
    r"\b(?:rocket launchers?|grenade launchers?|lance-roquettes?|lance-grenades?|lance-flammes|flamethrowers?|"
    r"grenades?|c4|bazookas?|rpgs?|rockets?|roquettes?|missiles?|dynamite|sticky bombs?|nukes?|snipers?|shotguns?|"
    r"missions?|boss|bosses|quests?|quetes?|campaign|campagne|respawns?|multiplayer|multijoueur|enemies|enemy|"
    r"ennemis?|squad|escouade|zombies?|gameplay|video ?games?|jeux? video|games?|gamers?|loot|headshots?|fps|pvp|"
    r"co-?op|speedrun\w*|npcs?|pnj|mobs?|checkpoints?|(?:levels?|niveaux?|stages?|maps?) \d+|(?:first|second|third|"
    r"last|final|next|whole|entire|premier|dernier|deuxieme|tout le|toute la) (?:level|niveau|stage|map|carte))\b"
)
# Anger: "she blew up at me".
_ANGER = re.compile(r" at (?:me|him|her|us|them|you|the (?:staff|waiter|waitress|manager|kids?))\b")
_PLAYERS_KIT = re.compile(
    r"\b(?:consoles?|controllers?|manettes?|batter\w*|charg(?:er|ers|eur|eurs|ing)|pc|laptops?|tv|tele|headsets?|"
    r"casques?|screens?|ecrans?|power ?(?:supply|brick|bank)|alim\w*|plugs?|prises?|graphics cards?|cartes? "
    r"graphiques?|gpu|psu|cables?|devices?|appareils?|sockets?|adapt\w*)\b"
)
_HURT_FEELINGS = re.compile(
    r"bless(?:e|ee|es|ees) (?:a vie|pour la vie|dans (?:mon|ma|son|sa|notre|leur|mes|ses) (?:orgueil|ego|"
    r"amour[- ]propre|fierte|coeur|ame))"
)
# A bill, a price or a count just before the word: "ma facture d'électricité a explosé", "the price exploded".
_AMOUNT_BEFORE = re.compile(
    r"\b(?:forfaits?|factures?|prix|budgets?|compteurs?|conso|consommation|tarifs?|abonnements?|notes?|loyers?|"
    r"charges|ventes|vues|abonnes|likes|stats|audience|bills?|prices?|costs?|rent|sales|views|followers|"
    r"subscribers|bitcoins?|btc|crypto\w*|tokens?|cours|actions?|bourse|stocks?|shares?|market)\b"
    r"(?: (?:[\w']+ ){0,3}?)?(?:a |ont |have |has |just |literally |va |vont |will |is going to |gonna )*$"
)
_SURPRISE = re.compile(
    r"\s+(?:de (?:ma|sa|ta|notre|leur) chaise|des nues|a la renverse|de haut|off (?:my|his|her) chair)"
)
_BARE_DANGER = re.compile(r"danger(?:eux|euse|euses|ous)?|unsafe|not safe")
# Someone else's words: "you keep saying…", "tu conseilles…", "your advice", "dangerous advice", "wrong about…".
_SOMEONES_WORDS = re.compile(
    r"\b(?:(?:you|u)(?:'re| are)?(?: keep| always| still| just| really| seriously| even)? (?:advis\w*|"
    r"recommend\w*|suggest\w*|say|saying|said|claim\w*|tell(?:ing)? (?:people|everyone|others|beginners|newbies))"
    r"|(?<!je )(?:tu|vous)(?: (?:nous|leur|lui|le|les|me|m'))? (?:conseill\w*|recommand\w*|sugger\w*|dis|dites|"
    r"affirm\w*|pretend\w*|propos\w*)"
    r"|(?:your|ton|ta|tes|vos|votre) (?:advice|tips?|take|claim|suggestion|conseils?|idee|affirmation)"
    r"|(?:dangerous|unsafe|dangereux|dangereuse|dangereuses) (?:advice|tips?|take|claims?|idea|suggestion|"
    r"information|misinformation|conseils?|idee|affirmation)"
    r"|(?:wrong|tort) (?:about|sur)|renseigne-toi|renseignez-vous|(?:post|give|cite) (?:a|an actual|your) source"
    # A person said to be the danger: "if you had a brain you'd be dangerous".
    r"|(?:you|u|he|she|they)(?:'d| would| d) be (?=dangerous))\b"
)


# Wished on someone just before the word: "hope the CEO chokes", "may the seller burn", "j'espère que le patron
# s'étouffe". Not the worry of "I hope my son doesn't choke on the cap" (no person of the shop, and a negation).
_WISHED_ON_SOMEONE = re.compile(
    rf"\b(?:{EN_WISH} |{FR_WISH})(?:he|she|il|elle|"
    rf"(?:the|that|this|your|le|la|les|ce|cette|ces) (?:[a-z]+ ){{0,2}}?(?:{PERSON_NOUN}|ceo|boss|pdg|owner|driver))"
    r"(?: (?:finally|just|will|would|va|se|s.))?\s*$"
)


def talk_not_hazard(text: str, m: re.Match[str]) -> bool:
    """Whether the safety word matched by ``m`` (on the base view ``text``) is cooking, money spent, hurt feelings,
    an amount that grew, harm wished on someone or a debate."""
    words = m.group(0)
    sentence = sentence_around(text, m.start(), m.end())
    if words.startswith("cram") and (
        _FOOD.search(sentence)
        or _MONEY_AFTER.match(text[m.end() : m.end() + 60])
        or _SPEND_BEFORE.search(text, max(0, m.start() - 60), m.start())
    ):
        return True
    if words.startswith("burn") and _MONEY_BURNT.match(text, m.start()):
        return True
    if _BLAST_NOUN.fullmatch(words) and _SCREEN.search(sentence):
        return True
    if words.startswith(("blew up", "blows up")) and _ANGER.match(text, m.end()):
        return True
    if ("explo" in words or words.startswith(("blew up", "blows up"))) and (
        _GAME.search(sentence) and not _PLAYERS_KIT.search(sentence)
    ):
        return True
    if words.startswith(("blew up", "blow")) and (
        _PLAYER_BEFORE.search(text, max(0, m.start() - 60), m.start()) and _SOMETHING_AFTER.match(text, m.end())
    ):
        return True
    if words.startswith("bless") and _HURT_FEELINGS.match(text, m.start()):
        return True
    if "explo" in words and _AMOUNT_BEFORE.search(text, max(0, m.start() - 50), m.start()):
        return True
    if "tomb" in words and _SURPRISE.match(text, m.end()):
        return True
    if _WISHED_ON_SOMEONE.search(text, max(0, m.start() - 60), m.start()):
        return True
    if not _BARE_DANGER.fullmatch(words):
        return False
    # The danger is in what a member said: this sentence, or the one before it, speaks of their words.
    previous = text.rfind(".", 0, max(0, text.rfind(".", 0, m.start())))
    before = text[max(0, previous + 1) : m.start()]
    return _SOMEONES_WORDS.search(sentence) is not None or _SOMEONES_WORDS.search(before) is not None


__all__ = ["talk_not_hazard"]
