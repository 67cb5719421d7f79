"""Which language a page speaks: the moderator's choice, else the browser's, else English."""

from __future__ import annotations

from flask import request, session

LANGUAGES = ("en", "fr")


def select_locale() -> str:
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or LANGUAGES[0]
