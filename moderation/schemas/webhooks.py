"""The webhook event body: one envelope ``{id, type, created_at, site, data}`` for every event type.

``services.webhooks`` validates each event against :class:`WebhookEvent` before storing it, and the OpenAPI
document lists it under ``webhooks`` (OpenAPI 3.1), so what receivers get and what the document says cannot drift.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Shape, Timestamp

WebhookEventType = Literal[
    "item.created",
    "item.published",
    "item.rejected",
    "case.opened",
    "case.closed",
    "case.restored",
    "reply.published",
    "product.at_risk",
]
WEBHOOK_EVENT_TYPES: tuple[str, ...] = WebhookEventType.__args__  # type: ignore[attr-defined]
# Sent to one endpoint when an admin asks for it (console, "Send a test event"); nobody subscribes to it.
TEST_EVENT = "webhook.test"

EVENT_DESCRIPTIONS: dict[str, str] = {
    "item.created": "A review or comment was accepted (published, or held for content moderation): data.item.",
    "item.published": "A held item was approved and is now public: data.item and its case.",
    "item.rejected": "An item was removed, with the reason code its author is told: data.item and its case.",
    "case.opened": "An item needs a moderator (low rating, negative text, a content rule…): data.case, data.item.",
    "case.closed": "A case closed without a decision on its item (answered, resolved, dismissed): data.case.",
    "case.restored": "A moderator undid their last action on a case within its undo window (a single action, or a"
    " bulk run): data.case and data.item as they are again. An item.rejected or item.published before it no longer"
    " holds.",
    "reply.published": "A moderator answered publicly under the item: data.reply, data.item.",
    "product.at_risk": "A product's health crossed the site's threshold: data.subject and data.health.",
    TEST_EVENT: "Sent to one endpoint when an admin clicks 'Send a test event' in the console: data is empty.",
}


class WebhookItem(Shape):
    id: int
    subject: str = Field(description="the site's own id of the product or thread")
    kind: str = Field(description="review, comment, or external (a post found outside the site: a feed, a forum)")
    rating: int | None
    title: str | None
    body: str
    lang: str | None
    status: str = Field(description="published, held or removed")
    rejection_reason: str | None = Field(default=None, description="set when the item was rejected")
    created_at: Timestamp


class WebhookCase(Shape):
    id: int
    item_id: int
    state: str = Field(description="open, claimed, answered, resolved, dismissed or escalated")
    reasons: list[str]
    priority: int
    due_at: Timestamp
    closed_at: Timestamp | None


class WebhookReply(Shape):
    id: int
    item_id: int
    case_id: int | None
    body: str
    created_at: Timestamp


class WebhookSubject(Shape):
    id: int
    external_id: str
    title: str | None


class WebhookData(Shape):
    """What the event is about; which keys are present depends on the type (see each type's description)."""

    item: WebhookItem | None = None
    case: WebhookCase | None = None
    reply: WebhookReply | None = None
    subject: WebhookSubject | None = None
    health: dict | None = None


class WebhookEvent(Shape):
    """The JSON body of every webhook request, signed in the ``Moderation-Signature`` header.

    ``Moderation-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>``. One event has
    one ``id`` across every endpoint and every retry: receivers deduplicate on it.
    """

    id: str = Field(description="the event's id (evt_…), the same on every retry")
    type: WebhookEventType | Literal["webhook.test"]
    created_at: Timestamp = Field(description="when the event happened, UTC, with a Z")
    site: str = Field(description="the site's slug")
    data: WebhookData
