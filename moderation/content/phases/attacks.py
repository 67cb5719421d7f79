"""Calls for, and wishes of, an attack on a place or the people in it, in French and English, half-joking too
(searched by ``threats``, held as ``abusive``): "someone should put a bomb in it lol", "quelqu'un devrait foutre le
feu à ce magasin", "I hope someone torches this dump", "on devrait cramer cette boutique avec le gérant dedans",
"this hotel deserves to be burnt to the ground".

The place is named ("this place", "the store", "cette agence") or, in a call on a third party, is "it" ("someone
should torch it"; "I'll torch it for 30 seconds" is a crème brûlée), or is "it" once the speaker has said they will
go there ("I'll come to your store and burn it down", "je vais passer à la boutique et la cramer"). Not "this album
is the bomb", "burn it to a CD", a bath bomb, "I will bomb your store with 1 star reviews", a shop wished to "blow
up" or "exploser" (to succeed), a DJ who "met le feu à la salle", nor a game's level or a film's plot told in the
same sentence.
Matching is on the ``words`` view: accents and case folded.
"""

from __future__ import annotations

import re

from moderation.content.phases.near import Near
from moderation.content.phases.shapes import EN_GO_TO, EN_SOON, FR_I_GO, NARRATIVE, sentence_around
from moderation.content.phases.shapes import Q as _Q

# ---- A call for, or a wish of, an attack on a place or its people ----------------------------------------------------
_EN_SITE = (
    r"(?:place|dump|shithole|hole|store|shop|branch|outlet|lounge|airport|station|office|offices|hq|headquarters|head "
    r"office|building|warehouse|depot|factory|call cent(?:re|er)|hotel|restaurant|cafe|bar|pub|venue|mall|centre|"
    r"center|premises|gym|salon|garage|dealership|bank|cinema|supermarket|agency|joint)s?"
)
_EN_THE_SITE = rf"(?:(?:this|that|the|their|those|these|your|ur) (?:[a-z]+ ){{0,2}}?{_EN_SITE})"
_EN_MODAL = (
    rf"(?:{_Q}d| would| should| needs? to| ought to| has to| have to| gotta| must| could| can| is going to| are going "
    rf"to| am going to| gonna|{_Q}ll| will| might)(?: just| really| honestly| seriously| literally)?"
)
# "I will bomb your store with 1 star reviews", "review bomb": not with a bomb.
_NOT_REVIEWS = (
    r"(?! with (?:[a-z0-9]+ ){0,2}?(?:reviews?|stars?|e-?mails?|complaints?|calls?|messages?|comments?|posts?|spam|"
    r"letters?|questions?)\b)"
)


def _en_attack(site: str) -> str:
    return (
        rf"(?:burn (?:{site}) (?:down|to the ground)|burn down (?:{site})|(?:torch|firebomb|fire-bomb|(?<!review "
        rf")(?<!review-)bomb|nuke|petrol bomb) (?:{site})|blow up {_EN_THE_SITE}(?! on)|blow {_EN_THE_SITE} up(?! on)|"
        rf"set fire to (?:{site})|set (?:{site}) (?:on fire|alight)|(?:put|plant|leave|drop|stick|chuck|throw|lob) "
        r"(?:a )?(?:bomb|grenade|molotov|petrol bomb|firebomb)s? (?:in|under|on|at|into|through) "
        rf"(?:{site})){_NOT_REVIEWS}"
    )


_FR_SITE = (
    r"(?:endroit|lieu|magasin|boutique|agence|bureau|bureaux|siege|entrepot|usine|aeroport|gare|hotel|resto|restaurant|"
    r"centre commercial|galerie|supermarche|hypermarche|enseigne|taudis|bouge|gourbi|batiment|garage|concession|depot|"
    r"local|locaux)s?"
)
_FR_THE_SITE = (
    rf"(?:(?:tout |toute |tous |toutes )?(?:ce|cet|cette|ces|le|la|les|l{_Q}\s*|leur|leurs|votre|vos|ton|ta|tes) "
    rf"(?:[a-z]+ )?{_FR_SITE})"
)
_FR_PUT = r"(?:foutre|foute|foutra|fout|mettre|mette|mettra|met)"
_FR_ATTACK = (
    rf"(?:(?:{_FR_PUT}|bouter) le feu (?:a|au|aux) (?:[a-z]+ )?(?:{_FR_SITE}|{_FR_THE_SITE})|y {_FR_PUT} le feu|"
    r"(?:(?:brul|cram|incendi|plastiqu)(?:er|e|era|ent|eront)|(?:faire|fera|fasse|fait|fassent|feront) (?:sauter|"
    rf"exploser)) {_FR_THE_SITE}|(?:{_FR_PUT}|poser|pose|posera|balancer|balance|lancer|lance) (?:une|des) (?:bombes?|"
    rf"grenades?|cocktails? molotov) (?:dans|sous|sur|a|au|devant) (?:{_FR_THE_SITE}|(?:[a-z]+ )?{_FR_SITE})|y "
    rf"(?:{_FR_PUT}|poser|pose|balancer|balance) (?:une|des) bombes?)"
)
# Going to the place, then attacking "it": "I'm coming to your store tomorrow and I'll burn it down", "je vais passer
# à la boutique et la cramer", "j'irai à votre agence et j'y mettrai le feu". Only the unambiguous attacks on "it": not
# "set it on fire" nor "mettre le feu" (a band or a DJ at a venue), nor "burn it" (to a CD), "blow it up" (a paddling
# pool), "smash it" (the product brought back), "tout cramer" (spending every last euro).
_EN_GO_AND_ATTACK_IT = (
    rf"\b(?:i|we)(?:{_EN_MODAL}|{_Q}m|{_Q}re| am| are)?(?: going to| gonna)? {EN_GO_TO} "
    rf"{_EN_THE_SITE}{EN_SOON},? and (?:then )?(?:(?:i|we)(?:{_EN_MODAL})? )?(?:burn (?:it|the place|the lot) (?:down|"
    r"to the ground)|burn down the (?:place|lot)|(?:torch|firebomb|fire-bomb|petrol bomb) (?:it|the place|the lot)\b|"
    r"set fire to (?:it|the place|the lot)|(?:put|plant|leave|throw|lob) (?:a )?(?:bomb|grenade|molotov|petrol bomb|"
    r"firebomb)s? (?:in|into|through) (?:it|the place|there))"
)
_FR_GO_AND_ATTACK_IT = (
    rf"{FR_I_GO} (?:a|au|aux|chez|dans|devant) (?:{_FR_THE_SITE}|(?:[a-z]+ )?{_FR_SITE})(?: (?:demain|ce soir))?,? "
    rf"et (?:je |j{_Q}\s*|on |nous )?(?:(?:vais|va|allons|compte) )?(?:(?:le|la|les|l{_Q}\s*)\s*(?:bruler|brulerai|"
    r"brulera|brule|brulerons|cramer|cramerai|cramera|crame|cramerons|incendier|incendierai|incendiera|incendie|"
    r"plastiquer|plastiquerai|plastiquera|faire sauter|ferai sauter|fera sauter|fais sauter)\b|tout (?:bruler|"
    r"incendier)\b|y (?:foutre|fous|fout|foutrai|foutra|foutrons|mettre|mets|met|mettrai|mettra|mettrons|"
    r"bouter) le feu)"
)
_ATTACK = Near(
    [
        # "it" only in a call on a third party ("someone should torch it"): "I'll torch it for 30 seconds" is a crème
        # brûlée.
        (
            rf"\b(?:someone|somebody|some1|sum1){_EN_MODAL} {_en_attack(rf'it|{_EN_THE_SITE}')}",
            "burn torch firebomb fire bomb nuke petrol grenade molotov blow alight",
        ),
        (
            rf"\b(?:they|we|people|i|you guys|y{_Q}all){_EN_MODAL} {_en_attack(_EN_THE_SITE)}",
            "burn torch firebomb fire bomb nuke petrol grenade molotov blow alight",
        ),
        (
            r"\b(?:hope|wish|pray)(?: that)? (?:someone|somebody|some1|they) (?:(?:will|would|does|finally|just|one "
            r"day) )*(?:burns?|torch(?:es)?|firebombs?|bombs?|nukes?|sets? fire to|puts? a bomb (?:in|under)) "
            rf"(?:{_EN_THE_SITE}|(?:it|the place|this place) down)",
            "burns burn torch torches firebombs firebomb bombs bomb nukes nuke fire",
        ),
        (
            rf"\b(?:hope|wish|pray)(?: that)? (?:this|that|the|their) (?:[a-z]+ ){{0,2}}?{_EN_SITE} (?:burns? (?:down|"
            r"to the ground)|gets? (?:burn[te]d?|torched|bombed|blown up|firebombed)|goes up in flames)\b",
            "burns burn burned burnt torched bombed blown firebombed flames",
        ),
        (
            rf"\b(?:this|that|the|their) (?:[a-z]+ ){{0,2}}?{_EN_SITE}(?:\b[^.!?]{{0,60}}\bit)? deserves? to (?:be|"
            r"get) (?:burn[te]d?(?: down| to the ground)|torched|bombed|blown up|firebombed|set on fire)\b",
            "burned burnt burn torched bombed blown firebombed fire",
        ),
        (
            rf"\b(?:quelqu{_Q}\s*un (?:devrait|pourrait|doit|va|finira par|fera|ferait|devra)|on (?:devrait|pourrait|"
            r"doit|aurait du)|faut|faudrait|il faut|il faudrait|faudra|il faudra)(?: (?:vraiment|juste|un jour|bien|"
            rf"carrement))* {_FR_ATTACK}",
            r"feu bruler brule brulera brulent bruleront cramer crame cramera crament crameront incendier incendie "
            r"incendiera incendient plastiquer plastique plastiquera sauter exploser bombe bombes grenade grenades "
            r"molotov",
        ),
        (
            rf"\b(?:j{_Q}\s*espere|esperons|vivement|je souhaite) (?:que |qu{_Q}\s*)(?:(?:un jour|bientot) "
            rf")?(?:quelqu{_Q}\s*un|on) (?:va |vienne |finisse par |fera |fasse |finira par )?{_FR_ATTACK}",
            r"feu bruler brule brulera brulent bruleront cramer crame cramera crament crameront incendier incendie "
            r"incendiera incendient plastiquer plastique plastiquera sauter exploser bombe bombes grenade grenades "
            r"molotov",
        ),
        (
            rf"\b(?:j{_Q}\s*espere|esperons|vivement) (?:que |qu{_Q}\s*){_FR_THE_SITE} (?:va |vont )?(?:bruler|brule|"
            r"cramer|crame|parte en fumee|parte en flammes)\b",
            "bruler brule cramer crame fumee flammes",
        ),
        (
            rf"\b{_FR_THE_SITE} merite(?:rait)? (?:d.etre (?:brulee?s?|crame(?:e|s|es)?|incendiee?s?|plastiquee?s?)|"
            r"qu.on y (?:foute|mette) le feu|une bombe)",
            r"brulee brule brulees brules cramee crame cramees crames incendiee incendie incendiees plastiquee "
            r"plastique feu bombe",
        ),
        (_EN_GO_AND_ATTACK_IT, "burn torch firebomb fire bomb petrol grenade molotov"),
        (
            _FR_GO_AND_ATTACK_IT,
            "bruler brulerai brulera brule brulerons cramer cramerai cramera crame cramerons incendier incendierai "
            "incendiera incendie plastiquer plastiquerai plastiquera sauter feu",
        ),
        # "I'd love to see that store burn to the ground" (not "…blow up", a shop's success).
        (
            r"\b(?:love|like|want|wanna|pay|happy|glad|dying|hope) to (?:see|watch) (?:this|that|the|their) (?:[a-z]+ )"
            rf"{{0,2}}?{_EN_SITE} (?:burn|get (?:burn[te]d?|torched|bombed|firebombed)|go up in flames)\b",
            "burn burned burnt torched bombed firebombed flames",
        ),
        # A place told to be careful, then how easily things burn: "The warehouse in Lompret should be careful. Things
        # catch fire easily these days. Just saying.", "l'entrepôt de Lompret ferait bien de faire attention, un
        # incendie est vite arrivé". Not a product's warning ("be careful with this heater, it can catch fire").
        (
            rf"\b{_EN_THE_SITE}(?: (?:in|at|on|of) [a-z]+(?: [a-z]+)?)?(?:{_Q}d| should| had| better| needs to| "
            r"ought to)(?: better)? (?:be careful|watch (?:out|itself|themselves|its back)|be on (?:its|their) guard)\b"
            r"[^!?]{0,60}?\b(?:things|buildings|places|warehouses|stores|shops|premises|fires?)\b[^.!?]{0,20}?\b(?:catch"
            r"(?:es)? fire|burn(?:s|down)?|go(?:es)? up in flames|start|happen|break out)\b[^.!?]{0,20}?\b(?:easily|so "
            r"easily|these days|nowadays|all the time|quickly|fast|you know)\b",
            "fire flames burn burns fires",
        ),
        (
            rf"(?:\b{_FR_THE_SITE}|\bl{_Q}\s*{_FR_SITE})(?: (?:de|du|a) [a-z]+)? (?:ferait|feraient|devrait|"
            r"devraient|a|ont|aurait|auraient) (?:bien |mieux |tout )?(?:interet a |de )?(?:faire (?:attention|gaffe)|"
            r"se mefier)\b[^!?]{0,60}?\b(?:un incendie|le feu|les incendies|ca brule|ca crame|ca flambe|ca prend feu)"
            r"\b[^.!?]{0,20}?\b(?:est (?:si |vite |tres vite |)arrive|arrive (?:si |tres )?vite|part (?:si |tres )?"
            r"vite|vite|facilement|de nos jours)\b",
            "incendie feu incendies brule crame flambe",
        ),
    ],
    back=120,
    ahead=80,
)


def attacks(text: str) -> list[re.Match[str]]:
    """Calls for an attack on a place, but for a story's (a game's level, a film's plot) in the same sentence."""
    return [m for m in _ATTACK.finditer(text) if not NARRATIVE.search(sentence_around(text, m.start(), m.end()))]
