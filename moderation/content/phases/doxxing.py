"""Personal data told of someone, without a number of its own (part of ``personal_data``, masked the same way).

- A user unmasked: who is behind a username, by their full name, then where they work or the street they live on
  ("c'est Thierry X, prof au lycée Y, il habite rue des Lilas", "real name's John X, works at Tesco on High St, lives
  on Elm Road"). A name alone is a greeting or a thank-you ("lovely lad called Tom sorted it", "il s'appelle Kevin"),
  and a street alone is a shop's or the customer's own ("the shop on rue des Lilas", "I live on Elm Road"). A member
  of staff named ("the cashier's name is Julie X", "le livreur, Kevin X,") is unmasked by the street they live on;
- a phone number given as someone's, with fewer digits than ``phonenumbers`` needs ("here's her cell … 555-0134");
- a vehicle's registration told with its driver or a name.

Matching is on the ``base`` view (accents and case folded); a name is told by its capitals in the original text.
"""

from __future__ import annotations

import re

from moderation.content.normalise import base_view
from moderation.content.phases.shapes import STAFF_EN, STAFF_FR
from moderation.content.verdict import Context, Match, Reason

MASK = "[personal data]"


def _mask(reason_rule: str, start: int, end: int) -> Match:
    return Match(Reason.PERSONAL_DATA.value, reason_rule, start, end, MASK)


# ---- A user unmasked ------------------------------------------------------------------------------------------------
# What says who someone really is, right before their name.
_UNMASK_CUE = re.compile(
    r"\b(?:real name(?:['’]s| is)?|(?:his|her|their) (?:real |full |actual )?name(?:['’]s| is)|(?:he|she|they)"
    r"(?:['’]s| is| are) (?:actually |really )?(?:called|named)|goes by|(?:behind|running|owner of) (?:this|that|the) "
    r"(?:account|username|handle|profile|page)(?: is)?|(?:this|that) (?:account|username|troll|profile) is (?:actually "
    r"|really |run by )?|(?:in real life|irl),? (?:he|she|it|they)(?:['’]s| is| are)|(?:il|elle) s['’]appelle|(?:son|"
    r"sa) (?:vrai |veritable )?(?:nom|prenom)(?: complet)?(?: c['’]est| est)?|de son vrai nom|(?:derriere|sous) (?:ce|"
    r"cet|le|son|ton) (?:pseudo|compte|profil),? (?:c['’]est|se cache|il y a)|c['’]est (?:en fait |en vrai |en "
    r"realite )?"
    # A username in quotes or a handle, then what it "actually" is: "'DadOfThree' is actually", "@vraie_maman c'est";
    # and what everyone knows: "we all know that's", "tout le monde sait que c'est".
    r"|(?:['\"’»”]|@[\w.]+)\s*(?:is actually|is really|is in fact|=|c['’]est|c['’]est en fait|en vrai c['’]est)|"
    r"(?:we all|everyone|everybody|y['’]?all|tout le monde|on)\s+(?:know|knows|sait)(?: that| que| qu['’])?\s*"
    r"(?:it['’]?s|that['’]?s|c['’]est|this is|ce compte c['’]est))\s*[:=-]?\s*$"
)
# A full name in the original text: a first name and a surname or its initial ("Thierry X", "John X.", "Luc Dehaene").
_FULL_NAME = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+(?:[ -][A-ZÀ-Ý](?:[a-zà-ÿ'’-]+|\.)?)+(?![\w])")
_WORKS_AT = (
    r"\b(?:works? (?:at|for|in)|working (?:at|for)|employed (?:at|by)|teaches (?:\w+ ){0,3}?(?:at|in)|(?:teacher|"
    r"nurse|cashier|manager|doctor|cop|officer|driver|clerk|assistant|receptionist|engineer) (?:at|in|for)|"
    r"(?:bosse|travaille|taffe|enseigne) (?:a|au|aux|chez|dans|pour)|(?:prof|professeure?|instit|institutrice|"
    r"caissiere|caissier|vendeuse|vendeur|infirmiere|infirmier|employee?|medecin|agent|gerante?|secretaire|"
    r"comptable|policier|flic|chauffeur|serveuse|serveur) (?:au|a la|a l['’]|aux|chez|du|de la|dans)|"
    r"(?:le mec|le type|le gars|la meuf|la femme|la dame|le monsieur) (?:de la|du|de l['’]|des) (?:mairie|poste|"
    r"banque|prefecture|caf|secu|gendarmerie|commissariat|ecole|college|lycee|hopital|clinique|pharmacie|"
    r"boulangerie|garage|agence|concession|supermarche))\b"
)
_STREET = (
    r"(?:rue|avenue|av|bd|boulevard|chemin|impasse|allee|place|route|quai|residence|lotissement|cite|road|street|st|"
    r"lane|ln|ave|drive|dr|close|crescent|way|rd|terrace|court|grove|gardens|mews)"
)
# Where they live, said of them (not "I live on Elm Road"), with a street named.
_LIVES_ON = (
    r"\b(?:lives|living|stays|resides|(?:il|elle|qui|, ?) ?(?:habite|vit|reside|creche|loge)|(?:his|her|their) "
    rf"(?:address|house|home|flat)|(?:son|sa) (?:adresse|domicile|maison))\b[^.!?\n]{{0,40}}\b{_STREET}\b"
)
_WHERE = re.compile(rf"{_WORKS_AT}|{_LIVES_ON}")
# A member of staff named: "the cashier's name is Julie Smith", "le vendeur s'appelle Kevin Martin", "the manager,
# Dave Jones,". Where they work is no secret (the review is about it), so only the street they live on unmasks them.
_STAFF_NAMED = re.compile(
    rf"\b(?:the|that|this|your|le|la|ce|cette|votre) (?:[a-z]+ )?(?:{STAFF_EN}|{STAFF_FR}|drivers?|techs?|delivery "
    r"(?:guy|man|driver))(?: (?:who|that|qui)\b[^,.!?]{0,40}?)?(?:['’]s name is| is called| is named| named| called| "
    r"is| s['’]appelle| qui s['’]appelle| c['’]est| est|,)\s*$"
)
_LIVES = re.compile(_LIVES_ON)


def unmasked(ctx: Context) -> list[Match]:
    """A user's full name told after a cue that unmasks them, with where they work or live (see the module)."""
    view = ctx.text.base
    text = view.text
    original = ctx.text.original
    if not _WHERE.search(text):
        return []
    found = []
    for name in _FULL_NAME.finditer(original):
        if name.start() == 0 or original[: name.start()].rstrip()[-1:] in (".", "!", "?", ""):
            continue  # a sentence's first word is capitalised anyway
        before = base_view(original[max(0, name.start() - 60) : name.start()]).text
        if _UNMASK_CUE.search(before):
            where_of = _WHERE
        elif _STAFF_NAMED.search(before):
            where_of = _LIVES
        else:
            continue
        after = len(base_view(original[: name.end()]).text)  # where the name ends in the base view
        where = where_of.search(text, after, after + 160)
        if where:
            found.append(_mask("unmasked", name.start(), view.span(where.start(), where.end())[1]))
    return found


# ---- A phone given as someone's -------------------------------------------------------------------------------------
# "here's her cell … 555-0134", "son portable perso : 06 12 34 5": a possessive and a phone word, then seven digits or
# more. Not "son numéro de commande 1234567", "his order number".
_POSSESSIVE_PHONE = re.compile(
    r"\b(?:his|her|their|son|sa)\s+(?:(?:personal|private|perso|home|own|real|work)\s+)?(?:cell|cellphone|cell phone|"
    r"mobile|phone|number|phone number|digits|num|numero|portable|tel|telephone|gsm|natel|whatsapp)\b(?!\s*(?:de "
    r"(?:commande|suivi|serie|colis|dossier|client|facture|ticket|reference|siret|tva|lot)|d['’](?:article|adherent|"
    r"abonne|identification)|order|tracking|serial))[^\d\n]{0,16}?(?P<digits>\d(?:[\s.\-/]{0,2}\d){6,14})(?![\d])"
)

# Handed over, the number may come after a sentence of incitement: "here's her cell if anyone wants to tell her what
# they think of her 1 star review 555-0134", "voilà son 06 pour ceux qui veulent lui dire ce qu'ils en pensent : …".
_GIVEN_PHONE = re.compile(
    r"\b(?:here.?s|heres|here is|this is|voici|voila|c.est|v.la|take)\s+(?:his|her|son|sa)\s+(?:cell|"
    r"cellphone|mobile|phone|number|phone number|digits|num|numero|portable|tel|telephone|whatsapp|0[67])\b"
    r"(?!\s+(?:case|cases|cover|charger|cable|holder|stand|mount|screen|protector|bill|plan|contract|one|two|coque|"
    r"etui|chargeur|support|ecran|forfait|de (?:commande|suivi|serie|colis)|d.article)\b)"
    r"[^\n]{0,100}?(?<![\d])(?P<digits>\d(?:[\s.\-/]{0,2}\d){6,14})(?![\d])"
)


def possessive_phones(ctx: Context) -> list[Match]:
    view = ctx.text.base
    found = []
    for pattern in (_POSSESSIVE_PHONE, _GIVEN_PHONE):
        for m in pattern.finditer(view.text):
            found.append(_mask("phone", *view.span(m.start("digits"), m.end("digits"))))
    return found


# A vehicle's registration and who drives it: "camionnette immatriculée FG-482-KL, il s'appelle Mehdi B.", "white van
# reg KX19 TFU, driver is a bald guy called Steve". The plate then points at a person: a French SIV plate (no I, O or
# U) or a current British one, with a driver or a name told in the same text. A plate alone is a format ("support
# pour plaque AB-123-CD") or the reviewer's own car ("my reg KX19 TFU").
_PLATE = re.compile(
    r"(?<![\w-])(?:[a-hj-npr-z]{2}[- ]?\d{3}[- ]?[a-hj-npr-z]{2}|[a-hj-pr-y]{2}\d{2} ?[a-hj-pr-z]{3})(?![\w-])"
)
_OWN_PLATE = re.compile(
    r"\b(?:my|mon|ma|our|notre|nos|mine)\b[^.!?]{0,30}$|\b(?:format|type|style|exemple|ex|e\.?g|such as|like|comme)"
    r"\W{0,3}$"
)
_PLATE_KIND_AFTER = re.compile(r"\s*(?:plates?|plaques?|format|style|type)\b")
# A name given bare is a name too: "plate LK19 XRT, name's Gary Holt", "nom : Karim B.". Not a product's or a
# model's ("the model name is", "le nom est trompeur").
_DRIVER = re.compile(
    r"\b(?:conduite? par|driven by|drivers?(?!.?s? (?:side|seat|door|window|mirror))|chauffeur|conduct(?:eur|rice)|"
    r"s.appelle|called|named|(?:his|her|son) "
    r"(?:name|nom)|lives? (?:on|in|at)|habite|son adresse|his address|roule en|drives? an?|"
    r"(?<!model )(?<!product )(?<!brand )(?<!user)(?<!file )name(?:.s| is| was)|(?<!du )(?<!le )nom (?:c.est|est)|"
    rf"{STAFF_EN}|{STAFF_FR})\b|(?<!du )(?<!le )(?<!model )(?<!product )\b(?:nom|name) ?:"
)


def plates(ctx: Context) -> list[Match]:
    """Registration plates told with their driver or a name (see ``_PLATE``)."""
    view = ctx.text.base
    text = view.text
    if not _DRIVER.search(text):
        return []
    found = []
    for m in _PLATE.finditer(text):
        # Both kinds mix letters and digits; "ab 123 cd" in a parts list has a driver nowhere near it.
        near = text[max(0, m.start() - 150) : m.end() + 150]
        if (
            _OWN_PLATE.search(text[max(0, m.start() - 40) : m.start()])
            or _PLATE_KIND_AFTER.match(text, m.end())
            or not _DRIVER.search(near)
        ):
            continue
        found.append(_mask("licence_plate", *view.span(*m.span())))
    return found
