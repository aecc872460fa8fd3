"""Locking keeps the reviewer's place: unlock returns to the same record, field and cursor; the idle
lock warns first; the lock screen says the typing was saved; quitting reminds about unsynced changes."""

from __future__ import annotations

import os

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from spp_desktop.demo import DEMO_PASSPHRASE
from spp_desktop.ui.main_window import LOCKED_TITLE
from spp_desktop.ui.quit_guard import CANCEL, QUIT
from spp_desktop.ui.window_fit import fitted_size, restore_geometry


def unlock(qtbot, window) -> None:
    screen = window.lock_screen
    qtbot.keyClicks(screen.passphrase, DEMO_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=15_000)


def open_observation_and_type(qtbot, window, text: str):
    plan = window.workspace.plan_page
    row = next(r for r, s in enumerate(plan.visible_slots()) if s.activity == "observation")
    plan.activate_row(row)
    page = window.workspace.evidence_page
    if page.slot_notice.isVisibleTo(page):  # the demo has this slot already: start a fresh record
        page.slot_notice.start_button.click()
    form = page.form
    editor = form.editors["seen"]
    editor.setFocus()
    qtbot.keyClicks(editor, text)
    return form, editor


def test_unlock_returns_to_the_same_record_field_and_cursor(qtbot, unlocked_window):
    form, editor = open_observation_and_type(qtbot, unlocked_window, "Pupils read aloud in pairs")
    evidence_id = form.evidence_id
    cursor = editor.textCursor()
    cursor.setPosition(7)  # the reviewer went back to fix a word: "Pupils |read"
    editor.setTextCursor(cursor)

    qtbot.keyClick(unlocked_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert unlocked_window.is_locked
    assert unlocked_window.windowTitle() == LOCKED_TITLE == "Locked"  # Qt adds " — SPP Desktop" once
    notice = unlocked_window.lock_screen.notice_label.text()
    assert "Everything you typed was saved" in notice
    unlock(qtbot, unlocked_window)

    workspace = unlocked_window.workspace
    assert workspace.current_page_name() == "evidence"
    form = workspace.evidence_page.form
    assert form is not None and form.evidence_id == evidence_id
    editor = form.editors["seen"]
    assert editor.toPlainText() == "Pupils read aloud in pairs"
    qtbot.waitUntil(editor.hasFocus)
    assert editor.textCursor().position() == 7
    qtbot.keyClicks(editor, "all ")  # typing carries on at the cursor, nowhere else
    assert editor.toPlainText() == "Pupils all read aloud in pairs"


def test_idle_lock_warns_first_then_says_the_typing_was_saved(qtbot, unlocked_window, idle_clock):
    window, idle = unlocked_window, unlocked_window.idle_lock
    idle_clock.advance(250)
    assert not idle.check()
    assert not window.lock_warning.isVisible()
    idle_clock.advance(30)  # 20 s left
    assert not idle.check()
    assert window.lock_warning.isVisible()
    assert "Locking in 20 s" in window.lock_warning.text()
    qtbot.keyClick(window.workspace.plan_page.table, Qt.Key.Key_Down)  # the reviewer is still there
    assert not window.lock_warning.isVisible()

    idle_clock.advance(301)
    assert idle.check()
    assert window.is_locked and not window.lock_warning.isVisible()
    notice = window.lock_screen.notice_label.text()
    assert "after 5 minutes without use" in notice and "Everything you typed was saved" in notice
    assert window.lock_screen.notice_box.isVisibleTo(window.lock_screen)


def test_window_fits_the_screens_free_area():
    assert fitted_size(QSize(1280, 760), QRect(0, 0, 1366, 728)) == QSize(1280, 688)  # a 1366x768 laptop
    assert fitted_size(QSize(1280, 760), QRect(0, 0, 1920, 1040)) == QSize(1280, 760)
    window = QMainWindow()
    area = window.screen().availableGeometry()
    restore_geometry(window, "")  # first start: the default size, shrunk to the screen
    assert window.width() <= area.width() and window.height() <= area.height()
    window.deleteLater()


def make_syncable(store, review_id) -> None:
    store.replica.set_team_key(review_id, os.urandom(32))  # as if checked out from the server


def test_quit_with_unsynced_changes_asks_first(qtbot, unlocked_window, demo_store):
    store, review_id = demo_store
    make_syncable(store, review_id)
    open_observation_and_type(qtbot, unlocked_window, "Pupils read aloud")  # changes the team has not got
    asked: list[int] = []

    def answer(parent, count, *, can_export):
        asked.append(count)
        return CANCEL

    unlocked_window.quit_guard.ask = answer
    qtbot.keyClick(unlocked_window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked and asked[0] == store.unsynced_count(review_id) > 0
    assert unlocked_window.isVisible() and not unlocked_window.is_locked  # Cancel: still open

    unlocked_window.quit_guard.ask = lambda *_a, **_k: QUIT
    unlocked_window.request_quit()
    assert not unlocked_window.isVisible()


def test_quit_without_a_review_that_syncs_does_not_ask(qtbot, unlocked_window):
    asked: list[int] = []
    unlocked_window.quit_guard.ask = lambda _p, count, **_k: asked.append(count) or CANCEL
    unlocked_window.request_quit()  # the demo review was imported, not checked out: nowhere to sync it
    assert asked == [] and not unlocked_window.isVisible()
    assert QApplication.instance() is not None
