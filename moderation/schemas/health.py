"""A product's health as the token API shows it, and the change a moderator asks for."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..services.health import MANUAL_STATES, MAX_NOTES_CHARS
from .common import NO_NUL, Body, Shape, SubjectId, Text, Timestamp

STATES = ("ok", "watch", "action_plan", "fixed", "withdrawn", "relaunched")


class HealthChange(Body):
    """Move a product on: watch → action_plan (owner), action_plan → fixed | withdrawn, fixed | withdrawn →
    relaunched (relaunch_subject). Posting action_plan again changes a plan's owner or notes."""

    state: Literal[tuple(s.value for s in MANUAL_STATES)]  # type: ignore[valid-type]
    owner: str | None = Field(
        default=None,
        max_length=320,
        pattern=NO_NUL,
        description="action_plan: the owner moderator's e-mail (a moderator of the site)",
    )
    notes: Annotated[str | None, Field(max_length=MAX_NOTES_CHARS), Text] = Field(
        default=None, description="kept on the plan; left out: unchanged"
    )
    # A subject id like any other (``SubjectId``): the relaunch creates the subject when it is new.
    relaunch_subject: SubjectId | None = Field(
        default=None,
        description="relaunched: the new product's (or version's) id on the site; the old one keeps its reviews",
    )


class Owner(Shape):
    email: str
    name: str


class Rule(Shape):
    window_days: int
    min_reviews: int
    max_average: float


class ProductHealth(Shape):
    """Where a product stands under its site's rule."""

    subject: str
    state: Literal[STATES]  # type: ignore[valid-type]
    owner: Owner | None
    due_at: Timestamp | None = Field(description="action_plan: 30 days after it started")
    overdue: bool = Field(description="an action plan past its due date")
    notes: str | None
    relaunched_as: str | None = Field(description="relaunched: the new product's id")
    relaunch_of: str | None = Field(description="the product this one relaunched, whose reviews are its history")
    updated_at: Timestamp | None = Field(description="the last transition; null: never left ok")
    reviews_in_window: int
    average_in_window: float | None
    flagged_by_rule: bool = Field(description="at least min_reviews in the window, averaging under max_average")
    rule: Rule
