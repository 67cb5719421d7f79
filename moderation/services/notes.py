"""Internal notes on a case: seen by moderators only, never public."""

from __future__ import annotations

from sqlalchemy import select

from ..extensions import db
from ..models import Case, CaseNote, Moderator
from . import audit
from .errors import ServiceError

MAX_NOTE_CHARS = 2000


def add_note(moderator: Moderator, case: Case, body: str) -> CaseNote:
    """Attach a note to a case (the caller commits).

    Raises:
        ServiceError: 422 when the note is empty or too long.
    """
    body = (body or "").strip()
    if not body:
        raise ServiceError("required", "a note needs a text", field="body", status=422)
    if len(body) > MAX_NOTE_CHARS:
        raise ServiceError("too_long", f"a note is at most {MAX_NOTE_CHARS} characters", field="body", status=422)
    note = CaseNote(case_id=case.id, moderator_id=moderator.id, body=body)
    db.session.add(note)
    db.session.flush()
    audit.record(
        "case.noted", "case", case.id, moderator_id=moderator.id, site_id=case.site_id, after={"note_id": note.id}
    )
    return note


def notes_for(case: Case) -> list[CaseNote]:
    return list(db.session.execute(select(CaseNote).where(CaseNote.case_id == case.id).order_by(CaseNote.id)).scalars())
