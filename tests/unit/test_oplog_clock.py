"""The op log's clock after edits folded into a pending op: a save then writes the op row and the state
row only (not the clock's row), so after a restart the clock must start past the newest unsent op of the
review, even when the laptop's clock has since gone back (a wrong clock corrected)."""

from __future__ import annotations

import time

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from tests.helpers import small_package

PASS = "correct horse battery staple"


def _pending(store: ReviewStore, review_id: str, *, push: bool):
    # outbox freezes them, as a push does; the op log's own list leaves them unsent
    ops = store.replica.outbox(review_id) if push else store.replica.all_ops(review_id)
    [op] = [o for o in ops if o.entity == "evidence"]
    return op


@pytest.mark.parametrize("push", [False, True], ids=["still-unsent", "frozen-for-a-push"])
def test_a_restart_after_folded_edits_never_issues_an_older_time(tmp_path, monkeypatch, push):
    store = ReviewStore.create(tmp_path, PASS, kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(small_package())
    record = store.create_evidence(review_id, EvidenceKind.OBSERVATION, notes="First words")
    future = time.time() + 3_600  # the laptop's clock an hour fast while typing
    monkeypatch.setattr(time, "time", lambda: future)
    for words in ("First words and more", "First words and more again", "First words, final"):
        store.update_evidence(review_id, record.id, notes=words)  # folded into the one pending op
    folded = _pending(store, review_id, push=push)
    assert folded.fields["notes"] == "First words, final" and folded.hlc.wall_ms >= int(future * 1000)
    store.close()

    monkeypatch.setattr(time, "time", lambda: future - 3_600)  # the clock put right: an hour back
    store = ReviewStore.unlock(tmp_path, PASS)
    try:
        later = store.create_evidence(review_id, EvidenceKind.INTERVIEW, notes="After the restart")
        newest = max((o for o in store.replica.outbox(review_id) if o.entity_id == later.id), key=lambda o: o.hlc)
        assert newest.hlc > folded.hlc  # the clock started past the folded op, not at its stale row
    finally:
        store.close()
