"""Content rules that need no model: abuse, links, personal data, spam, safety, language (issue #12).

    from moderation.content import evaluate, SiteRule
    verdict = evaluate({"title": title, "body": body}, [SiteRule("arnaque*", "flag")])
    verdict.hold_reasons, verdict.flag_reasons, verdict.lifts, verdict.matches, verdict.language

Plain values in and out; nothing here imports Flask or the database.
"""

from moderation.content.engine import evaluate, warm
from moderation.content.fingerprints import fingerprint
from moderation.content.language import identify
from moderation.content.normalise import normalise
from moderation.content.phases import PHASES
from moderation.content.verdict import Action, Match, Reason, SiteRule, Verdict

__all__ = [
    "PHASES",
    "Action",
    "Match",
    "Reason",
    "SiteRule",
    "Verdict",
    "evaluate",
    "fingerprint",
    "identify",
    "normalise",
    "warm",
]
