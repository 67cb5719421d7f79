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
        # What the figurative exemptions below must leave lifting.
        "smoke came out of the charger",
        "It smokes when I turn it on",
        "Needed 5 stitches in my hand",
        "my finger bled for an hour after the blade slipped",
        "Mon fils a été hospitalisé après avoir avalé une pièce",
        "I was hospitalized after eating it",
        "Mon fils s'est blessé avec la lame",
        "Ma fille a fait une grosse allergie à cette crème",
        "The bottle exploded in the fridge",
        # A negation that is not the harm's: an order, "not only", an intensifier, a question, a harm said with one.
        "Do not buy this dangerous heater",
        "Not only dangerous, it is ugly",
        "I have never felt so unsafe in my life",
        "Isn't this a fire hazard? The plug gets hot.",
        "It is not safe for children",
        "Ce n'est que du poison",
        # Smoke from the thing, a stay in hospital, an injury rather than an ache, a child choking.
        "It started smoking after ten minutes",
        "The charger was smoking when I came back",
        "The room filled with smoke",
        "It set off the smoke alarm twice",
        "My son spent two nights in hospital",
        "On a fini aux urgences avec mon fils",
        "Ma fille a été emmenée à l'hôpital",
        "I hurt my back when the chair collapsed",
        "The cord was choking my toddler",
        # A review that tells a story, and a harm that is the reviewer's own or a product hazard's word.
        "J'adore les personnages, mais mon fils s'est coupé avec la page cartonnée",
        "Love the characters, but my son cut his finger on the page edge",
        "Livre pour enfants avec un personnage en plastique qui se détache : risque d'étouffement.",
        "Great plot, but the book light that came with it overheated",
        # A question answered yes, or not at all.
        "Is this dangerous? Yes, my kid got burned.",
        "Is this dangerous? No idea, but my kid got burned.",
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
        # Words inside other words, idioms, dye and knits: 172 lifts of the real reviews of ../shared/data.
        "Samuel L. Jackson est génial",
        "Warm hospitality and a great breakfast",
        "Great if you are blessed with curves",
        "Là où le bât blesse, c'est le prix",
        "Lovely pointelle stitches on the sleeves",
        "Wear it with a choker",
        "the blue dye bled everywhere in the wash",
        "the color bleeds a little onto the white",
        "Great smoked salmon",
        "There is a smoking area outside",
        "An explosion of flavours",
        "Une explosion de saveurs",
        "Un dernier tome explosif",
        "Je vais exploser mon record avec ces chaussures.",  # exploding a record, with "mon"
        "Un couple qui a tout pour faire des étincelles",
        "Ce roman m'a rappelé mon adolescence",
        "Je n'en dis pas plus au risque de gâcher l'intrigue",
        "I found them by accident on the shelf",
        "Great for dogs with allergies",
        "The hotel catered for food allergies",
        # A harm said not to be there: 110 lifts of the real reviews of ../shared/data, with the shapes below.
        "No danger of them ripping so far",
        "It's not dangerous at all",
        "Pas dangereux du tout pour les enfants",
        "Il n'y a aucun risque d'étouffement avec ce modèle",
        "I didn't have to be overly worried about him choking",
        "Baby will not choke on it",
        "Tiny and powerful without burning my mouth",
        "Strangled by the strap? No, it is actually very comfortable.",  # a question answered no
        "Dangereux pour les enfants ? Pas du tout, tout est arrondi.",
        # Smoke as a flavour or a habit, a hospital as a place or a cut, a fit that is tight, an ache, a stifling book.
        "CedarHouse liquid smoke is fantastic",
        "Nice amount of heat and smoke",
        "I quit smoking last year",
        "Guests standing at the entrance smoking",
        "The room smelled of stale cigarette smoke",
        "Close to the hospital, perfect for appointments",
        "It looks like a hospital gown",
        "Le roman se passe dans un hôpital psychiatrique",
        "La série Urgences",
        "The collar was practically choking me",
        "It makes me feel like I am choking",
        "The bed was so hard it hurt my shoulders",
        "Une ambiance étouffante, un huis clos réussi",
        "The bathrooms are dangerously small",
        "I ordered the wrong size on accident",
        "It was a happy accident",
        # A story's events: 141 lifts of the book and film reviews of ../shared/data.
        "Ce roman raconte l'histoire d'un fils qui a perdu son père dans un accident.",
        "Un thriller. Une ambiance de doute, de paranoïa, de danger.",
        "Le héros, blessé, doit faire halte à Bergen.",
        "The main character is injured in an explosion in chapter two.",
        "Des injures et des menaces, le personnage principal subit tout.",
        # The demo thread's own comment (../shared/data/seed_article_comments.json): a slippery slope.
        "La pente dangereuse arrive quand le moyen devient lui-même une finalité 🙂",
    ],
)
def test_figurative_uses_do_not_lift(text):
    assert verdict_of(text).lifts == []


@pytest.mark.parametrize(
    "text",
    [
        "Un film sombre : une explosion détruit le village et personne ne s'en remet.",
        "Ce livre se lit d'une traite. Un accident de voiture, une famille brisée, des blessures qui restent.",
    ],
)
def test_a_book_or_film_plot_does_not_lift(text):
    assert "safety" not in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        "Read the reviews before buying: the charger exploded within a week.",
        "Read the reviews. Overheats after ten minutes.",
        "Toute une histoire avec ce produit : la batterie a explosé dans le salon.",
    ],
)
def test_a_product_hazard_lifts_beside_story_words(text):
    assert "safety" in verdict_of(text).lifts


@pytest.mark.parametrize(
    "text",
    [
        # A burn told by what it took off a body, a blister beside a burn.
        "The gas ring flared and burnt all the hair off my arm",
        "The oven door was scalding, left a blister on my thumb",
        "Steam from the spout left a blister on my wrist, the lid does not lock",
        # An electric shock in slang, from touching a thing.
        "J'ai pris un bon coup de jus en touchant la carcasse du lave-linge",
        "Je me suis pris une sacrée châtaigne en débranchant la rallonge",
        "Got a nasty jolt off the metal casing of the fridge",
        "Felt a tingle when I touched the tap while the washing machine was running",
        # A fall nearly taken, in everyday words.
        "J'ai failli me casser la figure dans l'escalier, la semelle glisse",
        "La marche a bougé, j'ai manqué de me vautrer avec les courses",
        "Almost face-planted when the sole came unglued",
        "I nearly went down the stairs when the heel snapped",
        # A fall taken face first onto something hard, and its stitches.
        "The chain snapped and I went head first into the kerb",
        "La roue s'est bloquée, je suis parti tête la première sur le bitume",
        "Fell off the ladder when the rung bent, 4 stitches, avoid",
    ],
)
def test_burns_shocks_and_falls_told_in_everyday_words_lift(text):
    verdict = verdict_of(text)
    assert "safety" in verdict.lifts
    assert verdict.hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        "New boots left a blister on my heel after a long walk",
        "La peinture fait des cloques près du poêle à bois",
        "This coffee gives me a real jolt every morning",
        "This serum gives a lovely tingle on the skin",
        "Je me suis pris une belle châtaigne au rugby, rien à voir avec le maillot qui est top",
        "J'ai failli me ramasser une amende en me garant devant",
        "Dove headfirst into the series, finished it in a weekend",
        "Cast on 60 stitches for the hat, yarn is lovely",
        "The baseball has 108 stitches and the face of it feels genuine",
    ],
)
def test_blisters_jolts_and_stitches_that_are_no_hazard_do_not_lift(text):
    assert verdict_of(text).lifts == []
