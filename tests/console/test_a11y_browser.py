"""WCAG 2.1 AA on every console page (#20): axe-core in Chromium at 1366 px finds no serious or critical
violation on any page a moderator or an admin opens (every GET route of the console that renders a page)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, OutboxMessage, Subject, utcnow
from tests.a11y import serious_violations
from tests.conftest import review, run_worker, submit
from tests.console.conftest import browser_login, moderator_id, post
from tests.console.test_queue_decisions import PHONE

pytestmark = pytest.mark.browser

# GET routes that answer with no page of their own: a download, a redirect, fragments polled into a page checked here.
NOT_PAGES = {
    "console.audit_csv": "CSV download",
    "console.next_case": "redirects to a case page",
    "console.subject_picker": "datalist options for the queue's product field",
    "console.training_panel": "the Models page's training section, polled into it",
}


def seed(app, client, as_root) -> dict[str, str]:
    """Cases of every kind the pages show, a bulk run, a reply and its mail; the URL of each page to check."""
    with app.app_context():
        from moderation.services.accounts import get_site

        get_site("shop").reply_templates = [
            {"name": "Excuses", "lang": "fr", "body": "Bonjour {name}, toutes nos excuses."},
            {"name": "Sorry", "lang": "en", "body": "Hello {name}, we are sorry."},
        ]
        db.session.commit()
    lea = {"name": "Léa", "email": "lea@example.com", "notify": True}
    ids = {}
    for key, rating, body in (
        ("low", 1, "Produit cassé, horrible, arrivé en retard"),
        ("mid", 3, "Emballage cassé, je suis déçu"),
        ("top", 5, "Arrivé cassé, horrible"),
        ("held", 4, PHONE),
        ("fire", 4, "FIRE HAZARD. The charger caught fire on my desk."),
        ("answered", 2, "Bof, pas terrible du tout"),
        ("bulk", 1, "Nul, vraiment nul"),
    ):
        ids[key] = submit(client, review(rating, body, author=lea, lang="fr", title="Avis " + key)).get_json()["id"]
    run_worker(app)  # the model's reasons (negative text, stars contradicting the text) and their badges
    with app.app_context():
        cases = dict(db.session.execute(select(Case.item_id, Case.id).where(Case.item_id.in_(ids.values()))).all())
        ids = {key: cases.get(item_id) for key, item_id in ids.items()}
        assert all(ids.values()), ids
        subject_id = db.session.execute(select(Subject.id).where(Subject.external_id == "sku-1")).scalar_one()
        mid, top = db.session.get(Case, ids["mid"]), db.session.get(Case, ids["top"])
        mid.due_at = mid.created_at - timedelta(hours=2)  # overdue, in red
        mid.stale = True
        top.state, top.claimed_by_id = "claimed", moderator_id(app, "bob@shop.test")  # "by Bob" in the queue
        top.claim_expires_at = utcnow() + timedelta(minutes=20)
        db.session.commit()
    root_id = moderator_id(app, "root@shop.test")
    assert (
        post(
            as_root, f"/console/cases/{ids['answered']}/reply", {"body": "Merci Léa, nous revenons vers vous."}
        ).status_code
        == 302
    )
    assert post(as_root, f"/console/cases/{ids['bulk']}/notes", {"body": "Vu avec le transporteur."}).status_code == 302
    preview = as_root.get("/console/bulk?preview=1&rating=1&q=Nul").get_data(as_text=True)
    expected = re.search(r'name="expected"[^>]*value="(\d+)"', preview)
    response = post(
        as_root, "/console/bulk", {"action": "dismiss", "rating": "1", "q": "Nul", "expected": expected.group(1)}
    )
    bulk_url = response.location
    assert re.fullmatch(r"/console/bulk/\d+", bulk_url), bulk_url
    with app.app_context():
        message_id = db.session.execute(select(OutboxMessage.id).order_by(OutboxMessage.id)).scalars().first()
    assert message_id, "the reply mails its author"
    return {
        "console.login": "/console/login",
        "console.queue": "/console/",
        "console.case": f"/console/cases/{ids['low']}",
        "console.case (held)": f"/console/cases/{ids['held']}",
        "console.case (safety, answered)": f"/console/cases/{ids['answered']}",
        "console.case (fire)": f"/console/cases/{ids['fire']}",
        "console.case (overdue, stale)": f"/console/cases/{ids['mid']}",
        "console.audit": "/console/audit",
        "console.bulk": "/console/bulk?preview=1&rating=5",
        "console.bulk_run": bulk_url,
        "console.dashboard": "/console/dashboard",
        "console.product": f"/console/products/{subject_id}",
        "console.models": "/console/models",
        "console.outbox": "/console/outbox",
        "console.outbox_message": f"/console/outbox/{message_id}",
        "console.admin_sites": "/console/admin/sites",
        "console.admin_site": "/console/admin/sites/shop",
        "console.admin_feeds": "/console/admin/sites/shop/feeds",
        "console.admin_mail_templates": "/console/admin/sites/shop/mail-templates",
        "console.admin_webhooks": "/console/admin/sites/shop/webhooks",
        "console.admin_moderators": "/console/admin/moderators",
        "console.admin_moderator": f"/console/admin/moderators/{root_id}",
        "console.admin_tokens": "/console/admin/tokens",
    }


# axe skips text made only of symbols, so it never weighs the stars (★☆): measured here, as axe would.
STAR_CONTRASTS = """() => Array.from(document.querySelectorAll('.stars')).map(star => {
  const rgb = c => c.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let back = star;
  while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(star).color)), lum(rgb(getComputedStyle(back).backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
})"""


def test_every_console_page_has_no_serious_accessibility_violation(app, client, browser, live_server, world, as_root):
    pages = seed(app, client, as_root)
    routes = {r.endpoint for r in app.url_map.iter_rules() if r.endpoint.startswith("console.") and "GET" in r.methods}
    covered = {name.split(" ")[0] for name in pages}
    assert routes - set(NOT_PAGES) == covered, "a console page without an accessibility check (or a stale name)"

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    found = {}
    page.goto(live_server.url + pages["console.login"])
    found["console.login"] = serious_violations(page)
    # The check itself works: an image without a text alternative is caught.
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/x.png\">')")
    assert ("image-alt", ["img"]) in serious_violations(page)
    browser_login(page, live_server, "root@shop.test", "password-root")
    for lang in ("en", "fr"):
        if lang == "fr":
            page.click("button[name=lang][value=fr]")
            page.wait_for_load_state()
        for name, path in pages.items():
            if name == "console.login":
                continue
            response = page.goto(live_server.url + path)
            assert response.status == 200, (name, path, response.status)
            violations = serious_violations(page)
            weak_stars = [round(ratio, 2) for ratio in page.evaluate(STAR_CONTRASTS) if ratio < 4.5]
            if weak_stars:
                violations.append(("color-contrast (stars)", weak_stars[:5]))
            if violations:
                found[f"{name} [{lang}]"] = violations
    # The queue shows its row decisions; the case pages their reply form, the held one its decision.
    page.goto(live_server.url + pages["console.queue"])
    assert page.locator('form[data-row-action="approve"]').count() >= 1
    # What only script shows: a selected row (its tint under the text) and the shortcuts dialog.
    for _ in range(3):
        page.keyboard.press("j")
    page.keyboard.press("?")
    page.wait_for_selector("dialog#shortcuts[open]")
    found["console.queue (row selected, shortcuts open)"] = serious_violations(page)
    assert min(page.evaluate(STAR_CONTRASTS)) >= 4.5  # on the selected row's tint too
    context.close()
    assert not {k: v for k, v in found.items() if v}, found
