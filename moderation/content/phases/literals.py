"""An alternation of many shapes that searches only the shapes whose words are in the text.

``re`` tries every branch of an alternation at every position of a text, so a list of a hundred shapes costs a
hundred tries per character even where none of their words is there. ``Alternation`` reads, from each branch's
parsed pattern, strings one of which every match of the branch must contain ("kill ", "tuer", "shame if"), looks
them up in the text with ``in``, and runs only the branches whose strings are there. The matches are those of the
one big alternation: leftmost first, the earlier branch where two start at the same place, none overlapping.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

try:  # CPython's own pattern parser (private): a Python without it runs every branch, slower, with the same matches
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # pragma: no cover - every CPython from 3.11 to 3.14 has them
    sre = sre_parse = None

# The most strings a part of a pattern is spelled out to ("(?:kill|murder|stab) (?:you|u)" is six).
_SPELLED_OUT = 64
# (every string it can match, what one of which every match holds)
_Found = tuple["set[str] | None", "frozenset[tuple[bool, str]] | None"]


def _parts(pattern: str) -> list[str]:
    """The top-level branches of ``pattern``: "a|(?:b|c)|d" is "a", "(?:b|c)", "d"."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


_EDGE = "\x00"  # a word boundary (``\\b``) in a spelled-out string
_WORD = re.compile(r"\w+")
_Needed = frozenset[tuple[bool, str]]  # (is a whole word of the text, the word or the string)


def _needed_of(spelled: str) -> tuple[bool, str] | None:
    """A whole word that a text holding ``spelled`` holds, else the longest piece of it between word boundaries."""
    # A run of word characters with a non-word character (or a boundary) on each side is a whole word of the text.
    words = [m.group(0) for m in _WORD.finditer(spelled) if 0 < m.start() and m.end() < len(spelled)]
    if words:
        return True, max(words, key=len)
    piece = max(spelled.split(_EDGE), key=len)
    return (False, piece) if piece.strip() else None


def _convert(spelled: set[str]) -> _Needed | None:
    found = [_needed_of(string) for string in spelled]
    return None if not found or None in found else frozenset(found)


# Words most texts hold, which make a poor sign that a branch may match.
_COMMON = frozenset(
    "the a an and to of in on at by for with you u your ur my me it is this that they them he she his her we i be "
    "have has can just so not get got after back when where how see said say go out up all one some what will would "
    "je j tu t il elle on nous vous le la les l de d des du un une et au aux en que qu ne n pas ce c ta ton tes te va "
    "vont se s sa son ses est plus avec pour dans sur mais ou qui y me m mon ma mes lui leur tout bien fait".split()
)


def _chance(needed: tuple[bool, str]) -> float:
    """A rough chance that a review holds ``needed``: a common word or a short string more often than a long one."""
    is_word, string = needed
    if is_word and string in _COMMON or len(string.strip()) <= 2:
        return 0.5
    return 0.01 * 2 ** max(0, 6 - len(string.strip()))


def _best(spelled: list[set[str]], held: list[_Needed]) -> _Needed | None:
    usable = [n for n in [*map(_convert, spelled), *held] if n]
    return min(
        usable,
        key=lambda n: (sum(map(_chance, n)), sum(not is_word for is_word, _ in n), len(n)),
        default=None,
    )


def _sequence(nodes: sre_parse.SubPattern | list) -> _Found:
    run: set[str] | None = {""}
    candidates: list[set[str]] = []
    helds: list[_Needed] = []
    whole = True
    for node in nodes:
        spelled, held = _node(node)
        if spelled is not None and run is not None and len(run) * len(spelled) <= _SPELLED_OUT:
            run = {a + b for a in run for b in spelled}
            continue
        whole = False
        candidates.append(run)
        if spelled is None and held is not None:
            helds.append(held)
        run = spelled
    candidates.append(run)
    return (run if whole else None), _best([c for c in candidates if c is not None], helds)


def _node(node: tuple) -> _Found:
    op, value = node
    if op is sre.LITERAL:
        return {chr(value)}, None
    if op is sre.IN:
        if len(value) <= 16 and all(kind is sre.LITERAL for kind, _ in value):
            return {chr(code) for _, code in value}, None
        return None, None
    if op is sre.AT:
        return ({_EDGE} if value is sre.AT_BOUNDARY else {""}), None
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return {""}, None
    if op is sre.SUBPATTERN:
        if value[1] & (sre.SRE_FLAG_IGNORECASE | sre.SRE_FLAG_VERBOSE):
            raise ValueError("a case-blind group")
        return _sequence(value[3])
    if op is sre.ATOMIC_GROUP:
        return _sequence(value)
    if op is sre.BRANCH:
        found = [_sequence(branch) for branch in value[1]]
        spelled = set().union(*(s for s, _ in found)) if all(s is not None for s, _ in found) else None
        helds = [
            held if held is not None else _best([spelled_one] if spelled_one else [], []) for spelled_one, held in found
        ]
        held = set().union(*helds) if all(h is not None for h in helds) else None
        if spelled is not None and len(spelled) > _SPELLED_OUT:
            spelled = None
        return spelled, held
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, inner = value
        spelled, held = _sequence(inner)
        if low == high == 1:
            return spelled, held
        if low == 0:
            return ((spelled | {""}) if high == 1 and spelled is not None else None), None
        return None, held if held is not None else _best([spelled] if spelled is not None else [], [])
    return None, None


def needed(pattern: re.Pattern[str]) -> _Needed | None:
    """Strings one of which every match of ``pattern`` holds, or None where no such strings are found."""
    if sre_parse is None or pattern.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    try:
        spelled, held = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except (ValueError, AttributeError, TypeError):  # a parser whose tree is not the one read here
        return None
    return held if held is not None else _best([spelled] if spelled is not None else [], [])


# Per thread: gunicorn's threads evaluate different texts at once, and one thread's words must never gate another's.
_last = threading.local()


def words_of(text: str) -> frozenset[str]:
    """The words of ``text``, kept for the next call: the phases ask for those of the same text many times over."""
    last = getattr(_last, "pair", None)
    if last is None or last[0] is not text:
        last = _last.pair = (text, frozenset(_WORD.findall(text)))
    return last[1]


class Alternation:
    """The alternation of ``patterns`` (each split at its top-level "|"), searched only where a branch can match."""

    def __init__(self, patterns: list[str]) -> None:
        self.pattern = "|".join(f"(?:{p})" for p in patterns)
        self.branches = [re.compile(part) for pattern in patterns for part in _parts(pattern)]
        self._always: list[int] = []
        self._words: dict[str, list[int]] = {}
        self._pieces: dict[str, list[int]] = {}
        for index, branch in enumerate(self.branches):
            found = needed(branch)
            if found is None:
                self._always.append(index)
            for is_word, string in found or ():
                (self._words if is_word else self._pieces).setdefault(string, []).append(index)
        self._word_set = frozenset(self._words)
        self._whole: re.Pattern[str] | None = None

    def live(self, text: str) -> list[int]:
        """The branches that may match ``text``, in order."""
        found = set(self._always)
        for word in self._word_set.intersection(words_of(text)):
            found.update(self._words[word])
        for piece, indices in self._pieces.items():
            if piece in text:
                found.update(indices)
        return sorted(found)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        live = self.live(text)
        if len(live) == 1:
            yield from self.branches[live[0]].finditer(text)
            return
        branches = [self.branches[index] for index in live]
        next_of = [branch.search(text) for branch in branches]
        position = 0
        while True:
            first = None
            for index, branch in enumerate(branches):
                match = next_of[index]
                if match is not None and match.start() < position:
                    match = next_of[index] = branch.search(text, position)
                if match is not None and (first is None or match.start() < first.start()):
                    first = match
            if first is None:
                return
            if first.end() == first.start():  # an empty match: let ``re`` step past it as it does
                yield from self._tail(text, first.start())
                return
            yield first
            position = first.end()

    def _tail(self, text: str, position: int) -> Iterator[re.Match[str]]:
        if self._whole is None:
            self._whole = re.compile(self.pattern)
        yield from (match for match in self._whole.finditer(text) if match.start() >= position)
