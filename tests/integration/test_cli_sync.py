"""The sync commands as a user runs them: real processes, real data dirs, the real server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from tests.server.live import ROOT, free_port

from .world import PASSWORD, World

PASS = "a long enough passphrase"


def run(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("SPP_")}
    full_env.update(SPP_DATA_DIR=str(data_dir), SPP_PASSPHRASE=PASS, **env)
    return subprocess.run([sys.executable, "-m", "spp_desktop", *args], capture_output=True, text=True,
                          env=full_env, cwd=ROOT, timeout=180, stdin=subprocess.DEVNULL)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def one_sentence_error(result: subprocess.CompletedProcess[str], status: int) -> str:
    assert result.returncode == status, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    return result.stderr.strip()


def test_login_checkout_sync_and_bundles_end_to_end(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=2)
    lead, reviewer = world.members[0], world.members[1]
    a, b = tmp_path / "a", tmp_path / "b"
    server = world.server.url

    for folder in (a, b):  # `spp-desktop init`, with a fast key derivation for the test
        ReviewStore.create(folder, PASS, kdf_params=FAST_TEST_KDF).close()
    wrong = run(a, "login", "--server", server, "--username", reviewer.username, SPP_SERVER_PASSWORD="nope nope")
    assert "username or password is not right" in one_sentence_error(wrong, 7)  # signed out / refused
    down = run(a, "login", "--server", f"http://127.0.0.1:{free_port()}", "--username", lead.username,
               SPP_SERVER_PASSWORD=PASSWORD)
    assert "could not be reached" in one_sentence_error(down, 6)  # offline
    insecure = run(a, "login", "--server", "http://sync.example.org", "--username", lead.username,
                   SPP_SERVER_PASSWORD=PASSWORD)
    assert "https://" in one_sentence_error(insecure, 1)
    assert "not signed in" in one_sentence_error(run(a, "sync"), 7)

    assert "Signed in" in ok(run(a, "login", "--server", server, "--username", lead.username,
                                 SPP_SERVER_PASSWORD=PASSWORD))
    assert review_id in ok(run(a, "checkout"))
    assigned = json.loads(ok(run(a, "checkout", "--json")))
    assert {"id": review_id, "on_this_laptop": False}.items() <= next(r for r in assigned if r["id"] == review_id).items()
    assert "is assigned to you" in one_sentence_error(run(a, "checkout", "ffffffff-no-such-review"), 8)  # conflict
    out = ok(run(a, "checkout", review_id[:13]))
    assert "Checked out" in out and "hold the same review" in out

    with ReviewStore.unlock(a, PASS) as store:
        assert store.me(review_id) == lead.user_id
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Year 6 reading journals")
        store.create_evidence(review_id, EvidenceKind.FOCUS_GROUP, notes="Pupils talked about books")
    assert ok(run(a, "bundle-export", review_id, "--out", str(tmp_path / "team.bundle"))).startswith("Wrote")
    synced = json.loads(ok(run(a, "sync", review_id, "--json")))["reviews"]
    assert [(r["review_id"], r["pushed"], r["rejected"], r["in_step"]) for r in synced] == [(review_id, 2, [], True)]
    out = ok(run(a, "sync", review_id))
    assert "Everything synced at" in out and "hold the same review" in out

    ok(run(b, "login", "--server", server, "--username", reviewer.username, SPP_SERVER_PASSWORD=PASSWORD))
    ok(run(b, "checkout", review_id))
    out = ok(run(b, "bundle-import", str(tmp_path / "team.bundle")))
    assert "Added 0 changes (" in out  # b had them from the server already: nothing new, nothing lost
    imported = json.loads(ok(run(b, "bundle-import", str(tmp_path / "team.bundle"), "--json")))
    assert (imported["review_id"], imported["added"]) == (review_id, 0) and imported["duplicates"] >= 2
    tampered = bytearray((tmp_path / "team.bundle").read_bytes())
    tampered[-5] ^= 0x10
    (tmp_path / "bad.bundle").write_bytes(bytes(tampered))
    assert "damaged" in one_sentence_error(run(b, "bundle-import", str(tmp_path / "bad.bundle")), 4)
    assert "no file" in one_sentence_error(run(b, "bundle-import", str(tmp_path / "missing.bundle")), 1)
    out = ok(run(b, "sync"))
    assert "Everything synced at" in out
    with ReviewStore.unlock(b, PASS) as store:
        assert {e.notes for e in store.evidence(review_id)} >= {"Year 6 reading journals", "Pupils talked about books"}


def test_a_closed_review_is_reported_by_sync_and_removed_by_remove_review(world: World, tmp_path: Path) -> None:
    from datetime import date

    from sync.server import closing

    review_id = world.new_review(members=2)
    lead, a = world.members[0], tmp_path / "a"
    ReviewStore.create(a, PASS, kdf_params=FAST_TEST_KDF).close()
    ok(run(a, "login", "--server", world.server.url, "--username", lead.username, SPP_SERVER_PASSWORD=PASSWORD))
    ok(run(a, "checkout", review_id))
    assert "still open" in one_sentence_error(run(a, "remove-review", review_id), 8)
    closing.close_review(world.storage, review_id, date(2027, 5, 1))
    with ReviewStore.unlock(a, PASS) as store:
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Not yet sent")
    out = ok(run(a, "sync", review_id))
    assert "closed this review on 2027-05-01" in out and f"spp-desktop remove-review {review_id}" in out
    assert json.loads(ok(run(a, "sync", review_id, "--json")))["reviews"][0]["closed_on"] == "2027-05-01"
    with ReviewStore.unlock(a, PASS) as store:
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Typed after the last sync")
    assert "have not reached the server" in one_sentence_error(run(a, "remove-review", review_id), 8)
    ok(run(a, "sync", review_id))
    assert "Removed the closed review" in ok(run(a, "remove-review", review_id))
    assert review_id not in ok(run(a, "list"))
