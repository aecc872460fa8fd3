from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .console import Console, build_console


@pytest.fixture
def console(tmp_path: Path, database_url: str) -> Iterator[Console]:
    """The console world on SQLite and (marked postgres) on PostgreSQL: tests/server/conftest.py."""
    made = build_console(tmp_path, database_url)
    yield made
    made.app.state.storage.close()
