"""What a reader sends when reporting an item or rating a brand reply, and what they get back."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from ..services.reports import MAX_REPORT_CHARS
from ..vocabulary import ReportReason
from .common import OPTIONAL_EMAIL, Body, Id, Shape, Text
from .submissions import LANG_PATTERN

REASONS = tuple(r.value for r in ReportReason)


def reporter_email(value: str | None) -> str | None:
    if not value or not value.strip():
        return None  # "" is what a form with an empty optional field sends
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        reason = {"reason": str(exc)}
        raise PydanticCustomError("invalid_email", "email is not a valid address: {reason}", reason) from None


def page_lang(value: str | None) -> str:
    """The widget page's language, for the mails: French for any French variant, English otherwise."""
    return "fr" if value and value.lower().startswith("fr") else "en"


class ReportBody(Body):
    """A reader reports a published review or comment, or (``reply_id``) the brand's reply under it."""

    reason: Literal[REASONS] = Field(  # type: ignore[valid-type]
        description="abuse, spam, personal_data (someone's address, phone…), off_topic, illegal, or other"
    )
    text: Annotated[
        str | None,
        Field(max_length=MAX_REPORT_CHARS, description="what the reader adds in their own words (optional)"),
        Text,
    ] = None
    email: Annotated[
        str | None,
        Field(
            description="optional: the reader is told that the report arrived, and its outcome",
            json_schema_extra=OPTIONAL_EMAIL,
        ),
        AfterValidator(reporter_email),
    ] = None
    reply_id: Annotated[Id | None, Field(description="report this brand reply under the item, not the item")] = None
    lang: Annotated[str | None, Field(pattern=LANG_PATTERN, description="the page's language: the mails' language")] = (
        None
    )

    @field_validator("reason", mode="wrap")
    @classmethod
    def known_reason(cls, value: Any, handler: Any) -> str:
        try:
            return handler(value)
        except ValueError:
            raise PydanticCustomError("invalid_reason", "reason must be one of " + ", ".join(REASONS)) from None


REPORT_MESSAGES = {
    "reason:missing": "reason is required: one of " + ", ".join(REASONS),
    "text": "text must be a text",
    "email": "email must be a string",
    "reply_id": "reply_id must be a positive integer",
    "lang": "lang must be a language code such as 'fr' or 'en-GB'",
}


class ReportReceived(Shape):
    """The report is recorded; a moderator will look at the item."""

    item_id: int
    reply_id: int | None
    counted: bool = Field(description="false when this reader had already reported it: the report is updated")


class AnswerVoteBody(Body):
    helpful: bool = Field(description="true: the answer helped; false: it did not")


class AnswerVotes(Shape):
    """A brand reply's "was this answer helpful?" votes, and this reader's own (null: none)."""

    reply_id: int
    helpful: int = Field(ge=0, description="readers for whom the answer was helpful")
    not_helpful: int = Field(ge=0)
    vote: bool | None
