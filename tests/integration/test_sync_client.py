"""The sync client against the real server: errors in plain words, interruption at any point, progress
and cancellation, refused ops, and a photo upload cut halfway that resumes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind, FindingStatus
from spp_desktop.store.errors import NotAllowed
from sync.client import (
    MalformedReply,
    NotOnTeam,
    ServerSession,
    ServerUnreachable,
    SignInExpired,
    SignInFailed,
    SyncEngine,
    assigned_reviews,
    checkout,
    login,
)
from sync.client.engine import STAGES
from sync.client.http import normalise_server_url
from sync.protocol.ops import OpKind
from sync.server.auth import hash_token
from sync.server.storage import now_ms
from tests.server.live import free_port

from .world import FAST_RETRY, PASSWORD, World, new_laptop, server_ops


def _photo(size: int = 2 * 1024 * 1024) -> bytes:
    """A PNG of random pixels (so it does not compress) of about `size` bytes."""
    from io import BytesIO

    from PIL import Image
    side = int((size / 3) ** 0.5)
    out = BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(out, format="PNG", compress_level=0)
    return out.getvalue()


def _laptop(world: World, tmp_path: Path, review_id: str, index: int = 0, name: str = "laptop") -> tuple[Any, Any]:
    store = new_laptop(tmp_path / f"{name}{index}")
    session = world.session(world.members[index])
    checkout(session, store.replica, review_id)
    return store, session


# --- errors in plain words -------------------------------------------------------------------------
def test_server_down_is_unreachable(tmp_path: Path) -> None:
    session = ServerSession(f"http://127.0.0.1:{free_port()}", token="x", retry=FAST_RETRY, timeout=(0.5, 0.5))
    with pytest.raises(ServerUnreachable) as caught:
        session.state("01a20258-5f12-7d3a-aaed-6d617e3b639c")
    assert str(caught.value) == ("The server could not be reached. Check the connection and try again; "
                                 "your work is safe on this laptop.")


def test_sign_in_errors_are_plain(world: World, tmp_path: Path) -> None:
    member = world.members[1]
    on_team = world.new_review(members=2)
    with ServerSession(world.server.url, retry=FAST_RETRY) as session:
        with pytest.raises(SignInFailed, match="username or password is not right"):
            login(session, member.username, "not the password", "Laptop")
        account = login(session, member.username, PASSWORD, "Laptop")
        assert account.user_id == member.user_id and account.token not in repr(account)
        assert {r.id: r.role for r in assigned_reviews(session)}[on_team] == "reviewer"

    review_id = world.new_review(members=1)  # only the lead is on this team
    with world.session(world.members[2]) as outsider, pytest.raises(NotOnTeam):
        outsider.state(review_id)


@pytest.mark.parametrize("how", ["expired", "revoked", "unknown"])
def test_expired_or_revoked_token_is_sign_in_expired(world: World, how: str) -> None:
    member = world.members[1]
    token = f"test-token-{how}-{os.urandom(8).hex()}"
    if how != "unknown":
        expires = now_ms() - 1000 if how == "expired" else now_ms() + 10**8
        device = world.storage.create_device(member.user_id, "Old laptop", hash_token(token), expires)
        if how == "revoked":
            world.storage.revoke_device(device)
    with ServerSession(world.server.url, token=token, retry=FAST_RETRY) as session, \
            pytest.raises(SignInExpired) as caught:
        session.reviews()
    assert "Sign in again" in str(caught.value) and "safe on this laptop" in str(caught.value)
    assert caught.value.code == {"expired": "token_expired", "revoked": "token_revoked",
                                 "unknown": "not_authenticated"}[how]


def test_only_https_or_this_computer() -> None:
    assert normalise_server_url("sync.example.org/") == "https://sync.example.org"
    assert normalise_server_url("http://127.0.0.1:8000") == "http://127.0.0.1:8000"
    for bad in ("http://sync.example.org", "https://user:pw@sync.example.org", "ftp://x", "https://x?a=1"):
        with pytest.raises(ValueError):
            normalise_server_url(bad)
    with pytest.raises(ValueError):
        ServerSession("https://sync.example.org", ca_bundle="/no/such/bundle.pem")


# --- interrupted anywhere, run again ---------------------------------------------------------------
class Crash(Exception):
    pass


class CrashingReplica:
    """Passes every call to the store; the n-th call of `method` dies before or after doing its work."""

    def __init__(self, store: Any, method: str, n: int, after: bool):
        self._store, self._method, self._n, self._after = store, method, n, after

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._store, name)
        if name != self._method:
            return target

        def call(*args: Any, **kwargs: Any) -> Any:
            self._n -= 1
            if self._n == 0 and not self._after:
                raise Crash(name)
            result = target(*args, **kwargs)
            if self._n == 0:
                raise Crash(name)
            return result
        return call


CRASH_POINTS = [("apply_remote", True), ("set_server_cursor", False), ("set_server_cursor", True),
                ("mark_on_server", False), ("outbox", True), ("mark_attachment_uploaded", False),
                ("store_attachment", True), ("record_synced", False)]


@pytest.mark.parametrize(("method", "after"), CRASH_POINTS)
def test_a_pass_killed_at_any_point_recovers_on_the_next(world: World, tmp_path: Path, method: str,
                                                         after: bool) -> None:
    review_id = world.new_review(members=2)
    a, a_session = _laptop(world, tmp_path, review_id, 0)
    b, b_session = _laptop(world, tmp_path, review_id, 1)
    for i in range(30):
        a.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"a{i}")
        b.create_evidence(review_id, EvidenceKind.INTERVIEW, notes=f"b{i}")
    ev = a.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="with a photo")
    a.add_photo(review_id, ev.id, _photo(300_000))
    SyncEngine(b_session, b.replica, review_id, batch_size=7).run()
    options = {"batch_size": 7, "page_size": 9, "chunk_bytes": 100_000}
    crashes = 0
    for store, session in ((a, a_session), (b, b_session)):  # a sends (and receives), then b receives
        for n in (1, 2, 3):
            try:
                SyncEngine(session, CrashingReplica(store.replica, method, n, after), review_id, **options).run()
            except Crash:
                crashes += 1
    assert crashes >= 1
    reports = [SyncEngine(s, st.replica, review_id, **options).run() for s, st in ((a_session, a), (b_session, b),
                                                                           (a_session, a))]
    ops = server_ops(world, world.members[0], review_id)
    assert len({o["op_id"] for o in ops}) == len(ops) == a_session.state(review_id)["op_count"]
    assert reports[-1].in_step and a.replica.state_hash(review_id) == b.replica.state_hash(review_id)
    assert len(b.evidence(review_id)) == 61 and b.photo_bytes(review_id, b.photos(review_id, ev.id)[0].id)
    a.close()
    b.close()


# --- progress, cancellation, refusals ----------------------------------------------------------------
def test_progress_and_cancel(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=1)
    store, session = _laptop(world, tmp_path, review_id)
    for i in range(50):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"n{i}")
    seen: list[tuple[str, int, int]] = []
    stop = {"now": False}

    def progress(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        if stage == "push" and done >= 10:
            stop["now"] = True

    report = SyncEngine(session, store.replica, review_id, progress=progress, cancelled=lambda: stop["now"],
                        batch_size=10).run()
    assert report.cancelled and report.pushed == 10 and report.unsynced == 40 and not report.in_step
    seen.clear()
    stop["now"] = False
    report = SyncEngine(session, store.replica, review_id, progress=progress, batch_size=10).run()
    assert report.in_step and report.pushed == 40
    assert {s for s, _, _ in seen} == set(STAGES)
    assert ("push", 40, 40) in seen and seen[-1] == ("check", 1, 1)
    store.close()


def test_refused_ops_are_reported_and_do_not_block_the_rest(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=2)
    store, session = _laptop(world, tmp_path, review_id, index=1)  # a reviewer, not the lead
    question = store.review(review_id).questions[0].id
    with pytest.raises(NotAllowed):  # the store refuses it first...
        finding = store.create_finding(review_id, question, FindingKind.STRENGTH, "x", status=FindingStatus.AGREED)
    for i in range(5):
        finding = store.create_finding(review_id, question, FindingKind.STRENGTH, f"Finding {i}")
        store.replica.outbox(review_id)  # sent: the next edit is an op of its own
        # ...so write as a laptop whose lead role was taken away after checkout would have.
        store._core.log.write(review_id, store.me(review_id), "finding", finding.id, OpKind.SET,
                             {"status": "agreed"})
    for i in range(5):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"n{i}")
    report = SyncEngine(session, store.replica, review_id, batch_size=2).run()
    assert len(report.rejected) == 5 and report.pushed == 10
    assert all("lead reviewer" in reason for _, reason in report.rejected)
    # Refused changes are parked with their reason: not offered again, not counted as unsynced.
    assert report.unsynced == 0 and store.unsynced_count(review_id) == 0
    assert len(store.refused_changes(review_id)) == 5
    again = SyncEngine(session, store.replica, review_id, batch_size=2).run()
    assert again.rejected == [] and again.pushed == 0
    store.close()


# --- photos ----------------------------------------------------------------------------------------
class CutUpload(ServerSession):
    """Dies (as if the connection dropped) once `budget` bytes of photo chunks have been sent."""

    def __init__(self, *args: Any, budget: int, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.budget = budget
        self.sent = 0

    def attachment_patch(self, review_id: str, sha256: str, offset: int, length: int, chunk: bytes) -> Any:
        if self.sent + len(chunk) > self.budget:
            raise ServerUnreachable()
        self.sent += len(chunk)
        return super().attachment_patch(review_id, sha256, offset, length, chunk)


def test_photo_upload_cut_halfway_resumes(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=2)
    store, session = _laptop(world, tmp_path, review_id)
    photo = _photo()
    ev = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Display of reading journals")
    store.add_photo(review_id, ev.id, photo)
    (sha, size), = store.replica.attachments_to_upload(review_id)
    chunk = 256 * 1024
    member = world.members[0]
    cut = CutUpload(world.server.url, token=member.token, user_id=member.user_id, retry=FAST_RETRY,
                    budget=size // 2)
    with pytest.raises(ServerUnreachable):
        SyncEngine(cut, store.replica, review_id, chunk_bytes=chunk).run()
    offset, complete = session.attachment_head(review_id, sha)
    assert 0 < offset <= size // 2 and not complete
    resumed = CutUpload(world.server.url, token=member.token, user_id=member.user_id, budget=size)
    report = SyncEngine(resumed, store.replica, review_id, chunk_bytes=chunk).run()
    assert report.uploaded == 1 and report.in_step
    assert resumed.sent == size - offset  # only the second half went again
    served = session.attachment_get(review_id, sha)
    assert hashlib.sha256(served).hexdigest() == sha == hashlib.sha256(store.replica.attachment_by_sha(review_id, sha)).hexdigest()
    # Another reviewer's laptop downloads it on its next sync.
    other, other_session = _laptop(world, tmp_path, review_id, index=1)
    assert other.photo_bytes(review_id, other.photos(review_id, ev.id)[0].id) == store.replica.attachment_by_sha(review_id, sha)
    store.close()
    other.close()


# --- a server that answers nonsense ------------------------------------------------------------------
@pytest.fixture
def nonsense_server() -> Any:
    """An HTTP server on 127.0.0.1 whose replies the test sets: (status, content type, body)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    replies: dict[str, tuple[int, str, bytes]] = {}

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            path = self.path.split("?")[0].rsplit("/", 1)[-1]
            status, kind, body = replies.get(path, (404, "text/html", b"<html>no</html>"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", replies
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("endpoint", "status", "body"), [
    ("state", 200, b"<html>Welcome to the hotel Wi-Fi</html>"),
    ("state", 200, b'["a list"]'),
    ("state", 200, b'{"state_hash": 7, "cursor": 0, "op_count": 0}'),
    ("ops", 200, b'{"ops": "nothing", "next_cursor": 1, "more": false}'),
    # (An op in a page that is not an operation no longer stops the page: it is parked, see
    # tests/integration/test_rule_table_laptop.py.)
    ("ops", 200, b'{"ops": [], "next_cursor": 0, "more": true}'),
    ("ops", 200, b'{"ops": [], "next_cursor": -5, "more": false}'),
    ("ops", 404, b"<html>not here</html>"),
    ("ops", 302, b""),
    ("ops", 200, b'{"ops": [], "next_cursor": 0, "more": false' + b" " * 10),
])
def test_malformed_replies_are_reported_not_crashes(nonsense_server: Any, tmp_path: Path, endpoint: str,
                                                    status: int, body: bytes) -> None:
    url, replies = nonsense_server
    replies["ops"] = (200, "application/json", b'{"ops": [], "next_cursor": 0, "more": false}')
    replies[endpoint] = (status, "application/json", body)
    session = ServerSession(url, token="t", retry=FAST_RETRY)

    class Empty:
        def server_cursor(self, review_id: str) -> int:
            return 0

        def __getattr__(self, name: str) -> Any:
            return lambda *a, **k: [] if name in ("outbox", "attachments_missing", "attachments_to_upload") else 0

    with pytest.raises(MalformedReply) as caught:
        SyncEngine(session, Empty(), "01a20258-5f12-7d3a-aaed-6d617e3b639c").run()  # type: ignore[arg-type]
    assert "does not understand" in str(caught.value)


def test_a_reply_cut_at_any_byte_is_a_network_failure_not_a_malformed_reply() -> None:
    """Cut after every single byte of a real reply: the client calls each one a cut connection (to be
    retried), never a reply it does not understand, and never takes a part for the whole."""
    import logging
    import socket
    import threading

    from sync.client import RetryPolicy
    body = b'{"state_hash":"abc","cursor":5,"op_count":5}'
    full = (b"HTTP/1.1 200 OK\r\ndate: Sun, 22 Nov 2026 08:00:00 GMT\r\ncontent-length: %d\r\n"
            b"content-type: application/json\r\n\r\n" % len(body)) + body
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    replies: list[bytes] = []

    def serve() -> None:
        while replies:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(replies.pop(0))

    replies.extend(full[:cut] for cut in range(1, len(full) + 1))
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    session = ServerSession(f"http://127.0.0.1:{listener.getsockname()[1]}", token="t", timeout=(2, 2),
                            retry=RetryPolicy(retries=0, body_attempts=1))
    logging.disable(logging.WARNING)  # urllib3 warns about every broken header block
    try:
        outcomes = []
        for _ in range(len(full)):
            try:
                outcomes.append(session.state("r1")["state_hash"])
            except ServerUnreachable:
                outcomes.append("cut")
    finally:
        logging.disable(logging.NOTSET)
        listener.close()
    assert outcomes == ["cut"] * (len(full) - 1) + ["abc"]


class CountingPushes(ServerSession):
    """Records the size of every push it sends (the real request, as sent)."""

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.sizes: list[int] = []

    def push(self, review_id: str, wire_ops: list[dict[str, Any]]) -> dict[str, Any]:
        import json
        self.sizes.append(len(json.dumps({"ops": wire_ops}, separators=(",", ":"), ensure_ascii=False).encode()))
        return super().push(review_id, wire_ops)


def test_large_notes_are_pushed_in_batches_within_the_servers_request_limit(world: World, tmp_path: Path) -> None:
    from sync.protocol.schema import MAX_BATCH_BYTES, MAX_FIELD_BYTES
    review_id = world.new_review(members=1)
    store = new_laptop(tmp_path / "big-notes")
    member = world.members[0]
    session = CountingPushes(world.server.url, token=member.token, user_id=member.user_id, retry=FAST_RETRY,
                             timeout=(2, 30))
    checkout(session, store.replica, review_id)
    notes = ("Pupils explained their reasoning to a partner. " * 25_000)[: MAX_FIELD_BYTES // 2 - 10]
    for _ in range(20):  # about 10 MB of notes: more than the server takes in one request (8 MB)
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=notes)
    report = SyncEngine(session, store.replica, review_id).run()
    assert report.pushed == 20 and report.unsynced == 0
    assert len(session.sizes) >= 3 and max(session.sizes) <= MAX_BATCH_BYTES + 100
    store.close()


def test_a_photo_the_server_refuses_is_parked_and_the_rest_syncs(tmp_path: Path, monkeypatch) -> None:
    from tests.server.live import start_live_server
    monkeypatch.setenv("SPP_SERVER_MAX_ATTACHMENT_BYTES", str(1024 * 1024))  # a server set lower than laptops
    with start_live_server(tmp_path) as server:
        reviewer = server.account("reviewer")
        with ServerSession(server.url, retry=FAST_RETRY) as anonymous:
            account = login(anonymous, reviewer["username"], reviewer["password"], "Laptop")
        session = ServerSession(server.url, token=account.token, user_id=reviewer["user_id"], retry=FAST_RETRY)
        store = new_laptop(tmp_path / "laptop")
        rid = server.review_id
        checkout(session, store.replica, rid)
        ev = store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="Reading corner")
        store.add_photo(rid, ev.id, _photo(1536 * 1024))  # too large for this server
        small = store.add_photo(rid, ev.id, _photo(200 * 1024))
        store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="Written after the photos")
        report = SyncEngine(session, store.replica, rid).run()
        assert report.uploaded == 1 and report.in_step  # the rest synced
        (_sha, reason), = report.photos_refused
        assert "up to 1 MB" in reason
        assert [r for _s, r in store.refused_attachments(rid)] == [reason]
        assert session.attachment_get(rid, small.sha256) is not None
        again = SyncEngine(session, store.replica, rid).run()  # parked: not offered again, nothing fails
        assert again.photos_refused == [] and again.uploaded == 0 and again.in_step
        session.close()
        store.close()


def test_a_removed_photo_is_not_uploaded(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=1)
    store, session = _laptop(world, tmp_path, review_id)
    ev = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Display")
    gone = store.add_photo(review_id, ev.id, _photo(100 * 1024))
    store.remove_photo(review_id, gone.id)
    assert store.replica.attachments_to_upload(review_id) == []
    report = SyncEngine(session, store.replica, review_id).run()
    assert report.uploaded == 0 and report.in_step
    store.close()
