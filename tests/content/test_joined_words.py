"""The submission's fingerprint from the views the rules built: the same value as normalising the joined text."""

import pytest

from moderation.content import evaluate, fingerprint, normalise
from moderation.content.normalise import joined_words

PAIRS = [
    ("", "Super produit"),
    ("Top", ""),
    ("Génial !", "Très bien, reçu en 2 jours, 3kg"),
    # Leetspeak is undone in the whole text when one field hints at it ("3kg"), and "file_1" alone gives no hint.
    ("file_1 review", "le sac fait 3kg"),
    ("le sac fait 3kg", "file_1 review"),
    ("ça 1_a", "a55hole"),
    ("c o n n a r d", "t'es un 🐷 , vraiment"),
    ("ＦＵＬＬＷＩＤＴＨ ｔｉｔｌｅ", "idiоt with a Cyrillic о"),
    ("Soooo gooood!!!", "Sooooo good"),
]


@pytest.mark.parametrize(("title", "body"), PAIRS)
def test_joined_words_is_the_words_view_of_the_joined_text(title, body):
    assert joined_words([normalise(title), normalise(body)]) == normalise(f"{title}\n{body}").words.text


@pytest.mark.parametrize(("title", "body"), PAIRS)
def test_verdict_fingerprint_of_title_and_body_is_the_submissions_fingerprint(title, body):
    verdict = evaluate({"title": title, "body": body, "author_name": "Client"})
    assert verdict.fingerprint_of("title", "body") == fingerprint(f"{title}\n{body}")
    assert verdict.fingerprint == fingerprint(f"Client\n{body}\n{title}")


def test_a_field_the_rules_were_not_given_counts_as_empty():
    verdict = evaluate({"body": "Super produit"})
    assert verdict.fingerprint_of("title", "body") == fingerprint("\nSuper produit")
