"""What moderators read and do through the token API: items with their scores, cases and the actions on them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, TypeAdapter, field_validator
from pydantic_core import PydanticCustomError
from typing_extensions import TypeAliasType

from ..models import CaseState, ItemKind, ItemStatus
from ..services.cases import MAX_REPLY_CHARS, REJECTION_REASONS
from .common import NO_NUL, SPACES, Body, Query, Shape, Text, Timestamp, whole_number
from .validation import NOT_BLANK

CASE_STATE_FILTERS = ("open", "active", "claimed", "answered", "resolved", "dismissed", "escalated")
MAX_NOTE_CHARS = 2000


class CaseQuery(Query):
    state: Literal[CASE_STATE_FILTERS] = Field(  # type: ignore[valid-type]
        default="open", description="active: open or claimed"
    )
    # No NUL in any of them: the server refuses a NUL anywhere in the URL (``http.refuse_nul_in_url``), and the
    # document must say so, or a client reading it would send what the server refuses.
    site: str | None = Field(
        default=None, pattern=NO_NUL, description="a site's slug; empty means every site you may see"
    )
    reason: str | None = Field(default=None, pattern=NO_NUL, description="a reason code; unknown codes match all")
    subject: str | None = Field(default=None, pattern=NO_NUL, description="the subject's external id")
    page: whole_number(1, 100_000) = 1
    per_page: whole_number(1, 100) = 25


class NulFreeKeys:
    """An object's keys said without NUL as ``propertyNames``: pydantic writes ``patternProperties``, which lets a
    key that does not match through, with any value."""

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        out = handler(schema)
        ((pattern, value),) = out.pop("patternProperties").items()
        return {**out, "propertyNames": {"pattern": pattern}, "additionalProperties": value}


NulFreeText = Annotated[str, Field(pattern=NO_NUL)]
# What an action ignores may be any JSON but a NUL, anywhere in it: the server refuses one in any key or string of
# a body before reading it (``http.reject_nul``). Only written into the document; nothing validates against it.
IgnoredValue = TypeAliasType(
    "IgnoredValue",
    None
    | bool
    | int
    | float
    | NulFreeText
    | list["IgnoredValue"]
    | Annotated[dict[NulFreeText, "IgnoredValue"], NulFreeKeys],
)
IGNORED_VALUE = TypeAdapter(IgnoredValue)


class ActionBody(Body):
    """Fields an action does not use are ignored, as they always were."""

    model_config = {"extra": "ignore"}

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        """Fields the action ignores are allowed in the document too, and say what the server refuses in them."""
        out = handler.resolve_ref_schema(handler(schema))
        out["propertyNames"] = {"pattern": NO_NUL}
        out["additionalProperties"] = handler(IGNORED_VALUE.core_schema)
        return out


class NoteBody(ActionBody):
    """resolve, dismiss, escalate: an optional note for the audit log."""

    note: Annotated[str | None, Field(max_length=MAX_NOTE_CHARS), Text] = None


class ReplyBody(ActionBody):
    """reply: the public answer, shown under the item at once."""

    body: Annotated[str, Field(min_length=1, max_length=MAX_REPLY_CHARS, pattern=NOT_BLANK), Text]


# An http(s) link with a host: no space and no NUL anywhere.
URL_PATTERN = rf"^https?://[^{SPACES}\x00/?#]+[^{SPACES}\x00]*$"


class AnswerElsewhereBody(ActionBody):
    """answered_elsewhere: where the moderator answered an external post (an http or https link)."""

    url: Annotated[str, Field(min_length=1, max_length=2000, pattern=URL_PATTERN), Text]


class RejectBody(ActionBody):
    """reject: the reason shown to the author, one they can act on."""

    reason: Literal[tuple(REJECTION_REASONS)]  # type: ignore[valid-type]

    @field_validator("reason", mode="wrap")
    @classmethod
    def known_reason(cls, value: Any, handler: Any) -> str:
        try:
            return handler(value)
        except ValueError:
            raise PydanticCustomError(
                "invalid_reason", "reason must be one of " + ", ".join(REJECTION_REASONS)
            ) from None


class Score(Shape):
    model_version: str
    label: str
    negative_probability: float
    created_at: Timestamp


class Reply(Shape):
    id: int
    body: str
    author: dict[Literal["name"], str]
    created_at: Timestamp
    edited_at: Timestamp | None = Field(default=None, description="set when edited after publishing")
    withdrawn_at: Timestamp | None = Field(default=None, description="set when withdrawn: no longer shown publicly")


class ReplyPreview(Shape):
    """A reply as the customer will see it: the text under the item, signed with the brand's voice."""

    body: str
    signature: str = Field(description="the site's brand or team name, and the moderator's first name if it asks")


class ItemAuthor(Shape):
    name: str
    email: str | None


class CaseFields(Shape):
    id: int
    site: str
    item_id: int
    state: CaseState
    reasons: list[str]
    evidence: dict[str, Any]
    priority: int
    due_at: Timestamp | None
    claimed_by: str | None = Field(description="while a claim is live")
    claim_expires_at: Timestamp | None
    model_version: str | None
    stale: bool
    created_at: Timestamp
    first_answered_at: Timestamp | None
    closed_at: Timestamp | None


class ExternalSource(Shape):
    """Where an external post (``kind: external``) was found: a followed feed or an imported forum."""

    source: str = Field(
        description="where it was found, as a stable key: feed:<url>, discourse:<forum>, disqus:<forum>, wxr:<blog>"
    )
    source_name: str | None
    url: str | None = Field(description="the post's own page, to answer it there")
    author: str | None
    published_at: Timestamp | None
    answered_url: str | None = Field(description="where a moderator answered it (answered_elsewhere)")
    answered_at: Timestamp | None


class ItemFields(Shape):
    id: int
    site: str
    subject: str
    kind: ItemKind
    rating: int | None
    title: str | None
    body: str
    lang: str | None
    status: ItemStatus
    hold_reasons: list[str]
    rejection_reason: str | None
    parent_id: int | None
    author: ItemAuthor
    created_at: Timestamp
    scored_at: Timestamp | None
    scores: list[Score]
    replies: list[Reply]
    verified_purchase: bool = Field(description="posted through a verified-buyer invitation")
    external: ExternalSource | None = Field(description="for kind external: where it was found; else null")


class Case(CaseFields):
    """A case with its item."""

    item: ItemFields


class Item(ItemFields):
    """An item with its scores (per model version) and its case."""

    case: CaseFields | None


class CasePage(Shape):
    cases: list[Case]
    page: int
    per_page: int
    total: int
