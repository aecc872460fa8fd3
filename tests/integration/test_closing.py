"""Closing a review, end to end on the real server: `close-review` (and the retention purge) reach the
laptops by sync and by a teammate's bundle; the laptop saves the review's documents and removes its copy,
but never while changes it made are still unsent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.domain.improvement import Stage
from spp_desktop.services.closing import (
    StillUnsynced,
    closed_review,
    closed_reviews,
    export_documents,
    remove_closed_review,
)
from sync.client import SyncEngine, checkout
from sync.server import closing, retention

from .world import World, new_laptop

MARKER = "Marker-closing-9Z pupils retold the story"


@pytest.fixture
def team(world: World, tmp_path: Path):
    review_id = world.new_review(members=2)
    laptops = []
    for i in range(2):
        store = new_laptop(tmp_path / f"laptop{i}")
        session = world.session(world.members[i])
        checkout(session, store.replica, review_id)
        laptops.append((store, session))
    yield review_id, laptops
    for store, session in laptops:
        store.close()
        session.close()


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image
    out = BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 40)).save(out, format="PNG")
    return out.getvalue()


def _rows_of(store, review_id: str) -> dict[str, int]:
    conn = store._core.sql  # the test looks inside the (decrypted) database: nothing of the review may be left
    return {table: conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (review_id,)).fetchone()[0]
            for table, column in (("ops", "review_id"), ("parked_ops", "review_id"), ("entities", "review_id"),
                                  ("reviews", "id"), ("attachments", "review_id"), ("concerns", "review_id"))}


def test_a_closed_review_is_saved_then_removed_only_once_everything_is_on_the_server(team, world: World,
                                                                                     tmp_path: Path):
    review_id, [(lead, lead_session), _] = team
    question = lead.review(review_id).questions[0]
    record = lead.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=MARKER, question_ids=[question.id])
    lead.add_photo(review_id, record.id, _png(), caption="Story map on the wall")
    lead.create_finding(review_id, question.id, "strength", "Pupils talk about books with enthusiasm.",
                        status="agreed")
    lead.update_outcome(review_id, improvement_priority="Reading aloud in Year 3")
    lead.update_workshop(review_id, date=date(2026, 4, 20))
    SyncEngine(lead_session, lead.replica, review_id).run()
    photos_before = [p for p in lead.files.attachments.rglob("*") if p.is_file()]

    assert closing.close_review(world.storage, review_id, date(2027, 5, 1))
    lead.create_evidence(review_id, EvidenceKind.BOOK_SCRUTINY, notes="Written after the close, not yet sent")
    SyncEngine(lead_session, lead.replica, review_id).run()  # pushes the late record, pulls the closure
    assert lead.closed_on(review_id) == date(2027, 5, 1)
    assert lead.stage(review_id) is Stage.CLOSED
    [summary] = [s for s in lead.list_reviews() if s.id == review_id]
    assert summary.extra["closed_on"] == "2027-05-01" and summary.extra["stage"] == "closed"

    written = export_documents(lead, review_id, tmp_path / "kept", language="cy")
    assert sorted(p.name.split(" - ")[1] for p in written) == ["crynodeb adborth.pdf", "cynllun y gweithdy.pdf"]
    assert "Pupils talk about books" in " ".join(p.extract_text() for p in PdfReader(str(written[0])).pages)

    lead.create_evidence(review_id, EvidenceKind.INTERVIEW, notes="One more, offline")
    with pytest.raises(StillUnsynced) as refused:
        remove_closed_review(lead, review_id)
    assert refused.value.count >= 1 and lead.has_review(review_id)  # nothing unsent is ever thrown away
    assert closed_review(lead, review_id).unsynced == refused.value.count
    SyncEngine(lead_session, lead.replica, review_id).run()
    remove_closed_review(lead, review_id)
    assert not lead.has_review(review_id) and closed_reviews(lead) == []
    assert set(_rows_of(lead, review_id).values()) == {0}
    assert photos_before and not any(p.is_file() for p in lead.files.attachments.rglob("*"))  # the photo's file too
    assert review_id not in [s.id for s in lead.list_reviews()]


def test_an_open_review_is_not_removed_this_way(team):
    review_id, [(lead, _), _] = team
    with pytest.raises(ValueError):
        remove_closed_review(lead, review_id)
    assert lead.has_review(review_id)


def test_the_closure_travels_in_a_teammates_bundle(team, world: World):
    review_id, [(lead, lead_session), (reviewer, _)] = team
    closing.close_review(world.storage, review_id, date(2027, 5, 1))
    SyncEngine(lead_session, lead.replica, review_id).run()
    reviewer.replica.import_bundle(lead.replica.export_bundle(review_id), expected_review_id=review_id)
    assert reviewer.closed_on(review_id) == date(2027, 5, 1)  # the server's signed op, relayed by the lead


def test_the_retention_purge_closes_the_review_and_the_laptops_remove_it(team, world: World):
    review_id, [(lead, lead_session), (reviewer, reviewer_session)] = team
    lead.create_evidence(review_id, EvidenceKind.OBSERVATION, notes=MARKER)
    SyncEngine(lead_session, lead.replica, review_id).run()
    SyncEngine(reviewer_session, reviewer.replica, review_id).run()
    [purged] = [p for p in retention.purge_expired(world.storage, date(2027, 3, 12), 12) if p.review_id == review_id]
    assert purged.ops > 0
    for store, session in ((lead, lead_session), (reviewer, reviewer_session)):
        SyncEngine(session, store.replica, review_id).run()
        assert store.closed_on(review_id) == date(2027, 3, 12)
        remove_closed_review(store, review_id)
        assert set(_rows_of(store, review_id).values()) == {0}
