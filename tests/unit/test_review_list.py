"""Home's review list (ReviewStore.list_reviews): right headings and counts, read without the records.

A laptop that keeps ten past reviews lists them on every unlock; reading each review's whole state for
that made Home 20x slower with ten reviews than with one (benchmarks/bench_laptop.py).
"""

from __future__ import annotations

import uuid

from spp_desktop.domain.evidence import EvidenceKind
from tests.helpers import new_store, small_package


def test_list_reviews_shows_headings_and_counts_of_each_review(tmp_path):
    store, first = new_store(tmp_path)
    other = small_package()
    other["review"]["id"] = str(uuid.uuid4())
    other["review"]["host_school"] = "Second School"
    second = store.import_package(other)
    kept = [store.create_evidence(first, EvidenceKind.OBSERVATION, class_name=f"Year {i}") for i in (3, 4, 5)]
    store.delete_evidence(first, kept[0].id)
    store.create_evidence(second, EvidenceKind.DOCUMENT, title="Policy")
    expected = {
        rid: (store.review(rid).host_school, store.review(rid).start_date, store.review(rid).focus.title,
              sum(1 for e in store.evidence(rid)), store.unsynced_count(rid))
        for rid in (first, second)
    }
    store.close()

    store = _reopen(tmp_path)
    summaries = {s.id: s for s in store.list_reviews()}
    assert set(summaries) == {first, second}
    for rid, (school, start, focus, evidence, unsynced) in expected.items():
        s = summaries[rid]
        assert (s.host_school, s.start_date, s.focus, s.evidence_count, s.unsynced_changes) == \
            (school, start, focus, evidence, unsynced)
    assert summaries[first].evidence_count == len(small_package().get("evidence", [])) + 2  # not the deleted one
    store.close()


def test_list_reviews_does_not_load_any_review_s_records(tmp_path):
    store, review_id = new_store(tmp_path)
    for i in range(5):
        store.create_evidence(review_id, EvidenceKind.OBSERVATION, class_name=f"Year {i}")
    store.close()
    store = _reopen(tmp_path)
    assert store.list_reviews()
    assert review_id not in store._core.log._states  # no review's whole state was read for the list
    store.close()


def _reopen(path):
    from spp_desktop.store.repository import ReviewStore
    from tests.helpers import PASSPHRASE
    return ReviewStore.unlock(path, PASSPHRASE)
