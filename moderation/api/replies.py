"""Moderator endpoints (bearer token) for a reply around its publication: preview, edit, withdraw."""

from __future__ import annotations

from ..extensions import db
from ..schemas import cases as shapes
from ..schemas.validation import validate
from ..services import access
from ..services import replies as reply_service
from .auth import current_moderator, token_required
from .blueprint import bp
from .http import json_body, optional_json, respond
from .moderator import case_json
from .openapi import operation


@bp.post("/cases/<int:case_id>/reply/preview")
@token_required
@operation(body=shapes.ReplyBody, responses={200: shapes.ReplyPreview}, errors=(400, 401, 403, 404, 415, 422),
           security="token")  # fmt: skip
def case_reply_preview(case_id: int):
    """Preview a reply: its text as the customer will see it, signed with the brand's voice. Nothing is published."""
    case = access.case_for(current_moderator(), case_id)
    body = validate(shapes.ReplyBody, json_body())
    preview = reply_service.preview(current_moderator(), case, body.body)
    return respond(shapes.ReplyPreview, {"body": preview.body, "signature": preview.signature})


@bp.post("/cases/<int:case_id>/replies/<int:reply_id>/edit")
@token_required
@operation(body=shapes.ReplyBody, responses={200: shapes.Case}, errors=(400, 401, 403, 404, 409, 415, 422),
           security="token")  # fmt: skip
def case_reply_edit(case_id: int, reply_id: int):
    """Edit a published reply.
    It shows publicly as edited; the earlier text is kept and audited. 409 `reply_withdrawn` once withdrawn."""
    moderator = current_moderator()
    case = access.case_for(moderator, case_id)
    answer = reply_service.reply_on(case, reply_id)
    reply_service.edit(moderator, answer, validate(shapes.ReplyBody, json_body()).body)
    db.session.commit()
    return respond(shapes.Case, case_json(case))


@bp.post("/cases/<int:case_id>/replies/<int:reply_id>/withdraw")
@token_required
@operation(body=shapes.NoteBody, body_required=False, responses={200: shapes.Case},
           errors=(400, 401, 403, 404, 409, 415, 422), security="token")  # fmt: skip
def case_reply_withdraw(case_id: int, reply_id: int):
    """Withdraw a published reply.
    It is no longer shown; its text is kept and audited, and a case it alone answered opens again."""
    moderator = current_moderator()
    case = access.case_for(moderator, case_id)
    answer = reply_service.reply_on(case, reply_id)
    reply_service.withdraw(moderator, answer, validate(shapes.NoteBody, optional_json()).note)
    db.session.commit()
    return respond(shapes.Case, case_json(case))
