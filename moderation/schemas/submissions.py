"""A review or a comment as a client submits it (widget, integration, bulk import), and the answer to it."""

from __future__ import annotations

import functools
import importlib
import inspect
from typing import Annotated, Any, Literal

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, ConfigDict, Field, TypeAdapter, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..config import DefaultConfig
from ..models import ItemStatus
from .common import EMAIL, OPTIONAL_EMAIL, Body, Id, Shape, Text, integral
from .validation import NOT_BLANK, validate

LANG_PATTERN = r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$"


def trimmed_or_none(value: str | None) -> str | None:
    return (value.strip() or None) if value is not None else None


@functools.lru_cache(maxsize=4096)
def _domain_name_checked(domain: str, test_environment: bool = False, globally_deliverable: bool = True) -> Any:
    return _check_domain_name(domain, test_environment=test_environment, globally_deliverable=globally_deliverable)


def checked_domain_name(domain: str, test_environment: bool = False, globally_deliverable: bool = True) -> Any:
    """email-validator's check of an address's domain, remembered per domain: customers' addresses share a few
    domains, and the check (IDNA and UTS #46 rules, letter by letter) was three quarters of ``validate_email``'s
    time. The check depends on nothing but its arguments; a domain it refuses raises each time (not remembered).
    Each call gets its own copy of the result."""
    return dict(_domain_name_checked(domain, test_environment, globally_deliverable))


def _install_domain_cache() -> bool:
    """Put ``checked_domain_name`` where ``validate_email`` calls the check (by the name it imported; the module, not
    the function of the same name that the package exports). Only where the check is the one this was written
    against (email-validator 2.x: ``(domain, test_environment, globally_deliverable)``): another release that moves
    or changes it keeps its own check, uncached, rather than a wrapper that would fail at every address."""
    global _check_domain_name
    module = importlib.import_module("email_validator.validate_email")
    check = getattr(module, "validate_email_domain_name", None)
    try:
        parameters = list(inspect.signature(check).parameters) if callable(check) else []
    except (TypeError, ValueError):
        parameters = []
    if parameters != ["domain", "test_environment", "globally_deliverable"]:
        return False
    _check_domain_name = check
    module.validate_email_domain_name = checked_domain_name
    return True


_check_domain_name: Any = None
DOMAIN_CACHE_INSTALLED = _install_domain_cache()


def normalised_email(value: str | None) -> str | None:
    if not value:
        return None  # "" is what a form with an empty optional field sends
    try:
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        reason = {"reason": str(exc)}
        raise PydanticCustomError("invalid_email", "author.email is not a valid address: {reason}", reason) from None


class Author(Body):
    # notify needs an address, which the document says too: a schema-valid author is never refused for it.
    model_config = ConfigDict(
        json_schema_extra={
            "if": {"required": ["notify"], "properties": {"notify": {"const": True}}},
            "then": {"required": ["email"], "properties": {"email": EMAIL}},
        }
    )

    name: Annotated[
        str,
        Field(min_length=1, max_length=DefaultConfig.MAX_NAME_CHARS, pattern=NOT_BLANK),
        Text,
        AfterValidator(str.strip),
    ]
    email: Annotated[
        str | None,
        Field(default=None, json_schema_extra=OPTIONAL_EMAIL),
        AfterValidator(normalised_email),
    ] = None
    notify: Annotated[
        bool,
        Field(
            strict=True,
            description="the author asks to hear back by e-mail (the brand's reply, the moderation decision); "
            "needs email; the first time, a confirmation mail is sent first (double opt-in)",
        ),
    ] = False

    @field_validator("notify")
    @classmethod
    def needs_email(cls, value: bool, info: ValidationInfo) -> bool:
        if value and not info.data.get("email"):
            raise PydanticCustomError("email_required", "author.notify needs author.email")
        return value


class SubmissionFields(Body):
    """What reviews and comments share; stricter limits from the app's config come in the validation context."""

    title: Annotated[
        str | None, Field(max_length=DefaultConfig.MAX_TITLE_CHARS), Text, AfterValidator(trimmed_or_none)
    ] = None
    body: Annotated[str, Field(min_length=1, max_length=DefaultConfig.MAX_BODY_CHARS, pattern=NOT_BLANK), Text]
    author: Author
    lang: Annotated[str | None, Field(pattern=LANG_PATTERN), AfterValidator(lambda v: v.lower() if v else None)] = None

    @field_validator("body", "title")
    @classmethod
    def within_site_limits(cls, value: str | None, info: ValidationInfo) -> str | None:
        limits = info.context or {}
        most = limits.get("MAX_BODY_CHARS" if info.field_name == "body" else "MAX_TITLE_CHARS")
        if value is not None and most is not None and len(value) > most:
            raise PydanticCustomError("string_too_long", "at most {most} characters", {"most": most})
        return value


class Review(SubmissionFields):
    """A review: 1–5 stars, an optional title, a text. It answers no other item."""

    kind: Literal["review"]
    rating: Annotated[int, Field(ge=1, le=5)]
    parent_id: Annotated[None, Field(description="reviews answer no other item")] = None

    @field_validator("rating", mode="wrap")
    @classmethod
    def whole_stars(cls, value: Any, handler: Any) -> int:
        try:
            return handler(integral(value))
        except ValueError:
            raise PydanticCustomError("invalid_rating", "rating must be a whole number from 1 to 5") from None

    @field_validator("parent_id", mode="before")
    @classmethod
    def no_parent(cls, value: Any) -> None:
        if value is not None:
            raise PydanticCustomError("parent_not_allowed", "only comments can answer another item")
        return None


class Comment(SubmissionFields):
    """A comment on an article or a thread, answering another comment with ``parent_id``; comments have no stars."""

    kind: Literal["comment"]
    rating: Annotated[None, Field(description="comments have no rating")] = None
    parent_id: Id | None = None

    @field_validator("rating", mode="before")
    @classmethod
    def no_rating(cls, value: Any) -> None:
        if value is not None:
            raise PydanticCustomError("rating_not_allowed", "a comment has no rating")
        return None


Submission = Annotated[Review | Comment, Field(discriminator="kind")]
SUBMISSION = TypeAdapter(Submission)
MESSAGES = {
    "kind": "kind must be 'review' or 'comment'",
    "rating:missing": "a review needs a rating from 1 to 5",
    "body": "body must be a non-empty text",
    "title": "title must be a text",
    "author": "author must be an object with a name",
    "author:missing": "author must be an object with a name",
    "author.name": "author.name must be a non-empty text",
    "author.email": "author.email must be a string",
    "author.notify": "author.notify must be true or false",
    "parent_id": "parent_id must be a positive integer",
    "lang": "lang must be a language code such as 'fr' or 'en-GB'",
}


def check_submission(payload: Any, limits: dict[str, Any] | None = None) -> Review | Comment:
    """A submit payload checked; ``limits`` (the app's config) may lower the body and title maxima.

    Raises:
        ServiceError: 400 when the body is not an object, 422 naming the field at fault.
    """
    context = {k: limits[k] for k in ("MAX_BODY_CHARS", "MAX_TITLE_CHARS") if k in limits} if limits else None
    return validate(SUBMISSION, payload, messages=MESSAGES, tags=frozenset({"review", "comment"}), context=context)


class Accepted(Shape):
    """The submission is stored; ``held`` means it waits for a moderator before it is shown."""

    id: int
    status: Literal[ItemStatus.PUBLISHED, ItemStatus.HELD]
    message: str | None = Field(default=None, description="for the author, when the item is held")
