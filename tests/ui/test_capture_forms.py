"""Capture forms with real widgets and a real encrypted store: typing is saved, by itself and on
flush/close, and survives closing and unlocking the store again."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, time  # noqa: E402

import pytest  # noqa: E402

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox  # noqa: E402

from spp_desktop.demo import demo_package  # noqa: E402
from spp_desktop.domain.evidence import EvidenceKind  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.review.evidence_page import EvidencePage  # noqa: E402

PASS = "correct horse battery staple"
CLOCK = datetime(2026, 11, 24, 10, 32, 5)


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
def page(qtbot, store, review_id):
    p = EvidencePage(store, review_id, clock=lambda: CLOCK)
    qtbot.addWidget(p)
    p.resize(1366, 768)
    p.show()
    return p


def _type(qtbot, editor, text):
    if isinstance(editor, QSpinBox):
        editor.selectAll()
    qtbot.keyClicks(editor, text)


def _reopened(store, data_dir, review_id, evidence_id):
    store.close()
    again = ReviewStore.unlock(data_dir, PASS)
    try:
        return again.get_evidence(review_id, evidence_id)
    finally:
        again.close()


FORMS = {
    EvidenceKind.OBSERVATION: {
        "class_name": "Year 4 (Oak class)", "subject": "Guided reading", "staff": "Class teacher (RM)",
        "seen": "Pupils read aloud in pairs; the teacher modelled expression.",
        "pupil_voice": "We learn the tricky words first.",
    },
    EvidenceKind.FOCUS_GROUP: {"participant_count": "8", "prompts": "What helps you when a word is hard?"},
    EvidenceKind.BOOK_SCRUTINY: {
        "year_group": "Year 5", "subject": "English", "book_count": "12", "sample": "disadvantaged, SEND",
        "looked_at": "Written answers to inference questions since September.",
    },
    EvidenceKind.SURVEY: {"title": "Pupil reading survey", "source_detail": "School council, October"},
}


@pytest.mark.parametrize("kind", list(FORMS), ids=lambda k: k.value)
def test_typing_into_each_form_is_there_after_reopening_the_store(qtbot, page, store, data_dir, review_id, kind):
    created = page.new_evidence(kind)
    form = page.form
    assert created is not None and form.evidence_id == created.id
    typed = dict(FORMS[kind])
    typed["notes"] = "Most pupils explained their method to a partner."
    typed["reviewer_notes"] = "Check the Year 6 lesson for the same routine."
    for name, text in typed.items():
        _type(qtbot, form.editors[name], text)
    qtbot.keyClicks(form.tags.edit, "fluency,vocabulary")
    qtbot.keyClick(form.tags.edit, Qt.Key.Key_Return)
    assert page.flush() is True
    page.close()

    saved = _reopened(store, data_dir, review_id, created.id)
    assert saved.kind == kind
    for name, text in typed.items():
        value = getattr(saved, name)
        assert (str(value) if isinstance(value, int) else value) == text, name
    assert saved.tags == ("fluency", "vocabulary")
    assert saved.day == CLOCK.date() and saved.start == time(10, 32)


def test_autosave_fires_by_itself_after_typing_pauses(qtbot, page, store, review_id, monkeypatch):
    page.new_evidence(EvidenceKind.OBSERVATION)
    form = page.form
    qtbot.keyClicks(form.editors["class_name"], "Y3")  # the first input creates the record
    assert form.flush() and not form.pending
    calls = []
    real = store.update_evidence
    monkeypatch.setattr(store, "update_evidence", lambda *a, **k: calls.append(k) or real(*a, **k))
    statuses = []
    page.status_changed.connect(statuses.append)

    qtbot.keyClicks(form.editors["seen"], "Pupils used the word mat.")
    assert calls == []  # keystrokes only restart the timer: no I/O while typing
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=3000)
    assert calls[0]["seen"] == "Pupils used the word mat."
    assert set(calls[0]) == {"seen"}  # only the changed field is written
    assert statuses[-1] == "Saved 10:32"
    assert form.status_label.text() == "Saved 10:32"
    assert store.get_evidence(review_id, form.evidence_id).seen == "Pupils used the word mat."
    qtbot.wait(50)
    assert len(calls) == 1  # nothing more to save


def test_focus_out_saves(qtbot, page, store, review_id):
    page.new_evidence(EvidenceKind.OBSERVATION)
    form = page.form
    form.activateWindow()
    form.editors["class_name"].setFocus()
    qtbot.waitUntil(lambda: form.editors["class_name"].hasFocus(), timeout=2000)
    qtbot.keyClicks(form.editors["class_name"], "Year 3")
    form.editors["subject"].setFocus()
    qtbot.waitUntil(lambda: store.get_evidence(review_id, form.evidence_id).class_name == "Year 3", timeout=500)


def test_closing_the_page_mid_typing_saves(qtbot, page, store, review_id):
    created = page.new_evidence(EvidenceKind.INTERVIEW)
    qtbot.keyClicks(page.form.editors["notes"], "Leaders described the catch-up programme.")
    page.close()  # no wait for the debounce
    assert store.get_evidence(review_id, created.id).notes == "Leaders described the catch-up programme."


def test_switching_records_saves_the_one_left(qtbot, page, store, review_id):
    first = page.new_evidence(EvidenceKind.OBSERVATION)
    qtbot.keyClicks(page.form.editors["notes"], "First record.")
    second = page.new_evidence(EvidenceKind.DOCUMENT)
    assert page.form.evidence_id == second.id
    assert store.get_evidence(review_id, first.id).notes == "First record."
    assert page.open_evidence(first.id)
    assert page.form.editors["notes"].toPlainText() == "First record."


def test_kind_switch_within_the_family(qtbot, page, store, review_id):
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    form = page.form
    assert [form.kind_combo.itemData(i) for i in range(form.kind_combo.count())] == ["observation", "learning_walk"]
    form.kind_combo.setCurrentIndex(1)
    assert store.get_evidence(review_id, created.id).kind == EvidenceKind.LEARNING_WALK
    assert form.heading.text() == "Learning walk"
    row = page.list.model.row_of(created.id)
    assert page.list.model.index(row, 1).data() == "Learning walk"


def test_one_click_links_an_enquiry_question(qtbot, page, store, review_id):
    created = page.new_evidence(EvidenceKind.BOOK_SCRUTINY)
    review = store.review(review_id)
    chip = page.form.questions.chip(review.questions[1].id)
    assert review.questions[1].text in chip.toolTip()
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert store.get_evidence(review_id, created.id).question_ids == (review.questions[1].id,)
    row = page.list.model.row_of(created.id)
    assert page.list.model.index(row, 3).data() == "Q2"
    qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert store.get_evidence(review_id, created.id).question_ids == ()


def test_tags_by_comma_and_enter_and_removed_by_click(qtbot, page, store, review_id):
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    tags = page.form.tags
    qtbot.keyClicks(tags.edit, "phonics, fluency,")
    qtbot.keyClicks(tags.edit, "Phonics")  # the same tag in other letters is not added twice
    qtbot.keyClick(tags.edit, Qt.Key.Key_Return)
    assert tags.tags() == ("phonics", "fluency")
    qtbot.mouseClick(tags.chip_buttons()[0], Qt.MouseButton.LeftButton)
    assert tags.tags() == ("fluency",)
    qtbot.keyClicks(tags.edit, "SEND")  # still being typed: saved too
    assert page.flush()
    assert store.get_evidence(review_id, created.id).tags == ("fluency", "SEND")


def test_now_buttons_set_the_times(qtbot, page, store, review_id):
    created = page.new_evidence(EvidenceKind.INTERVIEW)
    form = page.form
    form.start_field.set_value(None)
    assert form.start_field.value() is None and form.start_field.edit.text() == "--:--"
    qtbot.mouseClick(form.start_field.now_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.end_field.now_button, Qt.MouseButton.LeftButton)
    assert page.flush()
    saved = store.get_evidence(review_id, created.id)
    assert saved.start == saved.end == time(10, 32)


def test_a_schedule_slot_prefills_the_new_record(qtbot, page, store, review_id):
    review = store.review(review_id)
    slot = next(s for s in review.schedule if s.activity == "observation" and s.location)
    created = page.new_evidence(EvidenceKind.OBSERVATION, slot)
    assert (created.day, created.start, created.end, created.slot_id) == (slot.day, slot.start, slot.end, slot.id)
    assert created.class_name == slot.location
    assert page.form.editors["class_name"].text() == slot.location
    assert page.form.start_field.value() == slot.start


@pytest.mark.parametrize("phrase", ["an outstanding lesson", "It was a good lesson"])
def test_language_hint_appears_and_goes_when_fixed(qtbot, page, phrase):
    page.new_evidence(EvidenceKind.OBSERVATION)
    notes = page.form.editors["notes"]
    hint = page.form.hints["notes"]
    assert not hint.showing
    qtbot.keyClicks(notes, f"Pupils said it was {phrase}")
    assert notes.toPlainText() == f"Pupils said it was {phrase}"  # typing is never blocked
    qtbot.waitUntil(lambda: hint.showing, timeout=2000)
    assert "Describe what was seen" in hint.text()
    assert phrase.split()[-2] in hint.text()  # quotes the phrase
    notes.selectAll()
    qtbot.keyClicks(notes, "Pupils explained their reasoning to a partner.")
    qtbot.waitUntil(lambda: not hint.showing, timeout=2000)


def test_a_fifty_page_paste_saves_and_typing_after_it_is_kept(qtbot, page, store, data_dir, review_id,
                                                              monkeypatch):
    # How quick each keystroke stays in a 150 kB note is measured by benchmarks/bench_capture.py (a
    # timing bound here failed on a loaded machine); this checks what makes it quick and that nothing
    # is lost: a keystroke changes one character of the document (nothing rewrites the whole note) and
    # writes nothing; the one save after it holds the whole text.
    created = page.new_evidence(EvidenceKind.OBSERVATION)
    notes = page.form.editors["notes"]
    assert isinstance(notes, QPlainTextEdit)
    paragraph = "Pupils read the passage aloud in pairs and answered questions about the characters. "
    big = paragraph * (150_000 // len(paragraph))
    notes.insertPlainText(big)
    assert page.flush()
    saves = []
    real = store.update_evidence
    monkeypatch.setattr(store, "update_evidence", lambda *a, **k: saves.append(k) or real(*a, **k))
    edits = []
    notes.document().contentsChange.connect(lambda at, removed, added: edits.append((at, removed, added)))
    typed = "and the class discussed it"
    qtbot.keyClicks(notes, typed)
    assert saves == []  # keystrokes only restart the autosave timer
    assert edits == [(len(big) + i, 0, 1) for i in range(len(typed))]  # one character added each, at the end
    assert page.flush()
    assert [set(k) for k in saves] == [{"notes"}]
    page.close()
    saved = _reopened(store, data_dir, review_id, created.id)
    assert saved.notes == big + typed


def _tab_stops(start):
    stops, widget = [], start
    while True:
        if widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and widget.focusProxy() is None and not widget.objectName().startswith("qt_"):
            stops.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            return stops


def test_tab_order_follows_the_form_top_to_bottom(qtbot, page, store, review_id):
    created = store.create_evidence(review_id, EvidenceKind.OBSERVATION, tags=("fluency", "phonics"))
    page.refresh()
    assert page.open_evidence(next(e.id for e in store.evidence(review_id) if e.id != created.id))
    assert page.open_evidence(created.id)  # a fresh form, with tag chips made after the rest
    form = page.form
    stops = _tab_stops(page.list.search)
    expected = [page.list.search, page.list.table, form.kind_combo, form.day_edit, form.start_field.edit,
                form.start_field.now_button, form.end_field.edit, *form.questions.chips(),
                form.editors["class_name"], form.editors["seen"], form.editors["pupil_voice"],
                *form.tags.chip_buttons(), form.tags.edit, form.editors["notes"], form.editors["reviewer_notes"],
                form.photo_strip.attach_button]
    positions = [stops.index(w) if w in stops else -1 for w in expected]
    assert -1 not in positions, [type(w).__name__ for w, p in zip(expected, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
