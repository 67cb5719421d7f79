"""Moderator endpoints (bearer token): items with their scores, and the case queue and its actions."""

from __future__ import annotations

from collections.abc import Callable

from flask import Response

from ..extensions import db
from ..models import Case, ExternalPost, Item, ItemKind, Moderator
from ..schemas import cases as shapes
from ..schemas.validation import validate
from ..services import access, external
from ..services import cases as case_service
from ..services.accounts import get_site
from ..services.errors import ServiceError
from ..services.listing import iso
from .auth import current_moderator, token_required
from .blueprint import bp
from .http import optional_json, respond
from .openapi import operation


def case_json(case: Case, with_item: bool = True) -> dict:
    live = case_service.claim_is_live(case)
    out = {
        "id": case.id,
        "site": case.site.slug,
        "item_id": case.item_id,
        "state": case.state,
        "reasons": list(case.reasons or []),
        "evidence": case.evidence or {},
        "priority": case.priority,
        "due_at": iso(case.due_at),
        "claimed_by": case.claimed_by.name if case.claimed_by and live else None,
        "claim_expires_at": iso(case.claim_expires_at) if live else None,
        "model_version": case.model_version,
        "stale": case.stale,
        "created_at": iso(case.created_at),
        "first_answered_at": iso(case.first_answered_at),
        "closed_at": iso(case.closed_at),
    }
    if with_item:
        out["item"] = item_json(case.item, with_case=False)
    return out


def item_json(item: Item, with_case: bool = True) -> dict:
    out = {
        "id": item.id,
        "site": item.site.slug,
        "subject": item.subject.external_id,
        "kind": item.kind,
        "rating": item.rating,
        "title": item.title,
        "body": item.body,
        "lang": item.lang,
        "status": item.status,
        "hold_reasons": list(item.hold_reasons or []),
        "rejection_reason": item.rejection_reason,
        "parent_id": item.parent_id,
        "author": {"name": item.author.name, "email": item.author.email},
        "created_at": iso(item.created_at),
        "scored_at": iso(item.scored_at),
        "scores": [
            {
                "model_version": s.model_version,
                "label": s.label,
                "negative_probability": s.negative_probability,
                "created_at": iso(s.created_at),
            }
            for s in item.scores
        ],
        "replies": [
            {
                "id": r.id,
                "body": r.body,
                "author": {"name": r.moderator.name},
                "created_at": iso(r.created_at),
                "edited_at": iso(r.edited_at),
                "withdrawn_at": iso(r.withdrawn_at),
            }  # fmt: skip
            for r in item.replies
        ],
    }
    out["verified_purchase"] = bool(item.verified_purchase)
    out["external"] = external_json(item) if item.kind == ItemKind.EXTERNAL else None
    if with_case:
        out["case"] = case_json(item.case, with_item=False) if item.case else None
    return out


def external_json(item: Item) -> dict | None:
    post = db.session.get(ExternalPost, item.id)
    if post is None:
        return None
    return {
        "source": post.source,
        "source_name": post.source_name,
        "url": post.url,
        "author": post.author,
        "published_at": iso(post.published_at),
        "answered_url": post.answered_url,
        "answered_at": iso(post.answered_at),
    }


@bp.get("/items/<int:item_id>")
@token_required
@operation(responses={200: shapes.Item}, errors=(401, 403, 404), security="token")
def get_item(item_id: int):
    """An item with its scores (per model version) and its case."""
    return respond(shapes.Item, item_json(access.item_for(current_moderator(), item_id)))


@bp.get("/cases")
@token_required
@operation(query=shapes.CaseQuery, responses={200: shapes.CasePage}, errors=(401, 403, 404, 422), security="token")
def list_cases(query: shapes.CaseQuery):
    """Cases by priority, then deadline."""
    site_id = None
    if query.site:
        site = get_site(query.site)
        if not access.can_see_site(current_moderator(), site.id):
            raise ServiceError("not_found", "site not found", "site", 404)
        site_id = site.id
    page = db.paginate(
        case_service.queue_query(
            current_moderator(),
            state=query.state,
            site_id=site_id,
            reason=query.reason or None,
            subject_external_id=query.subject or None,
        ),
        page=query.page,
        per_page=query.per_page,
        error_out=False,
        count=True,
    )
    body = {"cases": [case_json(c) for c in page.items], "page": page.page, "per_page": page.per_page}
    return respond(shapes.CasePage, {**body, "total": page.total})


@bp.get("/cases/<int:case_id>")
@token_required
@operation(responses={200: shapes.Case}, errors=(401, 403, 404), security="token")
def get_case(case_id: int):
    """One case with its item."""
    return respond(shapes.Case, case_json(access.case_for(current_moderator(), case_id)))


# Each action: its body shape (None: no body) and the service call. One route each, so that the document
# can say which body each action takes.
CaseActionCall = Callable[[Moderator, Case, object], object]
CASE_ACTIONS: dict[str, tuple[type | None, CaseActionCall, str]] = {
    "claim": (None, lambda m, c, b: case_service.claim(m, c), "Claim the case; others see who holds it"),
    "release": (None, lambda m, c, b: case_service.release(m, c), "Give the claim back to the queue"),
    "reply": (shapes.ReplyBody, lambda m, c, b: case_service.reply(m, c, b.body), "Answer the author publicly"),
    "resolve": (shapes.NoteBody, lambda m, c, b: case_service.resolve(m, c, b.note), "Close without a reply"),
    "dismiss": (shapes.NoteBody, lambda m, c, b: case_service.dismiss(m, c, b.note), "Close as a false alarm"),
    "escalate": (shapes.NoteBody, lambda m, c, b: case_service.escalate(m, c, b.note), "Hand to a senior"),
    "approve": (None, lambda m, c, b: case_service.approve(m, c), "Publish the held item"),
    "reject": (shapes.RejectBody, lambda m, c, b: case_service.reject(m, c, b.reason), "Reject the held item"),
    "answered_elsewhere": (
        shapes.AnswerElsewhereBody,
        lambda m, c, b: external.answer_elsewhere(m, c, b.url),
        "Close an external post's case as answered where it was written, with the link (409 for other items)",
    ),
}


# Actions that would close a case without a decision on its item: refused while the item is held, so that a held
# item leaves the queue only by approve or reject (DESIGN.md, "Invariants").
HELD_ITEM_REFUSALS: dict[str, str] = {
    "reply": "Refused with 409 `held_item` while the item is held (not public): approve it first, or reject it.",
    "resolve": "Refused with 409 `held_item` while the item is held: approve or reject the item instead.",
    "dismiss": "Refused with 409 `held_item` while the item is held: approve or reject the item instead.",
}


def case_action_view(action: str) -> Callable[..., Response]:
    body_shape, call, summary = CASE_ACTIONS[action]

    def act(case_id: int) -> Response:
        moderator = current_moderator()
        case = access.case_for(moderator, case_id)
        payload = optional_json()
        call(moderator, case, validate(body_shape, payload) if body_shape else None)
        db.session.commit()
        return respond(shapes.Case, case_json(case))

    act.__name__ = f"case_{action}"
    act.__doc__ = f"{summary}.\n{HELD_ITEM_REFUSALS.get(action, '')}"
    required = body_shape in (shapes.ReplyBody, shapes.RejectBody, shapes.AnswerElsewhereBody)
    errors = (400, 401, 403, 404, 409, 415, 422) if body_shape else (400, 401, 403, 404, 409, 415)
    documented = operation(
        body=body_shape, body_required=required, responses={200: shapes.Case}, errors=errors, security="token"
    )
    return token_required(documented(act))


for _action in CASE_ACTIONS:
    bp.add_url_rule(f"/cases/<int:case_id>/{_action}", view_func=case_action_view(_action), methods=["POST"])
