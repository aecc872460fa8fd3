"""Sign-in throttling (mixed into Storage): failures per username and per client address in a window.

An attempt is counted *before* its password is checked, in the same write transaction that counts the
window (serialised per key: SQLite's BEGIN IMMEDIATE, PostgreSQL's transaction-level advisory lock), so
50 guesses sent at once are checked at most `max_failures` times. A successful sign-in takes its
attempt back; a wrong password leaves it as the failure it is.
"""

from __future__ import annotations

import hashlib
from contextlib import AbstractContextManager
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, text

from .tables import login_failures


@dataclass(frozen=True)
class Attempt:
    """A counted sign-in attempt (ids of its rows), or a refusal: `throttled_until_ms` set."""

    row_ids: tuple[int, ...] = ()
    throttled_until_ms: int | None = None


class ThrottleStorage:
    def _tx(self, write: bool = False) -> AbstractContextManager[Connection]:  # provided by Storage
        raise NotImplementedError

    @staticmethod
    def throttle_key(kind: str, value: str) -> str:
        return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()

    def begin_login_attempt(self, keys: list[str], at_ms: int, window_ms: int, max_failures: int) -> Attempt:
        """Count one attempt for every key, unless a key has had `max_failures` in the window already."""
        with self._tx(True) as c:
            if c.dialect.name == "postgresql":
                for key in sorted(keys):  # sorted: two logins never wait for each other's locks in a cycle
                    c.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key})
            c.execute(delete(login_failures).where(login_failures.c.at_ms < at_ms - window_ms))
            for key in keys:
                recent = self._since(c, key, at_ms - window_ms)
                if len(recent) >= max_failures:
                    return Attempt(throttled_until_ms=recent[-max_failures] + window_ms)
            ids = [
                int(c.execute(insert(login_failures).values(key_hash=k, at_ms=at_ms).returning(login_failures.c.id)).scalar_one())
                for k in keys
            ]
        return Attempt(row_ids=tuple(ids))

    def forget_login_attempt(self, attempt: Attempt) -> None:
        """The attempt succeeded: it is not a failure."""
        with self._tx(True) as c:
            c.execute(delete(login_failures).where(login_failures.c.id.in_(attempt.row_ids)))

    def record_login_failure(self, keys: list[str], at_ms: int, window_ms: int) -> None:
        with self._tx(True) as c:
            c.execute(delete(login_failures).where(login_failures.c.at_ms < at_ms - window_ms))
            c.execute(insert(login_failures), [{"key_hash": k, "at_ms": at_ms} for k in keys])

    @staticmethod
    def _since(c: Connection, key: str, since_ms: int) -> list[int]:
        return list(
            c.execute(
                select(login_failures.c.at_ms)
                .where(login_failures.c.key_hash == key, login_failures.c.at_ms >= since_ms)
                .order_by(login_failures.c.at_ms)
            ).scalars()
        )

    def login_failures_since(self, key: str, since_ms: int) -> list[int]:
        with self._tx() as c:
            return self._since(c, key, since_ms)

    def clear_login_failures(self, key: str) -> None:
        with self._tx(True) as c:
            c.execute(delete(login_failures).where(login_failures.c.key_hash == key))
