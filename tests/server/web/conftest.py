from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .console import Console, build_console


@pytest.fixture
def console(tmp_path: Path) -> Iterator[Console]:
    made = build_console(tmp_path)
    yield made
    made.app.state.storage.close()
