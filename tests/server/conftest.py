"""Fixtures for the server tests: a database per backend, a storage, an app with a world, a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sync.server.app import create_app
from sync.server.auth import hash_token
from sync.server.db import make_engine, upgrade
from sync.server.settings import Settings
from sync.server.storage import Storage
from tests.signing_helpers import device_public

from .helpers import PASSWORD, World, build_world, postgres_schema_url, shared_key_file, shared_keys
from .live import LiveServer, start_live_server


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test that uses this runs on SQLite (a temp file) and on PostgreSQL (a schema of its own)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/server.sqlite3"
    else:
        with postgres_schema_url() as url:
            yield url


@pytest.fixture
def storage(database_url: str) -> Iterator[Storage]:
    engine = make_engine(database_url)
    upgrade(engine)
    yield Storage(engine, shared_keys())
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/api.sqlite3"


class Api:
    """A TestClient on a fresh app with a world, and tokens for its users."""

    def __init__(self, client: TestClient, world: World):
        self.client = client
        self.world = world
        self.tokens: dict[str, str] = {}

    def login(self, name: str, device: str = "Laptop") -> str:
        r = self.client.post(
            "/auth/login", json={"username": name, "password": PASSWORD, "device_name": device}
        )
        assert r.status_code == 200, r.text
        self.tokens[name] = r.json()["token"]
        return self.tokens[name]

    def auth(self, name: str) -> dict[str, str]:
        token = self.tokens.get(name) or self.login(name)
        return {"Authorization": f"Bearer {token}"}


class SigningClient(TestClient):
    """A TestClient whose pushes register the device keys of the caller's own ops first, as the laptop
    does before it syncs (POST /devices/key): tests/server/helpers.make_op signs with those keys. Ops a
    caller sends in someone else's name are not registered, so forging stays forging."""

    def request(self, method: str, url: Any, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        body = kwargs.get("json")
        auth = (kwargs.get("headers") or {}).get("Authorization", "")
        if method.upper() == "POST" and str(url).endswith("/ops") and isinstance(body, dict) and auth.startswith("Bearer "):
            storage = self.app.state.storage  # type: ignore[attr-defined]
            device = storage.device_for_token(hash_token(auth[7:]))
            for op in body.get("ops") or []:
                if (device and isinstance(op, dict) and op.get("author") == device["user_id"]
                        and isinstance(op.get("device_id"), str) and op["device_id"] != "package"):
                    storage.bind_device_key(op["device_id"], device["user_id"], device_public(op["device_id"]))
        return super().request(method, url, *args, **kwargs)


def make_api(url: str, **settings: object) -> Iterator[Api]:
    settings.setdefault("key_file", shared_key_file())
    app = create_app(Settings(database_url=url, **settings))  # type: ignore[arg-type]
    world = build_world(app.state.storage)
    with SigningClient(app) as client:
        yield Api(client, world)


@pytest.fixture
def api(sqlite_url: str) -> Iterator[Api]:
    yield from make_api(sqlite_url)


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """A real `spp-server serve` process on 127.0.0.1 with the demo data (see tests/server/live.py)."""
    with start_live_server(tmp_path) as server:
        yield server
