"""The public moderation charter of a site, at ``/sites/<site>/charter`` (linked from the widget and the mails).

French or English: ``?lang=`` first, then the browser's Accept-Language. Plain server-rendered HTML, translated
with Flask-Babel like the console, every value from the site's settings (``services.charter``).
"""

from __future__ import annotations

from flask import current_app, render_template, request
from flask_babel import force_locale

from ..i18n import LANGUAGES
from ..services.accounts import get_site
from ..services.charter import charter_for
from .blueprint import bp

CHARTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def charter_lang() -> str:
    lang = request.args.get("lang", "")
    return lang if lang in LANGUAGES else (request.accept_languages.best_match(LANGUAGES) or "en")


@bp.get("/sites/<site_slug>/charter")
def charter(site_slug: str):
    """How this site moderates reviews: what is checked and how, delays, refusals, order, keeping, rewards."""
    site = get_site(site_slug)
    lang = charter_lang()
    with force_locale(lang):
        html = render_template(
            "widget/charter.html",
            site=site,
            charter=charter_for(site, lang, current_app.config),
            lang=lang,
        )
    response = current_app.make_response(html)
    response.headers["Content-Language"] = lang
    response.headers["Vary"] = "Accept-Language"
    # Nothing runs on this page: its one style block is inline, its links are plain.
    response.headers["Content-Security-Policy"] = CHARTER_CSP
    return response
