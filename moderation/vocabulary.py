"""The platform's words for reasons and states, in one place (shared/API.md, "Names agreed for the next round").

Members are ``StrEnum``s, like the statuses of rq: they compare equal to the stored strings, and JSON, SQL and
f-strings write them as their value, so the database and the public API keep the same words.
"""

from __future__ import annotations

import enum


class Reason(enum.StrEnum):
    """Why a case opened. Reply reasons keep the item published; content reasons hold it."""

    # Reply moderation: the item stays published and waits for a public answer.
    LOW_RATING = "low_rating"
    NEGATIVE_TEXT = "negative_text"
    RATING_TEXT_MISMATCH = "rating_text_mismatch"
    # Content moderation: the item is held until a moderator approves or rejects it.
    ABUSIVE = "abusive"
    SPAM = "spam"
    LINKS = "links"
    PERSONAL_DATA = "personal_data"
    DUPLICATE = "duplicate"
    GIBBERISH = "gibberish"
    SAFETY = "safety"
    SITE_WORD = "site_word"
    # An author name that poses as the brand or its staff ("Service client", "Décathlon Support").
    IMPERSONATION = "impersonation"
    # Raised by people rather than rules.
    REPORTED = "reported"
    # Raised by the learned reader of hostile text (``classifier.hostility``) where no rule held the item: it stays
    # published, as a reported one does, until a moderator rejects it or closes the case.
    SUSPECTED_ABUSE = "suspected_abuse"
    APPEAL = "appeal"
    # A moderator's standing on the author (services.authors): every new item of theirs is held.
    AUTHOR_BLOCKED = "author_blocked"
    AUTHOR_HELD = "author_held"


# Reasons the classifier gives (the rest come from the stars or from rules that need no model).
MODEL_REASONS: tuple[Reason, ...] = (Reason.NEGATIVE_TEXT, Reason.RATING_TEXT_MISMATCH)
# Reasons for a public answer; the item stays published (DESIGN.md, "Two kinds of moderation").
REPLY_REASONS: tuple[Reason, ...] = (Reason.LOW_RATING, *MODEL_REASONS)
# Reasons that hold an item today: approving the item clears them, rejecting it removes the item.
CONTENT_REASONS: tuple[Reason, ...] = (
    Reason.ABUSIVE,
    Reason.SPAM,
    Reason.LINKS,
    Reason.PERSONAL_DATA,
    Reason.DUPLICATE,
    Reason.GIBBERISH,
    Reason.SITE_WORD,
    Reason.IMPERSONATION,
    # An author contests a rejection (services.mail.contest): the item is held again until approved or rejected.
    Reason.APPEAL,
    Reason.AUTHOR_BLOCKED,
    Reason.AUTHOR_HELD,
)


class AuthorStanding(enum.StrEnum):
    """What a moderator decided about an author (one at a time; ``normal`` undoes any of the others).

    ``blocked`` and ``always_hold`` hold each new item of theirs for a decision (``author_blocked`` /
    ``author_held``); ``trusted`` skips the content rules that would hold it, never the safety lane.
    """

    NORMAL = "normal"
    TRUSTED = "trusted"
    ALWAYS_HOLD = "always_hold"
    BLOCKED = "blocked"


class RejectionReason(enum.StrEnum):
    """The code an author is shown when their item is rejected; each says what to change to be published."""

    SPAM = Reason.SPAM.value
    LINKS = Reason.LINKS.value
    ABUSIVE = Reason.ABUSIVE.value
    PERSONAL_DATA = Reason.PERSONAL_DATA.value
    OFF_TOPIC = "off_topic"
    DUPLICATE = Reason.DUPLICATE.value
    OTHER = "other"


class ReportReason(enum.StrEnum):
    """Why a reader reports a review, comment or reply (the widget's list); the case's reason is ``reported``."""

    ABUSE = "abuse"
    SPAM = "spam"
    PERSONAL_DATA = "personal_data"
    OFF_TOPIC = "off_topic"
    ILLEGAL = "illegal"
    OTHER = "other"


class ReportOutcome(enum.StrEnum):
    """What a report came to once a moderator closed the case (the reporter is told)."""

    REMOVED = "removed"
    KEPT = "kept"


class ItemKind(enum.StrEnum):
    REVIEW = "review"
    COMMENT = "comment"
    # A post found outside the site (a followed feed, an imported forum): scored and cased like a comment, shown in
    # the console with a link out, never in the widget or any public listing (``services.external``).
    EXTERNAL = "external"


class ItemStatus(enum.StrEnum):
    """An item's visibility. ``removed`` is the stored word for what the agreed names call ``rejected``."""

    PUBLISHED = "published"
    HELD = "held"
    REMOVED = "removed"
    # Taken down by its author through the signed link of a mail (services.authoring).
    WITHDRAWN = "withdrawn"


# Items that are gone from public view for good: never scored, never answered, never a parent of a new comment.
GONE_STATUSES: tuple[str, ...] = (ItemStatus.REMOVED.value, ItemStatus.WITHDRAWN.value)


class CaseState(enum.StrEnum):
    """``resolved`` also covers a case "answered elsewhere" (an external post answered where it was written): its
    link is in the audit log and the ``external_posts`` row."""

    OPEN = "open"
    CLAIMED = "claimed"
    ANSWERED = "answered"
    RESOLVED = "resolved"
    DISMISSED = "dismissed"
    ESCALATED = "escalated"


# States in which a case still waits for a moderator.
ACTIVE_CASE_STATES: tuple[str, ...] = (CaseState.OPEN.value, CaseState.CLAIMED.value, CaseState.ESCALATED.value)


class OutboxState(enum.StrEnum):
    """Where a mail to an author stands (``outbox`` table, services.mail)."""

    # Written before the address is confirmed: sent once the author confirms, never otherwise.
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    PENDING = "pending"
    SENT = "sent"
    # The author unsubscribed before it went out.
    CANCELLED = "cancelled"
