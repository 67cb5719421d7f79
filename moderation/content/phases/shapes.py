"""What the rules read by their shape share: the apostrophe, one pattern of many, the sentence around a match."""

from __future__ import annotations

import re

Q = "['’]"  # the apostrophe as typed on a keyboard or a phone


def any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_SENTENCE_END = re.compile(r"[.!?]")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of ``text`` that holds ``text[start:end]``: from the last full stop, "!" or "?" before it to the
    next one after it."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    after = _SENTENCE_END.search(text, end)
    return text[ends[-1] if ends else 0 : after.start() if after else len(text)]
