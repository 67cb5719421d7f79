"""Without SMTP the outbox is the mailbox, read by admins on the console; the brand signs replies in public."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import Author, OutboxMessage, Site, utcnow
from tests.console.conftest import as_root, login, post  # noqa: F401 - pytest fixture
from tests.mail.conftest import act, open_case, reviewer, run_mail_worker


def test_outbox_page_lists_and_shows_messages_escaped(app, client, world, as_root):  # noqa: F811
    case_id = open_case(app, client, rating=1, body="Nul", author=reviewer(name="<script>x</script>"))
    with app.app_context():
        db.session.query(Author).one().notify_confirmed_at = utcnow()
        db.session.commit()
    act(client, world.moderator_token, case_id, "reply", {"body": "Désolés <img src=x onerror=alert(1)>"})
    run_mail_worker(app)
    with app.app_context():
        messages = {m.kind: m for m in db.session.query(OutboxMessage)}
        assert {m.state for m in messages.values()} == {"sent"}
        assert {m.transport for m in messages.values()} == {"outbox"}
        reply_id = messages["reply"].id
    listing = as_root.get("/console/outbox").get_data(as_text=True)
    assert "lea@example.com" in listing and "No SMTP server is set" in listing
    page = as_root.get(f"/console/outbox/{reply_id}").get_data(as_text=True)
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "<img src=x" not in page
    assert "&lt;script&gt;x&lt;/script&gt;" in page and "<script>x" not in page


def test_outbox_is_for_admins(app, client, world):
    moderator = app.test_client()
    login(moderator, "ann@shop.test", "password-ann")
    assert moderator.get("/console/outbox").status_code == 403


def test_replies_are_signed_with_the_brand_voice(app, client, world, as_root):  # noqa: F811
    case_id = open_case(app, client, rating=1, body="Nul")
    act(client, world.moderator_token, case_id, "reply", {"body": "Désolés."})
    reply = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()["items"][0]["replies"][0]
    assert reply["author"]["name"] == "Shop"  # the site's name until a brand name is set, never "Ann"
    response = post(
        as_root, "/console/admin/sites/shop/voice",
        {"brand_name": "L'équipe Shop", "sign_with_first_name": "1", "default_lang": "fr"},
    )  # fmt: skip
    assert response.status_code == 302
    reply = client.get("/api/v1/sites/shop/subjects/sku-1").get_json()["items"][0]["replies"][0]
    assert reply["author"]["name"] == "L'équipe Shop · Ann"
    with app.app_context():
        assert db.session.query(Site).filter_by(slug="shop").one().default_lang == "fr"
    assert post(as_root, "/console/admin/sites/shop/voice", {"default_lang": "de"}).status_code == 302
    with app.app_context():
        assert db.session.query(Site).filter_by(slug="shop").one().default_lang == "fr"
