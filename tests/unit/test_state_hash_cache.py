"""ReviewState.state_hash() is cached per entity: it must always equal the hash recomputed from scratch.

The reference below is the state hash as it was before the cache (one JSON dump per entity per call,
kept here verbatim), so "the same value" means byte-for-byte the same hex digest, not merely a stable one.
Random op sequences (duplicates, squashed re-sends of one op id with a new value, parents naming ops
not yet seen, deletes and resolves), entities reloaded from their JSON the way the laptop store does,
and direct EntityState mutations followed by `touch()` are applied through ReviewState; after each step
the cached hash is compared with `state_hash(entities.values())` and with the reference.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.protocol import DELETED, HLC, EntityState, Operation, OpKind, ReviewState, state_hash

REVIEW = "0190f5a0-7c00-7000-8000-00000000a11e"
KEYS = [("evidence", "e-1"), ("evidence", "e-2"), ("finding", "f-1"), ("action", "a-1")]
OP_IDS = [f"op-{i:02d}" for i in range(16)]
FIELDS = ("notes", "tags", "text", DELETED)


def reference_hash(entities: Iterable[EntityState]) -> str:
    """The state hash before the per-entity cache, copied unchanged."""
    digest = hashlib.sha256()
    for state in sorted(entities, key=lambda s: (s.entity, s.entity_id)):
        canonical = state.canonical()
        if not canonical:
            continue
        digest.update(
            json.dumps([state.entity, state.entity_id, canonical], sort_keys=True, separators=(",", ":"),
                       ensure_ascii=False).encode("utf-8")
        )
        digest.update(b"\n")
    return digest.hexdigest()


values = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["", "a", "Cymraeg: ŵ ŷ ✓", "\u2028 \"q\""]),
    st.lists(st.sampled_from(["t1", "t2", "t3"]), max_size=3),
)


@st.composite
def operations(draw: st.DrawFn) -> Operation:
    entity, entity_id = draw(st.sampled_from(KEYS))
    kind = draw(st.sampled_from(list(OpKind)))
    names = draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True))
    fields = {} if kind is OpKind.DELETE else {name: draw(values) for name in names}
    parents = {
        name: tuple(draw(st.lists(st.sampled_from(OP_IDS), max_size=3, unique=True)))
        for name in draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True))
    }
    return Operation(
        op_id=draw(st.sampled_from(OP_IDS)), review_id=REVIEW, device_id=draw(st.sampled_from(["d1", "d2"])),
        seq=1, author="reviewer", hlc=HLC(draw(st.integers(0, 3)), draw(st.integers(0, 2)), "d1"),
        entity=entity, entity_id=entity_id, kind=kind, fields=fields,
        parents={k: v for k, v in parents.items() if v},
    )


steps = st.lists(
    st.tuples(st.sampled_from(["apply", "apply", "apply", "reload", "direct"]), operations(), st.booleans()),
    max_size=40,
)


def check(state: ReviewState) -> None:
    cached = state.state_hash()
    assert cached == state_hash(state.entities.values()) == reference_hash(state.entities.values())
    assert state.state_hash() == cached  # asking again changes nothing


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_cached_hash_equals_recomputed_after_every_step(history: list[tuple[str, Operation, bool]]) -> None:
    state = ReviewState(REVIEW)
    check(state)
    for action, op, check_now in history:
        if action == "apply":
            state.apply(op)
        elif action == "reload":
            # The laptop store: persist an entity as JSON, load it back into the ReviewState with add().
            current = state.get(op.entity, op.entity_id) or EntityState(op.entity, op.entity_id)
            text = json.dumps(current.to_json(), ensure_ascii=False)
            state.add(EntityState.from_json(op.entity, op.entity_id, json.loads(text)))
        else:
            # A direct mutation of an entity the state holds, then touch() as documented.
            target = state.get(op.entity, op.entity_id)
            if target is None:
                state.apply(op)
            else:
                target.apply(op)
                state.touch(op.entity, op.entity_id)
        if check_now:  # also let several changes pile up between two hashes
            check(state)
    check(state)


@settings(max_examples=100, deadline=None)
@given(st.lists(operations(), max_size=30), st.randoms(use_true_random=False))
def test_cached_hash_is_independent_of_order(ops: list[Operation], rng: Any) -> None:
    # Distinct op ids only: a re-sent op id with another value is a squash, where order matters by design.
    unique = list({op.op_id: op for op in ops}.values())
    first = ReviewState(REVIEW)
    for op in unique:
        first.apply(op)
        first.state_hash()
    rng.shuffle(unique)
    second = ReviewState(REVIEW)
    second.apply_all(unique)
    assert first.state_hash() == second.state_hash() == reference_hash(second.entities.values())


def _op(op_id: str, entity_id: str, fields: dict[str, Any], parents: dict[str, tuple[str, ...]] | None = None,
        kind: OpKind = OpKind.SET) -> Operation:
    return Operation(op_id=op_id, review_id=REVIEW, device_id="d1", seq=1, author="reviewer",
                     hlc=HLC(1_780_000_000_000, int(op_id[-1]), "d1"), entity="evidence", entity_id=entity_id,
                     kind=kind, fields=fields, parents=parents or {})


def test_empty_review_hash_is_sha256_of_nothing() -> None:
    assert ReviewState(REVIEW).state_hash() == hashlib.sha256(b"").hexdigest() == state_hash([])


def test_known_value_is_unchanged() -> None:
    """Pinned digest, computed before the cache existed: the wire value compared with the server."""
    state = ReviewState(REVIEW)
    state.apply(_op("op-1", "e-2", {"notes": "Pupils read aloud ✓", "tags": ["phonics"]}))
    state.apply(_op("op-2", "e-1", {"notes": "Year 4"}))
    state.apply(_op("op-3", "e-1", {"notes": "Year 4, guided reading"}, {"notes": ("op-2",)}))
    assert state.state_hash() == "37900dc893b6ce63828dbf7c2fea82e93df108a08b2a0da634b096e0aa9dd5f9"


def test_direct_mutation_needs_touch() -> None:
    """The documented contract: the cache only sees changes made through ReviewState, or touch()."""
    state = ReviewState(REVIEW)
    entity = state.apply(_op("op-1", "e-1", {"notes": "first"}))
    before = state.state_hash()
    entity.apply(_op("op-2", "e-1", {"notes": "second"}, {"notes": ("op-1",)}))
    assert state.state_hash() == before  # stale: nobody told the ReviewState
    state.touch("evidence", "e-1")
    assert state.state_hash() == reference_hash(state.entities.values()) != before


def test_add_replacing_an_entity_rehashes_it() -> None:
    state = ReviewState(REVIEW)
    state.apply(_op("op-1", "e-1", {"notes": "first"}))
    state.state_hash()
    replacement = EntityState("evidence", "e-1")
    replacement.apply(_op("op-2", "e-1", {"notes": "other"}))
    state.add(replacement)
    assert state.state_hash() == reference_hash([replacement])
