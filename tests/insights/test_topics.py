"""The topic engine's logic, on small sets with a stub embedder and scorer (no model)."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from moderation.insights import TopicSettings, analyse_topics, find_topics, trend
from moderation.insights.naming import Polarity, name_cluster, word_pair
from moderation.insights.sentences import is_generic, split_units, stopwords, words, words_with_subject
from moderation.insights.topics import REFERENCE_ASIDES, REFERENCE_COMPLAINTS

from .helpers import NOW, review, stub_embed, stub_score

BATTERY_FR = [
    "La batterie se décharge en deux heures.",
    "Batterie qui se vide en une nuit, nul.",
    "La batterie se décharge trop vite.",
    "Franchement la batterie se vide avant midi.",
    "Autonomie ridicule, la batterie se décharge vite.",
]
BATTERY_EN = ["The battery dies fast.", "Battery dies in two hours.", "Sadly the battery dies by noon."]
STRAP_EN = [
    "The strap broke after a week.",
    "Strap snapped on day two.",
    "The band broke at the buckle.",
    "My strap broke within a month.",
]
DELIVERY_FR = ["Livraison en retard de deux semaines.", "Le colis est arrivé en retard.", "Livraison très en retard."]


def _product():
    reviews = []
    for text in BATTERY_FR:
        reviews.append(review(len(reviews) + 1, text, language="fr"))
    for text in BATTERY_EN:
        reviews.append(review(len(reviews) + 1, text))  # no language given: guessed
    for text in STRAP_EN:
        reviews.append(review(len(reviews) + 1, text, rating=1, language="en"))
    for text in DELIVERY_FR:
        reviews.append(review(len(reviews) + 1, text, rating=3, language="fr"))
    return reviews


def _settings() -> TopicSettings:
    # Stub vectors are not e5's: one pass on meaning alone, with a threshold that suits them.
    return TopicSettings(distance_threshold=0.8, wording_weight=0.0, merge_similarity=0.9, min_share=0.0)


def test_french_and_english_complaints_about_one_thing_make_one_topic():
    reviews = _product()
    topics = find_topics(reviews, embed=stub_embed, score=stub_score, now=NOW, settings=_settings())
    by_size = {t.reviews: t for t in topics}
    assert sorted(by_size) == [3, 4, 8]
    battery = by_size[8]
    assert battery.language == "fr"  # five French reviews against three English ones
    assert "batterie" in battery.label
    assert 2 <= len(battery.label.split()) <= 4
    assert set(battery.item_ids) == set(range(1, 9))
    assert battery.authors == 8
    assert battery.negative_share == round(8 / len(reviews), 4)
    assert len(battery.examples) == 3
    assert len({e.item_id for e in battery.examples}) == 3
    for example in battery.examples:
        assert example.sentence in reviews[example.item_id - 1].text
    strap = by_size[4]
    assert strap.language == "en" and "strap" in strap.label


def test_topics_count_distinct_reviews_and_authors():
    reviews = [
        review(1, "The strap broke. The strap broke again after the repair.", author="a"),
        review(2, "Strap snapped on day two.", author="a"),
        review(3, "The band broke at the buckle.", author="b"),
        review(4, "My strap broke within a month.", author="c"),
    ]
    (topic,) = find_topics(reviews, embed=stub_embed, score=stub_score, now=NOW, settings=_settings())
    assert topic.reviews == 4
    assert topic.authors == 3


def test_praise_high_ratings_and_generic_clauses_are_not_topics():
    reviews = _product() + [
        # 4–5★ reviews are not read, even when they mention a theme.
        review(100, "The battery dies fast but I love it.", rating=5),
        # Praise inside a 3★ review is scored positive and left out.
        review(101, "Nice colours. Lovely design.", rating=3),
        # Generic dissatisfaction makes a review negative without making a topic.
        review(102, "Très déçu. Je ne recommande pas.", rating=1),
        review(103, "Very disappointed, would not recommend.", rating=2),
    ]
    analysis = analyse_topics(reviews, embed=stub_embed, score=stub_score, now=NOW, settings=_settings())
    listed = {item for topic in analysis.topics for item in topic.item_ids}
    assert {100, 101, 102, 103}.isdisjoint(listed)
    assert analysis.negative_reviews == len(_product()) + 2  # the two generic 1–2★ reviews count


def test_small_clusters_are_dropped():
    reviews = _product()[:8] + [review(50, "Livraison en retard.", rating=1)]
    topics = find_topics(reviews, embed=stub_embed, score=stub_score, now=NOW, settings=_settings())
    assert [t.reviews for t in topics] == [8]


def test_results_are_repeatable():
    reviews = _product()
    first = find_topics(reviews, embed=stub_embed, score=stub_score, now=NOW, settings=_settings())
    second = find_topics(list(reviews), embed=stub_embed, score=stub_score, now=NOW, settings=_settings())
    assert first == second


def test_no_reviews_no_topics():
    assert find_topics([], embed=stub_embed, score=stub_score, now=NOW) == []
    only_positive = [review(1, "Great watch.", rating=5)]
    assert find_topics(only_positive, embed=stub_embed, score=stub_score, now=NOW) == []


def test_default_settings_run_on_stub_vectors():
    topics = find_topics(_product(), embed=stub_embed, score=stub_score, now=NOW)
    assert topics and all(t.reviews >= 3 for t in topics)


def test_trend_compares_daily_rates_of_the_last_30_days_and_the_90_before():
    def days(*ago):
        return [NOW - timedelta(days=d) for d in ago]

    up = trend(days(1, 2, 3, 4, 5, 6, 40, 100), NOW)
    assert (up.recent, up.before, up.direction) == (6, 2, "up")
    assert up.ratio == 9.0  # (6 / 30) / (2 / 90)
    down = trend(days(1, *range(31, 121, 10)), NOW)
    assert (down.recent, down.before, down.direction) == (1, 9, "down")
    assert trend(days(1, 2, 3), NOW).direction == "new"
    flat = trend(days(1, 35, 65, 95), NOW)
    assert (flat.ratio, flat.direction) == (1.0, "flat")
    assert trend(days(1, 200, -3), NOW).recent == 1  # older than 120 days and future dates are left out
    assert trend([], NOW) == trend([], NOW) and trend([], NOW).ratio is None


def test_sentences_are_cut_at_line_breaks_and_contrastive_conjunctions():
    units = split_units("Très belle montre mais la batterie se vide vite !\nLe bracelet est cassé", "fr")
    assert [u.clause for u in units] == ["Très belle montre", "la batterie se vide vite !", "Le bracelet est cassé"]
    assert units[1].sentence == "Très belle montre mais la batterie se vide vite !"
    units = split_units("Got it yesterday. Battery dies in 2 hrs!!! The strap broke...", "en")
    assert [u.clause for u in units] == ["Got it yesterday.", "Battery dies in 2 hrs!!!", "The strap broke..."]


def test_generic_clauses_name_nothing():
    assert is_generic("Very disappointed, would not recommend")
    assert is_generic("Nul, à fuir !")
    assert not is_generic("Trop petit")
    assert not is_generic("The strap broke")


def test_french_elisions_are_not_content_words():
    """ "j'ai", "n’a", "c'est" are a pronoun or article glued to a verb: they must not make a clause specific."""
    assert is_generic("J'ai été déçue.")
    assert is_generic("C’est nul, je n’ai pas aimé")
    assert not is_generic("L’odeur de plastique")
    assert words("L’odeur qu'il n'a pas") == ["odeur", "il", "a", "pas"]
    assert words("I don't know, aujourd'hui") == ["i", "don't", "know", "aujourd'hui"]


def test_sending_it_back_is_what_the_customer_did_not_what_failed():
    assert is_generic("Unfortunately I had to return it.")
    assert is_generic("Renvoyé, remboursé.")
    assert not is_generic("The return label was missing")


def test_a_topic_name_neither_starts_nor_ends_with_a_function_word():
    clauses = ["J'ai trouvé la fin bâclée", "j'ai trouvé la fin vraiment bâclée", "J’ai trouvé la fin bâclée."] * 3
    others = ["La couverture est abîmée", "Livraison en retard"] * 3
    name = name_cluster(clauses, others, "fr")
    common = stopwords("fr")
    assert name.label and name.label.split()[0] not in common and name.label.split()[-1] not in common
    assert not any(k.startswith(("ai ", "j'", "j’")) for k in name.keywords)
    assert len(set(name.keywords)) == len(name.keywords)


def test_two_words_are_named_as_customers_write_them_or_as_two_keywords():
    others = ["the fabric is thin", "color faded after washing", "zipper broke", "too short for me"] * 2
    photo = ["the picture looks nothing like it", "photo is misleading", "not like the picture at all",
             "different from the photo", "the photo shows a brighter colour", "picture was better"]  # fmt: skip
    assert name_cluster(photo, others, "en").label == "picture, photo"
    assert word_pair("large", "runs", [words("it runs large"), words("so large")]) == "runs large"
    assert word_pair("runs", "large", [words("it runs large")]) == "runs large"


def test_the_second_keyword_of_a_name_says_something_else():
    others = ["the zipper broke", "color faded after washing", "too short for me", "arrived late"] * 2
    fit = ["not flattering at all", "very unflattering shape", "unflattering on me", "so unflattering and boxy",
           "not flattering, shapeless", "flattering it is not", "unflattering cut, shapeless"]  # fmt: skip
    # Not "unflattering, flattering"; since a name may start with a negation, what customers wrote comes first.
    assert name_cluster(fit, others, "en").label == "not flattering"
    two_words = name_cluster(
        fit[1:4] + fit[6:] + ["shapeless and unflattering", "unflattering and shapeless"], others, "en"
    ).label
    assert two_words == "unflattering, shapeless"


# A dress whose reviews all say "dress": the praise of 4–5★ reviews says it too, the complaints say "tight".
DRESS_PRAISE = ["Love this dress", "The dress is beautiful", "Wore the dress to a wedding", "So pretty at a wedding",
                "Wore it to a wedding, love it", "Wore this dress to a wedding", "The dress fits well"] * 6  # fmt: skip
DRESS_TIGHT = ["The dress is too tight", "This dress was too tight at the waist", "dress is tight in the chest",
               "the dress is so tight", "My dress is tight and narrow", "Dress narrow at the hips"]  # fmt: skip
OTHERS = ["the zipper broke", "the color faded", "arrived late", "zipper broke again"] * 3


def test_polarity_weighs_complaint_words_above_the_product_and_praise():
    polarity = Polarity(DRESS_TIGHT * 4 + OTHERS, DRESS_PRAISE)
    assert polarity.weight("too tight") > 0.6
    assert polarity.weight("dress") < 0.5  # in every praise clause too
    assert polarity.weight("love") < 0.5
    assert polarity.weight("never written") == 0.5
    assert Polarity(DRESS_TIGHT, []).weight("too tight") == 0.5  # nothing to compare with: no opinion


def test_a_cluster_that_names_the_product_everywhere_is_named_after_its_complaint():
    polarity = Polarity(DRESS_TIGHT * 4 + OTHERS, DRESS_PRAISE)
    assert name_cluster(DRESS_TIGHT, OTHERS, "en").label.startswith("dress")  # with no praise to tell it apart
    named = name_cluster(DRESS_TIGHT, OTHERS, "en", polarity)
    assert "tight" in named.label and "dress" not in named.label
    assert named.complaint > 0.6


def _axes(texts: list[str]) -> np.ndarray:
    """One axis per subject ("zipper", "wedding"), a little text-seeded noise."""
    out = np.zeros((len(texts), 8), dtype=np.float32)
    for row, text in enumerate(texts):
        out[row] = np.random.default_rng(len(text)).normal(0, 0.05, 8)
        out[row, 0 if "zipper" in text.lower() else 1 if "wedding" in text.lower() else 2] += 1.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_topics_that_only_name_the_product_are_not_shown():
    """2★ reviews that tell where the dress was worn, as the 5★ ones do, are no complaint topic; a zipper is."""
    reviews = [review(i + 1, text, rating=5, language="en") for i, text in enumerate(DRESS_PRAISE)]
    complaints = ["The zipper broke", "Zipper broke, ruined", "The zipper broke in a week", "My zipper broke",
                  "I wore it to a wedding", "Wore this dress to a wedding", "For my sister's wedding",
                  "I bought it for a wedding"]  # fmt: skip
    reviews += [review(len(reviews) + i + 1, text, rating=2, language="en") for i, text in enumerate(complaints * 3)]
    settings = TopicSettings(distance_threshold=0.5, wording_weight=0.0, merge_similarity=0.9, min_share=0.0)
    analysis = analyse_topics(reviews, embed=_axes, score=lambda texts: [0.9] * len(texts), now=NOW, settings=settings)
    assert [t.label for t in analysis.topics] == ["zipper broke"]
    # Without the praise to compare with, nothing tells the product from a complaint: both are shown.
    alone = analyse_topics(reviews[len(DRESS_PRAISE) :], embed=_axes, score=lambda t: [0.9] * len(t), now=NOW,
                           settings=settings)  # fmt: skip
    assert len(alone.topics) == 2


def _meaning(texts: list[str]) -> np.ndarray:
    """An axis each for sending it back, a strap, a see-through back and any fault (which the last two share)."""
    asides = set(REFERENCE_ASIDES["en"])
    out = np.zeros((len(texts), 8), dtype=np.float32)
    for row, text in enumerate(texts):
        lowered = text.lower()
        out[row] = np.random.default_rng(len(text)).normal(0, 0.05, 8)
        if text in asides or "going back" in lowered:
            out[row, 0] += 1.0
        else:
            out[row, 3] += 0.5 if "strap" in lowered or "see-through" in lowered else 1.0
            out[row, 1] += 1.0 if "strap" in lowered else 0.0
            out[row, 2] += 1.0 if "see-through" in lowered else 0.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_a_cluster_about_sending_it_back_is_not_a_topic_but_a_see_through_back_is():
    """What the customer did about a fault is told apart by meaning, not by the word "back"."""
    texts = ["Sadly it is going back.", "It's going back.", "This one is going back today.",
             "The strap broke.", "Strap broke in a week.", "The strap broke at the buckle.",
             "The back is see-through.", "Its back is so see-through.", "The back panel is see-through."]  # fmt: skip
    reviews = [review(i + 1, text, rating=2, language="en") for i, text in enumerate(texts * 2)]
    settings = TopicSettings(distance_threshold=0.3, wording_weight=0.0, merge_similarity=0.9, min_share=0.0)
    analysis = analyse_topics(reviews, embed=_meaning, score=lambda t: [0.9] * len(t), now=NOW, settings=settings)
    assert sorted(t.reviews for t in analysis.topics) == [6, 6]
    assert any("strap" in t.label for t in analysis.topics)
    assert any("see-through" in t.label or "back" in t.label for t in analysis.topics)
    assert not any("going" in e.sentence for t in analysis.topics for e in t.examples)
    assert analysis.negative_reviews == 18  # the reviews still count as negative
    assert set(REFERENCE_ASIDES) == set(REFERENCE_COMPLAINTS)  # every language with references has both


def test_the_customer_as_subject_is_told_by_grammar():
    def acts(text: str, language: str = "en") -> list[str]:
        return [word for word, by_customer in words_with_subject(text, language) if by_customer]

    assert "ordered" in acts("I ordered a small and it was too big")
    assert not {"small", "big"} & set(acts("I ordered a small and it was too big"))
    assert "thought" in acts("i thought they would be thicker")
    assert "like" in acts("I didn't like the fabric") and "fabric" not in acts("I didn't like the fabric")
    assert "bored" not in acts("I was bored")  # a state the customer was in may be the complaint
    assert "trouvé" in acts("J'ai trouvé le scénario faible", "fr")
    assert "scénario" not in acts("J'ai trouvé le scénario faible", "fr")
    assert "renvoyé" in acts("Je l'ai renvoyé", "fr")
    assert "ennuyé" not in acts("Je me suis ennuyé", "fr")
    assert [w for w, _ in words_with_subject("J’ai trouvé l'odeur forte", "fr")] == words("J’ai trouvé l'odeur forte")


def test_what_the_customer_did_does_not_name_a_topic():
    others = ["the zipper broke", "color faded after washing", "arrived late", "the fabric is thin"] * 2
    sleeves = ["I ordered a medium and the sleeves are too long", "I ordered my usual size", "I ordered a small",
               "I ordered two sizes, sleeves too long", "I ordered the petite", "sleeves way too long",
               "I ordered it in blue"]  # fmt: skip
    polarity = Polarity(sleeves * 3 + others, ["I ordered a medium, it fits", "love the colour"] * 3)
    name = name_cluster(sleeves, others, "en", polarity)
    assert "ordered" not in name.label
    assert "long" in name.label or "sleeves" in name.label


def _two_wordings(texts: list[str]) -> np.ndarray:
    """Exclaimed and plain complaints on two axes, as if an embedder split one complaint by tone; a zipper apart."""
    out = np.zeros((len(texts), 4), dtype=np.float32)
    for row, text in enumerate(texts):
        out[row] = np.random.default_rng(len(text)).normal(0, 0.05, 4)
        out[row, 0 if text.endswith("!") else 1] += 1.0
        out[row, 2] += 3.0 if "zipper" in text.lower() else 0.0
    return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_clusters_named_by_the_same_words_are_one_topic():
    texts = ["Cheap material, it tore in a week!", "Such cheap material!", "Really cheap material!",
             "The material feels cheap!", "Cheap material that pills after one wash.",
             "Cheap material, thin and scratchy.", "The material is cheap and thin.", "Very cheap material overall.",
             "The zipper broke.", "Zipper broke on day one.", "The zipper broke again."]  # fmt: skip
    reviews = [review(i + 1, text, rating=2, language="en") for i, text in enumerate(texts * 2)]
    settings = TopicSettings(distance_threshold=0.5, wording_weight=0.0, merge_similarity=0.99, min_share=0.0)
    analysis = analyse_topics(reviews, embed=_two_wordings, score=lambda t: [0.9] * len(t), now=NOW, settings=settings)
    names = [frozenset(t.label.replace(",", " ").split()) for t in analysis.topics]
    assert len(names) == len(set(names)) == 2
    cheap = next(t for t in analysis.topics if "cheap" in t.label)
    assert cheap.reviews == len(set(cheap.item_ids)) > 10  # both wordings counted, the largest topic first
    assert analysis.topics[0] is cheap
    wordings = {clause.endswith("!") for _, clause, topic in analysis.assignments if topic == 0}
    assert wordings == {True, False}  # clauses of both wordings point at the one topic
