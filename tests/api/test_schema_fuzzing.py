"""Schemathesis over the OpenAPI schema: whatever arrives, no 5xx (bounded, deterministic).

Driven by hand (operation by operation, with Hypothesis) instead of schemathesis' pytest
plugin, so that it runs on every database backend of the `app` fixture.
"""

import schemathesis
from hypothesis import HealthCheck, given, settings

from .conftest import INTERNAL

EXAMPLES_PER_OPERATION = 25


def test_no_server_errors(app, client):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    failures = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def call(case):
            response = case.call(headers={**INTERNAL, **(case.headers or {})})
            if response.status_code >= 500:
                failures.append((case.method, case.formatted_path, case.body, response.text[:200]))

        call()
    assert failures == []
