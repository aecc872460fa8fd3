"""ReviewStore on real SQLCipher files: records, the op log, squashing, merging between laptops."""

from __future__ import annotations

from datetime import date, time

import pytest

from spp_desktop.domain.evidence import EvidenceKind, Interview, Observation
from spp_desktop.domain.findings import FindingKind, FindingStatus
from spp_desktop.store.errors import KeyFileCorrupt, StoreCorrupt, StoreLocked, WrongPassphrase
from spp_desktop.store.repository import ReviewStore
from sync.protocol.package import PackageError
from tests.helpers import PASSPHRASE, new_store, small_package, team_of


def exchange(a: ReviewStore, b: ReviewStore, review_id: str) -> None:
    """Give each store the other's ops, as a sync or a bundle would."""
    team_of(review_id, a, b)
    a_ops, b_ops = a.replica.export_ops(review_id), b.replica.export_ops(review_id)
    a.replica.apply_remote(review_id, b_ops, on_server=False)
    b.replica.apply_remote(review_id, a_ops, on_server=False)


def test_evidence_round_trip_survives_reopen(tmp_path):
    store, rid = new_store(tmp_path)
    obs = store.create_evidence(rid, EvidenceKind.OBSERVATION, class_name="Year 4", day=date(2026, 11, 24),
                                start=time(9, 5), question_ids=("q-1",), tags=("phonics",), seen="Pupils read aloud.")
    store.create_evidence(rid, EvidenceKind.FOCUS_GROUP, participants="pupils", participant_count=6, notes="Pupils said")
    store.close()
    with pytest.raises(StoreLocked):
        store.evidence(rid)
    store = ReviewStore.unlock(tmp_path, PASSPHRASE)
    items = store.evidence(rid)
    # Undated evidence sorts first; a focus group is kept as an Interview.
    assert [(type(e), e.kind) for e in items] == [(Interview, EvidenceKind.FOCUS_GROUP),
                                                  (Observation, EvidenceKind.OBSERVATION)]
    got = store.get_evidence(rid, obs.id)
    assert isinstance(got, Observation)
    assert (got.class_name, got.start, got.question_ids, got.tags, got.seen) == (
        "Year 4", time(9, 5), ("q-1",), ("phonics",), "Pupils read aloud.")
    assert got.author == "lead-1"
    store.close()


def test_autosave_edits_are_squashed_until_sent(tmp_path):
    store, rid = new_store(tmp_path)
    ev = store.create_evidence(rid, EvidenceKind.OBSERVATION)
    for i in range(20):
        store.update_evidence(rid, ev.id, notes="x" * i)
    assert store.unsynced_count(rid) == 1
    sent = store.replica.outbox(rid)
    assert len(sent) == 1 and sent[0].fields["notes"] == "x" * 19
    store.update_evidence(rid, ev.id, notes="after send")  # frozen op: a new op now
    assert store.unsynced_count(rid) == 2
    store.replica.mark_on_server([sent[0].op_id])
    assert store.unsynced_count(rid) == 1
    store.close()


def test_unchanged_values_write_nothing(tmp_path):
    store, rid = new_store(tmp_path)
    ev = store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="same")
    before = len(store.replica.all_ops(rid))
    store.replica.outbox(rid)  # freeze, so a write would show as a new op
    store.update_evidence(rid, ev.id, notes="same")
    assert len(store.replica.all_ops(rid)) == before
    store.close()


def test_delete_and_undo(tmp_path):
    store, rid = new_store(tmp_path)
    ev = store.create_evidence(rid, EvidenceKind.BOOK_SCRUTINY, book_count=8)
    store.delete_evidence(rid, ev.id)
    assert store.evidence(rid) == [] and store.get_evidence(rid, ev.id) is None
    store.restore_evidence(rid, ev.id)
    assert store.get_evidence(rid, ev.id).book_count == 8
    store.close()


def test_two_laptops_converge_and_conflicts_resolve(tmp_path):
    lead, rid = new_store(tmp_path / "lead")
    rev, _ = new_store(tmp_path / "rev", me="rev-2")
    finding = lead.create_finding(rid, "q-1", FindingKind.STRENGTH, "Pupils read fluently")
    exchange(lead, rev, rid)
    lead.update_finding(rid, finding.id, text="Most pupils read fluently")
    rev.update_finding(rid, finding.id, text="Pupils in Y5 read fluently")
    exchange(lead, rev, rid)
    assert lead.replica.state_hash(rid) == rev.replica.state_hash(rid)
    conflicts = lead.conflicts(rid)
    assert len(conflicts) == 1 and conflicts[0].field == "text"
    assert {v.value for v in conflicts[0].values} == {"Most pupils read fluently", "Pupils in Y5 read fluently"}
    assert {v.author for v in conflicts[0].values} == {"lead-1", "rev-2"}
    lead.resolve_conflict(rid, conflicts[0], "Most pupils, including in Y5, read fluently")
    exchange(lead, rev, rid)
    assert lead.conflicts(rid) == rev.conflicts(rid) == []
    assert rev.get_finding(rid, finding.id).text == "Most pupils, including in Y5, read fluently"
    assert lead.replica.state_hash(rid) == rev.replica.state_hash(rid)
    lead.close()
    rev.close()


def test_concurrent_edit_and_delete_is_a_conflict_not_a_loss(tmp_path):
    lead, rid = new_store(tmp_path / "lead")
    rev, _ = new_store(tmp_path / "rev", me="rev-2")
    finding = lead.create_finding(rid, "q-1", FindingKind.AREA_TO_DEVELOP, "Draft")
    exchange(lead, rev, rid)
    lead.delete_finding(rid, finding.id)
    rev.update_finding(rid, finding.id, text="Edited while the lead deleted it")
    exchange(lead, rev, rid)
    conflicts = lead.conflicts(rid)
    assert [c.field for c in conflicts] == ["_deleted"]
    assert any(v.value == "Edited while the lead deleted it" for v in conflicts[0].values)
    lead.resolve_conflict(rid, conflicts[0], False)  # bring it back
    exchange(lead, rev, rid)
    assert rev.get_finding(rid, finding.id).text == "Edited while the lead deleted it"
    assert lead.conflicts(rid) == [] and lead.replica.state_hash(rid) == rev.replica.state_hash(rid)
    lead.close()
    rev.close()


def test_same_link_made_twice_is_one_link(tmp_path):
    lead, rid = new_store(tmp_path / "lead")
    rev, _ = new_store(tmp_path / "rev", me="rev-2")
    ev = lead.create_evidence(rid, EvidenceKind.OBSERVATION)
    f = lead.create_finding(rid, "q-1", FindingKind.STRENGTH, "x")
    exchange(lead, rev, rid)
    lead.link_evidence(rid, f.id, ev.id)
    rev.link_evidence(rid, f.id, ev.id)
    exchange(lead, rev, rid)
    assert len(lead.links(rid)) == 1 and lead.replica.state_hash(rid) == rev.replica.state_hash(rid)
    lead.close()
    rev.close()


def test_package_import_is_idempotent_and_export_round_trips(tmp_path):
    store, rid = new_store(tmp_path)
    ops_before = len(store.replica.all_ops(rid))
    store.import_package(small_package())
    assert len(store.replica.all_ops(rid)) == ops_before
    ev = store.create_evidence(rid, EvidenceKind.SURVEY, title="Parent survey", notes="72 responses")
    f = store.create_finding(rid, "q-2", FindingKind.QUESTION_TO_EXPLORE, "How is the library used?",
                             status=FindingStatus.DRAFT)
    store.link_evidence(rid, f.id, ev.id)
    store.update_outcome(rid, improvement_priority="Reading for pleasure", checkin_date=date(2027, 3, 1))
    doc = store.export_package(rid)
    store.close()
    other, rid2 = new_store(tmp_path / "other", doc)
    assert rid2 == rid
    assert other.get_evidence(rid, ev.id).notes == "72 responses"
    assert other.links(rid)[0].evidence_id == ev.id
    assert other.outcome(rid).checkin_date == date(2027, 3, 1)
    other.close()


def test_invalid_package_names_the_json_path(tmp_path):
    store, _ = new_store(tmp_path)
    doc = small_package()
    doc["enquiry_questions"][1]["text"] = 42
    with pytest.raises(PackageError) as info:
        store.import_package(doc)
    assert info.value.path == "$.enquiry_questions[1].text"
    store.close()


def test_wrong_passphrase_and_tampering(tmp_path):
    store, rid = new_store(tmp_path)
    store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="n" * 5000)
    store.close()
    with pytest.raises(WrongPassphrase):
        ReviewStore.unlock(tmp_path, "not the passphrase at all")
    db = tmp_path / "store.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x01
    db.write_bytes(bytes(data))
    with pytest.raises(StoreCorrupt):
        ReviewStore.unlock(tmp_path, PASSPHRASE)
    assert db.read_bytes() == bytes(data)  # nothing overwritten
    key = tmp_path / "keyfile.json"
    raw = bytearray(key.read_bytes())
    raw[len(raw) // 2] ^= 0x04
    key.write_bytes(bytes(raw))
    with pytest.raises(KeyFileCorrupt):
        ReviewStore.unlock(tmp_path, PASSPHRASE)


def test_change_passphrase_keeps_data(tmp_path):
    store, rid = new_store(tmp_path)
    store.create_evidence(rid, EvidenceKind.DOCUMENT, title="Reading policy")
    store.close()
    ReviewStore.change_passphrase(tmp_path, PASSPHRASE, "a brand new passphrase")
    with pytest.raises(WrongPassphrase):
        ReviewStore.unlock(tmp_path, PASSPHRASE)
    with ReviewStore.unlock(tmp_path, "a brand new passphrase") as store:
        assert store.evidence(rid)[0].title == "Reading policy"


def test_worker_connection_sees_and_is_seen(tmp_path):
    store, rid = new_store(tmp_path)
    worker = store.for_worker()
    ev = worker.create_evidence(rid, EvidenceKind.OBSERVATION, notes="from the worker")
    assert store.get_evidence(rid, ev.id).notes == "from the worker"  # cache follows data_version
    store.update_evidence(rid, ev.id, notes="from the UI")
    assert worker.get_evidence(rid, ev.id).notes == "from the UI"
    assert worker.replica.state_hash(rid) == store.replica.state_hash(rid)
    worker.close()
    store.close()


def test_a_worker_opener_opens_on_its_own_thread_once_even_after_the_store_is_locked(tmp_path):
    """The UI makes the opener; the worker opens with it. A lock in between (which wipes the UI store's
    key) cannot hand the worker a half-wiped key, and the opener's own copy is wiped once used."""
    import threading

    store, rid = new_store(tmp_path)
    ev = store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="typed before the lock")
    opener = store.worker_opener()
    held = opener._key  # the opener's own copy of the data key
    store.close()  # locked: the UI store's key is wiped
    assert held is not None and any(held)
    seen: list[str] = []

    def worker() -> None:
        connection = opener.open()
        try:
            seen.append(connection.get_evidence(rid, ev.id).notes)
        finally:
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    assert seen == ["typed before the lock"]
    assert not any(held)  # its copy was wiped once used
    with pytest.raises(RuntimeError):
        opener.open()


def test_store_files_are_owner_only(tmp_path):
    import stat as st
    store, rid = new_store(tmp_path / "data")
    store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="x")
    for path in (tmp_path / "data", tmp_path / "data" / "store.db", tmp_path / "data" / "keyfile.json"):
        assert st.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    store.close()


def test_two_people_deleting_the_same_record_is_no_conflict(tmp_path):
    lead, rid = new_store(tmp_path / "lead")
    rev, _ = new_store(tmp_path / "rev", me="rev-2")
    finding = lead.create_finding(rid, "q-1", FindingKind.STRENGTH, "Same")
    exchange(lead, rev, rid)
    lead.delete_finding(rid, finding.id)
    rev.delete_finding(rid, finding.id)
    exchange(lead, rev, rid)
    assert lead.conflicts(rid) == [] and rev.get_finding(rid, finding.id) is None
    assert lead.replica.state_hash(rid) == rev.replica.state_hash(rid)
    lead.close()
    rev.close()


def test_locked_store_says_so(tmp_path):
    store, _ = new_store(tmp_path)
    worker = store.for_worker()
    worker.close()
    store.close()
    with pytest.raises(StoreLocked):
        store.list_reviews()
