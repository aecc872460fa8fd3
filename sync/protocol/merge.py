"""The merge function: every copy (laptop or server) folds operations into the same state.

Each field of each entity is a multi-value register. An operation's value for a field survives until a
later operation names it in its `parents` for that field. One survivor is the field's value; several
(concurrent edits from the same base) are a conflict: the provisional winner is the highest HLC (whose
last part is the device id, so the order is total and identical everywhere), and all values stay
readable until a `resolve` operation names them all.

Deletion is the reserved register `_deleted`. A delete records every value its author saw; a field value
the deleter did not see (a concurrent edit) makes the entity "deleted in conflict" for the lead to settle
rather than a silent loss. Undo is a `set` of `_deleted` to False naming the delete as parent.

Applying an op twice, or ops in any order, gives the same state: the live set of a register is
"all values applied" minus "all op ids named as parents", both of which are order-independent sets.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .hlc import HLC
from .ops import Operation, OpKind

DELETED = "_deleted"


@dataclass(frozen=True)
class Value:
    op_id: str
    hlc: HLC
    value: Any
    author: str
    seen: frozenset[str] = frozenset()  # only for the _deleted register

    def to_json(self) -> list[Any]:
        return [self.hlc.wall_ms, self.hlc.counter, self.hlc.device_id, self.value, self.author, sorted(self.seen)]

    @classmethod
    def from_json(cls, op_id: str, data: list[Any]) -> Value:
        return cls(op_id, HLC(data[0], data[1], data[2]), data[3], data[4], frozenset(data[5]))


def _rank(v: Value) -> tuple[HLC, str]:
    """The order of surviving values: HLC, then op id for the rare tie of equal HLCs.

    Equal HLCs do happen: every op derived from one review package carries HLC(issued_at, 0, "package").
    Without the op id, the winner of such a tie was whichever op a copy happened to apply first.
    """
    return (v.hlc, v.op_id)


def _canonical_value(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


class EntityState:
    """The merged state of one entity (one evidence record, one finding ...)."""

    __slots__ = ("entity", "entity_id", "registers", "superseded")

    def __init__(self, entity: str, entity_id: str):
        self.entity = entity
        self.entity_id = entity_id
        self.registers: dict[str, dict[str, Value]] = {}
        self.superseded: dict[str, set[str]] = {}

    # --- applying ---------------------------------------------------------------------------------
    def apply(self, op: Operation) -> None:
        if op.kind is OpKind.DELETE:
            self._put(DELETED, op, True, seen=op.seen_op_ids())
            return
        for name, value in op.fields.items():
            seen = op.seen_op_ids() if name == DELETED else frozenset()
            self._put(name, op, value, seen)

    def _put(self, name: str, op: Operation, value: Any, seen: frozenset[str] = frozenset()) -> None:
        gone = self.superseded.setdefault(name, set())
        register = self.registers.setdefault(name, {})
        for parent in op.parents.get(name, ()):
            gone.add(parent)
            register.pop(parent, None)
        if op.op_id not in gone:
            # Overwrite on purpose: a squashed (not yet sent) local op keeps its id and takes a new value.
            register[op.op_id] = Value(op.op_id, op.hlc, value, op.author, seen)

    # --- reading ----------------------------------------------------------------------------------
    def live(self, name: str) -> list[Value]:
        """Surviving values of a field, provisional winner first."""
        return sorted(self.registers.get(name, {}).values(), key=_rank, reverse=True)

    def heads(self, name: str) -> tuple[str, ...]:
        """Op ids a new edit of this field must name as parents."""
        return tuple(sorted(self.registers.get(name, {})))

    def all_heads(self) -> dict[str, tuple[str, ...]]:
        return {name: self.heads(name) for name in self.registers if self.registers[name]}

    def value(self, name: str, default: Any = None) -> Any:
        register = self.registers.get(name)
        if not register:
            return default
        return max(register.values(), key=_rank).value

    def values(self) -> dict[str, Any]:
        """Winning value of every field (the reserved _deleted excluded)."""
        return {name: self.value(name) for name, reg in self.registers.items() if reg and name != DELETED}

    @property
    def exists(self) -> bool:
        return any(reg for name, reg in self.registers.items() if name != DELETED)

    @property
    def deleted(self) -> bool:
        return bool(self.value(DELETED, False))

    def conflicts(self) -> dict[str, list[Value]]:
        """Fields whose surviving values differ. `_deleted` appears for an edit/delete conflict.

        Two people making the same change at once (two deletes, or the same text) is no conflict:
        the values agree, so there is nothing for the lead to settle.
        """
        found = {
            name: self.live(name) for name, reg in self.registers.items()
            if len(reg) > 1 and name != DELETED and len({_canonical_value(v.value) for v in reg.values()}) > 1
        }
        deletes = self.live(DELETED)
        if len({v.value for v in deletes}) > 1:
            found[DELETED] = deletes  # deleted on one laptop, restored on another
        elif self.deleted:
            # A delete has seen what it names, and the values of its own op (a resolve that keeps a record
            # deleted sets a field and _deleted at once).
            seen = frozenset().union(*(v.seen for v in deletes), (v.op_id for v in deletes))
            # Fields in name order: values of one op (equal rank) then list identically on every copy.
            unseen = [
                v for name, reg in sorted(self.registers.items()) if name != DELETED
                for v in reg.values() if v.op_id not in seen
            ]
            if unseen:
                found[DELETED] = [deletes[0], *sorted(unseen, key=_rank, reverse=True)]
        return found

    @property
    def in_conflict(self) -> bool:
        return bool(self.conflicts())

    def authors(self) -> set[str]:
        return {v.author for reg in self.registers.values() for v in reg.values()}

    # --- persistence and hashing ------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        return {
            "r": {name: {oid: v.to_json() for oid, v in reg.items()} for name, reg in self.registers.items()},
            "s": {name: sorted(ids) for name, ids in self.superseded.items() if ids},
        }

    @classmethod
    def from_json(cls, entity: str, entity_id: str, data: dict[str, Any]) -> EntityState:
        state = cls(entity, entity_id)
        state.registers = {
            name: {oid: Value.from_json(oid, v) for oid, v in reg.items()} for name, reg in data["r"].items()
        }
        state.superseded = {name: set(ids) for name, ids in data.get("s", {}).items()}
        return state

    def canonical(self) -> dict[str, list[list[Any]]]:
        return {
            name: sorted([v.op_id, v.value] for v in reg.values())
            for name, reg in sorted(self.registers.items())
            if reg
        }


class ReviewState:
    """All entities of one review, folded from its operations.

    The state hash is kept incrementally: each entity's canonical line is cached and rebuilt only after
    `apply()`, `add()` or `touch()` names that entity, so hashing after a batch costs O(entities changed)
    JSON work plus one SHA-256 pass over the cached lines. Mutate entities only through this class: code
    that changes an EntityState directly (`EntityState.apply`, or its registers) must then call
    `touch(entity, entity_id)`, or `state_hash()` will go on returning the old value.
    """

    def __init__(self, review_id: str):
        self.review_id = review_id
        self.entities: dict[tuple[str, str], EntityState] = {}
        self._by_kind: dict[str, dict[str, EntityState]] = {}  # entity -> id -> state, for fast listing
        self._lines: dict[tuple[str, str], bytes] = {}  # key -> canonical line (b"" for nothing live)
        self._dirty: set[tuple[str, str]] = set()  # keys whose cached line is out of date
        self._order: list[tuple[str, str]] | None = None  # sorted keys; None after a new entity
        self._hash: str | None = None

    def add(self, state: EntityState) -> None:
        key = (state.entity, state.entity_id)
        if key not in self.entities:
            self._order = None
        self.entities[key] = state
        self._by_kind.setdefault(state.entity, {})[state.entity_id] = state
        self.touch(*key)

    def touch(self, entity: str, entity_id: str) -> None:
        """Mark an entity changed: required after mutating its EntityState other than through this class."""
        self._dirty.add((entity, entity_id))
        self._hash = None

    def apply(self, op: Operation) -> EntityState:
        key = (op.entity, op.entity_id)
        state = self.entities.get(key)
        if state is None:
            state = EntityState(op.entity, op.entity_id)
            self.add(state)
        state.apply(op)
        self._dirty.add(key)
        self._hash = None
        return state

    def apply_all(self, ops: Iterable[Operation]) -> None:
        for op in ops:
            self.apply(op)

    def get(self, entity: str, entity_id: str) -> EntityState | None:
        return self.entities.get((entity, entity_id))

    def of_kind(self, entity: str, *, include_deleted: bool = False) -> Iterator[EntityState]:
        for state in self._by_kind.get(entity, {}).values():
            if state.exists and (include_deleted or not state.deleted):
                yield state

    def conflicts(self) -> dict[tuple[str, str], dict[str, list[Value]]]:
        return {key: c for key, s in self.entities.items() if (c := s.conflicts())}

    def state_hash(self) -> str:
        """The same value as `state_hash(self.entities.values())`, from the cached per-entity lines."""
        if self._hash is not None:
            return self._hash
        lines = self._lines
        for key in self._dirty:
            state = self.entities.get(key)
            if state is None:  # touched but never added
                continue
            lines[key] = canonical_line(state)
        self._dirty.clear()
        if self._order is None:
            self._order = sorted(self.entities)
        self._hash = hashlib.sha256(b"".join([lines[key] for key in self._order])).hexdigest()
        return self._hash


def canonical_line(state: EntityState) -> bytes:
    """One entity's part of the state hash: its canonical JSON and a newline, or b"" when nothing is live."""
    canonical = state.canonical()
    if not canonical:
        return b""
    return json.dumps([state.entity, state.entity_id, canonical], sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8") + b"\n"


def state_hash(entities: Iterable[EntityState]) -> str:
    """SHA-256 over the canonical surviving values of every entity: equal on every synced copy."""
    digest = hashlib.sha256()
    for state in sorted(entities, key=lambda s: (s.entity, s.entity_id)):
        digest.update(canonical_line(state))
    return digest.hexdigest()
