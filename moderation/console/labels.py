"""Names shown for codes (reasons, states, actions), in the moderator's language."""

from __future__ import annotations

from flask_babel import format_datetime, format_decimal, format_percent, get_locale
from flask_babel import lazy_gettext as _l

from ..models import utcnow
from . import bp

REASON_LABELS = {
    "low_rating": _l("Low rating"),
    "negative_text": _l("Negative text"),
    "rating_text_mismatch": _l("Stars contradict text"),
    "abusive": _l("Abusive"),
    "spam": _l("Spam"),
    "links": _l("Links"),
    "personal_data": _l("Personal data"),
}
STATE_LABELS = {
    "open": _l("Waiting"),
    "active": _l("Waiting or claimed"),
    "mine": _l("Claimed by me"),
    "claimed": _l("Claimed"),
    "answered": _l("Answered"),
    "resolved": _l("Resolved"),
    "dismissed": _l("Dismissed"),
    "escalated": _l("Escalated"),
}


def reason_label(code: str) -> str:
    return str(REASON_LABELS.get(code, code))


def state_label(code: str) -> str:
    return str(STATE_LABELS.get(code, code))


def template_globals() -> dict:
    """Helpers every console template (and the macros it imports) can call."""
    return {
        "reason_label": reason_label,
        "state_label": state_label,
        "format_datetime": format_datetime,
        "format_percent": format_percent,
        "format_decimal": format_decimal,
        "get_locale": get_locale,
    }


@bp.context_processor
def request_values() -> dict:
    return {"now": utcnow()}
