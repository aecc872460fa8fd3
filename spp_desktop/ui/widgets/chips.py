"""Chips: small rounded buttons used for enquiry questions and tags. Colours come from the palette,
so they follow the light or dark theme; sizes are in em, so they follow the font and scaling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton, QWidget

CHIP_STYLE = """
QToolButton[chip="true"] {
    border: 1px solid palette(mid); border-radius: 0.8em; padding: 0.2em 0.7em;
    background: palette(base); color: palette(text);
}
QToolButton[chip="true"]:hover { border-color: palette(highlight); }
QToolButton[chip="true"]:focus { border: 2px solid palette(highlight); }
QToolButton[chip="true"]:checked {
    background: palette(highlight); color: palette(highlighted-text); border-color: palette(highlight);
}
QToolButton[chip="true"]:checked:focus { border: 2px solid palette(text); }  /* a ring that shows */
"""


def make_chip(text: str, parent: QWidget | None = None, *, checkable: bool = False) -> QToolButton:
    chip = QToolButton(parent)
    chip.setText(text)
    chip.setCheckable(checkable)
    chip.setProperty("chip", "true")
    chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    chip.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    chip.setCursor(Qt.CursorShape.PointingHandCursor)
    return chip
