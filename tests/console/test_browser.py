"""The console in real headless Chromium: the moderator's walk, claims, bulk undo, charts, and XSS payloads.

Set MODERATION_SCREENSHOT_DIR to keep the screenshots (docs/screenshots/ is made this way).
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from urllib.parse import quote

import pytest

from moderation.extensions import db
from moderation.models import Case, Moderator, Site, Subject, utcnow
from moderation.services import cases as case_service
from moderation.services import notes as note_service
from tests.conftest import review, run_worker, submit
from tests.console.conftest import browser_login, seed_case

pytestmark = pytest.mark.browser


def shot(page, tmp_path, name: str) -> None:
    folder = os.environ.get("MODERATION_SCREENSHOT_DIR") or str(tmp_path)
    page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=False)


def test_walk_log_in_open_top_case_claim_reply_and_see_it_public(app, browser, live_server, shop_cases, tmp_path):
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    assert page.locator("tr[data-nav-row]").count() == 3

    page.keyboard.press("?")
    assert page.locator("dialog#shortcuts").is_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    assert page.locator("tr.selected a.case-link").inner_text() == str(shop_cases["shop"][0])

    page.click("text=Open the most urgent case")
    page.wait_for_url(f"**/console/cases/{shop_cases['shop'][0]}")
    assert page.locator(".item-body").inner_text() == "Produit cassé, horrible"
    page.keyboard.press("c")  # claim, swapped in place by htmx
    page.wait_for_selector(".held-by.mine")
    assert "You hold this case until" in page.locator("#flashes").inner_text()

    page.keyboard.press("r")
    assert page.evaluate("document.activeElement.id") == "reply-body"
    page.keyboard.type("Bonjour Lea, nous vous envoyons un produit neuf aujourd'hui.")
    page.click("text=Publish reply")
    page.wait_for_selector(".flash.ok")
    assert f"Reply published on case #{shop_cases['shop'][0]}" in page.locator(".flash.ok").inner_text()

    listing = page.request.get(live_server.url + "/api/v1/sites/shop/subjects/sku-1").json()
    replies = [r["body"] for item in listing["items"] for r in item["replies"]]
    assert replies == ["Bonjour Lea, nous vous envoyons un produit neuf aujourd'hui."]
    context.close()


def test_a_second_moderator_cannot_claim_the_same_case(app, browser, live_server, shop_cases):
    case_url = f"{live_server.url}/console/cases/{shop_cases['shop'][0]}"
    pages = []
    for email, password in (("ann@shop.test", "password-ann"), ("bob@shop.test", "password-bob")):
        page = browser.new_context().new_page()
        browser_login(page, live_server, email, password)
        page.goto(case_url)
        pages.append(page)
    ann, bob = pages
    ann.click("#claim-panel button[data-shortcut=c]")
    ann.wait_for_selector(".held-by.mine")
    bob.click("#claim-panel button[data-shortcut=c]")  # Bob's page still offers the button: the server decides
    bob.wait_for_selector(".held-by")
    assert "Ann holds this case until" in bob.locator(".held-by").inner_text()
    assert "Ann holds this case until" in bob.locator("#flashes").inner_text()
    bob.reload()
    assert bob.locator("#claim-panel").inner_text().startswith("Ann holds this case until")
    with app.app_context():
        assert db.session.get(Case, shop_cases["shop"][0]).claimed_by.name == "Ann"
    for page in pages:
        page.context.close()


def test_bulk_dismiss_with_undo(app, browser, live_server, world):
    with app.app_context():
        target = [seed_case("shop", "sku-7", rating=5, reasons=["negative_text"]).id for _ in range(3)]
        keep = seed_case("shop", "sku-7", rating=1, reasons=["low_rating"]).id
        db.session.commit()
    page = browser.new_context().new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    page.goto(live_server.url + "/console/bulk")
    page.fill("form.filters input[name=subject]", "sku-7")
    page.select_option("form.filters select[name=reason]", "negative_text")
    page.select_option("form.filters select[name=rating]", "5")
    page.click("#preview-button")
    page.wait_for_selector("#bulk-count")
    assert page.locator("#bulk-count").get_attribute("data-count") == "3"
    page.select_option("select[name=action]", "dismiss")
    page.click("#bulk-apply")
    page.wait_for_selector("#bulk-summary")
    assert "3 cases changed, 0 skipped." in page.locator("#bulk-summary").inner_text()
    with app.app_context():
        assert [db.session.get(Case, i).state for i in target] == ["dismissed"] * 3
        assert db.session.get(Case, keep).state == "open"
    page.click("#bulk-undo")
    page.wait_for_selector("#undone")
    with app.app_context():
        assert [db.session.get(Case, i).state for i in target] == ["open"] * 3
    page.context.close()


def seed_showcase(app) -> int:
    """A product with a year of reviews and answered cases, for the dashboard and the screenshots."""
    from moderation.services.accounts import get_site
    from moderation.services.submissions import Submission, create_item

    texts = {
        1: "Arrivé cassé, très déçu du service.",
        2: "Qualité moyenne, la couture lâche déjà.",
        3: "Correct sans plus.",
        4: "Bon produit, livraison rapide.",
        5: "Parfait, je recommande !",
    }
    with app.app_context():
        site = get_site("shop")
        now = utcnow()
        ann = db.session.execute(db.select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        for n in range(120):
            rating = (1, 2, 2, 3, 4, 5, 5, 1, 4, 2)[n % 10]
            created = now - timedelta(days=(n * 3) % 360, hours=n % 7)
            item = create_item(
                site,
                "sku-lamp",
                Submission(kind="review", body=texts[rating], author_name=f"Client {n}", rating=rating, lang="fr"),
                created_at=created,
            )
            item.scored_at = created
            if rating <= 2:
                # The 1–2★ review opened its low_rating case at submit; back-date it like the review.
                case = db.session.execute(db.select(Case).where(Case.item_id == item.id)).scalar_one()
                case.created_at = created
                case.due_at = created + timedelta(hours=24)
                if n % 5:
                    case.state = "answered"
                    case.first_answered_at = created + timedelta(hours=2 + n % 30)
        db.session.commit()
        subject = db.session.execute(db.select(Subject).where(Subject.external_id == "sku-lamp")).scalar_one()
        del ann
        return subject.id


def test_dashboard_renders_its_charts(app, browser, live_server, world, tmp_path):
    subject_id = seed_showcase(app)
    page = browser.new_context(viewport={"width": 1360, "height": 1000}).new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    page.goto(live_server.url + f"/console/products/{subject_id}")
    charts = page.locator("#charts svg")
    assert charts.count() == 5
    for index in range(5):
        box = charts.nth(index).bounding_box()
        assert box["width"] > 200 and box["height"] > 100
    assert page.locator("#charts rect.bar").count() == 5
    assert page.locator("#charts polyline").count() >= 4
    assert page.locator("#charts circle.dot").count() >= 40  # 4 monthly series, ~12 points each
    page.goto(live_server.url + "/console/dashboard")
    assert page.locator("#charts svg").count() == 5
    assert "sku-lamp" in page.locator("#at-risk").inner_text()
    shot(page, tmp_path, "dashboard")
    page.context.close()


def test_screenshots_of_queue_and_case(app, client, browser, live_server, world, tmp_path):
    payloads = [
        ("sku-lamp", review(1, "Lampe arrivée cassée, le verre en morceaux. Très déçu.", lang="fr", title="Cassée")),
        ("sku-chair", review(2, "Chaise bancale, horrible finition.", lang="fr")),
        ("sku-lamp", review(5, "Great lamp but the cable was broken on arrival", lang="en")),
        ("sku-mug", review(1, "Worst mug ever, it leaks.", lang="en", author={"name": "Sam", "email": "sam@x.org"})),
        ("sku-mug", review(3, "Tasse correcte mais décevant, terrible odeur.", lang="fr")),
    ]
    for subject, payload in payloads:
        assert submit(client, payload, subject=subject).status_code == 202
    run_worker(app)
    with app.app_context():
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        site.reply_templates = [{"name": "Excuses", "lang": "fr", "body": "Bonjour {name}, toutes nos excuses."}]
        db.session.commit()
    page = browser.new_context(viewport={"width": 1360, "height": 800}).new_page()
    browser_login(page, live_server, "ann@shop.test", "password-ann")
    assert page.locator("tr[data-nav-row]").count() == 5
    page.keyboard.press("j")
    shot(page, tmp_path, "queue")
    # The case page's script is deferred: wait for it, or the template's change event finds no listener yet.
    with page.expect_navigation(wait_until="load"):
        page.click("text=Open the most urgent case")
    page.select_option("#reply-template", "0")
    assert page.input_value("#reply-body") == "Bonjour Lea, toutes nos excuses."
    shot(page, tmp_path, "case")
    page.context.close()


XSS_PAYLOADS = [
    "<script>window.__xss='script'</script>",
    "<img src=x onerror=\"window.__xss='img'\">",
    "<svg/onload=alert('svg')>",
    "\"><script>alert('attr')</script>",
    "'><img src=x onerror=alert('single')>",
    "</textarea><script>alert('textarea')</script>",
    '" autofocus onfocus="alert(\'focus\')" x="',
    "<iframe src=\"javascript:alert('iframe')\"></iframe>",
    "<details open ontoggle=alert('details')>",
    "<body onload=alert('body')>",
    '<div hx-post="/console/logout" hx-trigger="load">htmx</div>',
    "javascript:alert('uri')",
    "{{7*7}} ${7*7} <%= 7*7 %>",
]


def test_stored_xss_payloads_do_not_execute_in_the_console(app, client, browser, live_server, world):
    subject_payload = "<img src=x onerror=alert('sku')>"
    for n, payload in enumerate(XSS_PAYLOADS):
        body = review(1, payload + " horrible", title=payload[:200], author={"name": payload[:80]}, lang="fr")
        response = submit(client, body, subject=quote(subject_payload if n == 0 else f"sku-{n}", safe=""))
        assert response.status_code == 202, response.get_json()
    run_worker(app)
    with app.app_context():
        site = db.session.execute(db.select(Site).where(Site.slug == "shop")).scalar_one()
        site.reply_templates = [{"name": p[:100], "lang": "fr", "body": p} for p in XSS_PAYLOADS[:6]]
        ann = db.session.execute(db.select(Moderator).where(Moderator.email == "ann@shop.test")).scalar_one()
        ann.name = XSS_PAYLOADS[1][:200]
        case_ids = list(db.session.execute(db.select(Case.id).order_by(Case.id)).scalars())
        first = db.session.get(Case, case_ids[0])
        note_service.add_note(ann, first, XSS_PAYLOADS[0])
        case_service.claim(ann, db.session.get(Case, case_ids[1]))
        case_service.reply(ann, db.session.get(Case, case_ids[2]), XSS_PAYLOADS[2])
        subject_id = db.session.execute(db.select(Subject.id).where(Subject.external_id == subject_payload)).scalar()
        db.session.commit()
    assert len(case_ids) == len(XSS_PAYLOADS) and subject_id

    # bypass_csp: the page's CSP would block inline handlers anyway; these checks are about escaping itself.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    fired: list[str] = []
    page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
    browser_login(page, live_server, "bob@shop.test", "password-bob")
    paths = [
        "/console/?state=active",
        *[f"/console/cases/{i}" for i in case_ids],
        "/console/dashboard",
        f"/console/products/{subject_id}",
        "/console/bulk?preview=1&state=active",
        "/console/audit",
    ]
    for path in paths:
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(50)
        assert page.evaluate("window.__xss") is None, path
        assert fired == [], (path, fired)
        assert page.locator("script:not([src])").count() == 0, path
        # details[ontoggle]: the page's own <details> panels (a reply's "Edit or withdraw") carry no handler.
        assert page.locator("img[src=x], iframe, details[ontoggle], [hx-post='/console/logout']").count() == 0, path

    page.goto(f"{live_server.url}/console/cases/{case_ids[0]}")
    assert page.locator(".item-body").inner_text() == XSS_PAYLOADS[0] + " horrible"
    assert page.locator(".item-title").inner_text() == XSS_PAYLOADS[0]
    assert page.locator("#notes .note p").inner_text() == XSS_PAYLOADS[0]
    for index in range(6):  # a template's text lands in the reply box as text (inserted at the cursor: empty it)
        page.fill("#reply-body", "")
        page.select_option("#reply-template", str(index))
        assert page.input_value("#reply-body") == XSS_PAYLOADS[index]
    assert page.evaluate("window.__xss") is None and fired == []
    holder = page.goto(f"{live_server.url}/console/cases/{case_ids[1]}")
    assert holder.ok and XSS_PAYLOADS[1] in page.locator(".held-by").inner_text()
    # Still signed in: the htmx payload did not post a logout.
    assert page.goto(live_server.url + "/console/").url.endswith("/console/")
    assert re.search(r"\{\{7\*7\}\}", page.content())

    context.close()
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
    browser_login(page, live_server, "root@shop.test", "password-root")
    for path in ("/console/admin/sites/shop", "/console/admin/moderators", "/console/audit"):
        page.goto(live_server.url + path)
        page.wait_for_timeout(50)
        assert page.evaluate("window.__xss") is None and fired == [], path
    context.close()
