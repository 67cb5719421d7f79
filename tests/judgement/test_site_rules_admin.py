"""Site rules with actions, edited on the console's site page (CSRF as the browser sends it)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Site
from moderation.services.errors import ServiceError
from moderation.services.site_rules import parse_rule_lines, rule_lines, site_rules
from tests.conftest import review, submit
from tests.console.conftest import login, post
from tests.judgement.helpers import item_and_case


def test_lines_parse_to_entries_and_plain_words_hold():
    assert parse_rule_lines(["Arnaque*  flag", "bof log", "crapule", "mot de passe hold", ""]) == [
        {"pattern": "arnaque*", "action": "flag"},
        {"pattern": "bof", "action": "log"},
        {"pattern": "crapule", "action": "hold"},
        {"pattern": "mot de passe", "action": "hold"},
    ]
    # Sites stored before migration 0006 hold plain words.
    assert [(r.pattern, r.action) for r in site_rules(["crapule"])] == [("crapule", "hold")]
    assert rule_lines([{"pattern": "bof", "action": "log"}, "crapule"]) == "bof log\ncrapule hold"
    with pytest.raises(ServiceError):
        parse_rule_lines(["** flag"])


def test_an_admin_sets_rule_actions_on_the_site_page(app, client, world):
    root = app.test_client()
    assert login(root, "root@shop.test", "password-root").status_code == 302
    data = {
        "name": "Shop",
        "origins": "http://shop.test",
        "words": "arnaque* flag\nbof log\ncrapule",
        "sla_low_rating_hours": "24",
        "sla_default_hours": "72",
    }
    assert post(root, "/console/admin/sites/shop", data).status_code == 302
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        assert site.word_list == [
            {"pattern": "arnaque*", "action": "flag"},
            {"pattern": "bof", "action": "log"},
            {"pattern": "crapule", "action": "hold"},
        ]
    page = root.get("/console/admin/sites/shop").get_data(as_text=True)
    assert "arnaque* flag\nbof log\ncrapule hold" in page

    flagged = submit(client, review(rating=4, body="Ce vendeur arnaqueur m'a remboursé quand même")).get_json()
    assert flagged["status"] == "published" and item_and_case(app, flagged["id"])[1].reasons == ["site_word"]
    assert submit(client, review(rating=5, body="Bof le carton, top le produit")).get_json()["status"] == "published"
    assert '<td class="num">1</td>' in root.get("/console/admin/sites/shop").get_data(as_text=True)

    bad = post(root, "/console/admin/sites/shop", {**data, "words": "* log"})
    assert bad.status_code == 200 and "a pattern needs letters" in bad.get_data(as_text=True)
