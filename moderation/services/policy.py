"""Reply-moderation policy: which items need a moderator, how urgently, and by when.

A case never hides the item: negative reviews stay published (DESIGN.md, "Two kinds of moderation").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..vocabulary import MODEL_REASONS as MODEL_REASONS  # rescoring reads policy.MODEL_REASONS
from ..vocabulary import Reason

# Defaults until calibrated on a site's own data; a site overrides any key in ``Site.policy``.
# The bars were chosen on review-like validation for the default model with its second opinion
# (models/e5-small-sentiment-fr-en/MODEL_CARD.md, "Policy bars").
DEFAULT_POLICY: dict[str, float] = {
    "low_rating_max": 2,
    # 3–5★: the lowest bar at which no review-like validation source flags more than 5% of its 4–5★ reviews.
    "negative_threshold": 0.84,
    # ≤ 2★ already opens a low_rating case: this bar adds the negative_text reason (and priority) early.
    "negative_threshold_low_rating": 0.23,
    # No stars (comments): 0.23 would flag 7.2% of positive texts on validation, 0.5 flags 4.4%.
    "negative_threshold_unrated": 0.5,
    "mismatch_min_rating": 4,
    "mismatch_threshold": 0.9,
    # The learned reader of hostile text (``classifier.hostility``) opens a ``suspected_abuse`` case at its head's
    # own bar (0.8 for the bundled one: 3 in 1,000 real reviews reach it, models/hostility/MODEL_CARD.md; a test
    # keeps the two equal). A site that sets this key uses its own; 1 turns the reader off for the site.
    "suspected_abuse_threshold": 0.78,
}
# Keys a site may still have stored, and the keys that now hold their meaning (a new key stored beside wins).
LEGACY_POLICY_KEYS: dict[str, tuple[str, ...]] = {
    "negative_threshold_low_or_unrated": ("negative_threshold_low_rating", "negative_threshold_unrated"),
}


def effective_policy(site_policy: dict[str, Any] | None) -> dict[str, float]:
    policy = dict(DEFAULT_POLICY)
    stored = dict(site_policy or {})
    for old, new_keys in LEGACY_POLICY_KEYS.items():
        if old in stored:
            value = stored.pop(old)
            for new in new_keys:
                stored.setdefault(new, value)
    for key, value in stored.items():
        if key in policy and isinstance(value, int | float) and not isinstance(value, bool):
            policy[key] = float(value)
    return policy


def flag_reasons(rating: int | None, negative_probability: float | None, policy: dict[str, float]) -> list[str]:
    """Reasons to open a reply case, in the order a moderator reads them."""
    reasons = []
    low = rating is not None and rating <= policy["low_rating_max"]
    if low:
        reasons.append(Reason.LOW_RATING)
    if negative_probability is not None:
        if low:
            threshold = policy["negative_threshold_low_rating"]
        elif rating is None:
            threshold = policy["negative_threshold_unrated"]
        else:
            threshold = policy["negative_threshold"]
        if negative_probability >= threshold:
            reasons.append(Reason.NEGATIVE_TEXT)
        if (
            rating is not None
            and rating >= policy["mismatch_min_rating"]
            and negative_probability >= policy["mismatch_threshold"]
        ):
            reasons.append(Reason.RATING_TEXT_MISMATCH)
    return reasons


@dataclass(frozen=True)
class Urgency:
    priority: int
    due_at: datetime


# Safety language (injury, fire, shock, allergy…) goes above every ordinary negative: the most a 1★ very negative
# review can reach without content reasons is 80, so a safety case starts at 90 and keeps its own order within.
SAFETY_PRIORITY_FLOOR = 90


def urgency(
    rating: int | None,
    negative_probability: float | None,
    reasons: list[str],
    created_at: datetime,
    sla_low_rating_hours: int,
    sla_default_hours: int,
    sla_safety_hours: int = 4,
) -> Urgency:
    """Priority 0–100 from stars, negativity and content reasons; the deadline from the site's SLA.

    Age is carried by ``due_at``: the queue sorts by priority, then by the earliest deadline, both indexed.
    A ``safety`` reason puts the case at ``SAFETY_PRIORITY_FLOOR`` or above and due within ``sla_safety_hours``.
    """
    score = 0.0
    if rating is not None:
        score += {1: 45, 2: 35, 3: 15}.get(rating, 0)
    if negative_probability is not None:
        score += 35 * negative_probability
    if Reason.RATING_TEXT_MISMATCH in reasons:
        score += 10
    urgent_content = bool({Reason.ABUSIVE, Reason.PERSONAL_DATA, Reason.SUSPECTED_ABUSE} & set(reasons))
    if urgent_content:
        score += 25
    if {Reason.LINKS, Reason.SPAM} & set(reasons):
        score += 10
    low = rating is not None and rating <= 2
    hours = sla_low_rating_hours if (low or urgent_content) else sla_default_hours
    if Reason.SAFETY in reasons:
        # Within the safety lane the ordinary signals still order cases: 90 plus a tenth of the rest.
        score = SAFETY_PRIORITY_FLOOR + score / 10
        hours = min(hours, sla_safety_hours)
    return Urgency(priority=min(100, round(score)), due_at=created_at + timedelta(hours=hours))
