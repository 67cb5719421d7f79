"""A site's own word list: one ``{pattern, action}`` per entry, edited as ``pattern action`` lines.

``action`` is ``hold`` (hidden until a moderator decides), ``flag`` (a case opens, the item stays public) or ``log``
(shadow mode: counted and shown to admins, changes nothing — the way to try a rule before enforcing it). ``*`` in a
pattern stands for any letters (``arnaque*``). Sites created before migration 0006 stored plain words; such an entry
still reads as ``hold``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from ..content import Action, SiteRule
from ..extensions import db
from ..models import AuditEvent, utcnow
from .errors import ServiceError

# The audit action create_item records when a shadow-mode (log) rule fires.
LOGGED_RULE_EVENT = "content.rule_logged"

ACTIONS = tuple(a.value for a in (Action.HOLD, Action.FLAG, Action.LOG))
MAX_RULES = 500
MAX_PATTERN_CHARS = 100


def _entry(pattern: str, action: str, line: str) -> dict[str, str]:
    pattern = " ".join(pattern.split()).lower()
    if not pattern.strip("* "):
        raise ServiceError("invalid_rule", f"{line!r}: a pattern needs letters, not only '*'", "words", 422)
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ServiceError("invalid_rule", f"{line!r}: at most {MAX_PATTERN_CHARS} characters", "words", 422)
    if action not in ACTIONS:
        raise ServiceError("invalid_rule", f"{line!r}: the action is one of {', '.join(ACTIONS)}", "words", 422)
    return {"pattern": pattern, "action": action}


def parse_rule_lines(lines: Iterable[str]) -> list[dict[str, str]]:
    """``"arnaque* flag"`` lines to stored entries; a line without an action holds (the old word list's meaning).

    A later line for the same pattern replaces an earlier one.

    Raises:
        ServiceError: 422 naming ``words`` with the offending line.
    """
    rules: dict[str, dict[str, str]] = {}
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        head, _, last = line.rpartition(" ")
        if head and last.lower() in ACTIONS:
            entry = _entry(head, last.lower(), line)
        else:
            entry = _entry(line, Action.HOLD.value, line)
        rules[entry["pattern"]] = entry
    if len(rules) > MAX_RULES:
        raise ServiceError("too_many_rules", f"a site has at most {MAX_RULES} rules", "words", 422)
    return list(rules.values())


def stored_rules(word_list: Iterable[Any] | None) -> list[dict[str, str]]:
    """The stored entries in their current shape; a plain string (before migration 0006) is a ``hold``."""
    out = []
    for entry in word_list or []:
        if isinstance(entry, str):
            out.append({"pattern": entry, "action": Action.HOLD.value})
        elif isinstance(entry, dict) and entry.get("pattern"):
            out.append({"pattern": str(entry["pattern"]), "action": str(entry.get("action") or Action.HOLD.value)})
    return out


def site_rules(word_list: Iterable[Any] | None) -> list[SiteRule]:
    """What the content engine takes; an entry with an unknown action is skipped rather than failing a submit."""
    return [SiteRule(e["pattern"], e["action"]) for e in stored_rules(word_list) if e["action"] in ACTIONS]


def rule_lines(word_list: Iterable[Any] | None) -> str:
    """The textarea form of the stored entries: one ``pattern action`` a line."""
    return "\n".join(f"{e['pattern']} {e['action']}" for e in stored_rules(word_list))


def logged_hits(site_id: int, days: int = 30, limit: int = 5000) -> dict[str, int]:
    """How many items each ``log`` rule of the site fired on in the last ``days`` (at most ``limit`` items read).

    What an admin looks at before switching a rule from ``log`` to ``flag`` or ``hold``.
    """
    events = db.session.execute(
        select(AuditEvent.after)
        .where(
            AuditEvent.site_id == site_id,
            AuditEvent.action == LOGGED_RULE_EVENT,
            AuditEvent.at >= utcnow() - timedelta(days=days),
        )
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    ).scalars()
    hits: Counter[str] = Counter()
    for after in events:
        rules = {m.get("rule", "") for m in (after or {}).get("matches", [])}
        hits.update(r.removeprefix("site:") for r in rules if r)
    return dict(hits)
