"""The main window's size: the last one the user chose, but never larger than the screen's free area.

A 1366x768 laptop has about 1366x720 free once the panel or taskbar is taken off, and the window
frame (title bar) needs room too: a window taller than that hides its status bar, which is where
"Saved 10:24" and the sync state are shown.
"""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 760)
FRAME_ALLOWANCE = QSize(16, 40)  # the window manager's frame and title bar, which Qt cannot know in advance


def available_area(window: QWidget) -> QRect | None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fitted_size(wanted: QSize, area: QRect) -> QSize:
    """`wanted`, shrunk to fit `area` with room for the frame."""
    return QSize(max(640, min(wanted.width(), area.width() - FRAME_ALLOWANCE.width())),
                 max(480, min(wanted.height(), area.height() - FRAME_ALLOWANCE.height())))


def restore_geometry(window: QWidget, saved: str) -> None:
    """Restore the saved geometry (base64 of saveGeometry) or the default size, then fit the screen."""
    restored = False
    if saved:
        try:
            restored = bool(window.restoreGeometry(QByteArray(base64.b64decode(saved))))
        except ValueError:
            restored = False
    if not restored:
        window.resize(DEFAULT_SIZE)
    fit_to_screen(window)


def fit_to_screen(window: QWidget) -> None:
    area = available_area(window)
    if area is None or area.isEmpty():
        return
    size = fitted_size(window.size(), area)
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    if not area.contains(frame.topLeft()) or frame.bottom() > area.bottom() or frame.right() > area.right():
        x = min(max(frame.left(), area.left()), max(area.left(), area.right() - frame.width()))
        y = min(max(frame.top(), area.top()), max(area.top(), area.bottom() - frame.height()))
        window.move(x, y)


def saved_geometry(window: QWidget) -> str:
    return base64.b64encode(window.saveGeometry().data()).decode("ascii")
