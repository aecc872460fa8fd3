"""Lock screen and locking: first run, wrong passphrase, Ctrl+L, auto-lock, suspend, store errors."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from spp_desktop.demo import DEMO_PASSPHRASE
from spp_desktop.domain.evidence import TEXT_FIELDS
from spp_desktop.store.errors import StoreLocked
from spp_desktop.store.repository import ReviewStore
from spp_desktop.ui.lock_screen import LockScreen, retry_delay
from spp_desktop.ui.main_window import LOCKED_TITLE


def secrets_of(store: ReviewStore, review_id: str) -> list[str]:
    """Strings that must not survive locking: the school, people, and every piece of evidence text."""
    review = store.review(review_id)
    found = [review.host_school, review.focus.title, *(m.name for m in review.team),
             *(q.text[:40] for q in review.questions)]
    for item in store.evidence(review_id):
        for name in TEXT_FIELDS:
            value = getattr(item, name, "")
            if isinstance(value, str) and len(value) >= 12:
                found.append(value[:40])
    return found


def assert_locked_and_clean(window, demo_store, secrets, widget_texts) -> None:
    store, review_id = demo_store
    shown = "\n".join(widget_texts())  # every live widget in the application (after deleteLater runs)
    assert window.is_locked
    assert window.windowTitle() == LOCKED_TITLE
    assert window.workspace is None and window.home is None
    assert isinstance(window.stack.currentWidget(), LockScreen)
    leaked = [s for s in secrets if s in shown]
    assert leaked == []
    assert not store.is_open
    with pytest.raises(StoreLocked):
        store.review(review_id)
    with pytest.raises(StoreLocked):
        store.evidence(review_id)


# --- first run -------------------------------------------------------------------------------------
def test_first_run_refuses_weak_and_creates_store_with_strong(qtbot, locked_window, data_dir):
    screen = locked_window.lock_screen
    assert screen.first_run and screen.repeat is not None
    qtbot.keyClicks(screen.passphrase, "password")
    assert "at least 12" in screen.hint.text()
    qtbot.keyClicks(screen.repeat, "password")
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert screen.error.isVisible() and "12 characters" in screen.error.text()
    assert not ReviewStore.exists(data_dir)

    for field in (screen.passphrase, screen.repeat):
        field.clear()
    qtbot.keyClicks(screen.passphrase, "abababababab")  # long enough, but the same few characters
    qtbot.keyClicks(screen.repeat, "abababababab")
    screen.submit()
    assert screen.error.isVisible() and "repeats the same few characters" in screen.error.text()
    assert not ReviewStore.exists(data_dir)

    for field in (screen.passphrase, screen.repeat):
        field.clear()
    qtbot.keyClicks(screen.passphrase, "walnut kettle harbour lantern")
    assert screen.hint.text() == "Strong passphrase."  # four words, 29 characters
    qtbot.keyClicks(screen.repeat, "walnut kettle harbour lanterm")
    screen.submit()
    assert "not the same" in screen.error.text()

    screen.repeat.clear()
    qtbot.keyClicks(screen.repeat, "walnut kettle harbour lantern")
    qtbot.keyClick(screen.repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not locked_window.is_locked, timeout=15_000)
    assert ReviewStore.exists(data_dir)
    assert locked_window.home is not None  # an empty store opens on Home
    assert locked_window.store.list_reviews() == []
    locked_window.lock()
    # The new passphrase unlocks it; nothing of what was typed stays in the lock screen.
    assert locked_window.lock_screen.passphrase.text() == ""
    assert not locked_window.lock_screen.first_run


def test_folder_with_files_is_never_a_first_run(qtbot, tmp_path):
    folder = tmp_path / "partial"
    folder.mkdir()
    (folder / "keyfile.json").write_text("{}")  # a key file whose database has gone missing
    screen = LockScreen(folder)
    qtbot.addWidget(screen)
    assert not screen.first_run


# --- unlocking -------------------------------------------------------------------------------------
def test_retry_delay_doubles_up_to_thirty_seconds():
    assert [retry_delay(n) for n in range(8)] == [0, 1, 2, 4, 8, 16, 30, 30]


def test_wrong_passphrase_says_so_and_waits_longer_each_time(qtbot, demo_store, locked_window):
    demo_store[0].close()
    screen = locked_window.lock_screen
    assert not screen.first_run
    qtbot.keyClicks(screen.passphrase, "not the right one at all")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert screen.busy_now and screen.busy.isVisibleTo(screen)  # the derivation runs in a worker
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=10_000)
    assert screen.error.text() == "That passphrase is not right. Check Caps Lock and try again."
    assert screen.error.text().count(".") == 2  # one plain sentence, and a hint
    assert not screen.button.isEnabled()
    assert screen.button.text() == "Try again in 1 s"
    qtbot.waitUntil(lambda: screen.button.isEnabled(), timeout=3_000)
    assert screen.button.text() == "Unlock"

    screen.submit()  # the same wrong passphrase again: now two seconds
    qtbot.waitUntil(lambda: screen.button.text().startswith("Try again"), timeout=10_000)
    assert screen.button.text() == "Try again in 2 s"
    screen.submit()  # ignored while waiting
    assert locked_window.is_locked


def test_right_passphrase_unlocks_in_the_background(qtbot, demo_store, locked_window, monkeypatch):
    # How long the unlock takes is measured by benchmarks/bench_store.py; this checks that the key
    # derivation (Argon2id, slow on purpose) never runs on the UI thread.
    store, review_id = demo_store
    store.close()
    threads: list[threading.Thread] = []
    derive = ReviewStore.derive_key

    def derive_recording(*args, **kwargs):
        threads.append(threading.current_thread())
        return derive(*args, **kwargs)

    monkeypatch.setattr(ReviewStore, "derive_key", staticmethod(derive_recording))
    screen = locked_window.lock_screen
    qtbot.keyClicks(screen.passphrase, DEMO_PASSPHRASE)
    qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
    assert screen.busy_now and screen.busy.isVisibleTo(screen) and locked_window.is_locked  # back at once
    qtbot.waitUntil(lambda: not locked_window.is_locked, timeout=10_000)
    assert len(threads) == 1 and threads[0] is not threading.main_thread()
    assert locked_window.store.has_review(review_id)
    assert locked_window.windowTitle() == "SPP Desktop"


def test_damaged_key_file_is_reported_and_left_alone(qtbot, demo_store, locked_window, data_dir):
    demo_store[0].close()
    key_file = data_dir / "keyfile.json"
    damaged = key_file.read_bytes()[:40]
    key_file.write_bytes(damaged)
    screen = locked_window.lock_screen
    qtbot.keyClicks(screen.passphrase, DEMO_PASSPHRASE)
    screen.submit()
    qtbot.waitUntil(lambda: screen.problem_box.isVisible(), timeout=10_000)
    assert "damaged or has been altered" in screen.problem_label.text()
    assert key_file.read_bytes() == damaged
    assert locked_window.is_locked


def test_demo_lock_screen_shows_the_passphrase(qtbot, tmp_path):
    screen = LockScreen(tmp_path / "demo", demo_passphrase=DEMO_PASSPHRASE)
    qtbot.addWidget(screen)
    box = screen.findChild(type(screen.problem_box), "demoBox")
    assert box is not None
    assert any(DEMO_PASSPHRASE in label.text() for label in box.findChildren(type(screen.error)))


# --- locking ---------------------------------------------------------------------------------------
def test_ctrl_l_hides_all_content_and_closes_the_store(qtbot, unlocked_window, demo_store, widget_texts):
    store, review_id = demo_store
    secrets = secrets_of(store, review_id)
    unlocked_window.workspace.show_page("evidence")
    unlocked_window.workspace.show_page("plan")
    shown = "\n".join(widget_texts(unlocked_window))
    assert store.review(review_id).host_school in shown  # the test would see a leak
    old_workspace = unlocked_window.workspace

    qtbot.keyClick(unlocked_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert_locked_and_clean(unlocked_window, demo_store, secrets, widget_texts)
    assert not shiboken6.isValid(old_workspace)


def test_lock_button_locks(qtbot, unlocked_window, demo_store, widget_texts):
    store, review_id = demo_store
    secrets = secrets_of(store, review_id)
    button = unlocked_window.toolbar.widgetForAction(unlocked_window.act_lock)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert_locked_and_clean(unlocked_window, demo_store, secrets, widget_texts)


def test_auto_lock_after_idle_time(qtbot, unlocked_window, demo_store, idle_clock, widget_texts):
    store, review_id = demo_store
    secrets = secrets_of(store, review_id)
    idle = unlocked_window.idle_lock
    assert idle.armed and idle.timeout_s == 300

    idle_clock.advance(200)
    assert not idle.check()
    qtbot.keyClick(unlocked_window.workspace.plan_page.table, Qt.Key.Key_Down)  # the user is still here
    idle_clock.advance(200)
    assert not idle.check()
    assert not unlocked_window.is_locked

    idle_clock.advance(101)
    assert idle.check()
    assert_locked_and_clean(unlocked_window, demo_store, secrets, widget_texts)
    assert not idle.armed


def test_auto_lock_follows_the_settings(qtbot, unlocked_window, idle_clock):
    unlocked_window.settings.autolock_minutes = 2
    unlocked_window.idle_lock.set_timeout(120)
    idle_clock.advance(121)
    assert unlocked_window.idle_lock.check()
    assert unlocked_window.is_locked


def test_suspend_locks(qtbot, unlocked_window, idle_clock, wall_clock):
    wall_clock.advance(3_600)  # an hour passed on the wall clock, hardly any on the idle clock
    idle_clock.advance(5)
    assert unlocked_window.idle_lock.check()
    assert unlocked_window.is_locked


def test_application_suspended_state_locks(qtbot, unlocked_window):
    unlocked_window.idle_lock._on_state(Qt.ApplicationState.ApplicationSuspended)
    assert unlocked_window.is_locked


def test_store_file_vanishing_locks_with_a_message_and_writes_nothing(qtbot, unlocked_window, demo_store,
                                                                     data_dir, widget_texts):
    store, review_id = demo_store
    secrets = secrets_of(store, review_id)
    (data_dir / "store.db").unlink()
    unlocked_window.store_watch.check_now()  # the check that otherwise runs every minute, on a worker
    qtbot.waitUntil(lambda: unlocked_window.is_locked, timeout=10_000)
    assert_locked_and_clean(unlocked_window, demo_store, secrets, widget_texts)
    screen = unlocked_window.lock_screen
    assert screen.problem_box.isVisibleTo(screen)
    assert "store.db" in screen.problem_label.text()
    assert not (data_dir / "store.db").exists()  # nothing was written back


def test_locking_closes_open_dialogs(qtbot, unlocked_window):
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Information, "A dialog", "Something about the review", parent=unlocked_window)
    box.open()
    qtbot.waitUntil(box.isVisible)
    unlocked_window.lock()
    assert not box.isVisible()
    assert all(not w.isVisible() for w in QApplication.topLevelWidgets() if w is not unlocked_window
               and w.windowTitle() == "A dialog")


# --- nothing typed is lost by locking or closing (with the real evidence page) -------------------
@pytest.fixture
def typing_in_a_form(qtbot, unlocked_window):
    pytest.importorskip("spp_desktop.ui.review.evidence_page")
    plan = unlocked_window.workspace.plan_page
    row = next(r for r, s in enumerate(plan.visible_slots()) if s.activity == "observation")
    plan.activate_row(row)
    page = unlocked_window.workspace.evidence_page
    if page.slot_notice.isVisibleTo(page):  # the demo has this slot already: start a fresh record
        page.slot_notice.start_button.click()
    form = page.form
    editor = form.editors["seen"]
    editor.setFocus()
    qtbot.keyClicks(editor, "Pupils read the chapter aloud in pairs")  # no pause: autosave has not run
    return form.evidence_id


def reopened_text(data_dir, review_id, evidence_id) -> str:
    store = ReviewStore.open_with(ReviewStore.derive_key(data_dir, DEMO_PASSPHRASE))
    try:
        return store.get_evidence(review_id, evidence_id).seen
    finally:
        store.close()


@pytest.mark.parametrize("how", ["lock", "close"])
def test_typing_is_saved_when_locking_or_closing(qtbot, unlocked_window, demo_store, data_dir, typing_in_a_form, how):
    if how == "lock":
        qtbot.keyClick(unlocked_window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert unlocked_window.is_locked
    else:
        unlocked_window.close()
    assert reopened_text(data_dir, demo_store[1], typing_in_a_form) == "Pupils read the chapter aloud in pairs"


def test_store_error_escaping_a_slot_locks_with_its_message(qtbot, unlocked_window, data_dir):
    import sys

    from spp_desktop.app import _install_store_error_hook
    from spp_desktop.store.errors import StoreCorrupt

    saved = sys.excepthook
    try:
        _install_store_error_hook(unlocked_window)
        error = StoreCorrupt(data_dir / "store.db", "test")
        sys.excepthook(type(error), error, None)
    finally:
        sys.excepthook = saved
    assert unlocked_window.is_locked
    assert "damaged or has been altered" in unlocked_window.lock_screen.problem_label.text()


def test_unlock_leaves_the_whole_file_check_to_a_worker(qtbot, demo_store, locked_window, monkeypatch):
    """Unlocking does not read every page on the UI thread (it grew with the store); a worker does, at once."""
    import threading

    demo_store[0].close()
    threads: list[threading.Thread] = []
    real = ReviewStore.check_integrity

    def watched(store: ReviewStore) -> None:  # the real check, noting which thread runs it
        threads.append(threading.current_thread())
        real(store)

    monkeypatch.setattr(ReviewStore, "check_integrity", watched)
    screen = locked_window.lock_screen
    qtbot.keyClicks(screen.passphrase, DEMO_PASSPHRASE)
    with qtbot.waitSignal(locked_window.store_watch.checked, timeout=10_000):
        screen.submit()
    assert not locked_window.is_locked and threads and threads[0] is not threading.main_thread()


def test_a_page_altered_on_disk_is_found_after_unlock_and_locks(qtbot, demo_store, locked_window, data_dir):
    store, _ = demo_store
    store.close()
    database = data_dir / "store.db"
    data = bytearray(database.read_bytes())
    data[len(data) - 4096 + 100] ^= 0x01  # one bit of the last page: nothing Home or the plan reads
    database.write_bytes(bytes(data))
    screen = locked_window.lock_screen
    qtbot.keyClicks(screen.passphrase, DEMO_PASSPHRASE)
    screen.submit()
    qtbot.waitUntil(lambda: locked_window.is_locked and locked_window.lock_screen.problem_box.isVisible(),
                    timeout=10_000)
    assert "damaged or has been altered" in locked_window.lock_screen.problem_label.text()
    assert database.read_bytes() == bytes(data)  # nothing was written back
