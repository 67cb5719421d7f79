"""More harms told rather than named: a device that smokes, hisses or melts what it is plugged into, a shelf
scorched by a flame, plastic found in food, a baby's teether coming apart in the mouth, a pet ill after its food or
a part swallowed, a supplement that brought on palpitations. Not melted cheese, a smoker that smokes, a headache
from a film's plot, a dog's toy reviewed for fun; also breathing trouble, a catch in a moving part, a near miss, gas,
a cast or a sling, a cord at a neck, glass on a spoon."""

import pytest

from tests.content.helpers import verdict_of

LIFTED = [
    # A device that smokes, hisses or melts what it touches.
    "The e-bike battery started hissing and smoking in the hallway.",
    "Smoke came out of the back of the charger after an hour, unplugged it fast.",
    "Le radiateur d'appoint a fait fondre la prise murale.",
    "the adapter melted the plug on my extension lead, glad I was home",
    "La multiprise a noirci et le plastique a fondu autour de la prise du grille-pain.",
    "Le chargeur dégage de la fumée dès qu'on branche la trottinette.",
    "The candle flame got huge and scorched the shelf above it.",
    # Plastic or other bodies in food.
    "Found a piece of blue plastic in my kid's yoghurt.",
    "Un morceau de plastique dans la compote de mon fils, heureusement il l'a recraché.",
    "there was a long bit of plastic in my sandwich, nearly swallowed it",
    # A teether or pacifier that comes apart in the mouth.
    "My son bit the teether and a chunk came off in his mouth.",
    "La tétine s'est déchirée et ma fille avait un bout de silicone dans la bouche.",
    # A pet ill after its food, or a part swallowed.
    "Après deux jours de croquettes, le chat vomit sans arrêt.",
    "Since switching to this food our puppy won't eat and keeps throwing up.",
    "The dog's chew toy came apart and he swallowed the squeaker, emergency surgery.",
    "Mon chien a avalé le couinement de la peluche, opération d'urgence.",
    # A supplement or a cream that brought symptoms.
    "Ces gélules m'ont donné des palpitations et des vertiges.",
    "These gummies gave me heart palpitations within an hour, stopped taking them.",
    # "Read" alone does not make a review a story's.
    "Read the reviews too late. After two bags of these treats the cat had diarrhoea for a week.",
    # Scalded, or something lodged inside.
    "The handle came off while I was shaking the basket and hot oil went over my arm.",
    "Le bec verseur a lâché, de l'eau bouillante sur la main de ma fille.",
    "Lid popped and boiling soup splashed onto my son's face.",
    "He swallowed a few and the vet had to remove them from his stomach.",
    "Une bille s'est retrouvée coincée dans sa gorge, on a eu très peur.",
    "the clip got lodged in her throat, we had to do back blows",
    # A cord that softens.
    "The cord gets a bit melty near the plug after an hour or so.",
]

NOT_LIFTED = [
    "The cheese melted beautifully on the burger, great grill.",
    "This smoker smokes brisket perfectly, 12 hours low and slow.",
    "The plot gave me a headache, too many characters.",
    "Smoke-grey colour is lovely, exactly as pictured.",
    "My dog loves this toy, chews it every day and it's still in one piece.",
    "The chocolate had melted in the van but tasted fine.",
    "Bougie parfumée géniale, la flamme est douce et régulière.",
    "Found a piece of paper in the box with the warranty on it.",
    "Le plastique de l'emballage est difficile à ouvrir.",
    "Nos chats adorent ces croquettes, aucun souci de digestion.",
    "Read it in one sitting: the heroine's dog falls ill after eating the poisoned treats and the plot takes off.",
    # Real book reviews: a novel's cats, and a manga's "fond" (substance) beside its fans.
    "J'entends des bruits au grenier. Nos chats sont tombés malades et j'ai fait un mauvais rêve. Quel roman !",
    "Hot water comes out fast, great for tea, no spills on the counter.",
    "Stomach-friendly recipe book, my gut thanks me.",
    "Boiling water bath canner works great, jars sealed fine.",
    "Les fans seront déçus : trop de largesses prises avec le fond, le contexte et la forme.",
]


LIFTED += [
    # Breathing trouble.
    "Within minutes my throat felt tight and I couldn't breathe properly.",
    "J'avais du mal à respirer après avoir mis ce spray, gorge serrée.",
    "Baby's lips turned blue after the strap slipped over her face.",
    "my son started wheezing and struggling to breathe after eating one",
    # Hair or fingers caught in moving parts.
    "My daughter's hair got caught in the fan and pulled out a clump.",
    "Les cheveux de ma fille se sont pris dans la brosse rotative, on a dû couper.",
    "his finger got trapped in the hinge and the nail came off",
    # A near miss told as one.
    "The blade guard doesn't stay down, nearly lost a finger.",
    "J'ai failli perdre un doigt, la lame ne s'arrête pas.",
    "could have lost an eye when the spring shot out",
    # A part thrown off, a lid blown off.
    "La lame s'est décrochée et a volé à travers la pièce.",
    "The pressure cooker lid blew off and sprayed the kitchen with boiling stew.",
    # Small parts a toddler can reach.
    "The magnets fell out of the toy, my toddler had one in his hand.",
    "Les billes se sont détachées du hochet, mon bébé de 8 mois les avait à portée de main.",
    # A fall and a bone.
    "Le tabouret s'est effondré sous ma grand-mère, elle s'est cassé le col du fémur.",
    # Gas and carbon monoxide.
    "Carbon monoxide alarm went off every time we used this heater.",
    "The gas smell from the hob is strong even when it's off.",
    "Odeur de gaz dès qu'on allume le réchaud, fuite au niveau du raccord.",
    # A child lock that does not hold.
    "The child lock on the cupboard pops open with one pull, my 2 year old got the bleach out.",
]

NOT_LIFTED += [
    "This mask is breathable, I could breathe fine on long runs.",
    "Breathtaking views from the room, the lips of the canyon at sunset.",
    "The fan is quiet and the hair dryer attachment works well.",
    "Nearly lost my mind assembling this wardrobe, 4 hours!",
    "J'ai failli perdre patience avec la notice.",
    "Le couvercle est facile à ouvrir, même d'une main.",
    "Gas hob cleaner works a treat, hob looks new.",
    "The carbon monoxide alarm arrived fast and was easy to mount.",
    "Magnets are strong, the fridge photos stay put.",
    "Child lock on the tablet app works, no more random purchases.",
    # Real reviews: a dress too tight to breathe in, a novel's heroine.
    "I ordered this in an xsp and could barely zip it up, and when I did I couldn't breathe.",
    "Léna part en Inde. Elle manque de se noyer et est secourue par une fillette.",
]


LIFTED += [
    "Mon fils a le poignet dans le plâtre pour 6 semaines à cause de ce trampoline.",
    "The step gave way and I ended up in a cast for a month.",
    "Arm in a sling after the handle snapped.",
    "Un éclat de verre sur la cuillère en donnant le petit pot à mon fils.",
    "Found a sliver of glass in the jar of baby food, right on the spoon.",
    "The hood cord got caught on the slide and left a red mark around his neck.",
    "la lanière s'est enroulée autour du cou de mon bébé dans le transat",
    "mon chat a tout avalé, occlusion, 400 euros de véto",
    "the puppy ate the rope toy fibres, blockage, £900 at the vet",
    "The guard popped off and the blade caught my sleeve, scraped my forearm.",
    "La poignée a cédé et je me suis écorché le bras sur le bord.",
]
NOT_LIFTED += [
    "Plâtre de Paris de bonne qualité, facile à mouler.",
    "The cast of this film is amazing, what a plot.",
    "Great lanyard, sits nicely around my neck all day.",
    "Bouchon du flacon difficile à ouvrir.",
    "The dog loves it, no blockage issues, worth the 20 euros",
    "Verre à vin très fin, parfait sur la table.",
]


@pytest.mark.parametrize("text", LIFTED)
def test_a_harm_told_by_what_happened_is_lifted(text):
    assert "safety" in verdict_of(text).lifts


@pytest.mark.parametrize("text", NOT_LIFTED)
def test_the_same_words_without_a_harm_are_not(text):
    assert "safety" not in verdict_of(text).lifts
