"""The shell: lock screen, home and the review workspace in one window, with the toolbar, menus and
status bar. No SQL and no business rules here; the store is used through ReviewStore methods only.

Locking (Ctrl+L, the Lock button, idle time, suspend, or a store error) saves every page, throws away
every widget that shows review content, closes the store (which wipes its key) and shows a fresh
lock screen. While locked the window holds nothing but the lock screen, and the `Place` the reviewer
was at (ids and cursor numbers only): unlocking goes back to the same record, field and cursor.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from spp_desktop.domain.evidence import KINDS, EvidenceKind
from spp_desktop.store.errors import StoreError
from spp_desktop.store.repository import KdfParams, ReviewStore

from .actions import make_action
from .appearance import apply_appearance
from .autolock import IdleLock
from .edit_menu import EditMenu
from .help import HelpMenu, WelcomeDialog
from .home import HomePage
from .i18n import error_text, summary_language
from .icons import app_icon
from .lock_notices import LockWarning, lock_notice, show_lost_changes
from .lock_screen import LockScreen
from .place import Place
from .quit_guard import QuitGuard
from .review.plan_page import Clock
from .review.workspace import PAGES, ReviewWorkspace, page_label
from .review_events import ReviewEvents
from .settings import Settings, SettingsDialog, save_settings
from .shortcuts import standard_keys
from .store_watch import StoreWatch
from .sync.controller import SyncController
from .window_fit import restore_geometry, saved_geometry

log = logging.getLogger(__name__)

APP_TITLE = "SPP Desktop"
LOCKED_TITLE = "Locked"  # in English; the window shows locked_title()
# Qt adds " — SPP Desktop" (the application's display name) to these titles itself on Linux and Windows.


def _gui_app() -> QApplication | None:
    """The running QApplication (typed as such: `instance()` is typed as the core application)."""
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else None


def locked_title() -> str:
    return QApplication.translate("MainWindow", "Locked")


class MainWindow(QMainWindow):
    language_changed = Signal(str)  # the new language setting: app.py builds a window in it (take_over)
    def __init__(self, data_dir: Path, *, settings: Settings | None = None, settings_file: Path | None = None,
                 demo_passphrase: str | None = None, demo_package: Callable[[], dict[str, Any]] | None = None,
                 kdf_params: KdfParams | None = None, clock: Clock | None = None,
                 idle_lock: IdleLock | None = None, open_on_unlock: str | None = None):
        super().__init__()
        self.data_dir = Path(data_dir)
        self.settings = settings or Settings()
        self._settings_file = settings_file
        self._demo_passphrase = demo_passphrase
        self._demo_package = demo_package
        self._kdf_params = kdf_params
        self._clock = clock
        self._open_on_unlock = open_on_unlock
        self.store: ReviewStore | None = None
        self.home: HomePage | None = None
        self.workspace: ReviewWorkspace | None = None
        self.lock_screen: LockScreen | None = None
        self._place: Place | None = None  # where to return on unlock (ids and numbers only)
        self._shut_down = False
        self.events = ReviewEvents(self)  # the change hub: saves, synced changes, removals (ui/review_events.py)

        self.setWindowIcon(app_icon())
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self._build_actions()
        self.sync = SyncController(self, self, self.events)  # sync: actions, status bar part, workers (ui/sync)
        self.quit_guard = QuitGuard(self, self.sync, self)
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()

        self.idle_lock = idle_lock or IdleLock()
        self.idle_lock.set_timeout(self.settings.autolock_minutes * 60)
        self.idle_lock.lock_requested.connect(lambda reason: self.lock(reason=reason))
        self.idle_lock.warning.connect(self.lock_warning.warn)
        self.store_watch = StoreWatch(self)  # the whole-file check, on a worker: after unlock, then each minute
        self.store_watch.failed.connect(self.on_store_error)
        app = _gui_app()
        if app is not None:
            self.idle_lock.install(app)
        self._restore_geometry()
        self._show_lock_screen()

    # --- construction -------------------------------------------------------------------------------
    def _action(self, text: str, icon_name: str | None, shortcut: str | list[QKeySequence] | None,
                slot: Callable[[], Any], name: str) -> QAction:
        return make_action(self, text, icon_name, shortcut, slot, name)

    def _build_actions(self) -> None:
        self.act_home = self._action(self.tr("&Reviews"), "home", None, self.show_home, "home")
        self.act_import = self._action(self.tr("Import review &package…"), "import", None, self._import, "import")
        # Qt's standard keys (Cmd+, for Preferences on macOS, where the action moves to the app menu).
        self.act_settings = self._action(self.tr("&Settings…"), "settings",
                                         standard_keys(QKeySequence.StandardKey.Preferences), self.open_settings,
                                         "settings")
        self.act_settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.act_lock = self._action(self.tr("&Lock"), "lock", "Ctrl+L", self.lock, "lock")
        self.act_quit = self._action(self.tr("&Quit"), None, standard_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
                                     self.request_quit, "quit")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        # The registry's "New …" actions (spp_desktop.domain.evidence.KINDS), translated in this context.
        self.act_new_evidence = {
            k.kind: self._action(self.tr(k.new_action.text), k.icon, k.new_action.shortcut or None,
                                 partial(self._new_evidence, k.kind), f"new_{k.kind.value}")
            for k in KINDS if k.new_action is not None}
        self.act_search = self._action(self.tr("&Search evidence"), "search",
                                       standard_keys(QKeySequence.StandardKey.Find, "Ctrl+F"), self._search, "search")
        self.act_go = {name: self._action(page_label(label), icon_name, shortcut, partial(self._go, name),
                                          f"go_{name}")
                       for name, label, icon_name, shortcut in PAGES}
        self.act_present = self._action(self.tr("&Present the findings"), None, "F5", self._present, "present")
        self.act_export_pdf = self._action(self.tr("E&xport feedback summary (PDF)…"), None, None,
                                           self._export_pdf, "exportPdf")
        self._review_actions = [*self.act_new_evidence.values(), self.act_search, *self.act_go.values(),
                                self.act_present, self.act_export_pdf]
        self._unlocked_actions = [self.act_home, self.act_import, self.act_lock, *self._review_actions]

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("mainToolbar")
        bar.setAccessibleName(self.tr("Main toolbar"))
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.act_home)
        bar.addSeparator()
        for action in (*self.act_new_evidence.values(), self.act_search):
            bar.addAction(action)
        self.sync.add_to_toolbar(bar)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.act_lock)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.act_home, self.act_import, self.act_settings):
            menu.addAction(action)
        self.sync.add_to_file_menu(menu)
        menu.addSeparator()
        menu.addAction(self.act_lock)
        menu.addAction(self.act_quit)
        self.edit_menu = EditMenu(self)
        review = self.menuBar().addMenu(self.tr("&Review"))
        for action in self.act_go.values():
            review.addAction(action)
        review.addSeparator()
        for action in (*self.act_new_evidence.values(), self.act_search):
            review.addAction(action)
        review.addSeparator()
        review.addAction(self.act_present)  # from any page, not only the Feedback page
        review.addAction(self.act_export_pdf)
        self.sync.add_to_review_menu(review)
        self.review_menu = review
        self.help = HelpMenu(self, self.data_dir, has_demo=self._demo_package is not None,
                             in_demo=self._demo_passphrase is not None)

    def _build_status_bar(self) -> None:
        self.save_status = QLabel()
        self.save_status.setAccessibleName(self.tr("Save status"))
        self.lock_warning = LockWarning()  # "Locking in 30 s: move the mouse ..."
        self.statusBar().addPermanentWidget(self.lock_warning)
        self.statusBar().addWidget(self.save_status, 1)
        self.sync.install_status_bar(self.statusBar())  # the sync words ("3 changes not yet synced") and widgets

    # --- states -------------------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self.store is None

    @property
    def current_review_id(self) -> str | None:
        return self.workspace.review_id if self.workspace is not None else None

    # --- what the sync controller and the quit reminder may ask (ui/sync/host.py SyncHost) ------------
    @property
    def showing_home(self) -> bool:
        return self.home is not None

    def save_typing(self) -> bool:
        return self.workspace.flush() if self.workspace is not None else True

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def documents_language(self) -> str:
        """The language the review's PDFs are written in, from the settings as they are now."""
        return summary_language(self.settings.summary_language)

    def _set_content(self, widget: QWidget) -> None:
        """Show `widget` and throw away whatever was shown before it (and any content widgets)."""
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        for old in [self.stack.widget(i) for i in range(self.stack.count())]:
            if old is not None and old is not widget:
                self.stack.removeWidget(old)
                old.hide()
                old.setParent(None)  # out of the window at once ...
                old.deleteLater()  # ... and gone at the next turn of the event loop

    def _show_lock_screen(self, message: str = "", notice: str = "") -> None:
        self.lock_screen = LockScreen(self.data_dir, demo_passphrase=self._demo_passphrase,
                                      kdf_params=self._kdf_params, message=message, notice=notice)
        self.lock_screen.unlocked.connect(self.on_unlocked)
        self.home = None
        self.workspace = None
        self._set_content(self.lock_screen)
        self.setWindowTitle(locked_title())
        self.toolbar.hide()
        self.review_menu.menuAction().setVisible(False)
        for action in self._unlocked_actions:
            action.setEnabled(False)
        self._show_review_actions(False)
        self.act_settings.setEnabled(True)
        self.save_status.clear()
        self.sync.on_locked()
        self.lock_screen.setFocus()

    def _show_review_actions(self, shown: bool) -> None:
        for action in self._review_actions:
            action.setEnabled(shown)
            action.setVisible(shown)

    def on_unlocked(self, store: ReviewStore) -> None:
        """The lock screen opened the store: show the review to open on unlock, or home."""
        self.store = store
        self.lock_screen = None
        self.toolbar.show()
        for action in (self.act_home, self.act_import, self.act_lock):
            action.setEnabled(True)
        self.idle_lock.arm()
        self.store_watch.start(store)
        self.sync.on_unlocked()
        place, self._place = self._place, None
        target, self._open_on_unlock = (place.review_id if place else self._open_on_unlock), None
        try:
            if target and store.has_review(target):
                self.open_review(target)
                if place is not None and self.workspace is not None:
                    self.workspace.return_to(place)
            else:
                self.show_home()
        except StoreError as exc:
            self.on_store_error(exc)
        lost = getattr(store, "lost_changes", 0)
        if lost:  # the database's journal (WAL) was deleted or damaged since the last run
            show_lost_changes(self, lost)

    def show_home(self) -> None:
        if self.store is None:
            return
        if self.workspace is not None and not self.workspace.flush():
            self.save_status.setText(self.tr("Some typing could not be saved yet; it is kept on screen."))
            return
        self.home = HomePage(self.store, demo_package=self._demo_package)
        self.home.open_review.connect(self.open_review)
        self.home.follow(self.events)
        self.workspace = None
        self._set_content(self.home)
        self.setWindowTitle(APP_TITLE)
        self.review_menu.menuAction().setVisible(False)
        self._show_review_actions(False)
        self.save_status.clear()
        self.sync.decorate_home(self.home)
        self.sync.show_review(None)

    def open_review(self, review_id: str) -> None:
        if self.store is None:
            return
        workspace = ReviewWorkspace(self.store, review_id, clock=self._clock, events=self.events,
                                    documents_language=self.documents_language)
        workspace.status_changed.connect(self.save_status.setText)
        workspace.store_failed.connect(self.on_store_error)
        self.workspace = workspace
        self.home = None
        self._set_content(workspace)
        self.setWindowTitle(workspace.review.host_school)  # Qt adds " — SPP Desktop"
        self.review_menu.menuAction().setVisible(True)
        self._show_review_actions(True)
        self.sync.show_review(review_id)  # the status words and the conflicts count
        workspace.plan_page.focus_schedule()

    def lock(self, reason: str = "", *, flush: bool = True, message: str = "") -> None:
        """Save, throw away every content widget, close the store and show the lock screen."""
        if self.store is None:
            return
        self.idle_lock.disarm()
        self.store_watch.stop()
        saved = True
        self._place = self.workspace.place() if self.workspace is not None else None
        if self.workspace is not None:
            if flush:
                saved = self.workspace.flush()
            self.workspace.stop()
        for dialog in QApplication.topLevelWidgets():
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()  # a file dialog or message box must not stay open over the lock screen
        store, self.store = self.store, None
        if not saved and not message:
            message = self.tr("Some typing could not be saved before locking (the disk may be full). "
                              "Free some space; everything saved earlier is safe.")
        self._show_lock_screen(message, lock_notice(reason, self.settings.autolock_minutes) if saved else "")
        try:
            store.close()
        except Exception as exc:  # noqa: BLE001 - the keys are wiped by close() whatever happens
            log.warning("Closing the store: %s", type(exc).__name__)
        log.info("Locked (%s)", reason or "by the user")

    def on_store_error(self, exc: StoreError) -> None:
        """A store call failed (file gone, altered ...): show why, lock without writing anything more."""
        log.warning("Store error: %s", type(exc).__name__)
        self.lock(reason="store error", flush=False, message=error_text(exc))

    # --- toolbar actions ----------------------------------------------------------------------------
    def _new_evidence(self, kind: EvidenceKind) -> None:
        if self.workspace is not None:
            self.workspace.new_evidence(kind)

    def _search(self) -> None:
        if self.workspace is not None:
            self.workspace.focus_search()

    def _go(self, name: str) -> None:
        if self.workspace is not None:
            self.workspace.show_page(name)

    def _present(self) -> None:
        if self.workspace is not None:
            self.workspace.present()

    def _export_pdf(self) -> None:
        if self.workspace is not None:
            self.workspace.export_pdf()

    def _import(self) -> None:
        if self.store is None:
            return
        if self.home is None:
            self.show_home()
        if self.home is not None:
            self.home.choose_package()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, self, data_dir=self.data_dir if self.store is not None else None)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.result_settings()
            self.idle_lock.set_timeout(self.settings.autolock_minutes * 60)
            app = _gui_app()
            if app is not None:
                apply_appearance(app, self.settings.theme, self.settings.text_size)  # at once
            save_settings(self.settings, self._settings_file)
            # PySide6 takes the signal itself; its stub asks for the SIGNAL() string.
            if dialog.language_changed and self.receivers(self.language_changed) > 0:  # type: ignore[arg-type]
                self.language_changed.emit(self.settings.language)  # a window in the new language, now

    def hand_over(self) -> tuple[ReviewStore | None, Place | None] | None:
        """For a window built in another language: save, give up the open store and the place, close.
        None (and nothing changes) if typing could not be saved."""
        if self.workspace is not None and not self.workspace.flush():
            return None
        place = self.workspace.place() if self.workspace is not None else None
        store, self.store = self.store, None  # not closed: the next window carries on with it
        self._really_shutdown()
        self.hide()
        return store, place

    def take_over(self, store: ReviewStore | None, place: Place | None) -> None:
        """Carry on where the previous window was (same store, review, record and cursor)."""
        if store is None:
            return
        self._place = place
        self.on_unlocked(store)

    def show_welcome(self) -> None:
        """The first-start welcome; it is not shown again once closed (Help ▸ Welcome brings it back)."""
        dialog: WelcomeDialog = self.help.welcome_dialog()
        dialog.exec()
        self.settings.welcome_seen = True
        save_settings(self.settings, self._settings_file)

    # --- geometry and closing -----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        restore_geometry(self, self.settings.window_geometry)  # never larger than the screen's free area

    def shutdown(self) -> bool:
        """Save, remember the window size, close the store. False if typing could not be saved."""
        if self._shut_down:
            return True
        saved = self.workspace.flush() if self.workspace is not None else True
        if not saved:
            return False
        self._really_shutdown()
        return True

    def _really_shutdown(self) -> None:
        if self._shut_down:
            return
        self._shut_down = True
        self.settings.window_geometry = saved_geometry(self)
        save_settings(self.settings, self._settings_file)
        self.idle_lock.disarm()
        self.store_watch.stop()
        app = _gui_app()
        if app is not None:
            self.idle_lock.uninstall(app)
        self.sync.stop()
        if self.workspace is not None:
            self.workspace.stop()
        if self.store is not None:
            self.store.close()
            self.store = None

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Icons only in the toolbar when the labels would not fit (the Lock button must stay in view)."""
        super().resizeEvent(event)
        narrow = event.size().width() < self.fontMetrics().averageCharWidth() * 135
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if narrow
                                        else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def request_quit(self) -> None:
        """Ctrl+Q: remind about unsynced changes, then close."""
        if self.quit_guard.may_quit():
            self.quit_guard.reminded = True
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # The window manager's close button is spontaneous; app.quit() (a signal, the end of a test) is not.
        reminded, self.quit_guard.reminded = self.quit_guard.reminded, False
        if event.spontaneous() and not reminded and not self._shut_down and not self.quit_guard.may_quit():
            event.ignore()
            return
        if self._shut_down or self.shutdown():
            event.accept()
            return
        answer = QMessageBox.warning(
            self, self.tr("Not everything is saved"),
            self.tr("Some typing could not be saved (the disk may be full). If you close now, it is lost. "
                    "Close anyway?"),
            QMessageBox.StandardButton.Close | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Close:
            self._really_shutdown()
            event.accept()
        else:
            event.ignore()
