import pytest

from moderation.content.normalise import normalise

from .helpers import verdict_of


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
        # A spaced article stays apart when only the rest is a word: "a moron", but "asshole" is one word.
        ("what a m o r o n", "what a moron"),
        ("you a s s h o l e", "you asshole"),
        ("i d i o t", "idiot"),
        ("Salooooope", "salope"),
        ("ＡＳＳＨＯＬＥ", "asshole"),
        ("Enculé", "encule"),
        ("Tête de nœud", "tete de noeud"),  # "œ" spelled out, as keyboards without it type it
        ("Straße", "strasse"),
        ("idi\u043et", "idiot"),  # Cyrillic о
        ("\u0441\u043enn\u0430rd", "connard"),  # Cyrillic с, о, а
        ("\u03b9diot", "idiot"),  # Greek iota
        ("\u0131diot", "idiot"),  # dotless i
        ("🅸🅳🅸🅾🆃", "idiot"),  # white letters on black squares and circles, which NFKC leaves as they are
        ("🅘🅓🅘🅞🅣", "idiot"),
    ],
)
def test_words_view_undoes_obfuscation(original, words):
    assert normalise(original).words.text == words


def test_look_alike_letters_are_read_as_latin_only_inside_latin_words():
    russian = "\u041e\u0447\u0435\u043d\u044c \u0445\u043e\u0440\u043e\u0448\u043e"  # "Очень хорошо"
    mixed = f"{russian}, mais quel \u0441\u043enn\u0430rd"
    view = normalise(mixed).base
    assert view.text == russian.lower() + ", mais quel connard"
    start = view.text.index("connard")
    assert view.span(start, start + 7) == (mixed.index("\u0441"), len(mixed))


def test_look_alike_insults_and_domains_are_held():
    assert verdict_of("you are an idi\u043et").hold_reasons == ["abusive"]
    assert verdict_of("quel \u0441\u043enn\u0430rd ce livreur").hold_reasons == ["abusive"]
    assert verdict_of("moins cher sur www.b\u043enplan.fr").hold_reasons == ["links"]


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
        ("cheapstuff[.]com", "cheapstuff.com"),
        ("bonplan (.) fr", "bonplan.fr"),
        ("cheapstuff .com", "cheapstuff.com"),
        ("voir www .bonplan. fr", "voir www.bonplan.fr"),
        ("voir www. bonplan .fr", "voir www.bonplan.fr"),
    ],
)
def test_links_view_undoes_obfuscation(original, links):
    assert normalise(original).links.text == links


@pytest.mark.parametrize(
    "ordinary",
    ["St. Malo", "Dr. Brown", "v2.0", "129.99€", "i.e. fine", "y a-t-il", "les dragons .meme si", "www.site.fr. super"],
)
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
