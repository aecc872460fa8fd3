"""The storage contract: the same tests against SQLite and PostgreSQL (see the database_url fixture)."""

from __future__ import annotations

import hashlib
import json
import threading

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from sync.protocol import Operation, ReviewState
from sync.protocol.package import package_to_ops
from sync.server import admin
from sync.server.db import upgrade
from sync.server.state import ReviewStates
from sync.server.storage import PendingOp, Storage, canonical_json, now_ms
from sync.server.tables import metadata

from .helpers import build_world, make_ops


def pending(ops: list[dict]) -> list[PendingOp]:
    return [PendingOp(o["op_id"], o["device_id"], o["author"], canonical_json(o)) for o in ops]


def test_migrations_create_the_declared_schema_and_are_repeatable(storage: Storage) -> None:
    upgrade(storage.engine)  # a second upgrade is a no-op
    with storage.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_review_package_ops_are_stored_when_the_review_is_made(storage: Storage) -> None:
    world = build_world(storage)
    review = storage.review(world.review_id)
    assert review is not None
    derived = package_to_ops(review["package"])
    stored = storage.ops_after(world.review_id, 0, 100)
    assert [json.loads(body)["op_id"] for _, body in stored] == [op.op_id for op in derived]
    assert [seq for seq, _ in stored] == list(range(1, len(derived) + 1))
    assert storage.cursor(world.review_id) == len(derived)
    team = {m["id"]: m["role"] for m in review["package"]["team"]}
    assert team == {world.users["lead"]: "lead_reviewer", world.users["reviewer"]: "reviewer",
                    world.users["champion"]: "improvement_champion"}


def test_teams_and_roles(storage: Storage) -> None:
    world = build_world(storage)
    assert storage.role_on(world.review_id, world.users["lead"]) == "lead_reviewer"
    assert storage.role_on(world.review_id, world.users["reviewer"]) == "reviewer"
    assert storage.role_on(world.review_id, world.users["outsider"]) is None
    assert storage.role_on(world.review_id, world.users["south_lead"]) is None
    assert storage.role_on("no-such-review", world.users["lead"]) is None
    assert [r["id"] for r in storage.reviews_for_user(world.users["reviewer"])] == [world.review_id]
    assert storage.reviews_for_user(world.users["outsider"]) == []
    listed = storage.reviews_for_user(world.users["lead"])[0]
    assert listed["host_school"] == "Ash Primary" and listed["role"] == "lead_reviewer"
    assert listed["focus"] == "Reading in Key Stage 2"
    summaries = {r["id"]: r for r in storage.review_summaries()}
    assert summaries[world.review_id]["op_count"] == storage.op_count(world.review_id)


def test_append_is_idempotent_and_numbers_in_receipt_order(storage: Storage) -> None:
    world = build_world(storage)
    start = storage.cursor(world.review_id)
    batch = make_ops(world.review_id, world.users["reviewer"], 20)
    results, cursor = storage.append_ops(world.review_id, pending(batch))
    assert [r.status for r in results] == ["accepted"] * 20
    assert [r.seq for r in results] == list(range(start + 1, start + 21))
    assert cursor == start + 20
    for _ in range(4):
        again, cursor = storage.append_ops(world.review_id, pending(batch))
        assert [r.status for r in again] == ["duplicate"] * 20
        assert cursor == start + 20
    assert storage.op_count(world.review_id) == start + 20
    # the same op twice in one batch is stored once; package-only ops are never inserted
    twice = make_ops(world.review_id, world.users["reviewer"], 1, start_seq=50)
    only_known = PendingOp(
        "0190a000-0000-7000-8000-000000000000", "package", "package", "{}", may_insert=False
    )
    results, _ = storage.append_ops(world.review_id, pending(twice + twice) + [only_known])
    assert [r.status for r in results] == ["accepted", "duplicate", "missing"]
    assert storage.op_count(world.review_id) == start + 21


def test_pull_pages_across_ten_thousand_ops_without_gaps_or_repeats(storage: Storage) -> None:
    world = build_world(storage)
    base = storage.cursor(world.review_id)
    sent = []
    for batch in range(20):
        ops = make_ops(world.review_id, world.users["reviewer"], 500, start_seq=batch * 500 + 1)
        storage.append_ops(world.review_id, pending(ops))
        sent.extend(o["op_id"] for o in ops)
    for limit in (1000, 777):
        seen: list[str] = []
        seqs: list[int] = []
        after = base
        while True:
            page = storage.ops_after(world.review_id, after, limit)
            if not page:
                break
            seqs.extend(seq for seq, _ in page)
            seen.extend(json.loads(body)["op_id"] for _, body in page)
            after = page[-1][0]
        assert seen == sent
        assert seqs == list(range(base + 1, base + 10_001))


def test_concurrent_pushes_get_contiguous_sequence_numbers(storage: Storage) -> None:
    world = build_world(storage)
    base = storage.cursor(world.review_id)
    batches = [make_ops(world.review_id, world.users["reviewer"], 50, device=f"dev-{i}") for i in range(6)]
    errors: list[BaseException] = []

    def push(ops: list[dict]) -> None:
        try:
            for _ in range(2):  # each batch twice, racing with the others
                storage.append_ops(world.review_id, pending(ops))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=push, args=(b,)) for b in batches]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    rows = storage.ops_after(world.review_id, base, 1000)
    assert [seq for seq, _ in rows] == list(range(base + 1, base + 301))
    assert len({json.loads(body)["op_id"] for _, body in rows}) == 300


def test_devices_tokens_and_revocation(storage: Storage) -> None:
    world = build_world(storage)
    digest = hashlib.sha256(b"token").hexdigest()
    device = storage.create_device(world.users["lead"], "Laptop", digest, now_ms() + 1000)
    found = storage.device_for_token(digest)
    assert found is not None and found["user_id"] == world.users["lead"] and found["revoked_ms"] is None
    storage.touch_device(device, 123)
    assert storage.device_for_token(digest)["last_seen_ms"] == 123
    assert storage.revoke_device(device) is True
    assert storage.revoke_device(device) is False
    assert storage.device_for_token(digest)["revoked_ms"] is not None
    assert storage.device_for_token(hashlib.sha256(b"other").hexdigest()) is None
    assert [d["id"] for d in storage.devices_of(world.users["lead"])] == [device]


def test_login_failures_are_counted_per_key_and_expire(storage: Storage) -> None:
    user_key, client_key = Storage.throttle_key("user", "lead"), Storage.throttle_key("client", "10.0.0.1")
    for at in (1000, 2000, 3000):
        storage.record_login_failure([user_key, client_key], at, window_ms=10_000)
    assert storage.login_failures_since(user_key, 1500) == [2000, 3000]
    storage.clear_login_failures(user_key)
    assert storage.login_failures_since(user_key, 0) == []
    assert storage.login_failures_since(client_key, 0) == [1000, 2000, 3000]
    storage.record_login_failure([client_key], 20_000, window_ms=10_000)  # prunes older than the window
    assert storage.login_failures_since(client_key, 0) == [20_000]


def test_attachments_resume_verify_and_discard(storage: Storage) -> None:
    world = build_world(storage)
    rid = world.review_id
    data = bytes(range(256)) * 40
    sha = hashlib.sha256(data).hexdigest()
    assert storage.upload_state(rid, sha) is None
    assert storage.append_upload(rid, sha, 0, len(data), data[:4000]).outcome == "ok"
    state = storage.upload_state(rid, sha)
    assert (state.stored, state.complete) == (4000, False)
    wrong = storage.append_upload(rid, sha, 1000, len(data), data[1000:2000])
    assert wrong.outcome == "offset_mismatch" and wrong.state.stored == 4000
    assert storage.append_upload(rid, sha, 4000, len(data), data[4000:] + b"x").outcome == "too_long"
    assert storage.read_attachment(rid, sha) is None  # not complete yet
    done = storage.append_upload(rid, sha, 4000, len(data), data[4000:])
    assert done.outcome == "ok" and done.state.complete
    assert storage.read_attachment(rid, sha) == data
    assert storage.read_attachment(world.other_review_id, sha) is None  # per review
    # a complete blob is not overwritten
    assert storage.append_upload(rid, sha, 0, len(data), data).outcome == "offset_mismatch"
    # wrong bytes for the hash: discarded entirely
    bad_sha = hashlib.sha256(b"something else").hexdigest()
    storage.append_upload(rid, bad_sha, 0, 10, b"01234")
    assert storage.append_upload(rid, bad_sha, 5, 10, b"56789").outcome == "hash_mismatch"
    assert storage.upload_state(rid, bad_sha) is None
    # an unfinished upload restarted from 0 with another length starts afresh
    storage.append_upload(rid, bad_sha, 0, 10, b"01234")
    restarted = storage.append_upload(rid, bad_sha, 0, 14, b"something else")
    assert restarted.outcome == "ok" and restarted.state.complete


def test_review_state_cache_matches_the_merge_function_and_catches_up(storage: Storage) -> None:
    world = build_world(storage)
    states = ReviewStates(storage)
    first = states.snapshot(world.review_id)
    ops = make_ops(world.review_id, world.users["reviewer"], 30)
    storage.append_ops(world.review_id, pending(ops))
    snap = states.snapshot(world.review_id)
    assert snap.cursor == first.cursor + 30 and snap.op_count == first.op_count + 30
    direct = ReviewState(world.review_id)
    direct.apply_all(
        Operation.from_wire(json.loads(b)) for _, b in storage.ops_after(world.review_id, 0, 10_000)
    )
    assert snap.state_hash == direct.state_hash() != first.state_hash
    # another process's cache (a second worker) builds the same state from the log
    assert ReviewStates(Storage(storage.engine, storage.keys)).snapshot(world.review_id) == snap


def test_pull_hot_path_finds_device_role_and_page_in_one_read(storage: Storage) -> None:
    """Storage.pull (and pull_inline on a SQLite file) answer the same on both backends."""
    world = build_world(storage)
    lead, outsider = world.users["lead"], world.users["outsider"]
    lead_token, outsider_token = hashlib.sha256(b"lead token").hexdigest(), hashlib.sha256(b"out token").hexdigest()
    lead_device = storage.create_device(lead, "laptop", lead_token, now_ms() + 60_000)
    storage.create_device(outsider, "laptop", outsider_token, now_ms() + 60_000)
    storage.append_ops(world.review_id, pending(make_ops(world.review_id, lead, 7)))
    cursor = storage.cursor(world.review_id)

    def pulls(token_hash: str, review_id: str, after: int, limit: int):
        found = [storage.pull(token_hash, review_id, after, limit)]
        inline = storage.pull_inline(token_hash, review_id, after, limit)  # None on PostgreSQL
        if inline is not None:
            found.append(inline)
        return found

    for result in pulls(lead_token, world.review_id, cursor - 7, 5):
        assert (result.device_id, result.user_id, result.role, result.review_exists) == (
            lead_device, lead, "lead_reviewer", True)
        assert [seq for seq, _ in result.rows] == list(range(cursor - 6, cursor - 1))
        assert result.revoked_ms is None and result.expires_ms > now_ms()
    for result in pulls(lead_token, world.review_id, cursor, 500):
        assert result.rows == []  # nothing new: the no-change pull
    for result in pulls(outsider_token, world.review_id, 0, 500):
        assert result.user_id == outsider and result.role is None and result.rows == []  # never read
    for result in pulls(lead_token, "no-such-review", 0, 500):
        assert result.review_exists is False and result.rows == []
    for result in pulls(hashlib.sha256(b"unknown").hexdigest(), world.review_id, 0, 500):
        assert result.device_id is None and result.rows == []
    storage.revoke_device(lead_device)
    for result in pulls(lead_token, world.review_id, 0, 5):
        assert result.revoked_ms is not None


def test_review_state_cache_is_bounded_and_rebuilds_a_dropped_review(storage: Storage) -> None:
    """Least recently used states are dropped beyond MAX_CACHED_OPS; a dropped one is rebuilt exactly."""
    world = build_world(storage)
    reviews = [world.review_id]
    for i in range(2):
        review_id = admin.create_review(storage, "North Partnership", "Ash Primary", "2026-03-10", "2026-03-11",
                                        f"Focus {i}", ["How is reading taught?"])
        admin.assign(storage, review_id, "reviewer", "reviewer")
        reviews.append(review_id)
    for review_id in reviews:
        storage.append_ops(review_id, pending(make_ops(review_id, world.users["reviewer"], 40)))
    states = ReviewStates(storage)
    states.MAX_CACHED_OPS = 100  # room for two of the three reviews
    first = {review_id: states.snapshot(review_id) for review_id in reviews}
    assert states.cached_reviews() == 2  # the first review was dropped when the third was read
    again = {review_id: states.snapshot(review_id) for review_id in reversed(reviews)}
    assert again == first
    assert states.cached_reviews() == 2
    unbounded = ReviewStates(storage)
    assert {review_id: unbounded.snapshot(review_id) for review_id in reviews} == first
    assert unbounded.cached_reviews() == 3
