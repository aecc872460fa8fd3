"""Passing on a safeguarding concern: its words only in the writer's encrypted store; the team (the lead)
sees that one was passed on, when and to whom; nothing of the words in any file, op, bundle or package."""

from __future__ import annotations

import base64
import json
from datetime import datetime, time

import pytest

from spp_desktop.store.errors import NotAllowed
from tests.helpers import new_store, small_package, team_of

WORDS = "MARKER-9f3c a pupil in Year 4 said something worrying about home"


def _package():
    doc = small_package()
    doc["team"].append({"id": "champ-1", "name": "Chris Evans", "role": "improvement_champion"})
    doc["team_key"] = base64.b64encode(bytes(range(32))).decode("ascii")  # as a checkout hands it out
    return doc


def test_the_words_stay_on_this_laptop_and_the_lead_sees_only_the_notice(tmp_path):
    reviewer, rid = new_store(tmp_path / "reviewer", _package(), me="rev-2")
    lead, _ = new_store(tmp_path / "lead", _package(), me="lead-1")
    team_of(rid, reviewer, lead)  # the laptops verify each other's signed ops, as after a checkout
    reviewer.pass_on_concern(rid, WORDS, "dsl", datetime(2026, 11, 24, 10, 42))
    assert [c.text for c in reviewer.my_concerns(rid)] == [WORDS]
    ops = [op.to_wire() for op in reviewer.replica.export_ops(rid)]
    assert "MARKER-9f3c" not in json.dumps(ops)
    bundle = reviewer.replica.export_bundle(rid)
    assert b"MARKER-9f3c" not in bundle
    lead.replica.import_bundle(bundle)
    notices = lead.concern_notices(rid)
    assert [(n.time, n.to_role, n.author) for n in notices] == [(time(10, 42), "dsl", "rev-2")]
    assert lead.my_concerns(rid) == []
    assert "MARKER-9f3c" not in json.dumps(lead.export_package(rid)) + json.dumps(reviewer.export_package(rid))
    reviewer.close()
    lead.close()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"MARKER-9f3c" not in path.read_bytes(), path


def test_a_concern_needs_words_a_known_role_and_is_purged_with_the_review(tmp_path):
    store, rid = new_store(tmp_path / "r", _package(), me="rev-2")
    with pytest.raises(ValueError, match="Write down"):
        store.pass_on_concern(rid, "  ", "dsl")
    with pytest.raises(ValueError):
        store.pass_on_concern(rid, WORDS, "the caretaker")
    assert store.my_concerns(rid) == []  # nothing kept when the notice was refused
    store.pass_on_concern(rid, WORDS, "chair_of_governors")
    store.remove_review(rid)
    assert store._core.sql.execute("SELECT COUNT(*) FROM concerns").fetchone()[0] == 0  # noqa: SLF001
    store.close()


def test_the_champion_passes_on_nothing_from_the_review_day(tmp_path):
    store, rid = new_store(tmp_path / "c", _package(), me="champ-1")
    with pytest.raises(NotAllowed):
        store.pass_on_concern(rid, WORDS, "dsl")
    assert store.my_concerns(rid) == []
    store.close()


def test_on_a_full_database_a_concern_is_a_plain_disk_full_and_no_notice_is_left_without_its_words(tmp_path):
    """Words and notice go together: either both are kept, or neither (and the error is the plain one)."""
    from spp_desktop.store.errors import DiskFull

    store, rid = new_store(tmp_path / "r", _package(), me="rev-2")
    pages = store._core.sql.execute("PRAGMA page_count").fetchone()[0]  # noqa: SLF001
    store._core.sql.execute(f"PRAGMA max_page_count = {pages}")  # noqa: SLF001  SQLite's own "disk full"
    with pytest.raises(DiskFull):
        for n in range(10_000):  # each concern takes room; the cap is reached within a few
            store.pass_on_concern(rid, f"{WORDS} {n} " + "x" * 2000, "dsl", datetime(2026, 11, 24, 10, n % 60))
    words = {c.id for c in store.my_concerns(rid)}
    notices = {n.id for n in store.concern_notices(rid)}
    assert words == notices  # no notice whose words were lost, no words without a notice
    store._core.sql.execute("PRAGMA max_page_count = 1073741823")  # noqa: SLF001  room again
    again = store.pass_on_concern(rid, WORDS, "dsl")
    assert again in {c.id for c in store.my_concerns(rid)} and again in {n.id for n in store.concern_notices(rid)}
    store.close()
