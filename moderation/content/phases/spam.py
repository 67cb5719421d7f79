"""Spam that needs no model: keyboard mash and long repeated characters (the duplicate fingerprint is
``moderation.content.fingerprints``)."""

from __future__ import annotations

import re

from moderation.content.lexicon import is_folded_word
from moderation.content.verdict import Context, Match, Reason

# Rows of the keyboards our customers type on. A "word" typed along one row that no dictionary knows is a mash:
# "asdfghjkl", "qsdfghjklm" (AZERTY), "poiuytreza". Real one-row words ("pretty", "salad", "typewriter") are words.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn")
_ROW_SETS = tuple(frozenset(r) for r in _ROWS)
_TOKEN = re.compile(r"[a-z]{5,}")
_LETTER_TOKEN = re.compile(r"[a-z]+")
_SAME_CHAR_RUN = re.compile(r"(\S)\1{19,}")  # 20 times the same character
_REPEATED_UNIT = re.compile(r"(\S{1,4}?)\1{7,}")  # "jkjkjkjk…", "okokokok…", "hjkhjkhjk…": 8 repeats or more
# A phrase of two to four words said six times or more: "buy now buy now buy now …". One word repeated ("très très
# très bien") is emphasis.
_REPEATED_PHRASE = re.compile(r"\b(\w+(?:\W+\w+){1,3}?)(?:\W+\1\b){5,}")
_MASH_SHARE = 0.5
_REPEAT_SHARE = 0.4


# Six keys in a row's order, either way, inside a longer token: "azertyuiopqsdfghjklm" runs along two rows.
_ROW_RUN = re.compile(
    "|".join(r[i : i + 6] for r in _ROWS for i in range(len(r) - 5))
    + "|"
    + "|".join(r[::-1][i : i + 6] for r in _ROWS for i in range(len(r) - 5))
)


def _is_mash(token: str) -> bool:
    # The view has no accents, so neither may the dictionary: "pépite" is "pepite" here, a word typed along one row.
    along = any(set(token) <= row for row in _ROW_SETS) or (len(token) >= 8 and _ROW_RUN.search(token) is not None)
    return along and not is_folded_word(token, min_count=100)


def gibberish(ctx: Context) -> list[Match]:
    view = ctx.text.base
    text = view.text
    visible = len("".join(text.split()))
    if not visible:
        return []
    found = []
    has_words = _LETTER_TOKEN.search(text) is not None
    repeated = [
        m
        for m in (*_SAME_CHAR_RUN.finditer(text), *_REPEATED_UNIT.finditer(text), *_REPEATED_PHRASE.finditer(text))
        # Punctuation or emoji after words is emphasis, however long ("A lire absolument !!!!…", "Un raté.......",
        # "just amazing 👍👍👍…"); letters and digits repeated ("aaaa…", "jkjkjk…", "8888…") are not, nor a text of
        # nothing but a run.
        if not has_words or any(c.isalnum() for c in m.group(0))
    ]
    covered = len({i for m in repeated for i in range(m.start(), m.end())})  # the patterns overlap
    # A long run hidden in a real review ("Superrrrrr…") is emphasis; a text that is mostly a run is not a review.
    if repeated and covered / visible >= _REPEAT_SHARE:
        longest = max(repeated, key=lambda m: m.end() - m.start())
        start, end = view.span(*longest.span())
        found.append(
            Match(Reason.GIBBERISH.value, "repeated_characters", start, end, ctx.text.original[start:end][:40])
        )
        return found
    letters = len("".join(_LETTER_TOKEN.findall(text)))
    mash = [m for m in _TOKEN.finditer(text) if _is_mash(m.group(0))]
    if letters and mash and sum(len(m.group(0)) for m in mash) / letters >= _MASH_SHARE:
        start, end = view.span(mash[0].start(), mash[-1].end())
        found.append(Match(Reason.GIBBERISH.value, "keyboard_mash", start, end, ctx.text.original[start:end][:40]))
    return found


# "Zalgo" text: combining marks stacked on a letter until the line spills over the ones above and below. No
# language needs five in a row (Vietnamese stacks two, Arabic and Hebrew pointing three at most).
_STACKED_MARKS = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{5,}")


def stacked_marks(ctx: Context) -> list[Match]:
    """Combining marks piled on letters ("Z̸̡̪̯ͨ͊̽A̶L…"): held as gibberish, in any field (a name can spill too)."""
    runs = list(_STACKED_MARKS.finditer(ctx.text.original))
    if not runs:
        return []
    start, end = runs[0].start(), runs[-1].end()
    return [Match(Reason.GIBBERISH.value, "stacked_marks", max(0, start - 1), end, f"{len(runs)} stacks")]
