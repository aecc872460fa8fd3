"""The sync client's bounds against a misbehaving server on 127.0.0.1: a reply larger than the cap is
refused, and a server that trickles its reply is given up (in under a minute with the defaults), each
with a plain sentence; a normal reply still reads whole."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from sync.client import RetryPolicy, ServerSession
from sync.client import http as client_http
from sync.client.errors import ReplyTooLarge, ServerTooSlow

BODY = b'{"state_hash":"abc","cursor":5,"op_count":5}'


def _head(length: int | None) -> bytes:
    framing = f"content-length: {length}\r\n" if length is not None else "transfer-encoding: chunked\r\n"
    return f"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n{framing}\r\n".encode()


@pytest.fixture
def server() -> Iterator[tuple[str, list]]:
    """A socket server answering each connection with the next behaviour: bytes, or a trickle."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    behaviours: list = []
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            with conn:
                conn.recv(65536)
                behaviour = behaviours.pop(0)
                try:
                    behaviour(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", behaviours
    stop.set()
    thread.join(5)
    listener.close()


def _session(url: str) -> ServerSession:
    return ServerSession(url, token="t", timeout=(2, 5), retry=RetryPolicy(retries=0, body_attempts=1))


def test_a_normal_reply_reads_whole(server) -> None:
    url, behaviours = server
    behaviours.append(lambda c: c.sendall(_head(len(BODY)) + BODY))
    assert _session(url).state("r1")["cursor"] == 5


def test_a_reply_announced_larger_than_the_cap_is_refused(server) -> None:
    url, behaviours = server
    behaviours.append(lambda c: c.sendall(_head(client_http.MAX_REPLY_BYTES + 1) + b"{" * 1000))
    with pytest.raises(ReplyTooLarge, match="far larger than this app accepts"):
        _session(url).state("r1")


def test_a_reply_that_grows_past_the_cap_is_refused(server, monkeypatch: pytest.MonkeyPatch) -> None:
    url, behaviours = server
    monkeypatch.setattr(client_http, "MAX_REPLY_BYTES", 100_000)
    chunk = b"x" * 50_000

    def endless(conn: socket.socket) -> None:
        conn.sendall(_head(None))
        for _ in range(10):  # 500 kB, chunked, no length announced
            conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))

    behaviours.append(endless)
    with pytest.raises(ReplyTooLarge):
        _session(url).state("r1")


def test_a_trickling_server_is_given_up_with_a_plain_message(server, monkeypatch: pytest.MonkeyPatch) -> None:
    url, behaviours = server
    monkeypatch.setattr(client_http, "SLOW_WINDOW", 0.5)  # the default is 20 s; the rule is the same

    def trickle(conn: socket.socket) -> None:
        conn.sendall(_head(100_000))
        for _ in range(200):  # a byte every 50 ms: far below SLOW_MIN_BYTES per window
            conn.sendall(b" ")
            time.sleep(0.05)

    behaviours.append(trickle)
    with pytest.raises(ServerTooSlow, match="answering far too slowly") as caught:
        _session(url).state("r1")
    assert caught.value.code == "too_slow" and "safe on this laptop" in str(caught.value)


def test_with_the_defaults_a_trickle_is_given_up_within_a_minute() -> None:
    session = ServerSession("http://127.0.0.1:9")
    # at most one window plus one blocked read (the read timeout) before the check that gives up
    assert client_http.SLOW_WINDOW + session.timeout[1] < 60
