"""The plan (pre-review meeting, questions, timetable) and the workshop/check-in in the real encrypted store."""

from __future__ import annotations

from datetime import date, time

import pytest

from spp_desktop.domain.evidence import EvidenceKind
from spp_desktop.store.errors import NotForYourRole, PlanIsLeads
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from tests.helpers import PASSPHRASE, new_store, small_package

DAY1, DAY2 = date(2026, 11, 24), date(2026, 11, 25)


def _package_with_champion():
    doc = small_package()
    doc["team"].append({"id": "champ-1", "name": "Chris Evans", "role": "improvement_champion", "school": "Elm Primary"})
    return doc


@pytest.fixture
def lead(tmp_path):
    store, review_id = new_store(tmp_path / "lead", _package_with_champion(), me="lead-1")
    yield store, review_id
    store.close()


def test_questions_add_edit_reorder_retire(lead):
    store, rid = lead
    added = store.add_question(rid, "To what extent do pupils choose to read at home?", theme="Reading for pleasure",
                               planned_sources=["interview", "survey"])
    assert [q.id for q in store.review(rid).questions] == ["q-1", "q-2", added.id]
    assert added.planned_sources == ("interview", "survey") and added.theme == "Reading for pleasure"
    store.update_question(rid, "q-2", text="How well are disadvantaged pupils supported to read fluently?")
    store.move_question(rid, added.id, 0)
    assert [q.id for q in store.review(rid).questions] == [added.id, "q-1", "q-2"]
    store.retire_question(rid, "q-1")
    review = store.review(rid)
    assert [q.id for q in review.questions] == [added.id, "q-2"]
    assert [q.id for q in review.retired_questions] == ["q-1"]
    assert review.question("q-1").text  # evidence pointing at it still finds its words
    store.retire_question(rid, "q-1", retired=False)
    assert "q-1" in [q.id for q in store.review(rid).questions]
    with pytest.raises(ValueError, match="needs some words"):
        store.add_question(rid, "   ")
    with pytest.raises(ValueError):
        store.update_question(rid, "q-2", planned_sources=["gossip"])


def test_timetable_slots_duplicate_copy_day_and_move(lead):
    store, rid = lead
    slot = store.add_slot(rid, DAY1, time(10, 0), time(10, 45), "interview", location="Library",
                          group_name="Year 6 readers", host_staff="English lead", reviewer_ids=["rev-2"],
                          question_ids=["q-1"])
    assert (slot.group_name, slot.host_staff, slot.question_ids) == ("Year 6 readers", "English lead", ("q-1",))
    copy = store.duplicate_slot(rid, slot.id)
    assert (copy.start, copy.end, copy.group_name, copy.day) == (time(10, 45), time(11, 30), "Year 6 readers", DAY1)
    made = store.copy_day(rid, DAY1, DAY2)
    assert len(made) == 3 and {s.day for s in made} == {DAY2}
    assert len(store.review(rid).slots_on(DAY2)) == 3
    moved = store.move_slot(rid, copy.id, DAY1, time(14, 0))
    assert (moved.start, moved.end) == (time(14, 0), time(14, 45))
    with pytest.raises(ValueError, match="end after it starts"):
        store.update_slot(rid, slot.id, end=time(9, 0))
    store.delete_slot(rid, made[0].id)
    assert len(store.review(rid).slots_on(DAY2)) == 2


def test_focus_dates_and_meeting(lead, tmp_path):
    store, rid = lead
    store.update_review(rid, focus_title="Reading for pleasure", focus_description="Why pupils read.")
    assert store.review(rid).focus.title == "Reading for pleasure"
    with pytest.raises(ValueError, match="end before it starts"):
        store.update_review(rid, end_date=date(2026, 11, 1))
    store.update_meeting(rid, date=date(2026, 11, 3), participants=["headteacher", "lead_reviewer"],
                         self_review_summary="Our self-review says fluency dips in Year 5.")
    doc = b"%PDF-1.4 self-review of Brookfield: fluency dips in Year 5"
    attachment_id = store.attach_self_review(rid, doc, "self-review.pdf", "application/pdf")
    meeting = store.meeting(rid)
    assert meeting.participants == ("headteacher", "lead_reviewer") and meeting.self_review_document == attachment_id
    assert store.photo_bytes(rid, attachment_id) == doc
    store.close()
    for path in (tmp_path / "lead").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"fluency dips" not in data and b"self-review of Brookfield" not in data, path


def test_a_reviewer_cannot_change_the_plan(tmp_path):
    store, rid = new_store(tmp_path / "rev", _package_with_champion(), me="rev-2")
    with pytest.raises(PlanIsLeads):
        store.add_question(rid, "How well do pupils read?")
    with pytest.raises(PlanIsLeads):
        store.update_slot(rid, "slot-1", location="Hall")
    with pytest.raises(PlanIsLeads):
        store.update_meeting(rid, notes="x")
    with pytest.raises(PlanIsLeads):
        store.attach_self_review(rid, b"doc", "a.pdf", "application/pdf")
    with pytest.raises(NotForYourRole):
        store.update_workshop(rid, notes="x")
    assert store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="Pupils read aloud.")  # their own work is fine
    store.close()


def test_the_champion_edits_workshop_and_checkin_but_not_evidence(tmp_path):
    store, rid = new_store(tmp_path / "champ", _package_with_champion(), me="champ-1")
    store.update_workshop(rid, date=date(2027, 1, 12), champion_id="champ-1", participants=["headteacher", "subject_leader"])
    action = store.create_action(rid, "Daily paired reading in Year 5", owner="English lead",
                                 start=date(2027, 1, 18), due=date(2027, 3, 31), support_school="Elm Primary")
    store.set_progress(rid, action.id, "under_way", "Running in two classes.")
    store.update_checkin(rid, pupil_changes="More Year 5 pupils borrow books.")
    with pytest.raises(NotForYourRole):
        store.create_evidence(rid, EvidenceKind.OBSERVATION, notes="x")
    with pytest.raises(NotForYourRole):
        store.create_finding(rid, "q-1", "strength", "x")
    with pytest.raises(PlanIsLeads):
        store.add_slot(rid, DAY1, time(9), time(10), "observation")
    assert store.actions(rid)[0].progress == "under_way"
    store.close()


def test_workshop_priority_carried_and_checkin_90_days_after_the_workshop(lead):
    store, rid = lead
    store.update_outcome(rid, improvement_priority="Fluency in Year 5")
    assert store.workshop(rid).improvement_priority == "Fluency in Year 5"
    assert store.checkin(rid).date is None
    store.update_workshop(rid, date=date(2027, 1, 12))
    assert store.checkin(rid).date == date(2027, 4, 12)
    store.update_workshop(rid, improvement_priority="Fluency and stamina in Year 5")
    assert store.workshop(rid).improvement_priority == "Fluency and stamina in Year 5"
    store.update_checkin(rid, date=date(2027, 4, 20))
    assert store.checkin(rid).date == date(2027, 4, 20)
    with pytest.raises(ValueError):
        store.set_progress(rid, store.create_action(rid, "x").id, "excellent")


def test_export_holds_meeting_plan_workshop_and_checkin(lead, tmp_path):
    store, rid = lead
    store.update_meeting(rid, date=date(2026, 11, 3), participants=["headteacher"], self_review_summary="Summary")
    q = store.add_question(rid, "How well do pupils talk about books?", planned_sources=["focus_group"])
    store.add_slot(rid, DAY1, time(13, 0), time(13, 30), "focus_group", question_ids=[q.id])
    store.update_outcome(rid, improvement_priority="Talk about books")
    finding = store.create_finding(rid, q.id, "area_to_develop", "Few pupils recommend books to each other.")
    store.add_root_cause(rid, finding.id, "Little time to talk about books.")
    store.update_workshop(rid, date=date(2027, 1, 12), champion_id="champ-1")
    store.create_action(rid, "Book talk every Friday", owner="English lead", support_school="Elm Primary")
    store.update_checkin(rid, next_steps="Share with the partnership.")
    doc = store.export_package(rid)
    assert doc["meeting"]["self_review_summary"] == "Summary"
    assert doc["workshop"]["champion_id"] == "champ-1" and doc["checkin"]["next_steps"]
    assert doc["root_causes"][0]["finding_id"] == finding.id
    assert any(s.get("question_ids") == [q.id] for s in doc["schedule"])
    assert doc["actions"][0]["support_school"] == "Elm Primary"
    other = ReviewStore.create(tmp_path / "other", PASSPHRASE, kdf_params=FAST_TEST_KDF)
    other.import_package(doc, me="lead-1")
    assert other.workshop(rid).champion_id == "champ-1"
    assert other.meeting(rid).participants == ("headteacher",)
    assert [r.text for r in other.root_causes(rid)] == ["Little time to talk about books."]
    other.close()


def test_the_stage_follows_the_cycle(lead):
    from spp_desktop.domain.improvement import Stage

    store, rid = lead
    start, end = date(2026, 11, 24), date(2026, 11, 25)
    assert store.stage(rid, date(2026, 11, 1)) is Stage.PLANNING
    assert store.stage(rid, start) is Stage.REVIEW_DAY and store.stage(rid, end) is Stage.REVIEW_DAY
    assert store.stage(rid, date(2026, 11, 26)) is Stage.FEEDBACK
    store.update_outcome(rid, improvement_priority="Reading at home")  # agreed in the feedback conversation
    assert store.stage(rid, date(2026, 11, 26)) is Stage.WORKSHOP
    store.update_workshop(rid, date=date(2026, 12, 8))
    assert store.stage(rid, date(2026, 12, 7)) is Stage.WORKSHOP
    assert store.stage(rid, date(2026, 12, 9)) is Stage.CHECKIN
    store.update_checkin(rid, pupil_changes="More pupils borrow books.")
    assert store.stage(rid, date(2027, 3, 9)) is Stage.CLOSED
    assert store.list_reviews()[0].extra["stage"] in {s.value for s in Stage}


def test_the_keep_until_date_counts_from_the_checkin_else_the_last_day(lead):
    from spp_desktop.domain.improvement import add_months

    store, rid = lead  # the review ends 25 November 2026
    assert store.list_reviews()[0].extra["keep_until"] == "2027-11-25"
    store.update_workshop(rid, date=date(2026, 12, 8))  # the check-in falls 90 days later: 8 March 2027
    assert store.list_reviews()[0].extra["keep_until"] == "2028-03-08"
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
