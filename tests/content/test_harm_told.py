"""More harms told rather than named: a device that smokes, hisses or melts what it is plugged into, a shelf
scorched by a flame, plastic found in food, a baby's teether coming apart in the mouth, a pet ill after its food or
a part swallowed, a supplement that brought on palpitations. Not melted cheese, a smoker that smokes, a headache
from a film's plot, a dog's toy reviewed for fun."""

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
    # Real book reviews: a novel's cats, and a manga's "fond" (substance) beside its fans.
    "J'entends des bruits au grenier. Nos chats sont tombés malades et j'ai fait un mauvais rêve. Quel roman !",
    "Hot water comes out fast, great for tea, no spills on the counter.",
    "Stomach-friendly recipe book, my gut thanks me.",
    "Boiling water bath canner works great, jars sealed fine.",
    "Les fans seront déçus : trop de largesses prises avec le fond, le contexte et la forme.",
]


@pytest.mark.parametrize("text", LIFTED)
def test_a_harm_told_by_what_happened_is_lifted(text):
    assert "safety" in verdict_of(text).lifts


@pytest.mark.parametrize("text", NOT_LIFTED)
def test_the_same_words_without_a_harm_are_not(text):
    assert "safety" not in verdict_of(text).lifts
