"""Retention: a site's windows for items, authors' e-mails and rejected items; the scheduled purge, audited (#14)."""

from __future__ import annotations

from datetime import timedelta

from moderation.extensions import db
from moderation.models import (
    AuditEvent,
    Author,
    Case,
    Item,
    ItemRevision,
    OutboxMessage,
    Reply,
    ReplyRevision,
    Score,
    Site,
    utcnow,
)
from tests.conftest import review, run_worker, submit
from tests.console.conftest import post
from tests.mail.conftest import act, reviewer, run_worker_on


def age(app, item_id: int, days: int) -> None:
    """Make an item (and its author) as old as ``days``: what retention measures is the item's age."""
    with app.app_context():
        item = db.session.get(Item, item_id)
        item.created_at = utcnow() - timedelta(days=days)
        item.author.created_at = min(item.author.created_at, item.created_at)
        db.session.commit()


def seed(app, client, world) -> dict[str, int]:
    """An old rejected item, a recent rejected one, an old answered review whose author gave an address (with a
    mail and an edit), and a recent review by another author with an address."""
    ids = {}

    def post_review(name: str, **payload) -> int:
        response = submit(client, review(**payload))
        assert response.status_code == 202, response.get_json()
        ids[name] = response.get_json()["id"]
        return ids[name]

    for name in ("old_rejected", "new_rejected"):
        post_review(name, rating=4, body=f"Moins cher sur http://example.com/{name}")
        with app.app_context():
            case_id = db.session.query(Case.id).filter_by(item_id=ids[name]).scalar()
        act(client, world.moderator_token, case_id, "reject", {"reason": "links"})
    post_review("old_review", rating=1, body="Cassé, horrible", author=reviewer("old@example.com", name="Old"))
    post_review("new_review", rating=5, body="Super produit", author=reviewer("new@example.com", name="New"))
    run_worker(app)
    with app.app_context():
        case_id = db.session.query(Case.id).filter_by(item_id=ids["old_review"]).scalar()
    act(client, world.moderator_token, case_id, "reply", {"body": "Désolés"})
    with app.app_context():
        reply = db.session.query(Reply).one()
        db.session.add(
            ReplyRevision(reply_id=reply.id, body="Désolé", action="edited", moderator_id=reply.moderator_id)
        )
        db.session.add(ItemRevision(item_id=ids["old_review"], body="avant", status="published", scores=[],
                                    written_at=utcnow()))  # fmt: skip
        db.session.commit()
    age(app, ids["old_rejected"], 100)
    age(app, ids["old_review"], 800)
    return ids


def test_admin_sets_windows_and_a_real_worker_purges_with_counts_and_audit(app, client, world, as_root):
    ids = seed(app, client, world)
    refused = post(as_root, "/console/admin/sites/shop/retention", {"retain_rejected_days": "soon"},
                   follow_redirects=True)  # fmt: skip
    assert "retain_rejected_days" in refused.get_data(as_text=True)
    saved = post(as_root, "/console/admin/sites/shop/retention",
                 {"retain_reviews_days": "730", "retain_emails_days": "365", "retain_rejected_days": "30"})  # fmt: skip
    assert saved.status_code == 302
    with app.app_context():
        site = db.session.query(Site).filter_by(slug="shop").one()
        assert (site.retain_reviews_days, site.retain_emails_days, site.retain_rejected_days) == (730, 365, 30)
        event = db.session.query(AuditEvent).filter_by(action="site.retention_updated").one()
        assert event.moderator.name == "Root" and event.before["retain_reviews_days"] is None
        old_messages = db.session.query(OutboxMessage).filter_by(to_address="old@example.com").count()
        assert old_messages >= 1

    # The maintenance of a mail worker enqueues the purge; the same real rq worker runs it.
    run_worker_on(app, ["mail"])
    with app.app_context():
        remaining = {i for (i,) in db.session.query(Item.id)}
        assert remaining == {ids["new_rejected"], ids["new_review"]}
        # What hung on the deleted review went with it.
        assert db.session.query(Reply).count() == 0 and db.session.query(ReplyRevision).count() == 0
        assert db.session.query(ItemRevision).count() == 0
        assert db.session.query(Score).filter(Score.item_id == ids["old_review"]).count() == 0
        emails = {a.email for a in db.session.query(Author)}
        assert "old@example.com" not in emails and "new@example.com" in emails
        assert db.session.query(OutboxMessage).filter_by(to_address="old@example.com").count() == 0
        scrubbed = db.session.query(OutboxMessage).filter_by(subject="[erased: retention]").all()
        assert len(scrubbed) == old_messages and all("Cassé" not in m.body for m in scrubbed)
        site = db.session.query(Site).filter_by(slug="shop").one()
        expected = {"rejected_deleted": 1, "items_deleted": 1, "emails_erased": 1, "mails_scrubbed": old_messages}
        assert site.retention_counts == expected and site.retention_ran_at is not None
        [purged] = db.session.query(AuditEvent).filter_by(action="retention.purged").all()
        assert purged.moderator_id is None and purged.after["items_deleted"] == 1
        assert purged.after["retain_emails_days"] == 365
    page = as_root.get("/console/admin/sites/shop").get_data(as_text=True)
    counts = page.split('id="retention-counts"')[1].split("</table>")[0]
    assert 'Rejected items deleted</td><td class="num">1<' in counts
    assert f'Mails scrubbed</td><td class="num">{old_messages}<' in counts

    # The sweep enqueues at most one purge per RETENTION_EVERY_S: a second worker run purges nothing more.
    run_worker_on(app, ["mail"])
    with app.app_context():
        assert db.session.query(AuditEvent).filter_by(action="retention.purged").count() == 1


def test_the_command_purges_on_demand_and_empty_keeps_for_ever(app, client, world, runner):
    ids = seed(app, client, world)
    nothing = runner.invoke(args=["retention", "purge"])
    assert nothing.exit_code == 0 and "no site has a retention setting" in nothing.output
    with app.app_context():
        assert db.session.query(Item).count() == 4
        db.session.query(Site).filter_by(slug="shop").one().retain_rejected_days = 30
        db.session.commit()
    result = runner.invoke(args=["retention", "purge", "--site", "shop"])
    assert result.exit_code == 0, result.output
    assert "shop: 1 rejected item(s) deleted, 0 item(s) past their window deleted" in result.output
    with app.app_context():
        # Only the rejected window is set: the 800-day-old review and every address stay.
        assert {i for (i,) in db.session.query(Item.id)} == {ids["new_rejected"], ids["old_review"], ids["new_review"]}
        assert db.session.query(Author).filter_by(email="old@example.com").count() == 1
    unknown = runner.invoke(args=["retention", "purge", "--site", "nope"])
    assert unknown.exit_code != 0
