"""What the rules read by their shape share: the apostrophe, staff by their job, one pattern of many, the sentence
around a match."""

from __future__ import annotations

import re

Q = "['’]"  # the apostrophe as typed on a keyboard or a phone
# Staff by their job, in English: whom an insult or a threat next to them is aimed at (``words``, ``threats``).
STAFF_EN = (
    r"(?:sellers?|vendors?|owners?|managers?|staff|employees?|agents?|reps?|couriers?|technicians?|cashiers?|clerks?"
    r"|waiters?|waitress(?:es)?|receptionists?|salesm[ae]n|saleswom[ae]n|salespe(?:rson|ople)|moderators?|admins?)"
)


def any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_SENTENCE_END = re.compile(r"[.!?]")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``: from the last full stop, "!" or "?" before it to the
    next one after it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]
