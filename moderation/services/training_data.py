"""Labelled examples from the platform's own data, for `moderation model train --from-db`.

Customers label their text with their stars (1–2★ negative, 4–5★ positive; 3★ says nothing), and moderators
label it again: a dismissed text flag (``negative_text`` / ``rating_text_mismatch``) was a false alarm, so the
text reads positive; an answered one confirmed it negative. A moderator's decision overrides the stars.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Case, Item, Site
from ..vocabulary import MODEL_REASONS, CaseState, ItemStatus

NEGATIVE, POSITIVE = 1, 0
# Where a label comes from: the customer's stars, or a moderator's decision on a text flag.
STARS, DECISION = "stars", "decision"


def labelled_by(rating: int | None, case_state: str | None, case_reasons: list[str] | None) -> tuple[int, str] | None:
    """(label, source): 1 = negative, 0 = positive; source ``decision`` (a moderator's) or ``stars``. None: no label."""
    if case_state is not None and set(MODEL_REASONS) & set(case_reasons or []):
        if case_state == CaseState.DISMISSED.value:
            return POSITIVE, DECISION
        if case_state == CaseState.ANSWERED.value:
            return NEGATIVE, DECISION
    if rating is not None and rating <= 2:
        return NEGATIVE, STARS
    if rating is not None and rating >= 4:
        return POSITIVE, STARS
    return None


def label_for(rating: int | None, case_state: str | None, case_reasons: list[str] | None) -> int | None:
    """1 = negative, 0 = positive, None = no label."""
    labelled = labelled_by(rating, case_state, case_reasons)
    return None if labelled is None else labelled[0]


@dataclass(frozen=True)
class LabelledItem:
    item_id: int
    text: str
    label: int
    source: str  # STARS or DECISION
    rating: int | None
    created_at: datetime


def labelled_items(site_id: int | None = None) -> list[LabelledItem]:
    """Every labelled item (of one site, or all), in id order, text as the model reads it (title and body).

    Removed items are left out.
    """
    query = (
        select(Item.id, Item.title, Item.body, Item.rating, Item.created_at, Case.state, Case.reasons)
        .outerjoin(Case, Case.item_id == Item.id)
        .where(Item.status != ItemStatus.REMOVED.value)
        .order_by(Item.id)
    )
    if site_id is not None:
        query = query.where(Item.site_id == site_id)
    out = []
    for item_id, title, body, rating, created_at, state, reasons in db.session.execute(query):
        labelled = labelled_by(rating, state, reasons)
        text = f"{title}. {body}" if title else body
        if labelled is not None and text.strip():
            out.append(LabelledItem(item_id, text, labelled[0], labelled[1], rating, created_at))
    return out


def export_labelled(site: str | None = None) -> list[tuple[str, int]]:
    """(text, label) pairs, text as the model reads it (title and body). Removed items are left out.

    Runs in an app context: ``moderation model train --from-db`` pushes one before calling it.
    """
    return [(text, label) for text, label, _source in export_labelled_with_sources(site)]


def export_labelled_with_sources(site: str | None = None) -> list[tuple[str, int, str]]:
    """(text, label, source) triples, source ``stars`` or ``decision``: ``model train --from-db`` and the console's
    training job weigh each source's labels alike."""
    site_id = None
    if site:
        site_id = db.session.execute(select(Site.id).where(Site.slug == site)).scalar()
        if site_id is None:
            return []
    return [(row.text, row.label, row.source) for row in labelled_items(site_id)]
