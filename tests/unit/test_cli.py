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


def test_wrong_passphrase_is_status_5_and_usage_is_2(demo_dir):
    result = run(demo_dir, "list", passphrase="this is not it at all")
    assert result.returncode == 5
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
    assert run(tmp_path, "list").returncode == 5
    assert run(tmp_path, "list", passphrase="the new long passphrase").returncode == 0


def test_weak_passphrase_refused_and_no_store_message(tmp_path):
    result = run(tmp_path, "init", passphrase="short")
    assert result.returncode == 1 and "12 characters" in result.stderr
    result = run(tmp_path / "empty", "list")
    assert result.returncode == 1 and "spp-desktop init" in result.stderr


def test_usage_errors_are_status_2(demo_dir):
    for argv in (["no-such-command"], ["export-pdf", "x"], ["list", "--no-such-option"]):
        result = run(demo_dir, *argv)
        assert result.returncode == 2 and "usage:" in result.stderr, argv


def test_passphrase_file_and_its_environment_variable(demo_dir, tmp_path):
    good, wrong = tmp_path / "good.txt", tmp_path / "wrong.txt"
    good.write_text(PASS + "\n", encoding="utf-8")  # the first line; its newline is not part of it
    wrong.write_text("this is not it at all\n", encoding="utf-8")
    assert run(demo_dir, "--passphrase-file", str(good), "list", passphrase=None).returncode == 0
    assert run(demo_dir, "list", passphrase=None, SPP_PASSPHRASE_FILE=str(good)).returncode == 0
    # The file wins over SPP_PASSPHRASE, the option over the variable.
    assert run(demo_dir, "--passphrase-file", str(wrong), "list").returncode == 5
    assert run(demo_dir, "--passphrase-file", str(good), "list", passphrase=None,
               SPP_PASSPHRASE_FILE=str(wrong)).returncode == 0
    missing = run(demo_dir, "--passphrase-file", str(tmp_path / "nope"), "list", passphrase=None)
    assert missing.returncode == 1 and "no passphrase file" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    empty = run(demo_dir, "--passphrase-file", str(tmp_path / "empty.txt"), "list", passphrase=None)
    assert empty.returncode == 1 and "empty" in empty.stderr
    none = run(demo_dir, "list", passphrase=None)
    assert none.returncode == 1 and "--passphrase-file" in none.stderr


def test_list_json_and_the_output_option_spellings(demo_dir, tmp_path):
    listing = run(demo_dir, "list", "--json")
    assert listing.returncode == 0, listing.stderr
    reviews = json.loads(listing.stdout)
    assert reviews and set(reviews[0]) == {"id", "host_school", "start_date", "end_date", "focus"}
    review_id = reviews[0]["id"]
    for spelling in ("-o", "--output", "--out"):  # --output is the spelling; --out the old alias
        target = tmp_path / f"review{spelling}.json"
        result = run(demo_dir, "export-review", review_id, spelling, str(target))
        assert result.returncode == 0, result.stderr
        assert json.loads(target.read_text(encoding="utf-8"))["review"]["id"] == review_id


def test_bash_completion_offers_the_real_commands_and_options(tmp_path):
    script = run(tmp_path, "completion", "bash", passphrase=None)
    assert script.returncode == 0, script.stderr
    (tmp_path / "complete.bash").write_text(script.stdout, encoding="utf-8")

    def complete(*words: str) -> list[str]:
        line = " ".join(["spp-desktop", *words])
        probe = (f'source {tmp_path / "complete.bash"}; COMP_WORDS=({line}); COMP_CWORD={len(words)}; '
                 '_spp_desktop; printf "%s\\n" "${COMPREPLY[@]}"')
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    assert {"checkout", "change-passphrase"} <= set(complete("ch"))
    assert "--json" in complete("sync", "--")
    assert {"--output", "--out", "-o"} & set(complete("export-pdf", "-")) == {"--output", "--out", "-o"}
    assert "--passphrase-file" in complete("--pass")
