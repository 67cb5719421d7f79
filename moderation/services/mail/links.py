"""Signed links in mails (itsdangerous, the app's key): confirm, unsubscribe, contest; and where links point."""

from __future__ import annotations

from flask import current_app, has_request_context, request
from itsdangerous import BadSignature, URLSafeTimedSerializer

from ..errors import ServiceError

CONTEST_MAX_AGE_S = 180 * 24 * 3600
CONFIRM_MAX_AGE_S = 30 * 24 * 3600


def serializer(purpose: str) -> URLSafeTimedSerializer:
    # itsdangerous signs with the last key and accepts all: the fallbacks (newest first) keep older links working.
    keys = [*reversed(current_app.config.get("SECRET_KEY_FALLBACKS") or []), current_app.config["SECRET_KEY"]]
    return URLSafeTimedSerializer(keys, salt=f"moderation.mail.{purpose}")


def sign(purpose: str, value: int) -> str:
    return serializer(purpose).dumps(value)


def unsign(purpose: str, token: str, max_age: int | None = None) -> int:
    """The id a link was signed for.

    Raises:
        ServiceError: 400 ``invalid_link`` when the token was not signed here for this purpose, or expired.
    """
    try:
        value = serializer(purpose).loads(token, max_age=max_age)
    except BadSignature:
        raise ServiceError("invalid_link", "this link is not valid or has expired", field="token") from None
    if not isinstance(value, int):
        raise ServiceError("invalid_link", "this link is not valid", field="token")
    return value


def public_url(path: str) -> str:
    base = current_app.config.get("PUBLIC_URL") or (request.host_url if has_request_context() else None)
    return (base or "http://localhost:5000/").rstrip("/") + path


def link(purpose: str, value: int, lang: str) -> str:
    """A signed link in a mail; ``lang`` is the mail's, so the page it opens speaks the same language."""
    return public_url(f"/mail/{purpose}/{sign(purpose, value)}?lang={lang}")
