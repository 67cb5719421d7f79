"""Validating input against a shape, with pydantic's errors turned into the API's one refusal: 4xx naming a field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from ..services.errors import ServiceError
from .common import NOT_BLANK

T = TypeVar("T")

# pydantic's error types → the codes clients already know (the widget translates required/too_long/…).
CODES = {
    "missing": "required",
    "string_too_short": "required",
    "string_too_long": "too_long",
    "extra_forbidden": "unknown_field",
    "union_tag_not_found": "required",
    "invisible_text": "required",  # zero-width-only text: to the author, the field is empty
}


def field_name(loc: tuple[int | str, ...], tags: frozenset[str] = frozenset()) -> str | None:
    """``("review", "author", "email")`` → ``author.email``: the union's tag is not a field the client sent."""
    parts = [str(part) for part in loc if not isinstance(part, int)]
    if parts and parts[0] in tags:
        parts = parts[1:]
    return ".".join(parts) or None


def refusal(exc: ValidationError, messages: dict[str, str], tags: frozenset[str] = frozenset()) -> ServiceError:
    """The first error, as a 422 naming its field; ``messages`` gives a field a sentence better than pydantic's."""
    error = exc.errors(include_url=False)[0]
    kind = error["type"]
    field = field_name(error["loc"], tags)
    if kind in ("union_tag_not_found", "union_tag_invalid"):
        field = error["ctx"]["discriminator"].strip("'")
    code = CODES.get(kind) or (kind if kind in CUSTOM_CODES | TEXT_CODES else "invalid")
    context = error.get("ctx") or {}
    if kind == "string_pattern_mismatch" and context.get("pattern") == NOT_BLANK:
        code = "required"  # blank text: to the author, the field is empty
    elif kind in ("model_type", "model_attributes_type", "dict_type") and field:
        code = "required"  # "author": "Lea" — the object with a name is missing
    if code == "too_long":
        message = f"{field} must be at most {context.get('max_length') or context.get('most')} characters"
    elif kind == "extra_forbidden":
        message = f"unknown field {field!r}"
    elif kind in TEXT_CODES:
        message = f"{field or 'the body'} {error['msg']}"
    elif kind in CUSTOM_CODES:
        message = error["msg"]
    elif kind == "missing":
        message = messages.get(f"{field}:missing") or f"{field} is required"
    else:
        message = messages.get(field or "") or f"{field or 'the body'}: {error['msg'][:1].lower()}{error['msg'][1:]}"
    return ServiceError(code, message, field=field, status=422)


# Codes raised on purpose by the shapes (``PydanticCustomError``): their messages are written for people.
CUSTOM_CODES = {
    "invalid_rating",
    "invalid_email",
    "email_required",
    "rating_not_allowed",
    "parent_not_allowed",
    "invalid_reason",
    "invalid_send_after",
}
# Raised by ``common.storable_text``; their messages follow the field's name.
TEXT_CODES = {"invalid_text", "invisible_text"}


def validate(
    shape: type[T] | TypeAdapter[T],
    data: Any,
    *,
    messages: dict[str, str] | None = None,
    tags: frozenset[str] = frozenset(),
    context: dict[str, Any] | None = None,
) -> T:
    """``data`` checked against ``shape`` (a model, or a ``TypeAdapter`` for a union tagged by ``tags``).

    Raises:
        ServiceError: 400 ``invalid_json`` when a body is not an object; otherwise 422 naming the field at fault.
    """
    try:
        if isinstance(shape, TypeAdapter):
            return shape.validate_python(data, context=context)
        return shape.model_validate(data, context=context)  # type: ignore[attr-defined]
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        if not first["loc"] and first["type"] in ("model_type", "model_attributes_type", "dict_type"):
            raise ServiceError("invalid_json", "the request body must be a JSON object", status=400) from None
        raise refusal(exc, messages or {}, tags) from None


def dump(shape: type[BaseModel], data: Any) -> dict[str, Any]:
    """``data`` (a service's dict) checked against a response shape and written as JSON-ready values."""
    return shape.model_validate(data).model_dump(mode="json")
