"""Making a window's actions the same way everywhere (the main window's and the sync controller's):
icon, shortcuts, a tooltip that names the shortcut, an object name for tests and accessibility tools,
and the action added to the window so its shortcut works from any page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from .icons import icon


def make_action(window: QWidget, text: str, icon_name: str | None, shortcut: str | list[QKeySequence] | None,
                slot: Callable[[], Any], name: str) -> QAction:
    """`shortcut`: one key sequence as text, or a platform's standard keys (`shortcuts.standard_keys`)."""
    action = QAction(text, window)
    if icon_name:
        action.setIcon(icon(icon_name))
    plain = text.replace("&", "").rstrip("…")
    action.setToolTip(plain)
    keys = [QKeySequence(shortcut)] if isinstance(shortcut, str) else (shortcut or [])
    if keys:
        action.setShortcuts(keys)
        action.setToolTip(QCoreApplication.translate("Actions", "{action} ({shortcut})").format(
            action=plain, shortcut=keys[0].toString(QKeySequence.SequenceFormat.NativeText)))
    action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action
