import pytest

from moderation.content.phases.personal_data import MASK

from .helpers import spans, verdict_of


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Mon numéro : +33612345678", "+33612345678"),
        ("Appelez-moi au 06 12 34 56 78 svp", "06 12 34 56 78"),
        ("Joignable au 01.45.67.89.10", "01.45.67.89.10"),
        ("Call me at (415) 555-0132", "(415) 555-0132"),
        ("reach me at +44 20 7946 0958", "+44 20 7946 0958"),
        ("Contact joe (at) example (dot) org", "joe (at) example (dot) org"),
        ("écrivez à jean arobase gmail point com", "jean arobase gmail point com"),
        ("email me: tom dot baker at gmail dot com", "tom dot baker at gmail dot com"),
        ("Send it to anna.k@example.com please", "anna.k@example.com"),
        ("Livré au 12 rue de la Paix au lieu de chez moi", "12 rue de la Paix"),
        ("Deliver to 221B Baker Street, not the depot", "221B Baker Street"),
    ],
)
def test_personal_data_is_found(text, span):
    assert spans(text, "personal_data") == [span]


@pytest.mark.parametrize(
    "text",
    [
        "Order 4471-2290-88 never arrived.",
        "Commande n° 20240518-7731 jamais reçue",
        "Payé 1 299,99 € le 12/05/2024",
        "Model XJ-2000, serial 5566778899",
        "I live on Baker Street and it arrived quickly",
        "Ten out of ten, would buy again for my 2 kids",
        "Voiture 2 places, 3 routes possibles",
        "I'm at home most days",
    ],
)
def test_numbers_that_are_not_personal_data(text):
    assert verdict_of(text).hold_reasons == []


def test_excerpt_masks_the_data_itself():
    (match,) = verdict_of("call +33612345678").matches
    assert match.excerpt == MASK
