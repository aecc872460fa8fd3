"""Each review's merged state on the server, with the same merge function as the laptop.

An in-memory ReviewState per review, built from the op log on first use and brought up to date from the
log (ops after the cached cursor) whenever it is read, so several server processes stay correct too.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
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

    # Bounded: a national server holds thousands of reviews over a year, and a cached state costs ~3 KB
    # per op (benchmarks/bench_national.py: 400 reviews of 200 ops took a process from ~105 to ~370 MB).
    # Beyond MAX_CACHED_OPS (~300 MB) the least recently used states are dropped; the next read of one
    # rebuilds it from the op log. A thread still using a dropped entry finishes on it unharmed.
    MAX_CACHED_OPS = 100_000

    def __init__(self, storage: Storage):
        self.storage = storage
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock = threading.Lock()

    def _entry(self, review_id: str) -> _Entry:
        with self._lock:
            entry = self._entries.get(review_id)
            if entry is None:
                entry = self._entries[review_id] = _Entry(ReviewState(review_id))
            else:
                self._entries.move_to_end(review_id)
            return entry

    def _trim(self) -> None:
        """Drop least recently used states beyond MAX_CACHED_OPS (never the one used last)."""
        with self._lock:
            total = sum(e.count for e in self._entries.values())
            while total > self.MAX_CACHED_OPS and len(self._entries) > 1:
                _, dropped = self._entries.popitem(last=False)
                total -= dropped.count

    def cached_reviews(self) -> int:
        with self._lock:
            return len(self._entries)

    def snapshot(self, review_id: str) -> Snapshot:
        entry = self._entry(review_id)
        with entry.lock:
            snap = self._catch_up(review_id, entry)
        self._trim()
        return snap

    def read(self, review_id: str, reader: Callable[[ReviewState], T]) -> T:
        """Run `reader` on the up-to-date state while no other thread changes it (the push's rule checks)."""
        entry = self._entry(review_id)
        try:
            with entry.lock:
                self._catch_up(review_id, entry)
                return reader(entry.state)
        finally:
            self._trim()

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
        entry = self._entry(review_id)  # one entry: another review's read may drop it from the cache meanwhile
        with entry.lock:
            self._catch_up(review_id, entry)
        self._trim()
        return entry.state
