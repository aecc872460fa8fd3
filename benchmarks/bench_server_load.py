"""Sync server under load: 50 concurrent clients doing no-change pulls against one uvicorn worker, next to a
bare FastAPI endpoint measured in the same run. Target: pulls/s >= 0.5 of the bare rate.

Two servers on 127.0.0.1, each one uvicorn worker with the same uvicorn settings as `spp-server serve`:
the real `spp-server serve` process (SQLite file, `spp-server demo` data, via tests/server/live.py), and a
FastAPI app with one trivial async JSON endpoint. 50 clients (asyncio tasks, each with its own keep-alive
HTTP/1.1 connection, on uvloop when installed) send requests back to back: `GET /reviews/{id}/ops?after=<latest>&limit=500`
with a reviewer's bearer token (every reply is an empty page), or `GET /ping`. After a warm-up, the two
targets are measured in alternating rounds (bare, pull, bare, pull) so load from elsewhere hits both alike;
each round stops after ROUND_SECONDS or MAX_REQUESTS, whichever comes first.

The load generator runs in this process and shares the machine's cores with the server under test (on a
2-core machine: one core each, roughly), so the rates are those of this loopback setup, not of a server
with the machine to itself. The server's own CPU time per request (from /proc, Linux only) does not depend
on the client: "CPU ratio" (bare CPU per request / pull CPU per request) is what the rate ratio would be
if the load generator were free.

Profile the pull path: SPP_BENCH_PROFILE=/tmp/pull.prof python -m benchmarks.bench_server_load
runs the real server under cProfile (every thread: the event loop and the worker threads), writes the
stats there and prints the top functions.

    python -m benchmarks.bench_server_load
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import requests

from tests.server.live import ROOT, LiveServer, free_port, make_key_file, start_live_server

CLIENTS = 50
WARMUP_SECONDS = 1.0
ROUND_SECONDS = 5.0
ROUNDS = 2  # per target, alternating
MAX_REQUESTS = 50_000  # per round
TIMEOUT = 30.0

BARE_APP = """
import sys

import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}


uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", server_header=False)
"""

# `spp-server serve` under cProfile: one profiler per thread (threading.setprofile starts one in each new
# thread, e.g. the anyio worker threads that run the handlers), timing each thread's CPU time, merged and
# written when the server stops.
PROFILED_SERVE = """
import cProfile, pstats, signal, sys, threading, time

profiles = []


def _start(*_args):
    profile = cProfile.Profile(time.thread_time)  # CPU time: waiting on locks or the GIL costs nothing
    profiles.append(profile)
    profile.enable()


threading.setprofile(_start)
_start()
# uvicorn stops on SIGTERM, then raises it again with the handler found before: exit cleanly to save.
signal.signal(signal.SIGTERM, lambda *_args: sys.exit(0))
from sync.server.cli import main

try:
    main(sys.argv[2:])
finally:
    stats = pstats.Stats(profiles[0])
    for profile in profiles[1:]:
        stats.add(profile)
    stats.dump_stats(sys.argv[1])
"""


@dataclass
class Round:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    cpu_seconds: float | None = None
    latencies: list[float] = field(default_factory=list)


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (all its threads), or None where /proc is not available."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Connection:
    """One keep-alive HTTP/1.1 connection sending one GET at a time: the least client CPU per request.

    httpx.AsyncClient was the first choice, but its pool spends far more CPU per request than the servers
    under test (encode/httpx#3215): with 50 connections it drove the bare app at ~120 req/s on this
    machine, where this loop drives it at ~5,000 req/s.
    """

    def __init__(self, host: str, port: int, request: bytes):
        self.host, self.port, self.request = host, port, request
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        """A fresh connection: uvicorn closes one left idle for 5 s (while the other target is measured)."""
        await self.close()
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    async def get(self) -> int:
        if self.reader is None or self.writer is None:
            await self.open()
        assert self.reader is not None and self.writer is not None
        self.writer.write(self.request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = None
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if length is None:
            raise ValueError("a response without Content-Length")
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None


@dataclass
class Target:
    name: str
    url: str
    headers: dict[str, str]
    pid: int  # the server process, for its CPU time

    def connections(self) -> list[_Connection]:
        parts = urlsplit(self.url)
        lines = [f"GET {parts.path}{'?' + parts.query if parts.query else ''} HTTP/1.1",
                 f"Host: {parts.netloc}", *(f"{k}: {v}" for k, v in self.headers.items())]
        request = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
        return [_Connection(parts.hostname or "127.0.0.1", parts.port or 80, request) for _ in range(CLIENTS)]


async def _drive(connections: list[_Connection], seconds: float, pid: int) -> Round:
    await asyncio.gather(*(c.open() for c in connections))
    result = Round()
    cpu_before = _cpu_seconds(pid)
    started = time.perf_counter()
    deadline = started + seconds

    async def one_client(connection: _Connection) -> None:
        while time.perf_counter() < deadline and result.requests < MAX_REQUESTS:
            result.requests += 1
            sent = time.perf_counter()
            try:
                ok = await asyncio.wait_for(connection.get(), TIMEOUT) == 200
            except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
                ok = False
                await connection.close()
            result.latencies.append(time.perf_counter() - sent)
            result.errors += not ok

    await asyncio.gather(*(one_client(c) for c in connections))
    result.seconds = time.perf_counter() - started
    cpu_after = _cpu_seconds(pid)
    if cpu_before is not None and cpu_after is not None:
        result.cpu_seconds = cpu_after - cpu_before
    return result


async def _load(targets: list[Target]) -> dict[str, list[Round]]:
    """Warm up every target (this opens its 50 connections), then measure them in alternating rounds."""
    pools = {t.name: t.connections() for t in targets}
    try:
        for t in targets:
            await _drive(pools[t.name], WARMUP_SECONDS, t.pid)
        rounds: dict[str, list[Round]] = {t.name: [] for t in targets}
        for _ in range(ROUNDS):
            for t in targets:
                rounds[t.name].append(await _drive(pools[t.name], ROUND_SECONDS, t.pid))
        return rounds
    finally:
        for pool in pools.values():
            for connection in pool:
                await connection.close()


def _event_loop() -> asyncio.AbstractEventLoop:
    try:
        import uvloop  # the servers use it too (uvicorn's default when installed)
    except ImportError:
        return asyncio.new_event_loop()
    return uvloop.new_event_loop()


def _wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer in time")
        time.sleep(0.1)


@contextmanager
def _process(args: list[str], health_url: str, log_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))
    env.pop("SPP_SERVER_DATABASE", None)
    with log_path.open("wb") as log:
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(health_url, process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@contextmanager
def _bare_server(tmp: Path) -> Iterator[tuple[str, int]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}/ping"
    with _process([sys.executable, "-c", BARE_APP, str(port)], url, tmp / "bare.log") as process:
        yield url, process.pid


@contextmanager
def _profiled_server(tmp: Path, profile_path: str) -> Iterator[LiveServer]:
    """The real server as start_live_server makes it, but run under cProfile."""
    database_url = f"sqlite:///{tmp}/profiled.sqlite3"
    key_file = make_key_file(tmp)
    demo = subprocess.run(
        [sys.executable, "-m", "sync.server.cli", "demo", "--database", database_url, "--key-file", str(key_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=True,
    )
    data = json.loads(demo.stdout)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    args = [sys.executable, "-c", PROFILED_SERVE, profile_path, "serve", "--database", database_url,
            "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--key-file", str(key_file)]
    log_path = tmp / "profiled.log"
    with _process(args, f"{url}/health", log_path) as process:
        yield LiveServer(url, data["accounts"], data["server_review_id"], database_url, process, log_path,
                         str(key_file))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _summary(label: str, rounds: list[Round]) -> tuple[list[tuple[str, float, str]], float, float | None]:
    count = sum(r.requests for r in rounds)
    errors = sum(r.errors for r in rounds)
    if errors:
        raise RuntimeError(f"{label}: {errors} of {count} requests failed")
    rate = count / sum(r.seconds for r in rounds)
    latencies = [x for r in rounds for x in r.latencies]
    cpu = [r.cpu_seconds for r in rounds]
    cpu_us = None if None in cpu else 1e6 * sum(c for c in cpu if c is not None) / count
    rows = [
        (f"{label}: requests per second", rate, "req/s"),
        (f"{label}: p50 latency", _pct(latencies, 0.50) * 1000, "ms"),
        (f"{label}: p99 latency", _pct(latencies, 0.99) * 1000, "ms"),
    ]
    if cpu_us is not None:
        rows.append((f"{label}: server CPU per request", cpu_us, "µs"))
    return rows, rate, cpu_us


def run() -> list[tuple[str, float, str]]:
    profile_path = os.environ.get("SPP_BENCH_PROFILE")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        start = _profiled_server(tmp, profile_path) if profile_path else start_live_server(tmp)
        with start as server, _bare_server(tmp) as (bare_url, bare_pid):
            token = server.login("reviewer", "load benchmark")
            headers = {"Authorization": f"Bearer {token}"}
            rid = server.review_id
            cursor = requests.get(f"{server.url}/reviews/{rid}/state", headers=headers, timeout=30).json()["cursor"]
            pull_url = f"{server.url}/reviews/{rid}/ops?after={cursor}&limit=500"
            page = requests.get(pull_url, headers=headers, timeout=30).json()
            assert page == {"ops": [], "next_cursor": cursor, "more": False}, page
            with asyncio.Runner(loop_factory=_event_loop) as runner:
                rounds = runner.run(_load([
                    Target("bare", bare_url, {}, bare_pid),
                    Target("pull", pull_url, headers, server.process.pid),
                ]))
    bare_rows, bare_rate, bare_cpu = _summary("bare FastAPI GET", rounds["bare"])
    pull_rows, pull_rate, pull_cpu = _summary("no-change pull", rounds["pull"])
    rows = [*bare_rows, *pull_rows, ("pull rate / bare rate (target >= 0.5)", pull_rate / bare_rate, "x")]
    if bare_cpu and pull_cpu:
        rows.append(("bare CPU / pull CPU per request", bare_cpu / pull_cpu, "x"))
    if profile_path:
        pstats.Stats(profile_path).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profile_path).sort_stats("tottime").print_stats(30)
    return rows


def main() -> None:
    rows = run()
    width = max(len(name) for name, _, _ in rows)
    print(f"server load benchmark ({CLIENTS} clients, {ROUNDS} rounds of {ROUND_SECONDS:.0f} s per target)")
    for name, value, unit in rows:
        shown = f"{value:,.3f}" if unit == "x" else f"{value:,.1f}"
        print(f"  {name:<{width}}  {shown:>12} {unit}")


if __name__ == "__main__":
    main()
