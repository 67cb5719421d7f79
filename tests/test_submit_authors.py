"""An author with an e-mail is one row per site, found or created by one upsert (services.submissions)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from moderation.extensions import db
from moderation.models import Author, Item
from tests.conftest import auth, review, submit


def authors_named(email: str) -> list[Author]:
    return list(db.session.execute(select(Author).where(Author.email == email)).scalars())


def test_a_known_address_is_the_same_author_with_the_latest_name(app, client, world):
    first = submit(client, review(author={"name": "Léa", "email": "lea@shop.example"}), headers=auth(world.site_token))
    second = submit(
        client,
        review(body="Encore un avis, autre produit", author={"name": "Léa Martin", "email": "lea@shop.example"}),
        subject="sku-2",
        headers=auth(world.site_token),
    )
    assert first.status_code == second.status_code == 202
    with app.app_context():
        (author,) = authors_named("lea@shop.example")
        assert author.name == "Léa Martin"
        assert "martin" in author.search_text  # the console's search finds the new name
        items = {db.session.get(Item, r.get_json()["id"]).author_id for r in (first, second)}
        assert items == {author.id}


def test_an_author_standing_applies_to_the_next_post_through_the_upsert(app, client, world):
    submit(client, review(author={"name": "Max", "email": "max@shop.example"}), headers=auth(world.site_token))
    with app.app_context():
        (author,) = authors_named("max@shop.example")
        author.standing = "always_hold"
        db.session.commit()
    again = submit(
        client, review(body="Un deuxième avis", author={"name": "Max", "email": "max@shop.example"}),
        headers=auth(world.site_token),
    )  # fmt: skip
    assert again.get_json()["status"] == "held"


def test_concurrent_first_posts_from_one_address_make_one_author(make_app, world):
    """Eight threads post their first review from one new address at once: no error, one author row."""
    app = make_app()
    statuses: list[int] = []
    start = threading.Barrier(8)

    def post(k: int) -> None:
        client = app.test_client()
        start.wait()
        response = submit(
            client,
            review(
                body=f"Premier avis numéro {k}, très bien", author={"name": f"Zoé {k}", "email": "zoe@shop.example"}
            ),
            subject=f"sku-{k}",
            headers=auth(world.site_token),
        )
        statuses.append(response.status_code)

    threads = [threading.Thread(target=post, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [202] * 8
    with app.app_context():
        (author,) = authors_named("zoe@shop.example")
        count = db.session.execute(select(func.count()).select_from(Item).where(Item.author_id == author.id))
        assert count.scalar_one() == 8


def test_a_change_to_an_author_pending_in_the_session_survives_the_next_upsert(app, world):
    """An import creates many items in one transaction: the consent the first row asked for is not lost when a
    later row of the same author reads the row back."""
    from moderation.services.accounts import get_site
    from moderation.services.submissions import Submission, create_item

    with app.app_context():
        site = get_site("shop")
        for k, notify in enumerate((True, False)):
            sub = Submission(
                kind="review", rating=4, body=f"Avis importé {k}, correct", author_name="Ana",
                author_email="ana@shop.example", author_notify=notify,
            )  # fmt: skip
            create_item(site, f"sku-{k}", sub, external_id=f"import-{k}")
        db.session.commit()
        (author,) = authors_named("ana@shop.example")
        assert author.notify_requested_at is not None
