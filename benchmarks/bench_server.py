"""Sync server over loopback HTTP: the real `spp-server serve` process (uvicorn, one worker).

Push 500 ops in one batch and pull 500 ops in one page (median of 3), then push 10,000 ops in batches of
500 and pull them back in pages of 1,000 (ops per second). On SQLite, and on PostgreSQL too when
SPP_TEST_POSTGRES_URL is set (a throwaway schema; see .ci/postgres.sh).

    python -m benchmarks.bench_server
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

from sync.protocol.signing import b64
from tests.server.helpers import make_ops
from tests.server.live import LiveServer, start_live_server
from tests.signing_helpers import device_public

RUNS = 3


@contextmanager
def _postgres_url() -> Iterator[str | None]:
    base = os.environ.get("SPP_TEST_POSTGRES_URL")
    if not base:
        yield None
        return
    from sqlalchemy import create_engine

    schema = "bench_" + uuid.uuid4().hex[:12]
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    try:
        yield base + ("&" if "?" in base else "?") + f"options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
        engine.dispose()


def _measure(server: LiveServer, label: str) -> list[tuple[str, float, str]]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {server.login('reviewer', 'bench')}"
    rid, author = server.review_id, server.account("reviewer")["user_id"]
    url = f"{server.url}/reviews/{rid}/ops"
    # make_ops signs as "device-a": register that device's key, as a laptop does at sign-in, so the ops
    # are stored (a push of unsigned or unknown-device ops is refused op by op and would measure nothing)
    session.post(f"{server.url}/devices/key", timeout=60, json={
        "device_id": "device-a", "public_key": b64(device_public("device-a"))}).raise_for_status()
    seq = 1
    push_ms, pull_ms = [], []
    for _ in range(RUNS):
        batch = make_ops(rid, author, 500, start_seq=seq)
        seq += 500
        after = session.get(f"{server.url}/reviews/{rid}/state", timeout=60).json()["cursor"]
        started = time.perf_counter()
        r = session.post(url, json={"ops": batch}, timeout=60)
        push_ms.append((time.perf_counter() - started) * 1000)
        r.raise_for_status()
        assert {x["status"] for x in r.json()["results"]} == {"accepted"}, r.json()["results"][:1]
        started = time.perf_counter()
        page = session.get(url, params={"after": after, "limit": 500}, timeout=60).json()
        pull_ms.append((time.perf_counter() - started) * 1000)
        assert len(page["ops"]) == 500
    after = session.get(f"{server.url}/reviews/{rid}/state", timeout=60).json()["cursor"]
    started = time.perf_counter()
    for _ in range(20):
        session.post(
            url, json={"ops": make_ops(rid, author, 500, start_seq=seq)}, timeout=60
        ).raise_for_status()
        seq += 500
    push_s = time.perf_counter() - started
    started = time.perf_counter()
    pulled, more = 0, True
    while more:
        page = session.get(url, params={"after": after, "limit": 1000}, timeout=60).json()
        pulled += len(page["ops"])
        after, more = page["next_cursor"], page["more"]
    pull_s = time.perf_counter() - started
    assert pulled == 10_000
    return [
        (f"{label}: push 500 ops (one batch)", statistics.median(push_ms), "ms"),
        (f"{label}: pull 500 ops (one page)", statistics.median(pull_ms), "ms"),
        (f"{label}: push 10,000 ops in batches of 500", 10_000 / push_s, "ops/s"),
        (f"{label}: pull 10,000 ops in pages of 1,000", 10_000 / pull_s, "ops/s"),
    ]


def run() -> list[tuple[str, float, str]]:
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        with start_live_server(Path(tmp)) as server:
            rows += _measure(server, "SQLite")
        with _postgres_url() as pg:
            if pg:
                pg_dir = Path(tmp) / "pg"
                pg_dir.mkdir()
                with start_live_server(pg_dir, database_url=pg) as server:
                    rows += _measure(server, "PostgreSQL")
    return rows


def main() -> None:
    for name, value, unit in run():
        print(f"  {name:<48} {value:>12,.1f} {unit}")


if __name__ == "__main__":
    main()
