"""ORM tables, one module per area; everything is importable from here (``from moderation.models import Item``).

Timestamps are naive UTC everywhere (``utcnow``): SQLite keeps no time zone, and one convention on both
databases keeps comparisons honest. The API writes them out with a ``Z``.
"""

from __future__ import annotations

# The reason and state words live in one module; imported here so older imports
# (``from moderation.models import CaseState``) keep working.
from ..vocabulary import ACTIVE_CASE_STATES as ACTIVE_CASE_STATES
from ..vocabulary import CaseState as CaseState
from ..vocabulary import ItemKind as ItemKind
from ..vocabulary import ItemStatus as ItemStatus
from ..vocabulary import OutboxState as OutboxState
from .core import (
    ApiToken,
    AuditEvent,
    Author,
    Case,
    CaseNote,
    HelpfulVote,
    IdempotencyKey,
    Item,
    Moderator,
    Reply,
    Role,
    Score,
    Site,
    Subject,
    SubjectMode,
    utcnow,
)
from .external import ExternalPost, Feed
from .feedback import AnswerVote, Report
from .invitations import Invitation
from .mail import OutboxMessage
from .products import HealthState, ProductHealth, SubjectInsights
from .rescoring import ModelVersion, RescoreChunk, RescoreRun, RescoreRunState
from .revisions import ItemRevision, ReplyRevision
from .search import SEARCHED as SEARCHED  # importing it registers the search_text listeners
from .training import ACTIVE_TRAINING_STATES, TrainingRun, TrainingRunState
from .webhooks import WebhookDelivery, WebhookEndpoint

__all__ = [
    "ACTIVE_CASE_STATES",
    "ACTIVE_TRAINING_STATES",
    "AnswerVote",
    "ApiToken",
    "AuditEvent",
    "Author",
    "Case",
    "CaseNote",
    "CaseState",
    "ExternalPost",
    "Feed",
    "HealthState",
    "HelpfulVote",
    "IdempotencyKey",
    "Invitation",
    "Item",
    "ItemKind",
    "ItemRevision",
    "ItemStatus",
    "ModelVersion",
    "OutboxMessage",
    "OutboxState",
    "Moderator",
    "ProductHealth",
    "Reply",
    "Report",
    "ReplyRevision",
    "RescoreChunk",
    "RescoreRun",
    "RescoreRunState",
    "Role",
    "Score",
    "Site",
    "Subject",
    "SubjectInsights",
    "SubjectMode",
    "TrainingRun",
    "TrainingRunState",
    "WebhookDelivery",
    "WebhookEndpoint",
    "utcnow",
]
