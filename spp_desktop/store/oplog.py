"""The operation log: every change is an operation, written in the same transaction as the merged state.

Local edits and remote operations both go through `sync.protocol.merge`, so this laptop computes exactly
what the server and every other laptop compute. Autosave makes many edits of one field: while the last
operation on an entity is still unsent, a new edit is squashed into it (last value, first parents).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync.protocol.admission import admission_problem
from sync.protocol.hlc import HLC, HybridClock, wall_clock_ms
from sync.protocol.ids import new_id
from sync.protocol.merge import DELETED, EntityState, ReviewState
from sync.protocol.ops import Operation, OpKind
from sync.protocol.schema import op_problem
from sync.protocol.signing import sign_op

from .db import Statements
from .watermark import HighWaterMark

UNSENT, FROZEN, ON_SERVER, REFUSED = 0, 1, 2, 3
SERVER, BUNDLE, PACKAGE = "server", "bundle", "package"  # where remote ops come from


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class Trust:
    """What a laptop checks remote signatures with: (device id, user id) -> public key from certificates
    it has checked, and the review's pinned server key (None: not known yet)."""

    keys: dict[tuple[str, str], bytes]
    server_key: bytes | None


@dataclass
class ApplyResult:
    added: int = 0
    duplicates: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (op_id, reason)
    clock_skew: int = 0
    changed: set[tuple[str, str]] = field(default_factory=set)


class OpLog:
    """Writes and applies operations on one SQLCipher connection (one thread)."""

    def __init__(self, conn: Statements, device_id: str, signing_key: bytes, watermark: HighWaterMark | None = None):
        self.conn = conn
        self.device_id = device_id
        # Every op this laptop makes is signed (sync.protocol.signing). The key object is made once, not
        # per save; it goes with this OpLog, which the store drops when it locks.
        self._signing_key = Ed25519PrivateKey.from_private_bytes(signing_key)
        self.watermark = watermark  # written after each commit of a local change (watermark.py)
        self._states: dict[str, ReviewState] = {}
        self._last_op: dict[str, dict[tuple[str, str], str]] = {}
        # Hot-path caches, valid while no other connection has committed (PRAGMA data_version):
        self._clock_cache: tuple[HybridClock, int] | None = None  # (clock, last seq)
        self._unsent: dict[str, Operation] = {}  # op_id -> local op not yet sent (squash candidates)
        self._data_version = self._current_data_version()

    # --- transactions and caches ------------------------------------------------------------------
    def _current_data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def refresh_if_changed(self) -> bool:
        """Drop caches when another connection (a sync worker) committed since we last looked."""
        version = self._current_data_version()
        if version != self._data_version:
            self._data_version = version
            self._drop_caches()
            return True
        return False

    def _drop_caches(self) -> None:
        self._states.clear()
        self._last_op.clear()
        self._clock_cache = None
        self._unsent.clear()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            # COMMIT inside the try: on a full disk it is COMMIT that fails, and then the cached
            # state holds a change that never reached the file.
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._drop_caches()  # they may hold changes that were rolled back
            raise
        if self.watermark is not None and self._clock_cache is not None:
            self.watermark.write(self._clock_cache[1])  # after COMMIT: the mark never runs ahead

    def state(self, review_id: str) -> ReviewState:
        self.refresh_if_changed()
        cached = self._states.get(review_id)
        if cached is not None:
            return cached
        state = ReviewState(review_id)
        last: dict[tuple[str, str], str] = {}
        for entity, entity_id, text, last_op in self.conn.execute(
            "SELECT entity, entity_id, state, last_op FROM entities WHERE review_id = ?", (review_id,)
        ):
            state.add(EntityState.from_json(entity, entity_id, json.loads(text)))
            last[(entity, entity_id)] = last_op
        self._states[review_id] = state
        self._last_op[review_id] = last
        return state

    def forget(self, review_id: str) -> None:
        self._states.pop(review_id, None)
        self._last_op.pop(review_id, None)

    # --- clock and sequence (kept in meta, read inside the write transaction) ---------------------
    def _meta(self, key: str, default: str) -> str:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                          (key, value))

    def _clock(self, review_id: str | None = None) -> tuple[HybridClock, int]:
        """This device's clock and last sequence number (one meta row, cached between writes).

        The row is written when a new op is, not when an edit folds into a pending one (a save then
        touches the op row and the state row only), so an unsent op of the review may be newer than the
        row: the clock starts past the newest of those too. (Across reviews no order matters: the clock
        only orders concurrent values of one record.)"""
        if self._clock_cache is None:
            wall, counter, seq = json.loads(self._meta("clock", "[0, 0, 0]"))
            last = HLC(wall, counter, self.device_id)
            newest = self._newest_unsent(review_id) if review_id is not None else None
            if newest is not None and newest > (last.wall_ms, last.counter):
                last = HLC(newest[0], newest[1], self.device_id)
            self._clock_cache = (HybridClock(self.device_id, last), seq)
        return self._clock_cache

    def _newest_unsent(self, review_id: str) -> tuple[int, int] | None:
        """(wall, counter) of this device's newest op of the review that edits may still fold into."""
        row = self.conn.execute(
            "SELECT json_extract(body, '$.hlc[0]') AS w, json_extract(body, '$.hlc[1]') AS c FROM ops "
            "WHERE review_id = ? AND local = 1 AND sync_state = ? AND device_id = ? "
            "ORDER BY w DESC, c DESC LIMIT 1", (review_id, UNSENT, self.device_id)).fetchone()
        return (int(row[0]), int(row[1])) if row is not None and row[0] is not None else None

    def _clock_row_past_unsent(self, review_id: str) -> None:
        """Before ops leave UNSENT (frozen for a push or a bundle): the clock's row catches up with the
        newest of them, so `_clock` need only look at the ones still unsent."""
        newest = self._newest_unsent(review_id)
        if newest is None:
            return
        wall, counter, seq = json.loads(self._meta("clock", "[0, 0, 0]"))
        if newest > (wall, counter):
            self._set_meta("clock", _dumps([newest[0], newest[1], seq]))
            self._clock_cache = None  # another connection's edits may be newer than this one's cache

    def last_seq(self) -> int:
        """This device's last sequence number as the database holds it."""
        return int(json.loads(self._meta("clock", "[0, 0, 0]"))[2])

    def _save_clock(self, clock: HybridClock, seq: int) -> None:
        self._set_meta("clock", _dumps([clock.last.wall_ms, clock.last.counter, seq]))
        self._clock_cache = (clock, seq)

    # --- local writes -----------------------------------------------------------------------------
    def write(
        self,
        review_id: str,
        author: str,
        entity: str,
        entity_id: str,
        kind: OpKind,
        fields: dict[str, Any] | None = None,
        parents: dict[str, tuple[str, ...]] | None = None,
    ) -> Operation:
        """Record one local change. Raises ValueError for an op the protocol would refuse."""
        fields = dict(fields or {})
        with self.transaction():
            state = self.state(review_id)
            current = state.get(entity, entity_id)
            if parents is None:
                parents = self._parents_for(current, kind, fields)
            clock, last_seq = self._clock(review_id)
            seq = last_seq + 1
            op = Operation(new_id(), review_id, self.device_id, seq, author, clock.now(), entity, entity_id,
                           kind, fields, parents)
            problem = op_problem(op)
            if problem:
                raise ValueError(problem)
            squashed = self._squash_target(review_id, op, current)
            if squashed is not None:
                op = sign_op(squashed, self._signing_key)
                self.conn.execute("UPDATE ops SET body = ? WHERE op_id = ?", (_dumps(op.to_wire()), op.op_id))
                self._clock_cache = (clock, last_seq)  # the row waits for the next new op (see _clock)
            else:
                op = sign_op(op, self._signing_key)
                self._insert(op, local=True)
                self._save_clock(clock, seq)
            self._store_entity(state, state.apply(op), op.op_id)
        if op.kind is OpKind.SET:
            self._unsent[op.op_id] = op
        return op

    @staticmethod
    def _parents_for(current: EntityState | None, kind: OpKind, fields: dict[str, Any]) -> dict[str, tuple[str, ...]]:
        if current is None:
            return {}
        if kind is OpKind.DELETE:
            return current.all_heads()
        if kind is OpKind.RESOLVE:
            return {name: current.heads(name) for name in fields}
        # A plain edit supersedes only the value on screen (the provisional winner): the other values of
        # a conflict stay for the lead's resolve (SYNC.md, and the rule table refuses more than one).
        # Undo of a delete names every delete (several people may have deleted it: that is no conflict).
        return {name: current.heads(name) if name == DELETED else (live[0].op_id,)
                for name in fields if (live := current.live(name))}

    def _squash_target(self, review_id: str, op: Operation, current: EntityState | None) -> Operation | None:
        """The pending op to fold this edit into, or None to append a new op."""
        if op.kind is not OpKind.SET or current is None or DELETED in op.fields:
            return None
        last_id = self._last_op.get(review_id, {}).get((op.entity, op.entity_id))
        if last_id is None:
            return None
        pending = self._unsent.get(last_id)
        if pending is None:
            row = self.conn.execute("SELECT body, local, sync_state FROM ops WHERE op_id = ?", (last_id,)).fetchone()
            if row is None or not row[1] or row[2] != UNSENT:
                return None
            pending = Operation.from_wire(json.loads(row[0]))
        if pending.kind is not OpKind.SET or pending.author != op.author or pending.device_id != self.device_id:
            return None
        for name in op.fields:
            if name in pending.fields and op.parents.get(name) != (pending.op_id,):
                return None  # something else happened to this field in between: keep both ops
        parents = dict(pending.parents)
        for name in op.fields:
            if name not in pending.fields and op.parents.get(name):
                parents[name] = op.parents[name]
        return Operation(pending.op_id, review_id, pending.device_id, pending.seq, pending.author, op.hlc,
                         op.entity, op.entity_id, OpKind.SET, {**pending.fields, **op.fields}, parents)

    # --- remote operations ------------------------------------------------------------------------
    def apply_remote(self, review_id: str, ops: Iterable[Operation], *, on_server: bool = False,
                     source: str | None = None, unreadable: Iterable[tuple[str, str, str]] = (),
                     trust: Trust | None = None) -> ApplyResult:
        """Apply operations from the server, a team bundle or a review package. Idempotent; one transaction.

        Each op is judged by sync.protocol.admission first (a package the user imported is trusted as
        their own act); one that fails is parked with the reason and the rest are applied. `unreadable`
        are (op_id, raw JSON, reason) of items that were not even operations: parked as they came.
        """
        source = source or (SERVER if on_server else BUNDLE)
        trust = trust or Trust({}, None)
        result = ApplyResult()
        now = wall_clock_ms()
        with self.transaction():
            state = self.state(review_id)
            clock, seq = self._clock(review_id)
            for op_id, raw, reason in unreadable:
                self._park(review_id, op_id, raw, reason, source, result)
            for op in ops:
                if self.conn.execute("SELECT 1 FROM ops WHERE op_id = ?", (op.op_id,)).fetchone():
                    result.duplicates += 1
                    if on_server:
                        self.conn.execute("UPDATE ops SET sync_state = ? WHERE op_id = ?", (ON_SERVER, op.op_id))
                    continue
                if source == PACKAGE:
                    problem = op_problem(op)
                    refusal = f"The operation is not valid: {problem}." if problem else None
                else:
                    found = admission_problem(op, state, from_server=source == SERVER, now_ms=now,
                                              keys=trust.keys, server_key=trust.server_key)
                    refusal = found.reason if found else None
                if refusal:
                    self._park(review_id, op.op_id, _dumps(op.to_wire()), refusal, source, result)
                    continue
                self.conn.execute("DELETE FROM parked_ops WHERE review_id = ? AND op_id = ?", (review_id, op.op_id))
                if clock.observe(op.hlc):
                    result.clock_skew += 1
                # Package ops are never offered to the server (it made them); bundle ops are, so a teammate's
                # work reaches the server through this laptop too (A -> B -> C -> server).
                self._insert(op, local=op.device_id == self.device_id,
                             sync_state=ON_SERVER if on_server or source == PACKAGE else FROZEN)
                self._store_entity(state, state.apply(op), op.op_id)
                result.added += 1
                result.changed.add((op.entity, op.entity_id))
            self._save_clock(clock, seq)
        return result

    def _park(self, review_id: str, op_id: str, body: str, reason: str, source: str, result: ApplyResult) -> None:
        """Keep a remote op this laptop will not apply, with the reason (the lead sees the list)."""
        self.conn.execute(
            "INSERT INTO parked_ops (op_id, review_id, body, reason, source, received_ms) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(review_id, op_id) DO UPDATE SET reason = excluded.reason, source = excluded.source",
            (op_id, review_id, body, reason, source, int(time.time() * 1000)))
        result.rejected.append((op_id, reason))

    def parked(self, review_id: str) -> list[tuple[str, str, str, str]]:
        """(op_id, reason, source, raw body) of every parked op of the review, oldest first."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT op_id, reason, source, body FROM parked_ops WHERE review_id = ? ORDER BY received_ms, op_id",
            (review_id,))]

    # --- persistence helpers ----------------------------------------------------------------------
    def _insert(self, op: Operation, *, local: bool, sync_state: int = UNSENT) -> None:
        self.conn.execute(
            "INSERT INTO ops (op_id, review_id, device_id, seq, entity, entity_id, body, local, sync_state, received_ms) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (op.op_id, op.review_id, op.device_id, op.seq, op.entity, op.entity_id, _dumps(op.to_wire()),
             int(local), sync_state, int(time.time() * 1000)),
        )

    def _store_entity(self, state: ReviewState, entity: EntityState, last_op: str) -> None:
        self.conn.execute(
            "INSERT INTO entities (review_id, entity, entity_id, state, deleted, conflict, last_op) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(review_id, entity, entity_id) DO UPDATE SET "
            "state = excluded.state, deleted = excluded.deleted, conflict = excluded.conflict, last_op = excluded.last_op",
            (state.review_id, entity.entity, entity.entity_id, _dumps(entity.to_json()), int(entity.deleted),
             int(entity.in_conflict), last_op),
        )
        self._last_op.setdefault(state.review_id, {})[(entity.entity, entity.entity_id)] = last_op

    # --- outbox -----------------------------------------------------------------------------------
    def unsent_count(self, review_id: str) -> int:
        row = self.conn.execute("SELECT COUNT(*) FROM ops WHERE review_id = ? AND local = 1 AND sync_state < ?",
                                (review_id, ON_SERVER)).fetchone()
        return int(row[0])

    def outbox(self, review_id: str, limit: int) -> list[Operation]:
        """Ops the server does not have yet, oldest first: this laptop's own, and teammates' from bundles
        (relayed: the server checks their authors' signatures). Own ones are frozen: never squashed again.

        Read and freeze in one write transaction: an autosave on another connection cannot squash an
        op between the two, so the body handed out is exactly the one that stays in the log.
        """
        with self.transaction():
            self._clock_row_past_unsent(review_id)
            rows = self.conn.execute(
                "SELECT op_id, body FROM ops WHERE review_id = ? AND sync_state < ? "
                "ORDER BY rowid LIMIT ?", (review_id, ON_SERVER, limit),
            ).fetchall()
            self.conn.executemany("UPDATE ops SET sync_state = ? WHERE op_id = ? AND sync_state = ?",
                                  [(FROZEN, r[0], UNSENT) for r in rows])
        for r in rows:
            self._unsent.pop(r[0], None)
        return [Operation.from_wire(json.loads(r[1])) for r in rows]

    def mark_refused(self, refused: Iterable[tuple[str, str]]) -> None:
        """Ops the server refused (with its reason). This laptop's own stay (never lose work), out of the
        outbox and the unsynced count; a teammate's op relayed from a bundle is taken back out of the state
        and parked, so this copy ends as the server's does."""
        refused = list(refused)
        with self.transaction():
            for op_id, reason in refused:
                row = self.conn.execute("SELECT review_id, entity, entity_id, body, local FROM ops WHERE op_id = ?",
                                        (op_id,)).fetchone()
                if row is None:
                    continue
                if row[4]:
                    self.conn.execute("UPDATE ops SET sync_state = ?, refused_reason = ? WHERE op_id = ?",
                                      (REFUSED, reason, op_id))
                    continue
                review_id, entity, entity_id, body = row[0], row[1], row[2], row[3]
                self.conn.execute("DELETE FROM ops WHERE op_id = ?", (op_id,))
                self._park(review_id, op_id, body, reason, SERVER, ApplyResult())
                self._rebuild(review_id, entity, entity_id)

    def _rebuild(self, review_id: str, entity: str, entity_id: str) -> None:
        """Fold one entity again from the ops it still has (after one was taken out)."""
        state = self.state(review_id)
        fresh = EntityState(entity, entity_id)
        last = ""
        for op_id, body in self.conn.execute("SELECT op_id, body FROM ops WHERE review_id = ? AND entity = ? AND "
                                             "entity_id = ? ORDER BY rowid", (review_id, entity, entity_id)):
            fresh.apply(Operation.from_wire(json.loads(body)))
            last = op_id
        state.add(fresh)
        self._store_entity(state, fresh, last)

    def refused(self, review_id: str) -> list[tuple[Operation, str]]:
        rows = self.conn.execute("SELECT body, refused_reason FROM ops WHERE review_id = ? AND sync_state = ? "
                                 "ORDER BY seq", (review_id, REFUSED)).fetchall()
        return [(Operation.from_wire(json.loads(r[0])), r[1] or "") for r in rows]

    def mark_on_server(self, op_ids: Iterable[str]) -> None:
        op_ids = list(op_ids)
        for op_id in op_ids:
            self._unsent.pop(op_id, None)
        with self.transaction():
            self.conn.executemany("UPDATE ops SET sync_state = ? WHERE op_id = ?", [(ON_SERVER, i) for i in op_ids])

    def all_ops(self, review_id: str) -> list[Operation]:
        rows = self.conn.execute("SELECT body FROM ops WHERE review_id = ? ORDER BY rowid", (review_id,)).fetchall()
        return [Operation.from_wire(json.loads(r[0])) for r in rows]

    def freeze_all(self, review_id: str) -> None:
        """Ops written into a bundle have left the laptop: they must not change any more."""
        with self.transaction():
            self._clock_row_past_unsent(review_id)
            self.conn.execute("UPDATE ops SET sync_state = ? WHERE review_id = ? AND sync_state = ?",
                              (FROZEN, review_id, UNSENT))
        self._unsent = {k: v for k, v in self._unsent.items() if v.review_id != review_id}
