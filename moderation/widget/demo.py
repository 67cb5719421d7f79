"""The /demo pages (a product page and an article page embedding the widget) and their data loader.

The command that runs the loader is ``moderation demo load`` (``moderation/cli/data.py``).
"""

from __future__ import annotations

import json
import os
from typing import Any

from flask import current_app, request
from sqlalchemy import select

from ..extensions import db
from ..models import Item, Moderator, Reply, Role, Site, Subject
from ..services.accounts import create_moderator, create_site
from ..services.importing import ImportReport, import_rows
from .blueprint import bp

DEMO_SITE = "demo"
DATA_DIR = os.path.join(os.path.dirname(__file__), "demo_data")
ARTICLE_SUBJECT = "article-strategies-medias-sociaux"
BRAND_EMAIL = "brand@demo.example.com"

# The demo pages carry the policy we ask of integrators: no inline script or style anywhere, the widget's host
# allowed for scripts and fetches. The widget styles its shadow root with constructable stylesheets, which CSP
# does not gate, so it renders under this policy without 'unsafe-inline'.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def read_json(name: str) -> Any:
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as fh:
        return json.load(fh)


def demo_rows() -> list[dict[str, Any]]:
    """Import rows: the sample product reviews, then the seed article's comments threaded by ``reply_to``."""
    product = read_json("product_reviews.json")
    rows: list[dict[str, Any]] = [
        {"site": DEMO_SITE, "subject": product["subject"], "kind": "review", **review} for review in product["reviews"]
    ]
    article = read_json("seed_article_comments.json")
    for comment in article["comments"]:
        row = {
            "site": DEMO_SITE,
            "subject": ARTICLE_SUBJECT,
            "external_id": f"seed-article-{comment['n']}",
            "kind": "comment",
            "body": comment["body"],
            "author_name": comment["author"],
            "lang": "fr",
        }
        if comment.get("reply_to"):
            row["parent_external_id"] = f"seed-article-{comment['reply_to']}"
        rows.append(row)
    return rows


def ensure_demo_site(origins: list[str]) -> Site:
    """The 'demo' site, created or given the missing origins (the app's own, so its /demo pages may embed it)."""
    site = db.session.execute(select(Site).where(Site.slug == DEMO_SITE)).scalar_one_or_none()
    if site is None:
        return create_site(DEMO_SITE, "Demo shop", origins=origins)
    wanted = [o.rstrip("/") for o in origins]
    missing = [o for o in wanted if o not in (site.allowed_origins or [])]
    if missing:
        # A new list, not an in-place append: the JSON column only notices assignment.
        site.allowed_origins = [*(site.allowed_origins or []), *missing]
    return site


def title_subject(site: Site, external_id: str, title: str) -> None:
    subject = db.session.execute(
        select(Subject).where(Subject.site_id == site.id, Subject.external_id == external_id)
    ).scalar_one_or_none()
    if subject is not None and not subject.title:
        subject.title = title


def add_brand_reply(site: Site, external_id: str, body: str, brand_name: str) -> bool:
    """The product page's sample brand reply, by a demo account that cannot log in (random password)."""
    item = db.session.execute(
        select(Item).where(Item.site_id == site.id, Item.external_id == external_id)
    ).scalar_one_or_none()
    if item is None or item.replies:
        return False
    brand = db.session.execute(select(Moderator).where(Moderator.email == BRAND_EMAIL)).scalar_one_or_none()
    if brand is None:
        brand = create_moderator(BRAND_EMAIL, brand_name, os.urandom(24).hex(), Role.MODERATOR.value, [site.slug])
        brand.active = False
    db.session.add(Reply(item_id=item.id, moderator_id=brand.id, body=body))
    return True


def load_demo(origins: list[str]) -> ImportReport:
    """Create or update the demo site and import the demo product reviews and article thread (idempotent).

    Args:
        origins: origins allowed to embed the demo site, e.g. ``["http://127.0.0.1:8000"]``.

    Returns:
        The import report (re-running it creates nothing).
    """
    site = ensure_demo_site(origins)
    db.session.flush()
    report = import_rows(demo_rows(), current_app.config)
    product = read_json("product_reviews.json")
    article = read_json("seed_article_comments.json")
    title_subject(site, product["subject"], product["name"])
    title_subject(site, ARTICLE_SUBJECT, article["title"])
    # Replies are signed with the brand's voice (the site setting), not with the account that wrote them.
    site.brand_name = site.brand_name or product["brand"]
    add_brand_reply(site, product["brand_reply"]["external_id"], product["brand_reply"]["body"], product["brand"])
    db.session.commit()
    return report


# -- pages --------------------------------------------------------------------------------------------


def page_lang() -> str:
    return "en" if request.args.get("lang") == "en" else "fr"


def render_demo(template: str, **context):
    site = db.session.execute(select(Site).where(Site.slug == DEMO_SITE)).scalar_one_or_none()
    origin = request.host_url.rstrip("/")
    context.update(
        lang=page_lang(),
        site_slug=DEMO_SITE,
        origin=origin,
        origin_missing=site is None or origin not in (site.allowed_origins or []),
        hostile=request.args.get("hostile") == "1",
        endpoint=request.endpoint,
    )
    # Straight from the Jinja environment: the demo is a public page with no session, so it skips the context
    # processors (Flask-Login's would look up a logged-in moderator on every page).
    html = current_app.jinja_env.get_template(template).render(**context)
    response = current_app.make_response(html)
    response.headers["Content-Security-Policy"] = DEMO_CSP
    return response


@bp.get("/demo")
@bp.get("/demo/")
def demo_index():
    """The demo's table of contents."""
    return render_demo("widget/demo_index.html")


@bp.get("/demo/product")
def demo_product():
    """A product page embedding the widget in reviews mode."""
    return render_demo("widget/demo_product.html", product=read_json("product_reviews.json"))


@bp.get("/demo/article")
def demo_article():
    """An article page embedding the widget in comments mode (the seed article and its reader comments)."""
    article = read_json("seed_article_comments.json")
    return render_demo(
        "widget/demo_article.html",
        article=article,
        paragraphs=[p for p in article["body"].split("\n") if p.strip()],
        subject=ARTICLE_SUBJECT,
    )
