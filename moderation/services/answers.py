""" "Was this answer helpful?": one vote per reader per brand reply, yes or no, changed or withdrawn at will; and
the answer-satisfaction figures the dashboard shows beside the share of negative reviews answered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, func, select
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import AnswerVote, Item, ItemStatus, Moderator, Reply, Site, Subject, utcnow
from .errors import NotFound


@dataclass
class AnswerVoteResult:
    reply_id: int
    helpful: int
    not_helpful: int
    vote: bool | None


def public_reply(site: Site, reply_id: int) -> Reply:
    """A brand reply under a published item of this site.

    Raises:
        NotFound: (``reply``) unknown, of another site, or under an item that is not public.
    """
    answer = db.session.get(Reply, reply_id)
    item = answer.item if answer is not None else None
    if item is None or item.site_id != site.id or item.status != ItemStatus.PUBLISHED.value:
        raise NotFound(f"reply {reply_id}", field="reply")
    return answer


def tally(reply_id: int, key: str) -> AnswerVoteResult:
    yes, no = db.session.execute(
        select(
            func.coalesce(func.sum(case((AnswerVote.helpful.is_(True), 1), else_=0)), 0),
            func.coalesce(func.sum(case((AnswerVote.helpful.is_(False), 1), else_=0)), 0),
        ).where(AnswerVote.reply_id == reply_id)
    ).one()
    mine = db.session.execute(
        select(AnswerVote.helpful).where(AnswerVote.reply_id == reply_id, AnswerVote.client_key == key)
    ).scalar_one_or_none()
    return AnswerVoteResult(reply_id, int(yes), int(no), mine)


def vote(site: Site, reply_id: int, key: str, helpful: bool) -> AnswerVoteResult:
    """Record or change this reader's vote on a brand reply (the caller commits).

    Raises:
        NotFound: see ``public_reply``.
    """
    answer = public_reply(site, reply_id)
    row = db.session.execute(
        select(AnswerVote).where(AnswerVote.reply_id == answer.id, AnswerVote.client_key == key)
    ).scalar_one_or_none()
    if row is None:
        try:
            # The unique key decides between two concurrent first votes of one reader.
            with db.session.begin_nested():
                db.session.add(AnswerVote(reply_id=answer.id, client_key=key, helpful=helpful))
        except IntegrityError:
            row = db.session.execute(
                select(AnswerVote).where(AnswerVote.reply_id == answer.id, AnswerVote.client_key == key)
            ).scalar_one()
    if row is not None and row.helpful != helpful:
        row.helpful = helpful
        row.updated_at = utcnow()
    db.session.flush()
    return tally(answer.id, key)


def withdraw(site: Site, reply_id: int, key: str) -> AnswerVoteResult:
    """Take this reader's vote back; withdrawing a vote never cast changes nothing (the caller commits)."""
    answer = public_reply(site, reply_id)
    db.session.execute(delete(AnswerVote).where(AnswerVote.reply_id == answer.id, AnswerVote.client_key == key))
    return tally(answer.id, key)


# -- the dashboard's figures ------------------------------------------------------------------------------------


@dataclass
class Satisfaction:
    """Readers' votes on brand replies: ``share`` is helpful / all votes (None without votes)."""

    label: str
    helpful: int
    votes: int
    replies: int
    subject_id: int | None = None

    @property
    def share(self) -> float | None:
        return self.helpful / self.votes if self.votes else None


def _votes_query(site_id: int, since: datetime | None):
    helpful = func.coalesce(func.sum(case((AnswerVote.helpful.is_(True), 1), else_=0)), 0)
    query = (
        select(helpful, func.count(AnswerVote.id), func.count(func.distinct(Reply.id)))
        .select_from(AnswerVote)
        .join(Reply, Reply.id == AnswerVote.reply_id)
        .join(Item, Item.id == Reply.item_id)
        .where(Item.site_id == site_id, Item.status != ItemStatus.REMOVED.value)
    )
    return query.where(Reply.created_at >= since) if since is not None else query


def site_satisfaction(site_id: int, subject_id: int | None = None, window_days: int | None = None) -> Satisfaction:
    """Answer satisfaction of a whole site, or of one product (``subject_id``)."""
    since = utcnow() - timedelta(days=window_days) if window_days else None
    query = _votes_query(site_id, since)
    if subject_id is not None:
        query = query.where(Item.subject_id == subject_id)
    helpful, votes, replies = db.session.execute(query).one()
    return Satisfaction("", int(helpful), int(votes), int(replies), subject_id)


def satisfaction_by_product(site_id: int, window_days: int | None = None) -> list[Satisfaction]:
    """Per product with voted replies, most votes first."""
    since = utcnow() - timedelta(days=window_days) if window_days else None
    query = (
        _votes_query(site_id, since)
        .add_columns(Subject.id, Subject.title, Subject.external_id)
        .join(Subject, Subject.id == Item.subject_id)
        .group_by(Subject.id, Subject.title, Subject.external_id)
    )
    rows = [
        Satisfaction(title or external_id, int(helpful), int(votes), int(replies), subject_id)
        for helpful, votes, replies, subject_id, title, external_id in db.session.execute(query)
    ]
    return sorted(rows, key=lambda s: (-s.votes, s.label))


def satisfaction_by_team(site_id: int, window_days: int | None = None) -> list[Satisfaction]:
    """Per moderator who signed the replies (the platform has no team table: each moderator is a row, and the
    site's total is the brand team's figure), most votes first."""
    since = utcnow() - timedelta(days=window_days) if window_days else None
    query = (
        _votes_query(site_id, since)
        .add_columns(Moderator.name)
        .join(Moderator, Moderator.id == Reply.moderator_id)
        .group_by(Moderator.id, Moderator.name)
    )
    rows = [
        Satisfaction(name, int(helpful), int(votes), int(replies))
        for helpful, votes, replies, name in db.session.execute(query)
    ]
    return sorted(rows, key=lambda s: (-s.votes, s.label))
