"""The pull hot path: token -> device, role on the review, and a page of ops in one read.

A no-change pull is the request every laptop makes most often, so it avoids SQLAlchemy's per-statement
work: driver SQL built once, one pooled connection and one read transaction, and on a SQLite file a
lock-free read on the event loop's own connection (see PullFastPath in routes_ops.py for the HTTP side).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine

from .data_key import DataKeys, op_aad
from .tables import devices, ops, reviews, team

# One pull page holds at most this many stored bytes of ops (and at most `limit` ops), but always at
# least one op, so a page is at most max(4 MB, one op) however large the ops are.
PAGE_MAX_BYTES = 4 * 1024 * 1024


def cut_page(sizes: Iterable[tuple[int, int]], limit: int, max_bytes: int) -> tuple[int | None, bool]:
    """(the last seq of the page or None, more after it?) from (seq, stored size) rows in seq order.
    Reads `sizes` only as far as it must (a lazy cursor stops there)."""
    total = count = 0
    last: int | None = None
    for seq, size in sizes:
        if count == limit or (count and total + int(size) > max_bytes):
            return last, True
        total += int(size)
        last = int(seq)
        count += 1
    return last, False


@dataclass(frozen=True, slots=True)
class PullResult:
    """What one pull found: the device behind the token (None fields: no such token), the device's user's
    role on the review, whether the review exists, and the page of ops (read only for a team member)."""

    device_id: str | None
    user_id: str | None
    expires_ms: int
    revoked_ms: int | None
    last_seen_ms: int | None
    role: str | None
    review_exists: bool
    rows: list[tuple[int, str]]
    more: bool = False  # ops after this page


NO_DEVICE = PullResult(None, None, 0, None, None, None, False, [])


class PullStorage:
    """Mixed into Storage: needs `self.engine`; call `_init_pull(engine)` from its __init__."""

    engine: Engine
    keys: DataKeys

    def _init_pull(self, engine: Engine) -> None:
        self._pull_sql = _PullSql(engine, self.keys)
        url = engine.url
        self._inline = (
            engine.dialect.name == "sqlite"
            and engine.dialect.driver == "pysqlite"
            and url.database not in (None, "", ":memory:")
            and url.query.get("mode") != "memory"
        )
        self._local = threading.local()
        self._inline_connections: list[sqlite3.Connection] = []
        self._inline_lock = threading.Lock()

    def pull(self, token_hash: str, review_id: str, after: int, limit: int) -> PullResult:
        """The pull hot path in one pooled connection and one read transaction: the device behind the
        token, its user's role on the review (and whether the review exists), and, for a team member only,
        a page of up to `limit` ops (and PAGE_MAX_BYTES) after `after`. The caller decides what the findings mean (401/403/404)."""
        raw = self.engine.raw_connection()
        try:
            result = self._pull_sql.run(raw.driver_connection, token_hash, review_id, after, limit)
        finally:
            raw.close()  # back to the pool (which rolls back anything left open)
        return result

    def pull_inline(self, token_hash: str, review_id: str, after: int, limit: int) -> PullResult | None:
        """`pull` for the event loop's thread: on a SQLite file, a read in WAL mode on a connection of this
        thread's own that never waits for a lock, so it cannot block the loop. None when it cannot be done
        that way (PostgreSQL, or the database was busy): then call `pull` in a worker thread."""
        if not self._inline:
            return None
        conn = getattr(self._local, "conn", None)
        try:
            if conn is None:
                conn = self._local.conn = self._open_inline()
            return self._pull_sql.run(conn, token_hash, review_id, after, limit)
        except sqlite3.Error:
            self._local.conn = None
            if conn is not None:
                self._close_inline(conn)
            return None

    def _open_inline(self) -> sqlite3.Connection:
        cargs, cparams = self.engine.dialect.create_connect_args(self.engine.url)
        conn = sqlite3.connect(
            cargs[0],
            timeout=0,
            isolation_level=None,
            check_same_thread=False,
            uri=bool(cparams.get("uri", False)),
        )
        conn.execute("PRAGMA query_only=ON")
        with self._inline_lock:
            self._inline_connections.append(conn)
        return conn

    def _close_inline(self, conn: sqlite3.Connection) -> None:
        with self._inline_lock:
            if conn in self._inline_connections:
                self._inline_connections.remove(conn)
        conn.close()

    def close(self) -> None:
        """Close the inline read connections and the engine's pool."""
        with self._inline_lock:
            connections, self._inline_connections = self._inline_connections, []
        for conn in connections:
            conn.close()
        self.engine.dispose()


class _PullSql:
    """The pull's statements as driver SQL, built once: the device, its user's role and the review's
    existence in one statement, then the page's extent (seq and size, read only as far as the page goes)
    and its ops. Runs in one read transaction on a DBAPI connection:
    sqlite3 in autocommit mode (isolation_level None: BEGIN is ours) or psycopg (begins implicitly).
    The op bodies are opened (data_key.py) after the read transaction ends."""

    def __init__(self, engine: Engine, keys: DataKeys):
        self.keys = keys
        self.sqlite = engine.dialect.name == "sqlite"
        marks = {"qmark": "?", "format": "%s", "pyformat": "%s"}
        mark = marks[engine.dialect.paramstyle]
        self.access = (
            "SELECT d.id, d.user_id, d.expires_ms, d.revoked_ms, d.last_seen_ms,"
            f" (SELECT t.role FROM {team.name} t WHERE t.review_id = {mark} AND t.user_id = d.user_id),"
            f" (SELECT 1 FROM {reviews.name} r WHERE r.id = {mark})"
            f" FROM {devices.name} d WHERE d.token_hash = {mark}"
        )
        self.sizes = (
            f"SELECT seq, length(body) FROM {ops.name} WHERE review_id = {mark} AND seq > {mark}"
            f" ORDER BY seq LIMIT {mark}"
        )
        self.page = (
            f"SELECT seq, op_id, body FROM {ops.name} WHERE review_id = {mark} AND seq > {mark}"
            f" AND seq <= {mark} ORDER BY seq"
        )

    def run(self, dbapi: Any, token_hash: str, review_id: str, after: int, limit: int) -> PullResult:
        cursor = dbapi.cursor()
        try:
            if self.sqlite:
                cursor.execute("BEGIN")
            try:
                cursor.execute(self.access, (review_id, review_id, token_hash))
                row = cursor.fetchone()
                sealed: list[tuple[int, str, str]] = []
                more = False
                if row is not None and row[5] is not None:
                    cursor.execute(self.sizes, (review_id, after, limit + 1))
                    last, more = cut_page(cursor, limit, PAGE_MAX_BYTES)
                    if last is not None:
                        cursor.execute(self.page, (review_id, after, last))
                        sealed = cursor.fetchall()
            except BaseException:
                if self.sqlite:
                    cursor.execute("ROLLBACK")
                else:
                    dbapi.rollback()
                raise
            if self.sqlite:
                cursor.execute("COMMIT")
            else:
                dbapi.commit()
        finally:
            cursor.close()
        if row is None:
            return NO_DEVICE
        rows = [(int(seq), self.keys.open_text(body, op_aad(review_id, op_id))) for seq, op_id, body in sealed]
        device_id, user_id, expires_ms, revoked_ms, last_seen_ms, role, exists = row
        return PullResult(
            device_id, user_id, int(expires_ms), revoked_ms, last_seen_ms, role, exists is not None, rows, more
        )
