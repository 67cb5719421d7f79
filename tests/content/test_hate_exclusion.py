"""A group kept out of a job or a place, or staff shown as what a group is called (``phases.hate_exclusion``): each
class held in its French and English phrasings, the parts apart published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

UNFIT_FOR_A_JOB = [
    "Honestly women just aren't cut out for bike repair work, it's nature, stick to men in the workshop.",
    "No offence but muslims aren't suited to customer-facing jobs.",
    "Les femmes ne sont tout simplement pas faites pour la mécanique, c'est biologique.",
    "Arrêtez d'embaucher des femmes à l'atelier, c'est biologique, elles ne sont pas capables de réparer un vélo.",
    "They should quit hiring girls for the tech desk. It's genetics, they aren't built for technical work.",
    "Women shouldn't be working in bike shops, they're not built for mechanical jobs.",
]
WOMEN_DO_NOT_BELONG = [
    "Les nanas n'ont rien à faire dans un atelier vélo.",
    "Les femmes voilées n'ont rien à faire à la piscine municipale.",
    "Women don't belong on a car forum, ladies, back to the kitchen.",
    "Encore une question débile, les femmes filez à la cuisine.",
    "Vous les femelles, retournez à vos fourneaux",
]
BANNED_FROM_A_PLACE = [
    "on devrait bannir les migrants de la salle de sport, ils sont sales et pleins de maladies",
    "Ban the muslims from the public pool, they're filthy.",
    "Il faudrait interdire la plage aux voilées, elles n'ont rien à faire là.",
    "les migrants et leurs maladies, merci bien",
    "Immigrants bringing their diseases into our hospitals.",
]
STAFF_IN_A_ZOO = [
    "The new cashier at the till 🦍🍌",
    "La vendeuse du rayon chaussures 🐒 on se croirait dans la jungle",
    "The delivery guy looked like he escaped from the zoo",
    "Ce livreur, tout droit sorti du zoo.",
]
CODED_AND_WINKED = [
    "Another break-in at the car park. The same 'youths' again, you know the ones.",
    "Encore les « jeunes » ce soir, suivez mon regard.",
    "Les « jeunes » ont encore tout cassé #renvoyezles",
    "Same lot again, can't say who or I'll get banned #deportthemall",
]
ORIGIN_HINTED = [
    "Les caissières de ce magasin, vous savez tous d'où elles viennent 😉",
    "The staff at the Leeds branch, we all know where they're really from...",
    "Embauchez des vrais Français au comptoir, ça changera.",
    "Bring back some real British staff behind the tills.",
]
PUBLISHED = [
    # A job, a product, a fit: the group is not declared unfit.
    "the bike workshop is staffed by women and they are great",
    "This saddle isn't suited to women with wide hips, go for the comfort model.",
    "Women aren't suited to this frame size, the XS fits better.",
    "These boots for women aren't made for heavy work, the sole wore out.",
    "Ces chaussures pour femmes ne sont pas faites pour la randonnée.",
    "Chaussures femmes : elles ne sont pas faites pour travailler en atelier, trop glissantes.",
    "The shop should stop hiring women only on part-time contracts, pay them properly.",
    # Belonging and kitchens told otherwise.
    "Who says women don't belong in a bike workshop? Our mechanic Julie is the best.",
    "Les femmes n'ont rien à faire dans ce cas, le garage s'occupe de tout.",
    "Les femmes n'ont rien à faire de spécial pour activer la garantie.",
    "Retournez à la cuisine pour ajouter le sel après dix minutes.",
    "The women went back to the kitchen to finish the cake.",
    "The ladies took my plate back to the kitchen without a word.",
    "Mesdames, à vos fourneaux avec ce robot génial !",
    "Oeufs de poules pondeuses élevées en plein air, les femmes de la ferme sont adorables.",
    # Bans and germs said of no group.
    "I'd ban dogs from this beach, they leave mess everywhere and it's filthy",
    "on devrait interdire la piscine aux enfants malades, à cause des microbes",
    "Ban smokers from the terrace, they stink.",
    "Les enfants et leurs microbes, la crèche c'est l'enfer.",
    "Les chaussures noires avec leurs saletés de lacets qui se défont.",
    # Monkeys and zoos said of no person.
    "mes enfants se croyaient au zoo au rayon peluches 🐒",
    "The staff at the zoo were lovely, the gorilla 🦍 enclosure is amazing.",
    "Le vendeur nous a conseillé la peluche singe 🐒, on se croirait au zoo tellement il y en a.",
    "The cashier gave my son a monkey 🍌 sticker, so cute",
    "Le vendeur du rayon fruits m'a vendu des bananes 🍌 bien mûres",
    # Quotes, winks and hashtags alone.
    "the youths' section (ages 8-12)",
    "The 'youths' section had nothing for my 14 year old.",
    "#sendthemback if they don't fit",
    "The 'Urban' backpack is great. #sendthemback if they don't fit",
    # Where things come from, and real French things.
    "vrai français ce fromage",
    "retourné à la caisse pour un échange",
    "on sait tous d'où viennent les problèmes : de la batterie",
    "Ces légumes du marché, on sait d'où ils viennent...",
    "Les vendeurs sont compétents, on sait d'où ils viennent : formés chez Apple.",
    "Remettez des vrais produits français au rayon fromage !",
    "Bring back real British products in the shops.",
    "A powerful documentary about racism in football; it shows fans making monkey chants and telling players to go "
    "back to Africa. Essential viewing.",
]


HELD = UNFIT_FOR_A_JOB + WOMEN_DO_NOT_BELONG + BANNED_FROM_A_PLACE + STAFF_IN_A_ZOO + CODED_AND_WINKED + ORIGIN_HINTED


@pytest.mark.parametrize("text", HELD)
def test_held(text):
    assert_held_as_abuse(text, "hate: ")


@pytest.mark.parametrize("text", PUBLISHED)
def test_published(text):
    assert_published(text)
