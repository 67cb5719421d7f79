"""The phone rule's pre-check skips texts that cannot hold a run of eight digits: it must never skip one that can."""

import importlib
import random

import pytest

from moderation.content import normalise

from .helpers import spans

personal_data = importlib.import_module("moderation.content.phases.personal_data")


def _has_run(text: str) -> bool:
    """What the rule looks for after its letter rewrite, on the whole text (no pre-check)."""
    view = normalise(text).base.sub(personal_data._LETTER_FOR_DIGIT, lambda m: personal_data._AS_DIGIT[m.group(0)])
    return personal_data._DIGIT_RUN.search(view.text) is not None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("mon numéro +33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("tel: +33 (0)6 12 34 56 78", "+33 (0)6 12 34 56 78"),
        ("au 06.12.34.56.78 le soir", "06.12.34.56.78"),
        ("tel 06-12-34-56-78", "06-12-34-56-78"),
        ("Joignable au 0612345678", "0612345678"),
        ("call +1 415-555-0132 now", "+1 415-555-0132"),
        ("appelle le o6 12 34 56 7l", "o6 12 34 56 7l"),
        # Five digits only, the other five letters typed for them: eight digits counted before the rewrite would
        # skip these.
        ("Appelez au O6 l2 3O 5l 78 svp", "O6 l2 3O 5l 78"),
        ("Appelez au O6 l2 3O 5l 7O svp", "O6 l2 3O 5l 7O"),
    ],
)
def test_phone_numbers_pass_the_pre_check(text, span):
    assert personal_data._may_hold_a_digit_run(normalise(text).base.text)
    assert spans(text, "personal_data") == [span]


@pytest.mark.parametrize(
    "text",
    ["Avis numéro 2345, chaussures correctes.", "5'4\", 135 lbs, size 10", "payé 29.99€ en 2019", "no digits at all"],
)
def test_texts_without_a_run_are_skipped(text):
    assert not personal_data._may_hold_a_digit_run(normalise(text).base.text)
    assert not _has_run(text)


def test_the_pre_check_never_skips_a_run():
    # Short texts from the characters a run is made of: digits, the letters read as digits, separators, a letter
    # that is none of those, all the spacings a bound on the distance between digits could get wrong.
    rng = random.Random(19)
    alphabet = "0123456789" * 3 + "oil" * 3 + " .-()/+" * 2 + "ax',\n"
    runs = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(8, 28)))
        if _has_run(text):
            runs += 1
            assert personal_data._may_hold_a_digit_run(normalise(text).base.text), text
    assert runs > 1000  # the sample does exercise the bound
