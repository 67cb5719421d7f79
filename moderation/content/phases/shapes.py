"""What the rules read by their shape (``threats``, ``hate``) share: the apostrophe and one pattern of many."""

from __future__ import annotations

import re

Q = "['’]"  # the apostrophe as typed on a keyboard or a phone


def any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))
