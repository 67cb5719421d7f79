"""Helpful votes: one per client per published item (a review or a comment), counted on the item; a client may
take its vote back."""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from sqlalchemy import case, delete, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import HelpfulVote, Item, ItemKind, ItemStatus, Site
from . import listing_cache
from .errors import NotFound


@dataclass
class VoteResult:
    item_id: int
    helpful_count: int
    counted: bool  # this call changed the count (a first vote, or a vote withdrawn)
    voted: bool = True  # this client's vote stands after the call


def client_key(secret: str, site_id: int, client: str) -> str:
    """A keyed hash of what identifies the client (its address): the table never holds the address itself,
    and the same client gets unrelated keys on different sites."""
    return hmac.new(secret.encode(), f"{site_id}|{client}".encode(), hashlib.sha256).hexdigest()


def public_item(site: Site, item_id: int) -> Item:
    """A published review or comment of this site.

    Raises:
        NotFound: (``item``) unknown, of another site, not published (a held item stays invisible), or external.
    """
    item = db.session.get(Item, item_id)
    public = item is not None and item.status == ItemStatus.PUBLISHED.value and item.kind != ItemKind.EXTERNAL.value
    if not public or item.site_id != site.id:
        raise NotFound(f"item {item_id}", field="item")
    return item


def vote_helpful(site: Site, item_id: int, key: str) -> VoteResult:
    """Count a "helpful" vote once per client key; a repeated vote is answered, not counted (the caller commits).

    Raises:
        NotFound: the item is unknown, belongs to another site, or is not published (a held item stays invisible).
    """
    item = public_item(site, item_id)
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


def withdraw_helpful(site: Site, item_id: int, key: str) -> VoteResult:
    """Take this client's vote back; withdrawing a vote never cast (or already withdrawn) changes nothing, so a
    retried or doubled request is harmless (the caller commits).

    Raises:
        NotFound: see ``public_item``.
    """
    item = public_item(site, item_id)
    # The DELETE decides between two concurrent withdrawals of one client: only the one that removed the row
    # takes one off the count.
    removed = db.session.execute(
        delete(HelpfulVote).where(HelpfulVote.item_id == item.id, HelpfulVote.client_key == key)
    ).rowcount
    if removed:
        # In SQL (no lost update between two voters). The vote went in a bulk DELETE, which the listing cache's
        # flush hook does not see: the subject's listing is marked changed here.
        item.helpful_count = case((Item.helpful_count > 0, Item.helpful_count - 1), else_=0)
        listing_cache.changed(item.site_id, item.subject_id)
        db.session.flush()
    count = db.session.execute(select(Item.helpful_count).where(Item.id == item.id)).scalar_one()
    return VoteResult(item.id, count, counted=bool(removed), voted=False)
