"""What every console template can call: names shown for reason and state codes, in the moderator's language,
and the locale-aware formatters."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_timedelta
from flask_babel import format_datetime, format_decimal, format_percent, format_time, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..content.phases.self_harm import SELF_HARM
from ..models import utcnow
from ..vocabulary import AuthorStanding, CaseState, ItemStatus, Reason
from .blueprint import bp
from .highlight import highlight

REASON_LABELS = {
    Reason.LOW_RATING: _l("Low rating"),
    Reason.NEGATIVE_TEXT: _l("Negative text"),
    Reason.RATING_TEXT_MISMATCH: _l("Stars contradict text"),
    Reason.ABUSIVE: _l("Abusive"),
    Reason.SPAM: _l("Spam"),
    Reason.LINKS: _l("Links"),
    Reason.PERSONAL_DATA: _l("Personal data"),
    Reason.DUPLICATE: _l("Duplicate"),
    Reason.GIBBERISH: _l("Gibberish"),
    Reason.SITE_WORD: _l("Site rule"),
    Reason.IMPERSONATION: _l("Poses as staff"),
    Reason.SAFETY: _l("Safety"),
    Reason.REPORTED: _l("Reported"),
    Reason.SUSPECTED_ABUSE: _l("Possibly abusive (model)"),
    Reason.APPEAL: _l("Appeal"),
    Reason.AUTHOR_BLOCKED: _l("Blocked author"),
    Reason.AUTHOR_HELD: _l("Author always held"),
}
STANDING_LABELS = {
    AuthorStanding.NORMAL: _l("normal"),
    AuthorStanding.TRUSTED: _l("trusted"),
    AuthorStanding.ALWAYS_HOLD: _l("always held"),
    AuthorStanding.BLOCKED: _l("blocked"),
}
# Case states, and the queue's filters over them ("open" reads "waiting": open, escalated or an expired claim).
STATE_LABELS = {
    CaseState.OPEN: _l("Waiting"),
    "active": _l("Waiting or claimed"),
    "mine": _l("My queue"),
    "unassigned": _l("Unassigned"),
    CaseState.CLAIMED: _l("Claimed"),
    CaseState.ANSWERED: _l("Answered"),
    CaseState.RESOLVED: _l("Resolved"),
    CaseState.DISMISSED: _l("Dismissed"),
    CaseState.ESCALATED: _l("Escalated"),
}


ITEM_STATUS_LABELS = {
    ItemStatus.PUBLISHED: _l("published"),
    ItemStatus.HELD: _l("held"),
    ItemStatus.REMOVED: _l("removed"),
    ItemStatus.WITHDRAWN: _l("withdrawn"),
}


def item_status_label(code: str) -> str:
    return str(ITEM_STATUS_LABELS.get(code, code))


def reason_label(code: str) -> str:
    return str(REASON_LABELS.get(code, code))


def state_label(code: str) -> str:
    return str(STATE_LABELS.get(code, code))


def standing_label(code: str | None) -> str:
    return str(STANDING_LABELS.get(code or AuthorStanding.NORMAL, code))


def relative_due(due_at: datetime, now: datetime | None = None) -> str:
    """A deadline as the moderator reads it: "in 3 hr", "2 hr overdue" (in their language)."""
    delta = due_at - (now or utcnow())
    span = format_timedelta(abs(delta), granularity="minute", threshold=1, format="short", locale=get_locale())
    return _("in %(time)s", time=span) if delta.total_seconds() >= 0 else _("%(time)s overdue", time=span)


def is_past(moment: datetime) -> bool:
    return moment < utcnow()


def clock(moment: datetime | None) -> str:
    """A time of day in the moderator's time zone and format (a claim's end: "14:05", "2:05 PM")."""
    return format_time(moment, "short") if moment else "?"


def html_lang() -> str:
    """The page's language as HTML wants it (``en-GB``, not Babel's ``en_GB``)."""
    return str(get_locale()).replace("_", "-")


def self_harm(evidence: dict | None) -> bool:
    """Whether a case's safety evidence is the author's own risk (``content.phases.threats.self_harm``), not a
    product hazard: the case page then says how to answer."""
    spans = (evidence or {}).get(Reason.SAFETY.value) or []
    return any(isinstance(span, dict) and str(span.get("rule", "")).startswith(f"{SELF_HARM}:") for span in spans)


def template_globals() -> dict:
    """Helpers every console template (and the macros it imports) can call."""
    return {
        "reason_label": reason_label,
        "highlight": highlight,
        "self_harm": self_harm,
        "state_label": state_label,
        "standing_label": standing_label,
        "item_status_label": item_status_label,
        "format_datetime": format_datetime,
        "relative_due": relative_due,
        "clock": clock,
        "is_past": is_past,
        "html_lang": html_lang,
        "format_percent": format_percent,
        "format_decimal": format_decimal,
        "get_locale": get_locale,
    }


@bp.context_processor
def request_values() -> dict:
    return {"now": utcnow()}
