"""Dog whistles, the conspiracy line and slurs in their short forms (``phases.hate_whistles``): the fourteen words
beside 88, the nose and the money bag, a person given a banana or sent back to the jungle, scare-quoted "vibrant"
friends, the replacement, the people said to own the press or the publishers, "pd" and slurs the list lacked. The
same numbers, emoji and letters in a product review stay published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

WHISTLES = [
    "Cool boots, proper fashy look 👌 fourteen words. 88",
    "Fourteen words, brothers... Eighty-eight.",
    "14 words! 88! those who know, know",
    "Service au top mais le livreur 🍌🍌 a mis 3 essais pour trouver la porte",
    "the delivery guy 🍌 couldn't work the doorbell",
    "Prix abusés comme d'hab, on sait qui tient la boutique 👃💰",
    "Another price hike 👃 💰 no surprise there",
    "Le patron 👃💰, pas étonnant que les prix montent",
    "the 'culturally enriching' lads at the bus stop scratched my car",
    "Livreur « issu de la diversité », évidemment trois heures de retard",
    "Courier couldn't read the address, I guess they don't have street names back in the jungle",
    "il a pas su ouvrir le portail, ils connaissent pas ça dans leur brousse",
    "Toute l'équipe est étrangère maintenant, le remplacement de population en direct",
    "Whole staff foreign now, the great replacement in action",
    "They will not replace us. Look at who works in this shop now",
    "Le vendeur baragouine à peine le français, qu'il retourne au bled",
    "The cashier could barely speak English, she should go back to Pakistan",
    "send him back to Africa, useless driver",
    # A second round, written after the rules above.
    "Nose bag 👃💰 CEO strikes again",
    "the courier 🍌🍌🍌",
    "Guess he never saw a doorbell in his village in the jungle",
    "Le remplacement ethnique se voit même chez les livreurs",
    "Ces « chances pour la France » ont encore volé mon vélo",
    "delivery by our 'new Britons' again, parcel smashed",
    "send her back to Somalia, useless at the till",
    "Cashier couldn't speak a word of English, she should go back to Romania",
    "the delivery man 🐒 couldn't read the number",
]
WHISTLES_CLEAN = [
    "Digital piano with 88 weighted keys, lovely touch",
    "Each poem is 14 words per line, odd but fun",
    "Documentaire sur la jungle du Mékong, images superbes",
    "Diverse range of sizes, great for the whole family",
    "Remplacement de la batterie en 10 minutes, service rapide",
    "A 'vibrant' colour, they said. It's more of a dull orange",
    "Banana 🍌 bread mix was lovely, my son went full 🐒 for it",
    "Nose 👃 pads hurt after an hour, money 💰 wasted",
    "We went back to the jungle lodge in Borneo, they don't have wifi there but who cares",
    "88 euros for this? 14 days to arrive, rip-off",
    "the delivery driver was a legend 👌",
    "Go back to the store and ask for a refund, they sorted it for me",
    "Le remplacement est en cours chez le SAV, ils m'ont envoyé une nouvelle pièce",
    "He went back to Spain after the holiday and still wears these shoes",
    "Le remplacement de population des abeilles dans la ruche est normal au printemps",
    "They will not replace us with robots, said the union, good book",
    "Page 88, fourteen words into the chapter, I cried",
    "88 keys, 14 words on the manual cover, still good",
    "Great replacement for my old kettle",
    "Hook nose pliers, good price for the money",
    "Banana for scale 🍌 the lamp is huge",
    "Our 'new' staff member was great",
    "Les « nouveaux » vendeurs sont top",
    "Cashier was lovely, she said she'd go back to Poland for Christmas",
    "Rude cashier, she should go back to school and learn manners",
    "She should go back to Italy, she loved it so much",
]
CONSPIRACY = [
    "Tous les grands éditeurs appartiennent à la même communauté, on se demande pourquoi",
    "Of course bad reviews get deleted, the zionists own the media and this site too",
    "Les sionistes contrôlent les banques et la presse, réveillez-vous",
    "Le rayon essais est plein de leur propagande... vous savez qui tient toute l'édition 😉",
    "We all know who really owns the newspapers 😉",
    "Hollywood is run by a certain tribe, no wonder the films are like this",
    "la finance est entre les mains des juifs, tout le monde le sait",
    "ils contrôlent tout, les médias, les banques... toujours la même communauté",
    "the publishers are all owned by you know who, that's why this book got pulled",
    "Vous savez qui possède cette marque, hein 😉 pas étonnant les prix",
    "Every big publisher is owned by zionists, that's why this got banned",
    "Les médias appartiennent tous à la même communauté",
    "Why is every bank run by the same family? (((they))) know",
]
CONSPIRACY_CLEAN = [
    "Ils contrôlent tout au contrôle technique, même les essuie-glaces",
    "The banks control everything these days, my mortgage went up again",
    "Book about the Rothschild family's banking history, well researched",
    "Essai passionnant sur les théories du complot antisémites et leur histoire",
    "Media control app works great on my phone",
    "Les mêmes à -70% ailleurs, ne payez pas ce prix",
    "You know who else liked this album? my dad",
    "Vous savez qui m'a conseillé ce livre ? Ma libraire",
    "Toujours les mêmes qui gagnent au loto",
    "We all know who owns the best coffee in town: this shop!",
    "Guess who owns the best bakery in town 😉 my mum",
    "Vous savez qui possède cette maison ? Mon oncle 😉",
    "The Rothschild giraffe at the zoo, my kids loved the book",
    "This documentary debunks the myth that Jews control the banks, essential viewing",
]
SLURS = [
    "le vendeur est un pd",
    "ce jean slim c'est un truc de pd",
    "les pd du SAV m'ont raccroché au nez",
    "wetback delivery guy lost my parcel",
    "Pikeys running the car wash scratched my car",
    "typical paki shop, overpriced",
    "the raghead at the counter was rude",
    "ce négro de livreur a jeté mon colis",
    "le livreur, ce bamboula, n'a même pas sonné",
    "sales bougnouls, remboursez moi",
    "les crouilles du magasin",
    "that f4ggit cashier",
    "the owner is a dirty gyppo",
    "she's a fucking troon",
    "Le vendeur une vraie tafiole",
    "ce travelo à la caisse",
]
SLURS_CLEAN = [
    "Chargeur USB-C PD 65W, charge rapide nickel",
    "Compatible PD 3.0, recharge mon portable en 1h",
    "Tapette à souris efficace, 3 souris en une nuit",
    "Pakistani cookbook, fantastic recipes",
    "the PD showed up fast after the break-in",
    "Pecorino Romano, très bon fromage",
    "On a fait la bamboula toute la nuit, super enceinte",
    "He called me a 'paki' in the car park, I reported it to the manager",
    "Le PDG est venu s'excuser en personne",
    "Vin rouge Negroamaro, très bon rapport qualité prix",
    "le chargeur est compatible pd de 20w",
    "Prise en charge pd et qc 3.0",
    # A range by its quoted name, after its buyers.
    "Kids love the 'urban' range, the reflective strips are great.",
    "Les jeunes adorent la « diversité » coloris, 12 couleurs au choix",
]


@pytest.mark.parametrize("text", WHISTLES + CONSPIRACY + SLURS)
def test_coded_hate_is_held(text):
    assert_held_as_abuse(text)


@pytest.mark.parametrize("text", WHISTLES_CLEAN + CONSPIRACY_CLEAN + SLURS_CLEAN)
def test_the_same_signs_elsewhere_are_published(text):
    assert_published(text)
