"""Labelled examples of hostile text from moderators' decisions, for ``moderation model train-hostility``.

A moderator who removes an item as ``abusive``, ``spam`` or ``personal_data`` labels it hostile. An item they let
stand after it was held or flagged for content (approved, or its ``suspected_abuse`` / ``reported`` case closed
while it stayed public) is a clean text that looked hostile: the examples a site's own head most needs. Other
published items are ordinary clean texts; part of them sets the head's bar. Nothing here reads stars or sentiment:
a negative review is never a hostile example for being negative.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sqlalchemy import select

from ..extensions import db
from ..models import Case, Item, Site
from ..vocabulary import CONTENT_REASONS, CaseState, ItemStatus, Reason, RejectionReason

HOSTILE_REJECTIONS = (RejectionReason.ABUSIVE.value, RejectionReason.SPAM.value, RejectionReason.PERSONAL_DATA.value)
# Reasons whose case, closed with the item still public, says "this looked hostile and is not".
_LOOKED_HOSTILE = {*(r.value for r in CONTENT_REASONS), Reason.SUSPECTED_ABUSE.value, Reason.REPORTED.value}
_CLOSED = (CaseState.RESOLVED.value, CaseState.DISMISSED.value, CaseState.ANSWERED.value)


@dataclass
class HostilityExamples:
    hostile: list[str] = field(default_factory=list)
    cleared: list[str] = field(default_factory=list)  # looked hostile, a moderator let it stand
    ordinary: list[str] = field(default_factory=list)  # published, never in question
    calibration: list[str] = field(default_factory=list)  # published, kept apart to set the bar


def hostility_examples(site_slug: str | None = None, ordinary: int = 8000, seed: int = 7) -> HostilityExamples:
    """The site's (or every site's) decided texts, and up to ``ordinary`` published ones and as many to calibrate.

    Raises:
        LookupError: no site has that slug.
    """
    site_filter = []
    if site_slug is not None:
        site_id = db.session.execute(select(Site.id).where(Site.slug == site_slug)).scalar_one_or_none()
        if site_id is None:
            raise LookupError(f"no site {site_slug!r}")
        site_filter = [Item.site_id == site_id]
    out = HostilityExamples()
    removed = select(Item.title, Item.body).where(
        *site_filter, Item.status == ItemStatus.REMOVED.value, Item.rejection_reason.in_(HOSTILE_REJECTIONS)
    )
    out.hostile = [_text(title, body) for title, body in db.session.execute(removed)]
    cleared_ids: set[int] = set()
    closed = (
        select(Item.id, Item.title, Item.body, Case.reasons)
        .join(Case, Case.item_id == Item.id)
        .where(*site_filter, Item.status == ItemStatus.PUBLISHED.value, Case.state.in_(_CLOSED))
    )
    for item_id, title, body, reasons in db.session.execute(closed):
        if _LOOKED_HOSTILE & set(reasons or []):
            cleared_ids.add(item_id)
            out.cleared.append(_text(title, body))
    # Sampled by id, then only the sample's texts read: a site's whole history never crosses the wire.
    public = select(Item.id).where(*site_filter, Item.status == ItemStatus.PUBLISHED.value).order_by(Item.id)
    ids = [i for i in db.session.execute(public).scalars() if i not in cleared_ids]
    random.Random(seed).shuffle(ids)
    half = min(ordinary, len(ids) // 2)
    texts = _texts(ids[: 2 * half])
    out.ordinary = texts[:half]
    out.calibration = texts[half:]
    return out


def _texts(ids: list[int], chunk: int = 500) -> list[str]:
    """The items' texts, in the order of ``ids``."""
    found: dict[int, str] = {}
    for start in range(0, len(ids), chunk):
        rows = db.session.execute(select(Item.id, Item.title, Item.body).where(Item.id.in_(ids[start : start + chunk])))
        found.update((item_id, _text(title, body)) for item_id, title, body in rows)
    return [found[i] for i in ids]


def _text(title: str | None, body: str) -> str:
    """As the worker reads an item (``Item.text_for_model``)."""
    return f"{title}. {body}" if title else body


__all__ = ["HOSTILE_REJECTIONS", "HostilityExamples", "hostility_examples"]
