"""The platform's core tables: sites, subjects, authors, items and their scores, moderators, cases, replies,
tokens, the audit log, notes and votes."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from flask_login import UserMixin
from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import db
from ..vocabulary import AuthorStanding, CaseState, ItemStatus


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Role(enum.StrEnum):
    MODERATOR = "moderator"
    ADMIN = "admin"


class SubjectMode(enum.StrEnum):
    """How a site's subjects come to exist: ``open``, on the first post to a new id; ``catalogue``, only by an
    admin (console, ``moderation subject add``, import): the public API answers 404 for any other id."""

    OPEN = "open"
    CATALOGUE = "catalogue"


class Site(db.Model):
    __tablename__ = "sites"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    allowed_origins: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The site's own rules: ``[{"pattern": "arnaque*", "action": "hold"|"flag"|"log"}]`` (services.site_rules).
    word_list: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    # Policy overrides (thresholds); absent keys fall back to services.policy.DEFAULT_POLICY.
    policy: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reply_templates: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    sla_low_rating_hours: Mapped[int] = mapped_column(Integer, default=24)
    sla_default_hours: Mapped[int] = mapped_column(Integer, default=72)
    active_model_version: Mapped[str | None] = mapped_column(String(200))
    # The site's own hostility head (``classifier.hostility``: adapted to its moderators' decisions by ``moderation
    # model train-hostility --site S --activate``), read by every worker for this site's items instead of the bundled
    # one; its version (content hash) is what a worker checks on each batch. Deferred: only workers read the weights.
    hostility_head: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    hostility_head_version: Mapped[str | None] = mapped_column(String(64))
    subjects: Mapped[str] = mapped_column(String(16), default=SubjectMode.OPEN.value, server_default="open")
    # The brand's voice signing replies ("L'équipe Décathlon"; empty: the site's name), + the moderator's first name.
    brand_name: Mapped[str | None] = mapped_column(String(200))
    sign_with_first_name: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # Mail language when an item has none; template overrides ``{"<kind>.<lang>": {"subject", "body"}}``.
    default_lang: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    mail_templates: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The product-health rule (services.health): a product with at least health_min_reviews reviews in the last
    # health_window_days averaging under health_max_average stars goes on watch.
    health_window_days: Mapped[int] = mapped_column(Integer, default=365, server_default="365")
    health_min_reviews: Mapped[int] = mapped_column(Integer, default=25, server_default="25")
    health_max_average: Mapped[float] = mapped_column(Float, default=3.0, server_default="3.0")
    # When the monthly check last ran for this site (at most one per HEALTH_CHECK_EVERY_DAYS).
    health_checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Whether the widget shows how the brand answers negative reviews (services.listing).
    public_responsiveness: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # Whether any review is rewarded (a gift, a draw, loyalty points): told on the public charter (L111-7-2).
    rewards_reviews: Mapped[bool] = mapped_column(Boolean, default=False, server_default="false")
    # Retention (services.retention), in days; None keeps for ever. The last purge's time and counts.
    retain_reviews_days: Mapped[int | None] = mapped_column(Integer)
    retain_emails_days: Mapped[int | None] = mapped_column(Integer)
    retain_rejected_days: Mapped[int | None] = mapped_column(Integer)
    retention_ran_at: Mapped[datetime | None] = mapped_column(DateTime)
    retention_counts: Mapped[dict[str, int] | None] = mapped_column(JSON)


class Subject(db.Model):
    __tablename__ = "subjects"
    __table_args__ = (UniqueConstraint("site_id", "external_id", name="uq_subjects_site_external"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    external_id: Mapped[str] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # The id and the name folded for the console's product picker (models.search keeps it current).
    search_text: Mapped[str | None] = mapped_column(Text)
    # A picture of the product (https only), shown to moderators beside its name (services.subjects).
    image_url: Mapped[str | None] = mapped_column(String(1000))

    site: Mapped[Site] = relationship()


class Author(db.Model):
    __tablename__ = "authors"
    # NULL emails never collide, so anonymous authors (one per item) coexist with the unique key.
    __table_args__ = (UniqueConstraint("site_id", "email", name="uq_authors_site_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    email: Mapped[str | None] = mapped_column(String(320))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Mail consent: ticked with a submission, confirmed by a mailed link (double opt-in), ended by unsubscribing.
    notify_requested_at: Mapped[datetime | None] = mapped_column(DateTime)
    notify_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    unsubscribed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # A moderator's decision about the author (vocabulary.AuthorStanding), applied to each new item at submit.
    standing: Mapped[str] = mapped_column(String(16), default=AuthorStanding.NORMAL.value, server_default="normal")
    # Name and e-mail folded for the console's search (models.search keeps it current, erasure included).
    search_text: Mapped[str | None] = mapped_column(Text)


class Item(db.Model):
    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("site_id", "external_id", name="uq_items_site_external"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating_range"),
        # The widget's listing: published items of a subject, newest first.
        Index("ix_items_subject_status_created", "subject_id", "status", "created_at"),
        # The scoring claim: unscored items in arrival order (partial, so it stays small).
        Index(
            "ix_items_unscored",
            "id",
            postgresql_where=text("scored_at IS NULL"),
            sqlite_where=text("scored_at IS NULL"),
        ),
        Index("ix_items_author", "author_id"),
        # The duplicate rule: the same text on a site within a window, one indexed lookup (services.submissions).
        Index("ix_items_site_fingerprint", "site_id", "fingerprint", "created_at"),
        Index("ix_items_parent", "parent_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    subject_id: Mapped[int] = mapped_column(ForeignKey("subjects.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("authors.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("items.id"))
    kind: Mapped[str] = mapped_column(String(16))
    rating: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    lang: Mapped[str | None] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default=ItemStatus.PUBLISHED.value)
    # Why a held item was held (content rules) and the reason code shown to its author when rejected.
    hold_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    rejection_reason: Mapped[str | None] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(200))
    helpful_count: Mapped[int] = mapped_column(Integer, default=0)
    # What the text says, normalised (moderation.content.fingerprint), and a keyed hash of the address it came
    # from (never the address itself): together they find the same text posted twice.
    fingerprint: Mapped[str | None] = mapped_column(String(32))
    client_key: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    scored_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Posted through a verified-buyer invitation's one-time link (services.invitations): the shop says it sold it.
    verified_purchase: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    # The last edit by its author (the earlier versions are ``item_revisions``); shown publicly as "edited".
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Title and body folded (no accents, lower case) for the console's search; models.search keeps it current.
    search_text: Mapped[str | None] = mapped_column(Text)

    site: Mapped[Site] = relationship()
    subject: Mapped[Subject] = relationship()
    author: Mapped[Author] = relationship()
    parent: Mapped[Item | None] = relationship(remote_side=[id])
    scores: Mapped[list[Score]] = relationship(back_populates="item", order_by="Score.id")
    replies: Mapped[list[Reply]] = relationship(back_populates="item", order_by="Reply.id")
    case: Mapped[Case | None] = relationship(back_populates="item", uselist=False)

    @property
    def text_for_model(self) -> str:
        return f"{self.title}. {self.body}" if self.title else self.body


class Score(db.Model):
    __tablename__ = "scores"
    # A double score is impossible, not just unlikely.
    __table_args__ = (UniqueConstraint("item_id", "model_version", name="uq_scores_item_model"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    model_version: Mapped[str] = mapped_column(String(200), index=True)
    label: Mapped[str] = mapped_column(String(16))
    negative_probability: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    item: Mapped[Item] = relationship(back_populates="scores")


moderator_sites = Table(
    "moderator_sites",
    db.Model.metadata,
    Column("moderator_id", ForeignKey("moderators.id", ondelete="CASCADE"), primary_key=True),
    Column("site_id", ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True),
)


class Moderator(UserMixin, db.Model):
    __tablename__ = "moderators"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(16), default=Role.MODERATOR.value)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Part of the session's user id (``get_id``): bumping it signs out every session of this moderator at once.
    # Bumped on logout, password, role or active changes (see ``end_sessions_on_credential_change``).
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The console language this moderator last chose, or their browser's at sign-in: mail to them as the brand's
    # staff (a product plan's owner) speaks it. None until they sign in: the site's language then.
    lang: Mapped[str | None] = mapped_column(String(8))

    sites: Mapped[list[Site]] = relationship(secondary=moderator_sites)

    def get_id(self) -> str:  # Flask-Login: what the session cookie names
        return f"{self.id}:{self.session_generation or 0}"

    def end_sessions(self) -> None:
        """Every session signed in before this call stops working at its next request."""
        self.session_generation = (self.session_generation or 0) + 1

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN.value

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)


class Case(db.Model):
    __tablename__ = "cases"
    __table_args__ = (
        # The queue: active cases of a site by priority, then due date.
        Index("ix_cases_queue", "site_id", "state", "priority", "due_at"),
        Index("ix_cases_state_due", "state", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), unique=True)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Per reason, what triggered it: stars, label and probability with model version, matched words.
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    due_at: Mapped[datetime] = mapped_column(DateTime)
    state: Mapped[str] = mapped_column(String(16), default=CaseState.OPEN.value)
    claimed_by_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id"))
    claim_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    model_version: Mapped[str | None] = mapped_column(String(200))
    # Set when a newer model no longer supports the case's model-based reasons; never closes it silently.
    stale: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    first_answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)

    item: Mapped[Item] = relationship(back_populates="case")
    site: Mapped[Site] = relationship()
    claimed_by: Mapped[Moderator | None] = relationship()


# The console's queue order (priority desc, due_at, id) over waiting cases only: closed cases, most of the table
# over time, stay out of it, and a page of 100,000 waiting cases reads 51 index entries instead of sorting them all.
Index(
    "ix_cases_waiting_order",
    Case.priority.desc(),
    Case.due_at,
    Case.id,
    postgresql_where=text("state IN ('open', 'claimed', 'escalated')"),
    sqlite_where=text("state IN ('open', 'claimed', 'escalated')"),
)


class Reply(db.Model):
    __tablename__ = "replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id"))
    moderator_id: Mapped[int] = mapped_column(ForeignKey("moderators.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Edited (shown as such) or withdrawn (hidden) after publishing; earlier texts are ``reply_revisions``.
    edited_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)

    item: Mapped[Item] = relationship(back_populates="replies")
    moderator: Mapped[Moderator] = relationship()


class ApiToken(db.Model):
    """A bearer token: a moderator's (carries that moderator's role and sites) or a site's (server submits)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    # Only a hash is stored; the token itself is shown once, at creation.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id", ondelete="CASCADE"))
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Disabled: refused like a revoked token, but an admin can enable it again (a site's integration paused).
    disabled_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The admin who created it in the console; None for the command line.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id", ondelete="SET NULL"))

    moderator: Mapped[Moderator | None] = relationship(foreign_keys=[moderator_id])
    site: Mapped[Site | None] = relationship()
    created_by: Mapped[Moderator | None] = relationship(foreign_keys=[created_by_id])


class IdempotencyKey(db.Model):
    """The item a submission with an ``Idempotency-Key`` created: a retry with the same key gets the same answer.

    In the database, committed with the item (not in Redis): a retry after a commit-time failure must find
    either both or neither, and an outage of Redis must not turn retries into duplicates.
    """

    __tablename__ = "idempotency_keys"
    __table_args__ = (
        UniqueConstraint("site_id", "key", name="uq_idempotency_keys_site_key"),
        Index("ix_idempotency_keys_created_at", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_target", "target_type", "target_id"),
        Index("ix_audit_site_at", "site_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # None for the system (worker, policy, import).
    moderator_id: Mapped[int | None] = mapped_column(ForeignKey("moderators.id"))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int] = mapped_column(Integer)
    site_id: Mapped[int | None] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    moderator: Mapped[Moderator | None] = relationship()


class CaseNote(db.Model):
    """An internal note on a case: moderators only, never public."""

    __tablename__ = "case_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    moderator_id: Mapped[int] = mapped_column(ForeignKey("moderators.id"))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    moderator: Mapped[Moderator] = relationship()


class HelpfulVote(db.Model):
    """One "helpful" vote per client per item; the client key is a hash, never a raw address."""

    __tablename__ = "helpful_votes"
    __table_args__ = (UniqueConstraint("item_id", "client_key", name="uq_helpful_votes_item_client"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    client_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def end_sessions_on_credential_change(target: Moderator, value: Any, oldvalue: Any, initiator: Any) -> None:
    """A new password, role or deactivation ends the sessions opened under the old one.

    On the model, not in each service: every path that changes them (console, CLI, API) is covered at once.
    """
    if target.id is not None and value != oldvalue:
        target.end_sessions()


for _attribute in (Moderator.password_hash, Moderator.role, Moderator.active):
    event.listen(_attribute, "set", end_sessions_on_credential_change)
