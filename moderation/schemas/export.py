"""Data out: the JSON-lines export of a site's items, and the product feed with schema.org ratings."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from ..models import ItemKind, ItemStatus
from .common import NO_NUL, Query, Shape, Timestamp, whole_number

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def calendar_day(value: Any) -> Any:
    """Only ``YYYY-MM-DD``: pydantic would also take "0" (a Unix time) or a full timestamp, which the document
    (``format: date``) does not allow."""
    if not isinstance(value, str) or not DAY.fullmatch(value):
        raise PydanticCustomError("date_parsing", "must be a date written YYYY-MM-DD")
    return value


Day = Annotated[date | None, BeforeValidator(calendar_day)]


class ExportQuery(Query):
    since: Day = Field(default=None, description="first day included (UTC), YYYY-MM-DD")
    # An until before since is an empty range, answered with no line: the document cannot say "after since",
    # and a query it allows is one the server answers.
    until: Day = Field(default=None, description="last day included (UTC), YYYY-MM-DD; before since: nothing")
    subject: str | None = Field(default=None, pattern=NO_NUL, max_length=200, description="a subject's external id")
    status: ItemStatus | None = Field(default=None, description="published, held or removed")
    kind: ItemKind | None = Field(default=None, description="review, comment or external")


class ExportedAuthor(Shape):
    name: str


class ExportedCase(Shape):
    state: str
    reasons: list[str]


class ExportedExternal(Shape):
    """Where an external post was written."""

    source: str
    source_name: str | None
    guid: str
    url: str | None
    author: str | None
    published_at: Timestamp | None
    answered_url: str | None = Field(description="set when a moderator answered it there")


class ExportedItem(Shape):
    """One line of ``items.jsonl``: an item, its case's state, and for an external post where it was written."""

    id: int
    subject: str
    kind: ItemKind
    rating: int | None
    title: str | None
    body: str
    lang: str | None
    status: ItemStatus
    author: ExportedAuthor
    parent_id: int | None
    external_id: str | None
    helpful_count: int
    created_at: Timestamp
    scored_at: Timestamp | None
    case: ExportedCase | None
    external: ExportedExternal | None = None


class ProductFeedQuery(Query):
    page: whole_number(1, 100_000) = 1
    per_page: whole_number(1, 500) = 100


class LinkedData(Shape):
    """A JSON-LD node: ``@``-names in the document and on the wire."""

    model_config = ConfigDict(from_attributes=True, populate_by_name=True, serialize_by_alias=True)


class Rating(LinkedData):
    type_: Literal["Rating", "AggregateRating"] = Field(alias="@type")
    ratingValue: float  # noqa: N815 (schema.org's names)
    reviewCount: int | None = None  # noqa: N815
    bestRating: int  # noqa: N815
    worstRating: int  # noqa: N815


class Person(LinkedData):
    type_: Literal["Person"] = Field(alias="@type")
    name: str


class ProductReview(LinkedData):
    type_: Literal["Review"] = Field(alias="@type")
    name: str | None
    reviewBody: str  # noqa: N815
    datePublished: str  # noqa: N815
    author: Person
    reviewRating: Rating  # noqa: N815
    inLanguage: str | None  # noqa: N815


class Product(LinkedData):
    """A schema.org Product in JSON-LD, with its AggregateRating over every published review."""

    context: Literal["https://schema.org"] = Field(alias="@context")
    type_: Literal["Product"] = Field(alias="@type")
    sku: str
    name: str
    aggregateRating: Rating  # noqa: N815
    review: list[ProductReview] = Field(description="the newest published reviews, whatever their stars")


class ProductFeed(Shape):
    """Products with at least one published review, by SKU."""

    site: str
    page: int
    per_page: int
    total: int
    pages: int
    products: list[Product]


def dump(shape: type[Shape], data: Any) -> dict[str, Any]:
    """``data`` through its shape, with JSON-LD's ``@`` names."""
    return shape.model_validate(data).model_dump(mode="json", by_alias=True, exclude_none=False)
