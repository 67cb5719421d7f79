"""A copy-paste campaign's earlier copies, held once the campaign shows.

``submitters.find_duplicate`` holds the copy that reveals a campaign: the same long text from
``CAMPAIGN_MIN_COPIES`` authors within the duplicate window. The copies before it were published while each was
alone, and nothing about one of them said "campaign". Once it is known they go behind moderation too, as review
platforms treat a review bomb (Bazaarvoice rejects duplicated content outright; Discourse hides what its flags
reveal): each is held as ``duplicate`` with the campaign's evidence, its case opened, extended or reopened, so that a
moderator decides on every copy and none stays public meanwhile. Left as they are: copies by trusted authors (their
standing skips the rules' holds, as on a new item), imports of a brand's history (never a campaign), and copies
that are no longer public (held already, rejected, removed).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from ..extensions import db
from ..models import Author, Item
from ..vocabulary import AuthorStanding, ItemStatus, Reason
from . import audit, listing_cache
from .cases import raise_case

HELD_EVENT = "item.held_as_campaign"


def hold_earlier_copies(item: Item, campaign: dict[str, int], since: datetime) -> list[int]:
    """Hold the public copies of ``item``'s text posted on its site since ``since``; their ids, oldest first.

    Args:
        item: the copy that revealed the campaign (held, written, not yet committed).
        campaign: its ``duplicate`` evidence, ``{"item_id": the first copy, "authors": how many posted it}``.
        since: the start of the duplicate window ``find_duplicate`` counted the authors in.
    """
    copies = db.session.execute(
        select(Item)
        .join(Author, Author.id == Item.author_id)
        .where(
            Item.site_id == item.site_id,
            Item.fingerprint == item.fingerprint,
            Item.created_at >= since,
            Item.id != item.id,
            Item.status == ItemStatus.PUBLISHED.value,
            Item.external_id.is_(None),
            Author.standing != AuthorStanding.TRUSTED.value,
        )
        .order_by(Item.id)
        .with_for_update(of=Item)
    ).scalars()
    held = []
    for copy in copies:
        copy.status = ItemStatus.HELD.value
        copy.hold_reasons = [*(copy.hold_reasons or []), Reason.DUPLICATE.value]
        # The first copy points at the one that revealed the campaign; the others at the first, as new copies do.
        evidence = {**campaign, "item_id": item.id if copy.id == campaign["item_id"] else campaign["item_id"]}
        raise_case(copy, [Reason.DUPLICATE.value], {Reason.DUPLICATE.value: evidence}, note="copy-paste campaign",
                   held=True)  # fmt: skip
        audit.record(HELD_EVENT, "item", copy.id, site_id=copy.site_id,
                     after={"reasons": copy.hold_reasons, "revealed_by": item.id})  # fmt: skip
        listing_cache.changed(copy.site_id, copy.subject_id)
        held.append(copy.id)
    return held
