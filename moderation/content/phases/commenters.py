"""What is said to another commenter, in French and English: sexual advances, veiled threats and threats in emoji,
held as ``abusive``.

A body is a fair subject on a clothing page ("ce legging fait de jolies fesses", "squat proof and great for the
butt", "taille parfaite pour une poitrine généreuse"). What makes a remark an advance is whom it is aimed at: a text
that speaks to one commenter by their handle ("@camille_run") and appraises their body ("nice ass", "t'as des fesses
de rêve", "gros nichons la meuf sur ta photo"), asks them for pictures in private ("envoie-moi d'autres photos en
mp"), or calls them "babe" or "sexy" with a "DM me". Asking anyone for nudes needs no handle.

A veiled threat in the second person is held too: "à ta place je fermerais bien ma porte ce soir", someone's running
route known and then "be careful out there". A weapon in emoji is a threat when it is aimed at someone the same way,
with death or a devil beside it or words of pursuit: "@thomas jte retrouve 🔪", "keep talking @trail_queen 🔫💀". A
knife's review ("ce couteau 🔪 tranche tout") aims it at nobody.

Matching is on the ``base`` view (accents and case folded, the "@" kept).
"""

from __future__ import annotations

import re

from moderation.content.phases.shapes import HANDLE, any_of, unquoted
from moderation.content.phases.shapes import Q as _Q
from moderation.content.verdict import Context, Match

_HANDLE = re.compile(rf"(?<![\w.]){HANDLE}")  # not the name in an e-mail address
_BODY = r"(?:cul|fesses|seins|nichons|nibards|lolos|boobs|tits|titties|ass|arse|booty|cleavage|chatte|pussy|dick|cock)"
# Said to "you" without an appraisal, only the words that are sexual whatever is said of them: "bouge ton cul" and
# "get your ass over here" are rude, not advances. ("rack" and "bite" are a bike's and a bite of cake.)
_BODY_SPOKEN_TO = r"(?:fesses|seins|nichons|nibards|lolos|boobs|tits|titties|cleavage|chatte|pussy|dick|cock)"
_APPRAISAL = (
    r"(?:nice|great|hot|sexy|fine|perfect|big|juicy|tight|beau|belle|beaux|belles|joli|jolie|jolis|jolies|gros|grosse|"
    r"bon|bonne|sacre|sacree|superbes?)"
)
# A body appraised is an advance only when it is the commenter's: spoken to ("t'as", "your", "ta photo"), or with a
# leer ("🥵", "😏"). Two customers comparing a legging's fit ("@julie oui, il fait un beau cul, je confirme") are not.
_BODY_REMARK = any_of(
    [
        rf"\b{_APPRAISAL} (?:petit |petite |paire de |pair of )?{_BODY}\b",
        rf"\b{_BODY} (?:de reve|de folie|a croquer)\b",
        rf"\b(?:t{_Q}\s*as|tu as|vous avez|your|ur|ton|tes|ta|vos|votre) (?:un |une |des |de |d{_Q}\s*)?(?:[a-z]+ )?"
        rf"{_BODY_SPOKEN_TO}\b",
    ]
)
_YOURS = re.compile(
    rf"\b(?:t{_Q}\s*as|tu|te|t{_Q}|ta|ton|tes|toi|your|ur|you|u|pics?|photos?|selfies?|insta|snap)\b"
    "|[\U0001f975\U0001f924\U0001f60f\U0001f60d\U0001f351\U0001f346\U0001f445]"  # hot, drool, smirk, heart eyes, 🍑🍆👅
)
_PICTURES = r"(?:photos?|pics?|pictures?|selfies?|nudes?|videos?)"
_PRIVATE = r"(?:en prive|en mp|en dm|par mp|par message|in (?:my |the )?dms?|privately|in private|on snap|sur snap)"
# Pet names only as pet names: "babe", "hey sexy", "coucou ma belle"; "a sexy bike" and "my baby loves it" are not.
_PET_NAME = (
    r"(?:babe|hottie|hot stuff|baby girl|(?:hey|hi|hello|yo|salut|coucou|cc) (?:sexy|beautiful|gorgeous|cutie|baby|"
    r"bebe|ma belle|ma jolie|poupee|cherie|ma biche))"
)
_DM = r"(?:dms?|pms?|inbox|message|text|mp|ecris|ecrivez|texte)(?:[- ]?(?:me|moi))?"
# A commenter's looks in their own picture: "nice profile pic", "sexy legs in that pic", "t'es canon sur ta photo".
_LOOKS = (
    r"(?:(?:nice|cute|hot|sexy|fit|peng|lovely|gorgeous|beautiful|jolies?|belles?|canon|bonnes?) (?:profile |pp |"
    r"little |new )?(?:pic|pics|photo|photos|pp|selfie|pfp|avatar|legs|body|bod|figure|curves|photo de profil|pdp|"
    r"jambes|corps|silhouette|courbes)|(?:t.es|tu es|vous etes) (?:trop |vraiment |grave )?(?:canon|bonne|sexy|"
    r"belle|bandante) sur (?:ta|tes|votre|vos) (?:photo|photos|pdp|photo de profil))"
)
_LEER = "[\U0001f975\U0001f924\U0001f60f\U0001f608\U0001f445]"  # 🥵🤤😏😈👅: a kiss (😘) is also a friend's thanks
_ADVANCE = any_of(
    [
        # Pictures asked for in private: "envoie-moi d'autres photos en mp", "send me more pics in dm".
        rf"\b(?:send|show|envoie|envoies|envoyer|envoyez|montre|montres|montrer)(?:[- ]?(?:me|moi|m{_Q}\s*))?"
        rf"(?: [\w'’]+){{0,3}}? {_PICTURES}\b[^.!?\n]{{0,30}}\b{_PRIVATE}\b",
        rf"\b{_DM}\b[^.!?\n]{{0,60}}\b{_PET_NAME}\b|\b{_PET_NAME}\b[^.!?\n]{{0,30}}\b{_DM}\b",
        # Their looks in their picture, then a pet name, a leer, private messages or "show me": "nice profile pic
        # babe 😘 … slide into my dms", "sexy legs in that pic, send me more 😏", "t'es canon sur ta photo 😏".
        rf"\b{_LOOKS}\b[^\n]{{0,120}}(?:\b{_PET_NAME}\b|{_LEER}|\b(?:show|send|montre|envoie)(?:[- ]?(?:me|moi))? "
        r"(?:more|some more|the rest|d.autres|la suite|plus)\b"
        r"(?! (?:of|du|de|des|d.) ?(?:the|this|that|it|la|le|les|ce|cette|l.))|"
        r"\b(?:slide|hop) into (?:my|ur|your) (?:dms?|inbox)\b)",
        r"\b(?:slide|sliding|hop) into (?:my|me) (?:dms?|inbox|pms?)\b[^.!?\n]{0,20}\b(?:and )?show me\b",
        r"\b(?:wanna|want to|would love to|i.d love to) see (?:more of you|what else (?:you|u)|you in|you without)\b",
        r"\b(?:look|looks|looking|be|are|r) (?:even |way |much )?(?:better|hotter|sexier|nicer) (?:without|out "
        r"of) (?:them|it|those|these|that|clothes|anything)\b",
        r"\b(?:t.es|tu es|tu serais|tu dois etre|vous etes) (?:encore )?(?:mieux|plus belle|plus sexy) (?:sans|toute "
        r"nue)\b",
        # Pictures asked for without clothes: "envoie des photos sans la robe", "send pics without the top".
        rf"\b(?:send|show|envoie|envoies|envoyer|envoyez|montre|montres|montrer)(?:[- ]?(?:me|moi|m{_Q}\s*))?"
        rf"(?: [\w'’]+){{0,3}}? {_PICTURES} (?:(?:de toi |of you )?(?:sans|without) (?:la |le |les |ta |ton |tes |the "
        r"|your |ur |any |tes )?(?:robe|dress|haut|top|culotte|panties|soutif|soutien-gorge|bra|bikini|maillot|"
        r"vetements|fringues|habits|clothes|rien|anything)|toute? nue?s?|a poil|naked)\b",
        # Slang that rates a person as a sexual object: "t'es bonne sur ta photo", "t'es trop chaude".
        rf"\b(?:t{_Q}\s*es|tu es|vous etes) (?:trop |grave |tellement |vraiment |bien )?(?:bonne|chaudasse|chaude)"
        r"(?! (?:en|a|au|pour|dans|avec|de))\b",
        # A body "like that", then an invitation or a leer: "@lena with legs like that in your profile pic you can
        # test my equipment anytime 😏", "avec des fesses pareilles tu peux venir essayer mon lit quand tu veux".
        rf"\b(?:with|avec) (?:legs|a body|a bod|an ass|a butt|a booty|curves|lips|thighs|hips|a figure|boobs|tits|"
        r"a rack|des jambes|un corps|un cul|des fesses|des seins|une bouche|des levres|une silhouette|des courbes|"
        r"des cuisses|un boule) (?:like (?:that|those|yours|these|this)|pareil(?:le)?s?|comme (?:ca|les tiennes|"
        r"le tien|la tienne))"
        rf"\b[^\n]{{0,120}}?(?:{_LEER}|\b(?:anytime|any time|whenever (?:you|u) (?:want|like)|quand tu veux|quand vous "
        r"voulez|all night|toute la nuit)\b)",
        # A leer and a sexual emoji together: "😏🍆", "🥵💦".
        "[\U0001f975\U0001f924\U0001f60f\U0001f608\U0001f61c]\ufe0f?\\s*[\U0001f346\U0001f351\U0001f4a6\U0001f445]"
        "|[\U0001f346\U0001f351\U0001f4a6\U0001f445]\ufe0f?\\s*[\U0001f975\U0001f924\U0001f60f\U0001f608\U0001f61c]",
    ]
)
# Veiled threats in the second person: "à ta place je fermerais bien ma porte ce soir", "if I were you I'd lock your
# doors"; someone's route or hours known, then a warning ("saw your Strava, same loop every morning… be careful out
# there"). Advice keeps its object: "à ta place je prendrais la taille au-dessus".
_VEILED_TO_YOU = any_of(
    [
        r"\b(?:a ta place|a votre place|si j.etais toi|si j.etais vous|if i were you|if i was you),? (?:je |j.|i.d |i "
        r"would )(?:bien )?(?:fermerais (?:bien )?(?:ma|ta|votre|la) porte|verrouillerais|lock (?:my|your|the) doors?|"
        r"watch (?:my|your) back|surveillerais (?:mes|tes|vos) arrieres|ne sortirais plus|wouldn.t go out)\b",
        r"\b(?:i know|i.ve seen|saw|seen|je connais|j.ai vu|vu) (?:your|ur|ton|ta|tes|vos|votre) (?:strava|route|"
        r"routine|running route|loop|parcours|itineraire|horaires|habitudes)\b[^\n]{0,150}?\b(?:(?:be careful|watch "
        r"out|fais gaffe|fais attention)(?: out there| a toi)?(?=\s*(?:$|[.!?,;]|\W\s*$))|watch your back|"
        r"mefie[- ]toi|see you (?:out there|soon))",
    ]
)
# More pictures asked for in private, however worded, handle or not: "dm me some more pics", "tu m'envoies la suite en
# MP ? 😏", "send the rest in private", "more pics in my inbox babe". Not "dm me if you want the size chart",
# "envoie-moi le lien en MP", the speaker's own "I'll send the rest in private", nor more photos "of the sole" or "du
# produit".
_MORE = r"(?:more|some more|any more|the rest|other|extra|plus de|d.autres|la suite|le reste|encore des?)"
_OF_A_THING = r"(?! (?:of|du|de|des|d.) ?(?:the|this|that|it|its|la|le|les|ce|cette|l.|produit|article)\b)"
_IN_PRIVATE = (
    r"(?:en prive|en mp|en dm|par mp|par message|in (?:my |the |ur |your )?(?:dms?|inbox|pms?)|privately|in private|"
    r"on snap|sur snap|dans mes (?:mp|dm|messages))"
)
_MORE_IN_PRIVATE = any_of(
    [
        rf"\b(?:dm|pm|inbox|snap|mp)(?:[- ]?(?:me|moi))? (?:[\w'’]+ ){{0,2}}?{_MORE} (?:of )?(?:your |ur |tes |vos )?"
        rf"{_PICTURES}\b{_OF_A_THING}",
        rf"\b(?:more|some more|any more|other|extra) (?:of )?(?:your |ur )?{_PICTURES}\b{_OF_A_THING}[^.!?\n]{{0,20}}?"
        rf"\b{_IN_PRIVATE}",
        rf"(?<!i.ll )(?<!ill )(?<!i will )(?<!je t.)(?<!je te )(?<!je vous )(?<!we.ll )\b(?:send|show|envoie|envoies|"
        rf"montre|montres|balance|file)(?:[- ]?(?:me|moi|m{_Q}\s*))? (?:[\w'’]+ ){{0,2}}?{_MORE}"
        rf"(?: (?:of )?(?:your |ur |tes |vos )?{_PICTURES})?\b{_OF_A_THING}[^.!?\n]{{0,20}}?\b{_IN_PRIVATE}",
    ]
)
_TO_ANYONE = re.compile(
    rf"\b(?:send|envoie|envoies|envoyer|envoyez)(?:[- ]?(?:me|moi|m{_Q}\s*))? (?:des |tes |vos |your |ur |some |a )?"
    r"nudes?\b|\bnudes? (?:stp|svp|please|pls|plz)\b|\b(?:would love to|i.d love to|wanna|want to|like to) see what.s "
    r"under (?:them|her|those|that|your|ur)\b"
)


# The commenter's mother (or family) brought in, ashamed of them: "ur mum must be so ashamed of u", "ta mère doit avoir
# honte de toi". Said to "you" only: "my mum would be ashamed of me if I bought this" is the speaker's.
_KIN_ASHAMED = any_of(
    [
        r"\b(?:your|ur|yo|ya) (?:mum|mom|mother|mama|momma|mummy|mommy|parents|dad|father|family|old lady)"
        r"(?:.s| is| are| must be| should be| would be| will be|.d be| has to be| gotta be)? (?:so |really |very |"
        r"truly |deeply |probably |soo+ )*(?:ashamed|embarrassed|disgusted) (?:of|by|with) (?:you|u|ya)\b",
        r"\b(?:ta|votre) (?:mere|daronne|maman|famille|mifa)(?: doit| devrait| doit bien)? (?:avoir|a|a tellement|"
        r"avoir tellement|avoir trop) (?:trop |tellement |bien )?honte (?:de toi|de vous|de t.avoir)\b|"
        r"\b(?:tes|vos) parents (?:doivent|devraient)? ?(?:avoir|ont) (?:trop |tellement |bien )?honte "
        r"(?:de toi|de vous)\b",
    ]
)
_WEAPON = re.compile("[\U0001f52a\U0001f52b\U0001f5e1\U0001fa93\U0001f4a3]")  # knife, pistol, dagger, axe, bomb
_WEAPON_AIMED = re.compile(
    "[\U0001f480\u2620\u26b0\U0001fa78\U0001f608\U0001f47f]"  # skull, skull and bones, coffin, blood, devils
    rf"|\b(?:j{_Q}?\s*te|je te|je vais te|on va te) (?:retrouve|trouve|choper|attends|croiser|retrouver|trouver)\b"
    r"|\b(?:keep talking|watch your back|see you soon|coming for you|i.ll find you|i know where)\b"
)


# Cheap tests before the second-person shapes, which most texts give no reason to search.
_VEILED_GATE = re.compile(
    r"place|etais|were you|was you|strava|route|routine|loop|parcours|itineraire|horaires|habitudes"
)
_TO_ANYONE_GATE = re.compile(r"nude|under")
_MORE_GATE = re.compile(r"prive|mp\b|dm|pm\b|inbox|private|snap|message")


def at_a_commenter(ctx: Context) -> list[Match]:
    """Sexual remarks and requests, veiled threats and weapons in emoji, aimed at a commenter (see the module
    docstring)."""
    view = ctx.text.base
    text = view.text
    shapes = []
    if _TO_ANYONE_GATE.search(text):
        shapes.append((_TO_ANYONE, "harassment"))
    if _MORE_GATE.search(text):
        shapes.append((_MORE_IN_PRIVATE, "harassment"))
    if _VEILED_GATE.search(text):
        shapes.append((_VEILED_TO_YOU, "threat"))
    if "ashamed" in text or "honte" in text or "embarrassed" in text or "disgusted" in text:
        shapes.append((_KIN_ASHAMED, "harassment"))
    if _HANDLE.search(text):
        shapes.append((_ADVANCE, "harassment"))
        if _YOURS.search(_HANDLE.sub(" ", text)):
            shapes.append((_BODY_REMARK, "harassment"))
        if _WEAPON.search(text) and _WEAPON_AIMED.search(text):
            shapes.append((_WEAPON, "threat"))
    return [match for pattern, label in shapes for match in unquoted(ctx, view, pattern.finditer(text), label)]
