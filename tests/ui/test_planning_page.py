"""Prepare (the lead's planning page): the meeting, questions and timetable edited with the keyboard, in a
real store; a reviewer sees the same, read-only."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.review.planning.cells import CellError, parse_questions, parse_team, parse_time
from spp_desktop.ui.review.planning.page import PlanningPage
from spp_desktop.ui.review.planning.timetable_tab import ACTIVITY, GROUP, QUESTIONS, START, TEAM
from tests.helpers import PASSPHRASE, small_package


@pytest.fixture
def lead_page(qtbot, tmp_path: Path):
    store = ReviewStore.create(tmp_path / "lead", PASSPHRASE, kdf_params=FAST_TEST_KDF)
    rid = store.import_package(small_package(), me="lead-1")
    page = PlanningPage(store, rid)
    qtbot.addWidget(page)
    page.show()
    yield page, store, rid
    store.close()


def _type_into(qtbot, table, row: int, column: int, text: str) -> None:
    """F2 on the cell, type over its words, Enter: as the lead does with the keyboard."""
    table.setCurrentCell(row, column)
    table.scrollToItem(table.item(row, column))
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]  # closed ones linger
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits from the event loop: wait until no editor is open any more
    qtbot.waitUntil(lambda: not [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()])


def test_the_timetable_is_edited_in_place_with_the_keyboard(qtbot, lead_page):
    page, store, rid = lead_page
    tab = page.timetable
    page.tabs.setCurrentWidget(tab)
    tab.table.setFocus()
    assert tab.editable and tab.table.rowCount() == 1
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)  # a new slot after the selected one
    assert tab.table.rowCount() == 2
    _type_into(qtbot, tab.table, 1, ACTIVITY, "focus group")
    _type_into(qtbot, tab.table, 1, GROUP, "Year 6 readers")
    _type_into(qtbot, tab.table, 1, TEAM, "Sam Patel, alex")
    _type_into(qtbot, tab.table, 1, QUESTIONS, "2, 1")
    slot = store.review(rid).slots_on(date(2026, 11, 24))[1]
    assert (slot.activity, slot.group_name, slot.reviewer_ids, slot.question_ids) == (
        "focus_group", "Year 6 readers", ("rev-2", "lead-1"), ("q-2", "q-1"))
    _type_into(qtbot, tab.table, 1, START, "1400")  # moving a slot: type its new start
    assert store.slot(rid, slot.id).start == time(14, 0)
    tab.table.setCurrentCell(1, 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(store.review(rid).slots_on(date(2026, 11, 24))) == 3
    tab.copy_to.setCurrentIndex(1)
    tab.copy_button.click()
    assert len(store.review(rid).slots_on(date(2026, 11, 25))) == 3
    _type_into(qtbot, tab.table, 0, TEAM, "Nobody Here")
    assert "not one person on the team" in _last_status(page)


def _last_status(page) -> str:
    return page._last_status  # noqa: SLF001


@pytest.fixture(autouse=True)
def _record_status(monkeypatch):
    original = PlanningPage.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self._last_status = ""
        self.status_changed.connect(lambda text: setattr(self, "_last_status", text))

    monkeypatch.setattr(PlanningPage, "__init__", init)


def test_questions_added_from_the_library_reordered_and_retired(qtbot, lead_page, monkeypatch):
    page, store, rid = lead_page
    tab = page.questions
    page.tabs.setCurrentWidget(tab)
    tab.add_question("How well do pupils talk about books?", "Reading and literacy")
    assert [q.text for q in store.review(rid).questions][-1] == "How well do pupils talk about books?"
    tab.table.setCurrentCell(2, 1)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert store.review(rid).questions[1].text == "How well do pupils talk about books?"
    tab.source_boxes[next(iter(tab.source_boxes))].setChecked(True)
    assert store.review(rid).questions[1].planned_sources == ("observation",)
    _type_into(qtbot, tab.table, 1, 1, "This was an outstanding lesson?")
    tab.hint.check_now()
    assert tab.hint.showing  # the neutral-language hint reads the question's words
    tab.table.setCurrentCell(0, 1)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert [q.id for q in store.review(rid).retired_questions] == ["q-1"]


def test_the_meeting_is_recorded_and_the_document_kept_encrypted(qtbot, lead_page, tmp_path):
    page, store, rid = lead_page
    tab = page.meeting
    tab.roles["headteacher"].setChecked(True)
    tab.summary.setPlainText("Fluency dips in Year 5, the school says.")
    assert tab.flush()
    doc = tmp_path / "self-review.pdf"
    doc.write_bytes(b"%PDF-1.4 the self-review")
    tab.attach(doc)
    meeting = store.meeting(rid)
    assert meeting.participants == ("headteacher",) and meeting.self_review_summary.startswith("Fluency")
    assert tab.document.text() == "self-review.pdf"


def test_a_reviewer_sees_the_plan_read_only(qtbot, tmp_path):
    store = ReviewStore.create(tmp_path / "rev", PASSPHRASE, kdf_params=FAST_TEST_KDF)
    rid = store.import_package(small_package(), me="rev-2")
    page = PlanningPage(store, rid)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.timetable)
    assert not page.timetable.editable and not page.questions.editable and not page.meeting.editable
    assert not page.timetable.add_button.isEnabled()
    before = store.replica.state_hash(rid)
    page.timetable.table.setCurrentCell(0, 0)
    page.timetable.table.setFocus()
    qtbot.keyClick(page.timetable.table, Qt.Key.Key_Insert)
    assert store.replica.state_hash(rid) == before
    store.close()


def test_cells_parse_plain_words():
    from spp_desktop.domain.review import EnquiryQuestion, Role, TeamMember

    team = [TeamMember("a", "Alex Morgan", Role.LEAD_REVIEWER), TeamMember("s", "Sam Patel", Role.REVIEWER)]
    assert parse_team("alex, SP", team) == ("a", "s")
    assert parse_time("9.15") == time(9, 15) and parse_time("1330") == time(13, 30)
    with pytest.raises(CellError):
        parse_time("noon")
    questions = [EnquiryQuestion("q1", "A"), EnquiryQuestion("q2", "B")]
    assert parse_questions("Q2; 1", questions) == ("q2", "q1")
    with pytest.raises(CellError):
        parse_questions("3", questions)
