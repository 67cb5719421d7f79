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
from schemathesis.specs.openapi.checks import positive_data_acceptance

from moderation import create_app
from moderation.api.openapi import build_spec
from tests.conftest import ORIGIN, auth, review, submit

DEPENDS_ON_STORED_ITEMS = {"parent_other_subject", "parent_removed"}
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
    case.operation.schema.app = app  # this test's app (database, Redis), also for the checks' own requests
    headers = auth(world.admin_token)
    response = case.call(app=app, headers=headers)
    excluded = []
    if response.status_code == 422 and response.json()["error"]["code"] in DEPENDS_ON_STORED_ITEMS:
        # A well-formed comment whose parent_id names an item of another thread (or a removed one, which an earlier
        # example may have made): a refusal no schema can express, so only "valid data is accepted" is waived.
        excluded.append(positive_data_acceptance)
    case.validate_response(response, headers=headers, excluded_checks=excluded, transport_kwargs={"app": app})


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


def body_check(client, path: str, method: str = "post"):
    """Whether the document's schema for the operation's body takes ``payload``."""
    spec = client.get("/api/v1/openapi.json").get_json()
    schema = spec["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]
    return jsonschema_rs.Draft202012Validator({**schema, "components": spec["components"]}).is_valid


EMAILS = ["lea@shop.example", "lea@mail.example.com", "lea@a.test", "lea@A.TeSt", "lea@x.invalid", "lea@localhost",
          "lea@printer.local", "lea@hidden.onion", "lea@1.0.0.127.in-addr.arpa", "lea@test.com"]  # fmt: skip


def test_reserved_mail_domains_are_refused_by_the_document_as_by_the_server(client, world):
    """Special-use domains can never receive mail: refused with 422 naming the field, and the document says so."""
    item_id = submit(client, review()).get_json()["id"]
    report_ok = body_check(client, "/api/v1/sites/{site}/items/{id}/reports")
    submit_ok = body_check(client, "/api/v1/sites/{site}/subjects/{subject}/items")
    invite_ok = body_check(client, "/api/v1/sites/{site}/invitations")
    for email in EMAILS:
        payload = {"reason": "spam", "email": email}
        reported = client.post(f"/api/v1/sites/shop/items/{item_id}/reports", json=payload, headers={"Origin": ORIGIN})
        assert report_ok(payload) is (reported.status_code == 202), (email, reported.get_json())
        if reported.status_code != 202:
            assert reported.status_code == 422 and reported.get_json()["error"]["field"] == "email"
        payload = review(author={"name": "Lea", "email": email}, body=f"Avis de {email}")
        submitted = submit(client, payload)
        assert submit_ok(payload) is (submitted.status_code == 202), (email, submitted.get_json())
        payload = {"order_reference": f"FR-{email}", "subjects": ["sku-1"], "customer": {"email": email, "name": "Lea"}}
        invited = client.post("/api/v1/sites/shop/invitations", json=payload, headers=auth(world.site_token))
        assert invite_ok(payload) is (invited.status_code == 202), (email, invited.get_json())
    assert [e for e in EMAILS if report_ok({"reason": "spam", "email": e})] == [
        "lea@shop.example",
        "lea@mail.example.com",
        "lea@test.com",
    ]
