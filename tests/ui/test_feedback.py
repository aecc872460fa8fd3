"""Feedback conversation and presentation mode: names hidden until toggled, reviewer-only notes never shown, marks
and comments saved as you type and still there after reopening the store, arrow keys, PDF export."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from spp_desktop.demo import DEMO_PASSPHRASE as TEST_PASSPHRASE  # the conftest store passphrase
from spp_desktop.demo import demo_package
from spp_desktop.domain.findings import FindingStatus
from spp_desktop.reports.model import NothingToReport
from spp_desktop.store.keys import FAST_TEST_KDF
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.review.feedback_view import NOT_ENCRYPTED, OUTCOME, FeedbackView
from tests.helpers import PASSPHRASE, small_package


def _secrets() -> tuple[str, str, str, str]:
    """(staff, evidence note, finding reviewer-only note, headteacher) strings from the demo JSON that the
    school must not see unless the lead shows them: the staff field and notes of an evidence record
    linked to a finding, a finding's reviewer_notes, and the headteacher's name."""
    doc = demo_package()
    linked = {i for f in doc["findings"] for i in f.get("evidence_ids", [])}
    record = next(e for e in doc["evidence"] if e["id"] in linked and e.get("staff") and e.get("notes"))
    note = next(f["reviewer_notes"] for f in doc["findings"] if f.get("reviewer_notes"))
    return record["staff"], record["notes"][:60], note[:60], doc["review"]["headteacher"]


def _reviewer_only() -> list[str]:
    """Every reviewer-only note of the demo (of findings, and of evidence linked to a finding): text that
    is never drawn on the Feedback page or in Present, whatever is toggled."""
    doc = demo_package()
    linked = {i for f in doc["findings"] for i in f.get("evidence_ids", [])}
    notes = [f["reviewer_notes"] for f in doc["findings"] if f.get("reviewer_notes", "").strip()]
    notes += [e["reviewer_notes"] for e in doc["evidence"] if e["id"] in linked and e.get("reviewer_notes", "").strip()]
    assert len(notes) >= 3  # the demo has some of each, or this test checks nothing
    return [n.strip()[:40] for n in notes]


def _view(qtbot, store, review_id, **kwargs) -> FeedbackView:
    view = FeedbackView(store, review_id, **kwargs)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def _all_texts(view: FeedbackView, widget_texts) -> str:
    """Every string in the view's widgets, visiting every question and the outcome page."""
    seen = []
    for item in view.question_ids():
        view.show_item(item)
        view.finish_building()
        seen.extend(widget_texts(view))
    return "\n".join(seen)


def test_names_and_notes_hidden_until_toggled(qtbot, demo_store, widget_texts):
    store, review_id = demo_store
    view = _view(qtbot, store, review_id)
    secrets = _secrets()
    assert not view.names.isChecked()
    hidden = _all_texts(view, widget_texts)
    for secret in secrets:
        assert secret not in hidden

    view.show_item(view.question_ids()[0])
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.names.setFocus()
    qtbot.keyClick(view.names, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert not view.names.isChecked()  # Ctrl+H is Cmd+H on macOS, which hides the app: not ours
    qtbot.keyClick(view.names, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.names.isChecked()
    assert "Ctrl+Shift+H" in view.names.text() and "Ctrl+Shift+H" in view.privacy_note.text()
    shown = _all_texts(view, widget_texts)
    staff, note, reviewer_note, head = secrets
    for secret in (staff, note, head):
        assert secret in shown
    for private in [reviewer_note, *_reviewer_only()]:
        assert private not in shown  # reviewer-only: never on this page, even with names showing

    qtbot.keyClick(view.names, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    again = _all_texts(view, widget_texts)
    for secret in secrets:
        assert secret not in again


def test_presentation_hides_names_moves_with_arrows_and_leaves_with_escape(qtbot, demo_store, widget_texts):
    store, review_id = demo_store
    view = _view(qtbot, store, review_id)
    staff, note, reviewer_note, head = _secrets()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.present_button.setFocus()
    qtbot.keyClick(view.present_button, Qt.Key.Key_F5)
    window = view.presentation
    assert window is not None
    qtbot.waitExposed(window)
    assert window.isFullScreen() and window.index == 0

    def slide_text() -> str:
        return "\n".join(widget_texts(window))

    texts = []
    for step in range(window.slide_count):
        texts.append(slide_text())
        qtbot.keyClick(window, Qt.Key.Key_Right)
        assert window.index == min(step + 1, window.slide_count - 1)
    joined = "\n".join(texts)
    for secret in (staff, note, reviewer_note, head):
        assert secret not in joined
    # the questions, in order, one per slide
    for i, q in enumerate(view.snapshot.questions):
        assert q.text in texts[i]
        assert all(other.text not in texts[i] for other in view.snapshot.questions if other is not q)

    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.index == window.slide_count - 3
    assert view.current == view.question_ids()[window.index]  # the feedback screen follows
    for _ in range(20):  # a presenter's clicker: PgDn reads the rest of a long question, then moves on
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
        if window.index != window.slide_count - 3:
            break
    assert window.index == window.slide_count - 2

    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert not window.show_names  # not Ctrl+H (Cmd+H on macOS hides the app)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.names.isChecked() and window.show_names
    assert "Ctrl+Shift+H" in window.privacy.text()
    window.go(0)
    assert staff in slide_text() or note in slide_text()
    every_slide = []
    for i in range(window.slide_count):
        window.go(i)
        every_slide.append(slide_text())
    for private in [reviewer_note, *_reviewer_only()]:
        assert private not in "\n".join(every_slide)  # never on the projector, whatever is toggled
    window.go(0)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not view.names.isChecked()
    assert staff not in slide_text() and note not in slide_text()

    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.presentation is None)
    assert view.current == view.question_ids()[1]


def test_type_scales_with_the_screen_height(qtbot, demo_store):
    store, review_id = demo_store
    view = _view(qtbot, store, review_id)
    window = view.present()
    window.showNormal()
    window.resize(1280, 720)
    qtbot.waitUntil(lambda: window.height() == 720)
    small = window.font_for(1.0).pixelSize()
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: window.height() == 1080)
    large = window.font_for(1.0).pixelSize()
    assert large > small >= 14
    window.close()


def test_marks_and_comments_persist_after_reopening(qtbot, demo_store, data_dir):
    store, review_id = demo_store
    view = _view(qtbot, store, review_id)
    question = view.snapshot.questions[1]
    view.show_item(question.id)
    view.finish_building()
    first, second, third = [view.cards[f.id] for f in view.snapshot.findings_for(question.id)][:3]
    qtbot.mouseClick(first.buttons[FindingStatus.AGREED], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(first.comment, "Yes, and we saw the same in our own drop-ins.")
    qtbot.mouseClick(second.buttons[FindingStatus.TO_EXPLORE], Qt.MouseButton.LeftButton)
    # amend in place: choosing "Agreed as amended", then editing the wording
    qtbot.mouseClick(third.buttons[FindingStatus.AMENDED], Qt.MouseButton.LeftButton)
    third.text.moveCursor(third.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(third.text, " Leaders will look at this first.")
    qtbot.waitUntil(lambda: store.get_finding(review_id, first.finding.id).head_comment.startswith("Yes"),
                    timeout=3000)  # saved as you type
    assert view.flush()
    view.close()
    store.close()

    reopened = ReviewStore.unlock(data_dir, TEST_PASSPHRASE)
    try:
        a, b, c = (reopened.get_finding(review_id, card.finding.id) for card in (first, second, third))
        assert a.status == FindingStatus.AGREED
        assert a.head_comment == "Yes, and we saw the same in our own drop-ins."
        assert b.status == FindingStatus.TO_EXPLORE
        assert c.status == FindingStatus.AMENDED and c.text.endswith("Leaders will look at this first.")
        view2 = _view(qtbot, reopened, review_id)
        view2.show_item(question.id)
        view2.finish_building()
        assert view2.cards[a.id].buttons[FindingStatus.AGREED].isChecked()
        assert view2.cards[a.id].comment.toPlainText() == a.head_comment
    finally:
        reopened.close()


def test_editing_agreed_wording_marks_it_amended(qtbot, demo_store):
    store, review_id = demo_store
    view = _view(qtbot, store, review_id)
    agreed = next(f for f in view.snapshot.findings if f.status == FindingStatus.AGREED)
    view.show_item(agreed.question_id)
    view.finish_building()
    card = view.cards[agreed.id]
    card.text.moveCursor(card.text.textCursor().MoveOperation.End)
    qtbot.keyClicks(card.text, " (amended)")
    assert card.buttons[FindingStatus.AMENDED].isChecked()
    view.flush()
    saved = store.get_finding(review_id, agreed.id)
    assert saved.status == FindingStatus.AMENDED and saved.text.endswith("(amended)")


def test_outcome_priority_next_steps_and_checkin_persist(qtbot, demo_store, data_dir):
    store, review_id = demo_store
    view = _view(qtbot, store, review_id)
    view.show_item(OUTCOME)
    form = view.outcome_form
    start = store.review(review_id).start_date
    assert form.checkin.date().toPython() == start + timedelta(days=90)
    assert form.checkin.calendarPopup()
    qtbot.keyClicks(form.priority, "Written responses to reading build from Year 3 to Year 6.")
    row = form.add_action()
    qtbot.keyClicks(row.text, "Map how written answers step up each year")
    qtbot.keyClicks(row.owner, "English lead")
    row.has_due.setChecked(True)
    row.due.setDate(row.due.date().fromString("2027-01-15", "yyyy-MM-dd"))
    qtbot.keyClicks(form.head_comment, "A useful day.")
    assert view.flush()
    view.close()
    store.close()

    reopened = ReviewStore.unlock(data_dir, TEST_PASSPHRASE)
    try:
        outcome = reopened.outcome(review_id)
        assert outcome.improvement_priority.startswith("Written responses")
        assert outcome.checkin_date == start + timedelta(days=90)
        assert outcome.head_comment == "A useful day."
        (action,) = reopened.actions(review_id)
        assert (action.text, action.owner, action.due.isoformat()) == (
            "Map how written answers step up each year", "English lead", "2027-01-15")
    finally:
        reopened.close()


def test_deleted_linked_evidence_shows_the_gap(qtbot, demo_store, widget_texts):
    store, review_id = demo_store
    finding = demo_package()["findings"][0]
    store.delete_evidence(review_id, finding["evidence_ids"][0])
    view = _view(qtbot, store, review_id)
    view.show_item(finding["question_id"])
    view.finish_building()
    card = view.cards[finding["id"]]
    assert "1 linked record is no longer available" in card.evidence.text()
    window = view.present()
    assert "1 linked record is no longer available" in "\n".join(widget_texts(window))
    window.close()


def test_export_pdf_on_a_worker_with_the_not_encrypted_note(qtbot, demo_store, tmp_path: Path):
    store, review_id = demo_store
    out = tmp_path / "out" / "summary"
    out.parent.mkdir()
    asked = []
    view = _view(qtbot, store, review_id, choose_path=lambda suggested: asked.append(suggested) or str(out),
                 confirm_left_out=lambda _parent, _text: True)
    first = view.snapshot.findings[1]
    store.update_finding(review_id, first.id, status=FindingStatus.AGREED)
    task = view.export_pdf()
    assert task is not None and asked and asked[0].endswith(".pdf")
    assert not view.export_button.isEnabled()
    qtbot.waitUntil(lambda: task.done, timeout=15000)
    pdf = out.with_suffix(".pdf")
    assert pdf.exists()
    assert NOT_ENCRYPTED in view.message.text()
    assert view.export_button.isEnabled()
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert store.review(review_id).host_school in text
    staff, _note, reviewer_note, _head = _secrets()
    assert staff not in text and reviewer_note[:30] not in text


def test_export_with_no_findings_says_so(qtbot, tmp_path: Path):
    store = ReviewStore.create(tmp_path / "s", PASSPHRASE, kdf_params=FAST_TEST_KDF)
    try:
        review_id = store.import_package(small_package())
        called = []
        view = _view(qtbot, store, review_id, choose_path=lambda s: called.append(s) or str(tmp_path / "x.pdf"))
        assert view.export_pdf() is None
        assert view.message.text() == str(NothingToReport())
        assert not called and not (tmp_path / "x.pdf").exists()
        view.close()
    finally:
        store.close()


@pytest.mark.parametrize("name", ["findings", "feedback"])
def test_controls_have_accessible_names(qtbot, demo_store, name):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit

    from spp_desktop.ui.review.findings_view import FindingsView

    store, review_id = demo_store
    view = FindingsView(store, review_id) if name == "findings" else FeedbackView(store, review_id)
    qtbot.addWidget(view)
    view.show()
    if name == "feedback":
        view.show_item(OUTCOME)
        view.outcome_form.add_action()
    controls = [w for cls in (QAbstractButton, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit)
                for w in view.findChildren(cls) if w.isVisibleTo(view)
                and type(w).__name__ not in ("QScrollBar",) and w.objectName() != "qt_spinbox_lineedit"]
    unnamed = [type(w).__name__ for w in controls if not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert not unnamed
