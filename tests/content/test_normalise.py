import pytest

from moderation.content.normalise import normalise


@pytest.mark.parametrize(
    ("original", "words"),
    [
        ("ass\u200bhole", "asshole"),
        ("a55hole", "asshole"),
        ("c0nn4rd", "connard"),
        ("b!tch", "bitch"),
        ("tw@t", "twat"),
        ("c o n n a r d", "connard"),
        ("c.o.n.n.a.r.d.s", "connards"),
        ("f u c k  y o u", "fuck  you"),
        ("what a d.i.c.k", "what a dick"),
        ("Salooooope", "salope"),
        ("ＡＳＳＨＯＬＥ", "asshole"),
        ("Enculé", "encule"),
        ("Straße", "strasse"),
    ],
)
def test_words_view_undoes_obfuscation(original, words):
    assert normalise(original).words.text == words


@pytest.mark.parametrize(
    ("original", "links"),
    [
        ("cheap\u200bstuff.c\u200bom", "cheapstuff.com"),
        ("ｃｈｅａｐｓｔｕｆｆ．ｃｏｍ", "cheapstuff.com"),
        ("cheapstuff\u3002com", "cheapstuff.com"),
        ("cheapstuff(dot)com", "cheapstuff.com"),
        ("cheapstuff [point] fr", "cheapstuff.fr"),
        ("cheapstuff . com", "cheapstuff.com"),
        ("joe (at) example (dot) org", "joe@example.org"),
        ("jean arobase gmail.com", "jean@gmail.com"),
        ("h t t p s : / / scam . io", "https://scam.io"),
    ],
)
def test_links_view_undoes_obfuscation(original, links):
    assert normalise(original).links.text == links


@pytest.mark.parametrize("ordinary", ["St. Malo", "Dr. Brown", "v2.0", "129.99€", "i.e. fine", "y a-t-il"])
def test_ordinary_punctuation_is_left_alone(ordinary):
    assert normalise(ordinary).links.text == ordinary.lower()


def test_spans_map_back_to_the_original_through_every_rewrite():
    original = "Hé, ｃ０ｎｎ\u200bａｒｄ et c o n n a r d !"
    view = normalise(original).words
    first = view.text.index("connard")
    second = view.text.index("connard", first + 1)
    start, end = view.span(first, first + len("connard"))
    assert original[start:end] == "ｃ０ｎｎ\u200bａｒｄ"
    start, end = view.span(second, second + len("connard"))
    assert original[start:end] == "c o n n a r d"


def test_one_to_one_text_keeps_identity_offsets():
    view = normalise("Très déçu").base
    assert view.text == "tres decu"
    assert view.span(5, 9) == (5, 9)


def test_a_character_that_expands_maps_both_halves_to_itself():
    view = normalise("ﬁn").base  # the "fi" ligature
    assert view.text == "fin"
    assert view.span(0, 1) == (0, 1) and view.span(1, 2) == (0, 1) and view.span(2, 3) == (1, 2)
