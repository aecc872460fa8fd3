"""The store and the sync protocol are type-checked (mypy), as the foundation issue asks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("mypy") is None and not (Path(sys.executable).parent / "mypy").exists(),
                    reason="mypy is not installed (it comes with the test extra)")
def test_mypy_store_and_protocol(tmp_path):
    # Its own cache: a shared .mypy_cache can be held by another mypy run on the same checkout.
    result = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy"),
                             "spp_desktop/store", "sync/protocol"],
                            capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
