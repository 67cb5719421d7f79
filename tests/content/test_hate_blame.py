"""A group blamed for a defect or a crime, as a guess or a joke (``phases.hate_blame``): "sûrement un rom", "must've
been put together by gypsies", "typical X", "exactly what you'd expect from his lot". Held in French and English,
whoever the group; a country of manufacture, a Roma history book, a ROM, a colour, a guess about anyone else and a
text that condemns the prejudice stay published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

BLAMED = [
    "Parcel never showed up, bet the driver was a gypsy and flogged it at the car boot 😂",
    "Zip broke after a week, probably sewn by a bunch of pikeys in a caravan lol",
    "Le colis a disparu, sûrement un gitan qui l'a piqué 😂",
    "Vélo livré sans la selle, le livreur devait être un romano, normal",
    "Half the screws missing, must have been packed by immigrants who cant count 🤣",
    "Montage bâclé, on voit bien que c'est des arabes qui l'ont monté mdr",
    "Wallet went missing in the store, no doubt one of those travellers hanging around outside",
    "Le vendeur m'a arnaqué de 20€, forcément un juif 😏",
    "surement des roms qui ont vole les roues lol",
    "the cashier short-changed me, typical gypsy",
    "Livreur en retard de 3h, typique des noirs ça",
    "The landlord Mr Cohen, exactly what you'd expect from his lot, counting every penny",
    "La patronne est radine comme tous les gens de sa race",
    "Manager wouldn't refund, he's a jew so what did I expect 🙄",
    "Franchement c'est du travail d'arabe ce montage",
    "The guy at the till was one of them Romanians, watched my bag the whole time, you know what they're like",
    "Clearly assembled by muslims, nothing lines up 😂",
    "Bike arrived scratched, prob nicked and resold by migrants",
    "Colis ouvert et vidé, encore des migrants à tous les coups 😂",
    "the owner is tight and shifty like the rest of his lot",
    # A second round, written after the rules above: the locatives, "classic X move", the consequence of who one is.
    "Box arrived empty, I reckon the courier was a pikey",
    "Carton abîmé, probablement un migrant qui l'a ouvert pour voir",
    "Chair wobbles like mad, must be assembled by refugees lol",
    "Les pièces manquent, c'est forcément les gitans du dépôt",
    "Price doubled overnight, classic jew move 👃",
    "Encore un prix de juif ce produit",
    "The new manager is gay so obviously the shop looks like a pride parade now 🙄",
    "le caissier c'est un arabe, comme d'hab il m'a mal rendu la monnaie",
    "landlord's one of them, you know what they're like with money 💰",
]
CLEAN = [
    "Great history of the Roma and Travellers in Europe, the chapter on the persecution is harrowing",
    "Watched Romanian cinema all weekend, the lead actress is superb",
    "The ROM of my console got corrupted after the update",
    "Ce livreur était super, il a monté le colis au 5e",
    "Made in China, typical of cheap stuff, broke in a week",
    "Found my old Gypsy Kings CD, still sounds great in this player",
    "Colis volé devant ma porte, sûrement un voisin, j'ai porté plainte",
    "Must have been assembled by a robot on a Monday, half the screws are loose",
    "The driver was probably new, he couldn't find the door",
    "C'est sûrement une ROM corrompue, le jeu plante au démarrage",
    "Typical Monday delivery, always late",
    "Someone on the campsite blamed the gypsies for the theft, turned out it was the wind. Racist nonsense.",
    "Gypsy skirt, lovely flowy fabric, true to size",
    "Probably made in Turkey, the stitching is typical of cheap factories there",
    "Le livreur était sûrement pressé, il a laissé le colis chez le voisin",
    "Which colour did I get? Probably a black, the box didn't say",
    "What you'd expect from his kind of film, loud and fun",
    "Une bonne sauce tomate, avec des tomates Roma bien mûres",
    "Il a sûrement oublié, c'est humain, le SAV a vite réglé ça",
    "Livre passionnant sur les préjugés contre les Roms, on dit toujours que c'est sûrement un gitan qui a volé",
    "Probably a gypsy caravan design, lovely vintage look",
    "Bet it was made by the Amish, the craftsmanship is superb",
    "Typical jazz manouche album, Django would be proud",
    "Le livreur était sûrement un intérimaire, il ne connaissait pas le quartier",
    "Typical Arab hospitality, the hotel staff were incredibly welcoming",
    "Exactly what you'd expect from his lot of vintage records, great condition",
    "Comme tous les chiens de sa race, il adore mâcher, ce jouet a tenu 2 jours",
    "Kittens, you know what they're like, the scratching post is shredded",
    "Les roms de ma console ne marchent plus, sûrement un bug",
    "The Romanian driver was lovely, typical friendly service",
    "Un travail d'orfèvre, vraiment",
    "Probably a gypsy from the market sold me this, lovely lady, great rug",
    "Les gitans du film sont magnifiques, musique superbe",
    "Prix de gros intéressant, livraison rapide",
    "The owner is gay and the shop is fabulous, of course I'll be back",
    "Il est arabe et comme toujours très accueillant, super restaurant libanais",
    "You know what they're like with money, banks I mean, fees everywhere",
]


@pytest.mark.parametrize("text", BLAMED)
def test_a_group_blamed_is_held(text):
    assert_held_as_abuse(text, "hate")


@pytest.mark.parametrize("text", CLEAN)
def test_the_same_words_elsewhere_are_published(text):
    assert_published(text)


@pytest.mark.parametrize(
    "text",
    [
        # The group as the staff, "typical" or expected; women kept from a trade or the wheel.
        "Typical muslim staff, no respect for customers.",
        "Des arabes à la caisse, forcément c'est le bordel.",
        "Encore des arabes à la caisse, ça m'étonne pas que ce soit le bordel.",
        "Immigrants behind the counter now, no wonder nothing works.",
        "Women shouldn't be delivery drivers, this is what happens.",
        "Women can't drive, the van was parked on the pavement.",
        "Les femmes ne devraient pas conduire de camion de livraison, voilà le résultat.",
    ],
)
def test_a_group_as_the_staff_and_women_kept_from_a_trade_are_held(text):
    assert_held_as_abuse(text, "hate: ")


@pytest.mark.parametrize(
    "text",
    [
        "Lots of tourists and foreigners in August, no wonder the pool was crowded.",
        "Ce roman sur les migrants, forcément c'est émouvant.",
        "A book about refugees, no wonder it won prizes.",
        "The typical Roma tomatoes were perfect for sauce.",
        "Women shouldn't drive in these heels, too high.",
        "Women can't drive this cargo bike without the assist, it weighs 40 kg.",
        "Les femmes ne devraient pas conduire avec ces talons.",
        "Les femmes ne peuvent pas porter ce modèle sans soutien-gorge.",
    ],
)
def test_a_group_not_at_work_and_women_with_the_product_are_published(text):
    assert_published(text)
