"""Verified-buyer invitations as a shop's server sends them (``POST /api/v1/sites/{site}/invitations``), and the
answer. One shape for the API and ``moderation invite`` (CSV), so both refuse the same input naming the same field.

There is deliberately no field to choose whom to invite by satisfaction (rating, "happy customers only"): every
buyer is invited (FTC 16 CFR 465.7; NF ISO 20488). An unknown field is refused, like everywhere in the API.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, AwareDatetime, BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from ..config import DefaultConfig
from .common import EMAIL, MAX_EMAIL_CHARS, SPACES, Body, Shape, SubjectId, Timestamp, no_lone_surrogate
from .submissions import normalised_email
from .validation import validate

MAX_PRODUCTS = 50
# Something that is not a space, and no NUL (which the server refuses anywhere in a body).
NAME_PATTERN = rf"^[^\x00]*[^{SPACES}\x00][^\x00]*$"
# One line with something in it: an order number as shops write them ("FR-2026-000123", "#1001").
ORDER_REFERENCE_PATTERN = r"^[^\x00-\x1f\x7f]*[^\x00-\x20\x7f][^\x00-\x1f\x7f]*$"


def required_email(value: str) -> str:
    try:
        email = normalised_email(value)
    except PydanticCustomError as exc:  # the submit shape's check, worded for this field
        raise PydanticCustomError("invalid_email", exc.message().replace("author.email", "customer.email")) from None
    if email is None:
        raise PydanticCustomError("invalid_email", "customer.email is required: the invitation is mailed to it")
    return email


def date_time_text(value: Any) -> Any:
    """JSON has no date type: a date-time is a string (RFC 3339), never a number read as unix seconds."""
    if value is not None and not isinstance(value, str):
        raise PydanticCustomError("datetime_type", "must be a date-time string")
    return value


def naive_utc(value: datetime | None) -> datetime | None:
    """The moment in UTC as stored (naive); one at the edge of the calendar (0001-01-01T00:00+01:00) is read as
    the earliest or latest moment storable rather than refused: before now means "now", far ahead means later."""
    if value is None:
        return None
    try:
        return value.astimezone(UTC).replace(tzinfo=None)
    except OverflowError:
        return datetime.min if value.year == datetime.min.year else datetime.max


class Customer(Body):
    email: Annotated[str, Field(max_length=MAX_EMAIL_CHARS, json_schema_extra=EMAIL), AfterValidator(required_email)]
    name: Annotated[
        str,
        Field(min_length=1, max_length=DefaultConfig.MAX_NAME_CHARS, pattern=NAME_PATTERN),
        BeforeValidator(no_lone_surrogate),
        AfterValidator(str.strip),
    ]


class InvitationRequest(Body):
    """Invite the customer of one order to review each product they bought: one mail, one one-time link per
    product. Sending the same order and product again changes nothing."""

    order_reference: Annotated[
        str,
        Field(min_length=1, max_length=200, pattern=ORDER_REFERENCE_PATTERN, description="the shop's order number"),
        BeforeValidator(no_lone_surrogate),
    ]
    subjects: Annotated[
        list[SubjectId],
        Field(min_length=1, max_length=MAX_PRODUCTS, description="the products bought: the site's subject ids"),
    ]
    customer: Customer
    lang: Annotated[
        Literal["fr", "en"] | None, Field(description="the mail's language; absent: the site's default")
    ] = None
    send_after: Annotated[
        AwareDatetime | None,
        Field(strict=False, description="not mailed before this moment (e.g. delivery + 7 days); absent: now"),
        BeforeValidator(date_time_text),
        AfterValidator(naive_utc),
    ] = None

    @field_validator("subjects")
    @classmethod
    def distinct(cls, value: list[str]) -> list[str]:
        return list(dict.fromkeys(value))


MESSAGES = {
    "order_reference": "order_reference must be a one-line text of at most 200 characters",
    "subjects": f"subjects must be a list of 1 to {MAX_PRODUCTS} product ids",
    "customer": "customer must be an object with an email and a name",
    "customer:missing": "customer must be an object with an email and a name",
    "customer.name": "customer.name must be a non-empty text",
    "customer.email": "customer.email must be an e-mail address",
    "lang": "lang must be 'fr' or 'en'",
    "send_after": "send_after must be a date-time with a time zone, such as 2026-12-24T09:00:00Z",
}


def check_invitation(payload: Any) -> InvitationRequest:
    """Raises:
    ServiceError: 400 when the body is not an object, 422 naming the field at fault.
    """
    return validate(InvitationRequest, payload, messages=MESSAGES)


class InvitationResult(Shape):
    id: int
    subject: str
    created: bool = Field(description="false when this order and product were invited before (nothing changed)")
    status: Literal["scheduled", "mailed", "suppressed", "used"] = Field(
        description="scheduled (waits for send_after), mailed, suppressed (the address unsubscribed: nothing is "
        "sent), used (a review was posted through its link)"
    )


class InvitationsAccepted(Shape):
    """The invitations of the order, one per product."""

    order_reference: str
    send_after: Timestamp
    invitations: list[InvitationResult]
