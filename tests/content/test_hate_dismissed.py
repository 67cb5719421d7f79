"""A group by status or origin said to fill a place and to be sent back, kept out of jobs politely, a scare-quoted
coded group with a wink or an 88 sign-off, a woman told to go make a sandwich and leave the talk to men, and a person
named by their origin and called an animal (``hate_groups``, ``hate_polite``, ``hate_exclusion``, ``hate_dismissed``):
each class in its French and English phrasings, the parts apart published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

FILLED_AND_SENT_BACK = [
    "Bike ok. The shop is packed with illegals who can't speak English, send them all back.",
    "Half the staff are illegal immigrants, deport the lot of them.",
    "this town is crawling with illegals now, ship em all home",
    "Le magasin est rempli de clandestins, renvoyez-les tous chez eux.",
    "Plein de sans-papiers dans ce magasin, faut les renvoyer chez eux.",
    "Full of foreigners at the tills who barely speak English. They should all go home.",
    "Illegal aliens everywhere in this store. Send em back.",
    "Que des sans-papiers en caisse, qu'ils rentrent tous chez eux.",
    "Too many asylum seekers working here, time to send them back where they came from.",
]
KEPT_OUT_OF_JOBS = [
    "I would simply prefer that this shop stopped hiring people from Africa.",
    "With respect, you should stop employing people from Pakistan, customers notice.",
    "Kindly quit hiring people from the Middle East for the front desk.",
    "Please stop recruiting people of colour for the counter.",
    "N'embauchez plus de gens venus d'Afrique, merci.",
    "Ce serait bien d'arrêter d'embaucher des personnes originaires du Maghreb.",
    "Avec tout le respect, il faudrait cesser de recruter des gens d'Afrique.",
    "Respectfully, hire fewer foreigners. They do not share our values.",
    "Trop de musulmans à l'accueil, ils ne partagent pas nos valeurs.",
    "Migrants at the counter again. They don't share our values and it shows.",
]
CODED_AND_WINKED = [
    "Funny how every time there's shoplifting here it's the 'urban youth' again. We all know who they are. 88",
    "Bike stolen outside, the 'inner city youths' again, we know who they are.",
    "Encore des vols, les « jeunes des quartiers » comme par hasard. On sait tous qui c'est.",
    "Break-ins every week, always the 'local youths'. Funny how that works.",
    "Same 'youths' hanging around the car park again, what a surprise.",
    "The car park is full of 'youths' again. You know who they are. 88",
    "Shoplifting again. We all know who they are. 88",
]
SANDWICH = [
    "@sarah_k nobody asked sweetheart, go make a sandwich and let the men talk about bikes",
    "go make me a sandwich love, this thread is for people who actually ride",
    "Nobody asked you, hun. Back to the kitchen and leave the bikes to the men.",
    "Shut up and make me a sandwich, woman",
    "Personne t'a demandé ma belle, va faire la vaisselle et laisse les hommes parler vélo.",
    "Retourne à tes casseroles chérie, laisse parler les hommes.",
    "let the men talk, sweetie, and go make us a sandwich",
    "@julie va plutôt faire la cuisine et laisse les hommes discuter mécanique",
]
ORIGIN_ANIMAL = [
    "The steward on deck 7, the Polish guy with the neck tattoo, is a filthy animal.",
    "That Romanian driver is a dirty animal, stank out the whole van.",
    "the albanian bloke at the counter is a disgusting pig",
    "Le livreur roumain, un vrai sale animal.",
    "Ce Polonais de la caisse 3 est un porc dégoûtant.",
    "The Nigerian cleaner is vermin, nothing more.",
    "cette caissière marocaine est une sale bête",
    "That filthy Pakistani animal at the till.",
    "The new guy at the till is Polish and a filthy animal.",
]
PUBLISHED = [
    # Status and origin, no expulsion: tourists, warehouses, parcels sent back.
    "The store was full of tourists, we waited ages.",
    "They sent them all back to the warehouse and I got a refund.",
    "The shop is packed with students every Saturday, send help.",
    "Le magasin était rempli de touristes, renvoyez-moi le colis.",
    "Ordered two, they were damaged, so I sent them all back.",
    "The staff were foreigners on holiday jobs and very kind.",
    # Hiring, places, values.
    "They stopped hiring people from temp agencies and service got better.",
    "We hire people from all over Africa and Asia, great team.",
    "The shop should stop hiring students only on weekends.",
    "N'embauchez plus d'intérimaires, ils ne connaissent pas les produits.",
    "People from Africa will love this bike, it handles dirt roads well.",
    "This brand doesn't share our values, we switched.",
    # Quotes, winks and numbers.
    "88 keys, weighted, lovely piano. 88",
    "Great sponsor for the urban youth football league.",
    "We all know who they are: the usual suspects, the couriers.",
    "The 'Urban Youth' range fits small, size up.",
    "Score: 88. Great kit for the price.",
    "Les « jeunes » pousses de salade étaient fraîches.",
    # Sandwiches and men.
    "go make a sandwich with this bread, delicious",
    "Love it, go make a sandwich with it.",
    "Make me a sandwich with this loaf and you'll see how soft it is.",
    "Let the men's team know the jerseys are in.",
    "Va faire la vaisselle avec ce liquide, il dégraisse tout.",
    "My husband said let the men handle it, so I fixed it myself lol, great tool.",
    # Origin and animals, praised or told apart.
    "The Polish guy at the counter was brilliant, thanks Piotr!",
    "I'm Polish and the staff were so helpful, five stars.",
    "The Romanian mechanic is an absolute beast, fixed it in ten minutes.",
    "Le vendeur polonais est un vrai pro, merci.",
    "Our Nigerian driver was an animal lover and petted my dog.",
    "The Vietnamese pot-bellied pig toy is adorable.",
]


@pytest.mark.parametrize("text", FILLED_AND_SENT_BACK)
def test_a_group_said_to_fill_a_place_and_sent_back_is_hate(text):
    assert_held_as_abuse(text, "hate")


@pytest.mark.parametrize("text", KEPT_OUT_OF_JOBS)
def test_a_group_kept_out_of_jobs_politely_is_hate(text):
    assert_held_as_abuse(text, "hate")


@pytest.mark.parametrize("text", CODED_AND_WINKED)
def test_a_coded_group_with_a_wink_or_an_88_is_hate(text):
    assert_held_as_abuse(text, "hate")


@pytest.mark.parametrize("text", SANDWICH)
def test_a_woman_sent_to_make_a_sandwich_is_hate(text):
    assert_held_as_abuse(text, "hate")


@pytest.mark.parametrize("text", ORIGIN_ANIMAL)
def test_a_person_named_by_origin_and_called_an_animal_is_hate(text):
    assert_held_as_abuse(text, "hate")


@pytest.mark.parametrize("text", PUBLISHED)
def test_the_parts_apart_stay_published(text):
    assert_published(text)
