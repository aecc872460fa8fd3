"""One real sync server (127.0.0.1) for the whole integration session, and a team on it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.live import LiveServer, start_live_server

from .world import World, build_world


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with start_live_server(tmp_path_factory.mktemp("sync-server")) as server:
        yield server


@pytest.fixture(scope="session")
def world(live: LiveServer) -> World:
    return build_world(live)
