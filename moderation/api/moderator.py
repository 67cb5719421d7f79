"""Moderator endpoints (bearer token): items with their scores, and the case queue and its actions."""

from __future__ import annotations

from flask import jsonify, request

from ..extensions import db
from ..models import Case, Item
from ..services import access
from ..services import cases as case_service
from ..services.accounts import get_site
from ..services.errors import ServiceError
from ..services.listing import iso
from . import bp
from .auth import current_moderator, token_required
from .public import int_arg, json_body

CASE_STATE_FILTERS = ("open", "active", "claimed", "answered", "resolved", "dismissed", "escalated")


def case_json(case: Case, with_item: bool = True) -> dict:
    out = {
        "id": case.id,
        "site": case.site.slug,
        "item_id": case.item_id,
        "state": case.state,
        "reasons": list(case.reasons or []),
        "evidence": case.evidence or {},
        "priority": case.priority,
        "due_at": iso(case.due_at),
        "claimed_by": case.claimed_by.name if case.claimed_by and case_service.claim_is_live(case) else None,
        "claim_expires_at": iso(case.claim_expires_at) if case_service.claim_is_live(case) else None,
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
            {"id": r.id, "body": r.body, "author": {"name": r.moderator.name}, "created_at": iso(r.created_at)}
            for r in item.replies
        ],
    }
    if with_case:
        out["case"] = case_json(item.case, with_item=False) if item.case else None
    return out


@bp.get("/items/<int:item_id>")
@token_required
def get_item(item_id: int):
    """An item with its scores (per model version) and its case."""
    return jsonify(item_json(access.item_for(current_moderator(), item_id)))


@bp.get("/cases")
@token_required
def list_cases():
    """Cases by priority, then deadline."""
    state = request.args.get("state", "open")
    if state not in CASE_STATE_FILTERS:
        raise ServiceError("invalid", "state must be one of " + ", ".join(CASE_STATE_FILTERS), "state", 422)
    site_id = None
    if request.args.get("site"):
        site = get_site(request.args["site"])
        if not access.can_see_site(current_moderator(), site.id):
            raise ServiceError("not_found", "site not found", "site", 404)
        site_id = site.id
    query = case_service.queue_query(
        current_moderator(),
        state=state,
        site_id=site_id,
        reason=request.args.get("reason") or None,
        subject_external_id=request.args.get("subject") or None,
    )
    page = db.paginate(
        query,
        page=int_arg("page", 1, 1, 100_000),
        per_page=int_arg("per_page", 25, 1, 100),
        error_out=False,
        count=True,
    )
    return jsonify(
        {
            "cases": [case_json(c) for c in page.items],
            "page": page.page,
            "per_page": page.per_page,
            "total": page.total,
        }
    )


@bp.get("/cases/<int:case_id>")
@token_required
def get_case(case_id: int):
    """One case with its item."""
    return jsonify(case_json(access.case_for(current_moderator(), case_id)))


def optional_json() -> dict:
    if not request.data:
        return {}
    payload = json_body()
    if not isinstance(payload, dict):
        raise ServiceError("invalid_json", "the request body must be a JSON object", status=400)
    return payload


def optional_note(payload: dict) -> str | None:
    note = payload.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > 2000):
        raise ServiceError("invalid", "note must be a text of at most 2000 characters", "note", 422)
    return note


@bp.post("/cases/<int:case_id>/<action>")
@token_required
def case_action(case_id: int, action: str):
    """claim, release, reply {body}, resolve, dismiss, escalate {note?}, approve, reject {reason}."""
    moderator = current_moderator()
    case = access.case_for(moderator, case_id)
    payload = optional_json()
    if action == "claim":
        case_service.claim(moderator, case)
    elif action == "release":
        case_service.release(moderator, case)
    elif action == "reply":
        case_service.reply(moderator, case, payload.get("body"))
    elif action == "resolve":
        case_service.resolve(moderator, case, optional_note(payload))
    elif action == "dismiss":
        case_service.dismiss(moderator, case, optional_note(payload))
    elif action == "escalate":
        case_service.escalate(moderator, case, optional_note(payload))
    elif action == "approve":
        case_service.approve(moderator, case)
    elif action == "reject":
        case_service.reject(moderator, case, payload.get("reason"))
    else:
        raise ServiceError("not_found", f"unknown action {action!r}", "action", 404)
    db.session.commit()
    return jsonify(case_json(case))
