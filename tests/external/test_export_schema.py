"""schemathesis over the two export operations alone (tests/test_openapi.py covers every operation at once):
schema-valid queries are answered, schema-violating ones refused with a 4xx, responses match the document."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings

from moderation import create_app
from moderation.api.openapi import build_spec
from tests.conftest import check_schemathesis_case

schema = schemathesis.openapi.from_dict(
    build_spec(create_app({"TESTING": True, "DATABASE_URL": "sqlite://", "REDIS_URL": "redis://127.0.0.1:1/0"}))
)
schema.config.update(parameters={"path.site": "shop"})


@schema.include(path_regex=r"/(items\.jsonl|feed/products\.json)$").parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_export_document_and_server_agree(case, app, world):
    check_schemathesis_case(case, app, world.admin_token)
