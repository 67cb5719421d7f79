"""The public "helpful" vote on a published review or comment, and its withdrawal."""

from __future__ import annotations

from pydantic import Field

from .common import MAX_ID, Shape, SitePath


class ItemPath(SitePath):
    item_id: int = Field(ge=1, le=MAX_ID, description="the review's or comment's id")


class HelpfulVote(Shape):
    item_id: int
    helpful_count: int = Field(ge=0)
    counted: bool = Field(
        description="whether this call changed the count: false when voting again, or withdrawing a vote not cast"
    )
    voted: bool = Field(
        description="whether this client's vote stands after the call: true after POST, false after DELETE"
    )
