"""Which language a page speaks and which clock it reads: the moderator's choice, else the browser's, else
English and UTC.

The language is one of ``LANGUAGES``; the browser's region for that language, when it sends one, picks the date
format (en-GB reads 02/12/2026, 14:05, not 12/2/26, 2:05 PM). The time zone is the browser's, which console.js
puts in the ``tz`` cookie (``Intl.DateTimeFormat().resolvedOptions().timeZone``).
"""

from __future__ import annotations

import pytz
from babel import localedata
from flask import has_request_context, request, session

LANGUAGES = ("en", "fr")
TZ_COOKIE = "tz"


def select_locale() -> str:
    chosen = session.get("lang")
    language = chosen if chosen in LANGUAGES else request.accept_languages.best_match(LANGUAGES) or LANGUAGES[0]
    for value, _quality in request.accept_languages:
        base, _, region = value.replace("_", "-").partition("-")
        candidate = f"{language}_{region.upper()}"
        if base.lower() == language and region.isalpha() and len(region) == 2 and localedata.exists(candidate):
            return candidate
    return language


def select_timezone() -> str | None:
    """The browser's time zone when it told us a real one; None (the default, UTC) otherwise."""
    if not has_request_context():
        return None
    name = request.cookies.get(TZ_COOKIE, "")
    return name if name in pytz.all_timezones_set else None
