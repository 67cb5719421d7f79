"""The plain values the content rules take and give: no Flask, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from moderation.content.fingerprints import fingerprint_of as fingerprint_of_views
from moderation.content.normalise import Normalised
from moderation.vocabulary import Reason

__all__ = ["Action", "Context", "Match", "Reason", "SiteRule", "Verdict"]

_NO_TEXT = Normalised("")


class Action(StrEnum):
    """What a match does to the item."""

    HOLD = "hold"  # not shown until a moderator approves it
    FLAG = "flag"  # stays public; a case opens
    LOG = "log"  # shadow mode: counted and shown to admins, changes nothing
    LIFT = "lift"  # stays public; the case goes up the queue (safety)


@dataclass(frozen=True)
class SiteRule:
    """One entry of a site's own word list.

    ``pattern`` is a word or phrase; ``*`` stands for any letters (``arnaque*``, ``*scam*``). It is matched like the
    built-in lists: accents, case, leetspeak, spacing and repeated letters do not matter.
    """

    pattern: str
    action: Action | str = Action.HOLD

    def __post_init__(self) -> None:
        object.__setattr__(self, "action", Action(self.action))


@dataclass(frozen=True)
class Match:
    """One rule firing on one field. ``start``/``end`` index the ORIGINAL text of ``field`` (as stored)."""

    reason: str
    rule: str
    start: int
    end: int
    excerpt: str
    action: Action = Action.HOLD
    field: str = ""


@dataclass
class Context:
    """What a phase sees: one field's normalised text, its language, the site's rules, the brand's name (folded
    as the ``words`` view folds, "" when unknown) and the registered domains of the site's own origins."""

    text: Normalised
    language: str
    site_rules: tuple[SiteRule, ...] = ()
    brand: str = ""
    own_domains: frozenset[str] = frozenset()


@dataclass
class Verdict:
    """The outcome for one item (all its fields).

    ``hold_reasons``: hold the item until a moderator decides. ``flag_reasons``: open a case, stay public.
    ``lifts``: raise the case's priority (``safety``), stay public. ``log_matches``: shadow-mode rules that fired.
    ``matches``: every hold, flag and lift match with its span in the original field. ``fingerprint``: see
    :func:`moderation.content.fingerprints.fingerprint`; the caller looks it up for the same author within its window
    and adds ``duplicate`` itself.
    """

    hold_reasons: list[str] = field(default_factory=list)
    flag_reasons: list[str] = field(default_factory=list)
    lifts: list[str] = field(default_factory=list)
    log_matches: list[Match] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    language: str = "und"
    # Each field's normalised text as the rules read it, and the fields the verdict's own fingerprint is taken of
    # (every one, in name order). Hashed only when asked for: the submission takes its own over title and body.
    views: dict[str, Normalised] = field(default_factory=dict, repr=False)
    fingerprint_fields: tuple[str, ...] = field(default=(), repr=False)

    @cached_property
    def fingerprint(self) -> str:
        return self.fingerprint_of(*self.fingerprint_fields)

    def fingerprint_of(self, *fields: str) -> str:
        """``fingerprint`` of these fields' texts joined by newlines (a field without text counts as ""), from the
        views the rules built: ``fingerprint_of("title", "body")`` is ``fingerprint(f"{title}\\n{body}")``."""
        return fingerprint_of_views([self.views.get(name, _NO_TEXT) for name in fields])

    @property
    def held(self) -> bool:
        return bool(self.hold_reasons)
