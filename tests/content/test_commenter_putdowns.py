"""Sexual remarks about a woman seen in a video, a photo or on the staff, her handle asked for, more pictures asked
for in private, put-downs of a commenter (``contempt``, ``commenters``): held in many phrasings, French and English;
the close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published

WOMAN_REMARKED_ON = [
    "the girl in the unboxing video can unbox me anytime 😏",
    "that blonde in the ad is so hot 🥵",
    "the model in these pics could ride me all day",
    "the lady from the tutorial video 🤤🤤",
    "la vendeuse du rayon chaussures elle est trop bonne 🥵",
    "la meuf dans la pub est bandante",
    "quelqu'un a son snap ?",
    "whats her insta",
    "anyone got the number of the blonde at till 2",
    "la fille de la vidéo, quelqu'un a son insta ?",
    "drop her insta pls",
]
WOMAN_NOT_REMARKED_ON = [
    "the girl in the video explains the settings well",
    "quelqu'un a le lien de la vidéo ?",
    "what's the brand's insta?",
    "quelqu'un a son insta ? la boutique a l'air sympa",
    "la vendeuse m'a conseillé une crème, elle est top",
    "the model in the photos is 5'9 and wears an S",
]

MORE_IN_PRIVATE = [
    "dm me some more pics",
    "tu m'envoies la suite en MP ? 😏",
    "send the rest in private",
    "more pics in my inbox babe",
    "envoie moi d'autres photos en mp stp",
    "pm me more selfies 😘",
]
NOT_MORE_IN_PRIVATE = [
    "dm me if you want the size chart",
    "envoie-moi le lien en MP",
    "I'll send the rest in private",
    "could you dm me more pics of the sole?",
    "je t'envoie la suite de la procédure en MP",
]

PUT_DOWNS = [
    "personne t'a demandé ton avis",
    "on t'a rien demandé",
    "nobody asked you",
    "Nobody asked for your opinion, Karen.",
    "who asked? 😂",
    "go touch grass",
    "ratio + L",
    "L + ratio",
    "cope and seethe",
    "Keep crying, princess, the jacket is fine.",
    "stay mad",
    "get a life loser",
    "on s'en fout de ton avis",
    "trouve-toi une vie",
]
# Names from the lists, said to a commenter.
NAMES = [("t'es vraiment un boulet", "boulet"), ("you absolute weirdo", "weirdo*")]
NOT_PUT_DOWNS = [
    "nobody asked for my order number at the till",
    "on vous a demandé votre avis par mail après l'achat",
    "Helps me cope with the cold mornings",
    "Get a grip on the lid before twisting",
    "The aspect ratio is 16:9",
    "ce sac est un boulet à porter",
    "My baby kept crying until we got this swing",
]


@pytest.mark.parametrize("text", WOMAN_REMARKED_ON + MORE_IN_PRIVATE + PUT_DOWNS)
def test_held(text):
    assert_held_as_abuse(text, "harassment: ")


@pytest.mark.parametrize(("text", "rule"), NAMES)
def test_names_called_are_held(text, rule):
    assert_held_as_abuse(text, rule)


@pytest.mark.parametrize("text", WOMAN_NOT_REMARKED_ON + NOT_MORE_IN_PRIVATE + NOT_PUT_DOWNS)
def test_close_reviews_are_published(text):
    assert_published(text)
