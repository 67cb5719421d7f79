"""CSV written for people who open it in a spreadsheet: a text cell that a spreadsheet would run as a formula
(CSV injection: ``=HYPERLINK(...)`` in a subject id, a review title, an audit entry) is written with a leading
``'``, so it shows as the text it is. Every CSV the platform writes goes through :func:`writer`."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, Protocol

# A cell starting with one of these is read as a formula (or, for tab and CR, shifted into one) by spreadsheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, s: str, /) -> Any: ...


def safe_cell(value: object) -> object:
    """Numbers as they are (a number is never a formula; -0.5 stays a number); anything else as text, escaped."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def safe_row(row: Iterable[object]) -> list[object]:
    return [safe_cell(v) for v in row]


class SafeWriter:
    """``csv.writer`` whose rows are escaped cell by cell."""

    def __init__(self, fh: _Writable, **kwargs: Any) -> None:
        self._writer = csv.writer(fh, **kwargs)

    def writerow(self, row: Iterable[object]) -> Any:
        return self._writer.writerow(safe_row(row))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(fh: _Writable, **kwargs: Any) -> SafeWriter:
    return SafeWriter(fh, **kwargs)
