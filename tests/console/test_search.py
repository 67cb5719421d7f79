"""Search in the console (#20): accents and case aside, by author name or e-mail, and a product picker."""

from __future__ import annotations

from flask_migrate import upgrade
from sqlalchemy import select, text

from moderation import create_app
from moderation.extensions import db
from moderation.folding import fold
from moderation.models import Author, Item
from moderation.services.accounts import create_site, get_site
from moderation.services.authors import erase_author
from moderation.services.case_queue import text_match
from moderation.services.subjects import declare_subject
from tests import conftest
from tests.console.conftest import seed_case


def rows(html: str) -> int:
    return html.count("data-nav-row")


def test_fold_removes_accents_case_and_look_alikes():
    assert fold("  L’ÉCHANGE   Refusé ") == "l'echange refuse"
    assert fold("Œuvre naïve, Straße, Łódź") == "oeuvre naive, strasse, lodz"
    assert fold(None) == "" and fold("\u0301") == ""
    # Cyrillic and Greek letters inside a Latin word read as the Latin letter; a Russian word stays Russian.
    assert fold("Quel idi\u043et, www.b\u043enplan.fr") == "quel idiot, www.bonplan.fr"
    assert fold("\u041f\u0440\u0438\u0432\u0435\u0442 mon ami") == "\u043f\u0440\u0438\u0432\u0435\u0442 mon ami"


def test_search_finds_a_word_written_with_look_alike_letters(app, world, as_ann):
    with app.app_context():
        seed_case("shop", "sku-1", body="Semelle d\u00e9c\u043ell\u00e9e en une semaine")  # a Cyrillic "о"
        seed_case("shop", "sku-2", body="Rien à voir")
        db.session.commit()
    page = as_ann.get("/console/", query_string={"q": "décollée"}).get_data(as_text=True)
    assert rows(page) == 1 and "Rien à voir" not in page


def test_search_ignores_accents_and_case_both_ways(app, world, as_ann):
    with app.app_context():
        seed_case("shop", "sku-1", title="Échange refusé", body="Le SAV refuse l'échange")
        seed_case("shop", "sku-2", body="Produit ECHANGÉ deux fois, toujours cassé")
        seed_case("shop", "sku-3", body="Rien à voir")
        db.session.commit()
    for q in ("echange", "ÉCHANGE", "Échange", "échangé"):
        page = as_ann.get("/console/", query_string={"q": q}).get_data(as_text=True)
        assert rows(page) == 2, q
        assert "Rien à voir" not in page
    assert rows(as_ann.get("/console/?q=REFUSE").get_data(as_text=True)) == 1  # "refusé" and "refuse", one item
    assert rows(as_ann.get("/console/?q=cass%C3%A9").get_data(as_text=True)) == 1
    assert rows(as_ann.get("/console/?q=100%25").get_data(as_text=True)) == 0  # % is literal, not a wildcard


def test_search_by_author_name_or_email_and_erasure_forgets_them(app, world, as_ann):
    with app.app_context():
        seed_case("shop", "sku-1", name="Léa Dupré", email="lea.dupre@example.com", body="Bof")
        seed_case("shop", "sku-2", name="Marc", email="marc@example.org", body="Bof aussi")
        db.session.commit()
    for q in ("lea dupre", "DUPRÉ", "lea.dupre@example", "example.com"):
        page = as_ann.get("/console/", query_string={"q": q}).get_data(as_text=True)
        assert rows(page) == 1 and "Léa Dupré" in page, q
    assert rows(as_ann.get("/console/?q=bof").get_data(as_text=True)) == 2  # text still matches every item
    with app.app_context():
        erase_author("shop", "lea.dupre@example.com")
        db.session.commit()
        folded = db.session.execute(select(Author.search_text).where(Author.name == "Anonymous")).scalar_one()
    assert folded == "anonymous"  # the erased e-mail is gone from the search column too
    assert rows(as_ann.get("/console/?q=dupre").get_data(as_text=True)) == 0


def test_the_search_column_follows_an_edit_and_other_sites_stay_out(app, world, as_ann):
    with app.app_context():
        case = seed_case("shop", "sku-1", body="Première version")
        seed_case("other", "sku-1", body="Première version ailleurs")
        db.session.commit()
        db.session.get(Item, case.item_id).body = "Texte corrigé"
        db.session.commit()
    assert rows(as_ann.get("/console/?q=premiere").get_data(as_text=True)) == 0
    assert rows(as_ann.get("/console/?q=corrige").get_data(as_text=True)) == 1


def test_product_picker_finds_subjects_by_name_or_sku_and_filters_the_queue(app, world, as_ann):
    with app.app_context():
        shop = get_site("shop")
        declare_subject(shop, "sku-100", "Chaussure de randonnée Trékking")
        declare_subject(shop, "sku-1", "Sac à dos")
        declare_subject(get_site("other"), "sku-900", "Chaussure de ville")  # another tenant's product
        seed_case("shop", "sku-100", body="Semelle décollée")
        seed_case("shop", "sku-1", body="Fermeture cassée")
        db.session.commit()
    options = as_ann.get("/console/subjects?subject=RANDONNEE").get_data(as_text=True)
    assert '<option value="sku-100">Chaussure de randonnée Trékking · sku-100</option>' in options
    assert "sku-900" not in as_ann.get("/console/subjects?subject=chaussure").get_data(as_text=True)
    assert "sku-1" in as_ann.get("/console/subjects?subject=SKU-1").get_data(as_text=True)
    assert as_ann.get("/console/subjects?subject=").get_data(as_text=True).strip() == ""

    by_name = as_ann.get("/console/?subject=trekking").get_data(as_text=True)
    assert rows(by_name) == 1 and "Semelle" in by_name
    exact = as_ann.get("/console/?subject=sku-1").get_data(as_text=True)  # picked from the list: sku-1, not sku-100
    assert rows(exact) == 1 and "Fermeture" in exact
    assert rows(as_ann.get("/console/?subject=sku").get_data(as_text=True)) == 2
    assert rows(as_ann.get("/console/?subject=nothing-like-it").get_data(as_text=True)) == 0
    page = as_ann.get("/console/").get_data(as_text=True)
    assert 'list="subject-options"' in page and 'hx-get="/console/subjects"' in page


def test_search_on_sqlite_folds_the_same_way(redis_url, tmp_path):
    """The development default: a SQLite file, migrated from empty, searched through the same predicate."""
    app = create_app(
        conftest.test_config("sqlite:///" + str(tmp_path / "dev.sqlite3"), redis_url, str(tmp_path / "data"))
    )
    with app.app_context():
        upgrade()
        create_site("shop", "Shop")
        db.session.commit()
        seed_case("shop", "sku-1", title="Échange", body="Très DÉÇU", name="Zoë", email="zoe@example.com")
        seed_case("shop", "sku-2", body="Rien")
        db.session.commit()
        assert db.session.execute(text("SELECT search_text FROM items ORDER BY id")).scalars().all() == [
            "echange\ntres decu",
            "rien",
        ]
        for words in ("echange", "DECU", "zoe", "ZOË@EXAMPLE"):
            assert len(db.session.execute(select(Item.id).where(text_match(words))).all()) == 1, words
        db.engine.dispose()
