"""Capture as fast as in a notes app: a lesson timer, "Insert time", an Edit menu, prompts for
interviews, focus-group defaults, a role field, and the main text of a survey or document in its own
field."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date, datetime, time  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit, QVBoxLayout, QWidget  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.edit_menu import EditMenu  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402
from spp_desktop.ui.widgets.elapsed import elapsed_text  # noqa: E402

PASS = "correct horse battery staple"


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "data"


@pytest.fixture
def store(data_dir):
    s = ReviewStore.create(data_dir, PASS, kdf_params=FAST_TEST_KDF)
    yield s
    s.close()


@pytest.fixture
def review_id(store):
    return store.import_package(demo_package())


@pytest.fixture
def clock():
    return Clock(datetime(2026, 11, 24, 10, 30, 0))


@pytest.fixture
def page(qtbot, store, review_id, clock):
    p = EvidencePage(store, review_id, clock=clock)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    yield p
    if p.form is not None:
        p.form.close_form()


def test_the_lesson_timer_counts_from_the_start_and_shows_the_length_once_ended(qtbot, page, clock):
    page.new_evidence(EvidenceKind.OBSERVATION)
    timer = page.form.timer
    assert timer.isHidden() or timer.text() == "0:00 since 10:30"
    clock.now = datetime(2026, 11, 24, 10, 48, 24)
    timer.refresh()
    assert timer.text() == "18:24 since 10:30" and not timer.isHidden()
    assert timer._timer.isActive()  # ticks each second while the lesson runs
    page.form.end_field.set_value(time(11, 15))
    page.form.end_field.changed.emit()
    assert timer.text() == "45 min" and not timer._timer.isActive()


def test_elapsed_text_edges():
    day = date(2026, 11, 24)
    assert elapsed_text(day, None, None, datetime(2026, 11, 24, 10, 0)) == ""
    assert elapsed_text(day, time(10, 0), None, datetime(2026, 11, 25, 10, 5)) == ""  # another day
    assert elapsed_text(day, time(10, 0), None, datetime(2026, 11, 24, 9, 55)) == ""  # not started
    assert elapsed_text(day, time(9, 0), None, datetime(2026, 11, 24, 10, 5, 7)) == "1:05:07 since 09:00"


def test_the_edit_menu_acts_on_the_focused_field_and_inserts_the_time(qtbot, clock):
    window = QMainWindow()
    qtbot.addWidget(window)
    body = QWidget()
    layout = QVBoxLayout(body)
    notes = QPlainTextEdit()
    layout.addWidget(notes)
    window.setCentralWidget(body)
    edit = EditMenu(window, clock=clock)
    window.show()
    qtbot.waitExposed(window)
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes)
    qtbot.keyClicks(notes, "Pupils in pairs")
    qtbot.keyClick(notes, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # Insert time
    assert notes.toPlainText() == "Pupils in pairs10:30 "
    edit.actions["undo"].trigger()
    assert notes.toPlainText() == "Pupils in pairs"
    edit.actions["redo"].trigger()
    assert notes.toPlainText() == "Pupils in pairs10:30 "
    edit.actions["selectAll"].trigger()
    edit.actions["cut"].trigger()
    assert notes.toPlainText() == ""
    edit.actions["paste"].trigger()
    assert notes.toPlainText() == "Pupils in pairs10:30 "
    titles = [a.text() for a in edit.menu.actions() if a.text()]
    assert titles == ["&Undo", "&Redo", "Cu&t", "&Copy", "&Paste", "Select &all", "&Insert time"]
    assert edit.actions["undo"].shortcutContext() == Qt.ShortcutContext.WidgetShortcut  # no clash with Ctrl+Z


def test_the_main_window_has_the_edit_menu_and_ctrl_t_types_the_time_into_a_capture_form(qtbot, unlocked_window):
    window = unlocked_window
    titles = [m.title() for m in window.menuBar().findChildren(type(window.edit_menu.menu))
              if m.parent() is window.menuBar()]
    assert "&Edit" in titles
    window.workspace.evidence_page.new_evidence(EvidenceKind.OBSERVATION)
    notes = window.workspace.evidence_page.form.editors["notes"]
    notes.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is notes)
    qtbot.keyClick(notes, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert notes.toPlainText().endswith(" ") and notes.toPlainText()[2] == ":"  # "10:42 "


def test_interview_prompts_follow_the_questions_and_the_group_and_insert_into_the_notes(qtbot, page, store,
                                                                                       review_id):
    review = store.review(review_id)
    page.new_evidence(EvidenceKind.INTERVIEW)
    form = page.form
    panel = form.prompt_panel
    assert panel is not None
    assert "How is this planned and taught across the school?" in panel.prompts()  # staff by default
    first = review.questions[0]
    form.questions.set_selected((first.id,))
    form.questions.changed.emit()
    assert panel.prompts()[0] == first.text
    form.editors["participants"].setCurrentIndex(form.editors["participants"].findData("pupils"))
    assert "What helps you when you find something hard?" in panel.prompts()
    prompts = form.editors["prompts"]
    panel.list.setCurrentRow(0)
    panel.list.setFocus()
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert prompts.toPlainText() == f"Q: {first.text}\n"
    assert prompts.hasFocus() or QApplication.focusWidget() is prompts
    qtbot.keyClicks(prompts, "They read every day.")
    panel.insert("What helps you when you find something hard?")
    assert prompts.toPlainText().endswith("They read every day.\n\nQ: What helps you when you find something hard?\n")
    assert page.flush()
    assert store.get_evidence(review_id, form.evidence_id).prompts == prompts.toPlainText()


def test_observations_have_no_prompt_panel(qtbot, page):
    page.new_evidence(EvidenceKind.OBSERVATION)
    assert page.form.prompt_panel is None


def test_a_focus_group_starts_with_several_pupils_and_an_interview_with_one_member_of_staff(qtbot, page, store,
                                                                                           review_id):
    group = page.new_evidence(EvidenceKind.FOCUS_GROUP)
    assert (group.participants, group.participant_count) == ("pupils", 6)
    assert page.form.editors["participant_count"].value() == 6
    interview = page.new_evidence(EvidenceKind.INTERVIEW)
    assert (interview.participants, interview.participant_count) == ("staff", 1)
    # Switching kind moves the untouched defaults along; a chosen number stays.
    kind = page.form.kind_combo
    kind.setCurrentIndex(kind.findData(EvidenceKind.FOCUS_GROUP.value))
    saved = store.get_evidence(review_id, interview.id)
    assert (saved.kind, saved.participants, saved.participant_count) == (EvidenceKind.FOCUS_GROUP, "pupils", 6)
    page.form.editors["participant_count"].setValue(9)
    kind.setCurrentIndex(kind.findData(EvidenceKind.INTERVIEW.value))
    assert page.flush()
    assert store.get_evidence(review_id, interview.id).participant_count == 9


def test_an_interview_has_a_role_and_a_survey_its_main_text(qtbot, page, store, data_dir, review_id):
    interview = page.new_evidence(EvidenceKind.INTERVIEW)
    qtbot.keyClicks(page.form.editors["role"], "SENCo")
    assert page.flush()
    saved = store.get_evidence(review_id, interview.id)
    assert saved.role == "SENCo"
    row = page.list.model.row_of(interview.id)
    assert page.list.model.index(row, 2).data() == "Staff: SENCo (1)"
    survey = page.new_evidence(EvidenceKind.SURVEY)
    content = page.form.editors["content"]
    assert isinstance(content, QPlainTextEdit) and page.form.hints["content"] is not None  # a main text area
    qtbot.keyClicks(content, "82% of pupils said they read at home most days.")
    assert page.flush()
    assert store.get_evidence(review_id, survey.id).content == "82% of pupils said they read at home most days."
    exported = store.export_package(review_id)
    assert any(e.get("content") == "82% of pupils said they read at home most days." for e in exported["evidence"])
