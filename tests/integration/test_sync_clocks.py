"""Laptop clocks that are hours out still converge (SYNC.md, Clocks).

The store's hybrid logical clock reads the wall clock through sync.protocol.hlc.HybridClock; the test
swaps in one whose wall clock is shifted per device (no change to the store needed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind
from spp_desktop.store import oplog
from sync.client import SyncEngine, checkout
from sync.protocol.hlc import HLC, HybridClock, wall_clock_ms

from .world import World, new_laptop

HOUR_MS = 3600 * 1000


@pytest.fixture
def skewed_clocks(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """device id -> milliseconds its wall clock is ahead (negative: behind)."""
    offsets: dict[str, int] = {}

    class SkewedClock(HybridClock):
        def __init__(self, device_id: str, last: HLC | None = None, wall: Any = None):
            super().__init__(device_id, last, wall=lambda: wall_clock_ms() + offsets.get(device_id, 0))

    monkeypatch.setattr(oplog, "HybridClock", SkewedClock)
    return offsets


def test_laptops_two_hours_fast_and_slow_converge(world: World, tmp_path: Path, skewed_clocks: dict[str, int]) -> None:
    review_id = world.new_review(members=3)
    names = ("fast", "slow", "right")
    stores = [new_laptop(tmp_path / name) for name in names]
    skewed_clocks[stores[0].device_id] = 2 * HOUR_MS
    skewed_clocks[stores[1].device_id] = -2 * HOUR_MS
    sessions = [world.session(m) for m in world.members[:3]]
    for store, session in zip(stores, sessions, strict=True):
        checkout(session, store.replica, review_id)
    fast, slow, right = stores

    def sync(*which: int) -> list[Any]:
        return [SyncEngine(sessions[i], stores[i].replica, review_id).run() for i in which]

    # One after another: the slow laptop edits after seeing the fast one's text. Its edit wins (it names
    # the text it saw), and its clock moves past the fast one's, so its op sorts after it everywhere.
    question = fast.review(review_id).questions[0].id
    finding = fast.create_finding(review_id, question, FindingKind.STRENGTH, "Written on the fast laptop")
    sync(0, 1)
    slow.update_finding(review_id, finding.id, text="Edited later on the slow laptop")
    sync(1, 0, 2)
    later = [op for op in slow.replica.all_ops(review_id) if op.entity_id == finding.id][-1]
    first = [op for op in slow.replica.all_ops(review_id) if op.entity_id == finding.id][0]
    assert first.hlc.wall_ms > wall_clock_ms() + HOUR_MS  # the fast laptop really is two hours ahead
    assert later.hlc > first.hlc and later.hlc.wall_ms >= first.hlc.wall_ms
    for store in stores:
        assert store.get_finding(review_id, finding.id).text == "Edited later on the slow laptop"
        assert not store.conflicts(review_id)

    # At the same time, offline: a conflict with the same provisional winner on every copy.
    fast.update_finding(review_id, finding.id, text="fast, offline")
    slow.update_finding(review_id, finding.id, text="slow, offline")
    right.create_evidence(review_id, EvidenceKind.INTERVIEW, notes="Head of English")
    sync(0, 1, 2)
    reports = sync(0, 1, 2)
    hashes = {store.replica.state_hash(review_id) for store in stores}
    assert len(hashes) == 1 and all(r.in_step and r.server_hash in hashes for r in reports)
    winners = {tuple(v.value for v in store.conflicts(review_id)[0].values) for store in stores}
    assert len(winners) == 1 and set(next(iter(winners))) == {"fast, offline", "slow, offline"}
    assert all(r.clock_skew == 0 for r in reports)  # two hours is not skew worth reporting
    for store in stores:
        store.close()


def test_a_clock_a_day_ahead_is_refused_by_the_server_and_kept_on_the_laptop(
        world: World, tmp_path: Path, skewed_clocks: dict[str, int]) -> None:
    """Issue 10, item 3: an op stamped more than 24 h ahead of the server's clock is refused with a stable
    code (it would win every conflict); the laptop keeps it, lists it as refused, and the team is unharmed."""
    review_id = world.new_review(members=2)
    ahead, right = new_laptop(tmp_path / "ahead"), new_laptop(tmp_path / "right")
    skewed_clocks[ahead.device_id] = 30 * HOUR_MS
    sessions = [world.session(m) for m in world.members[:2]]
    for store, session in zip((ahead, right), sessions, strict=True):
        checkout(session, store.replica, review_id)
    ahead.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Written with the clock a day ahead")
    sent = SyncEngine(sessions[0], ahead.replica, review_id).run()
    assert len(sent.rejected) == 1 and "24 hours ahead" in sent.rejected[0][1]
    assert [reason for *_, reason in ahead.refused_changes(review_id)] == [sent.rejected[0][1]]
    assert [e.notes for e in ahead.evidence(review_id)] == ["Written with the clock a day ahead"]  # not lost
    report = SyncEngine(sessions[1], right.replica, review_id).run()
    assert report.in_step and right.evidence(review_id) == []
    ahead.close()
    right.close()
