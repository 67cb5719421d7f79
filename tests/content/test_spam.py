import pytest

from moderation.content import evaluate, fingerprint

from .helpers import verdict_of


@pytest.mark.parametrize(
    "text",
    [
        "A" * 5000,
        "asdfghjkl qwerty",
        "qsdfghjklm wxcvbn",
        "jkjkjkjkjkjkjkjkjkjkjkjk",
        "!" * 60,
        # A phrase said over and over.
        "BUY NOW BUY NOW BUY NOW BUY NOW BUY NOW BUY NOW BUY NOW BUY NOW",
        "achetez ici, achetez ici, achetez ici, achetez ici, achetez ici, achetez ici",
    ],
)
def test_gibberish_is_held(text):
    assert verdict_of(text).hold_reasons == ["gibberish"]


@pytest.mark.parametrize(
    "text",
    [
        "Super!!!!!!!!!!!!!!!!!!!!!!!! I love it, best purchase this year, works perfectly every day.",
        "pretty typewriter, quiet",  # one-row words that are words
        "ok",
        "Hahaha this is great",
        # One word said over and over is emphasis; a phrase a few times inside a review is the review's.
        "très très très très très très très bien",
        "Top top top top top top top top, super chaussures",
        "I love it, I love it, I love it! Best shoes I have ever owned, so light on long runs, love it, love it.",
        # Punctuation or emoji after a short review, however long; a French word typed along one row.
        "A lire absolument !!!!!!!!!!!!!!!!!!!!!!",
        "Un raté..............................................................",
        "just amazing 👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍👍",
        "Pépite, pépite, pépite !",
    ],
)
def test_emphasis_and_one_row_words_are_not_gibberish(text):
    assert verdict_of(text).hold_reasons == []


def test_fingerprint_ignores_case_spacing_punctuation_and_repeats():
    first = fingerprint("Best blender, smoothies in 30 seconds!")
    assert first == fingerprint("best  blender smoothies in 30 secondss!!!")
    assert fingerprint("Super produit") == fingerprint("SUPER PRODUIT\u200b !")


def test_fingerprint_tells_different_texts_apart():
    assert fingerprint("Broken on arrival.") != fingerprint("Broken after a week.")
    assert len(fingerprint("x")) == 32


def test_verdict_carries_the_fingerprint_of_all_fields():
    verdict = evaluate({"title": "Top", "body": "Super produit"})
    assert verdict.fingerprint == fingerprint("Super produit\nTop")


def test_a_name_typed_along_one_keyboard_row_is_not_gibberish():
    from moderation.content import evaluate

    # "Priya" and "Pierre" use only AZERTY top-row letters; the same letters as prose would be a mash.
    for name in ("Priya", "Pierre", "Terry"):
        verdict = evaluate({"body": "Lampe très agréable, je recommande.", "author_name": name})
        assert verdict.hold_reasons == [], name
    assert "gibberish" in evaluate({"body": "poiuytreza zertyuiop"}).hold_reasons


def test_stacked_combining_marks_are_gibberish_in_any_field():
    zalgo = "Super " + "".join(c + "\u0336\u0321\u032a\u032f\u0368\u034a\u033d" for c in "ZALGO") + " produit"
    verdict = evaluate({"body": zalgo, "author_name": "Léa"})
    assert verdict.hold_reasons == ["gibberish"]
    [match] = verdict.matches
    assert match.rule == "stacked_marks" and zalgo[match.start] == "Z"
    assert evaluate({"body": "Très bon", "author_name": "B\u0336\u0321\u032a\u032f\u0368ob"}).hold_reasons == [
        "gibberish"
    ]


@pytest.mark.parametrize(
    "text", ["Tiếng Việt rất đẹp", "Crème brûlée, très bon", "שָׁלוֹם", "e\u0301\u0302 accents doubled"]
)
def test_languages_that_stack_a_few_marks_are_not_gibberish(text):
    assert evaluate({"body": text}).hold_reasons == []
