"""Data out: a site's items as JSON lines (moderator token, streamed) and the public product feed with
schema.org ``AggregateRating`` for shopping feeds."""

from __future__ import annotations

import json

from flask import Response, stream_with_context

from ..schemas import export as shapes
from ..schemas.common import SitePath
from ..services import access, export
from ..services.accounts import get_site
from .auth import check_public_client, current_moderator, token_required
from .blueprint import bp
from .http import with_cors
from .openapi import operation

JSON_LINES = "application/x-ndjson"


@bp.get("/sites/<site_slug>/items.jsonl")
@token_required
@operation(
    path=SitePath,
    query=shapes.ExportQuery,
    responses={200: JSON_LINES},
    errors=(401, 403, 404, 422),
    security="token",
)
def export_items(site_slug: str, query: shapes.ExportQuery):
    """A site's items as JSON lines, in the order they arrived (by id), streamed.

    One ExportedItem per line (id, subject, kind, rating, title, body, lang, status, author name, case state and
    reasons; for an external post, where it was written). No e-mail address. Filters: since and until (days, UTC,
    both included), subject, status, kind. A moderator's token, for one of their sites.
    """
    site = access.site_for(current_moderator(), site_slug)
    filters = query.model_dump()

    def lines():
        for row in export.exported_items(site, **filters):
            # Through the published shape: a change that breaks it fails here, not in a customer's parser.
            yield json.dumps(shapes.ExportedItem.model_validate(row).model_dump(mode="json"), ensure_ascii=False)
            yield "\n"

    response = Response(stream_with_context(lines()), mimetype=JSON_LINES)
    response.headers["Content-Disposition"] = f'attachment; filename="{site.slug}-items.jsonl"'
    return response


@bp.get("/sites/<site_slug>/feed/products.json")
@operation(path=SitePath, query=shapes.ProductFeedQuery, responses={200: shapes.ProductFeed}, errors=(403, 404, 422))
def product_feed(site_slug: str, query: shapes.ProductFeedQuery):
    """Products with their published reviews as schema.org JSON-LD (Product, AggregateRating, Review).

    For shopping feeds (Google Merchant Center product ratings, …). Public, like the product pages it summarises:
    no token needed; a token that is sent must be the site's own, and a browser must come from one of its origins.
    Every published review counts and is shown, whatever its stars.
    """
    site = get_site(site_slug)
    check_public_client(site, writing=False)
    body = shapes.dump(shapes.ProductFeed, export.product_feed(site, page=query.page, per_page=query.per_page))
    response = Response(json.dumps(body, ensure_ascii=False), mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=300"
    return with_cors(response, site.allowed_origins or [])
