"""The server's memory under the largest requests it accepts: peak RSS (VmHWM) of the real
`spp-server serve` process while three maximum-size pushes, then three maximum-size attachment uploads,
arrive at once; and the largest pull page (bytes) when the review holds many maximum-size ops.

    python -m benchmarks.bench_server_memory
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from pathlib import Path

import requests

from sync.protocol.schema import MAX_FIELD_BYTES
from sync.protocol.signing import b64
from sync.server.settings import Settings
from tests.server.helpers import make_op
from tests.server.live import LiveServer, start_live_server
from tests.signing_helpers import device_public

CONCURRENT = 3


def _rss_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def _max_push(server: LiveServer, device: str, budget: int) -> bytes:
    """A push body just under the server's request limit, of ops with maximum-size notes."""
    rid, author = server.review_id, server.account("reviewer")["user_id"]
    notes = ("Pupils read aloud in pairs; the teacher models fluency. " * 20_000)[: MAX_FIELD_BYTES - 1000]
    ops, size, seq = [], 20, 1
    while True:
        op = make_op(rid, author, device=device, seq=seq, counter=seq, fields={"kind": "observation", "notes": notes})
        grown = size + len(json.dumps(op, separators=(",", ":"))) + 1
        if grown > budget - 1024:
            break
        ops.append(op)
        size, seq = grown, seq + 1
    return json.dumps({"ops": ops}, separators=(",", ":")).encode()


def _at_once(calls: list) -> list[int]:
    statuses: list[int] = []
    barrier = threading.Barrier(len(calls))

    def run(call) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        statuses.append(call())

    threads = [threading.Thread(target=run, args=(c,)) for c in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def run() -> list[tuple[str, float, str]]:
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp, start_live_server(Path(tmp)) as server:
        pid = server.process.pid
        token = server.login("reviewer", "bench")
        auth = {"Authorization": f"Bearer {token}"}
        rid = server.review_id
        bodies = [_max_push(server, f"bench-device-{i}", settings.max_body_bytes) for i in range(CONCURRENT)]
        for i in range(CONCURRENT):  # the ops are signed: register their device keys, as a laptop does
            device = f"bench-device-{i}"
            requests.post(f"{server.url}/devices/key", headers=auth, timeout=60, json={
                "device_id": device, "public_key": b64(device_public(device))}).raise_for_status()
        requests.get(f"{server.url}/reviews/{rid}/ops", headers=auth, timeout=60).raise_for_status()
        idle = _rss_mb(pid, "VmRSS")
        def push(body: bytes) -> int:
            r = requests.post(f"{server.url}/reviews/{rid}/ops", data=body, timeout=600,
                              headers={**auth, "Content-Type": "application/json"})
            statuses = {result["status"] for result in r.json()["results"]} if r.ok else {r.status_code}
            assert statuses == {"accepted"}, statuses  # measured on ops really stored, not refused ones
            return r.status_code

        pushes = _at_once([(lambda b=b: push(b)) for b in bodies])
        assert pushes == [200] * CONCURRENT, pushes
        after_pushes = _rss_mb(pid, "VmHWM")

        blobs = [os.urandom(settings.max_attachment_bytes) for _ in range(CONCURRENT)]

        def upload(blob: bytes) -> int:
            sha = hashlib.sha256(blob).hexdigest()
            url = f"{server.url}/reviews/{rid}/attachments/{sha}"
            chunk, offset, status = 4 * 1024 * 1024, 0, 0
            while offset < len(blob):
                part = blob[offset : offset + chunk]
                status = requests.patch(url, data=part, timeout=600, headers={
                    **auth, "Upload-Offset": str(offset), "Upload-Length": str(len(blob)),
                    "Content-Type": "application/offset+octet-stream"}).status_code
                if status != 204:
                    return status
                offset += len(part)
            return status

        uploads = _at_once([(lambda b=b: upload(b)) for b in blobs])
        assert uploads == [204] * CONCURRENT, uploads
        downloads = _at_once([
            (lambda b=b: requests.get(f"{server.url}/reviews/{rid}/attachments/{hashlib.sha256(b).hexdigest()}",
                                      headers=auth, timeout=600).status_code)
            for b in blobs
        ])
        assert downloads == [200] * CONCURRENT, downloads
        after_uploads = _rss_mb(pid, "VmHWM")

        largest, after, pages = 0, 0, 0
        while True:
            r = requests.get(f"{server.url}/reviews/{rid}/ops", params={"after": after, "limit": 1000},
                             headers=auth, timeout=600)
            largest = max(largest, len(r.content))
            page = r.json()
            after, pages = page["next_cursor"], pages + 1
            if not page["more"]:
                break
        pushed_mb = sum(len(b) for b in bodies) / CONCURRENT / 2**20
        return [
            ("push body (each of 3 at once)", pushed_mb, "MB"),
            ("server RSS before", idle, "MB"),
            ("server peak RSS, 3 maximum pushes at once", after_pushes, "MB"),
            ("server peak RSS, + 3 maximum uploads and downloads", after_uploads, "MB"),
            ("largest pull page (limit 1000)", largest / 2**20, "MB"),
            ("largest pull page (limit 1000)", largest, "bytes"),
            ("pull pages for the review", pages, "pages"),
        ]


if __name__ == "__main__":
    from benchmarks.run import print_table

    print_table(run())
