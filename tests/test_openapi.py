"""schemathesis drives every operation of /api/v1/openapi.json: bad input never makes a server error."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from moderation.api.openapi import build_spec
from tests.conftest import auth

# The document is static, so it is loaded from the code that serves it; test_document_is_served checks the
# endpoint returns this same document.
schema = schemathesis.openapi.from_dict(build_spec())


# /readyz answers 503 by design when no worker is alive; tests/test_scoring.py covers it.
@schema.exclude(path="/readyz").parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_no_server_error(case, app, world):
    # Aim the generated requests at a real site with real credentials, so they reach validation and the
    # services rather than stopping at "unknown site" or "no token".
    if "site" in (case.path_parameters or {}):
        case.path_parameters["site"] = "shop"
    case.headers = {**(case.headers or {}), **auth(world.admin_token)}
    case.call_and_validate(app=app, checks=[not_a_server_error])


def test_document_is_served(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec == build_spec()
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/sites/{site}/subjects/{subject}/items" in spec["paths"]
