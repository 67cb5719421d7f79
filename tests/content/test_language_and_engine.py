import time

import pytest

from moderation.content import Match, SiteRule, evaluate, identify, warm


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Très déçu, le produit est arrivé cassé", "fr"),
        ("Absolutely love it, the colour is perfect", "en"),
        ("Sehr gutes Produkt, schnelle Lieferung", "de"),
        ("Muy buena calidad, llegó rápido", "es"),
        ("ok", "und"),
        ("", "und"),
        ("12345 !!!", "und"),
    ],
)
def test_identify(text, language):
    assert identify(text) == language


def test_declared_language_is_kept():
    assert evaluate({"body": "Great product"}, language="fr").language == "fr"


def test_every_field_is_checked_and_named():
    verdict = evaluate({"title": "Connard", "body": "Appelez le 06 12 34 56 78", "author_name": "Jo"})
    by_field = {(m.field, m.reason) for m in verdict.matches}
    assert by_field == {("title", "abusive"), ("body", "personal_data")}
    assert verdict.held


def test_clean_review_gives_an_empty_verdict():
    verdict = evaluate({"title": "Bien", "body": "Bon produit, livraison rapide. Je recommande."})
    assert (verdict.hold_reasons, verdict.flag_reasons, verdict.lifts, verdict.matches) == ([], [], [], [])
    assert verdict.language == "fr"
    assert not verdict.held


def test_matches_index_the_original_text():
    text = "Hé ! Ｃｏｎｎａｒｄ, écris à cheapstuff(dot)com — ça a pris feu."
    verdict = evaluate({"body": text}, [SiteRule("feu", "log")])
    excerpts = {m.reason: text[m.start : m.end] for m in verdict.matches}
    assert excerpts == {"abusive": "Ｃｏｎｎａｒｄ", "links": "cheapstuff(dot)com", "safety": "a pris feu"}
    assert [text[m.start : m.end] for m in verdict.log_matches] == ["feu"]
    assert all(isinstance(m, Match) for m in verdict.matches)


def test_a_typical_review_takes_well_under_a_millisecond():
    warm()
    review = (
        "Reçu hier, très déçu : la poignée s'est cassée au bout de deux jours et le service client ne répond pas. "
        "Commande n° 2024-5531, payé 129.99€. Je demande un remboursement rapide, sinon je laisse tomber cette "
        "marque. Dommage, le design était joli et la livraison rapide."
    )
    evaluate({"body": review})
    started = time.process_time()
    for _ in range(50):
        evaluate({"body": review})
    per_review = (time.process_time() - started) / 50
    # Generous: CI machines are shared. The bench prints the real figure.
    assert per_review < 0.005


def test_a_loader_runs_once_when_threads_ask_together():
    """A fresh gunicorn worker's threads get their first reviews at the same moment: one load, not one each."""
    import threading

    from moderation.content.lexicon import load_once

    calls = []
    gate = threading.Barrier(8)

    @load_once
    def model(name: str) -> object:
        calls.append(name)
        time.sleep(0.05)  # long enough for every thread to arrive while it loads
        return object()

    def ask(results: list) -> None:
        gate.wait()
        results.append(model("fr"))

    results: list = []
    threads = [threading.Thread(target=ask, args=(results,)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == ["fr"]
    assert len(results) == 8 and all(result is results[0] for result in results)
    assert model("en") is not results[0] and calls == ["fr", "en"]
