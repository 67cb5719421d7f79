"""A product's insights as the token API shows them: complaint topics, health under the site's rule, and how
the brand answers its negative reviews."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Shape, Timestamp


class Trend(Shape):
    direction: Literal["up", "down", "flat", "new"] = Field(
        description="new: none before and at least 3 recently; up: ratio ≥ 1.5 with at least 3 recently; "
        "down: ratio ≤ 2/3 with at least 6 before; else flat"
    )
    ratio: float | None = Field(
        description="reviews per day in the last 30 days over reviews per day in the 90 before; null: none before"
    )
    recent: int = Field(description="the topic's reviews in the last 30 days")
    before: int = Field(description="the topic's reviews in the 90 days before those")


class Example(Shape):
    item_id: int = Field(description="the review the sentence is quoted from")
    sentence: str


class Topic(Shape):
    label: str = Field(description="a short name, in the topic's dominant language")
    keywords: list[str]
    language: str
    reviews: int = Field(description="distinct reviews in the topic")
    authors: int = Field(description="distinct authors of those reviews")
    negative_share: float = Field(
        description="the topic's reviews over the product's negative reviews; a review may be in several topics"
    )
    trend: Trend
    examples: list[Example] = Field(description="up to 3 quoted sentences")


class Rule(Shape):
    window_days: int
    min_reviews: int
    max_average: float


class Health(Shape):
    reviews: int
    average: float | None
    reviews_12m: int
    average_12m: float | None
    at_risk: bool = Field(description="at least min_reviews in the window and an average under max_average")
    rule: Rule


class Responsiveness(Shape):
    negative_reviews: int
    answered: int
    answered_share: float | None = Field(description="answered over negative reviews; null when none")
    median_hours_to_first_answer: float | None


class SubjectInsights(Shape):
    """The product's complaint topics (as last computed), health and responsiveness (as of now)."""

    subject: str
    status: Literal["ready", "pending"] = Field(
        description="pending: topics were never computed; a job is enqueued and topics is empty until it ran"
    )
    computed_at: Timestamp | None
    model_version: str | None = Field(description="the classifier that scored the sentences")
    embedder: str | None
    negative_reviews: int | None = Field(description="the product's negative reviews when topics were computed")
    topics: list[Topic]
    health: Health
    responsiveness: Responsiveness
