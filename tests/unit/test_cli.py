"""The headless CLI, run as a user would: a real process, a real data dir, exit statuses and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASS = "a long enough passphrase"


def run(data_dir: Path, *args: str, passphrase: str | None = PASS, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("SPP_")}
    full_env.update(env)
    full_env["SPP_DATA_DIR"] = str(data_dir)
    if passphrase is not None:
        full_env["SPP_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "spp_desktop", *args], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data = tmp_path_factory.mktemp("cli")
    assert run(data, "init").returncode == 0
    result = run(data, "demo")
    assert result.returncode == 0, result.stderr
    return data


def test_list_and_export(demo_dir, tmp_path):
    listing = run(demo_dir, "list")
    assert listing.returncode == 0
    review_id, school, dates, focus = listing.stdout.strip().split("\t")
    assert "Primary" in school and focus
    out = tmp_path / "export.json"
    result = run(demo_dir, "export-review", review_id[:8], "--out", str(out))
    assert result.returncode == 0 and "NOT encrypted" in result.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["review"]["id"] == review_id and len(doc["evidence"]) >= 20


def test_import_review_and_invalid_package(demo_dir, tmp_path):
    doc = json.loads(run(demo_dir, "export-review", run(demo_dir, "list").stdout.split("\t")[0]).stdout)
    doc["review"]["id"] = "another-review"
    good = tmp_path / "good.json"
    good.write_text(json.dumps(doc), encoding="utf-8")
    assert run(demo_dir, "import-review", str(good)).returncode == 0
    doc["evidence"][2]["kind"] = "inspection"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    result = run(demo_dir, "import-review", str(bad))
    assert result.returncode == 4
    assert "$.evidence[2].kind" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "junk.json").write_text("{not json", encoding="utf-8")
    result = run(demo_dir, "import-review", str(tmp_path / "junk.json"))
    assert result.returncode == 4 and "not valid JSON" in result.stderr


def test_wrong_passphrase_is_status_2(demo_dir):
    result = run(demo_dir, "list", passphrase="this is not it at all")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "passphrase" in result.stderr
    assert "Traceback" not in result.stderr


def test_tampered_store_is_status_3_and_untouched(tmp_path):
    assert run(tmp_path, "init").returncode == 0
    assert run(tmp_path, "demo").returncode == 0
    db = tmp_path / "store.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x10
    db.write_bytes(bytes(data))
    result = run(tmp_path, "list")
    assert result.returncode == 3
    assert str(db) in result.stderr and "Traceback" not in result.stderr
    assert db.read_bytes() == bytes(data)


def test_change_passphrase(tmp_path):
    assert run(tmp_path, "init").returncode == 0
    result = run(tmp_path, "change-passphrase", SPP_NEW_PASSPHRASE="the new long passphrase")
    assert result.returncode == 0, result.stderr
    assert run(tmp_path, "list").returncode == 2
    assert run(tmp_path, "list", passphrase="the new long passphrase").returncode == 0


def test_weak_passphrase_refused_and_no_store_message(tmp_path):
    result = run(tmp_path, "init", passphrase="short")
    assert result.returncode == 1 and "12 characters" in result.stderr
    result = run(tmp_path / "empty", "list")
    assert result.returncode == 1 and "spp-desktop init" in result.stderr
