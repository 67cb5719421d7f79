"""What the author of a held item hears: published, or rejected with a statement of reasons and a contest link."""

from __future__ import annotations

from moderation.extensions import db
from moderation.models import Author, Case, Item, utcnow
from tests.conftest import review, submit
from tests.mail.conftest import act, body_of, link_in, reviewer, run_mail_worker

LINK_REVIEW = {"rating": 4, "body": "Bien, moins cher sur http://example.com/promo", "lang": "fr"}


def held_case(app, client, **extra) -> int:
    response = submit(client, review(**{**LINK_REVIEW, **extra}))
    assert response.get_json()["status"] == "held"
    with app.app_context():
        # The address was confirmed with an earlier review: decisions go out at once.
        author = db.session.query(Author).filter_by(email="lea@example.com").one()
        author.notify_confirmed_at = utcnow()
        db.session.commit()
        return db.session.query(Case).filter_by(item_id=response.get_json()["id"]).one().id


def test_rejection_is_a_statement_of_reasons_and_the_contest_link_opens_an_appeal(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    case_id = held_case(smtp_app, client, author=reviewer())
    act(client, world.moderator_token, case_id, "reject", {"reason": "links"})
    run_mail_worker(smtp_app)
    rejected = [m for m in smtp_server.messages() if "pas été publié" in m["Subject"]]
    assert len(rejected) == 1
    text = body_of(rejected[0])
    assert "Exposé des motifs" in text
    assert "code links" in text and "Les liens ne sont pas autorisés" in text
    assert "Moyens automatisés : oui" in text
    contest = link_in(text, "/mail/contest/")

    form = client.get(contest)
    assert form.status_code == 200 and "moins cher sur" in form.get_data(as_text=True)
    done = client.post(contest, data={"statement": "Le lien est celui du fabricant <b>officiel</b>."})
    assert done.status_code == 200 and "contestation est enregistrée" in done.get_data(as_text=True)
    with smtp_app.app_context():
        case = db.session.get(Case, case_id)
        assert case.state == "open" and "appeal" in case.reasons
        assert case.item.status == "held"
        assert case.evidence["appeal"]["statement"].startswith("Le lien est celui du fabricant")
    # Clicking twice opens nothing more; a forged link opens nothing.
    assert client.post(contest, data={"statement": ""}).status_code == 200
    assert client.post(contest.replace("/contest/", "/contest/x"), data={}).status_code == 400

    # The appeal is decided like any held item: approving publishes it and tells the author.
    act(client, world.moderator_token, case_id, "approve")
    run_mail_worker(smtp_app)
    published = [m for m in smtp_server.messages() if "est publié" in m["Subject"]]
    assert len(published) == 1
    with smtp_app.app_context():
        case = db.session.get(Case, case_id)
        assert case.state == "resolved" and db.session.get(Item, case.item_id).status == "published"


def test_english_item_gets_english_mail_and_a_manual_decision_says_so(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    case_id = held_case(smtp_app, client, lang="en", author=reviewer())
    with smtp_app.app_context():
        db.session.get(Case, case_id).item.hold_reasons = []  # as if a moderator had found it, not a rule
        db.session.commit()
    act(client, world.moderator_token, case_id, "reject", {"reason": "other"})
    run_mail_worker(smtp_app)
    [rejected] = [m for m in smtp_server.messages() if "was not published" in m["Subject"]]
    text = body_of(rejected)
    assert "Statement of reasons" in text and "code other" in text
    assert "Automated means: the decision was taken by a moderator" in text


def test_a_blocked_authors_rejection_does_not_claim_automated_detection(smtp_app, smtp_server, world):
    """A moderator's block held the item, not a content rule: the statement of reasons must say a person decided."""
    client = smtp_app.test_client()
    case_id = held_case(smtp_app, client, lang="en", author=reviewer())
    with smtp_app.app_context():
        db.session.get(Case, case_id).item.hold_reasons = ["author_blocked"]  # held only by the author's standing
        db.session.commit()
    act(client, world.moderator_token, case_id, "reject", {"reason": "other"})
    run_mail_worker(smtp_app)
    [rejected] = [m for m in smtp_server.messages() if "was not published" in m["Subject"]]
    text = body_of(rejected)
    assert "Automated means: the decision was taken by a moderator" in text
    assert "Automated means: yes" not in text


def test_site_templates_override_the_defaults(smtp_app, smtp_server, world):
    client = smtp_app.test_client()
    with smtp_app.app_context():
        from moderation.models import Site

        site = db.session.query(Site).filter_by(slug="shop").one()
        site.mail_templates = {
            "published.fr": {"subject": "Publié !", "body": "Merci {{ author_name }}. {{ item_url }}"}
        }
        db.session.commit()
    case_id = held_case(smtp_app, client, author=reviewer())
    act(client, world.moderator_token, case_id, "approve")
    run_mail_worker(smtp_app)
    [published] = [m for m in smtp_server.messages() if m["Subject"] == "Publié !"]
    assert body_of(published).startswith("Merci Lea. http://shop.example/sites/shop/items/")
