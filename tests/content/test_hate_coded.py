"""Hate said through slogans and coded words, and women kept out of a job: held as abuse; close reviews published."""

import pytest

from .helpers import assert_held_as_abuse, assert_published


@pytest.mark.parametrize(
    "text",
    [
        # Women or a group kept out of a job or a place.
        "Females shouldn't be allowed anywhere near a helpdesk",
        "Women should not be let near the tills, obviously",
        "Females shouldn't be hired in tech support",
        # The far right's slogans.
        "Un hijab de sport? on est plus chez nous, marque collabo",
        "Un rayon halal maintenant… on n'est plus chez nous.",
        "La France aux Français, boycott de cette marque",
        # Coded words: scare-quoted diversity, the groomer agenda, a trans woman called a man.
        "way too many 'diverse' staff who can barely speak English, if you know what I mean 🙄 we all know the stats",
        'The store is full of "urban" youths now, avoid',
        "Another DEI hire on the phone who couldn't help me",
        "That's a man in a dress. Stop pushing this groomer agenda on our kids",
        "Stop pushing the trans agenda on our children, unsubscribed",
    ],
)
def test_coded_hate_is_held(text):
    assert_held_as_abuse(text, "hate: ")


@pytest.mark.parametrize(
    "text",
    [
        "Kids shouldn't be allowed anywhere near this, small parts",
        "Women shouldn't be paying more for the pink version",
        "Paru en 1963 (un an plus tard chez nous), ce roman est un chef-d'oeuvre",
        "On est bien chez nous avec ce canapé",
        "The staff were diverse and friendly, the food was diverse too",
        "Great diversity of products in this store",
        "My dog groomer recommended this brush",
        "Great planner, the agenda layout helps with my kids' activities",
        "Mrs Doubtfire: it's just a man in a dress, but Robin Williams is brilliant",
        "Les Français aux commandes de cette marque font du bon travail",
    ],
)
def test_close_reviews_are_published(text):
    assert_published(text)
