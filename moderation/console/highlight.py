"""The matched spans of a case's content rules, highlighted in the customer's text, escaped piece by piece.

The spans come from ``Case.evidence`` (``services.submissions.match_evidence``): per reason, ``{rule, field, start,
end}`` into the stored text. Every piece of customer text goes through ``escape``; only the ``<mark>`` tags built
here are markup, so no template ever needs ``|safe`` on what a customer wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape


def rule_spans(evidence: Mapping[str, Any] | None, field: str, length: int) -> list[tuple[int, int, str, str]]:
    """``(start, end, reason, rule)`` for ``field``, in order, overlaps dropped, spans outside the text ignored.

    A span can fall outside the text when the text changed after the rules ran (an author renaming themselves).
    """
    spans = []
    for reason, entries in (evidence or {}).items():
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, Mapping) or entry.get("field") != field:
                continue
            start, end = entry.get("start"), entry.get("end")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length:
                spans.append((start, end, str(reason), str(entry.get("rule", ""))))
    spans.sort()
    kept: list[tuple[int, int, str, str]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def highlight(text: str | None, evidence: Mapping[str, Any] | None, field: str) -> Markup:
    """``text`` escaped, with each rule's span in a ``<mark>`` naming the reason and the rule."""
    text = text or ""
    out = Markup()
    position = 0
    for start, end, reason, rule in rule_spans(evidence, field, len(text)):
        out += escape(text[position:start])
        out += Markup('<mark class="rule-match reason-{}" title="{}: {}">{}</mark>').format(
            reason, reason, rule, text[start:end]
        )
        position = end
    return out + escape(text[position:])
