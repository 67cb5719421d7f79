"""Bulk actions with undo, the product dashboard and its at-risk rule, model agreement, audit log, admin pages."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import numpy as np
import pytest

from moderation.extensions import db
from moderation.models import AuditEvent, Case, Moderator, Site, Subject, utcnow
from moderation.services import dashboard, flag_precision
from tests.console.conftest import login, moderator_id, post, seed_case


def states(app, ids):
    with app.app_context():
        return [db.session.get(Case, i).state for i in ids]


@pytest.fixture
def mixed(app, world):
    """negative_text cases on 5-star reviews of sku-1 (the bulk target), and others that must stay."""
    with app.app_context():
        target = [seed_case("shop", "sku-1", rating=5, reasons=["negative_text"]).id for _ in range(4)]
        keep = [
            seed_case("shop", "sku-1", rating=1, reasons=["low_rating", "negative_text"]).id,
            seed_case("shop", "sku-2", rating=5, reasons=["negative_text"]).id,
        ]
        db.session.commit()
    return target, keep


FILTER = {"subject": "sku-1", "reason": "negative_text", "rating": "5", "state": "open"}


def bulk_id_of(response) -> int:
    return int(response.location.rsplit("/", 1)[1])


def test_bulk_preview_counts_then_dismisses_only_the_filter_and_undo_restores(app, as_ann, mixed):
    target, keep = mixed
    preview = as_ann.get("/console/bulk", query_string={**FILTER, "preview": "1"}).get_data(as_text=True)
    assert 'data-count="4"' in preview and "Apply to 4 cases" in preview

    response = post(as_ann, "/console/bulk", {**FILTER, "action": "dismiss", "expected": "4", "note": "praise"})
    assert response.status_code == 302
    assert "4 cases changed, 0 skipped." in as_ann.get(response.location).get_data(as_text=True)
    assert states(app, target) == ["dismissed"] * 4 and states(app, keep) == ["open", "open"]

    bulk_id = bulk_id_of(response)
    undone = as_ann.get(post(as_ann, f"/console/bulk/{bulk_id}/undo").location).get_data(as_text=True)
    assert "4 cases restored, 0 left as they are." in undone and 'id="undone"' in undone
    assert states(app, target) == ["open"] * 4
    with app.app_context():
        assert all(db.session.get(Case, i).closed_at is None for i in target)
        restored = db.session.execute(db.select(AuditEvent).where(AuditEvent.action == "case.restored")).scalars()
        assert sorted(e.target_id for e in restored) == sorted(target)
    again = as_ann.get(post(as_ann, f"/console/bulk/{bulk_id}/undo").location).get_data(as_text=True)
    assert "already undone" in again


def test_undo_leaves_alone_a_case_someone_changed_since(app, as_ann, mixed):
    target, _keep = mixed
    bulk_id = bulk_id_of(post(as_ann, "/console/bulk", {**FILTER, "action": "dismiss", "expected": "4"}))
    with app.app_context():
        db.session.get(Case, target[0]).state = "answered"
        db.session.commit()
    post(as_ann, f"/console/bulk/{bulk_id}/undo")
    assert states(app, target) == ["answered", "open", "open", "open"]


def test_bulk_skips_cases_another_moderator_holds(app, as_ann, as_bob, mixed):
    target, _keep = mixed
    post(as_bob, f"/console/cases/{target[0]}/claim")
    response = post(as_ann, "/console/bulk", {**FILTER, "state": "active", "action": "resolve", "expected": "4"})
    assert "3 cases changed, 1 skipped." in as_ann.get(response.location).get_data(as_text=True)
    assert states(app, target) == ["claimed", "resolved", "resolved", "resolved"]


def test_bulk_refuses_when_the_count_moved_since_the_preview(app, as_ann, mixed):
    target, _keep = mixed
    response = post(as_ann, "/console/bulk", {**FILTER, "action": "dismiss", "expected": "3"})
    assert "preview=1" in response.location
    assert "not 3" in as_ann.get(response.location).get_data(as_text=True)
    assert states(app, target) == ["open"] * 4


def test_another_moderator_cannot_undo_my_bulk(app, as_ann, as_bob, mixed):
    bulk_id = bulk_id_of(post(as_ann, "/console/bulk", {**FILTER, "action": "dismiss", "expected": "4"}))
    assert as_bob.get(f"/console/bulk/{bulk_id}").status_code == 404
    post(as_bob, f"/console/bulk/{bulk_id}/undo")
    assert states(app, mixed[0]) == ["dismissed"] * 4


def reviews(subject: str, ratings: list[int], days_ago: int = 10) -> None:
    from moderation.services.accounts import get_site
    from moderation.services.submissions import Submission, create_item

    for n, rating in enumerate(ratings):
        item = create_item(
            get_site("shop"),
            subject,
            Submission(kind="review", body=f"avis {n}", author_name="A", rating=rating),
            created_at=utcnow() - timedelta(days=days_ago, minutes=n),
        )
        item.scored_at = item.created_at


def test_at_risk_rule_boundaries(app, world):
    with app.app_context():
        reviews("risky", [2] * 10 + [3] * 15)  # 25 reviews, average 2.6
        reviews("few", [1] * 24)  # under 25 reviews
        reviews("exactly-3", [3] * 25)  # not under 3
        reviews("old-bad", [1] * 30, days_ago=400)  # bad, but more than 12 months ago
        reviews("old-bad", [4] * 3)
        db.session.commit()
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        rows = {p.external_id: p for p in dashboard.product_rows(site.id)}
    assert rows["risky"].at_risk and rows["risky"].reviews_12m == 25
    assert rows["risky"].average_12m == pytest.approx(2.6)
    assert not rows["few"].at_risk and not rows["exactly-3"].at_risk and not rows["old-bad"].at_risk
    assert rows["old-bad"].reviews == 33 and rows["old-bad"].reviews_12m == 3
    assert next(iter(rows)) == "risky"  # at-risk products come first


def test_the_dashboard_and_insights_follow_the_sites_own_rule(app, client, world, as_root):
    """A site that sets its own rule sees the same products at risk on the dashboard, in the insights API and in
    the health workflow (services.health), not the default rule's."""
    with app.app_context():
        reviews("lenient-miss", [3] * 10 + [4] * 2)  # 12 reviews averaging 3.17: at risk under < 3.5 with ≥ 10
        reviews("ancient", [1] * 12, days_ago=120)  # outside a 90-day window
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        site.health_window_days, site.health_min_reviews, site.health_max_average = 90, 10, 3.5
        db.session.commit()
        rows = {p.external_id: p for p in dashboard.product_rows(site.id)}
        assert rows["lenient-miss"].at_risk and not rows["ancient"].at_risk
        assert rows["ancient"].reviews_12m == 0  # the window is the site's 90 days
    body = client.get(
        "/api/v1/sites/shop/subjects/lenient-miss/insights",
        headers={"Authorization": f"Bearer {world.moderator_token}"},
    ).get_json()
    assert body["health"]["at_risk"] is True
    assert body["health"]["rule"] == {"window_days": 90, "min_reviews": 10, "max_average": 3.5}
    page = as_root.get("/console/dashboard?site=shop").get_data(as_text=True)
    assert "over the last 90 days with at least 10 reviews" in page and "under 3.5 stars" in page


def test_image_figures_negative_answered_and_time_to_first_answer(app, world):
    with app.app_context():
        now = utcnow()
        answered = [seed_case("shop", "sku-x", rating=1, created_at=now - timedelta(hours=h)) for h in (10, 20, 30)]
        for case, hours in zip(answered, (2, 4, 9), strict=True):
            case.state = "answered"
            case.first_answered_at = case.item.created_at + timedelta(hours=hours)
        seed_case("shop", "sku-x", rating=2)  # negative, waiting
        seed_case("shop", "sku-x", rating=5, reasons=["negative_text"], state="dismissed")  # false alarm
        reviews("sku-x", [5, 4, 5])
        db.session.commit()
        subject = db.session.execute(db.select(Subject).where(Subject.external_id == "sku-x")).scalar_one()
        stats = dashboard.image_stats(subject.site_id, subject.id)
    assert stats.reviews == 8 and stats.histogram == {1: 3, 2: 1, 3: 0, 4: 1, 5: 3}
    assert stats.negative == 4 and stats.answered == 3
    assert stats.negative_share == pytest.approx(0.5) and stats.answered_share == pytest.approx(0.75)
    assert stats.median_hours_to_answer == pytest.approx(4)
    assert stats.months[-1].reviews + stats.months[-2].reviews == 8
    assert len(stats.months) == 12


def test_dashboard_pages_render_charts(app, as_ann, world):
    with app.app_context():
        reviews("risky", [1] * 20 + [4] * 6)
        db.session.commit()
        subject_id = db.session.execute(db.select(Subject.id).where(Subject.external_id == "risky")).scalar_one()
    page = as_ann.get("/console/dashboard").get_data(as_text=True)
    assert page.count("<svg") == 5 and "<polyline" in page and 'class="bar s1"' in page
    assert "risky" in page.split('id="at-risk"')[1].split("</section>")[0]
    product = as_ann.get(f"/console/products/{subject_id}").get_data(as_text=True)
    assert product.count("<svg") == 5 and "at risk" in product


def test_suggested_threshold_is_the_lowest_reaching_the_target():
    labelled = [(0.55, False)] * 5 + [(0.65, False)] * 2 + [(0.75, True)] * 6 + [(0.85, False)] + [(0.95, True)] * 8
    threshold, precision, kept, curve = flag_precision.suggest_threshold(labelled, target=0.9)
    assert threshold == pytest.approx(0.66) and precision == pytest.approx(14 / 15)
    assert kept == pytest.approx(1.0)
    assert curve[0] == (0.5, pytest.approx(14 / 22), 1.0)
    assert flag_precision.suggest_threshold([(0.6, False)] * 3, target=0.9)[0] is None


def test_model_agreement_per_version(app, as_ann, world):
    with app.app_context():
        for n in range(24):
            case = seed_case(
                "shop", "sku-m", reasons=["negative_text"], model_version="m-1", probability=round(0.6 + n / 100, 2)
            )
            case.state = "answered" if n >= 8 else "dismissed"
        seed_case("shop", "sku-m", reasons=["negative_text"], model_version="m-2", probability=0.9)
        seed_case("shop", "sku-m", reasons=["low_rating"], model_version="m-2", probability=0.1)  # not a model flag
        db.session.commit()
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        results = {r.model_version: r for r in flag_precision.flag_precision_by_model(site)}
    assert results["m-1"].answered == 16 and results["m-1"].dismissed == 8
    assert results["m-1"].suggested_threshold == pytest.approx(0.67)
    assert results["m-2"].flags == 1 and results["m-2"].note == "not_enough_labels"
    page = as_ann.get("/console/models").get_data(as_text=True)
    assert "m-1" in page and "0.67" in page and "needs 20 labelled flags" in page


def test_the_hostility_readers_flags_and_what_moderators_did_with_them(app, as_ann, world):
    with app.app_context():
        outcomes = ["removed"] * 3 + ["let stand"] * 2 + ["waiting"]
        for n, outcome in enumerate(outcomes):
            case = seed_case("shop", "sku-h", rating=5, body=f"flagged {n}", reasons=["suspected_abuse"])
            case.evidence = {"suspected_abuse": {"probability": 0.9, "threshold": 0.81, "reader": "hostility-r1"}}
            if outcome == "removed":
                case.item.status, case.item.rejection_reason, case.state = "removed", "abusive", "resolved"
            elif outcome == "let stand":
                case.state = "resolved"
        seed_case("shop", "sku-h", reasons=["reported"])  # a reader's report is not the model's
        db.session.commit()
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        (flags,) = flag_precision.reader_flags(site)
    assert (flags.reader, flags.flags, flags.removed, flags.let_stand, flags.waiting) == ("hostility-r1", 6, 3, 2, 1)
    assert flags.removed_share == pytest.approx(0.6)
    page = as_ann.get("/console/models").get_data(as_text=True)
    table = page.split('id="reader-flags"')[1].split("</table>")[0]
    assert "hostility-r1" in table and "60%" in table
    assert "Read by the workers' head: this site has no head of its own" in page

    # A head of the site's own (train-hostility --activate): the page names it and what it was adapted from.
    from moderation.classifier.hostility import HostilityHead
    from moderation.services.hostility import set_site_head

    head = HostilityHead(
        np.ones(4, dtype=np.float32),
        0.0,
        0.8,
        "tap:m:l9",
        {"adapted_from": "hostility-b0", "removed": 41, "cleared": 7},
    )
    with app.app_context():
        set_site_head(db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one(), head)
        db.session.commit()
    page = as_ann.get("/console/models").get_data(as_text=True)
    line = page.split('id="site-head"')[1].split("</p>")[0]
    assert f"own head {head.version} (adapted from hostility-b0 on 41 removed and 7 let-stand items)" in line


def test_a_published_item_reported_or_suspected_offers_remove_with_its_own_reason(app, as_ann, world):
    with app.app_context():
        reported = seed_case("shop", "sku-r", rating=5, body="reported one", reasons=["reported"]).id
        suspected = seed_case("shop", "sku-r", rating=5, body="suspected one", reasons=["suspected_abuse"]).id
        db.session.commit()
    page = as_ann.get(f"/console/cases/{reported}").get_data(as_text=True)
    assert 'id="remove-reported"' in page and "Readers reported this item" in page and "remove-suspected" not in page
    page = as_ann.get(f"/console/cases/{suspected}").get_data(as_text=True)
    assert 'id="remove-suspected"' in page and "the model reads it as possibly abusive" in page
    assert "remove-reported" not in page


def test_audit_log_filters_and_csv_export(app, as_ann, mixed):
    target, _keep = mixed
    post(as_ann, f"/console/cases/{target[0]}/dismiss", {"note": '=HYPERLINK("http://evil")'})
    page = as_ann.get("/console/audit?action=case.dismissed").get_data(as_text=True)
    assert f"case #{target[0]}" in page and "case.claimed" not in page
    assert "No events match." in as_ann.get("/console/audit?moderator=nobody@x.test").get_data(as_text=True)
    rows = list(csv.reader(io.StringIO(as_ann.get("/console/audit.csv?target_type=case").get_data(as_text=True))))
    assert rows[0][:4] == ["id", "at", "moderator", "action"]
    dismissed = [r for r in rows[1:] if r[3] == "case.dismissed"]
    assert len(dismissed) == 1 and dismissed[0][2] == "ann@shop.test"
    assert "HYPERLINK" in dismissed[0][8]
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_admin_adds_a_moderator_who_can_then_sign_in(app, as_root):
    response = post(
        as_root,
        "/console/admin/moderators",
        {"email": "Zoe@Example.com", "name": "Zoé", "password": "long-password", "role": "moderator", "sites": "shop"},
    )
    assert response.status_code == 302
    assert login(app.test_client(), "zoe@example.com", "long-password").status_code == 302
    refused = post(
        as_root,
        "/console/admin/moderators",
        {"email": "zoe@example.com", "name": "Z", "password": "long-password", "role": "moderator"},
    )
    assert refused.status_code == 200 and "already exists" in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.execute(db.select(AuditEvent).where(AuditEvent.action == "moderator.created")).first()


def test_admin_edits_site_settings(app, as_root):
    data = {
        "name": "Shop FR",
        "origins": "https://shop.example\nhttps://www.shop.example/",
        "words": "Crapule\narnaqueur",
        "sla_low_rating_hours": "12",
        "sla_default_hours": "48",
        "policy-negative_threshold": "0.8",
        "policy-low_rating_max": "",
        "template-name": ["Désolé", ""],
        "template-lang": ["fr", ""],
        "template-body": ["Bonjour {name}", ""],
    }
    assert post(as_root, "/console/admin/sites/shop", data).status_code == 302
    with app.app_context():
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        assert site.allowed_origins == ["https://shop.example", "https://www.shop.example"]
        assert site.word_list == [{"pattern": "crapule", "action": "hold"}, {"pattern": "arnaqueur", "action": "hold"}]
        assert site.policy == {"negative_threshold": 0.8}
        assert site.reply_templates == [{"name": "Désolé", "lang": "fr", "body": "Bonjour {name}"}]
        assert site.sla_low_rating_hours == 12
    bad = post(as_root, "/console/admin/sites/shop", {**data, "origins": "javascript:alert(1)"})
    assert bad.status_code == 200 and "is not an origin" in bad.get_data(as_text=True)
    bad = post(as_root, "/console/admin/sites/shop", {**data, "policy-negative_threshold": "7"})
    assert "between" in bad.get_data(as_text=True)
    with app.app_context():
        policy = db.session.execute(db.select(Site.policy).where(Site.slug == "shop")).scalar_one()
    assert policy == {"negative_threshold": 0.8}


def test_admin_cannot_lock_themselves_out(app, as_root):
    root = moderator_id(app, "root@shop.test")
    response = post(as_root, f"/console/admin/moderators/{root}", {"name": "Root", "role": "moderator"})
    assert "cannot demote" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Moderator, root).is_admin


def test_the_console_speaks_french(app, as_ann, shop_cases):
    page = as_ann.get("/console/", headers={"Accept-Language": "fr-FR,fr;q=0.9"}).get_data(as_text=True)
    assert "File d’attente" in page and "Motifs" in page
    post(as_ann, "/console/language", {"lang": "en", "next": "/console/"})
    assert "Reasons" in as_ann.get("/console/", headers={"Accept-Language": "fr"}).get_data(as_text=True)
