"""The OpenAPI document and the server agree: schemathesis runs every check on every operation.

Positive cases (schema-valid requests must be accepted), negative ones (schema-violating requests must be refused
with a 4xx), response shapes, status codes, content types, and that a token-only operation refuses a request
without one. The document is served from the running app, so what is tested is what clients download.
"""

from __future__ import annotations

import jsonschema_rs
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from moderation import create_app
from moderation.api.openapi import build_spec
from tests.conftest import ORIGIN, auth, check_schemathesis_case, review, submit

LIMITS = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# The document depends on the routes only, so an app that never connects anywhere writes it at import;
# test_document_is_served_and_describes_the_routes checks that the served one is the same.
# (schemathesis.pytest.from_fixture would load it from the test's app, but fails under pytest 9.)
schema = schemathesis.openapi.from_dict(
    build_spec(create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "REDIS_URL": "redis://127.0.0.1:1/0"}))
)
# Generated requests aim at a real site, so they reach validation and the services rather than stopping at
# "unknown site"; a pinned value is never negated, so negative cases still come from every other parameter.
schema.config.update(parameters={"path.site": "shop"})


# /readyz answers 503 by design while no worker has sent a heartbeat; tests/test_scoring.py covers it.
@schema.exclude(path="/readyz").parametrize()
@LIMITS
def test_document_and_server_agree(case, app, world):
    # No check waived: a parent_id in another thread is a declared 409, which schema-valid requests may get.
    check_schemathesis_case(case, app, world.admin_token)


def test_document_is_served_and_describes_the_routes(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec == build_spec(app)
    assert spec["openapi"].startswith("3.1")
    submit_op = spec["paths"]["/api/v1/sites/{site}/subjects/{subject}/items"]["post"]
    body = submit_op["requestBody"]["content"]["application/json"]["schema"]
    # One shape per kind, told apart by "kind": a review needs its rating, a comment has none.
    assert body["discriminator"]["propertyName"] == "kind"
    review_shape = spec["components"]["schemas"]["Review"]
    assert "rating" in review_shape["required"]
    assert spec["components"]["schemas"]["Comment"]["properties"]["rating"] == {
        "default": None,
        "description": "comments have no rating",
        "title": "Rating",
        "type": "null",
    }


def test_each_case_action_documents_its_own_body(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    reply = paths["/api/v1/cases/{id}/reply"]["post"]["requestBody"]
    assert reply["required"] is True
    assert "requestBody" not in paths["/api/v1/cases/{id}/claim"]["post"]
    assert paths["/api/v1/cases/{id}/resolve"]["post"]["requestBody"]["required"] is False


@pytest.mark.parametrize("query", ["limit=", "limit=abc", "limit=1.5", "limit=0"])
def test_bad_numbers_in_the_query_are_422_naming_the_parameter(client, world, query):
    response = client.get(f"/api/v1/rescore-runs?{query}", headers=auth(world.admin_token))
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "limit"


def test_long_subject_is_refused_when_reading_as_when_writing(client, world):
    long_subject = "s" * 201
    assert client.get(f"/api/v1/sites/shop/subjects/{long_subject}").get_json()["error"]["field"] == "subject"
    assert submit(client, review(), subject=long_subject).get_json()["error"]["field"] == "subject"


# Strings a schema-valid request could carry that the server refuses: a NUL anywhere (``http.reject_nul``).
NUL_PROBES = ["\x00", "a\x00", "\x00a", "a\x00b", "https://a.example/\x00", "x@a.example\x00", "1\x00"]


def nul_leaks(schema: dict, root: dict, where: str, seen: set[str]) -> list[str]:
    """The places under ``schema`` where the document lets a NUL through, in a string or in an object's key."""
    if "$ref" in schema:
        if schema["$ref"] in seen:
            return []
        seen = seen | {schema["$ref"]}
        name = schema["$ref"].rsplit("/", 1)[-1]
        return nul_leaks(root["components"]["schemas"][name], root, f"{where}<{name}>", seen)
    leaks = []
    for key in ("anyOf", "oneOf", "allOf"):
        for i, branch in enumerate(schema.get(key, ())):
            leaks += nul_leaks(branch, root, f"{where}|{i}", seen)
    types = schema.get("type", ())
    types = [types] if isinstance(types, str) else types
    if "string" in types:
        if "enum" in schema or "const" in schema:
            leaks += [where for value in schema.get("enum", [schema.get("const")]) if "\x00" in str(value)]
        elif schema.get("format") not in ("date", "date-time"):
            check = jsonschema_rs.Draft202012Validator({**schema, "components": root["components"]})
            leaks += [f"{where} takes {probe!r}" for probe in NUL_PROBES if check.is_valid(probe)]
    if "object" in types or "properties" in schema:
        for name, prop in schema.get("properties", {}).items():
            leaks += nul_leaks(prop, root, f"{where}.{name}", seen)
        extra = schema.get("additionalProperties", True)
        if extra is not False:
            keys = jsonschema_rs.Draft202012Validator(schema.get("propertyNames", {}))
            leaks += [f"{where} takes the key {probe!r}" for probe in NUL_PROBES if keys.is_valid(probe)]
            if isinstance(extra, dict):
                leaks += nul_leaks(extra, root, f"{where}.*", seen)
    if isinstance(schema.get("items"), dict):
        leaks += nul_leaks(schema["items"], root, f"{where}[]", seen)
    return leaks


def test_no_request_the_document_allows_carries_a_nul(app):
    """The server refuses a NUL in any path segment, query value, body string or body key (PostgreSQL cannot store
    one): the document must refuse it too, or a client following it gets a 422 (schemathesis: ST202)."""
    spec = build_spec(app)
    leaks = []
    for path, operations in spec["paths"].items():
        for method, op in operations.items():
            label = f"{method.upper()} {path}"
            for parameter in op.get("parameters", ()):
                leaks += nul_leaks(parameter["schema"], spec, f"{label} {parameter['name']}", set())
            if "requestBody" in op:
                body = op["requestBody"]["content"]["application/json"]["schema"]
                leaks += nul_leaks(body, spec, f"{label} body", set())
    assert leaks == []


def body_check(client, path: str, method: str = "post"):
    """Whether the document's schema for the operation's body takes ``payload``."""
    spec = client.get("/api/v1/openapi.json").get_json()
    schema = spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return jsonschema_rs.Draft202012Validator({**schema, "components": spec["components"]}).is_valid


# Text fields: invisible-only text (C1 controls, zero-width, tag characters, a lone newline) and NUL are refused;
# anything with a visible character is taken, a trailing newline included.
TEXTS = ["ok", "ok\n", "\u008f", "\n", " \t", "\u200b\u2060", "\U000e0020", "\U000e0020x", "a\x00b", "😀"]


def test_text_the_document_takes_is_text_the_server_takes(client, world):
    """Reply body, report text, author name: the document and the server agree on every probe, either way."""
    assert submit(client, review(rating=1, body="Cassé au bout de deux jours")).status_code == 202
    item_id = submit(client, review()).get_json()["id"]
    preview_ok = body_check(client, "/api/v1/cases/{id}/reply/preview")
    report_ok = body_check(client, "/api/v1/sites/{site}/items/{id}/reports")
    submit_ok = body_check(client, "/api/v1/sites/{site}/subjects/{subject}/items")
    headers = auth(world.moderator_token)
    for text in TEXTS:
        preview = client.post("/api/v1/cases/1/reply/preview", json={"body": text}, headers=headers)
        assert preview_ok({"body": text}) is (preview.status_code == 200), (text, preview.get_json())
        reported = client.post(f"/api/v1/sites/shop/items/{item_id}/reports", json={"reason": "other", "text": text},
                               headers={"Origin": ORIGIN})  # fmt: skip
        assert report_ok({"reason": "other", "text": text}) is (reported.status_code == 202), (
            text,
            reported.get_json(),
        )
        payload = review(author={"name": text}, body=f"Avis de {text!r}")
        submitted = submit(client, payload)
        assert submit_ok(payload) is (submitted.status_code == 202), (text, submitted.get_json())


def test_fields_an_action_ignores_are_ignored_unless_they_hold_a_nul(client, world):
    assert submit(client, review(rating=1, body="Cassé au bout de deux jours")).status_code == 202
    preview_ok = body_check(client, "/api/v1/cases/{id}/reply/preview")
    for payload in (
        {"body": "Merci", "source": "crm", "meta": {"ticket": 12, "tags": ["a", None, 1.5]}},
        {"body": "Merci", "key\x00": 1},
        {"body": "Merci", "meta": {"k\x00": True}},
        {"body": "Merci", "meta": [{"deep": ["a\x00"]}]},
    ):
        response = client.post("/api/v1/cases/1/reply/preview", json=payload, headers=auth(world.moderator_token))
        assert preview_ok(payload) is (response.status_code == 200), (payload, response.get_json())


EMAILS = ["lea@shop.example", "lea@mail.example.com", "lea@a.test", "lea@A.TeSt", "lea@x.invalid", "lea@localhost",
          "lea@printer.local", "lea@hidden.onion", "lea@1.0.0.127.in-addr.arpa", "lea@test.com", "lea@shop",
          "lea@shop.b2", f"lea@{'a' * 64}.com", f"lea@{'a' * 63}.com"]  # fmt: skip


def test_reserved_mail_domains_are_refused_by_the_document_as_by_the_server(client, world):
    """Special-use domains can never receive mail: refused with 422 naming the field, and the document says so."""
    item_id = submit(client, review()).get_json()["id"]
    site = auth(world.site_token)
    report_ok = body_check(client, "/api/v1/sites/{site}/items/{id}/reports")
    submit_ok = body_check(client, "/api/v1/sites/{site}/subjects/{subject}/items")
    invite_ok = body_check(client, "/api/v1/sites/{site}/invitations")
    for email in EMAILS:
        payload = {"reason": "spam", "email": email}
        # The site's token: a server integration is not limited per address, and this test posts a lot.
        reported = client.post(f"/api/v1/sites/shop/items/{item_id}/reports", json=payload, headers=site)
        assert report_ok(payload) is (reported.status_code == 202), (email, reported.get_json())
        if reported.status_code != 202:
            assert reported.status_code == 422 and reported.get_json()["error"]["field"] == "email"
        payload = review(author={"name": "Lea", "email": email}, body=f"Avis de {email}")
        submitted = submit(client, payload, headers=site)
        assert submit_ok(payload) is (submitted.status_code == 202), (email, submitted.get_json())
        payload = {"order_reference": f"FR-{email}", "subjects": ["sku-1"], "customer": {"email": email, "name": "Lea"}}
        invited = client.post("/api/v1/sites/shop/invitations", json=payload, headers=site)
        assert invite_ok(payload) is (invited.status_code == 202), (email, invited.get_json())
    assert [e for e in EMAILS if report_ok({"reason": "spam", "email": e})] == [
        "lea@shop.example",
        "lea@mail.example.com",
        "lea@test.com",
        f"lea@{'a' * 63}.com",
    ]


def test_spaces_are_the_same_characters_to_the_document_and_the_server(client, world):
    """A pattern's \\s is not the same set in Rust (pydantic, the server) and ECMAScript (the document's readers):
    U+0085 is a space to one, U+FEFF to the other. The link of an answer given elsewhere and an invited customer's
    name must be judged alike either way."""
    assert submit(client, review(rating=1, body="Cassé au bout de deux jours")).status_code == 202
    url_ok = body_check(client, "/api/v1/cases/{id}/answered_elsewhere")
    for url in (
        "https://forum.example/t/1",
        "https://forum.example/\u0085",
        "https://forum\ufeff.example/",
        "http://a b",
    ):
        response = client.post("/api/v1/cases/1/answered_elsewhere", json={"url": url}, headers=auth(world.admin_token))
        # The case's item is no external post: a link the shape takes gets 409, one it refuses 422.
        assert url_ok({"url": url}) is (response.status_code != 422), (url, response.get_json())
    invite_ok = body_check(client, "/api/v1/sites/{site}/invitations")
    for i, name in enumerate(("Lea", "\u0085", "\ufeff", "\u3000", " Lea ")):
        payload = {"order_reference": f"FR-{i}", "subjects": ["sku-1"], "customer": {"email": "lea@shop.example",
                   "name": name}}  # fmt: skip
        response = client.post("/api/v1/sites/shop/invitations", json=payload, headers=auth(world.site_token))
        assert invite_ok(payload) is (response.status_code == 202), (name, response.get_json())


def test_notify_needs_an_address_in_the_document_as_on_the_server(client, world):
    submit_ok = body_check(client, "/api/v1/sites/{site}/subjects/{subject}/items")
    address = "lea@shop.example"
    authors = [{"name": "Lea", "notify": True}, {"name": "Lea", "notify": True, "email": ""},
               {"name": "Lea", "notify": True, "email": None}, {"name": "Lea", "notify": True, "email": address},
               {"name": "Lea", "notify": False}, {"name": "Lea", "email": address}]  # fmt: skip
    for i, author in enumerate(authors):
        payload = review(author=author, body=f"Avis numéro {i}")
        response = submit(client, payload)
        assert submit_ok(payload) is (response.status_code == 202), (author, response.get_json())
    refused = submit(client, review(author=authors[0], body="Encore un avis"))
    assert refused.get_json()["error"] == {
        "code": "email_required",
        "message": "author.notify needs author.email",
        "field": "author.notify",
    }
