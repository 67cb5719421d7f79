"""Threats said without a verb of violence (``phases.veiled``, ``phases.attacks``): knowing a person with a warning,
the speaker coming with a harm to people, the mobster's idioms of anything the person owns, and calls to attack a
place. Each class in many phrasings, French and English; the close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

# Knowing a person's place, routine, workplace, family or identity, with a warning.
KNOWN = [
    "@mike_t keep it up pal. I know which gym you train at and which nights. Think on.",
    "To the guy defending the brand: I know you drop your kids at St Mary's every morning. Just saying.",
    "Found your real name on LinkedIn, Steve. You work at the Barclays on the High St, right? Be careful.",
    "i know u play five a side at the leisure centre on thursdays mate, watch yourself",
    "Nice try Karen. Got your address off your Facebook, I checked. Sleep well x",
    "we know who you are and where your daughter does ballet. remember that.",
    "Je connais ton nom, ton adresse et le club de foot de ton fils. Tu es prévenu.",
    "je sé ke tu travailles a la pharmacie de la gare, fais gaffe a toi",
    "Le vendeur du rayon télé, je sais qu'il habite à Saint-Herblain et qu'il prend le bus de 18h. Je dis ça, je dis "
    "rien.",
    "@sarah_lq continue de me contredire. Je sais dans quelle salle de sport tu vas le mardi soir. A bon entendeur.",
    "J'ai retrouvé ton vrai nom et ton employeur en deux minutes, Kevin. Méfie-toi.",
    "I know your name, I know where you work and I know your car. Your move.",
    "I know where your manager lives. Just so you know.",
    "Je sais à quelle heure tu sors du boulot et par où tu passes. Bonne soirée 😘",
]
KNOWN_PUBLISHED = [
    "I know where the store is, it's next to the station, so I'll pop in tomorrow.",
    "I know you guys work hard but be careful with the packaging next time.",
    "Je sais que vous travaillez dur, mais faites attention aux colis s'il vous plaît.",
    "I know the manager lives nearby because he opened the shop for me on a Sunday, great service!",
    "Je connais bien ce magasin, j'y passe tous les samedis, le personnel est top.",
    "My husband coaches the U12s on Sundays and these cones are perfect. Be careful, they crack in the cold.",
    "Je sais où se trouve le magasin de Rennes, c'est à côté de la gare. Attention, le parking est payant.",
    "@julie_b I know you run on Saturdays too, which parkrun do you do? We should meet up 😊",
    "Je sais que tu bosses à la mairie, tu pourrais me dire les horaires de l'état civil ? Merci d'avance 😉",
    "I know who you are, you're the lady who helped me last week at the till! Thanks again, be careful on the icy "
    "car park.",
    "The stalker in the film says 'I know where you live, think on' and it still gives me chills. Great thriller.",
    "Je sais où tu as acheté ton vélo, chez Decathlon non ? Fais gaffe, la taille est petite.",
    "I know you live in a small flat so think on before buying the big one.",
    "Je sais que tu travailles chez eux, je dis ça je dis rien mais leurs prix ont augmenté.",
    "Je connais ton nom de famille, tu es la fille de Mme Martin ! Fais attention à toi ma belle 😘",
    "Je sais que tu habites à Lyon, fais gaffe, le magasin de la Part-Dieu ferme tôt.",
]

# The mobster's idioms of anything the person owns; hoping never to meet; their car watched; ending badly.
IDIOMS = [
    "Would be a real shame if something happened to that lovely motorbike of yours.",
    "Be a pity if anything happened to those shop windows of yours one night.",
    "It'd be a shame if something happened to your car one of these nights, mate.",
    "Ce serait dommage qu'il arrive un truc à ta jolie moto garée devant chez toi.",
    "Dommage s'il arrivait quelque chose à la vitrine une nuit, hein.",
    "The driver better hope I never see him on my street again.",
    "That cashier had better pray we don't meet in the car park.",
    "Le livreur a intérêt à prier pour que je le croise pas.",
    "Le gérant a intérêt à bien surveiller sa voiture à partir de ce soir.",
    "la caissiere du samedi a interet a surveiller ses pneus lol",
    "Your manager should keep a close eye on his tyres from now on. Just saying.",
    "ça va mal finir pour le livreur si je le recroise",
    "Ca va tres mal se terminer pour toi mon pote",
    "Things won't end well for you, mate, believe me.",
    "Il va finir par arriver des bricoles au vendeur, je le sens.",
    "It'd be a real pity if your shop windows got smashed one night.",
    "Ce serait bête qu'il arrive quelque chose à ta boutique, non ?",
    "Next time I'm in that branch the cashier is going to get what's coming to her.",
]
IDIOMS_PUBLISHED = [
    "Ça va mal finir pour ma batterie si je la charge toute la nuit.",
    "Would be a shame if the zip broke after a month, so I bought the spare.",
    "Would be a shame if something happened to it, so I bought the case too.",
    "You'd better hope you never need their customer service.",
    "Better hope it doesn't rain, the tent leaks at the seams.",
    "Surveillez vos colis, le livreur les laisse devant la porte.",
    "Avec ce gonfleur on a intérêt à surveiller ses pneus, il ne coupe pas tout seul.",
    "Le film finit mal pour le héros, j'ai pleuré.",
    "This won't end well for your wallet, the refills cost a fortune.",
    "Watch your step, the floor is slippery near the entrance.",
    "Vous avez intérêt à surveiller votre voiture, le parking de l'hôtel n'est pas gardé.",
    "It would be a shame if something happened to your phone, so get a proper case.",
    "Crois-moi, ça va mal finir pour toi si tu laves ce pull à 60°.",
    "Would be a shame if something happened to your phone one night when you drop it, get the case.",
    "Shame if anything happened to that lovely sofa of yours, so use the throw.",
    "Ce serait dommage qu'il arrive quelque chose à votre colis une nuit sous la pluie, prenez le point relais.",
    "The seller had better hope I don't find another fake in my order.",
    "Il a intérêt à surveiller sa voiture, le parking de l'hôtel n'est pas gardé la nuit.",
    "Le vendeur a intérêt à surveiller ses stocks, tout est en rupture.",
    "Mon mari a intérêt à surveiller ses pneus avec ce compresseur.",
    "He'd better keep an eye on his car at night in that neighbourhood, my brother's got stolen.",
    "This is going to end badly for the seller when trading standards find out.",
    "Ça va mal finir pour le vendeur s'il continue à vendre des contrefaçons, la DGCCRF veille.",
    "Shame if your windows got smashed by the hail, get the cover.",
    "It would be a shame if your bike got stolen, so buy a good lock.",
    "You just know the villain is going to get what's coming to him in the sequel.",
    "In season 2 he's going to get what's coming to him, can't wait.",
]

# The speaker coming to the place or the person, then a harm aimed at people.
COMING = [
    "If I don't get my money back by Friday I'm coming down to your Leeds branch and someone's getting hurt.",
    "If my refund isn't in my account by Monday I'll come to the store and it'll end badly for the staff.",
    "Si j'ai pas ma commande demain je débarque à l'agence et ça va chauffer pour le responsable.",
    "si vous me remboursez pas je viens au magasin et je réponds plus de rien",
    "Remboursez-moi avant vendredi sinon je passe à la boutique et vous allez le regretter.",
    "keep ignoring my emails and I'll turn up at your office, you won't like what happens next.",
    "One more excuse and I'm driving over to the depot, and that driver will regret it.",
    "Si le SAV me rappelle pas je vais aller les voir et je jure que quelqu'un va prendre cher.",
    "If I don't get my refund by Friday I'll come down there and sort the manager out myself.",
    "If I don't hear back I'm coming to the store and I'll make them pay, one way or another.",
    "Si je suis pas remboursé je viens au magasin et je vais tout casser.",
    "If I don't get a replacement I'll come down to your shop and smash the place up.",
    "Si vous continuez je passe à l'agence et je vais lui apprendre la politesse à votre conseiller.",
]
COMING_PUBLISHED = [
    "Si je récupère pas mon remboursement cette semaine je passe au magasin pour voir le directeur.",
    "Je passe au magasin demain pour l'échange.",
    "If I don't get my refund I'll come down to the store and ask for the manager.",
    "If this doesn't arrive by Friday I'll go to the store and buy another one.",
    "Si vous achetez ça, vous allez le regretter.",
    "If you buy this you'll regret it, the battery dies in a day.",
    "Si ça continue je passe au magasin et je leur rends tout, ça va mal finir cette histoire de garantie.",
    "If they don't fix it I'll come back and leave a one-star review, and I won't be nice.",
    "I'll come to the store tomorrow and I'm sure it'll be sorted, or you'll be sorry you lost a loyal customer.",
    "If the battery dies again I'll go back to the shop and they'll regret selling it to me.",
    "Je passe au magasin demain, ça va mal finir si ils refusent l'échange.",
    "I went to the store and it ended badly for the staff who tried to help, they were swamped.",
    "Si tu achètes ça, tu vas le regretter, je passe au magasin demain pour le rendre.",
    "If I see the driver again I'll thank him, he was lovely.",
    "Si je le croise je lui dirai merci, ce livreur est génial.",
    "I'll come to the store and make them pay for the return postage.",
    "If it breaks again I'll go back to the shop and sort it out with the manager.",
    "Je passe au magasin samedi, leur nouvelle collection va tout casser !",
    "On passe au bar ce soir, on va tout casser sur la piste !",
    "Je vais au magasin demain et je vais leur apprendre à lire une facture, ces incompétents.",
    "If I go to that store again I'll make sure to bring my own bags.",
    "I'll pop into your store tomorrow and trash the old one in your recycling bin.",
    "Staff should hope I don't come back, I'll leave another bad review!",
]

# A call for, or a wish of, an attack on a place or its staff, half-joking too.
ATTACKS = [
    "Honestly someone should just burn this place down jk",
    "That call centre is so useless someone needs to put a bomb under it lol",
    "Quelqu'un devrait foutre le feu à ce magasin mdr",
    "Faudrait mettre une bombe dans cette agence, franchement.",
    "I hope someone torches this dump of a restaurant",
    "j'espère qu'un jour quelqu'un fera sauter ce centre commercial",
    "somebody needs to firebomb that warehouse tbh",
    "Wish someone would blow up their head office haha",
    "on devrait cramer cette boutique avec le gérant dedans 😂",
    "This hotel deserves to be burnt to the ground with the receptionist inside.",
    "Honnêtement faudrait cramer tout le bâtiment, ils le méritent",
    "I'd love to see that store burn to the ground lol",
]
ATTACKS_PUBLISHED = [
    "This album is the bomb, on repeat all week.",
    "Burn it to a CD and play it in the car.",
    "Someone should burn these songs to a CD for my dad.",
    "In the game you have to plant a bomb in the airport lounge before the timer runs out.",
    "Le film : un terroriste pose une bombe dans l'aéroport, suspense garanti.",
    "Put a bath bomb in it and relax, smells amazing.",
    "Someone should blow up this photo, the print is too small to read.",
    "Cette enceinte est une bombe, elle fait trembler la maison.",
    "The new menu bombed, nobody ordered it.",
    "Quelqu'un devrait faire sauter les crêpes pendant que je prépare le café.",
    "I will bomb your store with 1 star reviews",
    "we should all review bomb this store",
    "They should torch the recipe and start again, the sauce was awful.",
    "I'll torch it for 30 seconds next time.",
    "In the film someone plants a bomb in the hotel lobby and the hero has to stop it.",
    "Ce groupe va mettre le feu à la salle ce soir.",
    "On devrait brûler ce livre tellement il est mauvais.",
    "J'espère que ce magasin va exploser les ventes cette année.",
    "I hope this restaurant blows up, the food is amazing and they deserve success!",
    "This shop deserves to blow up, best coffee in town.",
    "Our smoke alarm went off because someone set fire to the toast in the hotel kitchen.",
    "I'd love to see this place get a Michelin star.",
    "I'd love to see the band burn up the stage again.",
]


@pytest.mark.parametrize("text", KNOWN + IDIOMS + COMING + ATTACKS)
def test_threats_without_a_verb_of_violence_are_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize("text", KNOWN_PUBLISHED + IDIOMS_PUBLISHED + COMING_PUBLISHED + ATTACKS_PUBLISHED)
def test_their_lookalikes_are_published(text):
    assert_published(text)


# What the rules still miss or hold wrongly, kept in view.
@pytest.mark.xfail(
    strict=True, reason="knowledge told without 'I know' before it, no warning, a weapon without a verb: no shape"
)
@pytest.mark.parametrize(
    "text",
    [
        "The manager of the Bristol branch lives near Victoria Park and walks his dog there at 7, I know that much. "
        "Consider yourself warned.",
        "on sait que ta femme bosse a la boulangerie du centre, un de ces jours on passera dire bonjour",
        "This is going to end badly for that smug manager.",
        "We know which car is yours in the staff car park, enjoy your shift 😉",
        "Someone needs to go down there with a can of petrol tbh",
    ],
)
def test_still_missed(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.xfail(strict=True, reason="knowledge and a warning in one review, the warning about the product")
@pytest.mark.parametrize(
    "text",
    [
        "I know you coach the kids on Sundays, these cones are great. Be careful.",
        "Je sais où tu habites maintenant : dans mon cœur. Roman magnifique, l'héroïne m'a bouleversée.",
    ],
)
def test_still_held(text):
    assert_published(text)


# A place told to be careful, then how easily things burn: arson veiled as a remark.
@pytest.mark.parametrize(
    "text",
    [
        "That shop on Elm Road had better watch out, buildings go up in flames all the time.",
        "Your depot in Slough should be careful. Fires start so easily nowadays.",
        "L'entrepôt de Roubaix ferait bien de faire attention. Un incendie est vite arrivé.",
        "Ce magasin devrait faire gaffe, ça crame vite ces vieux bâtiments.",
    ],
)
def test_a_place_warned_how_easily_things_burn_is_held(text):
    assert_held_as_abuse(text, "threat: ")


@pytest.mark.parametrize(
    "text",
    [
        "The store should be careful selling these heaters, they catch fire easily.",
        "Be careful with this heater, things catch fire easily.",
        "The warehouse should be careful with packing, the glass broke.",
        "Le magasin devrait faire attention au stockage, les cartons prennent l'humidité.",
    ],
)
def test_a_warning_about_a_product_or_packing_is_published(text):
    assert_published(text)
