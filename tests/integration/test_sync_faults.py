"""Sync over a bad network: a fault proxy cuts, truncates and delays exchanges between laptops and server.

10 runs x 500 ops (two laptops writing and syncing at once, a photo each): whatever the network does,
no op is lost, none is stored twice, and once the faults stop every copy has the server's state hash.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind
from sync.client import RetryPolicy, checkout

from .faultproxy import FaultProxy, Faults
from .world import World, new_laptop, server_ops, sync_until_done

RUNS = int(os.environ.get("SPP_FAULT_RUNS", "10"))
OPS_PER_LAPTOP = 250
ROUNDS = 5
FAULTS = Faults(cut_before=0.15, cut_after=0.15, truncate=0.12, delay=0.1, delay_seconds=(0.005, 0.1),
                stall_seconds=0.9)
# Few retries on purpose: many passes fail part way and are run again, as after a real interruption.
RETRY = RetryPolicy(retries=2, backoff=0.01, backoff_max=0.1, jitter=0.01, body_attempts=2)
ENGINE = {"batch_size": 40, "page_size": 60, "chunk_bytes": 64 * 1024}


def _photo(seed: int) -> bytes:
    """A small PNG (random pixels, so it does not compress): about 200 kB."""
    from io import BytesIO

    from PIL import Image
    rnd = os.urandom(260 * 260 * 3) if seed < 0 else hashlib.shake_256(str(seed).encode()).digest(260 * 260 * 3)
    out = BytesIO()
    Image.frombytes("RGB", (260, 260), rnd).save(out, format="PNG")
    return out.getvalue()


class Laptop:
    """One reviewer's laptop: a real store living on its own thread (SQLite connections are per thread)."""

    def __init__(self, world: World, index: int, path: Path, url: str, review_id: str):
        self.member = world.members[index]
        self.review_id = review_id
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.session = world.session(self.member, url, retry=RETRY, timeout=(1, 0.6))
        self.store = self.call(new_laptop, path)
        self.failed_passes = 0

    def call(self, fn: Any, *args: Any) -> Any:
        return self.pool.submit(fn, *args).result(timeout=300)

    def checkout(self) -> None:
        def run() -> None:
            for _ in range(30):
                try:
                    checkout(self.session, self.store.replica, self.review_id, **ENGINE)
                    return
                except Exception as exc:  # noqa: BLE001 - retried until the network lets it through
                    if type(exc).__name__ not in ("ServerUnreachable", "ServerBusy"):
                        raise
            raise AssertionError("checkout never got through")
        self.call(run)

    def sync(self) -> Any:
        def run() -> Any:
            report, failures = sync_until_done(self.session, self.store, self.review_id, **ENGINE)
            self.failed_passes += failures
            return report
        return self.call(run)

    def close(self) -> None:
        self.call(self.store.close)
        self.pool.shutdown()
        self.session.close()


def _work(laptop: Laptop, round_no: int, finding_id: str | None, seed: int) -> None:
    """One round of fieldwork: new evidence, edits of evidence already sent, an edit of the shared finding."""
    store, rid = laptop.store, laptop.review_id
    per_round = OPS_PER_LAPTOP // ROUNDS
    fresh = per_round - 6
    for i in range(fresh):
        store.create_evidence(rid, EvidenceKind.OBSERVATION, notes=f"r{round_no} n{i} {seed}", tags=(f"t{i % 5}",))
    sent = [e for e in store.evidence(rid) if e.author == laptop.member.user_id][: 9]
    for i, ev in enumerate(sent):
        store.update_evidence(rid, ev.id, reviewer_notes=f"edit {round_no}.{i} {seed}")
    if finding_id:
        store.update_finding(rid, finding_id, text=f"{laptop.member.username} round {round_no}")
    if round_no == 1:
        # A photo goes on the laptop's own evidence: only its author may add one (the rule table).
        own = [e for e in store.evidence(rid) if e.author == laptop.member.user_id]
        store.add_photo(rid, own[0].id, _photo(seed * 10 + round_no))


def _own_op_ids(store: Any, rid: str) -> set[str]:
    return {op.op_id for op in store.replica.all_ops(rid) if op.device_id == store.device_id}


@pytest.mark.parametrize("run", range(RUNS))
def test_no_op_lost_or_duplicated_under_network_faults(world: World, tmp_path: Path, run: int) -> None:
    review_id = world.new_review(members=2)
    with FaultProxy("127.0.0.1", int(world.server.url.rsplit(":", 1)[1]), seed=run, faults=FAULTS) as proxy:
        laptops = [Laptop(world, i, tmp_path / f"laptop{i}", proxy.url, review_id) for i in range(2)]
        try:
            for laptop in laptops:
                laptop.checkout()
            lead = laptops[0]
            finding = lead.call(lambda: lead.store.create_finding(review_id, lead.store.review(review_id)
                                                                  .questions[0].id, FindingKind.STRENGTH, "Base"))
            lead.sync()
            laptops[1].sync()
            for round_no in range(ROUNDS):
                for index, laptop in enumerate(laptops):
                    laptop.call(_work, laptop, round_no, finding.id, run * 10 + index)
                # Both laptops sync at the same time over the faulty network.
                futures = [laptop.pool.submit(lambda lap=laptop: sync_until_done(
                    lap.session, lap.store, review_id, **ENGINE)) for laptop in laptops]
                for laptop, future in zip(laptops, futures, strict=True):
                    laptop.failed_passes += future.result(timeout=300)[1]

            proxy.set_faults(None)  # the network is good again
            for laptop in laptops + laptops:  # twice: everybody sends, then everybody receives
                report = laptop.sync()
            stats = proxy.stats
            written = sum(len(laptop.call(_own_op_ids, laptop.store, review_id)) for laptop in laptops)
            reports = [laptop.sync() for laptop in laptops]
            on_server = server_ops(world, world.members[0], review_id)
            ids = [op["op_id"] for op in on_server]
            with world.session(world.members[0]) as direct:
                state = direct.state(review_id)
                photos = [direct.attachment_get(review_id, sha) for sha in
                          {op["fields"]["sha256"] for op in on_server if op["entity"] == "attachment"}]
            mine = set().union(*(laptop.call(_own_op_ids, laptop.store, review_id) for laptop in laptops))
        finally:
            for laptop in laptops:
                laptop.close()

    print(f"run {run}: {written} ops, {stats}, failed passes {[lap.failed_passes for lap in laptops]}")
    assert written >= 500
    assert len(ids) == len(set(ids)) == state["op_count"]  # 0 duplicated on the server
    assert mine <= set(ids)  # 0 lost
    assert all(r.hashes_equal and r.unsynced == 0 and not r.rejected for r in reports)
    assert {r.local_hash for r in reports} == {state["state_hash"]} == {report.server_hash}
    assert len(photos) == 2 and all(p is not None and len(p) > 100_000 for p in photos)
    # The network really was bad: at least 30% of connections were cut, of every kind.
    assert stats.cut_connections / stats.connections >= 0.3, stats
    assert all(stats.fates[f] > 0 for f in ("cut_before", "cut_after", "truncate", "delay")), stats
