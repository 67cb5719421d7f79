"""Readers report a review, comment or brand reply (notice and action, DSA Art. 16): the item's case opens, or
reopens, with reason ``reported``; its priority rises with the number of distinct readers who reported it; a
reader who gave an e-mail hears that the report arrived and, once a moderator closes the case, what came of it.

A report never hides anything by itself: a negative review reported by its competitors stays published until a
moderator removes it for a reason its author is told (DESIGN.md, "Invariants").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Author, Case, Item, ItemStatus, OutboxState, Reply, Report, Site, utcnow
from ..vocabulary import ACTIVE_CASE_STATES, CaseState, Reason, ReportOutcome, ReportReason
from . import audit, mail, webhooks
from .errors import NotFound
from .mail.links import public_url

MAX_REPORT_CHARS = 1000
# A first report puts the case at least this far above where its other reasons put it; each further distinct
# reader adds REPORT_PRIORITY_STEP. Reports alone stay below the safety lane (policy.SAFETY_PRIORITY_FLOOR).
REPORT_PRIORITY_FIRST = 30
REPORT_PRIORITY_STEP = 10
REPORT_PRIORITY_CAP = 89
# Reasons a moderator should see as soon as abuse or personal data: due on the site's short SLA.
URGENT_REPORT_REASONS = frozenset({ReportReason.ABUSE, ReportReason.PERSONAL_DATA, ReportReason.ILLEGAL})
# Free texts kept on the case's evidence for the moderator (the full texts stay on the reports).
EVIDENCE_TEXTS = 5


class ReportMail:
    RECEIVED = "report_received"
    OUTCOME = "report_outcome"


@dataclass
class ReportResult:
    item_id: int
    reply_id: int | None
    counted: bool
    reporters: int


def report_priority(base: int, reporters: int) -> int:
    """The case's priority once ``reporters`` distinct readers reported it; ``base`` is what its other reasons
    gave it. Never lowered: ``max`` with ``base``."""
    if reporters <= 0:
        return base
    raised = base + REPORT_PRIORITY_FIRST + REPORT_PRIORITY_STEP * (reporters - 1)
    return max(base, min(REPORT_PRIORITY_CAP, raised))


def reporter_author(site: Site, email: str) -> Author:
    """The site's ``authors`` row of this address (a reader may also be an author), created without a name."""
    query = select(Author).where(Author.site_id == site.id, Author.email == email)
    author = db.session.execute(query).scalar_one_or_none()
    if author is None:
        try:
            with db.session.begin_nested():
                author = Author(site_id=site.id, name="", email=email)
                db.session.add(author)
        except IntegrityError:
            author = db.session.execute(query).scalar_one()
    return author


def report(
    site: Site,
    item_id: int,
    reporter_key: str,
    *,
    reason: str,
    text: str | None = None,
    email: str | None = None,
    lang: str = "en",
    reply_id: int | None = None,
) -> ReportResult:
    """Record a reader's report and open or update the item's case (the caller commits).

    The same reader reporting the same target again changes their reason and text, not the count; after a
    decision, it is a new report of what was decided.

    Raises:
        NotFound: the item is not a published item of this site (``item``), or the reply is not one of its
            replies (``reply_id``).
    """
    item = db.session.get(Item, item_id)
    if item is None or item.site_id != site.id or item.status != ItemStatus.PUBLISHED.value:
        raise NotFound(f"item {item_id}", field="item")
    if reply_id is not None:
        answer = db.session.get(Reply, reply_id)
        if answer is None or answer.item_id != item.id:
            raise NotFound(f"reply {reply_id} of item {item_id}", field="reply_id")
    reporter = reporter_author(site, email) if email else None
    target = Report.reply_id == reply_id if reply_id is not None else Report.reply_id.is_(None)
    mine = select(Report).where(Report.item_id == item.id, target, Report.reporter_key == reporter_key)
    row = db.session.execute(mine).scalar_one_or_none()
    counted = row is None or row.outcome is not None
    if row is None:
        try:
            with db.session.begin_nested():
                row = Report(
                    site_id=site.id,
                    item_id=item.id,
                    reply_id=reply_id,
                    reporter_key=reporter_key,
                    reason=reason,
                    text=text,
                    lang=lang,
                    reporter_id=reporter.id if reporter else None,
                )
                db.session.add(row)
        except IntegrityError:  # the same reader's concurrent report won: this one updates it
            row = db.session.execute(mine).scalar_one()
            counted = False
    if not counted or row.outcome is not None:
        row.reason, row.text, row.lang = reason, text, lang
        row.reporter_id = reporter.id if reporter else row.reporter_id
        if row.outcome is not None:
            row.outcome, row.decided_at, row.created_at = None, None, utcnow()
    db.session.flush()
    reporters = waiting_reporters(item.id)
    if counted:
        open_or_raise_case(site, item, row, reporters)
        if reporter is not None and reporter.unsubscribed_at is None:
            mail.write_message(
                reporter,
                item,
                ReportMail.RECEIVED,
                OutboxState.PENDING,
                lang=lang,
                reason=reason,
                reason_label=reason_label(reason, lang),
                reply_id=reply_id,
                charter_url=charter_url(site, lang),
            )
    return ReportResult(item.id, reply_id, counted, reporters)


def waiting_reporters(item_id: int) -> int:
    """Distinct readers whose report of the item (or of a reply under it) waits for a decision."""
    return db.session.execute(
        select(func.count(func.distinct(Report.reporter_key))).where(
            Report.item_id == item_id, Report.outcome.is_(None)
        )
    ).scalar_one()


def evidence_for(item_id: int, reporters: int, base_priority: int) -> dict:
    """What the moderator sees under "Why it is here": how many readers, for which reasons, their last words."""
    waiting = list(
        db.session.execute(
            select(Report).where(Report.item_id == item_id, Report.outcome.is_(None)).order_by(Report.id.desc())
        ).scalars()
    )
    reasons: dict[str, int] = {}
    for r in waiting:
        reasons[r.reason] = reasons.get(r.reason, 0) + 1
    return {
        "reporters": reporters,
        "reasons": reasons,
        "texts": [r.text[:300] for r in waiting if r.text][:EVIDENCE_TEXTS],
        "replies": sorted({r.reply_id for r in waiting if r.reply_id is not None}),
        "base_priority": base_priority,
    }


def open_or_raise_case(site: Site, item: Item, row: Report, reporters: int) -> Case:
    now = utcnow()
    hours = site.sla_low_rating_hours if row.reason in URGENT_REPORT_REASONS else site.sla_default_hours
    due = now + timedelta(hours=hours)
    case = db.session.execute(select(Case).where(Case.item_id == item.id)).scalar_one_or_none()
    if case is None:
        try:
            with db.session.begin_nested():
                case = Case(
                    site_id=site.id,
                    item_id=item.id,
                    reasons=[Reason.REPORTED.value],
                    evidence={Reason.REPORTED.value: evidence_for(item.id, reporters, 0)},
                    priority=report_priority(0, reporters),
                    due_at=due,
                    state=CaseState.OPEN.value,
                )
                db.session.add(case)
            audit.record(
                "case.opened",
                "case",
                case.id,
                site_id=site.id,
                after={"reasons": list(case.reasons), "priority": case.priority, "reporters": reporters},
            )
            webhooks.emit(site.id, "case.opened", webhooks.case_data(case))
            return case
        except IntegrityError:  # scoring or another report opened it meanwhile: update that one
            case = db.session.execute(select(Case).where(Case.item_id == item.id)).scalar_one()
    before = {"state": case.state, "reasons": list(case.reasons or []), "priority": case.priority}
    earlier = (case.evidence or {}).get(Reason.REPORTED.value)
    active = case.state in ACTIVE_CASE_STATES
    # The priority the case had before readers reported it: kept while reports wait, taken anew after a decision.
    base = earlier["base_priority"] if active and isinstance(earlier, dict) and "reasons" in earlier else case.priority
    case.reasons = list(dict.fromkeys([*(case.reasons or []), Reason.REPORTED.value]))
    case.evidence = {**(case.evidence or {}), Reason.REPORTED.value: evidence_for(item.id, reporters, base)}
    case.priority = max(case.priority if active else base, report_priority(base, reporters))
    if active:
        case.due_at = min(case.due_at, due)
    else:
        case.state = CaseState.OPEN.value
        case.claimed_by_id = None
        case.claim_expires_at = None
        case.closed_at = None
        case.due_at = due
    after = {"state": case.state, "reasons": list(case.reasons), "priority": case.priority, "reporters": reporters}
    audit.record("case.reported", "case", case.id, site_id=site.id, before=before, after=after)
    return case


def conclude(case: Case) -> int:
    """The case closed: every report waiting on its item gets its outcome, and readers who gave an address hear
    it. Called by ``services.cases`` wherever a case closes (the caller commits).

    Returns:
        How many reports were decided.
    """
    item = case.item
    waiting = list(
        db.session.execute(select(Report).where(Report.item_id == item.id, Report.outcome.is_(None))).scalars()
    )
    removed = item.status == ItemStatus.REMOVED.value
    now = utcnow()
    for row in waiting:
        row.outcome = (ReportOutcome.REMOVED if removed else ReportOutcome.KEPT).value
        row.decided_at = now
        reader = row.reporter
        if reader is not None and reader.email and reader.unsubscribed_at is None:
            mail.write_message(
                reader,
                item,
                ReportMail.OUTCOME,
                OutboxState.PENDING,
                lang=row.lang,
                decision=True,  # waits out the undo window; an undo withdraws it (``reopen``)
                reason=row.reason,
                reason_label=reason_label(row.reason, row.lang),
                removed=removed,
                reply_id=row.reply_id,
                charter_url=charter_url(item.site, row.lang),
            )
    return len(waiting)


def reopen(item_id: int, since: datetime) -> int:
    """The action that concluded the reports on ``item_id`` at ``since`` was undone: they wait for a decision again,
    the caller withdraws their outcome mails (``mail.withdraw_decision_mails``) and commits. Returns how many."""
    rows = list(
        db.session.execute(
            select(Report).where(Report.item_id == item_id, Report.outcome.is_not(None), Report.decided_at >= since)
        ).scalars()
    )
    for row in rows:
        row.outcome, row.decided_at = None, None
    return len(rows)


REASON_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "abuse": "insults, harassment or hate",
        "spam": "advertising or spam",
        "personal_data": "personal data",
        "off_topic": "off topic",
        "illegal": "illegal content",
        "other": "another reason",
    },
    "fr": {
        "abuse": "insultes, harcèlement ou haine",
        "spam": "publicité ou spam",
        "personal_data": "données personnelles",
        "off_topic": "hors sujet",
        "illegal": "contenu illicite",
        "other": "autre raison",
    },
}


def charter_url(site: Site, lang: str) -> str:
    return public_url(f"/sites/{site.slug}/charter?lang={lang}")


def reason_label(reason: str, lang: str) -> str:
    labels = REASON_LABELS.get(lang, REASON_LABELS["en"])
    return labels.get(reason, reason)
