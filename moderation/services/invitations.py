"""Verified-buyer invitations: a shop invites every buyer of an order to review what they bought.

``invite`` stores one row per order and product (the same pair again changes nothing) in the caller's
transaction; once ``send_after`` has come, one mail per order goes to the outbox (``services.mail``, sent after the
commit through the ``mail`` queue) with a signed one-time link per product. Invitations due later are mailed by
the mail worker's sweep (``send_due``). A review posted through a link (``post_review``) is an ordinary
submission — the same checks, content rules and cases — marked ``verified_purchase``, and the link is spent in
the same transaction. Nothing here looks at what a customer thinks: every buyer is invited, and every review is
published or held by the same rules whatever its stars.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import Invitation, Item, OutboxState, Site, SubjectMode, utcnow
from ..schemas.invitations import InvitationRequest
from . import audit, mail
from .errors import NotFound, ServiceError
from .mail.links import link, unsign
from .submissions import create_item, find_subject, get_or_create_subject, parse_submission
from .submitters import get_or_create_author

LINK_PURPOSE = "review"


def invite(site: Site, request: InvitationRequest) -> list[tuple[Invitation, bool]]:
    """Invite the order's customer to review each product; the caller commits. Due invitations are mailed now.

    Returns:
        Per product, its invitation and whether it is new (False: invited before, left as it was).

    Raises:
        ServiceError: 404 naming ``subjects`` when a site with a catalogue has not declared a product.
    """
    if site.subjects == SubjectMode.CATALOGUE:
        for external_id in request.subjects:
            if find_subject(site, external_id) is None:
                raise ServiceError("not_found", f"no subject {external_id!r} on this site", "subjects", 404)
    now = utcnow()
    send_after = request.send_after or now  # naive UTC already (schemas.invitations.naive_utc)
    lang = request.lang or (site.default_lang if site.default_lang in mail.LANGS else "en")
    author = get_or_create_author(site, request.customer.name, request.customer.email)
    db.session.flush()
    results = []
    for external_id in request.subjects:
        subject = get_or_create_subject(site, external_id)
        db.session.flush()
        invitation = existing(site, request.order_reference, subject.id)
        if invitation is not None:
            results.append((invitation, False))
            continue
        invitation = Invitation(
            site_id=site.id,
            subject=subject,
            author=author,
            order_reference=request.order_reference,
            lang=lang,
            send_after=send_after,
            created_at=now,
        )
        try:
            with db.session.begin_nested():
                db.session.add(invitation)
        except IntegrityError:  # the same order and product, invited by a concurrent request
            invitation = existing(site, request.order_reference, subject.id)
            assert invitation is not None
            results.append((invitation, False))
            continue
        results.append((invitation, True))
    created = [i for i, new in results if new]
    if created:
        audit.record("invitations.created", "invitation", created[0].id, site_id=site.id,
                     after={"order_reference": request.order_reference, "invitations": [i.id for i in created],
                            "send_after": send_after.isoformat()})  # fmt: skip
    mail_invitations([i for i in created if i.send_after <= now])
    return results


def existing(site: Site, order_reference: str, subject_id: int) -> Invitation | None:
    return db.session.execute(
        select(Invitation).where(
            Invitation.site_id == site.id,
            Invitation.order_reference == order_reference,
            Invitation.subject_id == subject_id,
        )
    ).scalar_one_or_none()


def status(invitation: Invitation) -> str:
    if invitation.used_at is not None:
        return "used"
    if invitation.outbox_id is not None:
        return "mailed"
    return "suppressed" if invitation.mailed_at is not None else "scheduled"


def mail_invitations(invitations: Iterable[Invitation]) -> int:
    """One mail per order and customer, a link per product; none to an address that unsubscribed. Returns how
    many mails were written (the caller commits; they are enqueued after the commit)."""
    orders: dict[tuple[int, str, str], list[Invitation]] = {}
    for invitation in invitations:
        orders.setdefault((invitation.author_id, invitation.order_reference, invitation.lang), []).append(invitation)
    written = 0
    now = utcnow()
    for (_author, order_reference, lang), group in orders.items():
        author = group[0].author
        message = None
        if author.unsubscribed_at is None and author.email:
            products = [
                {"title": i.subject.title or i.subject.external_id, "url": link(LINK_PURPOSE, i.id, lang)}
                for i in group
            ]
            message = mail.write_message(author, None, mail.MailKind.INVITE, OutboxState.PENDING, lang=lang,
                                         order_reference=order_reference, products=products)  # fmt: skip
            written += 1
        for invitation in group:
            invitation.mailed_at = now
            invitation.outbox_id = message.id if message is not None else None
    db.session.flush()
    return written


def send_due(limit: int | None = None) -> int:
    """Mail the invitations whose ``send_after`` has come (the mail worker's sweep); the caller commits.

    Rows are locked and skipped by a concurrent sweep, so two workers never mail the same invitation.
    """
    limit = limit or current_app.config["INVITATION_SWEEP_LIMIT"]
    due = db.session.execute(
        select(Invitation)
        .where(Invitation.mailed_at.is_(None), Invitation.send_after <= utcnow())
        .order_by(Invitation.send_after, Invitation.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).scalars()
    return mail_invitations(list(due))


def link_used() -> ServiceError:
    return ServiceError("link_used", "this link was used already: the review is posted", "token", 410)


def open_invitation(token: str) -> Invitation:
    """The invitation a mailed link names, while unused.

    Raises:
        ServiceError: 400 ``invalid_link`` (not signed here, or expired), 410 ``link_used``; NotFound when gone.
    """
    max_age = current_app.config["INVITATION_LINK_MAX_AGE_DAYS"] * 24 * 3600
    invitation = db.session.get(Invitation, unsign(LINK_PURPOSE, token, max_age))
    if invitation is None:
        raise NotFound("invitation", field="token")
    if invitation.used_at is not None:
        raise link_used()
    return invitation


def post_review(token: str, fields: dict[str, Any]) -> Item:
    """Post the invited customer's review through their link, once; the caller commits.

    Args:
        fields: ``rating``, ``title``, ``body`` and ``name`` as the customer typed them.

    Raises:
        ServiceError: as :func:`open_invitation`; 422 naming the field, as the submit API would (the link stays
        unused then).
    """
    invitation = open_invitation(token)
    submission = parse_submission(
        {
            "kind": "review",
            "rating": fields.get("rating"),
            "title": fields.get("title") or None,
            "body": fields.get("body") or "",
            "author": {"name": fields.get("name") or invitation.author.name, "email": invitation.author.email},
            "lang": invitation.lang,
        },
        current_app.config,
    )
    # Spent in one UPDATE: of two posts racing with the same link, one finds it used.
    spent = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session="fetch")
    ).rowcount
    if not spent:
        raise link_used()
    # The one submit path every review takes (content rules, cases, webhooks), then the mark.
    item = create_item(invitation.site, invitation.subject.external_id, submission)
    item.verified_purchase = True
    invitation.item = item
    db.session.flush()
    audit.record("invitation.used", "invitation", invitation.id, site_id=invitation.site_id,
                 after={"item_id": item.id, "verified_purchase": True})  # fmt: skip
    return item
