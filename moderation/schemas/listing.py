"""What the public reads of a subject: its aggregate rating and its published items with the brand's replies."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..models import ItemKind
from ..services import listing
from .common import Query, Shape, Timestamp, whole_number

SORTS = tuple(listing.SORTS)  # the service's orderings, by name


class SubjectQuery(Query):
    page: whole_number(1, 100_000) = 1
    per_page: whole_number(1, 50) = 10
    sort: Literal[SORTS] = "newest"  # type: ignore[valid-type]
    rating: whole_number(1, 5, "only reviews with these stars", optional=True) = None


class ReplyAuthor(Shape):
    name: str


class PublicReply(Shape):
    """A moderator's public answer, shown under the item with the brand's badge."""

    id: int
    body: str
    created_at: Timestamp
    edited_at: Timestamp | None = Field(default=None, description="set when the brand edited it after publishing")
    author: ReplyAuthor


class PublicAuthor(Shape):
    name: str


class PublicItem(Shape):
    """The public shape of an item: no email, no scores, no moderation details."""

    id: int
    kind: ItemKind
    rating: int | None
    title: str | None
    body: str
    author: PublicAuthor
    lang: str | None
    created_at: Timestamp
    edited_at: Timestamp | None = Field(
        default=None, description="set when its author edited it after posting: shown as edited"
    )
    helpful_count: int
    parent_id: int | None
    verified_purchase: bool = Field(
        default=False,
        description="posted through the one-time link of a verified-buyer invitation the shop sent after an order",
    )
    replies: list[PublicReply]
    children: list[PublicItem] = Field(default_factory=list, description="comments only: published answers, threaded")


class Aggregate(Shape):
    count: int
    average: float | None
    histogram: dict[Literal["1", "2", "3", "4", "5"], int]


class AnswerFigures(Shape):
    negative_reviews: int = Field(description="negative reviews of the last 12 months (published or held)")
    answered_share: float | None = Field(
        description="the share of them the brand answered publicly; null below the site's minimum of negative reviews"
    )
    median_hours_to_first_answer: float | None = Field(
        description="median hours from a negative review to the brand's first answer; null as above"
    )


class Responsiveness(Shape):
    """How the brand answers negative reviews: the whole site's figures and this product's."""

    site: AnswerFigures
    product: AnswerFigures


class SubjectListing(Shape):
    subject: str
    aggregate: Aggregate
    items: list[PublicItem]
    page: int
    per_page: int
    total: int
    pages: int
    responsiveness: Responsiveness | None = Field(
        default=None, description="only when the site shows it (an option of the site); absent otherwise"
    )
