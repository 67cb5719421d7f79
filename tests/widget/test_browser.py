"""The widget in real headless Chromium, against the app served on a free port."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select

from moderation.extensions import db
from moderation.models import Case, Item, Site
from tests.conftest import auth, run_worker
from tests.widget.conftest import LiveServer, wait_rendered

pytestmark = pytest.mark.browser

PRODUCT = "lumo-desk-lamp"


def api_post(live, path: str, payload: dict):
    """Submit as a browser on the demo origin would (the test client talks to the same database)."""
    client = live.app.test_client()
    return client.post(f"/api/v1/sites/demo/subjects/{path}/items", json=payload, headers={"Origin": live.url})


def shadow_text(page) -> str:
    return page.locator("moderation-widget").evaluate("h => h.shadowRoot.textContent")


def wait_text(page, text: str) -> None:
    page.wait_for_function(
        "t => document.querySelector('moderation-widget').shadowRoot.textContent.includes(t)", arg=text
    )


def assert_clean(page) -> None:
    assert page.dialogs == []
    assert page.errors == []
    assert page.evaluate("window.__csp") == []


def test_product_page_renders_summary_reviews_and_json_ld(live, page):
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    assert widget.locator("h2").inner_text() == "Avis clients"
    assert widget.locator(".avg").inner_text() == "3,8"
    assert widget.get_by_role("img", name="Note : 3,8 sur 5").count() == 1
    assert "12 avis" in widget.locator(".sum").inner_text()
    assert widget.get_by_role("button", name=re.compile("^5 étoiles : 5 avis")).get_attribute("aria-pressed") == "false"
    items = widget.locator("#list > li")
    assert items.count() == 5
    assert items.first.locator("h3").inner_text() == "Bien mais livraison lente"
    assert widget.get_by_role("navigation", name="Pages").inner_text().count("Page 1 sur 3") == 1

    # The brand's reply sits under its review, with its badge (page 2 holds the 2-star review).
    widget.get_by_role("button", name="Suivante").click()
    wait_text(page, "Page 2 sur 3")
    # Focus follows to the new list, and the live region says where we are.
    assert widget.evaluate("h => h.shadowRoot.activeElement.id") == "list"
    assert widget.locator("[role=status]").last.inner_text() == "Page 2 sur 3"
    karim = widget.locator("#list > li", has_text="Bouton capricieux")
    assert "Réponse de la marque" in karim.locator(".rp").inner_text()
    assert "Service client Lumo" in karim.locator(".rp").inner_text()

    ld = json.loads(page.locator("head script[type='application/ld+json']").text_content())
    assert ld["@type"] == "Product" and ld["name"] == "Lampe de bureau Lumo"
    assert ld["aggregateRating"] == {
        "@type": "AggregateRating",
        "ratingValue": 3.8,
        "reviewCount": 12,
        "bestRating": 5,
        "worstRating": 1,
    }
    shown = [t.strip() for t in widget.locator("#list > li h3").all_inner_texts()]
    assert [r.get("name") for r in ld["review"] if r.get("name")] == shown
    assert len(ld["review"]) == widget.locator("#list > li").count()
    assert_clean(page)


def test_star_filter_sort_and_english(live, page):
    page.goto(f"{live.url}/demo/product?lang=en")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    assert widget.locator("h2").inner_text() == "Customer reviews"
    widget.get_by_role("button", name=re.compile("^1 star: 1 review")).click()
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot.querySelectorAll('#list > li').length === 1"
    )
    assert widget.get_by_role("img", name="Rated 1 out of 5").count() == 1
    assert "Showing 1-star reviews." in widget.locator(".w").inner_text()
    widget.get_by_role("button", name="All ratings").click()
    widget.get_by_label("Sort by").select_option("lowest")
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot.querySelector('#list h3')"
        ".textContent === 'Arrivée cassée'"
    )
    assert_clean(page)


def test_helpful_vote_counts_once_and_is_remembered(live, page):
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    first = page.locator("moderation-widget #list > li").first
    button = first.get_by_role("button", name="Utile (0)")
    button.click()
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot"
        ".querySelector('#list > li button[aria-pressed=true]')"
    )
    assert first.get_by_role("button", name="Utile (1)").get_attribute("aria-pressed") == "true"
    page.reload()
    wait_rendered(page)
    again = page.locator("moderation-widget #list > li").first.get_by_role("button", name="Utile (1)")
    assert again.get_attribute("aria-pressed") == "true"
    with live.app.app_context():
        assert db.session.execute(select(Item.helpful_count).where(Item.external_id == "lumo-r12")).scalar_one() == 1
    # Pressing it again takes the vote back: tests/widget/test_shopper.py.


def test_posting_a_review_through_the_form(live, page):
    page.goto(f"{live.url}/demo/product?lang=en")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    widget.get_by_role("button", name="Write a review").click()
    form = widget.get_by_role("form", name="Your review")
    # Client checks first: nothing is sent, each field says what is missing, focus goes to the rating.
    form.get_by_role("button", name="Publish").click()
    assert "Choose a rating" in form.inner_text() and "Write a few words." in form.inner_text()
    assert form.get_by_label("Name (shown)").get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.querySelector('moderation-widget').shadowRoot.activeElement.type") == "radio"
    # Keyboard: arrows move through the radio group.
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert form.get_by_role("radio", name="4 stars").is_checked()
    form.get_by_label("Title (optional)").fill("Bright and steady")
    form.get_by_label("Review").fill("Good light for drawing,\nno flicker at all.")
    form.get_by_label("Name (shown)").fill("Ada")
    # The server is the judge: this address passes the client's check, the server refuses it by name.
    form.get_by_label("Email (optional, never shown)").fill("ada@example.invalid")
    with page.expect_response(lambda r: r.request.method == "POST") as refused:
        form.get_by_role("button", name="Publish").click()
    assert refused.value.status == 422
    email = form.get_by_label("Email (optional, never shown)")
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot.querySelector('[type=email][aria-invalid]')"
    )
    described = email.get_attribute("aria-describedby")
    assert "special-use or reserved name" in widget.locator(f"#{described}").inner_text()
    email.fill("")
    form.get_by_role("button", name="Publish").click()
    notice = widget.locator("#notice")
    notice.wait_for()
    assert notice.inner_text() == "Thank you! Your review is published."
    top = widget.locator("#list > li").first
    assert top.locator("h3").inner_text() == "Bright and steady"
    assert "Good light for drawing,\nno flicker at all." in top.inner_text()
    assert top.get_by_role("img", name="Rated 4 out of 5").count() == 1
    assert "13 reviews" in widget.locator(".sum").inner_text()

    # A link is held: its author is told it awaits moderation, and it is not shown.
    widget.get_by_role("button", name="Write a review").click()
    form = widget.get_by_role("form", name="Your review")
    form.locator(".rate label").nth(4).click()  # the fifth star, as a mouse user picks it
    form.get_by_label("Review").fill("Cheaper at bit.ly/lamp-deal")
    form.get_by_label("Name (shown)").fill("Spammy")
    form.get_by_role("button", name="Publish").click()
    page.wait_for_function(
        "() => /moderator/.test(document.querySelector('moderation-widget').shadowRoot.querySelector('#notice')"
        "?.textContent || '')"
    )
    assert "Thank you: your text will be published once a moderator has read it." in notice.inner_text()
    assert "bit.ly" not in shadow_text(page)
    with live.app.app_context():
        held = db.session.execute(select(Item).where(Item.author.has(name="Spammy"))).scalar_one()
        assert held.status == "held"
    assert_clean(page)


def test_a_moderator_reply_appears_under_its_review(live, world, page):
    posted = api_post(
        live,
        PRODUCT,
        {"kind": "review", "rating": 1, "body": "Nul, cassé au bout de deux jours.", "author": {"name": "Lea"}},
    )
    item_id = posted.get_json()["id"]
    run_worker(live.app)
    client = live.app.test_client()
    with live.app.app_context():
        case_id = db.session.execute(select(Case.id).where(Case.item_id == item_id)).scalar_one()
    answer = "Bonjour Lea, nous vous envoyons un produit neuf aujourd'hui."
    response = client.post(f"/api/v1/cases/{case_id}/reply", json={"body": answer}, headers=auth(world.admin_token))
    assert response.status_code == 200, response.get_json()
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    review = page.locator(f"moderation-widget #list > li[data-id='{item_id}']")
    reply = review.locator(".rp")
    assert reply.locator(".bd").inner_text() == "Réponse de la marque"
    # Signed with the brand's voice (the site's name until a brand name is set), never the moderator's account.
    # Signed with the brand's voice (the demo's brand name), never with the moderator's account name.
    assert "Service client Lumo" in reply.inner_text() and "Root" not in reply.inner_text()
    assert answer in reply.inner_text()


def test_hostile_host_css_does_not_reach_the_widget(live, page):
    page.goto(f"{live.url}/demo/product?hostile=1")
    wait_rendered(page)
    # The hostile sheet is live on the host page...
    assert page.evaluate("getComputedStyle(document.querySelector('.price')).color") == "rgb(255, 0, 0)"
    assert page.evaluate("getComputedStyle(document.querySelector('.product')).display") == "inline"
    # ...and stops at the shadow root.
    style = page.locator("moderation-widget").evaluate(
        """host => {
            const s = host.shadowRoot, css = (sel) => getComputedStyle(s.querySelector(sel));
            return {
              host: getComputedStyle(host).display,
              title: css('h2').color, titleDisplay: css('h2').display, font: css('h2').fontFamily,
              spacing: css('p').letterSpacing, button: css('#write').display,
              buttonBorder: css('#write').borderTopStyle, list: css('#list').display,
            };
        }"""
    )
    assert style["host"] == "block"
    assert style["title"] == "rgb(31, 35, 40)" and style["titleDisplay"] == "block"
    assert "Comic" not in style["font"] and style["spacing"] == "normal"
    assert style["button"] != "none" and style["buttonBorder"] == "solid" and style["list"] == "block"
    page.locator("moderation-widget").get_by_role("button", name="Donner mon avis").click()
    page.locator("moderation-widget form").wait_for(state="visible")
    assert_clean(page)


XSS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss=1;alert(1)">',
    '"><svg/onload=alert(1)>',
    '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    "</script><script>window.__xss=1</script>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">click</a>',
    "{{constructor.constructor('alert(1)')()}}",
    "<details open ontoggle=alert(1)>",
    "<body onload=alert(1)>",
]


def test_xss_payloads_render_as_text_and_execute_nothing(live, page):
    for n, payload in enumerate(XSS):
        response = api_post(
            live,
            PRODUCT,
            {
                "kind": "review",
                "rating": 1 + n % 5,
                "title": payload[:200],
                "body": f"body {payload}",
                "author": {"name": f"<b onmouseover=alert({n})>x{n}</b>"[:80]},
            },
        )
        assert response.get_json()["status"] == "published", payload
    page.goto(f"{live.url}/demo/product?lang=en")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    for page_number in range(2):
        if page_number:
            widget.get_by_role("button", name="Next").click()
            wait_text(page, "Page 2 of")
        text = shadow_text(page)
        # Newest first: page 1 shows the last five payloads posted, page 2 the first five.
        for payload in XSS[5 - page_number * 5 : 10 - page_number * 5]:
            assert f"body {payload}" in text
        # Nothing but the widget's own elements: no customer markup became an element.
        tags = set(widget.evaluate("h => [...h.shadowRoot.querySelectorAll('*')].map(e => e.localName)"))
        assert not tags & {"script", "img", "svg", "iframe", "b", "details", "body"}, tags
        # The one link is the widget's own, to the site's moderation charter.
        links = widget.evaluate("h => [...h.shadowRoot.querySelectorAll('a')].map(a => a.href)")
        assert links == [f"{live.url}/sites/demo/charter?lang=en"]
    ld = json.loads(page.locator("head script[type='application/ld+json']").text_content())
    assert f"body {XSS[4]}" in [r["reviewBody"] for r in ld["review"]]
    assert "<" not in page.locator("head script[type='application/ld+json']").text_content()
    assert page.locator("head script[type='application/ld+json']").count() == 1
    assert page.evaluate("window.__xss") is None
    assert_clean(page)


def test_a_right_to_left_override_in_customer_text_stays_inside_it(live, page):
    # U+202E turns the rest of its paragraph around: in an author's name it would reverse the date after it.
    rlo = "\u202e"
    response = api_post(
        live,
        PRODUCT,
        {"kind": "review", "rating": 4, "title": f"Titre{rlo} inversé", "body": f"Texte{rlo} inversé",
         "author": {"name": f"Mallory{rlo}"}},
    )  # fmt: skip
    assert response.get_json()["status"] == "published"
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    shown = page.locator("moderation-widget").evaluate(
        """h => {
          const li = [...h.shadowRoot.querySelectorAll('#list > li')].find((x) => x.textContent.includes('Mallory'));
          const name = [...li.querySelectorAll('.mu bdi')].map((e) => e.textContent);
          const own = [...li.querySelectorAll('[dir=auto]')].map((e) => [e.localName, e.textContent]);
          return { name, own };
        }"""
    )
    # Each customer string is its own bidi isolate (bdi, or dir=auto): an override ends where the string ends.
    assert shown == {
        "name": [f"Mallory{rlo}"],
        "own": [["h3", f"Titre{rlo} inversé"], ["p", f"Texte{rlo} inversé"]],
    }
    assert_clean(page)


def test_an_origin_not_on_the_list_is_refused_and_an_allowed_one_works(app, world, serve, page):
    live = serve(app)

    def host_page(environ, start_response):
        """Another origin's product page embedding the widget (site from the path)."""
        site = environ["PATH_INFO"].strip("/")
        start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        html = (
            '<!doctype html><html lang="en"><head><title>Shop</title></head><body><h1>Shop</h1>'
            f'<script src="{live.url}/widget.js" data-site="{site}" data-subject="{PRODUCT}" async></script>'
            "</body></html>"
        )
        return [html.encode()]

    # Both origins are loopback (Chromium blocks public pages from reaching loopback, whatever CORS says).
    other = LiveServer(host_page)
    allowed = f"http://localhost:{other.port}"
    with app.app_context():
        shop = db.session.execute(select(Site).where(Site.slug == "shop")).scalar_one()
        shop.allowed_origins = [*shop.allowed_origins, allowed]
        db.session.commit()
    try:
        page.goto(f"{other.url}/demo")
        wait_rendered(page)
        assert page.locator("moderation-widget [role=alert]").inner_text() == "The reviews could not be loaded."
        api_calls = [r for r in live.requests if r[1].startswith("/api/")]
        assert api_calls == [("GET", f"/api/v1/sites/demo/subjects/{PRODUCT}", other.url, 403)]
        assert page.locator("head script[type='application/ld+json']").count() == 0
        assert page.errors == []
        # The same embed on an origin the 'shop' site lists: reads, posts (CORS preflight), reads refusals.
        page.goto(f"{allowed}/shop")
        run_allowed_origin_checks(page)
    finally:
        other.stop()


def run_allowed_origin_checks(page):
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    assert "No reviews yet" in widget.locator(".w").inner_text()
    widget.get_by_role("button", name="Write a review").click()
    form = widget.get_by_role("form", name="Your review")
    form.locator(".rate label").nth(2).click()
    form.get_by_label("Review").fill("Fine lamp from the shop.")
    form.get_by_label("Name (shown)").fill("Cross")
    form.get_by_label("Email (optional, never shown)").fill("cross@example.invalid")
    form.get_by_role("button", name="Publish").click()
    page.wait_for_function(
        "() => document.querySelector('moderation-widget').shadowRoot.querySelector('[type=email][aria-invalid]')"
    )
    # The server's own words, so the cross-origin 422 body was readable (the refusal carries the CORS header).
    assert "special-use or reserved name" in form.inner_text()
    form.get_by_label("Email (optional, never shown)").fill("cross@example.com")
    form.get_by_role("button", name="Publish").click()
    widget.locator("#notice").wait_for()
    assert "Fine lamp from the shop." in shadow_text(page)


def test_a_rate_limited_post_is_explained_kindly_and_keeps_the_text(make_app, serve, page):
    app = make_app(SUBMIT_RATE_LIMIT="1 per minute")
    live = serve(app)
    assert (
        api_post(live, PRODUCT, {"kind": "review", "rating": 4, "body": "Bien", "author": {"name": "A"}}).status_code
        == 202
    )
    assert (
        api_post(live, PRODUCT, {"kind": "review", "rating": 5, "body": "Top", "author": {"name": "A"}}).status_code
        == 429
    )
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    widget.get_by_role("button", name="Donner mon avis").click()
    form = widget.get_by_role("form", name="Votre avis")
    form.locator(".rate label").nth(4).click()
    form.get_by_label("Avis", exact=True).fill("Encore un avis enthousiaste.")
    form.get_by_label("Nom (affiché)").fill("Zoé")
    form.get_by_role("button", name="Publier").click()
    alert = form.get_by_role("alert")
    page.wait_for_function(
        "() => /plusieurs fois/.test(document.querySelector('moderation-widget').shadowRoot.querySelector('form')"
        ".textContent)"
    )
    # The wait comes from the server's Retry-After (the limiter's reset time): a minute or two.
    assert re.search(
        r"Merci d’attendre (une minute|2 minutes) avant de réessayer : votre texte est conservé\.", alert.inner_text()
    )
    assert form.get_by_label("Avis", exact=True).input_value() == "Encore un avis enthousiaste."


def test_article_comments_are_threaded_and_a_reply_posts_into_its_thread(live, page):
    page.goto(f"{live.url}/demo/article")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    assert widget.locator("h2").inner_text() == "Commentaires"
    first = widget.locator("#list > li").first
    assert first.locator("article > .mu").first.inner_text().startswith("So // Bleekin")
    # Comment 5 (greg) answers comment 1: it sits in comment 1's nested list.
    assert "Je sais que nous sommes d’accord" in first.locator("ol > li").first.inner_text()
    # Comment 12 answers 6, which answers 3: two levels deep.
    marilor = widget.locator("#list > li", has_text="Merci Gregory pour ce billet")
    assert "C’est encore très frais 2 mois" in marilor.locator("ol ol").first.inner_text()
    assert "bit.ly" not in shadow_text(page)  # comment 2, held
    # Answer comment 4 from the widget: no rating, the reply lands in that thread.
    question = widget.locator("#list > li", has_text="Mais comment une marque peut-elle")
    question.get_by_role("button", name="Répondre").first.click()
    form = widget.get_by_role("form", name="Votre commentaire")
    assert form.get_by_role("radio").count() == 0
    form.get_by_label("Commentaire").fill("En y répondant, tout simplement.")
    form.get_by_label("Nom (affiché)").fill("Nina")
    form.get_by_role("button", name="Publier").click()
    widget.locator("#notice").wait_for()
    assert widget.locator("#notice").inner_text() == "Merci ! Votre commentaire est publié."
    question = widget.locator("#list > li", has_text="Mais comment une marque peut-elle")
    assert "En y répondant, tout simplement." in question.locator("ol").inner_text()
    with live.app.app_context():
        reply = db.session.execute(select(Item).where(Item.body == "En y répondant, tout simplement.")).scalar_one()
        assert reply.parent.external_id == "seed-article-4"
    assert_clean(page)


def test_no_layout_shift_in_the_viewport(live, page):
    page.add_init_script(
        "window.__cls = 0; new PerformanceObserver(l => l.getEntries().forEach(e => { window.__cls += e.value }))"
        ".observe({type: 'layout-shift', buffered: true});"
    )
    page.goto(f"{live.url}/demo/product")
    wait_rendered(page)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__cls") < 0.01


A11Y_JS = """host => {
  const root = host.shadowRoot;
  const name = (el) => (el.getAttribute('aria-label') || (el.labels && el.labels[0] && el.labels[0].textContent)
    || (el.getAttribute('aria-labelledby') && root.getElementById(el.getAttribute('aria-labelledby')).textContent)
    || (el.tagName === 'BUTTON' && el.textContent) || '').trim();
  const unnamed = [...root.querySelectorAll('button, select, input, textarea, form, [role=img]')]
    .filter((el) => !name(el)).map((el) => el.outerHTML.slice(0, 80));
  const rgb = (c) => c.match(/[\\d.]+/g).map(Number);
  const channel = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  const lum = (c) => c.map(channel).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const background = (el) => {
    for (; el && el !== root; el = el.parentNode) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const el of root.querySelectorAll('*')) {
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    const style = getComputedStyle(el);
    if (!text || style.display === 'none' || el.closest('.sr')) continue;
    const [a, b] = [lum(rgb(style.color)), lum(background(el))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(`${el.localName}.${el.className}: ${ratio.toFixed(2)} "${el.textContent.slice(0, 20)}"`);
  }
  return {unnamed, low};
}"""


def test_controls_are_named_and_text_meets_contrast(live, page):
    page.goto(f"{live.url}/demo/product?lang=en")
    wait_rendered(page)
    widget = page.locator("moderation-widget")
    widget.get_by_role("button", name="Write a review").click()
    widget.locator("form").wait_for()
    form = widget.get_by_role("form", name="Your review")
    form.get_by_role("button", name="Publish").click()  # error messages are text too
    assert "Write a few words." in form.inner_text()
    report = widget.evaluate(A11Y_JS)
    assert report == {"unnamed": [], "low": []}
    # Every star radio is named for screen readers, and stars anywhere are images with a spoken rating.
    assert [form.get_by_role("radio", name=f"{n} star{'s' if n > 1 else ''}").count() for n in range(1, 6)] == [1] * 5
    assert widget.locator(".st[role=img][aria-label^='Rated ']").count() == 1 + 5
