"""A national programme on one server, on PostgreSQL: 1,700 schools, 400 active reviews, 200 laptops syncing.

    python -m benchmarks.bench_national

PostgreSQL: a throwaway cluster is started with .ci/postgres.sh (Debian's postgresql package; fsync off,
as in CI, so the figures are the server's and PostgreSQL's CPU, not this disk's fsync) and stopped at the
end; without PostgreSQL the benchmark prints why and returns no rows.

The data: 17 partnerships of 100 schools; 200 reviewers (12 or so per partnership), each on the teams of
two of the 400 reviews (3 to a team); every review seeded with SEED_OPS operations (evidence records and
their links, as a two-day review leaves them) written through the server's Storage. Then, for 1, 2 and 4
`spp-server serve` processes on the one database (the documented scale-out: the clients are spread over
the processes' ports, as a load balancer would), 200 clients (asyncio, one keep-alive connection each,
127.0.0.1 only) send requests back to back, each kind for ROUND_SECONDS:

- pull: `GET /reviews/{id}/ops?after=<cursor>` of one of its reviews (the evening's "anything new?");
- push: `POST /reviews/{id}/ops` with PUSH_OPS new evidence operations;
- upload: `PATCH /reviews/{id}/attachments/{sha}` of a whole UPLOAD_KB photo in one chunk;

each next to the bare FastAPI endpoint of the same shape (GET, POST of the same JSON, PATCH of the same
bytes: read the body, answer `{"ok": true}`), run as the same number of uvicorn processes, alternating.
Reported: requests/s and p99 latency of each, the ratio to the bare rate, the server processes' peak RSS
(VmHWM, the largest process and all of them together), and the database size per review.

The load generator shares the 2 cores with the servers and PostgreSQL: the rates are this machine's
loopback figures; more server processes than cores cannot add throughput here.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.bench_server_load import _event_loop, _pct, _process
from tests.server.live import ROOT, _env, free_port, make_key_file

PARTNERSHIPS, SCHOOLS_EACH = 17, 100
REVIEWS, CLIENTS, TEAM = 400, 200, 3
SEED_OPS = 200  # per review: 100 evidence records and 100 links
PUSH_OPS = 10
UPLOAD_KB = 256
WORKERS = (1, 2, 4)
ROUND_SECONDS = 4.0
WARMUP_SECONDS = 1.0
TIMEOUT = 60.0
TEXT = ("Pupils read the chapter aloud in pairs, then answered questions about the characters. Most used "
        "the word mat; two asked an adult for help with the tricky words. ")

BARE_APP = """
import sys

import uvicorn
from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/ping")
async def ping() -> dict[str, bool]:
    return {"ok": True}


@app.post("/ping")
async def post(request: Request) -> dict[str, bool]:
    await request.json()
    return {"ok": True}


@app.patch("/ping")
async def patch(request: Request) -> dict[str, bool]:
    await request.body()
    return {"ok": True}


uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", server_header=False)
"""


# --- PostgreSQL ------------------------------------------------------------------------------------------
@contextmanager
def _postgres() -> Iterator[str | None]:
    """A private throwaway cluster (its URL), or None when PostgreSQL is not installed."""
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")) and not shutil.which("initdb"):
        yield None
        return
    started = subprocess.run(["bash", str(ROOT / ".ci" / "postgres.sh")], capture_output=True, text=True,
                             timeout=120)
    if started.returncode != 0:
        print(f"  (PostgreSQL did not start: {started.stderr.strip()[-300:]})")
        yield None
        return
    exports = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines()
                   if line.startswith("export "))
    try:
        yield exports["SPP_TEST_POSTGRES_URL"]
    finally:
        ctl = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
        stop = [str(ctl), "-D", exports["SPP_TEST_POSTGRES_DIR"], "-m", "fast", "-w", "stop"]
        if os.geteuid() == 0:
            stop = ["runuser", "-u", "postgres", "--", *stop]
        subprocess.run(stop, capture_output=True, timeout=60)
        shutil.rmtree(Path(exports["SPP_TEST_POSTGRES_DIR"]).parent, ignore_errors=True)


def _database_bytes(engine) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import text
    with engine.connect() as c:
        return int(c.execute(text("SELECT pg_database_size(current_database())")).scalar_one())


# --- the national data -----------------------------------------------------------------------------------
@dataclass
class Client:
    user_id: str
    device_id: str
    token: str
    review_id: str
    seq: int = 0
    cursor: int = 0


def _evidence_op(review_id: str, client_device: str, user_id: str, seq: int) -> dict[str, object]:
    from spp_desktop.domain.evidence import EvidenceKind
    from spp_desktop.store.mapping import wire_fields
    from sync.protocol.hlc import HLC
    from sync.protocol.ids import new_id
    from sync.protocol.ops import Operation, OpKind
    fields = wire_fields("evidence", {"kind": EvidenceKind.OBSERVATION, "author": user_id, "class_name": "Year 4",
                                      "subject": "English", "notes": TEXT * 3})
    from tests.signing_helpers import signed  # ops are signed by their device (its key registered below)
    now = int(time.time() * 1000)
    return signed(Operation(new_id(), review_id, client_device, seq, user_id, HLC(now, 0, client_device),
                            "evidence", new_id(), OpKind.SET, fields, {})).to_wire()


def _link_op(review_id: str, device: str, user_id: str, seq: int, evidence_id: str) -> dict[str, object]:
    from sync.protocol.hlc import HLC
    from sync.protocol.ids import new_id
    from sync.protocol.ops import Operation, OpKind
    fields = {"finding_id": new_id(), "evidence_id": evidence_id}
    now = int(time.time() * 1000)
    return Operation(new_id(), review_id, device, seq, user_id, HLC(now, 0, device), "evidence_link", new_id(),
                     OpKind.SET, fields, {}).to_wire()


def _populate(database_url: str, key_file: Path) -> tuple[list[Client], dict[str, float]]:
    from sync.server import admin
    from sync.server.auth import hash_token
    from sync.server.data_key import DataKeys
    from sync.server.db import make_engine
    from sync.server.passwords import hash_password
    from sync.server.storage import PendingOp, Storage, canonical_json

    engine = make_engine(database_url)
    storage = Storage(engine, DataKeys.load(key_file))
    rng = random.Random(1700)
    t0 = time.perf_counter()
    schools: list[tuple[str, list[str]]] = []
    school_ids: list[list[str]] = []
    partnership_ids: list[str] = []
    for p in range(PARTNERSHIPS):
        name = f"Partnership {p + 1}"
        partnership_ids.append(storage.create_partnership(name))
        names = [f"School {p + 1}.{s + 1}" for s in range(SCHOOLS_EACH)]
        school_ids.append([storage.add_school(partnership_ids[p], school) for school in names])
        schools.append((name, names))
    password_hash = hash_password("national benchmark password")  # one hash for all: Argon2id is slow on purpose
    users: list[tuple[str, str, int]] = []  # (user id, username, partnership index)
    for u in range(CLIENTS):
        p = u % PARTNERSHIPS
        username = f"reviewer{u + 1}"
        user_id = storage.add_user(username, f"Reviewer {u + 1}", password_hash, partnership_id=partnership_ids[p],
                                   school_id=school_ids[p][u // PARTNERSHIPS])
        users.append((user_id, username, p))
    size_before = _database_bytes(engine)
    t1 = time.perf_counter()
    by_partnership: dict[int, list[tuple[str, str, int]]] = {}
    for user in users:
        by_partnership.setdefault(user[2], []).append(user)
    reviews: list[tuple[str, list[tuple[str, str, int]]]] = []
    for r in range(REVIEWS):
        p = r % PARTNERSHIPS
        name, names = schools[p]
        host = names[SCHOOLS_EACH - 1 - (r // PARTNERSHIPS) % 50]  # never a team member's school (0-11)
        review_id = admin.create_review(storage, name, host, "2027-03-10", "2027-03-11", f"Focus {r + 1}",
                                        ["How well do pupils read?", "How is reading taught?"])
        pool = by_partnership[p]
        team = [pool[(r // PARTNERSHIPS * TEAM + i) % len(pool)] for i in range(TEAM)]
        for i, (_, username, _) in enumerate(team):
            admin.assign(storage, review_id, username, "lead_reviewer" if i == 0 else "reviewer")
        reviews.append((review_id, team))
    t2 = time.perf_counter()
    clients: list[Client] = []
    tokens: dict[str, tuple[str, str]] = {}
    for user_id, _, _ in users:
        token = base64.urlsafe_b64encode(os.urandom(32)).decode().rstrip("=")
        device_id = storage.create_device(user_id, "Laptop", hash_token(token), int(time.time() * 1000) + 86_400_000)
        tokens[user_id] = (device_id, token)
    for review_id, team in reviews:
        seeded: list[PendingOp] = []
        lead_id = team[0][0]
        device = tokens[lead_id][0]
        for i in range(SEED_OPS // 2):
            ev = _evidence_op(review_id, device, lead_id, 2 * i + 1)
            link = _link_op(review_id, device, lead_id, 2 * i + 2, str(ev["entity_id"]))
            for op in (ev, link):
                seeded.append(PendingOp(str(op["op_id"]), device, lead_id, canonical_json(op)))
        storage.append_ops(review_id, seeded)
    t3 = time.perf_counter()
    seen: set[str] = set()
    for review_id, team in reviews:  # each reviewer's laptop syncs the first of its reviews
        for user_id, _, _ in team:
            if user_id not in seen:
                seen.add(user_id)
                device, token = tokens[user_id]
                clients.append(Client(user_id, device, token, review_id, seq=10_000))
    size_after = _database_bytes(engine)
    engine.dispose()
    rng.shuffle(clients)
    return clients, {"schools_s": t1 - t0, "reviews_s": t2 - t1, "seed_s": t3 - t2,
                     "bytes_per_review": (size_after - size_before) / REVIEWS, "database_mb": size_after / 1e6}


# --- the load ---------------------------------------------------------------------------------------------
class _Connection:
    """One keep-alive HTTP/1.1 connection, one request at a time (see bench_server_load._Connection)."""

    def __init__(self, port: int):
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, request: bytes) -> int:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await self.reader.readexactly(length)
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


def _request(method: str, path: str, port: int, headers: dict[str, str], body: bytes = b"") -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", *(f"{k}: {v}" for k, v in headers.items())]
    if body or method != "GET":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


@dataclass
class Round:
    requests: int = 0
    errors: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)


Maker = Callable[[Client, int], bytes]  # (client, port) -> one request


async def _drive(clients: list[Client], ports: list[int], make: Maker, seconds: float,
                 ok: tuple[int, ...]) -> Round:
    result = Round()
    connections = [_Connection(ports[i % len(ports)]) for i in range(len(clients))]
    started = time.perf_counter()
    deadline = started + seconds

    async def one(client: Client, connection: _Connection) -> None:
        while time.perf_counter() < deadline:
            request = make(client, connection.port)
            sent = time.perf_counter()
            try:
                status = await asyncio.wait_for(connection.send(request), TIMEOUT)
            except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError):
                status = 0
                await connection.close()
            result.latencies.append(time.perf_counter() - sent)
            result.requests += 1
            result.statuses[status] = result.statuses.get(status, 0) + 1
            result.errors += status not in ok

    try:
        await asyncio.gather(*(one(c, k) for c, k in zip(clients, connections, strict=True)))
    finally:
        for connection in connections:
            await connection.close()
    result.seconds = time.perf_counter() - started
    return result


def _makers() -> dict[str, tuple[Maker, Maker, tuple[int, ...]]]:
    """kind -> (real request, bare request of the same shape, OK statuses)."""
    def auth(c: Client) -> dict[str, str]:
        return {"Authorization": f"Bearer {c.token}"}

    def pull(c: Client, port: int) -> bytes:
        return _request("GET", f"/reviews/{c.review_id}/ops?after={c.cursor}&limit=500", port, auth(c))

    def push_body(c: Client) -> bytes:
        ops = []
        for _ in range(PUSH_OPS):
            c.seq += 1
            ops.append(_evidence_op(c.review_id, c.device_id, c.user_id, c.seq))
        return json.dumps({"ops": ops}, separators=(",", ":")).encode()

    def push(c: Client, port: int) -> bytes:
        return _request("POST", f"/reviews/{c.review_id}/ops", port,
                        {**auth(c), "Content-Type": "application/json"}, push_body(c))

    def bare_push(c: Client, port: int) -> bytes:
        return _request("POST", "/ping", port, {"Content-Type": "application/json"}, push_body(c))

    photo = bytearray(os.urandom(UPLOAD_KB * 1024))

    def photo_bytes() -> bytes:
        photo[:16] = os.urandom(16)  # a new photo each time: a new address, nothing deduplicated
        return bytes(photo)

    def upload(c: Client, port: int) -> bytes:
        data = photo_bytes()
        sha = hashlib.sha256(data).hexdigest()
        return _request("PATCH", f"/reviews/{c.review_id}/attachments/{sha}", port,
                        {**auth(c), "Content-Type": "application/offset+octet-stream", "Upload-Offset": "0",
                         "Upload-Length": str(len(data))}, data)

    def bare_upload(c: Client, port: int) -> bytes:
        return _request("PATCH", "/ping", port, {"Content-Type": "application/octet-stream"}, photo_bytes())

    return {
        "pull": (pull, lambda c, port: _request("GET", "/ping", port, {}), (200,)),
        "push": (push, bare_push, (200,)),
        "upload": (upload, bare_upload, (200, 204)),
    }


@contextmanager
def _servers(database_url: str, key_file: Path, count: int, tmp: Path) -> Iterator[tuple[list[int], list[int]]]:
    """`count` spp-server processes on the one database: (ports, pids)."""
    env_keys = _env(key_file)
    with ExitStack() as stack:
        ports, pids = [], []
        for i in range(count):
            port = free_port()
            args = [sys.executable, "-m", "sync.server.cli", "serve", "--database", database_url, "--host",
                    "127.0.0.1", "--port", str(port), "--log-level", "warning"]
            os.environ["SPP_SERVER_KEY_FILE"] = env_keys["SPP_SERVER_KEY_FILE"]
            process = stack.enter_context(_process(args, f"http://127.0.0.1:{port}/health", tmp / f"server{i}.log"))
            ports.append(port)
            pids.append(process.pid)
        yield ports, pids


@contextmanager
def _bare(count: int, tmp: Path) -> Iterator[list[int]]:
    with ExitStack() as stack:
        ports = []
        for i in range(count):
            port = free_port()
            stack.enter_context(_process([sys.executable, "-c", BARE_APP, str(port)],
                                         f"http://127.0.0.1:{port}/ping", tmp / f"bare{i}.log"))
            ports.append(port)
        yield ports


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _refresh_cursors(clients: list[Client], port: int) -> None:
    import requests
    cursors: dict[str, int] = {}
    for c in clients:
        if c.review_id not in cursors:
            reply = requests.get(f"http://127.0.0.1:{port}/reviews/{c.review_id}/state",
                                 headers={"Authorization": f"Bearer {c.token}"}, timeout=60)
            reply.raise_for_status()
            cursors[c.review_id] = int(reply.json()["cursor"])
        c.cursor = cursors[c.review_id]


def _register_keys(clients: list[Client], port: int) -> None:
    """Each laptop registers its device's signing key (as a signed-in laptop does), then one push is
    checked: every op accepted, so the pushes measured are ops really stored."""
    import requests

    from sync.protocol.signing import b64
    from tests.signing_helpers import device_public
    base = f"http://127.0.0.1:{port}"
    for c in clients:
        requests.post(f"{base}/devices/key", headers={"Authorization": f"Bearer {c.token}"}, timeout=60,
                      json={"device_id": c.device_id, "public_key": b64(device_public(c.device_id))}).raise_for_status()
    c = clients[0]
    c.seq += 1
    reply = requests.post(f"{base}/reviews/{c.review_id}/ops", headers={"Authorization": f"Bearer {c.token}"},
                          json={"ops": [_evidence_op(c.review_id, c.device_id, c.user_id, c.seq)]}, timeout=60)
    reply.raise_for_status()
    statuses = {r["status"] for r in reply.json()["results"]}
    assert statuses == {"accepted"}, reply.json()


def _measure(clients: list[Client], servers: list[int], bare: list[int]) -> dict[str, tuple[Round, Round]]:
    out = {}
    with asyncio.Runner(loop_factory=_event_loop) as runner:
        for kind, (real, bare_make, ok) in _makers().items():
            if kind == "pull":
                _refresh_cursors(clients, servers[0])
            runner.run(_drive(clients, servers, real, WARMUP_SECONDS, ok))
            runner.run(_drive(clients, bare, bare_make, WARMUP_SECONDS, (200,)))
            if kind == "pull":
                _refresh_cursors(clients, servers[0])  # the warm-up pushed nothing, but be exact
            bare_round = runner.run(_drive(clients, bare, bare_make, ROUND_SECONDS, (200,)))
            real_round = runner.run(_drive(clients, servers, real, ROUND_SECONDS, ok))
            for name, r in ((kind, real_round), (f"bare {kind}", bare_round)):
                if r.errors:
                    raise RuntimeError(f"{name}: {r.errors} of {r.requests} requests failed: {r.statuses}")
            out[kind] = (real_round, bare_round)
    return out


def run() -> list[tuple[str, float, str]]:
    with _postgres() as database_url, tempfile.TemporaryDirectory(prefix="spp-bench-national-") as tmp_name:
        if database_url is None:
            print("  PostgreSQL is not available (apt-get install -y postgresql): bench_national skipped")
            return []
        tmp = Path(tmp_name)
        key_file = make_key_file(tmp)
        env = _env(key_file)
        subprocess.run([sys.executable, "-m", "sync.server.cli", "db", "upgrade", "--database", database_url],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
        clients, facts = _populate(database_url, key_file)
        rows: list[tuple[str, float, str]] = [
            ("setup: 1,700 schools and 200 reviewers", facts["schools_s"], "s"),
            ("setup: 400 reviews with teams of 3", facts["reviews_s"], "s"),
            (f"setup: {SEED_OPS} ops into each review (Storage)", facts["seed_s"], "s"),
            (f"database size per review ({SEED_OPS} ops, team, package)", facts["bytes_per_review"] / 1024, "KiB"),
            ("database size, whole", facts["database_mb"], "MB"),
        ]
        for workers in WORKERS:
            with _servers(database_url, key_file, workers, tmp) as (ports, pids), _bare(workers, tmp) as bare:
                if workers == WORKERS[0]:
                    _register_keys(clients, ports[0])
                measured = _measure(clients, ports, bare)
                peaks = [_peak_mb(pid) for pid in pids]
            label = f"{workers} process{'es' if workers > 1 else ''}"
            for kind, (real, bare_round) in measured.items():
                rate, bare_rate = real.requests / real.seconds, bare_round.requests / bare_round.seconds
                rows += [
                    (f"{label}: {kind} requests/s ({len(clients)} clients)", rate, "req/s"),
                    (f"{label}: {kind} p99", _pct(real.latencies, 0.99) * 1000, "ms"),
                    (f"{label}: bare FastAPI {kind} requests/s", bare_rate, "req/s"),
                    (f"{label}: bare FastAPI {kind} p99", _pct(bare_round.latencies, 0.99) * 1000, "ms"),
                    (f"{label}: {kind} rate / bare rate", rate / bare_rate, "x"),
                ]
            rows += [(f"{label}: server peak RSS, largest process", max(peaks), "MB"),
                     (f"{label}: server peak RSS, all processes", sum(peaks), "MB")]
        facts_after = _database_bytes_after(database_url)
        rows.append(("database size after the load (pushes and uploads added)", facts_after / 1e6, "MB"))
    return rows


def _database_bytes_after(database_url: str) -> int:
    from sync.server.db import make_engine
    engine = make_engine(database_url)
    try:
        return _database_bytes(engine)
    finally:
        engine.dispose()


if __name__ == "__main__":
    from benchmarks.run import print_table
    print_table(run())
