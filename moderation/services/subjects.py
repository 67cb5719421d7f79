"""A site's subjects when it keeps a catalogue: the mode, and the subjects an admin declares.

In ``open`` mode (the default) the first post to a new subject id creates it; in ``catalogue`` mode the public
API answers 404 for an id nobody declared here, at the command line (``moderation subject add``) or by import.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from sqlalchemy import func, select

from ..extensions import db
from ..models import Moderator, Site, Subject, SubjectMode
from . import audit
from .access import require_admin
from .errors import ServiceError
from .submissions import check_subject_id, find_subject, get_or_create_subject

MAX_TITLE = 300  # subjects.title
MAX_IMAGE_URL = 1000  # subjects.image_url


def check_image_url(url: str | None) -> str | None:
    """A product picture's address: ``https://`` (the console loads nothing else), no spaces; None when empty.

    Raises:
        ServiceError: 422 naming ``image``.
    """
    url = (url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.netloc or any(c.isspace() or ord(c) < 32 for c in url):
        raise ServiceError("invalid_image", "image must be an https:// address", field="image", status=422)
    if len(url) > MAX_IMAGE_URL:
        raise ServiceError("too_long", f"image must be at most {MAX_IMAGE_URL} characters", field="image", status=422)
    return url


def set_subject_mode(site: Site, mode: str, *, actor: Moderator | None = None) -> bool:
    """Switch ``site`` between open subjects and a catalogue, audited; True when it changed. The caller commits.

    Raises:
        Forbidden: ``actor`` is not an admin. ServiceError: ``mode`` is neither ``open`` nor ``catalogue``.
    """
    if actor is not None:
        require_admin(actor)
    if mode not in tuple(SubjectMode):
        raise ServiceError("invalid", "subjects must be 'open' or 'catalogue'", field="subjects", status=422)
    if site.subjects == mode:
        return False
    before = {"subjects": site.subjects}
    site.subjects = mode
    audit.record(
        "site.subjects",
        "site",
        site.id,
        moderator_id=actor.id if actor else None,
        site_id=site.id,
        before=before,
        after={"subjects": mode},
    )
    return True


def declare_subject(
    site: Site,
    external_id: str,
    title: str | None = None,
    *,
    image_url: str | None = None,
    actor: Moderator | None = None,
) -> tuple[Subject, bool]:
    """The subject ``external_id`` of ``site``, declared (created) if new; its title and picture set when given.
    Audited.

    Returns the subject and whether it is new. The caller commits.

    Raises:
        Forbidden: ``actor`` is not an admin. ServiceError: 422 naming ``subject`` for an id that cannot be one.
    """
    if actor is not None:
        require_admin(actor)
    check_subject_id(external_id)
    if title is not None:
        title = title.strip() or None
        if title is not None and len(title) > MAX_TITLE:
            raise ServiceError("too_long", f"name must be at most {MAX_TITLE} characters", field="name", status=422)
    image_url = check_image_url(image_url)
    new = find_subject(site, external_id) is None
    subject = get_or_create_subject(site, external_id, title)
    if image_url is not None:
        subject.image_url = image_url
    db.session.flush()
    if new:
        audit.record(
            "subject.declared",
            "subject",
            subject.id,
            moderator_id=actor.id if actor else None,
            site_id=site.id,
            after={"external_id": external_id, "title": subject.title, "image_url": subject.image_url},
        )
    return subject, new


def subject_count(site: Site) -> int:
    return db.session.execute(select(func.count()).select_from(Subject).where(Subject.site_id == site.id)).scalar_one()


def list_subjects(site: Site, limit: int = 1000) -> list[Subject]:
    return list(
        db.session.execute(
            select(Subject).where(Subject.site_id == site.id).order_by(Subject.external_id).limit(limit)
        ).scalars()
    )
