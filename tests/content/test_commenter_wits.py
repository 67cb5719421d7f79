"""A commenter's wits, literacy, solitude or family mocked: "you clearly can't read, genius", "you're the thickest
person on this thread", "no wonder your husband left", "t'es le plus con du forum", "apprends à lire". Not a
customer who cannot read small print, a design called genius, a box set of Sherlock Holmes, a thick duvet."""

import pytest

from tests.content.helpers import assert_held_as_abuse, assert_published

HELD = [
    "You clearly can't read, genius, it says machine washable.",
    "do u even read?? it's in the description, learn to read mate",
    "Tu sais pas lire ou quoi ? C'est écrit en gros sur la boîte.",
    "Apprends à lire avant de mettre une étoile, c'est marqué 38 cm.",
    "vu ton orthographe c pas étonnant que tu comprennes rien à la notice",
    "Thanks Sherlock, we'd never have worked that out without you.",
    "Bravo Einstein, t'as trouvé ça tout seul ?",
    "Merci le génie, heureusement que t'es là",
    "Sarah_K you are genuinely the thickest person on this thread.",
    "you're easily the dumbest commenter on here",
    "t'es vraiment le plus con du forum",
    "T'es officiellement la plus bête de ce groupe",
    "no wonder your husband left you, listen to yourself",
    "Pas étonnant que ta femme se soit barrée avec un caractère pareil",
    "no wonder ur single lol",
    "c'est pour ça que t'es tout seul le samedi soir",
    "ur mum is so fat she needs two return labels lmao",
    "your mother was so ugly the mirror asked for a refund",
    "yo mama so dumb she tried to return a gift card",
    "Ta mère est tellement grosse qu'elle prend du XXXL en chaussettes",
]

PUBLISHED = [
    "I can't read the small print on the label, it's too tiny, please print it bigger.",
    "Genius design, the lid clicks on and never leaks.",
    "Sherlock Holmes box set, great quality print and a sturdy case.",
    "This is the thickest duvet I've ever owned, perfect for winter.",
    "Mon fils apprend à lire avec ces livres, il adore les images.",
    "Thanks, the charger arrived in two days, genius packaging too.",
    "La notice est pas étonnante : aucune illustration, on comprend rien.",
    "No wonder the price dropped, the new model is out.",
    "Le plus con dans l'histoire c'est que j'avais gardé le ticket.",
    "Einstein would have loved this puzzle, 1000 pieces of pure joy.",
    "Pas étonnant que ma femme l'adore, il est super doux.",
    "While you can't count on the photo on your monitor to show the exact colour, these are way off.",
    "In bright sun you can't read the display at all.",
    "My mum is so happy with it, she wears it every day.",
    "Your mum is so lucky to get this for Christmas!",
    "Ma mère est tellement contente de ce fauteuil.",
]


@pytest.mark.parametrize("text", HELD)
def test_a_commenter_mocked_for_their_wits_or_their_life_is_harassed(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize("text", PUBLISHED)
def test_the_same_words_about_a_product_or_the_writer_are_not(text):
    assert_published(text)
