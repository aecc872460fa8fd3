"""Sync benchmarks on loopback, against the real server process.

A full review day: 4 reviewers x 60 evidence records and 20 photos of 2 MB (5 each). In the evening each
laptop syncs (sending its day), then each syncs again (receiving the others'). Measured: the time, and
the bytes on the wire (counted by a small TCP proxy between the laptops and the server) against the raw
payload that had to move: each op's compact JSON and each photo's bytes, once up and three times down.
Target: wire / payload <= 1.2.

A sync with nothing to do (one pull, no push, then the state check): median and p95 latency over 50
runs straight to the server. Target: < 50 ms.

The UI during a sync: a laptop's 60 new records and 2 photos synced as the app syncs them (on a worker
thread through ui/tasks.py, with a connection of its own, one op a request as the slow-sync UI test
does), while a 10 ms timer ticks on the UI thread: the longest gap between ticks is how long the window
could not answer a key. Target: < 500 ms (tests/ui/test_sync_ui.py checks only that the loop ran on).
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from io import BytesIO
from pathlib import Path

from spp_desktop.domain.evidence import EvidenceKind

REVIEWERS = 4
RECORDS = 60
PHOTOS_EACH = 5
PHOTO_BYTES = 2 * 1024 * 1024
NOOP_RUNS = 50
NOTES = ("Pupils in Year 4 read aloud to a partner from their class novel; most used the phonics "
         "strategies displayed on the working wall and corrected their own errors. ")


def _photo(size: int = PHOTO_BYTES) -> bytes:
    from PIL import Image
    side = int((size / 3) ** 0.5)
    out = BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, format="PNG", compress_level=0)
    return out.getvalue()


def _day(store, review_id: str, index: int) -> None:
    for i in range(RECORDS):
        ev = store.create_evidence(review_id, EvidenceKind.OBSERVATION, class_name=f"Year {3 + i % 4}",
                                   subject="English", seen=NOTES * 3, notes=NOTES * 4 + f" ({index}.{i})",
                                   pupil_voice="They said they enjoy choosing books from the new library.",
                                   tags=("reading", "fluency"))
        if i < PHOTOS_EACH:
            store.add_photo(review_id, ev.id, _photo())


def _payload(stores, review_id: str) -> tuple[int, int]:
    """Bytes that had to move, (ops, photos): every laptop's own ops (compact JSON) and photos, up once
    and down to each of the others."""
    ops = photos = 0
    for store in stores:
        for op in store.replica.all_ops(review_id):
            if op.device_id == store.device_id:
                ops += len(json.dumps(op.to_wire(), separators=(",", ":"), ensure_ascii=False).encode())
        photos += sum(size for _, size in store.replica.attachments_to_upload(review_id))
    return ops * REVIEWERS, photos * REVIEWERS  # 1 up + (REVIEWERS - 1) down


def run() -> list[tuple[str, float, str]]:
    from sync.client import SyncEngine, checkout
    from tests.integration.faultproxy import FaultProxy
    from tests.integration.world import build_world, new_laptop
    from tests.server.live import start_live_server

    with tempfile.TemporaryDirectory() as tmp, start_live_server(Path(tmp)) as server:
        world = build_world(server)
        review_id = world.new_review(members=REVIEWERS)
        port = int(server.url.rsplit(":", 1)[1])
        with FaultProxy("127.0.0.1", port, faults=None) as proxy:
            stores = [new_laptop(Path(tmp) / f"laptop{i}") for i in range(REVIEWERS)]
            sessions = [world.session(m, proxy.url, timeout=(5, 60)) for m in world.members[:REVIEWERS]]
            for store, session in zip(stores, sessions, strict=True):
                checkout(session, store.replica, review_id)
            for i, store in enumerate(stores):
                _day(store, review_id, i)
            ops_payload, photo_payload = _payload(stores, review_id)
            payload = ops_payload + photo_payload
            before = proxy.stats.bytes_up + proxy.stats.bytes_down
            exchanges = proxy.stats.exchanges

            t0 = time.perf_counter()
            for store, session in zip(stores, sessions, strict=True):
                SyncEngine(session, store.replica, review_id).run()
            t1 = time.perf_counter()
            reports = [SyncEngine(session, store.replica, review_id).run()
                       for store, session in zip(stores, sessions, strict=True)]
            t2 = time.perf_counter()
            wire = proxy.stats.bytes_up + proxy.stats.bytes_down - before
            requests_made = proxy.stats.exchanges - exchanges
            assert all(r.in_step for r in reports), reports
            assert len({s.replica.state_hash(review_id) for s in stores}) == 1

            noop_session = world.session(world.members[0])
            exchanges = proxy.stats.exchanges
            SyncEngine(sessions[0], stores[0].replica, review_id).run()
            noop_requests = proxy.stats.exchanges - exchanges
            times = []
            for _ in range(NOOP_RUNS):
                t = time.perf_counter()
                report = SyncEngine(noop_session, stores[0].replica, review_id).run()
                times.append((time.perf_counter() - t) * 1000)
                assert report.in_step and report.pushed == 0
            ui_gaps = _ui_gaps_during_sync(world.session(world.members[0], proxy.url, timeout=(5, 60)),
                                           stores[0], review_id)
            for store in stores:
                store.close()
    times.sort()
    return [
        ("review day: 4 laptops send their day", t1 - t0, "s"),
        ("review day: 4 laptops receive the others'", t2 - t1, "s"),
        ("review day: total", t2 - t0, "s"),
        ("review day: payload (ops JSON + photos, 1 up + 3 down)", payload / 1e6, "MB"),
        ("review day: bytes on the wire", wire / 1e6, "MB"),
        ("review day: wire / payload (target <= 1.2)", wire / payload, "x"),
        ("review day: ops alone: payload", ops_payload / 1e6, "MB"),
        ("review day: ops alone: wire (all but photo bytes) / payload", (wire - photo_payload) / ops_payload, "x"),
        ("review day: HTTP requests", requests_made, "requests"),
        ("no-op sync: requests (one pull, no push, state check)", noop_requests, "requests"),
        ("no-op sync: median (target < 50 ms)", statistics.median(times), "ms"),
        ("no-op sync: p95", times[int(0.95 * len(times)) - 1], "ms"),
        ("UI during a sync: ticks of a 10 ms timer", len(ui_gaps) + 1, "ticks"),
        ("UI during a sync: longest event-loop gap (target < 500)", max(ui_gaps) * 1000, "ms"),
        ("UI during a sync: p99 event-loop gap", ui_gaps[int(0.99 * len(ui_gaps)) - 1] * 1000, "ms"),
    ]


def _ui_gaps_during_sync(session, store, review_id: str) -> list[float]:
    """Seconds between the ticks of a 10 ms UI-thread timer while a sync runs on a worker, sorted."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from spp_desktop.services.sync_service import in_worker
    from spp_desktop.ui.tasks import run_in_background
    from sync.client import SyncEngine

    app = QCoreApplication.instance() or QCoreApplication([])
    for i in range(60):
        ev = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=NOTES + f" (evening {i})")
        if i < 2:
            store.add_photo(review_id, ev.id, _photo())
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    def sync(worker):  # on the worker thread, with a connection of its own, as the app syncs
        return SyncEngine(session, worker.replica, review_id, batch_size=1).run()

    task = run_in_background(in_worker, store.worker_opener(), sync)
    results: list[object] = []
    task.succeeded.connect(results.append)
    task.failed.connect(results.append)
    task.finished.connect(loop.quit)
    timer.start(10)
    loop.exec()
    timer.stop()
    app.processEvents()
    session.close()
    assert results and getattr(results[0], "in_step", False), results
    return sorted(b - a for a, b in zip(ticks, ticks[1:], strict=False))


if __name__ == "__main__":
    from benchmarks.run import print_table
    print_table(run())
