"""The duplicate fingerprint: what a text says, hashed, for the ``duplicate`` rule.

It sits below the verdict and the phases (it needs only ``normalise``), so that a verdict can take it of the views
its rules built without importing the phases that import the verdict.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from moderation.content.normalise import Normalised, joined_words, normalise

_NOT_ALNUM = re.compile(r"[\W_]+")
_RUNS = re.compile(r"(.)\1+")


def fingerprint_text(words_view_text: str) -> str:
    """The canonical form behind :func:`fingerprint`: letters and digits only, runs of a character cut to one."""
    return _RUNS.sub(r"\1", _NOT_ALNUM.sub("", words_view_text))


def fingerprint(text: str) -> str:
    """A stable 32-hex-digit fingerprint of what a text says, for the ``duplicate`` rule.

    Two texts get the same fingerprint when they differ only in case, accents, spacing, punctuation, emoji, format
    characters, fullwidth forms, leetspeak or repeated letters ("Great!!" and "great"). It is a SHA-256 prefix, so
    the database can index it and compare it without storing the text twice. The caller decides what a duplicate
    is: the same fingerprint from the same author (or e-mail) on the same site within its window. An empty text
    has the fingerprint of the empty string, which the caller must not treat as a duplicate.
    """
    return _hashed(normalise(text).words.text)


def fingerprint_of(fields: Sequence[Normalised]) -> str:
    """:func:`fingerprint` of the fields' texts joined by newlines, from the views the content rules built for each
    field: the same value, without normalising the text a second time."""
    return _hashed(joined_words(fields))


def _hashed(words_view_text: str) -> str:
    canonical = fingerprint_text(words_view_text)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]
