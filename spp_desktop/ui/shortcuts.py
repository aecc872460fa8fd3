"""Keyboard shortcuts that must be right on Windows, Linux and macOS alike.

Qt's standard keys where the platform has one (Quit, Find, Help contents, Preferences: Cmd+, on macOS),
with our fallback where the platform has none (Windows has no standard Quit key). The names toggle is
Ctrl+Shift+H, not Ctrl+H: Qt turns Ctrl into Cmd on macOS, and Cmd+H hides the whole app there.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

NAMES_TOGGLE = "Ctrl+Shift+H"


def standard_keys(key: QKeySequence.StandardKey, fallback: str | None = None) -> list[QKeySequence]:
    """The platform's bindings for a standard key, or [fallback] where it has none."""
    bindings = [seq for seq in QKeySequence.keyBindings(key) if not seq.isEmpty()]
    return bindings or ([QKeySequence(fallback)] if fallback else [])


def native(keys: str | QKeySequence) -> str:
    """How the platform writes a shortcut: 'Ctrl+Shift+H' here, '⇧⌘H' on macOS."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
