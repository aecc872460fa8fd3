"""The Edit menu: undo, redo, cut, copy, paste, select all, and "Insert time" for timed notes.

The standard entries act on the field that has the keyboard focus. Their shortcuts are shown but
bound only to the menu itself (WidgetShortcut): a text field handles Ctrl+Z, Ctrl+C … on its own, and
the pages' own Ctrl+Z (undo a delete) must not become ambiguous. "Insert time" (Ctrl+T) types the
current time, e.g. "10:42 ", at the cursor of the focused text field: a running log of a lesson.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QMenu, QPlainTextEdit, QTextEdit, QWidget

INSERT_TIME_SHORTCUT = "Ctrl+T"

_STANDARD = (  # (method on the focused widget, key); None: a separator
    ("undo", QKeySequence.StandardKey.Undo),
    ("redo", QKeySequence.StandardKey.Redo),
    (None, None),
    ("cut", QKeySequence.StandardKey.Cut),
    ("copy", QKeySequence.StandardKey.Copy),
    ("paste", QKeySequence.StandardKey.Paste),
    (None, None),
    ("selectAll", QKeySequence.StandardKey.SelectAll),
)


def time_stamp(now: datetime) -> str:
    return now.strftime("%H:%M") + " "


def insert_time(widget: QWidget | None, now: datetime) -> bool:
    """Type the time at the cursor of a text field. False if the focus is not in one."""
    if isinstance(widget, (QPlainTextEdit, QTextEdit)) and not widget.isReadOnly():
        cursor = widget.textCursor()
        cursor.beginEditBlock()  # its own undo step, not merged with the typing before it
        cursor.insertText(time_stamp(now))
        cursor.endEditBlock()
        widget.ensureCursorVisible()
        return True
    if isinstance(widget, QLineEdit) and not widget.isReadOnly():
        widget.insert(time_stamp(now))
        return True
    return False


class EditMenu(QObject):
    def __init__(self, window: QMainWindow, clock: Callable[[], datetime] = datetime.now):
        super().__init__(window)
        self.window = window
        self._clock = clock
        self.menu: QMenu = window.menuBar().addMenu(self.tr("&Edit"))
        self.actions: dict[str, QAction] = {}
        texts = {"undo": self.tr("&Undo"), "redo": self.tr("&Redo"), "cut": self.tr("Cu&t"),
                 "copy": self.tr("&Copy"), "paste": self.tr("&Paste"), "selectAll": self.tr("Select &all")}
        for method, key in _STANDARD:
            if method is None or key is None:
                self.menu.addSeparator()
                continue
            action = self.menu.addAction(texts[method])
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown, not competing
            action.setObjectName(f"edit_{method}")
            action.triggered.connect(lambda _c=False, m=method: self.run(m))
            self.actions[method] = action
        self.menu.addSeparator()
        self.insert_time_action = self.menu.addAction(self.tr("&Insert time"))
        self.insert_time_action.setShortcut(QKeySequence(INSERT_TIME_SHORTCUT))
        self.insert_time_action.setObjectName("edit_insert_time")
        self.insert_time_action.setToolTip(self.tr("Type the time at the cursor, e.g. 10:42"))
        self.insert_time_action.triggered.connect(lambda _c=False: self.insert_time())
        window.addAction(self.insert_time_action)  # Ctrl+T works while typing, menu closed
        self.menu.aboutToShow.connect(self._update)

    def _target(self) -> QWidget | None:
        return QApplication.focusWidget()

    def run(self, method: str) -> bool:
        target = self._target()
        action = getattr(target, method, None)
        if callable(action):
            action()
            return True
        return False

    def insert_time(self) -> bool:
        return insert_time(self._target(), self._clock())

    def _update(self) -> None:
        """Enable what the focused widget can do (a read-only field cannot be cut or pasted into)."""
        target = self._target()
        editable = isinstance(target, (QPlainTextEdit, QTextEdit, QLineEdit)) and not target.isReadOnly()
        for method, action in self.actions.items():
            possible = callable(getattr(target, method, None))
            if method in ("undo", "redo", "cut", "paste"):
                possible = possible and editable
            action.setEnabled(possible)
        self.insert_time_action.setEnabled(editable)
