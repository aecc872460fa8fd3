"""The one place that wires the application together: paths, settings, theme, store location, windows.

`run_gui()` is what `spp-desktop` runs; `build_main_window()` is the factory the tests, the screenshot
script and the benchmarks use, so they see exactly the window users get.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from . import paths
from .cli_exit import EXIT_ERROR, EXIT_OK
from .demo import DEMO_PASSPHRASE, demo_package
from .store.errors import StoreError
from .store.keys import KdfParams
from .store.repository import ReviewStore
from .ui import i18n
from .ui.appearance import apply_appearance
from .ui.autolock import IdleLock
from .ui.icons import app_icon
from .ui.main_window import MainWindow
from .ui.review.plan_page import Clock
from .ui.settings import Settings, load_settings, save_settings, settings_path
from .ui.single_instance import InstanceServer, bring_to_front, notify_running
from .ui.startup import claim_data_dir
from .ui.theme import apply_theme, follow_system_scheme

log = logging.getLogger(__name__)

APP_NAME = "SPP Desktop"
ORG_NAME = "SPP"
DESKTOP_FILE = "spp-desktop"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made once, named, iconed and themed."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    return app


def demo_available() -> bool:
    return paths.demo_package_path().exists()


def todays_demo() -> dict[str, Any]:
    return demo_package(start=date.today())


def prepare_demo_store(folder: Path, *, kdf_params: KdfParams | None = None) -> str:
    """A store in `folder` with the demo passphrase and the demo review (dates moved to today)."""
    store = ReviewStore.create(folder, DEMO_PASSPHRASE, kdf_params=kdf_params)
    try:
        return store.import_package(todays_demo())
    finally:
        store.close()


def build_main_window(data_dir: Path, *, settings: Settings | None = None, settings_file: Path | None = None,
                      demo: bool = False, open_on_unlock: str | None = None, kdf_params: KdfParams | None = None,
                      clock: Clock | None = None, idle_lock: IdleLock | None = None) -> MainWindow:
    """The main window on `data_dir`, locked. `demo=True` shows the demo passphrase on the lock screen."""
    return MainWindow(
        Path(data_dir),
        settings=settings if settings is not None else load_settings(settings_file),
        settings_file=settings_file,
        demo_passphrase=DEMO_PASSPHRASE if demo else None,
        demo_package=todays_demo if demo_available() else None,
        kdf_params=kdf_params,
        clock=clock,
        idle_lock=idle_lock,
        open_on_unlock=open_on_unlock,
    )


def _install_store_error_hook(window: MainWindow) -> None:
    """A StoreError escaping from any slot (a page's autosave, say) locks the window with its message."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, StoreError) and not window.is_locked:
            window.on_store_error(value)
            return
        previous(kind, value, tb)

    sys.excepthook = hook


def _quit_on_signals(app: QApplication) -> None:
    """Ctrl+C or SIGTERM end the app cleanly (pages saved, store closed, demo folder removed)."""
    for name in ("SIGINT", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), lambda *_: app.quit())
    ticker = QTimer(app)  # lets the Python interpreter run signal handlers while Qt's loop waits
    ticker.start(300)
    ticker.timeout.connect(lambda: None)


def relaunch_in_language(app: QApplication, old: MainWindow,
                         make_window: Callable[[Settings], MainWindow]) -> MainWindow | None:
    """A change of language applies now, without a restart (which would delete a --demo store): a new
    window, built in the new language, takes over the open store and the reviewer's place (the same
    record, field and cursor). None, and nothing changes, if the typing could not be saved."""
    handed = old.hand_over()
    if handed is None:
        return None
    apply_language(app, old.settings)
    new = make_window(old.settings)
    new.resize(old.size())
    new.show()
    new.take_over(*handed)
    old.deleteLater()
    return new


def apply_language(app: QApplication, settings: Settings) -> str:
    """Install the translators for the language setting (at start-up: a change applies on restart)."""
    return i18n.install_translation(app, settings.language)


def default_data_dir(override: str | Path | None, settings: Settings) -> Path:
    """--data-dir or SPP_DATA_DIR first, then a folder the user chose on an earlier start, then the platform's."""
    if override or os.environ.get("SPP_DATA_DIR") or not settings.data_dir:
        return paths.data_dir(override)
    return Path(settings.data_dir)


def run_gui(data_dir: str | Path | None = None, demo: bool = False) -> int:
    """Open the app. With `demo`, a throwaway store holding the demo review, removed at exit."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings()
    app = application()
    apply_language(app, settings)
    apply_appearance(app, settings.theme, settings.text_size)
    follow_system_scheme(app)
    demo_dir: Path | None = None
    open_on_unlock = None
    lock = None
    instance: InstanceServer | None = None
    try:
        if demo:
            if not demo_available():
                print("The demo review package is missing from this installation.", file=sys.stderr)
                return EXIT_ERROR
            demo_dir = Path(tempfile.mkdtemp(prefix="spp-demo-"))
            open_on_unlock = prepare_demo_store(demo_dir)
            folder = demo_dir
        else:
            wanted = default_data_dir(data_dir, settings)
            if notify_running(wanted):  # already open on these reviews: that window comes to the front
                print("SPP Desktop is already open on these reviews; its window was brought to the front.",
                      file=sys.stderr)
                return EXIT_OK
            claimed = claim_data_dir(wanted)
            if claimed is None:  # unwritable and no other folder chosen, or another copy has it open
                return EXIT_ERROR
            folder, lock = claimed
            if folder != wanted:
                settings.data_dir = str(folder)
                save_settings(settings)
        def make_window(settings: Settings) -> MainWindow:
            made = build_main_window(folder, settings=settings, settings_file=settings_path(), demo=demo,
                                     open_on_unlock=open_on_unlock)
            _install_store_error_hook(made)
            made.language_changed.connect(lambda _language: switch_language(made))
            return made

        def switch_language(old: MainWindow) -> None:
            new = relaunch_in_language(app, old, make_window)
            if new is not None:
                windows[0] = new

        windows = [make_window(settings)]
        _quit_on_signals(app)
        if demo_dir is None:
            instance = InstanceServer(folder, app)
            if instance.listen():
                instance.activated.connect(lambda: bring_to_front(windows[0]))
        windows[0].show()
        if not settings.welcome_seen:
            QTimer.singleShot(0, windows[0].show_welcome)
        code = app.exec()
        window = windows[0]
        if not window.shutdown():  # quit by a signal with unsaved typing: nothing more can be done
            log.warning("Closed with typing that could not be saved.")
        return code
    finally:
        if instance is not None:
            instance.close()
        if lock is not None:
            lock.release()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
