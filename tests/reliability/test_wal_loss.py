"""A deleted WAL after a crash: SQLite opens the main file as it was at the last checkpoint and says
nothing, so the store keeps a high-water mark beside the database and tells how many changes are gone.
Real processes, real SQLCipher files, a real kill -9."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore

ROOT = Path(__file__).resolve().parents[2]
PASS = "a long enough passphrase"

WRITER = """
import os, signal, sys
from spp_desktop.demo import demo_package
from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.repository import ReviewStore
store = ReviewStore.unlock(sys.argv[1], sys.argv[2])
review_id = store.list_reviews()[0].id
for i in range(int(sys.argv[3])):
    store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"after the checkpoint {i}")
print("saved", flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # no close: the changes are committed, in the WAL only
"""


def _store_with_a_review(folder: Path) -> str:
    from spp_desktop.demo import demo_package

    store = ReviewStore.create(folder, PASS, kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(demo_package())
    store.close()  # checkpointed: the main file holds all of this
    return review_id


def _crash_after(folder: Path, count: int) -> None:
    done = subprocess.run([sys.executable, "-c", WRITER, str(folder), PASS, str(count)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert "saved" in done.stdout, done.stderr


def _evidence_count(store: ReviewStore, review_id: str) -> int:
    return len(store.evidence(review_id))


def test_a_deleted_wal_after_a_crash_is_noticed_and_counted(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    review_id = _store_with_a_review(folder)
    before = ReviewStore.unlock(folder, PASS)
    kept = _evidence_count(before, review_id)
    before.close()
    _crash_after(folder, 7)
    wal = folder / "store.db-wal"
    assert wal.exists() and wal.stat().st_size > 0
    wal.unlink()  # what the crash-and-clean-up did: the 7 committed records are gone
    (folder / "store.db-shm").unlink(missing_ok=True)
    store = ReviewStore.unlock(folder, PASS)
    assert _evidence_count(store, review_id) == kept
    assert store.lost_changes == 7
    store.close()
    again = ReviewStore.unlock(folder, PASS)  # told once
    assert again.lost_changes == 0
    again.close()


def test_a_crash_with_its_wal_intact_loses_nothing_and_says_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    review_id = _store_with_a_review(folder)
    _crash_after(folder, 5)
    store = ReviewStore.unlock(folder, PASS)
    assert store.lost_changes == 0
    assert sum("after the checkpoint" in (e.notes or "") for e in store.evidence(review_id)) == 5
    store.close()


def test_the_cli_says_plainly_that_changes_are_missing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _store_with_a_review(folder)
    _crash_after(folder, 3)
    (folder / "store.db-wal").unlink()
    (folder / "store.db-shm").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPP_")}
    env.update(SPP_DATA_DIR=str(folder), SPP_PASSPHRASE=PASS)
    done = subprocess.run([sys.executable, "-m", "spp_desktop", "list"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 0 and "Warning: 3 of the changes saved on this laptop" in done.stderr
    assert (folder / "store.hwm").read_text().strip().isdigit()  # one number, nothing a person wrote
