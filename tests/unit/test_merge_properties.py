"""Property tests of the merge function (sync/protocol/merge.py) over realistic op histories.

The generator simulates 2-5 laptops. Each has its own HybridClock (with its own, possibly wrong, wall
clock), its own ReviewState replica and makes edits the way the store does: a `set` names the current
heads of each field it sets, a `delete` names every head of every field, undo sets `_deleted` False naming
the delete, a lead's `resolve` names every live value. Devices exchange ops at random moments: a random
subset, in random order, with duplicates. The properties then check that every copy converges.

More examples: SPP_HYPOTHESIS_EXAMPLES=500 pytest tests/unit/test_merge_properties.py
"""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.protocol import DELETED, HLC, EntityState, HybridClock, Operation, OpKind, ReviewState
from sync.protocol.schema import op_problem

_EXAMPLES = int(os.environ.get("SPP_HYPOTHESIS_EXAMPLES", "0"))


def examples(default: int) -> int:
    return _EXAMPLES or default


def _settings(default: int) -> settings:
    return settings(max_examples=examples(default), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


REVIEW = "0190f5a0-7c00-7000-8000-00000000a11e"
BASE_MS = 1_780_000_000_000  # a day in 2026
HOUR = 3_600_000
NS = uuid.UUID("8d3c7a51-0f0e-4b8e-9a57-1f2d3c4b5a69")

# A small pool of records so that devices really do touch the same ones.
POOL: list[tuple[str, str]] = [
    ("evidence", str(uuid.uuid5(NS, "evidence-1"))),
    ("evidence", str(uuid.uuid5(NS, "evidence-2"))),
    ("evidence", str(uuid.uuid5(NS, "evidence-3"))),
    ("finding", str(uuid.uuid5(NS, "finding-1"))),
    ("finding", str(uuid.uuid5(NS, "finding-2"))),
]
EDITABLE = {
    "evidence": ("notes", "tags", "day", "participant_count", "reviewer_notes"),
    "finding": ("text", "status", "head_comment", "position"),
}


def field_value(entity: str, name: str, n: int) -> Any:
    """A valid value for a field; small n so that equal values from different devices happen too."""
    if name == "tags":
        return [f"tag{n % 3}", f"tag{n % 5}"][: 1 + n % 2]
    if name == "day":
        return f"2026-03-{10 + n % 5:02d}"
    if name in ("participant_count", "position"):
        return n % 7
    if name == "status":
        return ("draft", "to_explore")[n % 2]
    return f"{entity} {name} {n % 11} ✓ Cymraeg: ŵ ŷ"


class Device:
    def __init__(self, index: int, offset_ms: int):
        self.index = index
        self.device_id = f"dev-{index}"
        self.author = f"reviewer-{index}"
        self.wall_ms = BASE_MS + offset_ms
        self.clock = HybridClock(self.device_id, wall=lambda: self.wall_ms)
        self.replica = ReviewState(REVIEW)
        self.log: dict[str, Operation] = {}
        self.seq = 0

    # --- making ops the way the store does -----------------------------------------------------
    def _op(self, entity: str, entity_id: str, kind: OpKind, fields: dict[str, Any],
            parents: dict[str, tuple[str, ...]]) -> Operation:
        self.seq += 1
        op = Operation(
            op_id=str(uuid.uuid5(NS, f"{self.device_id}/{self.seq}")), review_id=REVIEW,
            device_id=self.device_id, seq=self.seq, author=self.author, hlc=self.clock.now(),
            entity=entity, entity_id=entity_id, kind=kind, fields=fields,
            parents={k: v for k, v in parents.items() if v},
        )
        self.replica.apply(op)
        self.log[op.op_id] = op
        return op

    def state(self, entity_id: str) -> EntityState | None:
        for (_, eid), state in self.replica.entities.items():
            if eid == entity_id:
                return state
        return None

    def create(self, entity: str, entity_id: str, fields: dict[str, Any]) -> Operation:
        base = {"kind": "observation"} if entity == "evidence" else {"kind": "strength", "text": ""}
        return self._op(entity, entity_id, OpKind.SET, {**base, **fields}, {})

    def edit(self, entity: str, entity_id: str, fields: dict[str, Any]) -> Operation:
        state = self.replica.get(entity, entity_id)
        assert state is not None
        return self._op(entity, entity_id, OpKind.SET, fields, {name: state.heads(name) for name in fields})

    def delete(self, entity: str, entity_id: str) -> Operation:
        state = self.replica.get(entity, entity_id)
        assert state is not None
        return self._op(entity, entity_id, OpKind.DELETE, {}, state.all_heads())

    def undo_delete(self, entity: str, entity_id: str) -> Operation:
        state = self.replica.get(entity, entity_id)
        assert state is not None
        return self._op(entity, entity_id, OpKind.SET, {DELETED: False}, {DELETED: state.heads(DELETED)})

    def resolve(self, entity: str, entity_id: str, name: str, value: Any) -> Operation:
        """The lead settles a conflict: the chosen value, naming every live value as seen."""
        state = self.replica.get(entity, entity_id)
        assert state is not None
        if name == DELETED:
            return self._op(entity, entity_id, OpKind.RESOLVE, {DELETED: bool(value)}, state.all_heads())
        return self._op(entity, entity_id, OpKind.RESOLVE, {name: value}, {name: state.heads(name)})

    # --- receiving -----------------------------------------------------------------------------
    def receive(self, ops: Iterable[Operation]) -> None:
        for op in ops:
            self.clock.observe(op.hlc)
            self.replica.apply(op)
            self.log[op.op_id] = op


def deliver(src: Device, dst: Device, rng: random.Random, fraction: float = 0.7) -> None:
    """Send a random subset of what src holds, shuffled, with some duplicates."""
    ops = sorted(src.log.values(), key=lambda o: o.op_id)
    chosen = [op for op in ops if rng.random() < fraction]
    chosen += [rng.choice(chosen) for _ in range(len(chosen) // 4)] if chosen else []
    rng.shuffle(chosen)
    dst.receive(chosen)


def run_history(offsets: Sequence[int], steps: Sequence[tuple[int, int, int, int]]) -> list[Device]:
    devices = [Device(i, off) for i, off in enumerate(offsets)]
    n = len(devices)
    # The first records exist from the start (made on different laptops, not yet shared).
    created = 3
    for i, (entity, eid) in enumerate(POOL[:created]):
        devices[i % n].create(entity, eid, {EDITABLE[entity][0]: field_value(entity, EDITABLE[entity][0], i)})
    for action, a, b, c in steps:
        dev = devices[a % n]
        known = [(e, eid) for (e, eid) in POOL if (s := dev.replica.get(e, eid)) is not None and s.exists]
        if action == 0 and created < len(POOL):
            entity, eid = POOL[created]
            created += 1
            name = EDITABLE[entity][b % len(EDITABLE[entity])]
            dev.create(entity, eid, {name: field_value(entity, name, c)})
        elif action in (1, 2, 3, 4) and known:
            entity, eid = known[b % len(known)]
            state = dev.replica.get(entity, eid)
            assert state is not None
            if state.deleted:
                continue  # the app offers no editing of a record it shows as deleted
            names = EDITABLE[entity]
            picked = {names[c % len(names)], names[(c // 7) % len(names)]}
            dev.edit(entity, eid, {name: field_value(entity, name, c + dev.seq) for name in sorted(picked)})
        elif action == 5 and known:
            entity, eid = known[b % len(known)]
            state = dev.replica.get(entity, eid)
            assert state is not None
            if not state.deleted:
                dev.delete(entity, eid)
        elif action == 6 and known:
            entity, eid = known[b % len(known)]
            state = dev.replica.get(entity, eid)
            assert state is not None
            if state.deleted:
                dev.undo_delete(entity, eid)
        elif action == 7 and known:
            entity, eid = known[b % len(known)]
            state = dev.replica.get(entity, eid)
            assert state is not None
            conflicts = state.conflicts()
            if conflicts:
                name = sorted(conflicts)[c % len(conflicts)]
                live = conflicts[name]
                dev.resolve(entity, eid, name, live[c % len(live)].value)
        elif action in (8, 9):
            deliver(dev, devices[b % n], random.Random(c))
        elif action == 10:
            # The laptop clock is changed by hand or resynchronised: up to ~3 h either way.
            dev.wall_ms += (b % 2001 - 1000) * 10_000
        else:
            for d in devices:
                d.wall_ms += b % 5000
    return devices


def union(devices: Iterable[Device]) -> list[Operation]:
    ops: dict[str, Operation] = {}
    for d in devices:
        ops.update(d.log)
    return sorted(ops.values(), key=lambda o: o.op_id)


def fold(ops: Iterable[Operation]) -> ReviewState:
    state = ReviewState(REVIEW)
    state.apply_all(ops)
    return state


def check_register_invariants(state: ReviewState) -> None:
    for entity in state.entities.values():
        for name in entity.registers:
            live = entity.live(name)
            if not live:
                continue
            winner = max(live, key=lambda v: (v.hlc, v.op_id))
            assert live[0] == winner
            assert entity.value(name) == winner.value
            distinct = {json.dumps(v.value, sort_keys=True) for v in live}
            if len(distinct) > 1:
                assert name in entity.conflicts()
            elif name != "_deleted":  # equal concurrent values (e.g. the same text) are no conflict
                assert name not in entity.conflicts()


STEP = st.tuples(st.integers(0, 11), st.integers(0, 50), st.integers(0, 50), st.integers(0, 10_000))
OFFSETS = st.lists(st.sampled_from([0, 0, 1, -5 * 60_000, 2 * HOUR, -2 * HOUR, 30 * HOUR, -30 * HOUR]),
                   min_size=2, max_size=5)
HISTORIES = st.tuples(OFFSETS, st.lists(STEP, min_size=10, max_size=80))


# --- (a) convergence --------------------------------------------------------------------------------
@_settings(300)
@given(history=HISTORIES, data=st.data())
def test_any_order_with_duplicates_converges(history, data):
    offsets, steps = history
    devices = run_history(offsets, steps)
    ops = union(devices)
    for op in ops:
        assert op_problem(op) is None, op
    reference = fold(ops)
    check_register_invariants(reference)
    expected_hash, expected_conflicts = reference.state_hash(), reference.conflicts()

    shuffled = data.draw(st.permutations(ops), label="order")
    dupes = data.draw(st.lists(st.sampled_from(ops), max_size=10), label="duplicates") if ops else []
    mixed = list(shuffled)
    for i, op in enumerate(dupes):
        mixed.insert((i * 7919) % (len(mixed) + 1), op)
    for attempt in (list(reversed(ops)), mixed, mixed + list(shuffled)):
        copy = fold(attempt)
        assert copy.state_hash() == expected_hash
        assert copy.conflicts() == expected_conflicts

    # A full exchange brings every laptop's own replica to the very same state.
    for device in devices:
        device.receive(random.Random(len(ops)).sample(ops, len(ops)))
        assert device.replica.state_hash() == expected_hash
        assert device.replica.conflicts() == expected_conflicts
        check_register_invariants(device.replica)


# --- (b) and (c) concurrent edits of one field -----------------------------------------------------
def _synced_devices(offsets: Sequence[int]) -> tuple[list[Device], Operation]:
    devices = [Device(i, off) for i, off in enumerate(offsets)]
    entity, eid = POOL[0]
    base = devices[0].create(entity, eid, {"notes": "base"})
    for d in devices[1:]:
        d.wall_ms += 1000
        d.receive([base])
    return devices, base


@_settings(200)
@given(offsets=OFFSETS, data=st.data())
def test_concurrent_edits_conflict_then_resolve(offsets, data):
    devices, base = _synced_devices(offsets)
    entity, eid = POOL[0]
    edits = [d.edit(entity, eid, {"notes": f"from {d.device_id}"}) for d in devices]
    all_ops = [base, *edits]
    winner = max(edits, key=lambda o: o.hlc)

    # Each laptop gets the others' edits in its own order; a fresh copy gets everything shuffled.
    copies = []
    for d in devices:
        d.receive(data.draw(st.permutations(edits), label=f"order {d.device_id}"))
        copies.append(d.replica)
    copies.append(fold(data.draw(st.permutations(all_ops), label="fresh order")))
    for copy in copies:
        state = copy.get(entity, eid)
        assert state is not None
        conflicts = state.conflicts()
        assert set(conflicts) == {"notes"}
        assert sorted(v.value for v in state.live("notes")) == sorted(e.fields["notes"] for e in edits)
        assert {v.op_id for v in conflicts["notes"]} == {e.op_id for e in edits}
        assert state.live("notes")[0].op_id == winner.op_id
        assert state.value("notes") == winner.fields["notes"]
        assert copy.state_hash() == copies[0].state_hash()

    # (c) The lead (device 0) picks one of the values; the resolve names all of them.
    chosen = data.draw(st.sampled_from(edits)).fields["notes"]
    resolve = devices[0].resolve(entity, eid, "notes", chosen)
    assert resolve.kind is OpKind.RESOLVE
    assert set(resolve.parents["notes"]) == {e.op_id for e in edits}
    assert op_problem(resolve) is None
    for d in devices[1:]:
        d.receive([resolve])
    # A copy that hears of the resolve before some of the edits it settles.
    late = fold(data.draw(st.permutations([*all_ops, resolve]), label="resolve early"))
    for copy in [*(d.replica for d in devices), late]:
        state = copy.get(entity, eid)
        assert state is not None
        assert state.conflicts() == {}
        assert copy.conflicts() == {}
        assert state.value("notes") == chosen
        assert copy.state_hash() == late.state_hash()


# --- (d) concurrent edit and delete -----------------------------------------------------------------
@_settings(200)
@given(offsets=OFFSETS.filter(lambda o: len(o) >= 2), extra_field=st.booleans(), data=st.data())
def test_concurrent_edit_and_delete_is_a_conflict_and_undo_restores(offsets, extra_field, data):
    devices, base = _synced_devices(offsets)
    editor, deleter = devices[0], devices[1]
    entity, eid = POOL[0]
    fields: dict[str, Any] = {"notes": "added while the other laptop deleted it"}
    if extra_field:
        fields["tags"] = ["late"]  # a field the deleter never saw at all
    edit = editor.edit(entity, eid, fields)
    delete = deleter.delete(entity, eid)
    assert set(delete.parents) >= {"notes", "kind"}

    for copy in (fold(data.draw(st.permutations([base, edit, delete]))), fold([delete, edit, base])):
        state = copy.get(entity, eid)
        assert state is not None
        assert state.deleted
        conflicts = state.conflicts()
        assert DELETED in conflicts
        assert edit.op_id in {v.op_id for v in conflicts[DELETED]}
        assert conflicts[DELETED][0].op_id == delete.op_id
        assert state.value("notes") == fields["notes"]  # the unseen edit is still readable
        assert [v.op_id for v in state.live("notes")] == [edit.op_id]

    # Undo (by the deleter, who has not even seen the edit yet) restores the record with the edit.
    undo = deleter.undo_delete(entity, eid)
    assert undo.parents == {DELETED: (delete.op_id,)}
    ops = [base, edit, delete, undo]
    for order in (ops, ops[::-1], data.draw(st.permutations(ops))):
        copy = fold(order)
        state = copy.get(entity, eid)
        assert state is not None
        assert not state.deleted
        assert state.conflicts() == {}
        assert state.values()["notes"] == fields["notes"]


@_settings(100)
@given(offsets=OFFSETS.filter(lambda o: len(o) >= 2), keep=st.booleans(), data=st.data())
def test_lead_resolves_edit_delete_conflict(offsets, keep, data):
    devices, base = _synced_devices(offsets)
    entity, eid = POOL[0]
    edit = devices[0].edit(entity, eid, {"notes": "edit"})
    delete = devices[1].delete(entity, eid)
    lead = devices[-1]
    lead.receive([edit, delete])
    assert DELETED in lead.replica.conflicts()[(entity, eid)]
    resolve = lead.resolve(entity, eid, DELETED, not keep)
    copy = fold(data.draw(st.permutations([base, edit, delete, resolve])))
    state = copy.get(entity, eid)
    assert state is not None
    assert state.conflicts() == {}
    assert state.deleted is (not keep)


# --- (e) persistence round trip ------------------------------------------------------------------------
@_settings(200)
@given(history=HISTORIES, cut=st.floats(0, 1))
def test_entity_state_json_round_trip(history, cut):
    offsets, steps = history
    ops = union(run_history(offsets, steps))
    random.Random(len(ops)).shuffle(ops)
    k = int(len(ops) * cut)
    prefix = fold(ops[:k])

    # Persist every entity the way the store does (JSON text), load it back, then go on folding.
    restored = ReviewState(REVIEW)
    for entity in prefix.entities.values():
        text = json.dumps(entity.to_json(), ensure_ascii=False)
        back = EntityState.from_json(entity.entity, entity.entity_id, json.loads(text))
        assert back.canonical() == entity.canonical()
        assert back.conflicts() == entity.conflicts()
        restored.add(back)
    assert restored.state_hash() == prefix.state_hash()
    for kind in ("evidence", "finding"):
        assert ({s.entity_id for s in restored.of_kind(kind, include_deleted=True)}
                == {s.entity_id for s in prefix.of_kind(kind, include_deleted=True)})
    restored.apply_all(ops[k:])
    assert restored.state_hash() == fold(ops).state_hash()
    assert restored.conflicts() == fold(ops).conflicts()


# --- deterministic tie-breaks (a bug fixed in merge.py) ------------------------------------------------
def test_equal_hlc_values_have_one_winner_on_every_copy():
    """Two ops with the very same HLC (package ops carry HLC(issued_at, 0, "package")).

    Before the fix the winner was whichever op the copy happened to apply first.
    """
    hlc = HLC(BASE_MS, 0, "package")
    ops = [
        Operation(op_id=str(uuid.uuid5(NS, name)), review_id=REVIEW, device_id="package", seq=0,
                  author="package", hlc=hlc, entity="review", entity_id=REVIEW, kind=OpKind.SET,
                  fields={"host_school": name})
        for name in ("Ysgol A", "Ysgol B")
    ]
    one, two = fold(ops), fold(ops[::-1])
    assert one.get("review", REVIEW).value("host_school") == two.get("review", REVIEW).value("host_school")
    assert one.get("review", REVIEW).live("host_school") == two.get("review", REVIEW).live("host_school")
    assert one.conflicts() == two.conflicts()


def test_edit_delete_conflict_lists_values_in_the_same_order_on_every_copy():
    """One op setting two fields the deleter never saw: both values tie on HLC.

    Before the fix their order in conflicts()[DELETED] followed the order the copy created its registers.
    """
    a, b = Device(0, 0), Device(1, 0)
    entity, eid = POOL[0]
    base = a.create(entity, eid, {})
    b.receive([base])
    edit_tags = a.edit(entity, eid, {"tags": ["x"]})
    edit_both = a.edit(entity, eid, {"notes": "n", "day": "2026-03-11", "tags": ["y"]})
    delete = b.delete(entity, eid)
    one = fold([base, edit_tags, edit_both, delete])
    two = fold([delete, edit_both, edit_tags, base])
    assert one.conflicts() == two.conflicts()
    assert DELETED in one.conflicts()[(entity, eid)]
