"""Recording the conversation from Present: outcomes and the head's comments by keyboard, PgDn reads a
long question before moving on, the head's overall comment on the last slide, Present from any page."""

from __future__ import annotations

from PySide6.QtCore import Qt

from spp_desktop.domain.findings import FindingStatus
from spp_desktop.ui.review.feedback_view import FeedbackView


def view_of(qtbot, store, review_id) -> FeedbackView:
    view = FeedbackView(store, review_id)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    return view


def finding_of(store, review_id, finding_id):
    return next(f for f in store.findings(review_id) if f.id == finding_id)


def test_marks_and_comments_typed_in_present_are_saved(qtbot, demo_store, widget_texts):
    store, review_id = demo_store
    view = view_of(qtbot, store, review_id)
    window = view.present()
    qtbot.waitExposed(window)
    first = window._slide_findings[0]
    second = window._slide_findings[1]
    qtbot.keyClick(window, Qt.Key.Key_Down)  # choose the first finding
    assert window.selected_finding.id == first.id
    qtbot.keyClick(window, Qt.Key.Key_A)
    assert finding_of(store, review_id, first.id).status == FindingStatus.AGREED
    qtbot.keyClick(window, Qt.Key.Key_Down)
    qtbot.keyClick(window, Qt.Key.Key_E)
    assert finding_of(store, review_id, second.id).status == FindingStatus.TO_EXPLORE
    assert window.selected_finding.id == second.id  # the place is kept after a mark

    qtbot.keyClick(window, Qt.Key.Key_C)
    assert window.comment_edit.isVisible()  # (and has the keyboard focus: see the walk-through)
    qtbot.keyClicks(window.comment_edit, "We see this in Year 5 too.")
    qtbot.keyClick(window.comment_edit, Qt.Key.Key_Return)
    assert finding_of(store, review_id, second.id).head_comment == "We see this in Year 5 too."
    assert "We see this in Year 5 too." in "\n".join(widget_texts(window))  # on the slide at once
    assert not window.comment_edit.isVisible() and window.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_C)
    qtbot.keyClicks(window.comment_edit, "dropped")
    qtbot.keyClick(window.comment_edit, Qt.Key.Key_Escape)  # drops the comment, stays in Present
    assert window.isVisible() and finding_of(store, review_id, second.id).head_comment == "We see this in Year 5 too."

    view.finish_building()
    assert view.cards[second.id].finding.status == FindingStatus.TO_EXPLORE  # the Feedback page follows

    qtbot.keyClick(window, Qt.Key.Key_End)  # the last slide: the overall comment
    assert "The headteacher's overall comment" in "\n".join(widget_texts(window))
    qtbot.keyClick(window, Qt.Key.Key_C)
    qtbot.keyClicks(window.comment_edit, "A thorough, kind review.")
    qtbot.keyClick(window.comment_edit, Qt.Key.Key_Return)
    assert store.outcome(review_id).head_comment == "A thorough, kind review."
    assert "A thorough, kind review." in "\n".join(widget_texts(window))
    window.close()


def test_page_down_scrolls_a_long_question_before_moving_on(qtbot, demo_store):
    store, review_id = demo_store
    view = view_of(qtbot, store, review_id)
    window = view.present()
    qtbot.waitExposed(window)
    window.resize(900, 300)  # a short screen: the first question does not fit
    qtbot.wait(20)
    window.go(0)
    bar = window.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    presses = 0
    while window.index == 0 and presses < 50:
        before = bar.value()
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
        presses += 1
        if window.index == 0:
            assert bar.value() > before  # it scrolled
    assert presses >= 2 and window.index == 1 and bar.value() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageUp)  # at the top of question 2: back to question 1
    assert window.index == 0
    window.close()


def test_present_and_export_are_in_the_review_menu_from_any_page(qtbot, unlocked_window):
    window = unlocked_window
    assert window.workspace.current_page_name() == "plan"
    menu_actions = window.review_menu.actions()
    assert window.act_present in menu_actions and window.act_export_pdf in menu_actions
    qtbot.keyClick(window, Qt.Key.Key_F5)  # from the Plan page
    feedback = window.workspace.page("feedback")
    qtbot.waitUntil(lambda: feedback.presentation is not None)
    assert window.workspace.current_page_name() == "feedback"
    feedback.presentation.close()
