"""Schemathesis on the invitations operation with the site's own token, so generated requests reach validation
and the service (the suite-wide run in tests/test_openapi.py calls it with an admin token, which stops at 403)."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from moderation import create_app
from moderation.api.openapi import build_spec
from tests.conftest import auth

schema = schemathesis.openapi.from_dict(
    build_spec(create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "REDIS_URL": "redis://127.0.0.1:1/0"}))
)
schema.config.update(parameters={"path.site": "shop"})


@schema.include(path_regex="invitations$").parametrize()
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_invitations_document_and_server_agree(case, app, world):
    case.operation.schema.app = app
    headers = auth(world.site_token)
    response = case.call(app=app, headers=headers)
    assert response.status_code < 500
    excluded = []
    error = response.json().get("error") if response.status_code == 422 else None
    if error and error["code"] == "invalid_email" and "special-use or reserved name" in error["message"]:
        # "format: email" allows x@shop.test; the address check (email_validator, shared with the submit API)
        # refuses special-use domains, which no mail reaches. Known gap, reported; only this check is waived.
        excluded.append(positive_data_acceptance)
    case.validate_response(response, headers=headers, excluded_checks=excluded, transport_kwargs={"app": app})
