"""Store benchmarks: unlock time, and save latency of an evidence edit against a plain sqlite3 commit.

Two baselines, each one INSERT and COMMIT of the same payload: the standard library's sqlite3 (WAL,
synchronous=FULL: the floor for a durable save on this disk), and the same plain insert into the store's
own SQLCipher database through its connection (same file, key, pragmas and page encryption: the floor for
a durable save in an encrypted store; the gap to it is what the op log, state row and clock cost). The
three are interleaved edit by edit in one run, so disk and CPU noise hit all alike.
Target: ReviewStore p50 / sqlite3 p50 <= 1.3.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.repository import ReviewStore

PASSPHRASE = "benchmark passphrase here"
EDITS = 400


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_unlock(folder: Path) -> float:
    ReviewStore.create(folder, PASSPHRASE).close()  # default Argon2id parameters
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        ReviewStore.unlock(folder, PASSPHRASE).close()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def bench_save(folder: Path) -> tuple[list[float], list[float], list[float]]:
    from tests.helpers import small_package  # a small realistic package
    store = ReviewStore.unlock(folder, PASSPHRASE)
    review_id = store.import_package(small_package())
    evidence = store.create_evidence(review_id, EvidenceKind.OBSERVATION, class_name="Year 4")
    plain = sqlite3.connect(folder / "plain.db", isolation_level=None)
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = FULL")
    plain.execute("CREATE TABLE edits (id INTEGER PRIMARY KEY, evidence_id TEXT, body TEXT)")
    same = store._core.sql  # the store's statements on its SQLCipher connection: a plain table beside the op log (benchmark only)
    same.execute("CREATE TABLE bench_plain_edits (id INTEGER PRIMARY KEY, evidence_id TEXT, body TEXT)")
    text = "Pupils in Year 4 read aloud to a partner; most used the phonics strategies on the wall. "
    ours, base, cipher = [], [], []
    for i in range(EDITS):
        notes = (text * (1 + i % 6))[: 200 + i]  # a note growing as someone types
        t0 = time.perf_counter()
        store.update_evidence(review_id, evidence.id, notes=notes)
        t1 = time.perf_counter()
        plain.execute("BEGIN")
        plain.execute("INSERT INTO edits (evidence_id, body) VALUES (?, ?)", (evidence.id, notes))
        plain.execute("COMMIT")
        t2 = time.perf_counter()
        same.execute("BEGIN IMMEDIATE")
        same.execute("INSERT INTO bench_plain_edits (evidence_id, body) VALUES (?, ?)", (evidence.id, notes))
        same.execute("COMMIT")
        t3 = time.perf_counter()
        ours.append((t1 - t0) * 1000)
        base.append((t2 - t1) * 1000)
        cipher.append((t3 - t2) * 1000)
        if i % 50 == 49:
            store.replica.outbox(review_id)  # as if a sync ran: the next edit appends a new op
    plain.close()
    store.close()
    return ours, base, cipher


def run() -> list[tuple[str, float, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        unlock = bench_unlock(folder)
        ours, base, cipher = bench_save(folder)
    p50, b50, c50 = _pct(ours, 0.5), _pct(base, 0.5), _pct(cipher, 0.5)
    return [
        ("unlock (Argon2id 64 MiB t=3 p=4 + open + integrity check)", unlock * 1000, "ms"),
        ("save evidence edit via ReviewStore p50", p50, "ms"),
        ("save evidence edit via ReviewStore p99", _pct(ours, 0.99), "ms"),
        ("plain sqlite3 WAL/FULL insert+commit p50", b50, "ms"),
        ("plain sqlite3 WAL/FULL insert+commit p99", _pct(base, 0.99), "ms"),
        ("plain insert+commit into the same SQLCipher database p50", c50, "ms"),
        ("plain insert+commit into the same SQLCipher database p99", _pct(cipher, 0.99), "ms"),
        ("save latency ratio p50 to plain sqlite3 (target <= 1.3)", p50 / b50, "x"),
        ("save latency ratio p50 to a plain insert into the same SQLCipher database", p50 / c50, "x"),
        ("SQLCipher plain insert / plain sqlite3 insert p50 (the encryption's share)", c50 / b50, "x"),
    ]


if __name__ == "__main__":
    from benchmarks.run import print_table
    print_table(run())
