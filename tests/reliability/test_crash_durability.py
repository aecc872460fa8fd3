"""SIGKILL at random moments: every save acknowledged before the kill is there after reopening."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from spp_desktop.store.repository import ReviewStore
from tests.helpers import PASSPHRASE, new_store

RUNS = int(os.environ.get("SPP_CRASH_RUNS", "50"))
ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(data_dir: Path, review_id: str, rng: random.Random) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.crash_writer", str(data_dir), review_id, PASSPHRASE],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT, text=True,
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        for line in proc.stdout:  # type: ignore[union-attr]
            if line.startswith("ready"):
                ready.set()
            else:
                lines.append(line.strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    assert ready.wait(30), "the writer did not start"
    time.sleep(rng.uniform(0.0, 0.15))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    reader.join(10)
    return lines


def test_acknowledged_saves_survive_sigkill(tmp_path):
    store, review_id = new_store(tmp_path)
    store.close()
    rng = random.Random(int(os.environ.get("SPP_CRASH_SEED", "20261122")))
    acknowledged: dict[str, str] = {}
    for _ in range(RUNS):
        for line in _run_and_kill(tmp_path, review_id, rng):
            _, evidence_id, version = line.split()
            acknowledged[evidence_id] = version
    assert len(acknowledged) >= RUNS // 2, "the writer hardly wrote anything; the test proves little"
    with ReviewStore.unlock(tmp_path, PASSPHRASE) as store:  # unlock runs the integrity checks
        store.check_integrity()
        found = {e.id: e.notes for e in store.evidence(review_id)}
        for evidence_id, version in acknowledged.items():
            assert evidence_id in found, f"acknowledged record {evidence_id} was lost"
            saved = found[evidence_id].removeprefix("note ")
            # The kill may land after a commit but before its line was printed: newer is fine, older is not.
            assert tuple(map(int, saved.split("."))) >= tuple(map(int, version.split("."))), (evidence_id, saved, version)
