"""Each review's merged state on the server, with the same merge function as the laptop.

An in-memory ReviewState per review, built from the op log on first use and brought up to date from the
log (ops after the cached cursor) whenever it is read, so several server processes stay correct too.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from sync.protocol import Operation, ReviewState

from .storage import Storage


@dataclass
class _Entry:
    state: ReviewState
    cursor: int = 0
    count: int = 0
    hash: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass(frozen=True)
class Snapshot:
    state_hash: str
    cursor: int
    op_count: int


T = TypeVar("T")


class ReviewStates:
    PAGE = 2000
    PAGE_BYTES = 16 * 1024 * 1024

    def __init__(self, storage: Storage):
        self.storage = storage
        self._entries: dict[str, _Entry] = {}
        self._lock = threading.Lock()

    def _entry(self, review_id: str) -> _Entry:
        with self._lock:
            entry = self._entries.get(review_id)
            if entry is None:
                entry = self._entries[review_id] = _Entry(ReviewState(review_id))
            return entry

    def snapshot(self, review_id: str) -> Snapshot:
        entry = self._entry(review_id)
        with entry.lock:
            return self._catch_up(review_id, entry)

    def read(self, review_id: str, reader: Callable[[ReviewState], T]) -> T:
        """Run `reader` on the up-to-date state while no other thread changes it (the push's rule checks)."""
        entry = self._entry(review_id)
        with entry.lock:
            self._catch_up(review_id, entry)
            return reader(entry.state)

    def _catch_up(self, review_id: str, entry: _Entry) -> Snapshot:
        """Apply the ops stored after the entry's cursor (call with entry.lock held)."""
        more = True
        while more:  # pages bounded in bytes too: catching up never holds the whole log in memory
            rows, more = self.storage.ops_page(review_id, entry.cursor, self.PAGE, self.PAGE_BYTES)
            for seq, body in rows:
                entry.state.apply(Operation.from_wire(json.loads(body)))
                entry.cursor = seq
                entry.count += 1
                entry.hash = None
        if entry.hash is None:
            entry.hash = entry.state.state_hash()
        return Snapshot(entry.hash, entry.cursor, entry.count)

    def state(self, review_id: str) -> ReviewState:
        """The up-to-date merged state (for export). Callers must not modify it."""
        self.snapshot(review_id)
        return self._entry(review_id).state
