"""Tab leaves a date or time box in one press.

Qt's date and time boxes use Tab to step between their sections (day, month, year; hours, minutes),
so getting past a "Day" box took three presses and past "Start" two. Here Tab and Shift+Tab go to
the next and previous field, as everywhere else; the arrow keys (and Left/Right between sections) still
edit the date, and the calendar opens with Alt+Down.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QApplication


class _TabLeaves(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            window = watched.window() if isinstance(watched, QAbstractSpinBox) else None
            if window is not None:
                return window.focusNextPrevChild(forward)
        return False


_FILTER: _TabLeaves | None = None


def tab_leaves(*boxes: QAbstractSpinBox) -> None:
    """Make Tab leave each of these boxes at once."""
    global _FILTER  # one filter object for the whole application
    if _FILTER is None:
        _FILTER = _TabLeaves(QApplication.instance())
    for box in boxes:
        box.installEventFilter(_FILTER)
