"""Fixtures for the UI tests: real widgets (offscreen), a real encrypted store in tmp_path.

Shared by every UI test module:
  demo_store        (store, review_id): a fast-KDF store holding the demo review, dates moved to today
  review_clock      None (real time); override in a module to pin "now" for the plan page
  idle_clock        a FakeClock the window's auto-lock reads; `.advance(seconds)`
  unlocked_window   the main window, unlocked, the demo review open on the Plan page
  widget_texts      widget_texts(root=None) -> every string shown by widgets (titles, labels, fields,
                    item views, tooltips, accessible names) under `root`, or in all live widgets
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import date  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from spp_desktop.demo import DEMO_PASSPHRASE, demo_package  # noqa: E402
from spp_desktop.store.keys import FAST_TEST_KDF  # noqa: E402
from spp_desktop.store.repository import ReviewStore  # noqa: E402
from spp_desktop.ui.autolock import IdleLock  # noqa: E402

TEST_PASSPHRASE = DEMO_PASSPHRASE


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self, start: float = 1_000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def _private_config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings go to a folder of the test's own, never to the real config folder."""
    folder = tmp_path / "config"
    monkeypatch.setenv("SPP_CONFIG_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def demo_store(data_dir: Path) -> Iterator[tuple[ReviewStore, str]]:
    store = ReviewStore.create(data_dir, TEST_PASSPHRASE, kdf_params=FAST_TEST_KDF)
    review_id = store.import_package(demo_package(start=date.today()))
    yield store, review_id
    store.close()


@pytest.fixture
def review_clock() -> Callable | None:
    """What "now" is for the plan page; None means the real clock. Override per test module."""
    return None


@pytest.fixture
def idle_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def wall_clock() -> FakeClock:
    return FakeClock(start=1_700_000_000.0)


def _build_window(qtbot, data_dir: Path, idle_clock: FakeClock, wall_clock: FakeClock, review_clock, **kwargs):
    from spp_desktop.app import application, build_main_window

    application()
    window = build_main_window(data_dir, settings_file=data_dir.parent / "config" / "settings.json",
                               kdf_params=FAST_TEST_KDF, clock=review_clock,
                               idle_lock=IdleLock(clock=idle_clock, wall=wall_clock), **kwargs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def locked_window(qtbot, data_dir: Path, idle_clock: FakeClock, wall_clock: FakeClock, review_clock):
    """The main window on `data_dir`, showing the lock screen (first run if there is no store)."""
    window = _build_window(qtbot, data_dir, idle_clock, wall_clock, review_clock)
    yield window
    window.close()


@pytest.fixture
def unlocked_window(qtbot, demo_store, data_dir: Path, idle_clock: FakeClock, wall_clock: FakeClock, review_clock):
    """The main window, unlocked with the demo store, the demo review open on the Plan page."""
    store, review_id = demo_store
    window = _build_window(qtbot, data_dir, idle_clock, wall_clock, review_clock, open_on_unlock=review_id)
    window.on_unlocked(store)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.workspace is not None)
    yield window
    window.close()


def process_deletions() -> None:
    """Run pending deleteLater() calls now."""
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()


def _texts_of(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.accessibleName()
    yield widget.toolTip()
    if isinstance(widget, (QLabel, QLineEdit, QAbstractButton)):
        yield widget.text()
    if isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model, top = widget.model(), QModelIndex()
        for row in range(min(model.rowCount(top), 5_000)):
            for column in range(64):
                index = model.index(row, column, top)
                if not index.isValid():
                    break
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value


@pytest.fixture
def widget_texts() -> Callable[[QWidget | None], list[str]]:
    def collect(root: QWidget | None = None) -> list[str]:
        process_deletions()
        if root is None:
            widgets = QApplication.allWidgets()
        else:
            widgets = [root, *root.findChildren(QWidget)]
        return [text for w in widgets for text in _texts_of(w) if text]

    return collect
