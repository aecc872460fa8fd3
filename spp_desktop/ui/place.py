"""Where the reviewer was when the window locked, so unlocking brings them straight back.

A `Place` is the review, the page, and the page's own details (the open evidence record, the field
with the keyboard focus, the cursor and the scroll positions). It holds ids and numbers only, never
typed text or names, and lives only in memory: it goes when the app closes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget


@dataclass(frozen=True)
class Place:
    review_id: str
    page: str = "plan"
    detail: dict[str, Any] = field(default_factory=dict)  # the page's own: ids and numbers only


def cursor_of(editor: QWidget) -> dict[str, int]:
    """The text cursor (position and selection anchor) and scroll offset of an editor, if it has them."""
    if isinstance(editor, (QPlainTextEdit, QTextEdit)):
        cursor = editor.textCursor()
        return {"cursor": cursor.position(), "anchor": cursor.anchor(),
                "text_scroll": editor.verticalScrollBar().value()}
    if isinstance(editor, QLineEdit):
        return {"cursor": editor.cursorPosition(), "anchor": editor.cursorPosition()}
    return {}


def put_cursor(editor: QWidget, detail: dict[str, Any]) -> None:
    """Put the cursor back where `cursor_of` found it (clamped to the text as it is now)."""
    position, anchor = int(detail.get("cursor", -1)), int(detail.get("anchor", -1))
    if isinstance(editor, (QPlainTextEdit, QTextEdit)) and position >= 0:
        cursor = editor.textCursor()
        end = len(editor.toPlainText())
        cursor.setPosition(min(max(anchor, 0), end))
        cursor.setPosition(min(position, end), cursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        if "text_scroll" in detail:
            editor.verticalScrollBar().setValue(int(detail["text_scroll"]))
        editor.ensureCursorVisible()
    elif isinstance(editor, QLineEdit) and position >= 0:
        editor.setCursorPosition(min(position, len(editor.text())))

