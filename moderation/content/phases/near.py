"""Shapes searched only near the words they need: a long review pays for the sentences that hold one of them, and
most reviews, holding none, pay one set lookup (``veiled``, ``attacks``)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from moderation.content.phases.literals import words_of

_SENTENCE_END = re.compile(r"[.!?\n]")


class Near:
    """Shapes, each searched only near one of its anchor words: from ``back`` characters before the word to the end
    of the sentence ``ahead`` characters after it."""

    def __init__(self, shapes: list[tuple[str, str]], back: int = 100, ahead: int = 100) -> None:
        self.regexes = [re.compile(pattern) for pattern, _ in shapes]
        self.by_word: dict[str, list[int]] = {}
        for index, (_, anchors) in enumerate(shapes):
            for word in anchors.split():
                self.by_word.setdefault(word, []).append(index)
        self.anchors = frozenset(self.by_word)
        self.back, self.ahead = back, ahead

    def finditer(self, text: str) -> list[re.Match[str]]:
        words = words_of(text)
        if self.anchors.isdisjoint(words):
            return []
        live: dict[int, list[str]] = {}
        for word in self.anchors.intersection(words):
            for index in self.by_word[word]:
                live.setdefault(index, []).append(word)
        found: dict[tuple[int, int], re.Match[str]] = {}
        for index, anchors in live.items():
            for start, stop in self._windows(text, anchors):
                for m in self.regexes[index].finditer(text, start, stop):
                    found.setdefault(m.span(), m)
        return sorted(found.values(), key=lambda m: m.start())

    def _windows(self, text: str, words: Iterable[str]) -> list[tuple[int, int]]:
        """The stretches of ``text`` around each of ``words``, merged where they overlap."""
        windows = []
        for word in words:
            at = text.find(word)
            while at >= 0:
                end = at + len(word)
                if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                    stop = _SENTENCE_END.search(text, end + self.ahead)
                    windows.append((max(0, at - self.back), stop.end() if stop else len(text)))
                at = text.find(word, end)
        windows.sort()
        merged: list[tuple[int, int]] = []
        for start, stop in windows:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
            else:
                merged.append((start, stop))
        return merged
