"""Web plumbing every API view shares: JSON bodies, query strings and path values checked against the shapes,
JSON answers serialised through them, and CORS for the widget's sites."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Response, current_app, jsonify, make_response, request
from pydantic import BaseModel
from sqlalchemy import select
from werkzeug.exceptions import RequestEntityTooLarge

from ..extensions import db, limiter
from ..models import Site
from ..schemas.validation import validate
from ..services.errors import ServiceError
from .auth import bearer_token, is_site_token_of

ShapeT = TypeVar("ShapeT", bound=BaseModel)
JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
JSON_BRACKET = re.compile(rb"[\[\]{}]")


def json_body() -> object:
    """The request's JSON: 415 when not sent as JSON, 413 when too large (chunked bodies too), 422 when nested
    deeper than any shape, 400 when it does not parse."""
    if not request.is_json:
        raise ServiceError("unsupported_media_type", "send the body as application/json", "Content-Type", 415)
    raw = request_bytes()
    nesting_within(raw, current_app.config["MAX_JSON_DEPTH"])
    try:
        payload = json.loads(raw)
    except (ValueError, RecursionError):
        raise ServiceError("invalid_json", "the body is not valid JSON", status=400) from None
    reject_nul(payload)
    return payload


def optional_json() -> dict:
    """A body that may be left out: none at all reads as ``{}``."""
    if not request_bytes():
        return {}
    payload = json_body()
    if not isinstance(payload, dict):
        raise ServiceError("invalid_json", "the request body must be a JSON object", status=400)
    return payload


def request_bytes() -> bytes:
    """The body, refused with 413 beyond MAX_CONTENT_LENGTH whatever the framing; read once per request.

    A chunked request has no Content-Length to refuse up front; werkzeug's stream stops quietly at the limit,
    and a body cut there must read as 413, not as JSON that does not parse.
    """
    if "moderation.body" in request.environ:
        return request.environ["moderation.body"]
    most = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None and request.content_length > most:
        raise RequestEntityTooLarge()
    raw = request.stream.read(most + 1)  # one byte past the limit tells "too large" from "exactly the limit"
    if len(raw) > most or (request.content_length is None and request.stream.read(1)):
        raise RequestEntityTooLarge()
    request.environ["moderation.body"] = raw
    return raw


def nesting_within(raw: bytes, most: int) -> None:
    """Refuse JSON nested deeper than ``most`` before parsing: deep nesting exhausts the recursion of the parser
    and of every walk over the result (a ``RecursionError`` is a 500). Brackets inside strings do not count."""
    depth = 0
    for match in JSON_BRACKET.finditer(JSON_STRING.sub(b'""', raw)):
        depth += 1 if match.group() in (b"[", b"{") else -1
        if depth > most:
            raise ServiceError("too_deep", f"the body is nested deeper than {most} levels", status=422)


def reject_nul(value: object, field: str = "") -> None:
    """NUL characters are never text a customer meant, and PostgreSQL cannot store them: refuse, naming the field."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ServiceError("invalid", f"{field or 'the body'} contains a NUL character", field or None, 422)
    elif isinstance(value, dict):
        for key, inner in value.items():
            reject_nul(key, field)
            reject_nul(inner, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for inner in value:
            reject_nul(inner, field)


def refuse_nul_in_url() -> None:
    """The same for path segments and query parameters (``%00``)."""
    for name, value in (request.view_args or {}).items():
        reject_nul(value, name)
    for name, value in request.args.items(multi=True):
        reject_nul(value, name)


def query_args(shape: type[ShapeT]) -> ShapeT:
    """The query string checked against ``shape``; a value that is there must be valid, even when empty."""
    return validate(shape, request.args.to_dict(flat=True))


def respond(shape: type[BaseModel], data: Any, status: int = 200, site: Site | None = None) -> Response:
    """``data`` serialised through its response shape; keys a shape leaves optional are written only when set."""
    body = shape.model_validate(data).model_dump(mode="json", exclude_unset=True)
    response = make_response(jsonify(body), status)
    return with_cors(response, site.allowed_origins or []) if site is not None else response


def preflight_response(site: Site, methods: str) -> Response:
    """The answer to a CORS preflight from the site's origins (the caller has checked the client)."""
    response = make_response("", 204)
    response.headers["Access-Control-Allow-Methods"] = methods
    response.headers["Access-Control-Allow-Headers"] = "Content-Type, Authorization"
    response.headers["Access-Control-Max-Age"] = "600"
    return with_cors(response, site.allowed_origins or [])


def with_cors(response: Response, site_origins: list[str]) -> Response:
    origin = request.headers.get("Origin")
    if origin and origin.rstrip("/") in site_origins:
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Vary"] = "Origin"
    return response


def allow_origin_on_errors(response: Response) -> Response:
    """Give refusals (422, 429, 404) the CORS header too, so a widget on an allowed origin can read them.

    The views add it on success only; without it a browser hides every error body from the widget,
    which then cannot show the server's message next to the field or a kind 429.
    """
    origin = request.headers.get("Origin")
    slug = (request.view_args or {}).get("site_slug")
    if response.status_code < 400 or not origin or not slug or "Access-Control-Allow-Origin" in response.headers:
        return response
    site = db.session.execute(select(Site).where(Site.slug == slug)).scalar_one_or_none()
    if site is not None and origin.rstrip("/") in (site.allowed_origins or []):
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Expose-Headers"] = "Retry-After"
        response.headers["Vary"] = "Origin"
    return response


def has_own_site_token() -> bool:
    """Server integrations forward many customers and are not limited per address, but only with the token of
    the site in the URL: any other token (another tenant's, a moderator's) would exempt an attacker's flood.

    Answered once per request (kept in its environ, as the body is): the rate limiter asks before the view, and
    the view asks again.
    """
    known = request.environ.get(OWN_SITE_TOKEN)
    if known is None:
        try:
            token = bearer_token()
        except ServiceError:
            known = False
        else:
            known = is_site_token_of(token, (request.view_args or {}).get("site_slug"))
        request.environ[OWN_SITE_TOKEN] = known
    return known


OWN_SITE_TOKEN = "moderation.own_site_token"


def limited_per_client(limit_value: str | Callable[[], str]) -> Callable[[Callable], Callable]:
    """``limiter.limit(limit_value, exempt_when=has_own_site_token)``, with the limiter left out altogether for a
    request that carries the site's own token.

    Flask-Limiter would find such a request exempt too, but only after resolving every limit of the route, its
    exemption scopes and its limit string, on every request: 3-5 % of a server integration's submission, which is
    exempt every time. A request without that token goes through the limiter as before (and the limiter's own
    before-request check still runs for every request).
    """
    limited = limiter.limit(limit_value, exempt_when=has_own_site_token)

    def decorate(view: Callable) -> Callable:
        checked = limited(view)

        @wraps(view)
        def view_or_limited(*args: Any, **kwargs: Any) -> Any:
            return view(*args, **kwargs) if has_own_site_token() else checked(*args, **kwargs)

        return view_or_limited

    return decorate
