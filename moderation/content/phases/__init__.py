"""The content rules, one small function per rule, run in order over each field (coral talk's pipeline phases).

A phase takes a :class:`~moderation.content.verdict.Context` and returns zero or more
:class:`~moderation.content.verdict.Match`, each with its span in the original text and the action it asks for.
"""

from __future__ import annotations

from collections.abc import Callable

from moderation.content.fingerprints import fingerprint
from moderation.content.phases.commenters import at_a_commenter
from moderation.content.phases.impersonation import impersonation
from moderation.content.phases.links import links
from moderation.content.phases.personal_data import personal_data
from moderation.content.phases.promotions import promotions
from moderation.content.phases.safety import safety
from moderation.content.phases.self_harm import self_harm
from moderation.content.phases.spam import gibberish, stacked_marks
from moderation.content.phases.threats import threats
from moderation.content.phases.words import abusive_words, site_words
from moderation.content.verdict import Context, Match

Phase = Callable[[Context], list[Match]]

# Site rules first: a site that lists a word on purpose wants its own rule named, even when a built-in one fires too.
PHASES: tuple[Phase, ...] = (
    site_words,
    abusive_words,
    threats,
    at_a_commenter,
    links,
    personal_data,
    promotions,
    gibberish,
    stacked_marks,
    safety,
    self_harm,
    impersonation,
)
# Phases that read prose. A name is not prose: "Priya" or "Pierre" typed along one keyboard row is a name, not a
# mash, and a person called "Fire" is no safety report. Names still go through words, links and personal data.
PROSE_ONLY: frozenset[Phase] = frozenset({at_a_commenter, promotions, gibberish, safety, self_harm})
# Phases that read names only: a name that claims to be the brand's staff.
NAME_ONLY: frozenset[Phase] = frozenset({impersonation})

__all__ = ["NAME_ONLY", "PHASES", "PROSE_ONLY", "Phase", "fingerprint"]
