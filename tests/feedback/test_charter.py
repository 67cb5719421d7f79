"""The public moderation charter: French or English, every figure from the site's settings, the rewards setting
changed by an admin (audited) and shown."""

from __future__ import annotations

import re

from sqlalchemy import select

from moderation.extensions import db
from moderation.models import AuditEvent, Site
from tests.console.conftest import as_root, fast_password_hashing, post  # noqa: F401 - pytest fixtures

ENGLISH_HEADINGS = ("What is checked, and how", "How long before publication", "Why a review can be refused",
                    "The order reviews are shown in", "How long reviews are kept", "Rewards")  # fmt: skip


def set_site(app, **values) -> None:
    with app.app_context():
        site = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        for key, value in values.items():
            setattr(site, key, value)
        db.session.commit()


def visible(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html.split("<main>")[1]).split())


def test_english_charter_from_the_site_settings(app, client, world):
    set_site(app, sla_low_rating_hours=12, sla_default_hours=48, brand_name="L'équipe Shop")
    response = client.get("/sites/shop/charter", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "script-src" not in response.headers["Content-Security-Policy"]  # nothing runs on it
    html = response.get_data(as_text=True)
    text = visible(html)
    assert "Moderation charter of L&#39;équipe Shop" in html  # escaped like any value
    for heading in ENGLISH_HEADINGS:
        assert heading in text
    assert "A held text is decided within 48 hours at most: within 12 hours for insults and personal data" in text
    assert "1 word or phrase chosen by the site." in text  # the world's site holds "crapule"
    assert "within 4 hours for a safety warning" in text
    assert "the same text of 12 words or more, word for word, from 3 different people within 24 hours" in text
    for code in ("spam", "links", "abusive", "personal_data", "off_topic", "duplicate", "other"):
        assert f"<code>{code}</code>" in html
    assert "Links are not allowed in reviews." in text
    assert "Reviews are shown newest first." in text
    assert "kept until a moderator removes them" in text  # no retention setting on this platform yet
    assert "No review on this site is rewarded or paid for." in text
    assert "the platform's default model" in text


def test_french_charter_by_query_and_by_browser(app, client, world):
    set_site(app, sla_low_rating_hours=6, sla_default_hours=24, rewards_reviews=True, active_model_version="m-2")
    by_query = client.get("/sites/shop/charter?lang=fr", headers={"Accept-Language": "en"})
    by_browser = client.get("/sites/shop/charter", headers={"Accept-Language": "fr-FR,fr;q=0.9"})
    assert by_query.get_data() == by_browser.get_data()
    html = by_query.get_data(as_text=True)
    text = visible(html)
    assert '<html lang="fr">' in html and by_query.headers["Content-Language"] == "fr"
    assert "Charte de modération de Shop" in text
    assert "Un texte retenu reçoit une décision en 24 heures au plus : en 6 heures pour les insultes" in text
    assert "Les liens ne sont pas autorisés dans les avis." in text
    assert "(modèle : m-2)" in text
    assert "le même texte d'au moins 12 mots, mot pour mot, de 3 personnes différentes dans les 24 heures" in text
    assert "Certains avis sur ce site font l'objet d'une contrepartie" in text
    # Every sentence is translated: none of the English headings is left on the French page.
    assert not [h for h in ENGLISH_HEADINGS if h in text]
    assert not re.search(r"\b(the|reviews|is|are)\b", text), text


def test_unknown_site_is_404(client, world):
    assert client.get("/sites/nope/charter").status_code == 404


def test_an_admin_sets_rewards_and_the_charter_says_so(app, client, world, as_root):  # noqa: F811
    page = as_root.get("/console/admin/sites/shop").get_data(as_text=True)
    assert 'name="rewards_reviews"' in page and "/sites/shop/charter" in page
    data = {"name": "Shop", "origins": "http://shop.test", "words": "crapule", "sla_low_rating_hours": "24",
            "sla_default_hours": "72", "rewards_reviews": "y"}  # fmt: skip
    assert post(as_root, "/console/admin/sites/shop", data).status_code == 302
    assert "font l'objet d'une contrepartie" in client.get("/sites/shop/charter?lang=fr").get_data(as_text=True)
    with app.app_context():
        event = db.session.execute(select(AuditEvent).where(AuditEvent.action == "site.updated")).scalars().all()[-1]
        assert (event.before["rewards_reviews"], event.after["rewards_reviews"]) == (False, True)


def test_the_charter_states_the_sites_retention_windows(app, client, world):
    set_site(app, retain_reviews_days=730, retain_rejected_days=30)
    text = visible(client.get("/sites/shop/charter?lang=en").get_data(as_text=True))
    assert "Published reviews and comments: 730 days" in text
    assert "Rejected and withdrawn reviews: 30 days" in text
    assert "Authors' e-mail addresses, counted from their last post: no limit set" in text
    assert "retain_" not in text and "retention_ran_at" not in text  # labels, never column names
    french = visible(client.get("/sites/shop/charter?lang=fr").get_data(as_text=True))
    assert "Avis et commentaires publiés: 730 jours" in french
