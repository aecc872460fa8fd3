"""Crash and disk edges of the command line, as a user meets them (real processes, real files):
kill -9 during `init`, a full disk (a real tmpfs filled up), a 100k-deep JSON file and a 1 GB package,
and one damaged photo in `bundle-export`. Each ends in one sentence and an exit status, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASS = "a long enough passphrase"


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SPP_")}
    env.update(SPP_DATA_DIR=str(data_dir), SPP_PASSPHRASE=PASS)
    return env


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "spp_desktop", *args], capture_output=True, text=True,
                          env=_env(data_dir), cwd=ROOT, timeout=180, stdin=subprocess.DEVNULL)


def _one_sentence(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1, result.stderr


def test_init_killed_at_any_moment_is_recovered_by_the_next_init(tmp_path: Path) -> None:
    for i, delay in enumerate((0.15, 0.3, 0.45, 0.6, 0.8, 1.0, 1.3)):
        folder = tmp_path / f"store{i}"
        process = subprocess.Popen([sys.executable, "-m", "spp_desktop", "init"], env=_env(folder), cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        again = run(folder, "init")
        if again.returncode != 0:  # only when the killed init had finished after all
            assert "There is already a review store" in again.stderr, again.stderr
        _one_sentence(again)
        listing = run(folder, "list")
        assert listing.returncode == 0, listing.stderr
        leftovers = {p.name for p in folder.iterdir()} - {"store.db", "keyfile.json", "spp-desktop.lock", "store.hwm"}
        assert all(name.startswith("keyfile.json.orphaned-") for name in leftovers), leftovers


def _fill(path: Path, block: int) -> None:
    try:
        with path.open("wb", buffering=0) as filler:
            while True:
                filler.write(b"\0" * block)
    except OSError:
        pass


_REVIEW: list = []


@pytest.fixture
def full_disk_review(full_disk):
    return tuple(_REVIEW)


@pytest.fixture
def full_disk(tmp_path: Path):
    """A real 48 MB tmpfs (needs root, as in CI) with a demo store on it, then filled to the last byte."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        data = mount / "data"
        assert run(data, "init").returncode == 0
        assert run(data, "demo").returncode == 0
        review_id = run(data, "list").stdout.split("\t")[0]
        package = tmp_path / "package.json"
        assert run(data, "export-review", review_id, "-o", str(package)).returncode == 0
        _REVIEW[:] = [review_id, package]
        for name, block in (("filler", 65536), ("filler2", 1)):  # then the last few bytes too
            _fill(mount / name, block)
        yield data
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_every_command_on_a_full_disk_ends_in_one_sentence(full_disk: Path, full_disk_review, tmp_path: Path) -> None:
    data = full_disk
    review_id, package = full_disk_review
    doc = json.loads(package.read_text())
    doc["review"]["id"] = str(uuid.uuid4())
    package.write_text(json.dumps(doc))
    commands = [
        ("list",),
        ("list", "--json"),
        ("demo",),
        ("import-review", str(package)),
        ("export-review", review_id, "-o", str(data.parent / "export.json")),
        ("export-pdf", review_id, "-o", str(data.parent / "summary.pdf")),
        ("bundle-export", review_id, "-o", str(data.parent / "team.bundle")),
        ("change-passphrase",),
        ("init",),
    ]
    statuses = {}
    for command in commands:
        result = run(data, *command)
        _one_sentence(result)
        assert "could not be opened with this key file" not in result.stderr  # full, not damaged
        statuses[command[0]] = result.returncode
    assert statuses["demo"] != 0 and statuses["import-review"] != 0 and statuses["export-pdf"] != 0
    print(f"\nexit statuses on a full disk: {statuses}")
    for filler in data.parent.glob("filler*"):  # space again: nothing was damaged or half-written
        filler.unlink()
    after = run(data, "list")
    assert after.returncode == 0 and after.stdout.count("\t") == 3, after.stderr


def test_a_deeply_nested_or_huge_package_is_refused_plainly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert run(data, "init").returncode == 0
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    result = run(data, "import-review", str(deep))
    assert result.returncode == 4 and "nested far too deeply" in result.stderr
    _one_sentence(result)
    huge = tmp_path / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(1024 ** 3)  # 1 GB (sparse): refused from its size, never read
    result = run(data, "import-review", str(huge))
    assert result.returncode == 4 and "at most 64 MB" in result.stderr
    _one_sentence(result)
    many = tmp_path / "many.json"  # small in bytes, but more records than any review: refused while parsed
    many.write_text(json.dumps({"format": "spp-review-package", "evidence": [{"id": str(i)} for i in range(40_000)]}))
    result = run(data, "import-review", str(many))
    assert result.returncode == 4 and "more than 30,000 records" in result.stderr
    _one_sentence(result)


def test_one_damaged_photo_does_not_stop_bundle_export(tmp_path: Path) -> None:
    from spp_desktop.domain.evidence import EvidenceKind
    from spp_desktop.store.keys import FAST_TEST_KDF
    from spp_desktop.store.repository import ReviewStore
    from sync.protocol.package import FORMAT, FORMAT_VERSION
    from tests.ui.test_capture_photos import _png_of

    data = tmp_path / "data"
    store = ReviewStore.create(data, PASS, kdf_params=FAST_TEST_KDF)
    review_id = str(uuid.uuid4())
    me = str(uuid.uuid4())
    store.import_package({
        "format": FORMAT, "format_version": FORMAT_VERSION, "issued_at": "2026-03-01T09:00:00Z",
        "review": {"id": review_id, "host_school": "Ash Primary", "partnership": "North", "start_date": "2026-03-10",
                   "end_date": "2026-03-11", "focus": {"title": "Reading", "description": ""}},
        "enquiry_questions": [], "team": [{"id": me, "name": "Jo", "role": "lead_reviewer"}], "schedule": [],
    }, me=me, team_key=os.urandom(32))
    good = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Good photo")
    store.add_photo(review_id, good.id, _png_of(50_000))
    bad = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Damaged photo")
    damaged = store.add_photo(review_id, bad.id, _png_of(60_000))
    store.close()
    blobs = sorted((data / "attachments").glob("*.bin"), key=lambda p: p.stat().st_size)
    blob = blobs[-1]  # the larger photo is the damaged one
    raw = bytearray(blob.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    blob.write_bytes(bytes(raw))
    result = run(data, "bundle-export", review_id, "-o", str(tmp_path / "team.bundle"))
    assert result.returncode == 0, result.stderr
    assert "1 photos" in result.stdout or "1 photo" in result.stdout
    assert bad.id in result.stderr and damaged.id in result.stderr and "left out" in result.stderr
    assert (tmp_path / "team.bundle").stat().st_size > 50_000
    shutil.rmtree(data)
