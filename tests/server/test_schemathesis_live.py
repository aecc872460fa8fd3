"""Schemathesis against the live server (a real `spp-server serve` on 127.0.0.1, demo data): its
coverage, fuzzing and stateful phases with every check, so the OpenAPI document is what the server does
(405 Allow headers, HEAD without a body type, the PATCH limits). A small example count here; run the
larger one with SPP_SLOW=1 (marked slow)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .live import start_live_server

CONFIG = Path(__file__).with_name("schemathesis.toml")


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, examples: int) -> subprocess.CompletedProcess[str]:
    # schemathesis signs in with random names from this address: keep the lead's laptop unthrottled
    monkeypatch.setenv("SPP_SERVER_LOGIN_MAX_FAILURES", "1000000")
    with start_live_server(tmp_path) as server:
        token = server.login("lead_reviewer", "schemathesis")
        done = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "run",
             f"{server.url}/openapi.json", "--phases", "coverage,fuzzing,stateful", "--checks", "all",
             "--max-examples", str(examples), "--seed", "20261204", "-H", f"Authorization: Bearer {token}",
             "--report-dir", str(tmp_path / "report")],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,  # its cache stays out of the tree
            env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_HOOKS": ""},
        )
    return done


def _assert_clean(done: subprocess.CompletedProcess[str]) -> None:
    summary = done.stdout[-4000:]
    assert done.returncode == 0, summary
    for phase in ("Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in done.stdout, summary
    print("\n" + "\n".join(line for line in done.stdout.splitlines() if "generated" in line or "passed" in line))


def test_the_live_server_matches_its_api_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _assert_clean(_run(tmp_path, monkeypatch, examples=5))


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("SPP_SLOW"), reason="set SPP_SLOW=1 for the long schemathesis run")
def test_the_live_server_matches_its_api_document_at_length(tmp_path: Path, monkeypatch) -> None:
    _assert_clean(_run(tmp_path, monkeypatch, examples=200))
