"""The address of a business is no one's personal data: the place named before a street address (``personal_data``
holds a home's)."""

from __future__ import annotations

import re

# The address of a shop, a branch, a pick-up point or a place one stays or eats at is no one's personal data:
# "acheté au magasin du 15 rue Nationale", "the store at 12 High Street", "point relais situé au 3 avenue Foch", "we
# stayed at 52 Inverness Place", "l'épicerie au 38 rue de Sèvres". Only right before the number: "le magasin m'a
# livré chez moi au 12 rue …" names the customer's home.
_BUSINESS_BEFORE = re.compile(
    r"\b(?:magasins?|boutiques?|enseignes?|agences?|succursales?|showrooms?|point relais|relais colis|bureau de poste|"
    r"la poste|centre commercial|supermarche|hypermarche|pharmacie|store|shop|branch|outlet|showroom|mall|"
    r"post office|pick-?up point|warehouse|depot|entrepot|hotels?|restaurants?|cafes?|bars?|pubs?|epicerie|"
    r"museum|musee|theatre|theater|cinema|galerie|gallery|(?:we |i )?(?:stayed|stay|staying|sejourne)|"
    r"(?:we |i )?went)(?:\s+(?:de la|du|des|de|d'|situee?s?|qui est|au|a|at|to|on|in|located|is|'s|s|address|"
    r"adresse|,))*"
    r"\s*,?\s*$"
)


# A shop named first, then its address after a comma or a colon: "le magasin où j'ai trouvé les pièces c'est Cycles
# Martin, 12 avenue Jean Jaurès", "the bike shop I use is called Spoke & Chain: 4 Mill Lane". The name is at most five
# words with no comma inside, so "le magasin m'a livré chez moi, 12 rue …" still names a home.
_BUSINESS_NAMED_BEFORE = re.compile(
    r"\b(?:magasins?|boutiques?|enseignes?|ateliers?|garages?|pharmacies?|epiceries?|librairies?|velocistes?|"
    r"restaurants?|cafes?|bars?|shops?|stores?|outlets?|showrooms?|pubs?|hotels?)\b[^.!?\n,]{0,60}?"
    r"\b(?:c'est|c est|is|it's|its|called|named|s'appelle|se nomme)\s+(?:[\w'&-]+\s+){0,4}?[\w'&-]+\s*[,:]\s*"
    r"(?:au|at|a)?\s*$"
)


# A place named by its kind and its name, then "at" the address: "La Grande Epicerie de Paris at 38 rue de Sèvres",
# "le restaurant Chez Paul au 4 rue …". Not when the words between tell of a home: "le magasin m'a livré chez moi au
# 12 rue …".
_BUSINESS_NAME_AT = re.compile(
    r"\b(?:magasins?|boutiques?|enseignes?|ateliers?|garages?|pharmacies?|epiceries?|librairies?|velocistes?|"
    r"restaurants?|cafes?|bars?|shops?|stores?|outlets?|showrooms?|pubs?|hotels?|supermarches?|boulangeries?|"
    r"bistrots?|brasseries?)\b((?:\s+[\w'&-]+){1,4}?)\s+(?:at|au|situee? au|located at)\s*$"
)
_HOME_BETWEEN = re.compile(
    r"\b(?:moi|me|m'|my|mine|nous|home|house|livr\w*|deliver\w*|chez (?:moi|nous)|lives?|habite\w*)\b"
)
# The same, with the address set off after the name instead of "at": in brackets, after a dash or a comma: "Le magasin
# Campus de Villeneuve-d'Ascq (4 boulevard de Mons)", "the bike shop Spoke & Chain - 4 Mill Lane", "la librairie Le
# Divan, 203 rue de la Convention". The words between must name the place, not tell of a person or a time ("the
# store was shut, my sister's at 12 …", "le magasin hier, 12 rue …" are a home's or a story's).
_BUSINESS_NAME_SET_OFF = re.compile(
    r"\b(?:magasins?|boutiques?|enseignes?|ateliers?|garages?|pharmacies?|epiceries?|librairies?|velocistes?|"
    r"restaurants?|cafes?|bars?|shops?|stores?|outlets?|showrooms?|pubs?|hotels?|supermarches?|boulangeries?|"
    r"bistrots?|brasseries?)\b((?:\s+[\w'’&-]+){1,4}?)\s*(?:\(|,|\s-|\s–|\s—)\s*(?:at |au |situee? au |located at )?$"
)
_PERSON_OR_TIME_BETWEEN = re.compile(
    r"\b(?:il|elle|ils|elles|he|she|they|his|her|their|son|sa|ses|leur|mum|mom|mother|dad|father|mere|pere|sister|"
    r"brother|soeur|frere|friend|ami|amie|copain|copine|voisine?|neighbou?r|wife|husband|femme|mari|yesterday|today|"
    r"hier|aujourd'hui|was|were|is|est|etait|a|ont|had|has)\b"
)


def a_business(text: str, start: int) -> bool:
    """Whether the address at ``start`` of the base view ``text`` is given as a business's (see above)."""
    named_at = _BUSINESS_NAME_AT.search(text, max(0, start - 80), start)
    set_off = _BUSINESS_NAME_SET_OFF.search(text, max(0, start - 80), start)
    return (
        _BUSINESS_BEFORE.search(text, max(0, start - 60), start) is not None
        or _BUSINESS_NAMED_BEFORE.search(text, max(0, start - 140), start) is not None
        or (named_at is not None and _HOME_BETWEEN.search(named_at.group(1)) is None)
        or (
            set_off is not None
            and _HOME_BETWEEN.search(set_off.group(1)) is None
            and _PERSON_OR_TIME_BETWEEN.search(set_off.group(1)) is None
        )
    )
