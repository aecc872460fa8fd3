"""The bundle route A -> B -> C -> server delivers A's work (issue 10, item 1): authorship is proven by A's
signature, so the server accepts A's ops from C; the result equals A syncing online itself."""

from __future__ import annotations

from pathlib import Path

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.findings import FindingKind
from sync.client import SyncEngine, checkout

from .world import World, new_laptop, server_ops


def test_a_to_b_to_c_to_server_delivers_as_online_sync_would(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=3)
    lead, rev1, rev2 = world.members[:3]
    c, a, b = new_laptop(tmp_path / "c"), new_laptop(tmp_path / "a"), new_laptop(tmp_path / "b")
    sessions = {id(c): world.session(lead), id(a): world.session(rev1), id(b): world.session(rev2)}
    # C checks out before A ever signs in: A's certificate reaches C only inside B's bundle.
    for store in (c, a, b):
        checkout(sessions[id(store)], store.replica, review_id)
    assert a.device_id not in {cert.device_id for cert in c.replica.certificates(review_id)}

    question = a.review(review_id).questions[0].id
    evidence = a.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Seen in Year 5, offline")
    a.update_evidence(review_id, evidence.id, notes="Seen in Year 5, offline (edited)")
    finding = a.create_finding(review_id, question, FindingKind.STRENGTH, "Pupils read widely")
    a.link_evidence(review_id, finding.id, evidence.id)
    mine = {op.op_id for op in a.replica.all_ops(review_id) if op.device_id == a.device_id}

    b.replica.import_bundle(a.replica.export_bundle(review_id), expected_review_id=review_id)
    c.replica.import_bundle(b.replica.export_bundle(review_id), expected_review_id=review_id)
    assert c.get_evidence(review_id, evidence.id).notes == "Seen in Year 5, offline (edited)"
    assert c.parked_changes(review_id) == []

    relayed = SyncEngine(sessions[id(c)], c.replica, review_id).run()
    assert relayed.rejected == [] and relayed.pushed == len(mine) and relayed.in_step
    on_server = {op["op_id"]: op for op in server_ops(world, lead, review_id)}
    assert mine <= set(on_server) and {on_server[i]["author"] for i in mine} == {rev1.user_id}

    # A comes online: its pull brings its own ops back (byte-identical duplicates), so nothing is left to send.
    online = SyncEngine(sessions[id(a)], a.replica, review_id).run()
    assert online.pushed == 0 and online.rejected == [] and online.unsynced == 0 and online.in_step
    reports = [SyncEngine(sessions[id(s)], s.replica, review_id).run() for s in (a, b, c)]
    assert all(r.in_step for r in reports)
    assert {s.replica.state_hash(review_id) for s in (a, b, c)} == {sessions[id(c)].state(review_id)["state_hash"]}
    for store in (a, b, c):
        store.close()
