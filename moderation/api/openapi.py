"""The OpenAPI 3.1 document, written from the routes and the shapes that serve them (API.md is its summary).

A view declares its contract with ``@operation(...)``: the path and query shapes it checks, the body shape it
parses, the shape it answers with, the refusals it may send. The document walks the app's URL map and reads those
declarations, so a route cannot be missing from it and a shape cannot differ between the document and the server.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any, Literal

from flask import Flask, current_app, jsonify
from pydantic import BaseModel, TypeAdapter
from werkzeug.routing import IntegerConverter, Rule

from ..schemas.common import MAX_ID, Error
from ..schemas.validation import validate
from ..schemas.webhooks import EVENT_DESCRIPTIONS, WebhookEvent
from .blueprint import bp
from .http import query_args

REF = "#/components/schemas/{model}"
ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")
Security = Literal["public", "token", "none"]
# The document's names for path values, as published before the views named them for what they hold.
PUBLIC_NAMES = {"site_slug": "site", "item_id": "id", "case_id": "id", "run_id": "id"}
SECURITY = {"public": [{}, {"bearer": []}], "token": [{"bearer": []}], "none": []}


@dataclass
class Operation:
    summary: str
    description: str | None
    path: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    body: Any = None  # a model, or an annotated union
    body_required: bool = True
    responses: dict[int, Any] = field(default_factory=dict)  # status → model, or a media type for non-JSON
    errors: tuple[int, ...] = ()
    security: Security = "none"


def operation(
    *,
    path: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    body: Any = None,
    body_required: bool = True,
    responses: dict[int, Any],
    errors: tuple[int, ...] = (),
    security: Security = "none",
) -> Callable:
    """Declare a view's contract. The path and query shapes are checked here; the view gets ``query=`` when set.

    The first docstring line is the summary, the rest its description.
    """

    def decorate(view: Callable) -> Callable:
        summary, _, description = (view.__doc__ or view.__name__).strip().partition("\n")

        @wraps(view)
        def checked(**kwargs: Any):
            if path is not None:
                kwargs.update(validate(path, kwargs).model_dump())
            if query is not None:
                kwargs["query"] = query_args(query)
            return view(**kwargs)

        checked.openapi = Operation(  # type: ignore[attr-defined]
            summary.strip(),
            " ".join(description.split()) or None,
            path,
            query,
            body,
            body_required,
            responses,
            errors,
            security,
        )
        return checked

    return decorate


def shape_schemas(shapes: list[Any]) -> tuple[dict[int, dict], dict[str, dict]]:
    """Each shape's schema (a ``$ref`` for models) and the components they need, from pydantic."""
    keyed = [(i, "validation", TypeAdapter(shape)) for i, shape in enumerate(shapes)]
    by_key, definitions = TypeAdapter.json_schemas(keyed, ref_template=REF)
    return {key: schema for (key, _), schema in by_key.items()}, definitions.get("$defs", {})


def parameter_schema(rule: Rule, name: str, shape: type[BaseModel] | None) -> dict:
    if shape is not None and name in shape.model_fields:
        schema = dict(shape.model_json_schema()["properties"][name])
        schema.pop("title", None)
        return schema
    if isinstance(rule._converters.get(name), IntegerConverter):  # noqa: SLF001 - werkzeug keeps them there
        return {"type": "integer", "minimum": 0, "maximum": MAX_ID}
    return {"type": "string", "minLength": 1, "pattern": r"^[^/\x00]+$"}  # a NUL in a URL is refused


def query_parameters(shape: type[BaseModel]) -> list[dict]:
    schema = shape.model_json_schema(ref_template=REF)
    out = []
    for name, prop in schema["properties"].items():
        prop = {k: v for k, v in prop.items() if k not in ("title", "default")}
        if len(prop.get("anyOf", ())) == 2 and {"type": "null"} in prop["anyOf"]:
            # A query string cannot send null: leaving the parameter out is how to say "none".
            (inner,) = [s for s in prop.pop("anyOf") if s != {"type": "null"}]
            prop.update(inner)
        out.append({"name": name, "in": "query", "required": name in schema.get("required", ()), "schema": prop})
    return out


def build_spec(app: Flask) -> dict:
    """The document for every route of ``app`` that declares an ``@operation``."""
    routes: list[tuple[Rule, str, Operation]] = []
    for rule in app.url_map.iter_rules():
        spec = getattr(app.view_functions.get(rule.endpoint), "openapi", None)
        if spec is not None:
            routes.extend((rule, method.lower(), spec) for method in sorted(rule.methods - {"HEAD", "OPTIONS"}))
    shapes: list[Any] = [Error, WebhookEvent]
    for _, _, spec in routes:
        shapes += [s for s in (spec.body, *spec.responses.values()) if s is not None and not isinstance(s, str)]
    unique = list(dict.fromkeys(shapes))
    schemas, components = shape_schemas(unique)
    schema_of = {id(shape): schemas[i] for i, shape in enumerate(unique)}
    error = {"description": "refused", "content": {"application/json": {"schema": schema_of[id(Error)]}}}

    paths: dict[str, dict] = {}
    for rule, method, spec in sorted(routes, key=lambda r: r[0].rule):
        names = ARGUMENT.findall(rule.rule)
        doc: dict[str, Any] = {"summary": spec.summary, "operationId": f"{method}_{rule.endpoint.replace('.', '_')}"}
        if spec.description:
            doc["description"] = spec.description
        parameters = [
            {
                "name": PUBLIC_NAMES.get(n, n),
                "in": "path",
                "required": True,
                "schema": parameter_schema(rule, n, spec.path),
            }
            for n in names
        ]
        parameters += query_parameters(spec.query) if spec.query else []
        if parameters:
            doc["parameters"] = parameters
        if spec.security != "none":
            doc["security"] = SECURITY[spec.security]
        if spec.body is not None:
            doc["requestBody"] = {
                "required": spec.body_required,
                "content": {"application/json": {"schema": schema_of[id(spec.body)]}},
            }
        doc["responses"] = {}
        for status, shape in spec.responses.items():
            if isinstance(shape, str):
                content, description = {shape: {"schema": {"type": "string"}}}, shape
            else:
                content = {"application/json": {"schema": schema_of[id(shape)]}}
                description = (shape.__doc__ or shape.__name__).strip().split("\n")[0]
            doc["responses"][str(status)] = {"description": description, "content": content}
        doc["responses"].update({str(code): error for code in spec.errors})
        template = ARGUMENT.sub(lambda m: "{" + PUBLIC_NAMES.get(m[1], m[1]) + "}", rule.rule)
        paths.setdefault(template, {})[method] = doc

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Moderation API",
            "version": "1.0.0",
            "description": "Reviews and comments in, moderated cases and public replies out.",
        },
        "servers": [{"url": "/"}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}, "schemas": components},
        "paths": paths,
        "webhooks": webhook_operations(schema_of[id(WebhookEvent)]),
    }


def webhook_operations(event_schema: dict) -> dict:
    """OpenAPI 3.1 ``webhooks``: the requests this server sends to a site's endpoints, one per event type."""
    signature = {
        "name": "Moderation-Signature",
        "in": "header",
        "required": True,
        "description": 't=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>; see docs/webhooks.md',
        "schema": {"type": "string", "pattern": "^t=[0-9]+,v1=[0-9a-f]{64}$"},
    }
    return {
        event_type: {
            "post": {
                "summary": event_type,
                "description": description,
                "parameters": [signature],
                "requestBody": {"required": True, "content": {"application/json": {"schema": event_schema}}},
                "responses": {"2XX": {"description": "received; anything else is retried with backoff for 24 h"}},
            }
        }
        for event_type, description in EVENT_DESCRIPTIONS.items()
    }


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI document."""
    # Built per request from the live URL map: cheap next to what it describes, and never stale.
    return jsonify(build_spec(current_app))
