"""Offline team bundles between real stores checked out from the server: what they carry, what they
refuse (and that a refused bundle changes nothing), and A -> B -> C -> server ending where online sync does."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.bundles import BundleUnknownReview
from sync.client import SyncEngine, checkout
from sync.protocol.bundle import (
    MAGIC,
    BundleError,
    BundleNewerFormat,
    BundleTampered,
    BundleWrongReview,
    NotABundle,
)

from .test_sync_client import _photo
from .world import World, new_laptop


def _team(world: World, tmp_path: Path, review_id: str, count: int) -> list[tuple[Any, Any]]:
    laptops = []
    for i in range(count):
        store = new_laptop(tmp_path / f"laptop{i}")
        session = world.session(world.members[i])
        checkout(session, store.replica, review_id)
        laptops.append((store, session))
    return laptops


def _snapshot(store: Any, review_id: str) -> tuple[str, int, int, list[tuple[str, int]]]:
    return (store.replica.state_hash(review_id), len(store.replica.all_ops(review_id)), store.unsynced_count(review_id),
            sorted(store.replica.attachments_to_upload(review_id)))


def test_bundle_carries_ops_and_photos_and_importing_twice_adds_nothing(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=2)
    (a, _), (b, _) = _team(world, tmp_path, review_id, 2)
    ev = a.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="Year 5 guided reading")
    a.add_photo(review_id, ev.id, _photo(50_000))
    data = a.replica.export_bundle(review_id)
    assert data.startswith(MAGIC) and b"Year 5" not in data
    assert a.unsynced_count(review_id) == 2  # exported, still to be sent to the server by a
    first = b.replica.import_bundle(data)
    assert (first.review_id, first.added, first.photos) == (review_id, 2, 1)
    again = b.replica.import_bundle(data, expected_review_id=review_id)
    assert (again.added, again.duplicates, again.photos) == (0, first.added + first.duplicates, 0)
    assert b.replica.state_hash(review_id) == a.replica.state_hash(review_id)
    assert b.photo_bytes(review_id, b.photos(review_id, ev.id)[0].id) == a.photo_bytes(review_id, a.photos(review_id, ev.id)[0].id)
    assert b.unsynced_count(review_id) == 0  # a's ops are a's to send
    a.close()
    b.close()


def test_refused_bundles_change_nothing(world: World, tmp_path: Path) -> None:
    review_id = world.new_review(members=2)
    other_review = world.new_review(members=2)
    (a, _), (b, _) = _team(world, tmp_path, review_id, 2)
    a.create_evidence(review_id, EvidenceKind.INTERVIEW, notes="Pupil voice: reading for pleasure")
    a.add_photo(review_id, a.evidence(review_id)[0].id, _photo(20_000))
    data = a.replica.export_bundle(review_id)
    before = _snapshot(b, review_id)

    def refused(blob: bytes, error: type[BundleError], **kwargs: Any) -> BundleError:
        with pytest.raises(error) as caught:
            b.replica.import_bundle(blob, **kwargs)
        assert _snapshot(b, review_id) == before
        return caught.value

    # One flipped bit anywhere (label, nonce, ciphertext, tag) is refused.
    for position in (len(MAGIC) + 4, len(data) // 2, len(data) - 20, len(data) - 1):
        flipped = bytearray(data)
        flipped[position] ^= 0x01
        refused(bytes(flipped), BundleError)
    for _ in range(20):
        flipped = bytearray(data)
        flipped[int.from_bytes(os.urandom(4), "big") % len(data)] ^= 1 << (os.urandom(1)[0] % 8)
        refused(bytes(flipped), BundleError)
    refused(data[: len(data) // 2], BundleTampered)
    refused(b"PK\x03\x04 a zip file", NotABundle)
    newer = bytearray(data)
    newer[len(MAGIC)] += 1
    assert "newer version" in str(refused(bytes(newer), BundleNewerFormat))

    # The wrong review: one this laptop does not have, or not the review open on screen.
    (c, _), = _team(world, tmp_path / "other", other_review, 1)
    c.create_evidence(other_review, EvidenceKind.OBSERVATION, notes="Another school")
    assert "not on this laptop" in str(refused(c.replica.export_bundle(other_review), BundleUnknownReview))
    assert "another review" in str(refused(data, BundleWrongReview, expected_review_id=other_review))

    # The wrong team key (the same review id, sealed under another key): damaged or another team.
    b.replica.set_team_key(review_id, os.urandom(32))
    assert "another team" in str(refused(data, BundleTampered))
    for store in (a, b, c):
        store.close()


def test_bundles_in_a_chain_end_as_online_sync_does(world: World, tmp_path: Path) -> None:
    """A -> B -> C by bundles in the school (no network), then everybody syncs from home."""
    review_id = world.new_review(members=3)
    team = _team(world, tmp_path, review_id, 3)
    (a, a_s), (b, b_s), (c, c_s) = team
    for i, (store, _) in enumerate(team):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=f"from laptop {i}")
    question = a.review(review_id).questions[0].id
    finding = a.create_finding(review_id, question, "strength", "Pupils read widely")
    b.replica.import_bundle(a.replica.export_bundle(review_id))
    b.update_finding(review_id, finding.id, text="Pupils read widely and often")  # sees a's text
    c.replica.import_bundle(b.replica.export_bundle(review_id))  # c gets a's work through b
    assert c.get_finding(review_id, finding.id).text == "Pupils read widely and often"
    assert not c.conflicts(review_id)
    for store, session in (c, c_s), (a, a_s), (b, b_s), (c, c_s), (a, a_s):
        report = SyncEngine(session, store.replica, review_id).run()
    assert report.in_step
    hashes = {store.replica.state_hash(review_id) for store, _ in team}
    assert hashes == {report.server_hash} and len(hashes) == 1
    for store, _ in team:
        store.close()
