"""The real server process over real HTTP (the fixture the laptop's sync tests reuse)."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import requests

from sync.protocol.package import package_to_ops
from sync.protocol.signing import b64
from tests.signing_helpers import device_public

from .helpers import make_ops
from .live import ROOT, LiveServer


def test_login_push_pull_over_http(live_server: LiveServer) -> None:
    url, rid = live_server.url, live_server.review_id
    assert requests.get(f"{url}/health", timeout=10).json()["status"] == "ok"
    assert requests.get(f"{url}/openapi.json", timeout=10).status_code == 200
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {live_server.login('reviewer')}"
    reviews = session.get(f"{url}/reviews", timeout=10).json()["reviews"]
    assert [(r["id"], r["role"]) for r in reviews] == [(rid, "reviewer")]
    package = session.get(f"{url}/reviews/{rid}/package", timeout=10).json()
    package.pop("team_key")
    assert len(package["enquiry_questions"]) == 3 and len(package["team"]) == 2
    derived = {op.op_id for op in package_to_ops(package)}

    author = live_server.account("reviewer")["user_id"]
    batch = make_ops(rid, author, 200)
    # The laptop registers the key it signs with (as SyncEngine does before it pushes).
    key = session.post(f"{url}/devices/key", json={"device_id": "device-a", "public_key": b64(device_public("device-a"))},
                       timeout=10)
    assert key.status_code == 200 and key.json()["certificate"]["user_id"] == author
    pushed = session.post(f"{url}/reviews/{rid}/ops", json={"ops": batch}, timeout=30).json()
    assert {r["status"] for r in pushed["results"]} == {"accepted"}
    again = session.post(f"{url}/reviews/{rid}/ops", json={"ops": batch}, timeout=30).json()
    assert {r["status"] for r in again["results"]} == {"duplicate"}

    lead = requests.Session()
    lead.headers["Authorization"] = f"Bearer {live_server.login('lead_reviewer')}"
    got, after = [], 0
    while True:
        page = lead.get(f"{url}/reviews/{rid}/ops", params={"after": after, "limit": 64}, timeout=10).json()
        got.extend(page["ops"])
        after = page["next_cursor"]
        if not page["more"]:
            break
    assert {o["op_id"] for o in got} == derived | {o["op_id"] for o in batch}
    assert len(got) == len(derived) + 200
    state = lead.get(f"{url}/reviews/{rid}/state", timeout=10).json()
    assert state == {"state_hash": pushed["state_hash"], "cursor": after, "op_count": len(got)}

    data = b"\x89PNG fake photo bytes" * 1000
    sha = hashlib.sha256(data).hexdigest()
    r = session.patch(
        f"{url}/reviews/{rid}/attachments/{sha}",
        data=data[:5000],
        timeout=10,
        headers={
            "Upload-Offset": "0",
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    assert r.status_code == 204
    offset = int(session.head(f"{url}/reviews/{rid}/attachments/{sha}", timeout=10).headers["Upload-Offset"])
    r = session.patch(
        f"{url}/reviews/{rid}/attachments/{sha}",
        data=data[offset:],
        timeout=10,
        headers={
            "Upload-Offset": str(offset),
            "Upload-Length": str(len(data)),
            "Content-Type": "application/offset+octet-stream",
        },
    )
    assert r.headers["Upload-Complete"] == "1"
    assert lead.get(f"{url}/reviews/{rid}/attachments/{sha}", timeout=10).content == data

    outsider = requests.Session()
    outsider.headers["Authorization"] = f"Bearer {live_server.login('not_on_team')}"
    assert outsider.get(f"{url}/reviews/{rid}/ops", timeout=10).status_code == 403

    # the admin sees the sync state; nothing user-written reached the server's log
    listing = subprocess.run(
        [
            sys.executable,
            "-m",
            "sync.server.cli",
            "admin",
            "list-reviews",
            "--json",
            "--database",
            live_server.database_url,
            "--key-file",
            live_server.key_file,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert f'"op_count": {len(got)}' in listing.stdout
    log = live_server.log_path.read_text(errors="replace")
    assert "Note 1" not in log and "Reading for pleasure" not in log
