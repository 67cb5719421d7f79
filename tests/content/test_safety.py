import pytest

from .helpers import verdict_of


@pytest.mark.parametrize(
    "text",
    [
        "FIRE HAZARD. The power strip caught fire overnight. Recall this product!",
        "Le thermostat ne coupe pas, dangereux.",
        "Le radiateur a pris feu",
        "Got an electric shock when touching the casing",
        "My daughter had an allergic reaction",
        "Brûlure au deuxième degré",
        "The brakes failed on the first ride",
        "Risque d'étouffement : le bouchon se détache",
        "Battery exploded while charging",
        "Ça surchauffe énormément",
        "court-circuit sur la plaque",
        "Choking hazard for toddlers",
        "ended up in hospital",
        "Mon fils s'est coupé avec le couvercle, il saignait",
        # Fire that is not the fuel's: the stove beside the wood, a wooden table, a desk.
        "The stove caught fire next to the wood pile",
        "La table en bois a pris feu",
        "The charger set fire to my desk",
        "It set fire to the wood table",
        # Burnt: a part, a hand, a hot handle.
        "Le moteur a brûlé au bout d'une semaine",
        "La poignée devient brûlante",
        # Melted: a battery, a charger, a socket.
        "Attention, la batterie a chauffé et fondu pendant la charge",
        "The charger got hot and melted overnight",
    ],
)
def test_safety_language_lifts_but_never_holds(text):
    verdict = verdict_of(text)
    assert verdict.lifts == ["safety"]
    assert verdict.hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        "This price is fire, grabbed two.",
        "Fire sale on these right now",
        "Ça déchire, meilleur achat",
        "Killer deal",
        "Looks smoking hot",
        "Un son qui tue",
        "I'm allergic to bad design",
        "Ça ne coupe rien ce couteau, lame émoussée",
        "Sans danger pour les enfants, matelas gonflable top",
        "I recall buying one before",
        "Shocked by how good it is",
        # Fuel catching fire is what a firelighter or charcoal is for.
        "Set fire to the logs in minutes with this starter, great product.",
        "Allume-feu efficace, les bûches prennent feu vite",
        "Le charbon prend feu en 2 minutes",
        "the charcoal quickly caught fire",
        # The dessert, food burnt in a pan, a topic.
        "Parfait pour la crème brûlée",
        "Réchaud top, on a brûlé les saucisses mais c'est ma faute.",
        "La poêle a brûlé le fond de la sauce, elle chauffe mal",
        "Sujet brûlant, bien traité",
        # Melting food and snow is no hazard.
        "The cheese melted nicely on the burger",
        "Le chocolat a fondu dans la voiture, ma faute",
    ],
)
def test_figurative_uses_do_not_lift(text):
    assert verdict_of(text).lifts == []
