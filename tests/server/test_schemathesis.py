"""Property-based API tests with Schemathesis against the ASGI app: no server errors, and every response
matches the OpenAPI document (status codes, content types, headers, bodies). Bounded for CI."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from sync.server.app import create_app
from sync.server.settings import Settings

from .helpers import PASSWORD, build_world, shared_key_file

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
SEEN: list[tuple[str, str, int]] = []
EXAMPLES = 20  # per operation; the whole test stays well under 60 s


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("schemathesis") / "api.sqlite3"
    app = create_app(
        Settings(database_url=f"sqlite:///{path}", key_file=shared_key_file(), login_max_failures=10**6)
    )
    world = build_world(app.state.storage)
    with TestClient(app) as client:
        token = client.post(
            "/auth/login", json={"username": "lead", "password": PASSWORD, "device_name": "schemathesis"}
        ).json()["token"]
    return schemathesis.openapi.from_asgi("/openapi.json", app), token, world.review_id


def test_api_conforms_to_its_schema(api) -> None:
    schema, token, review_id = api
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 13
    runs = [(op, mode) for op in operations for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)]
    for operation, mode in runs:
        if mode is GenerationMode.NEGATIVE and operation.path in ("/health", "/ready"):
            continue  # nothing to get wrong

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES // 2 if mode is GenerationMode.NEGATIVE else EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def check(case) -> None:
            # Half the cases target the real review with a valid token, so the authorised paths are explored.
            if (
                "review_id" in (case.path_parameters or {})
                and zlib.crc32(repr(case.path_parameters).encode()) % 2 == 0
            ):
                case.path_parameters["review_id"] = review_id
            headers = {"Authorization": f"Bearer {token}"}
            if zlib.crc32(repr(case.query).encode()) % 5 == 0:
                headers = {}
            response = case.call_and_validate(headers=headers, checks=CHECKS)
            SEEN.append((case.method.upper(), case.operation.path, response.status_code))

        check()
    # the run reached the authorised paths, not only 401s and 404s
    assert {status for _, _, status in SEEN} >= {200, 401, 422}
    assert len(SEEN) >= len(runs) * 5
