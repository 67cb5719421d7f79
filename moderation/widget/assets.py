"""Serving the built widget: short-cached loader, immutable hashed chunks, pre-compressed when asked."""

from __future__ import annotations

import os
import re

from flask import abort, request, send_file

from .blueprint import bp

DIST = os.path.join(os.path.dirname(os.path.dirname(__file__)), "static", "widget", "dist")
CHUNK_RE = re.compile(r"^[a-z]+\.[0-9a-f]{8,}\.js$")

# A CSP on a script response does not govern the script running in the host page (the host page's own CSP
# does: the widget needs only ``script-src HOST; connect-src HOST`` there, no inline script or style). This one
# makes sure the file can never act as a document of ours, should someone open or frame it.
ASSET_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


def send_asset(name: str, cache_control: str):
    path = os.path.join(DIST, name)
    if not os.path.isfile(path):
        abort(404)
    gz = path + ".gz"
    compressed = "gzip" in request.headers.get("Accept-Encoding", "") and os.path.isfile(gz)
    response = send_file(
        gz if compressed else path, mimetype="text/javascript", conditional=True, etag=True, max_age=None
    )
    response.charset = "utf-8"
    if compressed:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = cache_control
    # Any page may load the script; the chunk is fetched by import(), a CORS request.
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = ASSET_CSP
    return response


@bp.get("/widget.js")
def script():
    """The loader integrators paste: its URL never changes, so caches revalidate it after five minutes."""
    return send_asset("widget.js", "public, max-age=300, stale-while-revalidate=86400")


@bp.get("/widget/<name>")
def chunk(name: str):
    """A chunk loaded on demand; its name carries its content hash, so it is cached for good."""
    if not CHUNK_RE.match(name):
        abort(404)
    return send_asset(name, "public, max-age=31536000, immutable")
