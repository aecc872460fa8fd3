"""Merge benchmark: fold 10,000 realistic ops into a ReviewState and compute its state hash.

The history: 4 laptops on a two-day review. Each writes its own evidence (a record with a dozen fields,
then autosave edits of the notes as the reviewer types, tags and question links), the lead adds notes to
others' evidence and edits findings that colleagues edit too, so some fields end in conflict. The
laptops swap ops now and then, so edits name real parents from their own replica. Ops are folded in the
order a server would have received them. Each figure is the median of 5 runs.

    python -m benchmarks.bench_merge
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

from sync.protocol import HybridClock, Operation, OpKind, ReviewState

REVIEW = "30ef1afb-b9b7-4557-b926-b64bcfe1ec4f"
OPS = 10_000
DEVICES = 4
RUNS = 5
_NS = uuid.UUID("0e7d3c2b-8a41-4f5e-b6d9-2c1a0f9e8d7c")
_WORDS = ("pupils", "read", "aloud", "teacher", "modelled", "fluency", "questions", "inference", "Year",
          "phonics", "book", "discussion", "vocabulary", "confident", "SEND", "support", "adult", "group")


class _Laptop:
    def __init__(self, index: int, rng: random.Random):
        self.device_id = f"laptop-{index}"
        self.author = f"reviewer-{index}"
        self.wall = 1_795_000_000_000 + rng.randint(-2, 2) * 3_600_000  # clocks hours out
        self.clock = HybridClock(self.device_id, wall=lambda: self.wall)
        self.replica = ReviewState(REVIEW)
        self.seq = 0
        self.own: list[tuple[str, str]] = []
        self.synced = 0  # how much of the shared log this laptop has received

    def op(self, entity: str, entity_id: str, kind: OpKind, fields: dict[str, Any],
           parents: dict[str, tuple[str, ...]]) -> Operation:
        self.seq += 1
        self.wall += 1500
        op = Operation(
            op_id=str(uuid.uuid5(_NS, f"{self.device_id}/{self.seq}")), review_id=REVIEW,
            device_id=self.device_id, seq=self.seq, author=self.author, hlc=self.clock.now(), entity=entity,
            entity_id=entity_id, kind=kind, fields=fields, parents={k: v for k, v in parents.items() if v},
        )
        self.replica.apply(op)
        return op

    def edit(self, entity: str, entity_id: str, fields: dict[str, Any]) -> Operation:
        state = self.replica.get(entity, entity_id)
        heads = {name: state.heads(name) for name in fields} if state else {}
        return self.op(entity, entity_id, OpKind.SET, fields, heads)


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 16))).capitalize() + ". "


def realistic_ops(count: int = OPS, devices: int = DEVICES, seed: int = 2026) -> list[Operation]:
    rng = random.Random(seed)
    laptops = [_Laptop(i, rng) for i in range(devices)]
    questions = [str(uuid.uuid5(_NS, f"question/{i}")) for i in range(3)]
    findings = [str(uuid.uuid5(_NS, f"finding/{i}")) for i in range(6)]
    log: list[Operation] = []
    notes: dict[str, str] = {}
    while len(log) < count:
        laptop = rng.choice(laptops)
        roll = rng.random()
        if roll < 0.015 or not laptop.own:  # a new evidence record
            eid = str(uuid.uuid5(_NS, f"evidence/{len(log)}"))
            laptop.own.append(("evidence", eid))
            notes[eid] = _sentence(rng)
            log.append(laptop.op("evidence", eid, OpKind.SET, {
                "kind": rng.choice(("observation", "learning_walk", "interview", "book_scrutiny")),
                "author": laptop.author, "day": rng.choice(("2026-11-24", "2026-11-25")),
                "start": f"{rng.randint(8, 15):02d}:{rng.choice((0, 15, 30, 45)):02d}", "end": None,
                "class_name": f"Year {rng.randint(3, 6)}", "subject": "English", "staff": "Class teacher",
                "question_ids": rng.sample(questions, rng.randint(1, 2)), "tags": [], "notes": notes[eid],
            }, {}))
        elif roll < 0.80:  # autosave while typing the notes of one's own evidence
            _, eid = rng.choice(laptop.own[-5:])
            notes[eid] = (notes[eid] + _sentence(rng))[-3000:]
            log.append(laptop.edit("evidence", eid, {"notes": notes[eid]}))
        elif roll < 0.88:
            _, eid = rng.choice(laptop.own)
            log.append(laptop.edit("evidence", eid, {"tags": rng.sample(_WORDS, rng.randint(1, 4))}))
        elif roll < 0.93:  # a finding several people edit: some of these end in conflict
            fid = rng.choice(findings)
            fields: dict[str, Any] = {"text": _sentence(rng) + _sentence(rng)}
            if laptop.replica.get("finding", fid) is None:
                fields.update(question_id=rng.choice(questions), kind="strength", status="draft")
            log.append(laptop.edit("finding", fid, fields))
        elif roll < 0.96:  # reviewer notes on a colleague's evidence it has received
            seen = [s for s in laptop.replica.of_kind("evidence") if (s.entity, s.entity_id) not in laptop.own]
            if seen:
                log.append(laptop.edit("evidence", rng.choice(seen).entity_id, {"reviewer_notes": _sentence(rng)}))
        elif roll < 0.965 and len(laptop.own) > 3:  # a record deleted by its author
            entity, eid = laptop.own.pop(rng.randrange(len(laptop.own) - 1))
            state = laptop.replica.get(entity, eid)
            if state is not None:
                log.append(laptop.op(entity, eid, OpKind.DELETE, {}, state.all_heads()))
        else:  # a sync: this laptop receives everything made since its last one
            for op in log[laptop.synced:]:
                laptop.clock.observe(op.hlc)
                laptop.replica.apply(op)
            laptop.synced = len(log)
    return log[:count]


def _median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def run() -> list[tuple[str, float, str]]:
    ops = realistic_ops()

    def fold() -> ReviewState:
        state = ReviewState(REVIEW)
        state.apply_all(ops)
        return state

    folded = fold()
    fold_ms = _median_ms(fold)
    hash_ms = _median_ms(folded.state_hash)
    both_ms = _median_ms(lambda: fold().state_hash())
    again_ms = _median_ms(lambda: folded.apply_all(ops))  # every op a duplicate: a re-imported bundle
    return [
        (f"fold {len(ops):,} ops ({DEVICES} devices)", fold_ms, "ms"),
        ("state hash", hash_ms, "ms"),
        ("fold + state hash", both_ms, "ms"),
        ("ops folded per second", len(ops) / (fold_ms / 1000), "ops/s"),
        ("re-apply all as duplicates", again_ms, "ms"),
        ("records in the review", float(len(folded.entities)), "records"),
        ("fields left in conflict", float(sum(len(c) for c in folded.conflicts().values())), "fields"),
    ]


def main() -> None:
    rows = run()
    width = max(len(name) for name, _, _ in rows)
    print(f"merge benchmark (median of {RUNS})")
    for name, value, unit in rows:
        print(f"  {name:<{width}}  {value:>12,.1f} {unit}")


if __name__ == "__main__":
    main()
