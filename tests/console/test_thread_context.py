"""Context on the case page (#20): the thread around a comment (escaped, capped), and the product's name and
picture when the site gave them (command line or import)."""

from __future__ import annotations

import json

from moderation.extensions import db
from moderation.models import Subject
from tests.conftest import submit
from tests.judgement.helpers import item_and_case

INSULT = "Réponse de CONNARDS, comme d'habitude"


def comment(body: str, name: str = "Nina", parent_id: int | None = None) -> dict:
    payload = {"kind": "comment", "body": body, "author": {"name": name}}
    if parent_id is not None:
        payload["parent_id"] = parent_id
    return payload


def post_comment(client, body: str, **kwargs) -> int:
    response = submit(client, comment(body, **kwargs), subject="article-1")
    assert response.status_code == 202, response.get_json()
    return response.get_json()["id"]


def test_a_reply_shows_its_parent_and_siblings_escaped_and_capped(app, client, world, as_ann):
    parent = post_comment(client, "<script>alert('parent')</script> Que pensez-vous du nouveau modèle ?", name="Max")
    for n in range(10):
        post_comment(client, f"Avis numéro {n} sur le modèle", name=f"Lecteur {n}", parent_id=parent)
    held = post_comment(client, INSULT, parent_id=parent)
    post_comment(client, "Merci pour la réponse", name="Max", parent_id=held)
    case = item_and_case(app, held)[1]
    html = as_ann.get(f"/console/cases/{case.id}").get_data(as_text=True)

    thread = html[html.index('id="thread"') : html.index("</section>", html.index('id="thread"'))]
    assert "&lt;script&gt;alert(&#39;parent&#39;)&lt;/script&gt;" in thread and "<script>alert" not in html
    assert thread.count('class="mini thread-parent"') == 1 and "Max" in thread
    assert "10 other replies to the same comment" in thread
    assert thread.count('class="mini thread-sibling"') == 8 and "and 2 more" in thread
    assert "Avis numéro 0" in thread and "Avis numéro 9" not in thread  # oldest first, as the thread reads
    assert "1 reply to this comment" in thread and "Merci pour la réponse" in thread
    assert INSULT.split()[0] not in thread  # the case's own comment is not its own sibling


def test_a_review_has_no_thread_card(app, client, world, as_ann):
    review_id = submit(client, {"kind": "review", "rating": 1, "body": "Nul", "author": {"name": "Lea"}}).get_json()
    html = as_ann.get(f"/console/cases/{item_and_case(app, review_id['id'])[1].id}").get_data(as_text=True)
    assert 'id="thread"' not in html and 'id="product"' in html


def test_the_product_name_and_picture_from_the_command_line(app, client, runner, world, as_ann):
    refused = runner.invoke(args=["subject", "add", "shop", "sku-7", "--image", "http://cdn.shop.test/p.jpg"])
    assert refused.exit_code != 0 and "https://" in refused.output
    added = runner.invoke(
        args=["subject", "add", "shop", "sku-7", "--name", "Lampe <Nova>", "--image", "https://cdn.shop.test/nova.jpg"]
    )
    assert added.exit_code == 0, added.output
    item = submit(client, {"kind": "review", "rating": 1, "body": "Nulle", "author": {"name": "Lea"}}, subject="sku-7")
    case = item_and_case(app, item.get_json()["id"])[1]
    response = as_ann.get(f"/console/cases/{case.id}")
    html = response.get_data(as_text=True)
    assert '<img src="https://cdn.shop.test/nova.jpg"' in html and "Lampe &lt;Nova&gt;" in html
    assert "img-src 'self' data: https:;" in response.headers["Content-Security-Policy"]
    plain = submit(client, {"kind": "review", "rating": 1, "body": "Bof", "author": {"name": "Lea"}}, subject="sku-8")
    bare = as_ann.get(f"/console/cases/{item_and_case(app, plain.get_json()['id'])[1].id}").get_data(as_text=True)
    assert "product-picture" not in bare and 'class="product-name">sku-8<' in bare  # no metadata: the id alone


def test_the_product_name_and_picture_from_an_import(app, runner, world, tmp_path):
    rows = [
        {"site": "shop", "subject": "sku-1", "external_id": "r1", "kind": "review", "rating": 2, "body": "Bof",
         "author": {"name": "Paul"}, "subject_name": "Veste Trékking", "subject_image": "https://cdn.shop.test/v.jpg"},
        {"site": "shop", "subject": "sku-2", "external_id": "r2", "kind": "review", "rating": 2, "body": "Bof",
         "author": {"name": "Paul"}, "subject_image": "javascript:alert(1)"},
    ]  # fmt: skip
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = runner.invoke(args=["import", str(path)])
    assert "created 1, already there 0, refused 1" in result.output and "row 2: image" in result.output
    with app.app_context():
        subject = db.session.execute(db.select(Subject).where(Subject.external_id == "sku-1")).scalar_one()
        assert (subject.title, subject.image_url) == ("Veste Trékking", "https://cdn.shop.test/v.jpg")
        assert subject.search_text == "sku-1\nveste trekking"  # the picker finds it by its name, accents aside
