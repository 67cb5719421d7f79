"""The console's queue: the cases query of ``services.cases`` with the console's filters and keyset pages.

Pages are keyset pages on the queue order (priority desc, due_at asc, id asc), so page 400 of 100,000 open
cases costs what page 1 costs; the cursor is the sort key of the last row shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..folding import fold
from ..models import Case, Item, Moderator, utcnow
from ..vocabulary import ACTIVE_CASE_STATES, CONTENT_REASONS, REPLY_REASONS, CaseState, Reason
from . import access, search
from . import cases as case_service

# "open" (the default) is what is waiting for this moderator: nobody holds it, or they hold it themselves, so a case
# they claimed stays in their list and j/k can come back to it. "unassigned" is nobody's; "mine" is their own claims.
STATE_FILTERS = (
    "open",
    "unassigned",
    "mine",
    "active",
    "claimed",
    "answered",
    "resolved",
    "dismissed",
    "escalated",
)
# The reasons a moderator can filter by: those that open cases today, the safety lane first, then what readers and
# the hostility reader raise on published items.
REASONS = tuple(
    dict.fromkeys((Reason.SAFETY, *REPLY_REASONS, *CONTENT_REASONS, Reason.REPORTED, Reason.SUSPECTED_ABUSE))
)
PER_PAGE = 50
# Counting every match of a wide filter costs a scan of all waiting cases; beyond this the page says "1,000+".
COUNT_CAP = 1000


@dataclass
class QueueFilters:
    """What the moderator filters the queue by; every field optional, ``state`` defaults to waiting cases."""

    site_id: int | None = None
    subject: str | None = None
    reason: str | None = None
    lang: str | None = None
    rating: int | None = None
    state: str = "open"
    q: str | None = None

    @classmethod
    def from_args(cls, args: Any, site_ids: dict[str, int]) -> QueueFilters:
        """Parse query-string arguments; unknown or malformed values are ignored, never an error page."""
        rating = args.get("rating", "")
        state = args.get("state") or "open"
        reason = args.get("reason") or None
        return cls(
            site_id=site_ids.get(args.get("site", "")),
            subject=(args.get("subject") or "").strip()[:200] or None,
            reason=reason if reason in REASONS else None,
            lang=(args.get("lang") or "").strip().lower()[:16] or None,
            rating=int(rating) if rating in ("1", "2", "3", "4", "5") else None,
            state=state if state in STATE_FILTERS else "open",
            q=(args.get("q") or "").strip()[:200] or None,
        )

    def as_args(self, site_slugs: dict[int, str]) -> dict[str, str]:
        """The query-string form, for links and for the hidden fields of a bulk action."""
        out = {
            "site": site_slugs.get(self.site_id, "") if self.site_id else "",
            "subject": self.subject or "",
            "reason": self.reason or "",
            "lang": self.lang or "",
            "rating": str(self.rating) if self.rating else "",
            # the default view stays out of links, so the plain queue's URLs stay plain
            "state": self.state if self.state != "open" else "",
            "q": self.q or "",
        }
        return {k: v for k, v in out.items() if v}


@dataclass
class QueuePage:
    cases: list[Case]
    total: int
    next_cursor: str | None
    total_capped: bool = False
    filters: QueueFilters = field(default_factory=QueueFilters)


def filtered_query(moderator: Moderator, filters: QueueFilters) -> Select:
    """Cases the moderator may see that match the filters, in queue order."""
    state = filters.state
    query = case_service.queue_query(
        moderator,
        state={"open": None, "mine": None, "unassigned": "open"}.get(state, state),
        site_id=filters.site_id,
        reason=filters.reason,
    )
    site_ids = [filters.site_id] if filters.site_id else access.visible_site_ids(moderator)
    if state in ("open", "unassigned", "active", "mine"):
        # Implied by the state filters already, but spelled out so the planner can use the partial index
        # ix_cases_waiting_order (PostgreSQL and SQLite only prove a partial index from a literal match).
        query = query.where(Case.state.in_(ACTIVE_CASE_STATES))
    if state == "open":
        query = query.where(
            or_(
                Case.state.in_([CaseState.OPEN.value, CaseState.ESCALATED.value]),
                Case.claim_expires_at <= utcnow(),
                Case.claimed_by_id == moderator.id,
            )
        )
    if state == "mine":
        query = query.where(
            Case.state == CaseState.CLAIMED.value,
            Case.claimed_by_id == moderator.id,
            Case.claim_expires_at > utcnow(),
        )
    if filters.lang:
        query = query.where(or_(Item.lang == filters.lang, Item.lang.like(filters.lang + "-%")))
    if filters.rating:
        query = query.where(Item.rating == filters.rating)
    if filters.subject:
        query = query.where(Item.subject_id.in_(search.subject_ids(filters.subject, site_ids)))
    if filters.q:
        query = query.where(text_match(filters.q, site_ids))
    return query


def text_match(words: str, site_ids: list[int] | None = None):
    """Items whose title or text, or whose author's name or e-mail, contains ``words`` — accents and case aside
    (``services.search``). ``%`` and ``_`` in the words are literal; words that fold to nothing match nothing."""
    return search.item_match(words, site_ids) if fold(words) else false()


def encode_cursor(case: Case) -> str:
    return f"{case.priority}_{case.due_at.isoformat()}_{case.id}"


def decode_cursor(cursor: str | None) -> tuple[int, datetime, int] | None:
    if not cursor:
        return None
    try:
        priority, due_at, case_id = cursor.split("_")
        return int(priority), datetime.fromisoformat(due_at), int(case_id)
    except ValueError:
        return None


def after(key: tuple[int, datetime, int]):
    """Rows after ``key`` in queue order (priority desc, due_at asc, id asc)."""
    priority, due_at, case_id = key
    # The leading bound lets the index range-scan from the cursor instead of filtering from the top.
    return and_(
        Case.priority <= priority,
        or_(
            Case.priority < priority,
            and_(Case.priority == priority, or_(Case.due_at > due_at, and_(Case.due_at == due_at, Case.id > case_id))),
        ),
    )


def before(key: tuple[int, datetime, int]):
    priority, due_at, case_id = key
    return and_(
        Case.priority >= priority,
        or_(
            Case.priority > priority,
            and_(Case.priority == priority, or_(Case.due_at < due_at, and_(Case.due_at == due_at, Case.id < case_id))),
        ),
    )


def count(query: Select, cap: int | None = None) -> int:
    """How many rows ``query`` matches, counting at most ``cap + 1`` (so callers can say "more than cap")."""
    inner = query.order_by(None).with_only_columns(Case.id)
    if cap is not None:
        inner = inner.limit(cap + 1)
    return db.session.execute(select(func.count()).select_from(inner.subquery())).scalar_one()


def narrow(filters: QueueFilters) -> bool:
    """Whether the filters may match only a few cases through their own indexes (a search, a product)."""
    return bool(filters.q or filters.subject)


def sorted_not_walked(query: Select) -> Select:
    """``query`` in queue order by an expression no index serves, so that PostgreSQL fetches the few matches
    through the filter's own indexes (trigram, subject) and sorts them. Left to itself, with a LIMIT it walks the
    queue index from the top and filters each row: 0.5 s at 100,000 cases for 600 matches of one product name."""
    return query.order_by(None).order_by((Case.priority + 0).desc(), Case.due_at.asc(), Case.id.asc())


def page(moderator: Moderator, filters: QueueFilters, cursor: str | None = None, per_page: int = PER_PAGE) -> QueuePage:
    """One keyset page of the queue, with the total the filters match."""
    query = filtered_query(moderator, filters)
    total = count(query, COUNT_CAP)
    if total <= COUNT_CAP:
        query = sorted_not_walked(query)
    key = decode_cursor(cursor)
    if key is not None:
        query = query.where(after(key))
    # The page's ids first, then their rows with what the table shows: joined for 51 cases, not for every match
    # the database sorts on the way (600 for a product name, a third of the queue for a common word).
    ids = list(db.session.execute(query.with_only_columns(Case.id).limit(per_page + 1)).scalars())
    loaded = db.session.execute(
        select(Case)
        .where(Case.id.in_(ids))
        .options(
            joinedload(Case.item).joinedload(Item.subject),
            joinedload(Case.item).joinedload(Item.author),
            joinedload(Case.claimed_by),
            joinedload(Case.site),
        )
    )
    by_id = {case.id: case for case in loaded.unique().scalars()}
    rows = [by_id[i] for i in ids if i in by_id]
    next_cursor = encode_cursor(rows[per_page - 1]) if len(rows) > per_page else None
    return QueuePage(
        cases=rows[:per_page],
        total=min(total, COUNT_CAP),
        next_cursor=next_cursor,
        total_capped=total > COUNT_CAP,
        filters=filters,
    )


def neighbours(moderator: Moderator, case: Case, filters: QueueFilters | None = None) -> tuple[int | None, int | None]:
    """The ids of the cases just before and after ``case`` in the moderator's queue view (for j/k).

    ``case`` need not match ``filters`` any more (closed a moment ago): its sort key still places it in the order.
    """
    key = (case.priority, case.due_at, case.id)
    filters = filters or QueueFilters()
    base = filtered_query(moderator, filters)
    few = narrow(filters) and count(base, COUNT_CAP) <= COUNT_CAP
    forward = sorted_not_walked(base) if few else base
    following = db.session.execute(forward.where(after(key)).with_only_columns(Case.id).limit(1)).scalar()
    backward = (Case.priority + 0).asc() if few else Case.priority.asc()
    previous = db.session.execute(
        base.where(before(key))
        .with_only_columns(Case.id)
        .order_by(None)
        .order_by(backward, Case.due_at.desc(), Case.id.desc())
        .limit(1)
    ).scalar()
    return previous, following


def top_case_id(moderator: Moderator, filters: QueueFilters | None = None) -> int | None:
    """The first case of the moderator's queue view (the default view: the most urgent waiting case)."""
    query = filtered_query(moderator, filters or QueueFilters())
    return db.session.execute(query.with_only_columns(Case.id).limit(1)).scalar()
