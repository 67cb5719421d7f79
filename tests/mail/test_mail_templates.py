"""An admin writes the site's own mail texts in the console (#14: templates per site, French and English): the
default text to start from, a preview, a broken template refused naming the field, the text used by the next mail
through a real SMTP server, back to the default, audited; moderators cannot."""

from __future__ import annotations

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Site
from moderation.services.mail import templates as mail_templates
from tests.console.conftest import csrf_token, login
from tests.mail.conftest import act, open_case, reviewer, run_mail_worker

PAGE = "/console/admin/sites/shop/mail-templates"


def admin(app):
    client = app.test_client()
    assert login(client, "root@shop.test", "password-root").status_code == 302
    return client


def save(client, kind: str, lang: str, subject: str, body: str, **extra):
    data = {"csrf_token": csrf_token(client, f"{PAGE}?kind={kind}&lang={lang}"), "kind": kind, "lang": lang,
            "subject": subject, "body": body, **extra}  # fmt: skip
    return client.post(PAGE, data=data)


def test_every_default_text_can_be_saved_back_as_the_sites_own(app, world):
    """The editor starts from the default: each default, in both languages, passes the check it will face."""
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        kinds = mail_templates.kinds()
        assert {"reply", "published", "rejected", "confirm"} <= set(kinds)
        for kind in kinds:
            for lang in mail_templates.LANGS:
                subject, body = mail_templates.default_text(kind, lang)
                assert mail_templates.set_text(site, kind, lang, subject, body, None) is True, (kind, lang)
        db.session.rollback()


def test_admin_edits_previews_and_resets_a_mail_and_the_next_mail_uses_it(smtp_app, smtp_server, world):
    client = admin(smtp_app)
    page = client.get(f"{PAGE}?kind=reply&lang=fr")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "a répondu à votre" in html  # the default text to start from
    assert 'id="preview"' in html and "Nous sommes désolés" in html  # rendered with sample values

    broken = save(client, "reply", "fr", "Réponse de {{ brand }}", "Bonjour {{ author_name\n{% if %}")
    assert broken.status_code == 422
    assert "body:" in broken.get_data(as_text=True)
    # Sandboxed: an admin's template reaches no Python object; the unsafe attribute renders as nothing.
    assert save(client, "reply", "fr", "Objet {{ ''.__class__.__mro__ }}", "Bonjour").status_code == 302
    preview = client.get(f"{PAGE}?kind=reply&lang=fr").get_data(as_text=True)
    assert "<strong>Objet</strong>" in preview and "__mro__" not in preview.split('id="preview"')[1]
    assert "&lt;class" not in preview and "<class" not in preview  # no Python object printed
    no_subject = save(client, "reply", "fr", "", "Bonjour {{ author_name }}")
    assert no_subject.status_code == 422 and "subject:" in no_subject.get_data(as_text=True)

    ours = "Bonjour {{ author_name }}, ici {{ brand }} <b>maison</b>.\n\n{{ reply.body }}\n\n{{ reply_url }} {{ typo }}"
    assert save(client, "reply", "fr", "{{ brand }} vous répond", ours).status_code == 302
    case_id = open_case(smtp_app, client, rating=1, body="Cassé au bout de deux jours", lang="fr", author=reviewer())
    with smtp_app.app_context():
        from moderation.models import Author, utcnow  # the author confirmed their address earlier

        db.session.query(Author).one().notify_confirmed_at = utcnow()
        db.session.commit()
    assert act(client, world.moderator_token, case_id, "reply", {"body": "Un échange part demain."}).status_code == 200
    run_mail_worker(smtp_app)
    replies = [m for m in smtp_server.messages() if "vous répond" in m["Subject"]]
    assert len(replies) == 1
    text = replies[0].get_content()
    assert "Bonjour Lea, ici" in text and "<b>maison</b>" in text  # plain text: nothing escaped or dropped
    assert "Un échange part demain." in text

    assert save(client, "reply", "fr", "", "", reset="1").status_code == 302
    with smtp_app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        assert "reply.fr" not in (site.mail_templates or {})
        changes = (
            db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "site.mail_template_updated").order_by(AuditEvent.id)
            )
            .scalars()
            .all()
        )
        assert [(c.before["reply.fr"] is None, c.after["reply.fr"] is None) for c in changes] == [
            (True, False), (False, False), (False, True),
        ]  # fmt: skip


def test_moderators_cannot_and_a_post_without_csrf_is_refused(app, world):
    moderator = app.test_client()
    assert login(moderator, "ann@shop.test", "password-ann").status_code == 302
    assert moderator.get(PAGE).status_code == 403
    client = admin(app)
    assert client.post(PAGE, data={"kind": "reply", "lang": "fr", "subject": "x", "body": "y"}).status_code == 400
    assert client.get(f"{PAGE}?kind=nope&lang=fr").status_code == 404
