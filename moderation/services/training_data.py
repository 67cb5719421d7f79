"""Labelled examples from the platform's own data, for `moderation model train --from-db`.

Customers label their text with their stars (1–2★ negative, 4–5★ positive; 3★ says nothing), and moderators
label it again: a dismissed text flag (``negative_text`` / ``rating_text_mismatch``) was a false alarm, so the
text reads positive; an answered one confirmed it negative. A moderator's decision overrides the stars.
"""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Case, Item, Site
from ..vocabulary import MODEL_REASONS, CaseState, ItemStatus

NEGATIVE, POSITIVE = 1, 0


def label_for(rating: int | None, case_state: str | None, case_reasons: list[str] | None) -> int | None:
    """1 = negative, 0 = positive, None = no label."""
    if case_state is not None and set(MODEL_REASONS) & set(case_reasons or []):
        if case_state == CaseState.DISMISSED.value:
            return POSITIVE
        if case_state == CaseState.ANSWERED.value:
            return NEGATIVE
    if rating is not None and rating <= 2:
        return NEGATIVE
    if rating is not None and rating >= 4:
        return POSITIVE
    return None


def export_labelled(site: str | None = None) -> list[tuple[str, int]]:
    """(text, label) pairs, text as the model reads it (title and body). Removed items are left out.

    Runs in an app context: ``moderation model train --from-db`` pushes one before calling it.
    """
    query = (
        select(Item.title, Item.body, Item.rating, Case.state, Case.reasons)
        .outerjoin(Case, Case.item_id == Item.id)
        .where(Item.status != ItemStatus.REMOVED.value)
        .order_by(Item.id)
    )
    if site:
        query = query.join(Site, Site.id == Item.site_id).where(Site.slug == site)
    out = []
    for title, body, rating, state, reasons in db.session.execute(query):
        label = label_for(rating, state, reasons)
        text = f"{title}. {body}" if title else body
        if label is not None and text.strip():
            out.append((text, label))
    return out
