"""The public "helpful" vote on a published review."""

from __future__ import annotations

from pydantic import Field

from .common import Shape


class HelpfulVote(Shape):
    item_id: int
    helpful_count: int = Field(ge=0)
    counted: bool = Field(description="false when this client had already voted for the item")
