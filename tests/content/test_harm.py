"""Harm told by its shape (phases/harm.py) and what a product is for (safety._what_it_is_for): both ways."""

import pytest

from .helpers import verdict_of


@pytest.mark.parametrize(
    "text",
    [
        # A body part and what happened to it.
        "Ma fille s'est entaillé le pouce sur le bord du couvercle.",
        "Je me suis tordu la cheville, la semelle glisse sur le carrelage mouillé.",
        "Bit into a date and cracked a tooth on a stone, the pack said pitted.",
        "The edge of the tray gashed my son's hand, he needed a plaster.",
        "Deux semaines après, il a une bosse sur le front et une plaie à l'arcade.",
        "Ended up with bruised ribs after the bench tipped.",
        "Mon mari a eu le doigt en sang à cause de la charnière.",
        "The lid flew off and scalded my wife's arm.",
        # A part that gave way, then a person who fell or a child aboard.
        "The ladder's hinge buckled. I fell two metres onto the patio.",
        "Le pied du tabouret a cédé et ma mère est tombée en arrière.",
        "La chaise haute s'est repliée avec mon petit dessus.",
        "The handlebar came loose while riding and I went over the handlebars.",
        # A young child with a part in the mouth.
        "Cute rattle but the bead came off and my 9 month old had it in his mouth.",
        "Le bouton s'est décroché, mon bébé de 10 mois l'avait dans la bouche.",
        # Glass or metal in food, a coating in the pan's food.
        "Found a shard of glass in the jar of honey.",
        "Des morceaux de métal dans la boîte de céréales, inadmissible.",
        "The coating is peeling off into the food after three uses.",
        # A recall, a breaker, a fuse, a swollen battery, a glass jar that burst, a skin reaction.
        "Le casque fait l'objet d'un rappel, vérifiez votre lot.",
        "Just got a recall notice for this car seat.",
        "Plugged it in and it tripped the breaker twice.",
        "Le grille-pain a fait sauter les plombs de tout l'appartement.",
        "My power bank is bulging after a month.",
        "The glass carafe shattered on the hot plate.",
        "Ses mains sont devenues rouges et gonflées après le bain moussant.",
        # A rash or swelling, a fall on a slippery sole, someone caught or thrown, a pet at the vet, a shock told in
        # slang, a plug that blackened, mould where a child's mouth goes, something loose running into traffic.
        "This serum gave me a rash and my eyelids swelled up overnight.",
        "Dad went down on the bathroom tiles, the soles are like ice. Bruised hip.",
        "The cot's side rail dropped and my son got his arm stuck.",
        "La balançoire a lâché d'un coup et a projeté ma fille contre le muret.",
        "Le chat a avalé un morceau de la plume, urgence chez le vétérinaire.",
        "J'ai pris une châtaigne en touchant la carcasse du grille-pain.",
        "La multiprise a noirci au bout de deux jours.",
        "Black mold inside the teether after a month, my baby chews on it all day.",
        "The leash clip broke and the puppy bolted into the road.",
        "The fridge's glass shelf shattered on its own overnight.",
        # A child's restraint letting go, furniture tipping, a neck caught, a blade thrown off, a fall from a ladder,
        # a near miss with a car, smoke in French, a swollen battery further from its verb, a skin reaction treated.
        "The harness buckle on the high chair popped open while she was in it.",
        "Siège auto : l'attache isofix s'est détachée au premier freinage.",
        "The bookcase tipped over onto the bed even though it was half empty.",
        "Le cordon du pyjama s'est accroché au lit et l'a tiré par le cou.",
        "The trimmer blade flew off and hit the fence next to my son.",
        "The step slipped on the tiles and I fell off the ladder, bruised but ok.",
        "La laisse a lâché et le chien a failli se faire renverser.",
        "Le chargeur s'est mis à fumer sur la table de nuit.",
        "La batterie du vélo électrique a complètement gonflé.",
        "My face went bright red and I had to take antihistamines.",
        "Dad's whole scalp was burning after the dye, still sore.",
        # Ill after eating, a smell that gave headaches.
        "We were vomiting all night after eating the chicken.",
        "The paint smell gave me headaches for days.",
    ],
)
def test_harm_told_by_its_shape_lifts(text):
    verdict = verdict_of(text)
    assert verdict.lifts == ["safety"], verdict.matches
    assert verdict.hold_reasons == []


@pytest.mark.parametrize(
    "text",
    [
        # The cut of a garment, a fit that pinches, a figure of speech: real reviews of ../shared/data.
        "I didn't like that cut on my arms, the shirt is really cute otherwise.",
        "The angled cut on the legs is very cute.",
        "These socks pinched my thighs and were almost painful.",
        "These shoes crushed my toes after an hour.",
        "It felt like a whiplash collar coming up over my chin.",
        "The treats give off a nauseating smell.",
        "Le SAV, c'est une équipe de bras cassés.",
        "Ce livre parle d'une relation toxique et de reconstruction.",
        "I got sick of the smell after a week, returning it.",
        # A failure with nobody hurt, a fall that is not one, a ride that went fine.
        "The strap snapped after a week. I fell in love with the replacement though.",
        "La robe tombe parfaitement, le tissu a lâché au lavage.",
        "Le vélo est tombé en panne au bout de 10 km, roue crevée.",
        "La fermeture a lâché en descendant du train, pas pratique.",
        # Glass or swelling that is no hazard.
        "The glass shattered when I dropped it on tiles, my fault.",
        "The down jacket puffed up nicely after the wash.",
        # A recall that is memory, a mouth that is food's.
        "I don't recall the size I ordered.",
        "Ce chocolat fond dans la bouche, un délice.",
        # A condition the customer has, a baking mould, a joy, cooking smoke, a warning about a risk, a stuck drawer.
        "Finally a cream that doesn't irritate my eczema.",
        "Great silicone chocolate mold, the kids loved eating them.",
        "J'ai failli m'étouffer de rire devant la notice.",
        "Searing steaks in this cast iron sets off the smoke alarm, worth it.",
        "Emballage sérieux, avec des avertissements clairs sur le risque d'étouffement.",
        "Le tiroir est coincé depuis le montage.",
        "She went down to the lobby to ask for a kettle.",
        # Figures of the ears and eyes, a negation with "souci", a product called by a harm's name, a game's bike.
        "Ce mixeur est si bruyant que mes oreilles saignent, lol.",
        "Aucun souci de surchauffe, même après une heure.",
        "The shade is called Toxic Berry and it lasts all day.",
        "Like the car in his video game that blows up, but ours just hums along.",
        "The stroller basket broke after a month, annoying.",
    ],
)
def test_close_harmless_texts_do_not_lift(text):
    assert verdict_of(text).lifts == [], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        # What it is sold for: spice that burns the mouth.
        "Cette harissa m'a brûlé la langue, exactement ce que je voulais.",
        "These wasabi peas burned my mouth and I kept eating.",
        # A warning quoted from the box, praised.
        "Great that the box says 'choking hazard, small parts, not for under 3s'.",
        "L'emballage indique clairement le risque d'étouffement pour les moins de 3 ans, très bien.",
        # A question that wonders.
        "Would it overheat if I left it on overnight? Haven't tried.",
        "Est-ce que ça risque de prendre feu si on le laisse branché ?",
        # A figure.
        "The colour is more like toxic waste than olive.",
        "Cette crème a explosé tous mes records de vente, top.",
        # The story's harms, with the reviewer in the sentence.
        "The boss fight where the hero gets electrocuted had me screaming.",
        "Gameplay nerveux : on brûle des villes entières, les boss t'empoisonnent.",
        "Coffret de la série télé : accidents, grands brûlés, urgences à chaque épisode.",
        "The twist where the butler poisons the guests got me. Couldn't put it down.",
        "Film catastrophe réussi, le paquebot prend feu dès la première heure.",
    ],
)
def test_what_a_product_is_for_or_a_story_does_not_lift(text):
    assert verdict_of(text).lifts == [], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        # Spice words elsewhere do not excuse a burn that is not in a mouth; a warning a customer writes is a report.
        "The chilli jar lid is fine but the kettle burned my hand.",
        "WARNING: this heater overheats and the plug melted.",
        # A question that worries, and a product hazard in a game review's own sentence about the console.
        "Isn't it dangerous that the plug gets this hot?",
        "Great gameplay, but the console charger caught fire last night.",
    ],
)
def test_reports_beside_those_exemptions_still_lift(text):
    assert verdict_of(text).lifts == ["safety"], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        # Gear broken in the fall it was for, something heavy that landed on someone, a part said broken after.
        "The helmet cracked on the first small fall, scary.",
        "Le casque s'est fendu à la première chute de mon fils.",
        "The kettlebell handle broke and it landed on my foot, toe is broken.",
        "La poignée de l'haltère a cédé, l'haltère m'est tombé sur le pied.",
        # A net that tore under a child, a battery swelling a few words on, a device too hot, a near miss told.
        "My daughter's trampoline net tore and she fell out onto the grass.",
        "The e-bike battery started swelling and smelled of chemicals.",
        "The charger got so hot it left a brown mark on the desk.",
        "The carabiner opened under load during a climb, could have been fatal.",
        "Le mousqueton s'est ouvert sous charge en escalade, ça aurait pu être mortel.",
        # A child's seat that let go, a teat that came apart in a child's mouth.
        "The child seat buckle came undone while driving.",
        "The baby bottle teat came apart in my son's mouth.",
    ],
)
def test_more_harms_told_by_their_shape_lift(text):
    assert verdict_of(text).lifts == ["safety"], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "After the crash my helmet had split in two, it saved my head.",  # gear that did its job
        "Le casque s'est fendu dans la chute mais il a fait son travail.",
        "Chaussures de sécurité : un parpaing m'est tombé sur le pied, la coque a tenu, pas une égratignure.",
        "Mon casque est tombé du bureau et s'est cassé, le son est coupé.",  # headphones, dropped
        "The helmet arrived cracked, box was crushed.",
        "This book could have killed me with boredom.",
        "Ce film aurait pu me tuer d'ennui.",
        "After years of bad luck I landed on my feet with this job, and these shoes.",
        "Je suis tombé sur la tête en voyant le prix.",
        "The toe is broken after a week, the sole came off too.",  # a shoe's toe
        "This jacket got so hot on the bus I had to take it off.",
        "The hoodie tore after two washes.",
        "Fatal flaw: no pockets.",
    ],
)
def test_their_harmless_neighbours_do_not_lift(text):
    assert verdict_of(text).lifts == [], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "J'ai pris une châtaigne de la part de mon frangin, du coup le tee-shirt est taché de sang.",
        "Pris une châtaigne en pleine tête en passant sous l'arbre du jardin de l'hôtel.",
        "J'ai pris un jus d'orange au petit déjeuner, excellent.",
        "Mon fils a pris une châtaigne à la récré, heureusement le sac à dos l'a protégé.",
    ],
)
def test_a_chestnut_a_punch_or_a_juice_is_no_shock(text):
    assert verdict_of(text).lifts == [], verdict_of(text).matches


@pytest.mark.parametrize(
    "text",
    [
        "J'ai pris une châtaigne en touchant le four.",
        "Pris une bonne châtaigne en branchant la rallonge, le fil est dénudé.",
    ],
)
def test_a_chataigne_from_a_thing_touched_still_lifts(text):
    assert "safety" in verdict_of(text).lifts, verdict_of(text).matches
