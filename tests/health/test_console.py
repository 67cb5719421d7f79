"""The console: the product page's health panel (CSRF forms), the dashboard's health section, the site's rule."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, ProductHealth, Site
from moderation.services import health
from tests.console.conftest import login, post

from .helpers import add_negative_reviews, add_reviews, site_named


@pytest.fixture
def watched(app, world) -> int:
    with app.app_context():
        subject = add_reviews("sku-1", [1] * 25)
        health.check_site(site_named().id)
        db.session.commit()
        return subject.id


def signed_in(app, email: str, password: str):
    client = app.test_client()
    assert login(client, email, password).status_code == 302
    return client


def test_product_page_moves_a_product_through_its_plan(app, world, watched):
    ann = signed_in(app, "ann@shop.test", "password-ann")
    page = ann.get(f"/console/products/{watched}").get_data(as_text=True)
    assert 'id="health"' in page and "bob@shop.test" in page and 'value="action_plan"' in page
    refused = post(ann, f"/console/products/{watched}/health", {"state": "fixed"}, follow_redirects=True)
    assert "cannot move to fixed" in refused.get_data(as_text=True)
    done = post(
        ann,
        f"/console/products/{watched}/health",
        {"state": "action_plan", "owner": "bob@shop.test", "notes": "<b>new supplier</b>"},
        follow_redirects=True,
    )
    text = done.get_data(as_text=True)
    assert "&lt;b&gt;new supplier&lt;/b&gt;" in text and "<b>new supplier</b>" not in text
    with app.app_context():
        assert db.session.get(ProductHealth, watched).state == "action_plan"
        event = (
            db.session.execute(
                select(AuditEvent).where(AuditEvent.action == "health.state_changed").order_by(AuditEvent.id.desc())
            )
            .scalars()
            .first()
        )
        assert event.moderator.email == "ann@shop.test" and event.after["owner"] == "bob@shop.test"
    # Without the CSRF token the form is refused.
    assert ann.post(f"/console/products/{watched}/health", data={"state": "fixed"}).status_code == 400


def test_dashboard_lists_products_by_state_and_overdue_plans(app, world, watched):
    with app.app_context():
        add_negative_reviews("sku-2", [3] * 6)
        row = db.session.get(ProductHealth, watched)
        row.state, row.due_at = "action_plan", health.utcnow() - health.timedelta(days=1)
        db.session.commit()
    ann = signed_in(app, "ann@shop.test", "password-ann")
    page = ann.get("/console/dashboard").get_data(as_text=True)
    assert 'id="overdue"' in page and "Product sku-1" in page
    assert "No plan is overdue." not in page
    assert "Negative reviews of the last 12 months answered" in page
    started = post(ann, "/console/dashboard/health-check", {"site": "shop"})
    assert started.status_code == 302
    assert app.extensions["moderation.redis"].llen("rq:queue:insights") == 1


def test_admin_sets_the_sites_rule_and_the_public_line(app, world):
    root = signed_in(app, "root@shop.test", "password-root")
    assert 'id="health-rule"' in root.get("/console/admin/sites/shop").get_data(as_text=True)
    saved = post(
        root,
        "/console/admin/sites/shop/health",
        {"window_days": "180", "min_reviews": "10", "max_average": "3,5", "public_responsiveness": "on"},
    )
    assert saved.status_code == 302
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        assert (site.health_window_days, site.health_min_reviews, site.health_max_average) == (180, 10, 3.5)
        assert site.public_responsiveness is True
        event = db.session.execute(select(AuditEvent).where(AuditEvent.action == "health.rule_updated")).scalar_one()
        assert event.before["min_reviews"] == 25 and event.after["min_reviews"] == 10
    refused = post(
        root, "/console/admin/sites/shop/health", {"window_days": "5", "min_reviews": "10", "max_average": "3"}
    )
    assert refused.status_code == 302
    ann = signed_in(app, "ann@shop.test", "password-ann")
    assert post(ann, "/console/admin/sites/shop/health", {"window_days": "100"}).status_code in (302, 403)
    with app.app_context():
        assert site_named().health_window_days == 180
