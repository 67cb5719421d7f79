"""Helpful votes: one per client per published item, counted on the item."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import HelpfulVote, Item, ItemKind, ItemStatus, Site
from .errors import NotFound


@dataclass
class VoteResult:
    item_id: int
    helpful_count: int
    counted: bool


def client_key(secret: str, site_id: int, client: str) -> str:
    """A keyed hash of what identifies the client (its address): the table never holds the address itself,
    and the same client gets unrelated keys on different sites."""
    return hmac.new(secret.encode(), f"{site_id}|{client}".encode(), hashlib.sha256).hexdigest()


def vote_helpful(site: Site, item_id: int, key: str) -> VoteResult:
    """Count a "helpful" vote once per client key; a repeated vote is answered, not counted (the caller commits).

    Raises:
        NotFound: the item is unknown, belongs to another site, or is not published (a held item stays invisible).
    """
    item = db.session.get(Item, item_id)
    public = item is not None and item.status == ItemStatus.PUBLISHED.value and item.kind != ItemKind.EXTERNAL.value
    if not public or item.site_id != site.id:
        raise NotFound(f"item {item_id}", field="item")
    try:
        # The unique key decides between two concurrent votes of one client, not a read-then-write.
        with db.session.begin_nested():
            db.session.add(HelpfulVote(item_id=item.id, client_key=key))
    except IntegrityError:
        counted = False
    else:
        # In SQL (no lost update between two voters), through the instance so that the change is seen as one to
        # this item (``services.listing_cache`` invalidates its subject's listing).
        item.helpful_count = Item.helpful_count + 1
        db.session.flush()
        counted = True
    count = db.session.execute(select(Item.helpful_count).where(Item.id == item.id)).scalar_one()
    return VoteResult(item.id, count, counted)
