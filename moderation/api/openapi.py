"""The OpenAPI 3.1 document: the authoritative public contract (API.md is its summary)."""

from __future__ import annotations

from flask import jsonify

from . import bp


def _error_ref() -> dict:
    return {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _errors(*codes: int) -> dict:
    return {str(c): {"description": "error", **_error_ref()} for c in codes}


def _path_param(name: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "path", "required": True, "schema": schema or {"type": "string", "minLength": 1}}


def _query(name: str, schema: dict) -> dict:
    return {"name": name, "in": "query", "required": False, "schema": schema}


SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message"],
                "properties": {
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                    "field": {"type": ["string", "null"]},
                },
            }
        },
    },
    "Submission": {
        "type": "object",
        "required": ["kind", "body", "author"],
        "additionalProperties": False,
        "properties": {
            "kind": {"type": "string", "enum": ["review", "comment"]},
            "rating": {
                "type": ["integer", "null"],
                "minimum": 1,
                "maximum": 5,
                "description": "required for reviews, absent for comments",
            },
            "title": {"type": ["string", "null"], "maxLength": 200},
            "body": {"type": "string", "minLength": 1, "maxLength": 5000},
            "author": {
                "type": "object",
                "required": ["name"],
                "additionalProperties": False,
                "properties": {
                    "name": {"type": "string", "minLength": 1, "maxLength": 80},
                    "email": {"type": ["string", "null"], "format": "email"},
                },
            },
            "parent_id": {
                "type": ["integer", "null"],
                "minimum": 1,
                "maximum": 2147483647,
                "description": "comments only",
            },
            "lang": {"type": ["string", "null"], "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$"},
        },
    },
    "Accepted": {
        "type": "object",
        "required": ["id", "status"],
        "properties": {
            "id": {"type": "integer"},
            "status": {"type": "string", "enum": ["published", "held"]},
            "message": {"type": "string"},
        },
    },
    "Reply": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "body": {"type": "string"},
            "created_at": {"type": "string"},
            "author": {"type": "object", "properties": {"name": {"type": "string"}}},
        },
    },
    "PublicItem": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "kind": {"type": "string", "enum": ["review", "comment"]},
            "rating": {"type": ["integer", "null"]},
            "title": {"type": ["string", "null"]},
            "body": {"type": "string"},
            "author": {"type": "object", "properties": {"name": {"type": "string"}}},
            "lang": {"type": ["string", "null"]},
            "created_at": {"type": "string"},
            "helpful_count": {"type": "integer"},
            "parent_id": {"type": ["integer", "null"]},
            "replies": {"type": "array", "items": {"$ref": "#/components/schemas/Reply"}},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/PublicItem"}},
        },
    },
    "SubjectListing": {
        "type": "object",
        "required": ["subject", "aggregate", "items"],
        "properties": {
            "subject": {"type": "string"},
            "aggregate": {
                "type": "object",
                "properties": {
                    "count": {"type": "integer"},
                    "average": {"type": ["number", "null"]},
                    "histogram": {"type": "object", "additionalProperties": {"type": "integer"}},
                },
            },
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/PublicItem"}},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "total": {"type": "integer"},
            "pages": {"type": "integer"},
        },
    },
    "HelpfulVote": {
        "type": "object",
        "required": ["item_id", "helpful_count", "counted"],
        "properties": {
            "item_id": {"type": "integer"},
            "helpful_count": {"type": "integer", "minimum": 0},
            "counted": {"type": "boolean", "description": "false when this client had already voted for the item"},
        },
    },
    "Case": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "site": {"type": "string"},
            "item_id": {"type": "integer"},
            "state": {"type": "string", "enum": ["open", "claimed", "answered", "resolved", "dismissed", "escalated"]},
            "reasons": {"type": "array", "items": {"type": "string"}},
            "evidence": {"type": "object"},
            "priority": {"type": "integer"},
            "due_at": {"type": "string"},
            "claimed_by": {"type": ["string", "null"]},
            "claim_expires_at": {"type": ["string", "null"]},
            "model_version": {"type": ["string", "null"]},
            "stale": {"type": "boolean"},
            "item": {"type": "object"},
        },
    },
    "CaseAction": {
        "type": "object",
        "properties": {
            "body": {"type": "string", "description": "reply text (reply)"},
            "note": {"type": "string", "maxLength": 2000},
            "reason": {
                "type": "string",
                "enum": ["spam", "links", "abusive", "personal_data", "off_topic", "duplicate", "other"],
            },
        },
    },
    "RescoreRun": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "model_version": {"type": "string"},
            "site": {"type": ["string", "null"], "description": "null: a run over every site (admins only)"},
            "since": {"type": ["string", "null"]},
            "chunk_size": {"type": "integer"},
            "baseline_versions": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
            "activate_requested": {"type": "boolean"},
            "created_at": {"type": "string"},
            "finished_at": {"type": ["string", "null"]},
            "activated_at": {"type": ["string", "null"]},
            "progress": {
                "type": "object",
                "properties": {
                    "state": {"type": "string", "enum": ["running", "finished"]},
                    "total_items": {"type": "integer"},
                    "total_chunks": {"type": "integer"},
                    "chunks_done": {"type": "integer"},
                    "items_done": {"type": "integer"},
                    "scores_written": {"type": "integer"},
                    "items_per_s": {"type": ["number", "null"]},
                    "eta_s": {"type": ["number", "null"]},
                    "activated": {"type": "boolean"},
                },
            },
        },
    },
    "RescoreDiff": {
        "type": "object",
        "properties": {
            "run": {"$ref": "#/components/schemas/RescoreRun"},
            "items": {"type": "integer"},
            "without_baseline": {"type": "integer"},
            "verdict_changed": {"type": "integer"},
            "label_changed": {"type": "integer"},
            "became_negative": {"type": "integer"},
            "became_positive": {"type": "integer"},
            "cases": {
                "type": "object",
                "description": "what activating now does: open, mark_stale, unmark_stale, add_reasons",
                "additionalProperties": {"type": "integer"},
            },
            "reasons": {"type": "object"},
            "subjects_total": {"type": "integer"},
            "subjects": {"type": "array", "items": {"type": "object"}},
            "agreement": {"type": "object", "description": "per model version, against answered/dismissed cases"},
        },
    },
}


def build_spec() -> dict:
    site = _path_param("site", {"type": "string", "minLength": 1, "maxLength": 64})
    subject = _path_param("subject", {"type": "string", "minLength": 1, "maxLength": 200})
    bearer = [{"bearer": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Moderation API",
            "version": "1.0.0",
            "description": "Reviews and comments in, moderated cases and public replies out.",
        },
        "servers": [{"url": "/"}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": SCHEMAS,
        },
        "paths": {
            "/api/v1/sites/{site}/subjects/{subject}/items": {
                "post": {
                    "summary": "Submit a review or a comment",
                    "description": "A browser's Origin must be on the site's list; without Origin a site token "
                    "is required. Content rules (links, word list, personal data) run before the answer: a "
                    "matching item is held, never public. Rate-limited per client.",
                    "parameters": [site, subject],
                    "security": [{}, {"bearer": []}],
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submission"}}},
                    },
                    "responses": {
                        "202": {
                            "description": "accepted",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Accepted"}}},
                        },
                        **_errors(400, 401, 403, 404, 413, 415, 422, 429),
                    },
                }
            },
            "/api/v1/sites/{site}/subjects/{subject}": {
                "get": {
                    "summary": "A subject's aggregate rating and its published items with replies",
                    "parameters": [
                        site,
                        subject,
                        _query("page", {"type": "integer", "minimum": 1, "maximum": 100000}),
                        _query("per_page", {"type": "integer", "minimum": 1, "maximum": 50}),
                        _query(
                            "sort", {"type": "string", "enum": ["newest", "oldest", "lowest", "highest", "helpful"]}
                        ),
                        _query("rating", {"type": "integer", "minimum": 1, "maximum": 5}),
                    ],
                    "responses": {
                        "200": {
                            "description": "the listing",
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/SubjectListing"}}
                            },
                        },
                        **_errors(403, 404, 422),
                    },
                }
            },
            "/api/v1/sites/{site}/items/{id}/helpful": {
                "post": {
                    "summary": "Vote that a published review is helpful (one vote per client per item)",
                    "description": "Used by the widget; no body. A browser's Origin must be on the site's list; "
                    "without Origin a site token is required. The client is its address (stored as a keyed "
                    "hash); voting again answers 200 with counted false. Unknown, held or removed items are "
                    "404. Rate-limited per client.",
                    "parameters": [site, _path_param("id", {"type": "integer", "minimum": 1})],
                    "security": [{}, {"bearer": []}],
                    "responses": {
                        "200": {
                            "description": "the item's helpful count after the vote",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HelpfulVote"}}},
                        },
                        **_errors(401, 403, 404, 429),
                    },
                }
            },
            "/api/v1/items/{id}": {
                "get": {
                    "summary": "An item with its scores and its case (moderators)",
                    "security": bearer,
                    "parameters": [_path_param("id", {"type": "integer", "minimum": 1, "maximum": 2147483647})],
                    "responses": {"200": {"description": "the item"}, **_errors(401, 403, 404)},
                }
            },
            "/api/v1/cases": {
                "get": {
                    "summary": "Cases by priority, then deadline (moderators)",
                    "security": bearer,
                    "parameters": [
                        _query(
                            "state",
                            {
                                "type": "string",
                                "enum": ["open", "active", "claimed", "answered", "resolved", "dismissed", "escalated"],
                            },
                        ),
                        _query("site", {"type": "string"}),
                        _query("reason", {"type": "string"}),
                        _query("subject", {"type": "string"}),
                        _query("page", {"type": "integer", "minimum": 1, "maximum": 100000}),
                        _query("per_page", {"type": "integer", "minimum": 1, "maximum": 100}),
                    ],
                    "responses": {"200": {"description": "a page of cases"}, **_errors(401, 403, 404, 422)},
                }
            },
            "/api/v1/cases/{id}": {
                "get": {
                    "summary": "One case with its item (moderators)",
                    "security": bearer,
                    "parameters": [_path_param("id", {"type": "integer", "minimum": 1, "maximum": 2147483647})],
                    "responses": {
                        "200": {
                            "description": "the case",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}},
                        },
                        **_errors(401, 403, 404),
                    },
                }
            },
            "/api/v1/cases/{id}/{action}": {
                "post": {
                    "summary": "Act on a case: claim, release, reply, resolve, dismiss, escalate, approve, reject",
                    "security": bearer,
                    "parameters": [
                        _path_param("id", {"type": "integer", "minimum": 1, "maximum": 2147483647}),
                        _path_param(
                            "action",
                            {
                                "type": "string",
                                "enum": [
                                    "claim",
                                    "release",
                                    "reply",
                                    "resolve",
                                    "dismiss",
                                    "escalate",
                                    "approve",
                                    "reject",
                                ],
                            },
                        ),
                    ],
                    "requestBody": {
                        "required": False,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CaseAction"}}},
                    },
                    "responses": {
                        "200": {
                            "description": "the case after the action",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Case"}}},
                        },
                        **_errors(400, 401, 403, 404, 409, 415, 422),
                    },
                }
            },
            "/api/v1/rescore-runs": {
                "get": {
                    "summary": "Rescore runs, newest first (moderators: their sites' runs; admins: all)",
                    "security": bearer,
                    "parameters": [_query("limit", {"type": "integer", "minimum": 1, "maximum": 100})],
                    "responses": {"200": {"description": "runs with their progress"}, **_errors(401, 403, 422)},
                }
            },
            "/api/v1/rescore-runs/{id}": {
                "get": {
                    "summary": "One rescore run with its progress: done/total, rate, ETA",
                    "security": bearer,
                    "parameters": [_path_param("id", {"type": "integer", "minimum": 1, "maximum": 2147483647})],
                    "responses": {
                        "200": {
                            "description": "the run",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RescoreRun"}}},
                        },
                        **_errors(401, 403, 404),
                    },
                }
            },
            "/api/v1/rescore-runs/{id}/diff": {
                "get": {
                    "summary": "The run's diff report: changed verdicts, per product and reason, cases, agreement",
                    "security": bearer,
                    "parameters": [
                        _path_param("id", {"type": "integer", "minimum": 1, "maximum": 2147483647}),
                        _query("subjects", {"type": "integer", "minimum": 0, "maximum": 1000}),
                    ],
                    "responses": {
                        "200": {
                            "description": "the diff",
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RescoreDiff"}}},
                        },
                        **_errors(401, 403, 404, 422),
                    },
                }
            },
            "/api/v1/rescore-runs/{id}/diff.csv": {
                "get": {
                    "summary": "The run's changed items as CSV",
                    "security": bearer,
                    "parameters": [_path_param("id", {"type": "integer", "minimum": 1, "maximum": 2147483647})],
                    "responses": {
                        "200": {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}},
                        **_errors(401, 403, 404),
                    },
                }
            },
            "/healthz": {"get": {"summary": "Process up", "responses": {"200": {"description": "ok"}}}},
            "/readyz": {
                "get": {
                    "summary": "Database and Redis reachable and a worker with a loaded classifier alive",
                    "responses": {"200": {"description": "ready"}, "503": {"description": "not ready"}},
                }
            },
        },
    }


@bp.get("/openapi.json")
def openapi_document():
    """The OpenAPI document."""
    return jsonify(build_spec())
